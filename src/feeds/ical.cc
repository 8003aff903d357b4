// iCalendar writer (RFC 5545) with VTIMEZONE components from ICU.
#include "feeds/ical.h"

#include <unicode/gregocal.h>
#include <unicode/timezone.h>
#include <unicode/vtzone.h>

#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>

namespace plenary::feeds {

namespace {

std::string Compact(const std::string& iso_date) {  // "2022-03-01" → "20220301"
  std::string out;
  for (char c : iso_date)
    if (c != '-') out += c;
  return out;
}

std::string CompactTime(const std::string& hhmm) {  // "13:00" → "130000"
  std::string out;
  for (char c : hhmm)
    if (c != ':') out += c;
  while (out.size() < 6) out += '0';
  return out;
}

std::string UtcStamp(Instant t) {  // 20220301T120000Z
  std::string iso = FormatIso(t);   // 2022-03-01T12:00:00Z
  std::string out;
  for (char c : iso)
    if (c != '-' && c != ':') out += c;
  return out;
}

// The day after an ISO date (DTEND of whole-day events is exclusive).
std::string NextDay(const std::string& iso_date) {
  auto t = ParseIso(iso_date + "T12:00", "UTC");
  if (!t) return iso_date;
  return FormatIso(*t + 86400).substr(0, 10);
}

// ICU's VTIMEZONE for `zone`, with the transitions from `from` on, as content lines.
std::string VTimezone(const std::string& zone, Instant from) {
  std::unique_ptr<icu::VTimeZone> vtz(
      icu::VTimeZone::createVTimeZoneByID(icu::UnicodeString::fromUTF8(zone)));
  if (!vtz) return "";
  icu::UnicodeString out;
  UErrorCode status = U_ZERO_ERROR;
  vtz->write(static_cast<UDate>(from) * 1000.0, out, status);
  if (U_FAILURE(status)) return "";
  std::string text;
  out.toUTF8String(text);
  // Re-fold every line ourselves so that the whole file follows one rule.
  std::string result;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) result += FoldLine(line);
    pos = end + 1;
  }
  return result;
}

bool KnownZone(const std::string& zone) { return !zone.empty() && IsTimeZone(zone); }

}  // namespace

std::string EscapeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      default:
        // Other control characters are not allowed in TEXT (RFC 5545 3.3.11).
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') break;
        out += c;
    }
  }
  return out;
}

std::string FoldLine(std::string_view line) {
  std::string out;
  std::size_t limit = 75;  // octets on the first line; 74 after the leading space
  while (line.size() > limit) {
    std::size_t cut = limit;
    // Never cut before a UTF-8 continuation byte (10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

Civil CivilTime(Instant t, const std::string& zone) {
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar cal(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(KnownZone(zone) ? zone : "UTC")),
      status);
  cal.setTime(static_cast<UDate>(t) * 1000.0, status);
  if (U_FAILURE(status)) return {FormatIso(t).substr(0, 10), FormatIso(t).substr(11, 8)};
  return {fmt::format("{:04}-{:02}-{:02}", cal.get(UCAL_YEAR, status),
                      cal.get(UCAL_MONTH, status) + 1, cal.get(UCAL_DATE, status)),
          fmt::format("{:02}:{:02}:{:02}", cal.get(UCAL_HOUR_OF_DAY, status),
                      cal.get(UCAL_MINUTE, status), cal.get(UCAL_SECOND, status))};
}

std::string WriteCalendar(const Calendar& cal) {
  std::string out;
  auto line = [&out](std::string_view l) { out += FoldLine(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//Plenary//Plenary//" + std::string(cal.lang.empty() ? "EN" : cal.lang));
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:" + EscapeText(cal.name));
  // One VTIMEZONE per zone, covering the earliest event in it (a year before, for safety
  // around a transition).
  std::map<std::string, Instant> zones;
  for (const auto& e : cal.events) {
    if (e.all_day || !KnownZone(e.zone)) continue;
    auto t = ParseIso(e.start_date + "T" + e.start_time.substr(0, 5), e.zone);
    Instant at = t ? *t : 0;
    auto [it, inserted] = zones.emplace(e.zone, at);
    if (!inserted) it->second = std::min(it->second, at);
  }
  for (const auto& [zone, from] : zones) out += VTimezone(zone, from - 366 * 86400);
  std::string stamp = UtcStamp(cal.stamp);
  for (const auto& e : cal.events) {
    line("BEGIN:VEVENT");
    line("UID:" + e.uid);
    line("DTSTAMP:" + stamp);
    if (e.all_day) {
      line("DTSTART;VALUE=DATE:" + Compact(e.start_date));
      line("DTEND;VALUE=DATE:" + Compact(NextDay(e.end_date.empty() ? e.start_date : e.end_date)));
    } else if (zones.contains(e.zone)) {
      line("DTSTART;TZID=" + e.zone + ":" + Compact(e.start_date) + "T" + CompactTime(e.start_time));
      if (!e.end_time.empty())
        line("DTEND;TZID=" + e.zone + ":" + Compact(e.end_date) + "T" + CompactTime(e.end_time));
    } else {
      line("DTSTART:" + Compact(e.start_date) + "T" + CompactTime(e.start_time) + "Z");
      if (!e.end_time.empty())
        line("DTEND:" + Compact(e.end_date) + "T" + CompactTime(e.end_time) + "Z");
    }
    line("SUMMARY:" + EscapeText(e.summary));
    if (!e.description.empty()) line("DESCRIPTION:" + EscapeText(e.description));
    if (!e.location.empty()) line("LOCATION:" + EscapeText(e.location));
    if (!e.url.empty()) line("URL:" + e.url);
    if (!e.category.empty()) line("CATEGORIES:" + EscapeText(e.category));
    line("TRANSP:TRANSPARENT");
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace plenary::feeds

// Time parsing and formatting on top of ICU's calendar and time zones.
#include "base/time.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <chrono>
#include <memory>
#include <regex>

#include <fmt/format.h>

namespace plenary {

Instant Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string FormatIso(Instant t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string FormatLocalIso(Instant t, std::string_view zone) {
  std::unique_ptr<icu::TimeZone> tz(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  std::int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz->getOffset(static_cast<UDate>(t) * 1000.0, false, raw, dst, status);
  const std::int64_t local = t + (U_SUCCESS(status) ? (raw + dst) / 1000 : 0);
  std::time_t tt = static_cast<std::time_t>(local);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}", tm.tm_year + 1900,
                                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
  if (tm.tm_sec) out += fmt::format(":{:02}", tm.tm_sec);
  return out;
}

bool IsTimeZone(std::string_view zone) {
  std::unique_ptr<icu::TimeZone> tz(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  icu::UnicodeString id;
  tz->getID(id);
  // ICU answers the "Etc/Unknown" zone for names it does not know.
  return id != icu::UnicodeString(u"Etc/Unknown");
}

namespace {
// Days from 1970-01-01 to the Gregorian date y-m-d (H. Hinnant's days_from_civil).
Instant DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const Instant era = (y >= 0 ? y : y - 399) / 400;
  const Instant yoe = y - era * 400;
  const Instant doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const Instant doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool ValidDate(int y, int m, int d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}
}  // namespace

bool IsIsoDate(std::string_view text) {
  static const std::regex kDate(R"((\d{4})-(\d{2})-(\d{2}))");
  std::cmatch m;
  std::string s(text);
  if (!std::regex_match(s.c_str(), m, kDate)) return false;
  return ValidDate(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
}

std::optional<Instant> ParseIso(std::string_view text, std::string_view zone) {
  static const std::regex kIso(
      R"((\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)");
  std::string s(text);
  std::smatch m;
  if (!std::regex_match(s, m, kIso)) return std::nullopt;
  int y = std::stoi(m[1]), mo = std::stoi(m[2]), d = std::stoi(m[3]);
  int h = std::stoi(m[4]), mi = std::stoi(m[5]), se = m[6].matched ? std::stoi(m[6]) : 0;
  if (!ValidDate(y, mo, d) || h > 23 || mi > 59 || se > 59) return std::nullopt;
  if (m[7].matched) {
    // A fixed offset: plain arithmetic on the civil date (years 1900–2999, all Gregorian),
    // without building an ICU calendar for each date a page shows.
    int offset_seconds = 0;
    std::string off = m[7];
    if (off != "Z") {
      int oh = std::stoi(off.substr(1, 2)), om = std::stoi(off.substr(4, 2));
      if (oh > 14 || om > 59) return std::nullopt;
      offset_seconds = (oh * 3600 + om * 60) * (off[0] == '-' ? -1 : 1);
    }
    return DaysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - offset_seconds;
  }
  if (!IsTimeZone(zone)) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar cal(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)),
                             status);
  if (U_FAILURE(status)) return std::nullopt;
  cal.clear();
  cal.set(y, mo - 1, d, h, mi, se);
  UDate ms = cal.getTime(status);
  if (U_FAILURE(status)) return std::nullopt;
  return static_cast<Instant>(ms / 1000);
}

}  // namespace plenary

// ICU date, time and interval formatting.
#include "text/dates.h"

#include <unicode/datefmt.h>
#include <unicode/dtitvfmt.h>
#include <unicode/timezone.h>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "base/time.h"
#include "text/messages.h"

namespace plenary::text {

namespace {
std::string Utf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}
// This thread's formatter for `key`, made by `make` the first time (not kept when it fails):
// ICU builds a formatter from its locale data, which took a tenth of a page that lists a few
// dated meetings (docs/PROFILE.md). Formatting is const in ICU but formatters are not
// thread-safe, hence one set a thread; at most 256 are kept, then the set starts again.
template <typename F>
const F* Cached(const std::string& key, const std::function<F*()>& make) {
  thread_local std::unordered_map<std::string, std::unique_ptr<icu::Format>> formats;
  if (auto it = formats.find(key); it != formats.end()) return static_cast<const F*>(it->second.get());
  std::unique_ptr<F> made(make());
  if (!made) return nullptr;
  if (formats.size() >= 256) formats.clear();
  return static_cast<const F*>(formats.emplace(key, std::move(made)).first->second.get());
}
UDate NoonUtc(const std::string& iso_date) {
  return static_cast<UDate>(ParseIso(iso_date + "T12:00Z").value_or(0)) * 1000.0;
}
// `iso_date` with an ICU skeleton ("d", "dMMMM", "yMMMMd") in the language's pattern.
std::string FormatSkeleton(const std::string& iso_date, const char16_t* skeleton,
                           std::string_view lang) {
  std::string key = "skeleton|" + std::string(lang) + "|";
  icu::UnicodeString(skeleton).toUTF8String(key);
  const auto* f = Cached<icu::DateFormat>(key, [&]() -> icu::DateFormat* {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::DateFormat> made(icu::DateFormat::createInstanceForSkeleton(
        icu::UnicodeString(skeleton), icu::Locale(IcuLocale(lang).c_str()), status));
    if (U_FAILURE(status) || !made) return nullptr;
    made->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    return made.release();
  });
  if (!f) return FormatDate(iso_date, lang);
  icu::UnicodeString out;
  f->format(NoonUtc(iso_date), out);
  return Utf8(out);
}
// In running Russian text a year is "2022 года", not the abbreviation "2022 г." of a date line
// (ICU separates it by a space, a no-break space or a narrow no-break space).
std::string RunningText(std::string s, std::string_view lang) {
  if (lang != "ru") return s;
  for (std::string_view abbrev : {" г.", "\u00a0г.", "\u202fг."})
    if (s.ends_with(abbrev)) return s.substr(0, s.size() - abbrev.size()) + " года";
  return s;
}
}  // namespace

std::string FormatDateTime(std::int64_t t, const std::string& zone, std::string_view lang) {
  const auto* f = Cached<icu::DateFormat>("datetime|" + std::string(lang) + "|" + zone, [&] {
    icu::DateFormat* made = icu::DateFormat::createDateTimeInstance(
        icu::DateFormat::kLong, icu::DateFormat::kShort, icu::Locale(IcuLocale(lang).c_str()));
    if (made) made->adoptTimeZone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
    return made;
  });
  icu::UnicodeString out;
  if (f) f->format(static_cast<UDate>(t) * 1000.0, out);
  return Utf8(out) + " (" + zone + ")";
}

std::string FormatDate(const std::string& iso_date, std::string_view lang) {
  const auto* f = Cached<icu::DateFormat>("date|" + std::string(lang), [&] {
    icu::DateFormat* made =
        icu::DateFormat::createDateInstance(icu::DateFormat::kLong, icu::Locale(IcuLocale(lang).c_str()));
    if (made) made->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    return made;
  });
  icu::UnicodeString out;
  if (f) f->format(NoonUtc(iso_date), out);
  return Utf8(out);
}

std::string FormatDateRange(const std::string& from, const std::string& to,
                            std::string_view lang) {
  if (from == to || to.empty()) return FormatDate(from, lang);
  const auto* f = Cached<icu::DateIntervalFormat>("range|" + std::string(lang), [&]() -> icu::DateIntervalFormat* {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::DateIntervalFormat> made(icu::DateIntervalFormat::createInstance(
        u"yMMMMd", icu::Locale(IcuLocale(lang).c_str()), status));
    if (U_FAILURE(status) || !made) return nullptr;
    made->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    return made.release();
  });
  if (!f) return FormatDate(from, lang) + " – " + FormatDate(to, lang);
  UErrorCode status = U_ZERO_ERROR;
  icu::DateInterval interval(NoonUtc(from), NoonUtc(to));
  icu::UnicodeString out;
  icu::FieldPosition pos;
  f->format(&interval, out, pos, status);
  return Utf8(out);
}

std::string FormatDatePhrase(const std::string& from, const std::string& to,
                             std::string_view lang) {
  if (to.empty() || to == from)
    return T(lang, "date_phrase", {{"range", "no"}, {"date", RunningText(FormatDate(from, lang), lang)}});
  // "du 20 au 21 janvier 2022": one end omits the month and year the two ends share. Chinese
  // writes the year first, so there the end is shortened ("2022年1月20日至21日").
  const char16_t* shared = from.substr(0, 7) == to.substr(0, 7)   ? u"d"
                           : from.substr(0, 4) == to.substr(0, 4) ? u"dMMMM"
                                                                  : u"yMMMMd";
  const bool year_first = lang == "zh";
  return T(lang, "date_phrase",
           {{"range", "yes"},
            {"from", FormatSkeleton(from, year_first ? u"yMMMMd" : shared, lang)},
            {"to", RunningText(FormatSkeleton(to, year_first ? shared : u"yMMMMd", lang), lang)}});
}

std::string FormatMonthPhrase(const std::string& from, const std::string& to,
                              std::string_view lang) {
  if (to.empty() || from.substr(0, 7) == to.substr(0, 7))
    return T(lang, "month_phrase",
             {{"range", "no"}, {"month", RunningText(FormatSkeleton(from, u"yMMMM", lang), lang)}});
  // One end omits the year the two share: the first, or the second where the year comes first
  // (Chinese "MMM" is "9月"; its "MMMM" is the month's name, "九月").
  const bool same_year = from.substr(0, 4) == to.substr(0, 4);
  const bool year_first = lang == "zh";
  const std::string a = FormatSkeleton(from, same_year && !year_first ? u"MMMM" : u"yMMMM", lang);
  const std::string b =
      RunningText(FormatSkeleton(to, same_year && year_first ? u"MMM" : u"yMMMM", lang), lang);
  return T(lang, "month_phrase", {{"range", "yes"}, {"from", a}, {"to", b}});
}

}  // namespace plenary::text

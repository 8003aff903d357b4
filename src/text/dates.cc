// ICU date, time and interval formatting.
#include "text/dates.h"

#include <unicode/datefmt.h>
#include <unicode/dtitvfmt.h>
#include <unicode/timezone.h>

#include <memory>

#include "base/time.h"
#include "text/messages.h"

namespace plenary::text {

namespace {
std::string Utf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}
UDate NoonUtc(const std::string& iso_date) {
  return static_cast<UDate>(ParseIso(iso_date + "T12:00Z").value_or(0)) * 1000.0;
}
}  // namespace

std::string FormatDateTime(std::int64_t t, const std::string& zone, std::string_view lang) {
  icu::Locale loc(IcuLocale(lang).c_str());
  std::unique_ptr<icu::DateFormat> f(icu::DateFormat::createDateTimeInstance(
      icu::DateFormat::kLong, icu::DateFormat::kShort, loc));
  f->adoptTimeZone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  icu::UnicodeString out;
  f->format(static_cast<UDate>(t) * 1000.0, out);
  return Utf8(out) + " (" + zone + ")";
}

std::string FormatDate(const std::string& iso_date, std::string_view lang) {
  icu::Locale loc(IcuLocale(lang).c_str());
  std::unique_ptr<icu::DateFormat> f(
      icu::DateFormat::createDateInstance(icu::DateFormat::kLong, loc));
  f->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
  icu::UnicodeString out;
  f->format(NoonUtc(iso_date), out);
  return Utf8(out);
}

std::string FormatDateRange(const std::string& from, const std::string& to,
                            std::string_view lang) {
  if (from == to || to.empty()) return FormatDate(from, lang);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateIntervalFormat> f(icu::DateIntervalFormat::createInstance(
      u"yMMMMd", icu::Locale(IcuLocale(lang).c_str()), status));
  if (U_FAILURE(status)) return FormatDate(from, lang) + " – " + FormatDate(to, lang);
  f->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
  icu::DateInterval interval(NoonUtc(from), NoonUtc(to));
  icu::UnicodeString out;
  icu::FieldPosition pos;
  f->format(&interval, out, pos, status);
  return Utf8(out);
}

}  // namespace plenary::text

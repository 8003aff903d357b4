// The message catalogue: every user-visible string, per language, as ICU MessageFormat.
//
// Catalogues are web/messages/<lang>.json, compiled into the binary. A key missing in a
// language falls back to English. Thread-safe: the catalogue is immutable after loading and
// each thread keeps its own compiled formatters.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace plenary::text {

// The six UN languages, in the order the language switcher shows them.
const std::vector<std::string>& Languages();
bool IsLanguage(std::string_view lang);
// "rtl" for Arabic, "ltr" otherwise.
const char* Direction(std::string_view lang);
// The ICU locale used to format numbers, dates and plurals for `lang`.
std::string IcuLocale(std::string_view lang);

using Arg = std::variant<std::int64_t, double, std::string>;
using Args = std::vector<std::pair<std::string, Arg>>;

class Catalogue {
 public:
  static const Catalogue& Get();
  // The formatted message; "[key]" when no language has it (a bug caught by tests).
  std::string Format(std::string_view lang, std::string_view key, const Args& args = {}) const;
  // The raw pattern, falling back to English; nullptr when unknown.
  const std::string* Pattern(std::string_view lang, std::string_view key) const;
  // Every key and pattern of one language (without fallback).
  const std::map<std::string, std::string>& All(std::string_view lang) const;

 private:
  Catalogue();
  std::map<std::string, std::map<std::string, std::string>> by_lang_;
};

// Shorthand for Catalogue::Get().Format.
std::string T(std::string_view lang, std::string_view key, const Args& args = {});

// A body's acronym as `lang` writes it in running text: the catalogue's body_acronym_<key>
// ("GTC-Internet" in French and Spanish, "РГС-Интернет" in Russian for cwg-internet), else the
// acronym as stored.
std::string BodyAcronym(std::string_view body_key, std::string_view acronym, std::string_view lang);

// "a, b and c" / "a、b和c" / "a، وb وc": ICU's list pattern of `lang`.
std::string FormatList(const std::vector<std::string>& items, std::string_view lang);

}  // namespace plenary::text

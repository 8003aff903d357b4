// Loading the JSON catalogues and formatting with icu::MessageFormat.
#include "text/messages.h"

#include <algorithm>

#include <unicode/listformatter.h>
#include <unicode/msgfmt.h>

#include <memory>
#include <stdexcept>

#include <boost/json.hpp>

#include "base/assets.h"

namespace plenary::text {

const std::vector<std::string>& Languages() {
  static const std::vector<std::string> kLangs = {"ar", "zh", "en", "fr", "ru", "es"};
  return kLangs;
}

bool IsLanguage(std::string_view lang) {
  for (const auto& l : Languages())
    if (l == lang) return true;
  return false;
}

const char* Direction(std::string_view lang) { return lang == "ar" ? "rtl" : "ltr"; }

std::string IcuLocale(std::string_view lang) {
  if (lang == "ar") return "ar@numbers=latn";  // UN Arabic texts keep Latin digits
  if (lang == "en") return "en_GB";            // UN English: no serial comma, d Month yyyy
  return std::string(lang);
}

Catalogue::Catalogue() {
  constexpr std::string_view kDir = "web/messages/";
  for (const auto& [path, data] : assets::All()) {
    if (!path.starts_with(kDir) || !path.ends_with(".json")) continue;
    std::string lang(path.substr(kDir.size(), path.size() - kDir.size() - 5));
    if (!IsLanguage(lang)) continue;  // glossary.json: the terms, read by catalogue_lint_test.cc
    auto& dst = by_lang_[lang];
    boost::json::value parsed = boost::json::parse(data);
    for (const auto& [k, v] : parsed.as_object())
      dst.emplace(std::string(k), std::string(v.as_string()));
  }
  if (!by_lang_.count("en")) throw std::runtime_error("the English catalogue is missing");
}

const Catalogue& Catalogue::Get() {
  static const Catalogue kCatalogue;
  return kCatalogue;
}

const std::map<std::string, std::string>& Catalogue::All(std::string_view lang) const {
  static const std::map<std::string, std::string> kEmpty;
  auto it = by_lang_.find(std::string(lang));
  return it == by_lang_.end() ? kEmpty : it->second;
}

const std::string* Catalogue::Pattern(std::string_view lang, std::string_view key) const {
  for (std::string_view l : {lang, std::string_view("en")}) {
    auto it = by_lang_.find(std::string(l));
    if (it == by_lang_.end()) continue;
    auto kt = it->second.find(std::string(key));
    if (kt != it->second.end()) return &kt->second;
  }
  return nullptr;
}

std::string Catalogue::Format(std::string_view lang, std::string_view key,
                              const Args& args) const {
  const std::string* pattern = Pattern(lang, key);
  if (!pattern) return "[" + std::string(key) + "]";
  if (args.empty() && pattern->find('{') == std::string::npos &&
      pattern->find('\'') == std::string::npos)
    return *pattern;
  // MessageFormat objects are not shared between threads: each thread compiles its own.
  thread_local std::map<std::string, std::unique_ptr<icu::MessageFormat>> cache;
  std::string cache_key = std::string(lang) + '\0' + std::string(key);
  auto it = cache.find(cache_key);
  if (it == cache.end()) {
    UErrorCode status = U_ZERO_ERROR;
    auto fmt = std::make_unique<icu::MessageFormat>(icu::UnicodeString::fromUTF8(*pattern),
                                                    icu::Locale(IcuLocale(lang).c_str()), status);
    if (U_FAILURE(status)) return "[" + std::string(key) + ": bad pattern]";
    it = cache.emplace(cache_key, std::move(fmt)).first;
  }
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const auto& [name, value] : args) {
    names.push_back(icu::UnicodeString::fromUTF8(name));
    if (auto* i = std::get_if<std::int64_t>(&value))
      values.emplace_back(static_cast<int64_t>(*i));
    else if (auto* d = std::get_if<double>(&value))
      values.emplace_back(*d);
    else
      values.emplace_back(icu::UnicodeString::fromUTF8(std::get<std::string>(value)));
  }
  icu::UnicodeString out;
  UErrorCode status = U_ZERO_ERROR;
  it->second->format(names.data(), values.data(), static_cast<int32_t>(values.size()), out,
                     status);
  if (U_FAILURE(status)) return "[" + std::string(key) + ": " + u_errorName(status) + "]";
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

std::string T(std::string_view lang, std::string_view key, const Args& args) {
  return Catalogue::Get().Format(lang, key, args);
}

std::string FormatList(const std::vector<std::string>& items, std::string_view lang) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::ListFormatter> lf(
      icu::ListFormatter::createInstance(icu::Locale(IcuLocale(lang).c_str()), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU list formatter");
  std::vector<icu::UnicodeString> u;
  for (const auto& i : items) u.push_back(icu::UnicodeString::fromUTF8(i));
  icu::UnicodeString out;
  lf->format(u.data(), static_cast<int32_t>(u.size()), out, status);
  std::string s;
  out.toUTF8String(s);
  return s;
}

std::string BodyAcronym(std::string_view body_key, std::string_view acronym,
                        std::string_view lang) {
  std::string key = "body_acronym_" + std::string(body_key);
  std::replace(key.begin(), key.end(), '-', '_');
  if (body_key.empty() || Catalogue::Get().Pattern(lang, key) == nullptr) return std::string(acronym);
  return T(lang, key);
}

}  // namespace plenary::text

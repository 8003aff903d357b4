// Typographic and terminological rules over every pattern of every catalogue: one term per
// concept (web/messages/glossary.json lists the forbidden variants), French apostrophes and
// no-break spaces, Russian е without ё, one Arabic tanwīn spelling, full-width punctuation in
// Chinese text.
#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <vector>

#include "base/assets.h"
#include "text/messages.h"

namespace plenary::text {
namespace {

namespace json = boost::json;

std::string Utf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

// web/messages/glossary.json, compiled into the binary with the catalogues.
json::value Glossary() {
  auto text = assets::Find("web/messages/glossary.json");
  EXPECT_TRUE(text.has_value()) << "web/messages/glossary.json is not embedded";
  if (!text) return nullptr;
  boost::system::error_code ec;
  json::value v = json::parse(*text, ec);
  EXPECT_FALSE(ec) << "glossary.json: " << ec.message();
  return v;
}

// Whether `regex` (an ICU regular expression) occurs in `pattern`.
bool Matches(const std::string& regex, const std::string& pattern) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexPattern> re(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(regex), 0, status));
  EXPECT_TRUE(U_SUCCESS(status)) << "glossary regex " << regex << ": " << u_errorName(status);
  if (U_FAILURE(status)) return false;
  // The matcher keeps a reference to its input: the string must outlive it.
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(pattern);
  std::unique_ptr<icu::RegexMatcher> m(re->matcher(input, status));
  return U_SUCCESS(status) && m->find();
}

TEST(CatalogueLint, GlossaryNamesEveryLanguageForEveryConcept) {
  json::value g = Glossary();
  ASSERT_TRUE(g.is_object());
  const json::array& concepts = g.at("concepts").as_array();
  EXPECT_GE(concepts.size(), 13u);
  for (const auto& c : concepts) {
    const std::string concept_name(c.at("concept").as_string());
    for (const auto& lang : Languages())
      EXPECT_TRUE(c.at("terms").as_object().contains(lang)) << concept_name << " has no " << lang;
  }
}

TEST(CatalogueLint, NoForbiddenVariantOfAGlossaryTerm) {
  json::value g = Glossary();
  ASSERT_TRUE(g.is_object());
  int checked = 0;
  for (const auto& c : g.at("concepts").as_array()) {
    const std::string concept_name(c.at("concept").as_string());
    for (const auto& [lang, variants] : c.at("forbidden").as_object()) {
      ASSERT_TRUE(IsLanguage(lang)) << concept_name << ": " << lang;
      for (const auto& variant : variants.as_array()) {
        const std::string re(variant.as_string());
        ++checked;
        for (const auto& [key, pattern] : Catalogue::Get().All(lang))
          EXPECT_FALSE(Matches(re, pattern))
              << lang << " " << key << " uses “" << re << "”, not the term of “" << concept_name
              << "”: " << pattern;
      }
    }
  }
  EXPECT_GT(checked, 20);
}

// The rule itself can fail: a forbidden variant is found where it stands.
TEST(CatalogueLint, ForbiddenVariantsAreFoundInText) {
  EXPECT_TRUE(Matches("答复", "提交答复"));
  EXPECT_TRUE(Matches("^Compte rendu de la \\{meeting\\}", "Compte rendu de la {meeting}"));
  EXPECT_FALSE(Matches("^Compte rendu de la \\{meeting\\}", "Compte rendu analytique de la {meeting}"));
  EXPECT_TRUE(Matches("[Гг]осударств[а-я]*-член", "государства-члены"));
}

// --- French ----------------------------------------------------------------------------------

// The offending characters of a French pattern: an ASCII apostrophe, or an ordinary space before
// ":", ";", "?", "!", "»" or after "«" (French puts a no-break space there).
std::vector<std::string> FrenchFaults(const std::string& pattern) {
  std::vector<std::string> faults;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(pattern);
  for (int32_t i = 0; i < u.length(); ++i) {
    const char16_t c = u.charAt(i);
    if (c == u'\'') faults.push_back("ASCII apostrophe at " + std::to_string(i));
    if ((c == u':' || c == u';' || c == u'?' || c == u'!' || c == u'»') && i > 0 &&
        u.charAt(i - 1) == u' ')
      faults.push_back("ordinary space before “" + Utf8(icu::UnicodeString(c)) + "” at " +
                       std::to_string(i));
    if (c == u'«' && i + 1 < u.length() && u.charAt(i + 1) == u' ')
      faults.push_back("ordinary space after “«” at " + std::to_string(i));
  }
  return faults;
}

TEST(CatalogueLint, FrenchUsesTypographicApostrophesAndNoBreakSpaces) {
  for (const auto& [key, pattern] : Catalogue::Get().All("fr"))
    for (const auto& fault : FrenchFaults(pattern)) ADD_FAILURE() << "fr " << key << ": " << fault;
}

TEST(CatalogueLint, FrenchRuleFindsFaults) {
  EXPECT_EQ(FrenchFaults("l'examen").size(), 1u);
  EXPECT_EQ(FrenchFaults("Le Président :").size(), 1u);
  EXPECT_EQ(FrenchFaults("« titre »").size(), 2u);
  EXPECT_TRUE(FrenchFaults("Le Président\u00a0: l’examen\u202f; «\u00a0titre\u00a0»").empty());
}

// --- Russian, Arabic -------------------------------------------------------------------------

TEST(CatalogueLint, RussianWritesYeNeverYo) {
  // UN Russian writes е: one spelling per word ("учетная запись", "еще").
  for (const auto& [key, pattern] : Catalogue::Get().All("ru")) {
    EXPECT_EQ(pattern.find("ё"), std::string::npos) << "ru " << key << ": " << pattern;
    EXPECT_EQ(pattern.find("Ё"), std::string::npos) << "ru " << key << ": " << pattern;
  }
}

TEST(CatalogueLint, ArabicWritesTanwinAlFathOneWay) {
  // Fatḥatān on the letter before the alif ("حرفًا"), never on the alif ("حرفاً").
  for (const auto& [key, pattern] : Catalogue::Get().All("ar"))
    EXPECT_EQ(pattern.find("\u0627\u064b"), std::string::npos) << "ar " << key << ": " << pattern;
}

// --- Chinese ---------------------------------------------------------------------------------

// A Han character (CJK Unified Ideographs and Extension A).
bool IsCjk(UChar32 c) { return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF); }

// Half-width punctuation next to a Chinese character: "会议,", "(文件" (full-width belongs
// there: "，", "（"). Between Latin letters or digits ("16,17", "Name (Original Name)") it stays.
std::vector<std::string> ChineseFaults(const std::string& pattern) {
  std::vector<std::string> faults;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(pattern);
  for (int32_t i = 0; i < u.length(); ++i) {
    const char16_t c = u.charAt(i);
    if (c != u',' && c != u';' && c != u':' && c != u'?' && c != u'!' && c != u'(' && c != u')' &&
        c != u'.')
      continue;
    const bool before = i > 0 && IsCjk(u.char32At(i - 1));
    const bool after = i + 1 < u.length() && IsCjk(u.char32At(i + 1));
    if (before || after)
      faults.push_back("half-width “" + Utf8(icu::UnicodeString(c)) + "” at " + std::to_string(i));
  }
  return faults;
}

TEST(CatalogueLint, ChineseTextUsesFullWidthPunctuation) {
  for (const auto& [key, pattern] : Catalogue::Get().All("zh"))
    for (const auto& fault : ChineseFaults(pattern)) ADD_FAILURE() << "zh " << key << ": " << fault;
}

TEST(CatalogueLint, ChineseRuleFindsFaults) {
  EXPECT_EQ(ChineseFaults("会议,文件").size(), 1u);
  EXPECT_EQ(ChineseFaults("理事会(C22)").size(), 1u);
  EXPECT_TRUE(ChineseFaults("会议，文件（C22）例如16,17。Name (Original Name)、").empty());
}

}  // namespace
}  // namespace plenary::text

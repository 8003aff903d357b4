// Typographic and terminological rules over every pattern of every catalogue: one term per
// concept (web/messages/glossary.json lists the forbidden variants), French apostrophes and
// no-break spaces, Russian е without ё, one Arabic tanwīn spelling, full-width punctuation in
// Chinese text, each key once. The typographic rules hold for the demo's stored texts too.
#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <regex>
#include <set>
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

// --- Each key once -----------------------------------------------------------------------------

// A key written twice in a catalogue file is silently overwritten by the second (JSON parsers
// keep the last), so a message meant for one page shows on another.
TEST(CatalogueLint, EveryKeyIsWrittenOnce) {
  static const std::regex kKey(R"re(^\s*"([^"]+)"\s*:)re");
  for (const auto& lang : Languages()) {
    auto text = assets::Find("web/messages/" + lang + ".json");
    ASSERT_TRUE(text.has_value()) << lang;
    std::set<std::string> seen;
    std::size_t start = 0;
    int keys = 0;
    while (start < text->size()) {
      std::size_t end = text->find('\n', start);
      if (end == std::string::npos) end = text->size();
      const std::string line(text->substr(start, end - start));
      std::smatch m;
      if (std::regex_search(line, m, kKey)) {
        ++keys;
        EXPECT_TRUE(seen.insert(m[1].str()).second) << lang << ": “" << m[1].str() << "” twice";
      }
      start = end + 1;
    }
    EXPECT_GT(keys, 400) << lang;
  }
}

// --- The demo's stored texts -------------------------------------------------------------------

// Every text of the demo's files stored under a language key ("fr": "…"), by language, each
// written "where: text".
void DemoTexts(const json::value& v, const std::string& where,
               std::map<std::string, std::vector<std::string>>* by_lang) {
  if (const auto* o = v.if_object()) {
    for (const auto& [k, x] : *o) {
      const std::string key(k);
      if (x.is_string() && IsLanguage(key))
        (*by_lang)[key].push_back(where + "." + key + ": " + std::string(x.as_string()));
      else
        DemoTexts(x, where + "." + key, by_lang);
    }
  } else if (const auto* a = v.if_array()) {
    for (std::size_t i = 0; i < a->size(); ++i)
      DemoTexts((*a)[i], where + "[" + std::to_string(i) + "]", by_lang);
  }
}

TEST(CatalogueLint, DemoTextsFollowTheSameTypographicRules) {
  std::map<std::string, std::vector<std::string>> by_lang;
  for (const char* file : {"src/demo/demo_corpus.json", "src/demo/council2022.json"}) {
    auto text = assets::Find(file);
    ASSERT_TRUE(text.has_value()) << file << " is not embedded";
    boost::system::error_code ec;
    json::value v = json::parse(*text, ec);
    ASSERT_FALSE(ec) << file;
    DemoTexts(v, file, &by_lang);
  }
  ASSERT_GT(by_lang["fr"].size(), 30u);
  ASSERT_GT(by_lang["zh"].size(), 30u);
  // The text after "where: ".
  auto body = [](const std::string& s) { return s.substr(s.find(": ") + 2); };
  for (const auto& s : by_lang["fr"])
    for (const auto& fault : FrenchFaults(body(s))) ADD_FAILURE() << s << " — " << fault;
  for (const auto& s : by_lang["ru"]) EXPECT_EQ(body(s).find("ё"), std::string::npos) << s;
  for (const auto& s : by_lang["ar"]) EXPECT_EQ(body(s).find("\u0627\u064b"), std::string::npos) << s;
  // A document symbol keeps its own brackets inside Chinese text ("C22/32 (Rev.1)号文件", as
  // the ITU seed writes it).
  static const std::regex kSymbolPart(R"(\((Rev|Corr|Add)\.\d+\))");
  for (const auto& s : by_lang["zh"])
    for (const auto& fault : ChineseFaults(std::regex_replace(body(s), kSymbolPart, "")))
      ADD_FAILURE() << s << " — " << fault;
}

// --- Templates -------------------------------------------------------------------------------

// A colon after a label in a template is the language's own (t_punct_colon: "\u00a0: " in
// French, "：" in Chinese), never an ASCII colon written into the markup.
TEST(CatalogueLint, TemplatesTakeTheirColonFromTheCatalogue) {
  static const std::regex kHardColon(R"(\}\}:( |<|$))");
  int templates = 0;
  for (const auto& [path, data] : assets::All()) {
    if (!path.starts_with("web/templates/") || !path.ends_with(".tpl")) continue;
    ++templates;
    const std::string text(data);
    for (std::sregex_iterator it(text.begin(), text.end(), kHardColon), end; it != end; ++it)
      ADD_FAILURE() << path << ": “" << text.substr(std::max<long>(0, it->position() - 40), 44)
                    << "” writes an ASCII colon; use {{t_punct_colon}}";
  }
  EXPECT_GT(templates, 20);
}

}  // namespace
}  // namespace plenary::text

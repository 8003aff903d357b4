// Tests for the message catalogues (web/messages/<lang>.json): every language has exactly the
// English keys, uses the same argument names and select keywords, compiles with ICU in its own
// locale, uses the plural categories of its language, and formats counts and ordinals the way a
// reader of that language expects.
#include "text/dates.h"
#include "text/messages.h"

#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/parseerr.h>
#include <unicode/plurrule.h>
#include <unicode/rbnf.h>
#include <unicode/strenum.h>
#include <unicode/unistr.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace plenary::text {
namespace {

std::string Utf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

const std::map<std::string, std::string>& English() { return Catalogue::Get().All("en"); }

// Every language but English.
std::vector<std::string> Translations() {
  std::vector<std::string> out;
  for (const auto& lang : Languages())
    if (lang != "en") out.push_back(lang);
  return out;
}

// What a pattern uses, read with ICU's own MessageFormat parser (icu::MessagePattern), so that
// nested arguments (a plural inside a select) count too.
struct Shape {
  std::string error;           // empty when the pattern parses
  std::set<std::string> args;  // every argument name
  std::set<std::string> numeric_args;  // used as plural, selectordinal, number or spellout
  std::map<std::string, std::set<std::string>> select_keywords;  // select argument -> keywords
  struct Plural {
    std::string arg;
    bool ordinal;
    std::set<std::string> keywords;  // "one", "few", "=0", ...
  };
  std::vector<Plural> plurals;
  std::vector<std::string> spellout_rule_sets;  // the style of {x, spellout,<style>}
};

Shape Parse(const std::string& pattern) {
  Shape s;
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error{};
  icu::MessagePattern mp(icu::UnicodeString::fromUTF8(pattern), &parse_error, status);
  if (U_FAILURE(status)) {
    s.error = std::string(u_errorName(status)) + " at offset " + std::to_string(parse_error.offset);
    return s;
  }
  const int32_t count = mp.countParts();
  for (int32_t i = 0; i + 1 < count; ++i) {
    const icu::MessagePattern::Part& part = mp.getPart(i);
    if (part.getType() != UMSGPAT_PART_TYPE_ARG_START) continue;
    const std::string name = Utf8(mp.getSubstring(mp.getPart(i + 1)));
    s.args.insert(name);
    const UMessagePatternArgType type = part.getArgType();
    if (type == UMSGPAT_ARG_TYPE_SIMPLE && i + 2 < count) {
      const std::string simple = Utf8(mp.getSubstring(mp.getPart(i + 2)));
      if (simple == "number" || simple == "spellout" || simple == "ordinal" || simple == "duration")
        s.numeric_args.insert(name);
      if (simple == "spellout" && i + 3 < count &&
          mp.getPartType(i + 3) == UMSGPAT_PART_TYPE_ARG_STYLE)
        s.spellout_rule_sets.push_back(Utf8(mp.getSubstring(mp.getPart(i + 3))));
      continue;
    }
    if (type != UMSGPAT_ARG_TYPE_SELECT && type != UMSGPAT_ARG_TYPE_PLURAL &&
        type != UMSGPAT_ARG_TYPE_SELECTORDINAL)
      continue;
    // The keywords of this argument only: skip over each nested message.
    std::set<std::string> keywords;
    const int32_t limit = mp.getLimitPartIndex(i);
    for (int32_t j = i + 2; j < limit; ++j) {
      UMessagePatternPartType t = mp.getPartType(j);
      if (t == UMSGPAT_PART_TYPE_ARG_SELECTOR)
        keywords.insert(Utf8(mp.getSubstring(mp.getPart(j))));
      else if (t == UMSGPAT_PART_TYPE_MSG_START)
        j = mp.getLimitPartIndex(j);
    }
    if (type == UMSGPAT_ARG_TYPE_SELECT) {
      s.select_keywords[name].insert(keywords.begin(), keywords.end());
    } else {
      s.numeric_args.insert(name);
      s.plurals.push_back({name, type == UMSGPAT_ARG_TYPE_SELECTORDINAL, keywords});
    }
  }
  return s;
}

std::unique_ptr<icu::PluralRules> Rules(const std::string& lang, bool ordinal) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(
      icu::Locale(IcuLocale(lang).c_str()), ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL,
      status));
  EXPECT_TRUE(U_SUCCESS(status)) << lang;
  return rules;
}

std::set<std::string> Categories(const icu::PluralRules& rules) {
  std::set<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> e(rules.getKeywords(status));
  while (const char* k = e->next(nullptr, status)) out.insert(k);
  return out;
}

// --- The keys ---------------------------------------------------------------------------------

TEST(Catalogue, EveryLanguageHasACatalogue) {
  for (const auto& lang : Languages())
    EXPECT_FALSE(Catalogue::Get().All(lang).empty()) << "web/messages/" << lang << ".json";
}

TEST(Catalogue, EveryLanguageHasEveryEnglishKey) {
  ASSERT_FALSE(English().empty());
  for (const auto& lang : Translations()) {
    const auto& messages = Catalogue::Get().All(lang);
    for (const auto& [key, pattern] : English())
      EXPECT_TRUE(messages.contains(key)) << lang << " lacks " << key;
  }
}

TEST(Catalogue, NoLanguageHasAKeyThatEnglishLacks) {
  for (const auto& lang : Translations())
    for (const auto& [key, pattern] : Catalogue::Get().All(lang))
      EXPECT_TRUE(English().contains(key)) << lang << " has the extra key " << key;
}

// --- The patterns -----------------------------------------------------------------------------

TEST(Catalogue, EveryPatternCompilesWithIcuInItsLocale) {
  for (const auto& lang : Languages()) {
    icu::Locale locale(IcuLocale(lang).c_str());
    for (const auto& [key, pattern] : Catalogue::Get().All(lang)) {
      UErrorCode status = U_ZERO_ERROR;
      UParseError parse_error{};
      icu::MessageFormat format(icu::UnicodeString::fromUTF8(pattern), locale, parse_error,
                                status);
      EXPECT_TRUE(U_SUCCESS(status)) << lang << " " << key << ": " << u_errorName(status)
                                     << " at offset " << parse_error.offset << " in " << pattern;
    }
  }
}

TEST(Catalogue, ArgumentNamesMatchEnglish) {
  for (const auto& lang : Translations()) {
    const auto& messages = Catalogue::Get().All(lang);
    for (const auto& [key, english] : English()) {
      auto it = messages.find(key);
      if (it == messages.end()) continue;  // reported by EveryLanguageHasEveryEnglishKey
      Shape want = Parse(english), got = Parse(it->second);
      ASSERT_EQ(want.error, "") << "en " << key;
      ASSERT_EQ(got.error, "") << lang << " " << key;
      EXPECT_EQ(got.args, want.args) << lang << " " << key << ": " << it->second;
    }
  }
}

// The code passes the English select keywords ("virtual", "yes", "all", ...): a translation may
// leave some to `other` but must not invent or translate one.
TEST(Catalogue, SelectKeywordsAreOnesEnglishUses) {
  for (const auto& lang : Translations()) {
    const auto& messages = Catalogue::Get().All(lang);
    for (const auto& [key, english] : English()) {
      auto it = messages.find(key);
      if (it == messages.end()) continue;
      Shape want = Parse(english), got = Parse(it->second);
      for (const auto& [arg, keywords] : got.select_keywords) {
        EXPECT_TRUE(want.select_keywords.contains(arg))
            << lang << " " << key << ": {" << arg << "} is a select only in this language";
        for (const auto& k : keywords)
          EXPECT_TRUE(k == "other" || want.select_keywords[arg].contains(k))
              << lang << " " << key << ": {" << arg << ", select, " << k << " …} is not an English case";
      }
    }
  }
}

TEST(Catalogue, PluralKeywordsAreCategoriesOfTheLanguage) {
  for (const auto& lang : Languages()) {
    const std::set<std::string> cardinal = Categories(*Rules(lang, false));
    const std::set<std::string> ordinal = Categories(*Rules(lang, true));
    for (const auto& [key, pattern] : Catalogue::Get().All(lang)) {
      for (const auto& plural : Parse(pattern).plurals) {
        const auto& allowed = plural.ordinal ? ordinal : cardinal;
        for (const auto& k : plural.keywords)
          EXPECT_TRUE(k.starts_with("=") || allowed.contains(k))
              << lang << " " << key << ": " << k << " is not a "
              << (plural.ordinal ? "selectordinal" : "plural") << " category of " << lang;
      }
    }
  }
}

// Russian (1, 2–4, 5–20 …) and Arabic (0, 1, 2, 3–10, 11–99, 100–102 …) change the noun with
// the number: every category that integers fall into must be written out (or, for a category
// holding a single number, given as an explicit =N case).
TEST(Catalogue, RussianAndArabicPluralsGiveEveryIntegerCategory) {
  for (const std::string lang : {"ru", "ar"}) {
    auto rules = Rules(lang, false);
    for (const auto& [key, pattern] : Catalogue::Get().All(lang)) {
      for (const auto& plural : Parse(pattern).plurals) {
        if (plural.ordinal) continue;
        for (const auto& category : Categories(*rules)) {
          if (category == "other" || plural.keywords.contains(category)) continue;
          double samples[64];
          UErrorCode status = U_ZERO_ERROR;
          int32_t n = rules->getSamples(icu::UnicodeString::fromUTF8(category), samples, 64, status);
          bool integers = false, covered = true;
          for (int32_t i = 0; i < n; ++i) {
            if (samples[i] != std::floor(samples[i])) continue;
            integers = true;
            covered = covered && plural.keywords.contains(
                                     "=" + std::to_string(static_cast<std::int64_t>(samples[i])));
          }
          EXPECT_TRUE(!integers || covered)
              << lang << " " << key << ": {" << plural.arg << ", plural, …} has no '" << category
              << "' case";
        }
      }
    }
  }
}

// "{n, spellout, %spellout-ordinal}" (with a space) silently falls back to cardinal numbers:
// the rule set must be named exactly as the locale's number-spellout rules call it.
TEST(Catalogue, SpelloutRuleSetsExistInTheLocale) {
  for (const auto& lang : Languages()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::RuleBasedNumberFormat rbnf(icu::URBNF_SPELLOUT, icu::Locale(IcuLocale(lang).c_str()), status);
    ASSERT_TRUE(U_SUCCESS(status)) << lang;
    std::set<std::string> names;
    for (int32_t i = 0; i < rbnf.getNumberOfRuleSetNames(); ++i)
      names.insert(Utf8(rbnf.getRuleSetName(i)));
    for (const auto& [key, pattern] : Catalogue::Get().All(lang))
      for (const auto& style : Parse(pattern).spellout_rule_sets)
        EXPECT_TRUE(names.contains(style))
            << lang << " " << key << ": no spellout rule set '" << style << "'";
  }
}

// Formats every message of every language with sample arguments — numbers in every plural
// category, every English select keyword — and checks ICU neither fails nor leaves a brace
// behind (which a stray ASCII apostrophe, e.g. "l'{body}", would cause) nor a double space (an
// empty select case, or ICU's Arabic spellout of 21st, 31st, …).
TEST(Catalogue, EveryMessageFormatsWithSampleArguments) {
  for (const auto& [key, english] : English()) {
    std::set<std::string> numeric;
    std::map<std::string, std::set<std::string>> selects;
    std::set<std::string> names;
    for (const auto& lang : Languages()) {
      const std::string* pattern = Catalogue::Get().Pattern(lang, key);
      ASSERT_NE(pattern, nullptr);
      Shape s = Parse(*pattern);
      numeric.insert(s.numeric_args.begin(), s.numeric_args.end());
      names.insert(s.args.begin(), s.args.end());
      for (const auto& [arg, keywords] : s.select_keywords)
        selects[arg].insert(keywords.begin(), keywords.end());
    }
    for (const auto& arg : numeric)
      EXPECT_FALSE(selects.contains(arg)) << key << ": {" << arg << "} is a number and a select";

    // Every combination of select values, each with every sample number.
    std::vector<Args> combinations{{}};
    for (const auto& [arg, keywords] : selects) {
      std::vector<Args> next;
      for (const auto& c : combinations)
        for (const auto& k : keywords) {
          Args a = c;
          a.emplace_back(arg, k == "other" ? std::string("unlisted") : k);
          next.push_back(std::move(a));
        }
      combinations = std::move(next);
    }
    for (const std::int64_t number : {0, 1, 2, 3, 5, 11, 21, 100, 101, 1000000}) {
      for (const auto& combination : combinations) {
        Args args = combination;
        for (const auto& name : names) {
          if (selects.contains(name)) continue;
          if (numeric.contains(name))
            args.emplace_back(name, number);
          else
            args.emplace_back(name, std::string("X"));
        }
        for (const auto& lang : Languages()) {
          std::string out = T(lang, key, args);
          EXPECT_FALSE(out.starts_with("[" + key)) << lang << " " << key << " → " << out;
          EXPECT_EQ(out.find_first_of("{}"), std::string::npos) << lang << " " << key << " → " << out;
          EXPECT_EQ(out.find("  "), std::string::npos) << lang << " " << key << " → " << out;
        }
      }
    }
  }
}

// --- How the translations read ----------------------------------------------------------------

TEST(Catalogue, LanguageNamesAreEndonyms) {
  EXPECT_EQ(T("fr", "language_name"), "Français");
  EXPECT_EQ(T("es", "language_name"), "Español");
  EXPECT_EQ(T("ru", "language_name"), "Русский");
  EXPECT_EQ(T("ar", "language_name"), "العربية");
  EXPECT_EQ(T("fr", "available_only_in", {{"language", T("fr", "language_in_en")}}),
            "Ce texte n’est disponible qu’en anglais.");
  EXPECT_EQ(T("es", "available_only_in", {{"language", T("es", "language_in_en")}}),
            "Este texto solo está disponible en inglés.");
}

TEST(Catalogue, ReportSentencesAreSeparatedBySpaces) {
  for (const std::string lang : {"en", "fr", "es", "ru", "ar"})
    EXPECT_EQ(T(lang, "report_sentence_separator"), " ") << lang;
}

TEST(Catalogue, RussianCountsUseOneFewAndManyForms) {
  auto count = [](std::int64_t n) { return T("ru", "published_responses_count", {{"n", n}}); };
  EXPECT_EQ(count(0), "Опубликованных ответов пока нет");
  EXPECT_EQ(count(1), "1 опубликованный ответ");
  EXPECT_EQ(count(2), "2 опубликованных ответа");
  EXPECT_EQ(count(4), "4 опубликованных ответа");
  EXPECT_EQ(count(5), "5 опубликованных ответов");
  EXPECT_EQ(count(11), "11 опубликованных ответов");
  EXPECT_EQ(count(21), "21 опубликованный ответ");
  EXPECT_NE(count(5), count(1).replace(0, 1, "5"));
  EXPECT_NE(count(5), count(2).replace(0, 1, "5"));
  // The breakdown of the report counts responses: "from a government" only for exactly one.
  auto government = [](std::int64_t n) { return T("ru", "report_from_government", {{"n", n}}); };
  EXPECT_EQ(government(1), "1 ответ от правительства");
  EXPECT_EQ(government(3), "3 ответа от правительств");
  EXPECT_EQ(government(12), "12 ответов от правительств");
  EXPECT_EQ(government(21), "21 ответ от правительств");
  // After "с участием" and "более" the participants are in the genitive.
  EXPECT_EQ(T("ru", "report_registered", {{"n", std::int64_t{21}}, {"more", std::string("yes")}, {"round", std::string("no")}}),
            "более 21 зарегистрированного участника");
  EXPECT_EQ(T("ru", "report_attended", {{"n", std::int64_t{45}}, {"more", std::string("no")}, {"round", std::string("yes")}}),
            "45 активных участников");
}

TEST(Catalogue, ArabicCountsUseAllSixForms) {
  auto government = [](std::int64_t n) { return T("ar", "report_from_government", {{"n", n}}); };
  EXPECT_EQ(government(1), "رد واحد من حكومة");
  EXPECT_EQ(government(2), "ردان من الحكومات");
  EXPECT_EQ(government(3), "3 ردود من الحكومات");
  EXPECT_EQ(government(11), "11 ردًا من الحكومات");
  EXPECT_EQ(government(100), "100 رد من الحكومات");
  EXPECT_NE(government(3).substr(1), government(11).substr(2));  // the noun changes, not just the digits
  EXPECT_EQ(T("ar", "published_responses_count", {{"n", std::int64_t{0}}}),
            "لا توجد ردود منشورة بعد");
  // UN Arabic texts keep Latin digits (ar@numbers=latn).
  EXPECT_EQ(T("ar", "responses_total", {{"n", std::int64_t{25}}}),
            "25 ردًا (دون احتساب الردود المرفوضة)");
}

TEST(Catalogue, FrenchTreatsZeroAndOneAsSingular) {
  auto published = [](std::int64_t n) { return T("fr", "published_responses_count", {{"n", n}}); };
  EXPECT_EQ(published(0), "Aucune réponse publiée pour l’instant");  // explicit =0, as in English
  EXPECT_EQ(published(1), "1 réponse publiée");
  EXPECT_EQ(published(2), "2 réponses publiées");
  auto contributions = [](std::int64_t n) { return T("fr", "contributions_received", {{"n", n}}); };
  EXPECT_EQ(contributions(0), "0 contribution reçue");
  EXPECT_EQ(contributions(1), "1 contribution reçue");
  EXPECT_EQ(contributions(2), "2 contributions reçues");
}

TEST(Catalogue, SpanishReportVerbAgreesWithTheNumberOfResponses) {
  Args args = {{"topic", std::string("T")}, {"period", std::string("enero de 2022")},
               {"breakdown", std::string("B")}};
  Args one = args, two = args;
  one.emplace_back("total", std::int64_t{1});
  two.emplace_back("total", std::int64_t{2});
  EXPECT_NE(T("es", "report_responses", one).find("Se recibió 1 respuesta procedente de"),
            std::string::npos);
  EXPECT_NE(T("es", "report_responses", two).find("Se recibieron 2 respuestas procedentes de"),
            std::string::npos);
}

TEST(Catalogue, MeetingLabelsUseEachLanguagesOrdinals) {
  auto wg = [](const std::string& lang, std::int64_t n) {
    return T(lang, "meeting_label_wg", {{"number", n}, {"body", std::string("CWG-Internet")}});
  };
  auto ocm = [](const std::string& lang, std::int64_t n, const std::string& mode) {
    return T(lang, "meeting_label_ocm", {{"number", n}, {"mode", mode}});
  };
  EXPECT_EQ(wg("fr", 1), "1re réunion du CWG-Internet");
  EXPECT_EQ(wg("fr", 15), "15e réunion du CWG-Internet");
  EXPECT_EQ(wg("es", 15), "15.ª reunión del CWG-Internet");
  EXPECT_EQ(wg("ru", 15), "15-е собрание CWG-Internet");
  EXPECT_EQ(wg("ar", 15), "الاجتماع الخامس عشر لـCWG-Internet");
  EXPECT_EQ(wg("ar", 21), "الاجتماع الحادي والعشرون لـCWG-Internet");
  EXPECT_EQ(ocm("fr", 10, "virtual"), "10e réunion virtuelle de consultation ouverte");
  EXPECT_EQ(ocm("fr", 1, "physical"), "1re réunion de consultation ouverte");
  EXPECT_EQ(ocm("es", 10, "virtual"), "10.ª reunión virtual de consulta abierta");
  EXPECT_EQ(ocm("ru", 10, "hybrid"), "10-е гибридное собрание в рамках открытой консультации");
  EXPECT_EQ(ocm("ar", 10, "virtual"), "اجتماع المشاورة المفتوحة الافتراضي العاشر");
  EXPECT_EQ(ocm("ar", 2, "physical"), "اجتماع المشاورة المفتوحة الثاني");
}

TEST(Catalogue, ReportMeetingSentenceSpellsOutTheOrdinal) {
  // The date is a running-text phrase that brings its own preposition, so no message puts an
  // article before it and Russian reads "года", never "г." inside the sentence.
  auto meeting = [](const std::string& lang, std::int64_t n) {
    return T(lang, "report_meeting",
             {{"number", n}, {"mode", std::string("virtual")},
              {"date", FormatDatePhrase("2021-09-20", "", lang)},
              {"participants", std::string("P")}});
  };
  EXPECT_EQ(meeting("en", 9),
            "The 9th virtual open consultation meeting on this topic was held on 20 September "
            "2021, with P.");
  EXPECT_EQ(meeting("fr", 9),
            "La neuvième réunion virtuelle de consultation ouverte sur ce thème s’est tenue le "
            "20 septembre 2021\u00a0; elle a réuni P.");
  EXPECT_EQ(meeting("es", 10),
            "La décima reunión virtual de consulta abierta sobre este tema se celebró el 20 de "
            "septiembre de 2021, con P.");
  EXPECT_EQ(meeting("ru", 10),
            "20 сентября 2021 года состоялось десятое виртуальное собрание в рамках открытой "
            "консультации по этой теме с участием P.");
  EXPECT_EQ(meeting("ar", 10),
            "وعُقد اجتماع المشاورة المفتوحة الافتراضي العاشر بشأن هذا الموضوع في 20 سبتمبر 2021، "
            "بمشاركة P.");
  EXPECT_EQ(meeting("zh", 10), "2021年9月20日举行了关于上述主题的第十次虚拟公开磋商会议，有P参加。");
}

// Six different sentences for the six situations the code distinguishes, each naming the site.
TEST(Catalogue, PublicationSentenceReadsForEveryCase) {
  for (const std::string lang : {"fr", "es", "ru", "ar"}) {
    std::set<std::string> sentences;
    for (const std::string responses : {"all", "some", "none"})
      for (const std::string summary : {"yes", "no"}) {
        std::string s = T(lang, "report_publication",
                          {{"responses", responses}, {"summary", summary},
                           {"body", std::string("CWG-Internet")}});
        EXPECT_NE(s.find("CWG-Internet"), std::string::npos) << lang << " " << s;
        EXPECT_TRUE(s.ends_with(".")) << lang << " " << s;
        EXPECT_EQ(s.find("  "), std::string::npos) << lang << " " << s;
        sentences.insert(s);
      }
    EXPECT_EQ(sentences.size(), 6u) << lang;
  }
  EXPECT_EQ(T("fr", "report_publication",
              {{"responses", std::string("none")}, {"summary", std::string("no")},
               {"body", std::string("CWG-Internet")}}),
            "Aucune réponse n’est encore publiée sur le site web du CWG-Internet.");
}

}  // namespace
}  // namespace plenary::text

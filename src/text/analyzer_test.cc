// Tests for the search analyzer: normalisation, CJK bigrams, stemming by script, offsets, and
// FTS5 query building.
#include "text/analyzer.h"

#include "testing/testdata.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace plenary::text {
namespace {

std::vector<std::string> Terms(std::string_view text, std::string_view lang) {
  std::vector<std::string> terms;
  for (const Token& token : Analyze(text, lang)) terms.push_back(token.text);
  return terms;
}

// The one term `word` analyses to (fails the test if it is not exactly one).
std::string Term(std::string_view word, std::string_view lang) {
  std::vector<std::string> terms = Terms(word, lang);
  EXPECT_EQ(terms.size(), 1u) << word;
  return terms.empty() ? "" : terms[0];
}

TEST(Analyze, SplitsChineseRunsIntoOverlappingBigramsWithConsecutivePositions) {
  std::vector<Token> tokens = Analyze("互联网", "zh");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].text, "互联");
  EXPECT_EQ(tokens[1].text, "联网");
  EXPECT_EQ(tokens[0].position, 0);
  EXPECT_EQ(tokens[1].position, 1);
  EXPECT_EQ(tokens[0].begin, 0);
  EXPECT_EQ(tokens[0].end, 6);
  EXPECT_EQ(tokens[1].begin, 3);
  EXPECT_EQ(tokens[1].end, 9);
}

TEST(Analyze, IndexesAOneCharacterRunAsAUnigram) {
  EXPECT_EQ(Terms("网", "zh"), (std::vector<std::string>{"网"}));
  EXPECT_EQ(Terms("第101号", "zh"), (std::vector<std::string>{"第", "101", "号"}));
  EXPECT_EQ(Terms("2018年，迪拜", "zh"), (std::vector<std::string>{"2018", "年", "迪拜"}));
}

TEST(Analyze, SplitsRunsAtPunctuationAndOtherScripts) {
  EXPECT_EQ(Terms("理事会。ICT信心", "zh"),
            (std::vector<std::string>{"理事", "事会", "ict", "信心"}));
}

TEST(Analyze, BigramsJapaneseAndKoreanToo) {
  EXPECT_EQ(Terms("カタカナ", "ja"), (std::vector<std::string>{"カタ", "タカ", "カナ"}));
  EXPECT_EQ(Terms("ｶﾀｶﾅ", "ja"), Terms("カタカナ", "ja"));  // half-width katakana folds
  EXPECT_EQ(Terms("한국어", "ko"), (std::vector<std::string>{"한국", "국어"}));
  EXPECT_EQ(Terms("データー", "ja"), (std::vector<std::string>{"デー", "ータ", "ター"}));
}

TEST(AnalyzeForIndex, AddsTheLastCharacterOfEachRunColocatedWithTheLastBigram) {
  std::vector<Token> tokens = AnalyzeForIndex("互联网 网", "zh");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].text, "互联");
  EXPECT_EQ(tokens[1].text, "联网");
  EXPECT_EQ(tokens[2].text, "网");
  EXPECT_EQ(tokens[2].position, tokens[1].position);
  EXPECT_EQ(tokens[2].begin, 6);
  EXPECT_EQ(tokens[2].end, 9);
  EXPECT_EQ(tokens[3].text, "网");  // a one-character run: just its unigram
  EXPECT_EQ(tokens[3].position, 2);
}

TEST(AnalyzeForOffsets, HasTheIndexsTokensAtTheSamePlacesUnstemmed) {
  struct Case {
    std::string text, lang;
  };
  for (const auto& [text, lang] :
       std::vector<Case>{{"The governments' networks, l'accès aux réseaux: 互联网治理 C22/33", "en"},
                         {"Les gouvernements et l'accès universel aux réseaux", "fr"},
                         {"Правительства и сети; الحكومات والشبكات", "ru"},
                         {"الحكومات والشبكات المفتوحة", "ar"},
                         {"互联网治理和网络中立 网 ｶﾀｶﾅ", "zh"}}) {
    std::vector<Token> index = AnalyzeForIndex(text, lang);
    std::vector<Token> places = AnalyzeForOffsets(text, lang);
    ASSERT_EQ(places.size(), index.size()) << text;
    bool some_differ = false;
    for (std::size_t i = 0; i < index.size(); ++i) {
      EXPECT_EQ(places[i].begin, index[i].begin) << text << " " << i;
      EXPECT_EQ(places[i].end, index[i].end) << text << " " << i;
      EXPECT_EQ(places[i].position, index[i].position) << text << " " << i;
      some_differ = some_differ || places[i].text != index[i].text;
    }
    if (lang != "zh") EXPECT_TRUE(some_differ) << text;  // the words are not stemmed
  }
}

TEST(Analyze, FoldsFullWidthFormsAndCaseAndReportsInputOffsets) {
  std::string text = "Ｃ２２／３３";
  std::vector<Token> tokens = Analyze(text, "zh");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].text, "c22");
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Ｃ２２");
  EXPECT_EQ(tokens[1].text, "33");
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "３３");
  EXPECT_EQ(Terms("C22/33", "en"), Terms(text, "en"));
  EXPECT_EQ(Terms("ＧＯＶＥＲＮＭＥＮＴ", "en"), Terms("government", "en"));
}

TEST(Analyze, OffsetsCoverTheWordsOfTheInput) {
  std::string text = "The  Council (C22/33) — “Governments’ views”; ﬁnal.";
  std::vector<std::string> expected = {"The",         "Council", "C22", "33",
                                       "Governments", "views",   "ﬁnal"};
  std::vector<Token> tokens = Analyze(text, "en");
  ASSERT_EQ(tokens.size(), expected.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    EXPECT_EQ(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin), expected[i]);
    EXPECT_EQ(tokens[i].position, static_cast<int>(i));
  }
  EXPECT_EQ(tokens[6].text, "final");
}

TEST(Analyze, KeepsStopWordsAndNumbers) {
  EXPECT_EQ(Terms("the role of the Council in 2022", "en"),
            (std::vector<std::string>{"the", "role", "of", "the", "council", "in", "2022"}));
}

TEST(Analyze, StemsEachLanguageSoThatInflectionsMeet) {
  EXPECT_EQ(Term("governments", "en"), Term("government", "en"));
  EXPECT_EQ(Term("consultations", "fr"), Term("consultation", "fr"));
  EXPECT_EQ(Term("consultas", "es"), Term("consulta", "es"));
  EXPECT_EQ(Term("консультации", "ru"), Term("консультация", "ru"));
  EXPECT_EQ(Term("Консультации", "ru"), Term("консультация", "ru"));
  EXPECT_EQ(Term("ёлка", "ru"), Term("елка", "ru"));
  EXPECT_EQ(Term("المشاورات", "ar"), Term("المشاورة", "ar"));
}

TEST(Analyze, PicksTheStemmerByScript) {
  // Cyrillic and Arabic words get their own stemmer whatever the document's language.
  EXPECT_EQ(Term("консультации", "en"), Term("консультации", "ru"));
  EXPECT_EQ(Term("المشاورات", "zh"), Term("المشاورات", "ar"));
  // Latin words: the document's stemmer for en, fr, es; English otherwise.
  EXPECT_EQ(Term("politiques", "fr"), "polit");
  EXPECT_EQ(Term("politiques", "en"), "politiqu");
  EXPECT_EQ(Term("politiques", "zh"), "politiqu");
  EXPECT_EQ(Term("politiques", "ru"), "politiqu");
  EXPECT_EQ(Term("informations", "es-419"), "informations");  // Spanish rules: no English -s
  EXPECT_EQ(Term("informations", "ar"), "inform");
  EXPECT_EQ(Term("politiques", "FR_ch"), "polit");
  // A word with a digit is not stemmed.
  EXPECT_EQ(Term("G20s", "en"), "g20s");
}

TEST(Analyze, NormalisesArabic) {
  // Fully vocalised (tashkeel), with tatweel, and bare forms meet.
  EXPECT_EQ(Term("الْمُشَاوَرَاتُ", "ar"), Term("المشاورات", "ar"));
  EXPECT_EQ(Term("مشـــاورات", "ar"), Term("مشاورات", "ar"));
  // Alef variants, alef maqsura, taa marbuta.
  EXPECT_EQ(Term("أحمد", "ar"), Term("احمد", "ar"));
  EXPECT_EQ(Term("إعلان", "ar"), Term("اعلان", "ar"));
  EXPECT_EQ(Term("آراء", "ar"), Term("اراء", "ar"));
  EXPECT_EQ(Term("ٱلقرار", "ar"), Term("القرار", "ar"));
  EXPECT_EQ(Term("مستشفى", "ar"), Term("مستشفي", "ar"));
  EXPECT_EQ(Term("مدرسة", "ar"), Term("مدرسه", "ar"));
  // Presentation forms fold through NFKC; Arabic-Indic digits become ASCII.
  EXPECT_EQ(Term("ﻻ", "ar"), Term("لا", "ar"));
  EXPECT_EQ(Term("٢٠٢٢", "ar"), "2022");
}

TEST(Analyze, RemovesFrenchElisionsOnlyInFrench) {
  EXPECT_EQ(Term("l'environnement", "fr"), Term("environnement", "fr"));
  EXPECT_EQ(Term("L’Environnement", "fr"), Term("environnement", "fr"));
  EXPECT_EQ(Term("qu'il", "fr"), "il");
  EXPECT_EQ(Term("aujourd'hui", "fr"), "aujourd'hui");
  EXPECT_NE(Term("l'environnement", "en"), Term("environnement", "en"));
}

TEST(Analyze, ReturnsNothingForEmptyOrPunctuationOnlyText) {
  EXPECT_TRUE(Analyze("", "en").empty());
  EXPECT_TRUE(Analyze(" ,.;—“”（）。、 \n\t", "zh").empty());
  EXPECT_TRUE(Analyze("\u064B\u0640", "ar").empty());  // a lone fathatan and tatweel
}

TEST(Analyze, SurvivesIllFormedUtf8WithOffsetsInBounds) {
  std::mt19937 random(42);
  std::string alphabet = "a1 网\xE4\xB8\xAD\xFF\xC0\x80\xED\xA0\x80Ａ\u064B'’";
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) {
      if (random() % 4 == 0)
        text += static_cast<char>(random() % 256);
      else
        text += alphabet[random() % alphabet.size()];
    }
    for (const auto& analyze : {Analyze, AnalyzeForIndex}) {
      int previous_begin = 0;
      for (const Token& token : analyze(text, round % 2 ? "ar" : "zh")) {
        EXPECT_FALSE(token.text.empty());
        EXPECT_LE(0, token.begin);
        EXPECT_LT(token.begin, token.end);
        EXPECT_LE(token.end, static_cast<int>(text.size()));
        EXPECT_LE(previous_begin, token.begin);
        previous_begin = token.begin;
      }
    }
    std::string query = ToFtsQuery(text, "zh");
    (void)query;
  }
}

TEST(Analyze, GivesTheSameResultsOnManyThreads) {
  std::string text = testdata::ReadSeed("000_") + "\n" + testdata::ReadSeed("001_");
  ASSERT_GT(text.size(), 10000u);
  std::vector<Token> expected = Analyze(text, "zh");
  std::vector<std::thread> threads;
  std::vector<int> same(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      const char* lang = t % 2 ? "zh" : "en";  // exercise several stemmers per thread
      for (int i = 0; i < 5; ++i) {
        std::vector<Token> tokens = Analyze(text, "zh");
        Analyze("governments консультации المشاورات consultas", lang);
        same[t] += tokens.size() == expected.size() &&
                   std::equal(tokens.begin(), tokens.end(), expected.begin(),
                              [](const Token& a, const Token& b) {
                                return a.text == b.text && a.begin == b.begin && a.end == b.end &&
                                       a.position == b.position;
                              });
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(same[t], 5) << "thread " << t;
}

TEST(ToFtsQuery, MakesACjkWordAPhraseOfItsBigrams) {
  EXPECT_EQ(ToFtsQuery("互联网", "zh"), "\"互联 联网\"");
  EXPECT_EQ(ToFtsQuery("网络安全 公开磋商", "zh"), "\"网络 络安 安全\" AND \"公开 开磋 磋商\"");
  EXPECT_EQ(ToFtsQuery("网络安全，公开磋商", "zh"), "\"网络 络安 安全\" AND \"公开 开磋 磋商\"");
}

TEST(ToFtsQuery, TurnsAOneCharacterCjkTermIntoAPrefixQuery) {
  EXPECT_EQ(ToFtsQuery("网", "zh"), "\"网\"*");
  EXPECT_EQ(ToFtsQuery("第101号", "zh"), "\"第 101 号\"*");
}

TEST(ToFtsQuery, JoinsTermsWithAndAndKeepsWordsAsWritten) {
  EXPECT_EQ(ToFtsQuery("Public  consultations", "en"), "\"Public\" AND \"consultations\"");
  EXPECT_EQ(ToFtsQuery("Ｃ２２／３３", "zh"), "\"Ｃ２２ ３３\"");
  EXPECT_EQ(ToFtsQuery("ICT信心", "zh"), "\"ICT 信心\"");
}

TEST(ToFtsQuery, KeepsQuotedPhrasesAsPhrases) {
  EXPECT_EQ(ToFtsQuery("\"public consultation\" council", "en"),
            "\"public consultation\" AND \"council\"");
  EXPECT_EQ(ToFtsQuery("“公开磋商 进程”", "zh"), "\"公开 开磋 磋商 进程\"");
  EXPECT_EQ(ToFtsQuery("« consultation publique »", "fr"), "\"consultation publique\"");
}

TEST(ToFtsQuery, NeutralisesFts5Syntax) {
  EXPECT_EQ(ToFtsQuery("a\" OR b", "en"), "\"a\" AND \"OR\" AND \"b\"");
  EXPECT_EQ(ToFtsQuery("NEAR(a b)", "en"), "\"NEAR\" AND \"a\" AND \"b\"");
  EXPECT_EQ(ToFtsQuery("body:secret -x ^y z*", "en"),
            "\"body\" AND \"secret\" AND \"x\" AND \"y\" AND \"z\"");
  EXPECT_EQ(ToFtsQuery("NEAR(", "en"), "\"NEAR\"");
  for (const char* syntax : {"", "\"", "\"\"", "*", "-", ":", "(", ")", "{}", "^", " ", "+"})
    EXPECT_EQ(ToFtsQuery(syntax, "en"), "") << syntax;
}

}  // namespace
}  // namespace plenary::text

// Tests for the "plenary" FTS5 tokenizer with queries from text::ToFtsQuery, on real
// Chinese Council documents (the seeds) and on sentences in the other UN languages.
#include "storage/fts5_tokenizer.h"

#include "testing/testdata.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "text/analyzer.h"

namespace plenary::storage {
namespace {

using text::ToFtsQuery;

// Non-blank lines of the seed documents (testdata/seeds/*.txt), in file name order.
std::vector<std::string> SeedParagraphs() {
  std::vector<std::string> paragraphs;
  for (const auto& file : testdata::SeedFiles()) {
    std::ifstream in(file, std::ios::binary);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") != std::string::npos) paragraphs.push_back(line);
    }
  }
  return paragraphs;
}

class Fts5TokenizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    RegisterTokenizer(db_);
  }
  void TearDown() override { sqlite3_close(db_); }

  // Runs `sql`; returns "" or SQLite's error message.
  std::string Exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return "";
    std::string error = message != nullptr ? message : "error";
    sqlite3_free(message);
    return error;
  }

  void CreateTable(const std::string& lang) {
    ASSERT_EQ(Exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'plenary " + lang + "')"),
              "");
  }

  std::int64_t Insert(const std::string& body) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, "INSERT INTO t(body) VALUES (?1)", -1, &stmt, nullptr),
              SQLITE_OK);
    sqlite3_bind_text(stmt, 1, body.data(), static_cast<int>(body.size()), SQLITE_TRANSIENT);
    EXPECT_EQ(sqlite3_step(stmt), SQLITE_DONE) << sqlite3_errmsg(db_);
    sqlite3_finalize(stmt);
    return sqlite3_last_insert_rowid(db_);
  }

  // Rows of `sql` (first column as integer, optional second as double) with ?1 = `match`; a
  // failed statement is a test failure.
  std::vector<std::pair<std::int64_t, double>> Rows(const std::string& sql,
                                                    const std::string& match) {
    std::vector<std::pair<std::int64_t, double>> rows;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sqlite3_errmsg(db_) << " preparing " << sql;
      return rows;
    }
    sqlite3_bind_text(stmt, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      rows.emplace_back(sqlite3_column_int64(stmt, 0),
                        sqlite3_column_count(stmt) > 1 ? sqlite3_column_double(stmt, 1) : 0);
    }
    if (rc != SQLITE_DONE) ADD_FAILURE() << sqlite3_errmsg(db_) << " for MATCH " << match;
    sqlite3_finalize(stmt);
    return rows;
  }

  // Rowids that the user query `query` finds, through ToFtsQuery.
  std::set<std::int64_t> Search(const std::string& query, const std::string& lang) {
    std::string match = ToFtsQuery(query, lang);
    if (match.empty()) return {};
    std::set<std::int64_t> ids;
    for (const auto& row : Rows("SELECT rowid FROM t WHERE t MATCH ?1", match))
      ids.insert(row.first);
    return ids;
  }

  std::string Highlight(const std::string& query, const std::string& lang) {
    sqlite3_stmt* stmt = nullptr;
    std::string result;
    std::string match = ToFtsQuery(query, lang);
    EXPECT_EQ(sqlite3_prepare_v2(db_,
                                 "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1 "
                                 "ORDER BY rowid",
                                 -1, &stmt, nullptr),
              SQLITE_OK);
    sqlite3_bind_text(stmt, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      if (!result.empty()) result += " | ";
      result += reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    return result;
  }

  sqlite3* db_ = nullptr;
};

// Inserts the seed paragraphs (rowid = index + 1); fails the test when there are none.
#define LOAD_SEEDS(paragraphs)                            \
  std::vector<std::string> paragraphs = SeedParagraphs(); \
  ASSERT_GT(paragraphs.size(), 50u);                      \
  CreateTable("zh");                                                           \
  for (const std::string& p : paragraphs) Insert(p)

std::set<std::int64_t> Containing(const std::vector<std::string>& paragraphs,
                                  const std::string& needle) {
  std::set<std::int64_t> ids;
  for (size_t i = 0; i < paragraphs.size(); ++i)
    if (paragraphs[i].find(needle) != std::string::npos) ids.insert(static_cast<int64_t>(i) + 1);
  return ids;
}

TEST_F(Fts5TokenizerTest, ChineseWordsFindExactlyTheSeedParagraphsContainingThem) {
  LOAD_SEEDS(paragraphs);
  size_t found = 0;
  for (const std::string word : {"网络安全", "公开磋商", "互联网", "理事会", "环境影响", "国际电联",
                                 "决议", "全权代表大会"}) {
    std::set<std::int64_t> expected = Containing(paragraphs, word);
    EXPECT_EQ(Search(word, "zh"), expected) << word << " → " << ToFtsQuery(word, "zh");
    found += expected.size();
  }
  EXPECT_GT(found, 0u);
}

TEST_F(Fts5TokenizerTest, OneCharacterQueryFindsEverySeedParagraphWithTheCharacter) {
  LOAD_SEEDS(paragraphs);
  for (const std::string character : {"网", "会", "年", "号", "的"}) {
    EXPECT_EQ(Search(character, "zh"), Containing(paragraphs, character)) << character;
  }
}

TEST_F(Fts5TokenizerTest, Bm25RanksTheDensestParagraphFirst) {
  LOAD_SEEDS(paragraphs);
  std::int64_t dense = Insert("互联网、互联网和互联网。");
  std::vector<std::pair<std::int64_t, double>> rows =
      Rows("SELECT rowid, bm25(t) FROM t WHERE t MATCH ?1 ORDER BY bm25(t) LIMIT 20",
           ToFtsQuery("互联网", "zh"));
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0].first, dense);
  EXPECT_EQ(rows.size(), std::min<size_t>(20, Containing(paragraphs, "互联网").size() + 1));
  for (size_t i = 1; i < rows.size(); ++i) EXPECT_LE(rows[i - 1].second, rows[i].second);
  EXPECT_LT(rows[0].second, 0);  // bm25() is negated: better matches are smaller
}

TEST_F(Fts5TokenizerTest, PhraseDoesNotMatchTheSameCharactersScatteredApart) {
  CreateTable("zh");
  std::int64_t hit = Insert("国际电联的互联网活动");
  for (const std::string decoy :
       {"互 联网", "互……联网", "联网互", "互联 网", "网联互", "互，联，网", "互相联系的网"}) {
    Insert(decoy);
  }
  EXPECT_EQ(Search("互联网", "zh"), std::set<std::int64_t>{hit});
  EXPECT_EQ(Search("\"互联网活动\"", "zh"), std::set<std::int64_t>{hit});
  EXPECT_TRUE(Search("互联网活网", "zh").empty());
}

TEST_F(Fts5TokenizerTest, HighlightMarksTheOriginalCharacters) {
  CreateTable("zh");
  Insert("国际电联互联网活动（Ｃ２２／３３号文件）");
  EXPECT_EQ(Highlight("互联网", "zh"), "国际电联[互联网]活动（Ｃ２２／３３号文件）");
  EXPECT_EQ(Highlight("C22/33", "zh"), "国际电联互联网活动（[Ｃ２２／３３]号文件）");
  // A one-character query matches a bigram (prefix) or a run-final unigram; highlight() marks
  // the bigram either way, as FTS5 takes a position's offsets from its first, non-colocated token.
  EXPECT_EQ(Highlight("网", "zh"), "国际电联互联[网活]动（Ｃ２２／３３号文件）");
  EXPECT_EQ(Highlight("动", "zh"), "国际电联互联网[活动]（Ｃ２２／３３号文件）");
}

TEST_F(Fts5TokenizerTest, FullWidthDocumentNumberFindsHalfWidthOne) {
  CreateTable("zh");
  std::int64_t hit = Insert("理事会将C22/33号文件中的报告记录在案。");
  Insert("总秘书处的代表介绍了C21/33号文件。");
  Insert("第33号决议和C22/18号文件。");
  EXPECT_EQ(Search("Ｃ２２／３３", "zh"), std::set<std::int64_t>{hit});
  EXPECT_EQ(Search("c22/33", "zh"), std::set<std::int64_t>{hit});
}

TEST_F(Fts5TokenizerTest, EnglishPluralFindsSingularAndBack) {
  CreateTable("en");
  std::int64_t singular = Insert("The government of Switzerland hosted the meeting.");
  std::int64_t plural = Insert("Governments submitted comments to the Council.");
  Insert("The secretariat published the agenda.");
  EXPECT_EQ(Search("governments", "en"), (std::set<std::int64_t>{singular, plural}));
  EXPECT_EQ(Search("Government", "en"), (std::set<std::int64_t>{singular, plural}));
  EXPECT_EQ(Search("\"governments submitted\"", "en"), std::set<std::int64_t>{plural});
}

TEST_F(Fts5TokenizerTest, FrenchPluralFindsSingularAndElidedWords) {
  CreateTable("fr");
  std::int64_t doc = Insert("Les résultats de la consultation publique sur l’environnement.");
  Insert("Le Conseil a adopté le rapport annuel.");
  EXPECT_EQ(Search("consultations", "fr"), std::set<std::int64_t>{doc});
  EXPECT_EQ(Search("environnement", "fr"), std::set<std::int64_t>{doc});
  EXPECT_EQ(Search("« consultations publiques »", "fr"), std::set<std::int64_t>{doc});
}

TEST_F(Fts5TokenizerTest, SpanishPluralFindsSingularAndBack) {
  CreateTable("es");
  std::int64_t singular = Insert("La consulta pública se abrió en marzo.");
  std::int64_t plural = Insert("Las consultas con los Estados Miembros continúan.");
  Insert("El Consejo aprobó el presupuesto.");
  EXPECT_EQ(Search("consultas", "es"), (std::set<std::int64_t>{singular, plural}));
  EXPECT_EQ(Search("consulta", "es"), (std::set<std::int64_t>{singular, plural}));
}

TEST_F(Fts5TokenizerTest, RussianInflectionsMeet) {
  CreateTable("ru");
  std::int64_t singular = Insert("Открытая консультация по вопросам интернета.");
  std::int64_t plural = Insert("Консультации с Государствами-Членами продолжаются.");
  Insert("Совет утвердил бюджет.");
  EXPECT_EQ(Search("консультации", "ru"), (std::set<std::int64_t>{singular, plural}));
  EXPECT_EQ(Search("КОНСУЛЬТАЦИЯ", "ru"), (std::set<std::int64_t>{singular, plural}));
}

TEST_F(Fts5TokenizerTest, ArabicFormsAndVocalisationMeet) {
  CreateTable("ar");
  std::int64_t singular = Insert("نتائج المشاورة العامة بشأن الإنترنت.");
  std::int64_t plural = Insert("وأُجريت المشاورات مع الدول الأعضاء.");
  std::int64_t vocalised = Insert("اعْتَمَدَ الْمَجْلِسُ الْمِيزَانِيَّةَ.");
  Insert("اعتمد المؤتمر جدول الأعمال.");
  EXPECT_EQ(Search("المشاورات", "ar"), (std::set<std::int64_t>{singular, plural}));
  EXPECT_EQ(Search("الْمُشَاوَرَةُ", "ar"), (std::set<std::int64_t>{singular, plural}));
  EXPECT_EQ(Search("المجلس", "ar"), std::set<std::int64_t>{vocalised});
  EXPECT_EQ(Search("الميزانية", "ar"), std::set<std::int64_t>{vocalised});
}

TEST_F(Fts5TokenizerTest, InjectionAttemptsNeitherFailNorMatchEverything) {
  CreateTable("en");
  for (const std::string body :
       {"alpha beta", "beta gamma", "gamma delta", "or near not and", "body text", "x y z"}) {
    Insert(body);
  }
  const std::int64_t total = 6;
  for (const std::string attack : {"alpha\" OR beta",
                                   "alpha OR gamma",
                                   "\"",
                                   "\"\"",
                                   "\"alpha",
                                   "alpha\"",
                                   "*",
                                   "alpha*",
                                   "NEAR(",
                                   "NEAR(alpha beta)",
                                   "NEAR(alpha beta, 5)",
                                   "-",
                                   "-alpha",
                                   "alpha NOT beta",
                                   ":",
                                   "body:alpha",
                                   "{body}: alpha",
                                   "^alpha",
                                   "(alpha OR beta)",
                                   "alpha AND",
                                   "OR",
                                   "AND",
                                   "NOT",
                                   "+",
                                   "'",
                                   "alpha\" OR \"\" OR \"beta",
                                   "\\\"",
                                   "\x01",
                                   "%",
                                   "x OR y OR z OR *"}) {
    std::string match = ToFtsQuery(attack, "en");
    std::set<std::int64_t> found = Search(attack, "en");  // a SQL error fails the test here
    EXPECT_LT(static_cast<std::int64_t>(found.size()), total) << attack << " → " << match;
    EXPECT_LE(found.size(), 1u) << attack << " → " << match;
  }
  // Random strings of FTS5 syntax and words always give a valid expression.
  std::mt19937 random(7);
  const std::vector<std::string> parts = {"\"",    "*",      "(",   ")",   ":", "-", "+",    "^",
                                          "NEAR",  "OR",     "AND", "NOT", "{", "}", ",",    " ",
                                          "alpha", "互联网", "网",  "“",   "”", "'", "body", "0"};
  for (int round = 0; round < 500; ++round) {
    std::string query;
    for (int i = random() % 12; i > 0; --i) query += parts[random() % parts.size()];
    Search(query, "en");
  }
}

TEST_F(Fts5TokenizerTest, ADocumentsTokensComeFromTheSupplyWhenItHasThem) {
  CreateTable("en");
  // The supply answers for one text of the table's language only, with tokens of its own.
  const std::vector<text::Token> supplied = {{"zebra", 0, 3, 0}, {"quokka", 4, 7, 1}};
  std::int64_t from_supply = 0, analysed = 0, other_language = 0;
  {
    TokenSupply supply([&](std::string_view lang, std::string_view body)
                           -> const std::vector<text::Token>* {
      if (body == "one two") return lang == "en" ? &supplied : nullptr;
      return nullptr;
    });
    from_supply = Insert("one two");
    analysed = Insert("three four");
  }
  other_language = Insert("one two");  // after the supply: analysed
  EXPECT_EQ(Search("zebra", "en"), std::set<std::int64_t>{from_supply});
  EXPECT_EQ(Search("\"zebra quokka\"", "en"), std::set<std::int64_t>{from_supply});
  EXPECT_EQ(Search("one", "en"), std::set<std::int64_t>{other_language});
  EXPECT_EQ(Search("four", "en"), std::set<std::int64_t>{analysed});
  // Its offsets are the supplied ones.
  EXPECT_EQ(Highlight("zebra", "en"), "[one] two");
}

TEST_F(Fts5TokenizerTest, TableWithoutLanguageUsesEnglishStemsForLatin) {
  ASSERT_EQ(Exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'plenary')"), "");
  std::int64_t doc = Insert("Governments 互联网");
  EXPECT_EQ(Search("government", ""), std::set<std::int64_t>{doc});
  EXPECT_EQ(Search("互联网", ""), std::set<std::int64_t>{doc});
}

TEST_F(Fts5TokenizerTest, RejectsMoreThanOneArgument) {
  EXPECT_NE(Exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'plenary en fr')"), "");
}

}  // namespace
}  // namespace plenary::storage

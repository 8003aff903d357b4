// Snippets made by search::snippet against FTS5's own snippet() over the same rows and queries:
// every word, every pair of neighbouring words (as a phrase and as two words), and for Chinese
// every one-, two- and three-character run, of texts in the six languages (the Chinese ones are
// paragraphs of the seed documents; the others are test sentences written for this test), with
// windows of 24 tokens (what Search asks) and of 6 (more windows to choose from).
#include "search/snippet.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "storage/fts5_tokenizer.h"
#include "testing/testdata.h"
#include "text/analyzer.h"

namespace plenary::search::snippet {
namespace {

struct Row {
  std::string title, body;
};

const std::vector<std::pair<std::string, std::vector<Row>>>& Texts() {
  static const std::vector<std::pair<std::string, std::vector<Row>>> texts = {
      {"en",
       {{"Open consultation on the Internet",
         "The Council took note of the report. It agreed to forward it: with the comments of "
         "councillors, to the Secretary-General. Internet governance, open Internet and the "
         "environment were discussed at length; the open consultation on the environmental "
         "impact of the Internet received twenty responses."},
        {"Report of the Chair",
         "Resolution 102 (Rev. Dubai, 2018) and Council Resolution 1336 (Rev. 2019). The "
         "working group is open to Member States only. It holds open consultations with all "
         "stakeholders: governments, companies, civil society and academia."},
        {"Internet", "Internet internet INTERNET. Policies of the Internet; policy."}}},
      {"fr",
       {{"Consultation publique sur l'environnement",
         "Le Conseil a pris note du rapport. L'Internet et l'environnement : les incidences de "
         "l'Internet sur l'environnement ont été examinées. Les consultations publiques sont "
         "ouvertes à toutes les parties prenantes."}}},
      {"es",
       {{"Consulta abierta",
         "El Consejo tomó nota del informe. La consulta abierta sobre Internet recibió veinte "
         "respuestas de gobiernos, empresas y la sociedad civil. Las consultas abiertas: "
         "Internet y el medio ambiente."}}},
      {"ru",
       {{"Открытая консультация",
         "Совет принял к сведению отчет. Открытая консультация по вопросам интернета получила "
         "двадцать ответов. Консультации и консультация: интернет и окружающая среда."}}},
      {"ar",
       {{"المشاورة المفتوحة",
         "أحاط المجلس علما بالتقرير. تلقت المشاورة المفتوحة بشأن الإنترنت عشرين ردا. "
         "المشاورات: الإنترنت والبيئة والمشاورات العامة."}}},
  };
  return texts;
}

// Paragraphs of the seed documents (Chinese), each a row; the title is the paragraph's start.
std::vector<Row> SeedRows() {
  std::vector<Row> rows;
  for (const auto& file : testdata::SeedFiles()) {
    std::ifstream in(file, std::ios::binary);
    for (std::string line; std::getline(in, line) && rows.size() < 40;) {
      if (line.size() < 60) continue;
      rows.push_back({line.substr(0, 30), line});  // 30 bytes: ten CJK characters
    }
  }
  return rows;
}

class SnippetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    storage::RegisterTokenizer(db_);
  }
  void TearDown() override { sqlite3_close(db_); }

  void Load(const std::string& lang, const std::vector<Row>& rows) {
    std::string sql = "CREATE VIRTUAL TABLE t_" + lang +
                      " USING fts5(title, body, tokenize = 'plenary " + lang + "')";
    ASSERT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    for (const auto& r : rows) {
      sqlite3_stmt* s = nullptr;
      std::string insert = "INSERT INTO t_" + lang + "(title, body) VALUES (?, ?)";
      ASSERT_EQ(sqlite3_prepare_v2(db_, insert.c_str(), -1, &s, nullptr), SQLITE_OK);
      sqlite3_bind_text(s, 1, r.title.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(s, 2, r.body.c_str(), -1, SQLITE_TRANSIENT);
      ASSERT_EQ(sqlite3_step(s), SQLITE_DONE);
      sqlite3_finalize(s);
    }
  }

  // Compares every matching row's snippet for the query `q`; returns how many rows matched.
  int Compare(const std::string& lang, const std::string& q, int tokens) {
    const std::string match = text::ToFtsQuery(q, lang);
    if (match.empty()) return 0;
    const auto phrases = PhrasesOf(match, lang);
    std::string sql = "SELECT title, body, snippet(t_" + lang + ", -1, '[', ']', '…', " +
                      std::to_string(tokens) + ") FROM t_" + lang + " WHERE t_" + lang +
                      " MATCH ?";
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr), SQLITE_OK);
    sqlite3_bind_text(s, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    int rows = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
      ++rows;
      auto col = [&](int i) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, i))); };
      EXPECT_EQ(Make(phrases, lang, col(0), col(1), "[", "]", "…", tokens), col(2))
          << lang << " query " << q << " (" << match << "), window " << tokens;
    }
    sqlite3_finalize(s);
    return rows;
  }

  sqlite3* db_ = nullptr;
};

// The words of `text` as a reader would type them (runs between spaces and punctuation).
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : text + " ") {
    if (ch == ' ' || ch == '.' || ch == ',' || ch == ';' || ch == ':' || ch == '(' ||
        ch == ')') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += ch;
    }
  }
  return words;
}

TEST(SnippetPhrases, ReadsEveryQuotedStringOfAMatchExpression) {
  auto p = PhrasesOf(R"(("1344" OR "١٣٤٤") AND "open ""internet""" AND "网"*)", "en");
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0].terms, std::vector<std::string>{"1344"});
  EXPECT_EQ(p[1].terms, std::vector<std::string>{"1344"});
  EXPECT_EQ(p[2].terms, (std::vector<std::string>{"open", "internet"}));
  EXPECT_FALSE(p[2].prefix);
  EXPECT_EQ(p[3].terms, std::vector<std::string>{"网"});
  EXPECT_TRUE(p[3].prefix);
}

TEST_F(SnippetTest, IsFts5sSnippetForEveryWordAndPairOfWords) {
  int compared = 0;
  for (const auto& [lang, rows] : Texts()) {
    Load(lang, rows);
    std::set<std::string> queries;
    for (const auto& r : rows) {
      auto words = Words(r.title + " " + r.body);
      for (std::size_t i = 0; i < words.size(); ++i) {
        queries.insert(words[i]);
        if (i + 1 < words.size()) {
          queries.insert("\"" + words[i] + " " + words[i + 1] + "\"");
          queries.insert(words[i] + " " + words[i + 1]);
        }
        if (i + 4 < words.size()) queries.insert(words[i] + " " + words[i + 4]);
      }
    }
    for (const auto& q : queries)
      for (int tokens : {24, 6}) compared += Compare(lang, q, tokens);
  }
  EXPECT_GT(compared, 1000);
}

TEST_F(SnippetTest, IsFts5sSnippetForChineseRunsOfTheSeedDocuments) {
  auto rows = SeedRows();
  ASSERT_GE(rows.size(), 20u);
  Load("zh", rows);
  std::set<std::string> queries;
  for (std::size_t r = 0; r < rows.size(); r += 3) {
    const std::string& body = rows[r].body;
    // Every run of one to three characters starting at each of the first 40 characters
    // (3 bytes each in these paragraphs' CJK stretches; runs that are not whole characters or
    // hold no CJK are skipped by the analyser or give no match).
    for (std::size_t at = 0; at + 9 <= body.size() && at < 120; at += 3)
      for (std::size_t len : {3, 6, 9}) queries.insert(body.substr(at, len));
  }
  int compared = 0;
  for (const auto& q : queries) {
    if (text::Analyze(q, "zh").empty()) continue;
    for (int tokens : {24, 6}) compared += Compare("zh", q, tokens);
  }
  EXPECT_GT(compared, 500);
}

}  // namespace
}  // namespace plenary::search::snippet

// Unit tests of the lists of the best documents of frequent terms: a one-word query answered
// from them must be FTS5's own ranking (the same scores, to the bit, and documents among those
// with each score) after insertions, changes and removals, with filters, and when the lists are
// made afterwards for a database indexed before them.
#include "search/top_lists.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <random>

#include <fmt/format.h>

#include "base/random.h"
#include "search/search.h"
#include "text/analyzer.h"

namespace plenary::search {
namespace {

class TopListsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InitCrypto();
    path_ = std::filesystem::temp_directory_path() / ("plenary-top-" + RandomToken(8) + ".db");
    db_ = std::make_unique<storage::Database>(path_.string());
    sources_["note"] = [this](storage::Connection&, std::int64_t id) {
      auto it = notes_.find(id);
      return it == notes_.end() ? std::vector<Doc>{} : std::vector<Doc>{it->second};
    };
  }
  void TearDown() override {
    UseTopLists(true);
    KeepTopLists(true);
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }

  // Notes `from`..`to` in `lang`: `word` in about half of them, 1 to 4 times, in the title of
  // some, among 2 to 40 other words; dates over 2022.
  void Generate(int from, int to, const std::string& lang, const std::string& word,
                const std::vector<std::string>& filler, unsigned seed) {
    std::mt19937 rng(seed);
    for (int id = from; id <= to; ++id) {
      std::string body;
      int others = 2 + static_cast<int>(rng() % 39);
      int times = rng() % 2 == 0 ? 1 + static_cast<int>(rng() % 4) : 0;
      for (int i = 0; i < others; ++i) body += filler[rng() % filler.size()] + " ";
      for (int i = 0; i < times; ++i) body += word + " ";
      std::string title = rng() % 7 == 0 ? word : filler[rng() % filler.size()];
      notes_[id] = Doc{lang, std::nullopt, std::nullopt,
                       fmt::format("2022-{:02}-{:02}", 1 + rng() % 12, 1 + rng() % 28),
                       "/notes/" + std::to_string(id), title, body};
    }
    Queue(from, to);
  }
  void Queue(int from, int to) {
    ASSERT_TRUE(db_->Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
                     for (int id = from; id <= to; ++id) Enqueue(c, "note", id);
                     return Ok{};
                   })
                    .ok());
  }
  void IndexAll() {
    while (IndexBatch(*db_, sources_, 700) > 0) {
    }
    ASSERT_EQ(Lag(*db_), 0);
  }

  // Every match of `match` in `lang` scored by FTS5's bm25(), best first.
  std::vector<std::pair<double, std::int64_t>> Reference(const std::string& lang,
                                                         const std::string& match,
                                                         const std::optional<std::string>& from = {},
                                                         const std::optional<std::string>& to = {}) {
    std::vector<std::pair<double, std::int64_t>> all;
    storage::Stmt s(db_->Read(),
                    fmt::format("SELECT bm25(search_fts_{0}, 2.0, 1.0), d.ref_id FROM "
                                "search_fts_{0} JOIN search_docs d ON d.id = search_fts_{0}.rowid "
                                "WHERE search_fts_{0} MATCH ?1 AND (?2 IS NULL OR d.date >= ?2) "
                                "AND (?3 IS NULL OR d.date <= ?3)",
                                lang));
    s.BindAll(match, from, to);
    while (s.Step()) all.emplace_back(s.Real(0), s.Int(1));
    std::sort(all.begin(), all.end());
    return all;
  }

  // The page of Search() is the reference's: the same scores in order, each hit a document
  // with the score it has in the reference.
  void ExpectReferencePage(const Query& q, const std::string& lang, const std::string& match) {
    auto ref = Reference(lang, match, q.from, q.to);
    std::map<std::int64_t, double> score_of;
    for (const auto& [score, id] : ref) score_of[id] = score;
    auto r = Search(*db_, q);
    ASSERT_TRUE(r.ok());
    std::size_t begin = static_cast<std::size_t>(q.page - 1) * q.per_page;
    std::size_t expected = std::min<std::size_t>(q.per_page, ref.size() - std::min(ref.size(), begin));
    ASSERT_EQ(r->items.size(), expected) << q.q;
    ASSERT_GT(expected, 0u);
    for (std::size_t i = 0; i < r->items.size(); ++i) {
      EXPECT_EQ(r->items[i].score, ref[begin + i].first) << q.q << " hit " << i;
      ASSERT_TRUE(score_of.count(r->items[i].ref_id)) << r->items[i].ref_id;
      EXPECT_EQ(score_of[r->items[i].ref_id], r->items[i].score) << r->items[i].ref_id;
    }
  }

  std::int64_t Count(const std::string& sql) { return db_->Read().QueryInt(sql).value_or(-1); }

  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
  std::map<std::int64_t, Doc> notes_;
  Sources sources_;
};

const std::vector<std::string> kEnglish = {"allocation", "satellite", "operators", "rural",
                                           "broadband", "licence", "fees", "coordination",
                                           "review", "annex", "privacy", "networks"};

TEST_F(TopListsTest, AOneWordQueryIsRankedFromTheListsAsFts5RanksIt) {
  Generate(1, 3000, "en", "spectrum", kEnglish, 1);
  notes_[5].body += " zeppelin";  // a rare word: never listed
  IndexAll();
  // The word is listed, and its groups were trimmed: the lists hold far fewer rows than matches.
  EXPECT_EQ(Count("SELECT listed FROM search_terms WHERE language = 'en' AND term = 'spectrum'"), 1);
  // Only listed terms have a row (the vocabulary's other terms are counted in memory), and a
  // listed term's count is FTS5's.
  EXPECT_EQ(Count("SELECT count(*) FROM search_terms WHERE listed = 0"), 0);
  EXPECT_EQ(Count("SELECT docs FROM search_terms WHERE language = 'en' AND term = 'spectrum'"),
            Count("SELECT count(*) FROM search_fts_en WHERE search_fts_en MATCH 'spectrum'"));
  EXPECT_GT(Count("SELECT count(*) FROM search_top_groups WHERE term = 'spectrum' AND bound IS "
                  "NOT NULL"),
            0);
  auto ref = Reference("en", "\"spectrum\"");
  ASSERT_GT(ref.size(), 1000u);
  EXPECT_LT(Count("SELECT count(*) FROM search_top WHERE term = 'spectrum'"),
            static_cast<std::int64_t>(ref.size()) / 2);
  // The lists answer (not FTS5), with FTS5's scores.
  auto best = top::Best(db_->Read(), "en", "spectrum", 21, nullptr);
  ASSERT_TRUE(best.has_value());
  ASSERT_EQ(best->size(), 21u);
  for (std::size_t i = 0; i < best->size(); ++i) EXPECT_EQ((*best)[i].first, ref[i].first) << i;
  for (int page : {1, 2, 5})
    ExpectReferencePage(Query{.q = "spectrum", .page = page}, "en", "\"spectrum\"");
  ExpectReferencePage(Query{.q = "Spectrum", .per_page = 100}, "en", "\"Spectrum\"");
  // Deeper than the lists are complete: FTS5 ranks, with the same result.
  ExpectReferencePage(Query{.q = "spectrum", .page = 3, .per_page = 100}, "en", "\"spectrum\"");
}

TEST_F(TopListsTest, TheListsFollowChangesAndRemovals) {
  Generate(1, 2500, "en", "spectrum", kEnglish, 2);
  IndexAll();
  // The best documents change: the first 300 are rewritten (other lengths and counts), the best
  // 40 of the reference are no longer public, and 500 more are added.
  auto before = Reference("en", "\"spectrum\"");
  for (std::size_t i = 0; i < 40; ++i) notes_.erase(before[i].second);
  std::mt19937 rng(3);
  for (int id = 1; id <= 300; ++id)
    if (notes_.count(id)) notes_[id].body = "spectrum " + kEnglish[rng() % kEnglish.size()];
  Queue(1, 300);
  ASSERT_TRUE(db_->Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
                   for (std::size_t i = 0; i < 40; ++i) Enqueue(c, "note", before[i].second);
                   return Ok{};
                 })
                  .ok());
  Generate(2501, 3000, "en", "spectrum", kEnglish, 4);
  IndexAll();
  auto ref = Reference("en", "\"spectrum\"");
  EXPECT_EQ(Count("SELECT docs FROM search_terms WHERE language = 'en' AND term = 'spectrum'"),
            static_cast<std::int64_t>(ref.size()));
  auto best = top::Best(db_->Read(), "en", "spectrum", 21, nullptr);
  ASSERT_TRUE(best.has_value());
  for (std::size_t i = 0; i < best->size(); ++i) EXPECT_EQ((*best)[i].first, ref[i].first) << i;
  for (int page : {1, 3}) ExpectReferencePage(Query{.q = "spectrum", .page = page}, "en", "\"spectrum\"");
}

TEST_F(TopListsTest, AFilteredQueryAndChineseBigramsKeepFts5sRanking) {
  Generate(1, 2500, "zh", "频谱", {"卫星", "运营", "农村", "宽带", "许可", "费用", "审查", "网络"}, 5);
  IndexAll();
  ExpectReferencePage(Query{.q = "频谱"}, "zh", "\"频谱\"");
  ExpectReferencePage(Query{.q = "频谱", .from = "2022-03-01", .to = "2022-04-15"}, "zh",
                      "\"频谱\"");
  for (int page : {1, 2, 3})
    ExpectReferencePage(
        Query{.q = "频谱", .from = "2022-01-01", .to = "2022-05-20", .page = page, .per_page = 100},
        "zh", "\"频谱\"");
  // A narrow filter leaves too few listed documents: FTS5 ranks, with the same result.
  ExpectReferencePage(Query{.q = "频谱", .from = "2022-06-03", .to = "2022-06-03"}, "zh",
                      "\"频谱\"");
}

TEST_F(TopListsTest, ADatabaseIndexedBeforeTheListsHasThemMadeOnce) {
  Generate(1, 2000, "en", "spectrum", kEnglish, 6);
  IndexAll();
  auto terms = Count("SELECT count(*) FROM search_terms");
  auto docs = Count("SELECT sum(docs) FROM search_terms");
  ASSERT_TRUE(db_->Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
                   c.Exec("DELETE FROM search_top");
                   c.Exec("DELETE FROM search_top_groups");
                   c.Exec("DELETE FROM search_terms");
                   c.Exec("UPDATE search_top_state SET built = 0");
                   return Ok{};
                 })
                  .ok());
  // Until they are made, FTS5 ranks.
  EXPECT_FALSE(top::Best(db_->Read(), "en", "spectrum", 21, nullptr).has_value());
  ExpectReferencePage(Query{.q = "spectrum"}, "en", "\"spectrum\"");
  IndexBatch(*db_, sources_);  // nothing queued: makes the lists
  EXPECT_EQ(Count("SELECT built FROM search_top_state"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM search_terms"), terms);
  EXPECT_EQ(Count("SELECT sum(docs) FROM search_terms"), docs);
  EXPECT_GT(Count("SELECT count(*) FROM search_top"), 0);
  EXPECT_TRUE(top::Best(db_->Read(), "en", "spectrum", 21, nullptr).has_value());
  ExpectReferencePage(Query{.q = "spectrum"}, "en", "\"spectrum\"");
}

TEST_F(TopListsTest, IndexingWithoutTheListsLeavesQueriesToFts5UntilTheyAreMadeAgain) {
  Generate(1, 2500, "en", "spectrum", kEnglish, 7);
  IndexAll();
  ASSERT_TRUE(top::Best(db_->Read(), "en", "spectrum", 21, nullptr).has_value());
  KeepTopLists(false);
  Generate(2501, 3500, "en", "spectrum", kEnglish, 8);
  IndexAll();
  // The lists no longer describe the index: FTS5 ranks, with the same result.
  EXPECT_EQ(Count("SELECT built FROM search_top_state"), 0);
  EXPECT_FALSE(top::Best(db_->Read(), "en", "spectrum", 21, nullptr).has_value());
  ExpectReferencePage(Query{.q = "spectrum"}, "en", "\"spectrum\"");
  KeepTopLists(true);
  IndexBatch(*db_, sources_);  // nothing queued: makes the lists again
  EXPECT_EQ(Count("SELECT built FROM search_top_state"), 1);
  EXPECT_EQ(Count("SELECT docs FROM search_terms WHERE language = 'en' AND term = 'spectrum'"),
            Count("SELECT count(*) FROM search_fts_en WHERE search_fts_en MATCH 'spectrum'"));
  EXPECT_TRUE(top::Best(db_->Read(), "en", "spectrum", 21, nullptr).has_value());
  ExpectReferencePage(Query{.q = "spectrum"}, "en", "\"spectrum\"");
}

// Notes `from`..`to` in `lang` of filler words, each holding some of `pieces` (the phrase, its
// words apart, its words the other way round) 0 to 3 times, the phrase in the title of some.
void PhraseNotes(std::map<std::int64_t, Doc>& notes, int from, int to, const std::string& lang,
                 const std::vector<std::string>& pieces, const std::vector<std::string>& filler,
                 unsigned seed) {
  std::mt19937 rng(seed);
  for (int id = from; id <= to; ++id) {
    std::string body;
    int others = 2 + static_cast<int>(rng() % 30);
    for (int i = 0; i < others; ++i) {
      body += filler[rng() % filler.size()] + " ";
      if (rng() % 9 == 0) body += pieces[rng() % pieces.size()] + " ";
    }
    std::string title = rng() % 11 == 0 ? pieces[0] : filler[rng() % filler.size()];
    notes[id] = Doc{lang, std::nullopt, std::nullopt,
                    fmt::format("2022-{:02}-{:02}", 1 + rng() % 12, 1 + rng() % 28),
                    "/notes/" + std::to_string(id), title, body};
  }
}

TEST_F(TopListsTest, AQueriedPhraseOfListedWordsIsRankedFromItsListsAsFts5RanksIt) {
  const std::vector<std::string> pieces = {"open internet", "open", "internet", "internet open",
                                           "open open internet internet"};
  PhraseNotes(notes_, 1, 4000, "en", pieces, kEnglish, 11);
  Queue(1, 4000);
  IndexAll();
  const std::string key = top::PhraseKey({"open", "internet"});
  // Not kept until queried.
  EXPECT_FALSE(top::Listed(db_->Read(), "en", key));
  auto ref = Reference("en", "\"open internet\"");
  ASSERT_GT(ref.size(), 300u);
  ExpectReferencePage(Query{.q = "\"open internet\""}, "en", "\"open internet\"");
  // The first query listed it: the lists answer (not FTS5), with FTS5's scores and count.
  ASSERT_TRUE(top::Listed(db_->Read(), "en", key));
  EXPECT_EQ(Count("SELECT docs FROM search_terms WHERE language = 'en' AND term = 'open' || "
                  "char(30) || 'internet'"),
            static_cast<std::int64_t>(ref.size()));
  auto best = top::Best(db_->Read(), "en", key, 21, nullptr);
  ASSERT_TRUE(best.has_value());
  ASSERT_EQ(best->size(), 21u);
  for (std::size_t i = 0; i < best->size(); ++i) EXPECT_EQ((*best)[i].first, ref[i].first) << i;
  for (int page : {1, 2, 5})
    ExpectReferencePage(Query{.q = "\"open internet\"", .page = page}, "en",
                        "\"open internet\"");
  ExpectReferencePage(Query{.q = "\"Open Internet\"", .from = "2022-03-01", .to = "2022-05-15"},
                      "en", "\"Open Internet\"");
  // The indexer keeps it: rewritten, removed and added documents.
  std::mt19937 rng(12);
  for (int id = 1; id <= 300; ++id)
    notes_[id].body = pieces[rng() % pieces.size()] + " " + kEnglish[rng() % kEnglish.size()];
  for (std::size_t i = 0; i < 30; ++i) notes_.erase(ref[i].second);
  Queue(1, 300);
  ASSERT_TRUE(db_->Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
                   for (std::size_t i = 0; i < 30; ++i) Enqueue(c, "note", ref[i].second);
                   return Ok{};
                 })
                  .ok());
  PhraseNotes(notes_, 4001, 4800, "en", pieces, kEnglish, 13);
  Queue(4001, 4800);
  IndexAll();
  ref = Reference("en", "\"open internet\"");
  EXPECT_EQ(Count("SELECT docs FROM search_terms WHERE language = 'en' AND term = 'open' || "
                  "char(30) || 'internet'"),
            static_cast<std::int64_t>(ref.size()));
  best = top::Best(db_->Read(), "en", key, 21, nullptr);
  ASSERT_TRUE(best.has_value());
  for (std::size_t i = 0; i < best->size(); ++i) EXPECT_EQ((*best)[i].first, ref[i].first) << i;
  for (int page : {1, 3})
    ExpectReferencePage(Query{.q = "\"open internet\"", .page = page}, "en",
                        "\"open internet\"");
  // Several words (not a phrase) are ranked by FTS5, as before.
  ExpectReferencePage(Query{.q = "open internet"}, "en", "\"open\" AND \"internet\"");
}

TEST_F(TopListsTest, AChineseWordIsAPhraseOfBigramsRankedFromItsLists) {
  const std::vector<std::string> pieces = {"互联网", "互联", "联网", "网联", "互联网互联网"};
  PhraseNotes(notes_, 1, 4000, "zh", pieces, {"卫星", "运营", "农村", "宽带", "许可", "费用"}, 14);
  Queue(1, 4000);
  IndexAll();
  const std::string match = text::ToFtsQuery("互联网", "zh");
  auto terms = top::PhraseTerms(match, "zh");
  ASSERT_EQ(terms.size(), 2u) << match;
  ExpectReferencePage(Query{.q = "互联网"}, "zh", match);
  ASSERT_TRUE(top::Listed(db_->Read(), "zh", top::PhraseKey(terms)));
  auto ref = Reference("zh", match);
  auto best = top::Best(db_->Read(), "zh", top::PhraseKey(terms), 21, nullptr);
  ASSERT_TRUE(best.has_value());
  for (std::size_t i = 0; i < best->size(); ++i) EXPECT_EQ((*best)[i].first, ref[i].first) << i;
  for (int page : {2, 4}) ExpectReferencePage(Query{.q = "互联网", .page = page}, "zh", match);
  ExpectReferencePage(Query{.q = "互联网", .from = "2022-02-01", .to = "2022-04-30"}, "zh", match);
  // A narrow filter leaves too few listed documents: FTS5 ranks, with the same result.
  ExpectReferencePage(Query{.q = "互联网", .from = "2022-06-03", .to = "2022-06-04"}, "zh", match);
  // The indexer keeps it from the tokens' places: documents with the bigrams apart or the other
  // way round must not count.
  std::mt19937 rng(16);
  for (int id = 1; id <= 400; ++id)
    notes_[id].body = pieces[1 + rng() % (pieces.size() - 1)] + " 费用 " + pieces[rng() % pieces.size()];
  Queue(1, 400);
  PhraseNotes(notes_, 4001, 4600, "zh", pieces, {"卫星", "运营", "农村", "宽带"}, 17);
  Queue(4001, 4600);
  IndexAll();
  ref = Reference("zh", match);
  EXPECT_EQ(Count("SELECT docs FROM search_terms WHERE language = 'zh' AND term = '互联' || "
                  "char(30) || '联网'"),
            static_cast<std::int64_t>(ref.size()));
  best = top::Best(db_->Read(), "zh", top::PhraseKey(terms), 21, nullptr);
  ASSERT_TRUE(best.has_value());
  for (std::size_t i = 0; i < best->size(); ++i) EXPECT_EQ((*best)[i].first, ref[i].first) << i;
  for (int page : {1, 3}) ExpectReferencePage(Query{.q = "互联网", .page = page}, "zh", match);
}

TEST_F(TopListsTest, APhraseOfRareWordsIsLeftToFts5) {
  Generate(1, 1500, "en", "spectrum", kEnglish, 15);
  notes_[3].body += " zeppelin spectrum";
  Queue(3, 3);
  IndexAll();
  ExpectReferencePage(Query{.q = "\"zeppelin spectrum\""}, "en", "\"zeppelin spectrum\"");
  EXPECT_FALSE(top::Listed(db_->Read(), "en", top::PhraseKey({"zeppelin", "spectrum"})));
}

TEST(TopPhraseTerms, AreTheTermsOfOnePhraseOrNothing) {
  EXPECT_EQ(top::PhraseTerms("\"open internet\"", "en"),
            (std::vector<std::string>{"open", "internet"}));
  EXPECT_EQ(top::PhraseTerms("\"basic needs\"", "en"), (std::vector<std::string>{"basic", "need"}));
  EXPECT_EQ(top::PhraseTerms("\"互联 联网\"", "zh"), (std::vector<std::string>{"互联", "联网"}));
  EXPECT_TRUE(top::PhraseTerms("\"internet\"", "en").empty());
  EXPECT_TRUE(top::PhraseTerms("\"open\" AND \"internet\"", "en").empty());
  EXPECT_TRUE(top::PhraseTerms("\"互联 网\"*", "zh").empty());
}

TEST(TopPhraseFreq, CountsThePhrasesInstancesAtFollowingPositions) {
  storage::TokenTap tap;
  // As FTS5 tokenizes a row: title, then body; "z" colocated with "b" at position 1.
  tap.calls.push_back({{"a", "b", "c"}, {0, 1, 2}, 3});
  tap.calls.push_back({{"a", "b", "z", "a", "c", "b", "a", "b"}, {0, 1, 1, 2, 3, 4, 5, 6}, 7});
  auto doc = top::FromTap(tap);
  EXPECT_EQ(doc.len, 10);
  // Title once (weighs 2), body twice.
  EXPECT_EQ(top::PhraseFreq(doc, {"a", "b"}), 2 + 2);
  EXPECT_EQ(top::PhraseFreq(doc, {"b", "a"}), 2);  // body b@1 a@2, b@4 a@5
  EXPECT_EQ(top::PhraseFreq(doc, {"z", "a"}), 1);
  EXPECT_EQ(top::PhraseFreq(doc, {"a", "b", "c"}), 2);
  EXPECT_EQ(top::PhraseFreq(doc, {"a", "q"}), 0);
}

TEST(TopBm25, IsFts5sFormula) {
  // 1,000 rows of 20,000 tokens in all; a term in 100 of them, twice, in a row of 25 tokens.
  double avgdl = 20000.0 / 1000.0;
  double idf = std::log((1000 - 100 + 0.5) / (100 + 0.5));
  double expected = -(idf * (2.0 * 2.2) / (2.0 + 1.2 * (0.25 + 0.75 * 25.0 / avgdl)));
  EXPECT_NEAR(top::Bm25(1000, 20000, 100, 2.0, 25.0), expected, 1e-12);
  // A term in most rows: FTS5's floor of the IDF.
  EXPECT_NEAR(top::Bm25(1000, 20000, 900, 1.0, 20.0), -1e-6 * (2.2 / 2.2), 1e-15);
}

TEST(TopSingleTerm, IsOneAnalysedTermOrNothing) {
  EXPECT_EQ(top::SingleTerm("\"Internet\"", "en"), "internet");
  EXPECT_EQ(top::SingleTerm("\"governments\"", "en"), "govern");
  EXPECT_EQ(top::SingleTerm("\"open internet\"", "en"), "");
  EXPECT_EQ(top::SingleTerm("\"open\" AND \"internet\"", "en"), "");
  EXPECT_EQ(top::SingleTerm("\"网\"*", "zh"), "");
  EXPECT_EQ(top::SingleTerm("\"互联 联网\"", "zh"), "");
  EXPECT_EQ(top::SingleTerm("\"频谱\"", "zh"), "频谱");
}

}  // namespace
}  // namespace plenary::search

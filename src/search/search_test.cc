// Unit tests of the search queue and the indexer, on a real SQLite file, with a source of
// its own (the modules' sources are tested through the scenario tests of search).
#include "search/search.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

#include "base/random.h"

namespace plenary::search {
namespace {

class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InitCrypto();
    path_ = std::filesystem::temp_directory_path() / ("plenary-search-" + RandomToken(8) + ".db");
    db_ = std::make_unique<storage::Database>(path_.string());
    sources_["note"] = [this](storage::Connection&, std::int64_t id) {
      auto it = notes_.find(id);
      return it == notes_.end() ? std::vector<Doc>{} : std::vector<Doc>{it->second};
    };
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }

  // A note with one language version, queued for indexing.
  void Add(std::int64_t id, const std::string& language, const std::string& text,
           const std::string& kind = "note") {
    notes_[id] = Doc{language, std::nullopt, std::nullopt, "2022-01-01",
                     "/notes/" + std::to_string(id), "Note", text};
    ASSERT_TRUE(db_->Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
                     Enqueue(c, kind, id);
                     return Ok{};
                   })
                    .ok());
  }

  std::vector<std::int64_t> Found(const std::string& q) {
    std::vector<std::int64_t> ids;
    auto r = Search(*db_, Query{.q = q});
    EXPECT_TRUE(r.ok());
    if (r.ok())
      for (const auto& h : r->items) ids.push_back(h.ref_id);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
  std::map<std::int64_t, Doc> notes_;
  Sources sources_;
};

TEST_F(SearchTest, AnItemThatCannotBeIndexedIsSetAsideAndTheQueueGoesOn) {
  Add(1, "xx", "spectrum");  // no index exists for language "xx"
  Add(2, "en", "spectrum allocation");
  Add(3, "en", "satellite spectrum");
  Add(4, "en", "spectrum monitoring", "memo");  // no source for this kind
  EXPECT_EQ(Lag(*db_), 4);
  for (int i = 0; i < 3 && Lag(*db_) > 0; ++i) IndexBatch(*db_, sources_);

  EXPECT_EQ(Lag(*db_), 0);
  EXPECT_EQ(Found("spectrum"), (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(Failed(*db_), 2);
  auto failures = Failures(*db_);
  ASSERT_EQ(failures.size(), 2u);
  std::map<std::int64_t, std::string> errors;
  for (const auto& f : failures) errors[f.ref_id] = f.kind + ": " + f.error;
  EXPECT_NE(errors[1].find("note: language: no index for \"xx\""), std::string::npos) << errors[1];
  EXPECT_NE(errors[4].find("memo: kind: no source"), std::string::npos) << errors[4];

  // Items queued later are indexed at once, without waiting behind the failed ones.
  Add(5, "en", "spectrum sharing");
  EXPECT_EQ(IndexBatch(*db_, sources_), 1);
  EXPECT_EQ(Lag(*db_), 0);
  EXPECT_EQ(Found("sharing"), (std::vector<std::int64_t>{5}));

  // Once the item can be indexed, indexing it again clears its failure.
  Add(1, "en", "spectrum");
  EXPECT_EQ(IndexBatch(*db_, sources_), 1);
  EXPECT_EQ(Failed(*db_), 1);
  EXPECT_EQ(Found("spectrum"), (std::vector<std::int64_t>{1, 2, 3, 5}));
}

TEST_F(SearchTest, AnItemNoLongerPublicLeavesTheIndex) {
  Add(1, "fr", "consultation publique");
  IndexBatch(*db_, sources_);
  EXPECT_EQ(Found("publique"), (std::vector<std::int64_t>{1}));
  notes_.erase(1);  // its source now gives no document
  ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                   Enqueue(c, "note", 1);
                   return Ok{};
                 })
                  .ok());
  EXPECT_EQ(IndexBatch(*db_, sources_), 1);
  EXPECT_TRUE(Found("publique").empty());
}

// Indexing one item costs the same whatever the length of the queue behind it: with a million
// responses queued, a scan of the queue per item made the indexer quadratic. Counted in SQLite
// virtual-machine steps on the writer's connection (a progress handler), not in time.
TEST_F(SearchTest, IndexingAnItemDoesNotScanTheQueue) {
  auto steps_to_index_one = [&]() {
    std::int64_t steps = 0;
    auto counting = db_->Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
      sqlite3_progress_handler(
          c.handle(), 1,
          [](void* n) {
            ++*static_cast<std::int64_t*>(n);
            return 0;
          },
          &steps);
      return Ok{};
    });
    EXPECT_TRUE(counting.ok());
    EXPECT_EQ(IndexBatch(*db_, sources_, 1), 1);
    auto stopped = db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
      sqlite3_progress_handler(c.handle(), 0, nullptr, nullptr);
      return Ok{};
    });
    EXPECT_TRUE(stopped.ok());
    return steps;
  };
  Add(1, "en", "spectrum");
  Add(2, "en", "spectrum");
  std::int64_t short_queue = steps_to_index_one();
  ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                   for (int i = 0; i < 20000; ++i) Enqueue(c, "note", 1000 + i);
                   return Ok{};
                 })
                  .ok());
  std::int64_t long_queue = steps_to_index_one();
  EXPECT_GT(short_queue, 0);
  EXPECT_LT(long_queue, 2 * short_queue + 1000)
      << short_queue << " steps behind 1 item, " << long_queue << " behind 20,001";
}

// Filters are applied before the page is cut: the best matches that pass them, in order of
// score, even when better matches outside the filter outnumber the page.
TEST_F(SearchTest, AFilteredQueryListsTheBestMatchesThatPassTheFilter) {
  // Ten strong matches in 2022; in 2023 ten weaker ones, each longer than the one before
  // (one occurrence in a longer text scores lower in BM25).
  for (int i = 1; i <= 10; ++i) Add(i, "en", "spectrum spectrum spectrum");
  for (int i = 11; i <= 20; ++i) {
    std::string text = "spectrum";
    for (int k = 11; k < i; ++k) text += " allocation";
    Add(i, "en", text, i % 2 ? "response" : "meeting");
  }
  sources_["response"] = sources_["meeting"] = sources_["note"];
  for (int i = 11; i <= 20; ++i) notes_[i].date = "2023-06-01";
  while (IndexBatch(*db_, sources_) > 0) {
  }
  ASSERT_EQ(Lag(*db_), 0);
  auto ids = [](const Results& r) {
    std::vector<std::int64_t> out;
    for (const auto& h : r.items) out.push_back(h.ref_id);
    return out;
  };
  Query all{.q = "spectrum"};
  all.per_page = 5;
  auto unfiltered = Search(*db_, all);
  ASSERT_TRUE(unfiltered.ok());
  for (auto id : ids(*unfiltered)) EXPECT_LE(id, 10);

  Query dated = all;
  dated.from = "2023-01-01";
  auto r = Search(*db_, dated);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ids(*r), (std::vector<std::int64_t>{11, 12, 13, 14, 15}));
  EXPECT_TRUE(r->more);
  dated.page = 2;
  r = Search(*db_, dated);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ids(*r), (std::vector<std::int64_t>{16, 17, 18, 19, 20}));
  EXPECT_FALSE(r->more);

  Query meetings = all;
  meetings.kind = "meeting";
  meetings.to = "2023-12-31";
  r = Search(*db_, meetings);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ids(*r), (std::vector<std::int64_t>{12, 14, 16, 18, 20}));
  EXPECT_FALSE(r->more);
}

}  // namespace
}  // namespace plenary::search

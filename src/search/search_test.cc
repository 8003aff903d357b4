// Unit tests of the search queue and the indexer, on a real SQLite file.
#include "search/search.h"

#include <gtest/gtest.h>

#include <filesystem>
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
    ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                     c.Exec("INSERT INTO bodies(id, key, acronym, name, description, membership) "
                            "VALUES(1, 'council', 'Council', '{\"en\":\"Council\"}', '{}', "
                            "'member_states')");
                     c.Exec("INSERT INTO consultations(id, key, body_id, title, description, "
                            "opens_at, deadline, timezone, created_at) VALUES(1, 'k', 1, "
                            "'{\"en\":\"Open consultation\"}', '{}', 0, 1, 'UTC', 0)");
                     return Ok{};
                   })
                    .ok());
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }

  // A published response written in `language`, queued for indexing.
  void AddResponse(std::int64_t id, const std::string& language, const std::string& text) {
    ASSERT_TRUE(db_->Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
                     c.Exec("INSERT INTO responses(id, consultation_id, reference, name, country, "
                            "stakeholder_type, email, language, general_text, consent_publish, "
                            "status, submitted_at, published_at) VALUES(?, 1, ?, 'A. Person', "
                            "'CH', 'civil_society', 'a@example.int', ?, ?, 1, 'published', 0, 0)",
                            id, "R-" + std::to_string(id), language, text);
                     Enqueue(c, "response", id);
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
    return ids;
  }

  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
};

TEST_F(SearchTest, AnItemThatCannotBeIndexedIsSetAsideAndTheQueueGoesOn) {
  AddResponse(1, "xx", "spectrum");  // no index exists for language "xx"
  AddResponse(2, "en", "spectrum allocation");
  AddResponse(3, "en", "satellite spectrum");
  EXPECT_EQ(Lag(*db_), 3);
  for (int i = 0; i < 3 && Lag(*db_) > 0; ++i) IndexBatch(*db_);

  EXPECT_EQ(Lag(*db_), 0);
  EXPECT_EQ(Found("spectrum"), (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(Failed(*db_), 1);
  auto failures = Failures(*db_);
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].kind, "response");
  EXPECT_EQ(failures[0].ref_id, 1);
  EXPECT_NE(failures[0].error.find("xx"), std::string::npos) << failures[0].error;

  // Items queued later are indexed at once, without waiting behind the failed one.
  AddResponse(4, "en", "spectrum sharing");
  EXPECT_EQ(IndexBatch(*db_), 1);
  EXPECT_EQ(Lag(*db_), 0);
  EXPECT_EQ(Found("sharing"), (std::vector<std::int64_t>{4}));

  // Once the item can be indexed, indexing it again clears its failure.
  ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                   c.Exec("UPDATE responses SET language = 'en' WHERE id = 1");
                   Enqueue(c, "response", 1);
                   return Ok{};
                 })
                  .ok());
  EXPECT_EQ(IndexBatch(*db_), 1);
  EXPECT_EQ(Failed(*db_), 0);
  EXPECT_EQ(Found("spectrum").size(), 4u);
}

}  // namespace
}  // namespace plenary::search

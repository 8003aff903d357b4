// IdFeed on both backends: every row is read once, including one whose id was drawn before a
// higher id but committed after it (PostgreSQL, two writers), which a bare "highest id seen"
// skips.
#include "storage/feed.h"

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <thread>
#include <chrono>

#include "base/random.h"
#include "storage/db.h"
#include "storage/postgres_testing.h"

namespace plenary::storage {
namespace {

class Feed : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    InitCrypto();
    if (GetParam() == Dialect::kPostgres) PLENARY_REQUIRE_POSTGRES();
    temp_ = std::make_unique<plenary::testing::TempDatabase>(GetParam(), "plenary-feed-");
    db_ = std::make_unique<Database>(temp_->spec());
    ASSERT_TRUE(db_->Write<Ok>([](Connection& c) -> Status {
                     c.ExecScript("CREATE TABLE feed_rows (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
                     return Ok{};
                   }).ok());
  }
  void TearDown() override {
    db_.reset();
    temp_.reset();
  }
  void Insert(const std::string& v) {
    ASSERT_TRUE(db_->Write<Ok>([&](Connection& c) -> Status {
                     c.Exec("INSERT INTO feed_rows(v) VALUES(?)", v);
                     return Ok{};
                   }).ok());
  }
  // One read as a follower does it: above the watermark, and the gaps. Returns the values.
  std::vector<std::string> Read(IdFeed& feed, bool use_gaps = true) {
    std::vector<std::string> got;
    std::vector<std::int64_t> ids;
    Connection& c = db_->Read();
    {
      Stmt s(c, "SELECT id, v FROM feed_rows WHERE id > ? ORDER BY id");
      s.BindAll(feed.watermark());
      while (s.Step()) ids.push_back(s.Int(0)), got.push_back(s.Text(1));
    }
    if (use_gaps)
      for (std::int64_t gap : feed.Gaps()) {
        Stmt s(c, "SELECT id, v FROM feed_rows WHERE id = ?");
        s.BindAll(gap);
        while (s.Step()) ids.push_back(s.Int(0)), got.push_back(s.Text(1));
      }
    feed.Saw(c, ids);
    return got;
  }
  std::unique_ptr<plenary::testing::TempDatabase> temp_;
  std::unique_ptr<Database> db_;
};

INSTANTIATE_TEST_SUITE_P(Dialects, Feed, ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const auto& info) {
                           return info.param == Dialect::kSqlite ? "Sqlite" : "Postgres";
                         });

TEST_P(Feed, ReadsEveryRowOnceInOrder) {
  IdFeed feed;
  Insert("a");
  Insert("b");
  EXPECT_EQ(Read(feed), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(Read(feed), std::vector<std::string>{});
  Insert("c");
  EXPECT_EQ(Read(feed), std::vector<std::string>{"c"});
  EXPECT_TRUE(feed.Gaps().empty());
  auto again = IdFeed::Parse(feed.Serialize());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->watermark(), feed.watermark());
}

TEST_P(Feed, ForgetsTheIdOfARolledBackRow) {
  IdFeed feed;
  Insert("a");
  // A write that draws an id and fails: the id is never used.
  auto failed = db_->Write<Ok>([](Connection& c) -> Status {
    c.Exec("INSERT INTO feed_rows(v) VALUES('lost')");
    return Error{Code::kConflict, "no", {}};
  });
  ASSERT_FALSE(failed.ok());
  Insert("b");
  EXPECT_EQ(Read(feed), (std::vector<std::string>{"a", "b"}));
  // Once no transaction that was running can fill it (other tests' transactions in the
  // cluster may hold it a moment), the gap is forgotten.
  for (int i = 0; i < 500 && !feed.Gaps().empty(); ++i) {
    EXPECT_EQ(Read(feed), std::vector<std::string>{});
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(feed.Gaps().empty()) << feed.Serialize();
}

// Two writers (two servers): the first draws id 1 and commits after the second committed id 2.
TEST_P(Feed, ReadsARowCommittedAfterAHigherId) {
  if (GetParam() == Dialect::kSqlite)
    GTEST_SKIP() << "SQLite has one writer: ids are committed in the order they are drawn";
  Connection other(temp_->spec(), true);
  other.ExecScript("BEGIN; SELECT pg_current_xact_id()");
  other.Exec("INSERT INTO feed_rows(v) VALUES('late')");
  Insert("early");
  IdFeed feed, naive;
  EXPECT_EQ(Read(feed), std::vector<std::string>{"early"});
  EXPECT_EQ(Read(naive, false), std::vector<std::string>{"early"});
  EXPECT_EQ(feed.Gaps(), std::vector<std::int64_t>{1}) << "the running writer may still commit 1";
  // Still running: the gap stays however often it is read.
  EXPECT_EQ(Read(feed), std::vector<std::string>{});
  EXPECT_EQ(Read(feed), std::vector<std::string>{});
  EXPECT_EQ(feed.Gaps(), std::vector<std::int64_t>{1});
  other.ExecScript("COMMIT");
  EXPECT_EQ(Read(feed), std::vector<std::string>{"late"});
  EXPECT_TRUE(feed.Gaps().empty());
  // What a reader of "every id above the highest seen" gets: the late row never.
  EXPECT_EQ(Read(naive, false), std::vector<std::string>{});
}

TEST(IdFeedText, RefusesDamagedText) {
  EXPECT_FALSE(IdFeed::Parse("").has_value());
  EXPECT_FALSE(IdFeed::Parse("x").has_value());
  EXPECT_FALSE(IdFeed::Parse("10 3").has_value());
  EXPECT_FALSE(IdFeed::Parse("10 12:5").has_value()) << "a gap above the watermark";
  auto ok = IdFeed::Parse("10 3:7 4:8!");
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->Gaps(), (std::vector<std::int64_t>{3, 4}));
  EXPECT_EQ(ok->Serialize(), "10 3:7 4:8!");
}

}  // namespace
}  // namespace plenary::storage

// The response counters (response_counts, kept by triggers in shards): exact under concurrent
// writers on both backends, and on PostgreSQL a transaction holding new responses of a
// consultation does not make another server's submission to it wait.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "base/random.h"
#include "consultations/consultations.h"
#include "storage/db.h"
#include "storage/postgres_testing.h"

namespace plenary::consultations {
namespace {

class ResponseCounts : public ::testing::TestWithParam<storage::Dialect> {
 protected:
  void SetUp() override {
    InitCrypto();
    if (GetParam() == storage::Dialect::kPostgres) PLENARY_REQUIRE_POSTGRES();
    temp_ = std::make_unique<plenary::testing::TempDatabase>(GetParam(), "plenary-rc-");
    spec_ = temp_->spec();
    db_ = std::make_unique<storage::Database>(spec_);
    ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Status {
                     c.Exec("INSERT INTO bodies(key, acronym, name, description, membership) "
                            "VALUES('b', 'B', '{\"en\":\"Body\"}', '{}', 'open')");
                     c.Exec("INSERT INTO consultations(key, body_id, title, description, "
                            "opens_at, deadline, timezone, created_at) VALUES('k', ?, "
                            "'{\"en\":\"C\"}', '{}', 0, 1, 'UTC', 0)",
                            c.LastInsertId());
                     return Ok{};
                   }).ok());
    consultation_ =
        db_->Read().QueryInt("SELECT id FROM consultations WHERE key = 'k'").value_or(0);
    ASSERT_GT(consultation_, 0);
  }
  void TearDown() override {
    db_.reset();
    temp_.reset();
  }
  static constexpr const char* kInsert =
      "INSERT INTO responses(consultation_id, reference, name, country, stakeholder_type, email, "
      "language, general_text, consent_publish, status, submitted_at) VALUES(?, ?, 'R', 'CH', "
      "'individual', 'x@example.org', 'en', 'text', 1, 'received', 0)";
  // Rows stored in each status, counted from the rows themselves.
  std::int64_t Stored(const std::string& status) {
    return db_->Read()
        .QueryInt("SELECT count(*) FROM responses WHERE consultation_id = ? AND status = ?",
                  consultation_, status)
        .value_or(-1);
  }
  std::unique_ptr<plenary::testing::TempDatabase> temp_;
  std::string spec_;
  std::unique_ptr<storage::Database> db_;
  std::int64_t consultation_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Dialects, ResponseCounts,
                         ::testing::Values(storage::Dialect::kSqlite, storage::Dialect::kPostgres),
                         [](const auto& info) {
                           return info.param == storage::Dialect::kSqlite ? "Sqlite" : "Postgres";
                         });

// Two servers (two Databases, each its own writer) on one database, each with several threads
// inserting responses, publishing some and deleting others: every counter equals the rows.
TEST_P(ResponseCounts, StayExactUnderConcurrentWritersOfTwoServers) {
  std::unique_ptr<storage::Database> second;
  if (GetParam() == storage::Dialect::kPostgres)
    second = std::make_unique<storage::Database>(spec_);
  std::vector<storage::Database*> servers{db_.get()};
  if (second) servers.push_back(second.get());
  constexpr int kThreads = 4, kEach = 60;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (std::size_t s = 0; s < servers.size(); ++s)
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&, s, t] {
        for (int i = 0; i < kEach; ++i) {
          std::string ref = fmt::format("S{}T{}N{}", s, t, i);
          auto r = servers[s]->Write<Ok>([&](storage::Connection& c) -> Status {
            c.Exec(kInsert, consultation_, ref);
            // Every third is published at once, every fifth deleted (its decrement may fall in
            // another shard than its increment, in a later transaction).
            if (i % 3 == 0)
              c.Exec("UPDATE responses SET status = 'published' WHERE reference = ?", ref);
            return Ok{};
          });
          if (!r.ok()) ++failures;
          if (i % 5 == 0) {
            auto d = servers[s]->Write<Ok>([&](storage::Connection& c) -> Status {
              c.Exec("DELETE FROM responses WHERE reference = ?", ref);
              return Ok{};
            });
            if (!d.ok()) ++failures;
          }
        }
      });
  for (auto& th : threads) th.join();
  ASSERT_EQ(failures.load(), 0);
  auto& rc = db_->Read();
  const std::int64_t received = Stored("received"), published = Stored("published");
  // Of each thread's 60: 12 deleted (i % 5 == 0); of the 48 left, 16 published (i % 3 == 0 and
  // not i % 5 == 0: 20 − 4), 32 received.
  const std::int64_t threads_n = kThreads * static_cast<std::int64_t>(servers.size());
  EXPECT_EQ(received, 32 * threads_n);
  EXPECT_EQ(published, 16 * threads_n);
  EXPECT_EQ(CountResponses(rc, consultation_, "received"), received);
  EXPECT_EQ(CountResponses(rc, consultation_, "published"), published);
  EXPECT_EQ(CountResponses(rc, consultation_, std::nullopt), received + published);
  second.reset();
}

// Two servers' writers, each in its own transaction with new responses to the same
// consultation: the second does not wait for the first to commit. (With one counter row per
// consultation and status, the second waited on the first's row lock until its COMMIT.)
TEST_P(ResponseCounts, ATransactionHoldingNewResponsesDoesNotBlockAnotherWriter) {
  if (GetParam() == storage::Dialect::kSqlite)
    GTEST_SKIP() << "SQLite has one writer: its transactions never run at once";
  auto shard = [](storage::Connection& c) {
    return c.QueryInt("SELECT pg_current_xact_id()::text::bigint % 64").value_or(-1);
  };
  storage::Connection first(spec_, true), other(spec_, true);
  first.ExecScript("BEGIN");
  first.Exec(kInsert, consultation_, "FIRST");
  const std::int64_t first_shard = shard(first);
  // The shard follows the transaction's id: take another id if this one falls on the same shard.
  other.ExecScript("SET lock_timeout = '2s'");
  for (;;) {
    other.ExecScript("BEGIN");
    if (shard(other) != first_shard) break;
    other.ExecScript("ROLLBACK");
  }
  EXPECT_NO_THROW(other.Exec(kInsert, consultation_, "OTHER"));
  other.ExecScript("COMMIT");
  first.ExecScript("COMMIT");
  EXPECT_EQ(CountResponses(db_->Read(), consultation_, "received"), 2);
  EXPECT_EQ(Stored("received"), 2);
}

}  // namespace
}  // namespace plenary::consultations

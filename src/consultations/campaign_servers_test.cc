// Campaign groupings stored in the database: two trackers (two servers) on one database hold
// the same campaigns, and on PostgreSQL a response committed after a higher id is grouped.
#include <gtest/gtest.h>

#include <exception>
#include <memory>
#include <string>

#include "base/random.h"
#include "consultations/campaigns.h"
#include "storage/db.h"
#include "storage/postgres_testing.h"

namespace plenary::consultations {
namespace {

class CampaignServers : public ::testing::TestWithParam<storage::Dialect> {
 protected:
  void SetUp() override {
    InitCrypto();
    if (GetParam() == storage::Dialect::kPostgres) PLENARY_REQUIRE_POSTGRES();
    temp_ = std::make_unique<plenary::testing::TempDatabase>(GetParam(), "plenary-cs-");
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
    ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Status {
                     c.Exec("INSERT INTO consultations(key, body_id, title, description, "
                            "opens_at, deadline, timezone, created_at) SELECT 'k2', body_id, "
                            "title, description, 0, 1, 'UTC', 0 FROM consultations");
                     return Ok{};
                   }).ok());
    consultation_ = db_->Read().QueryInt("SELECT id FROM consultations WHERE key = 'k'").value_or(0);
    other_consultation_ =
        db_->Read().QueryInt("SELECT id FROM consultations WHERE key = 'k2'").value_or(0);
    ASSERT_GT(consultation_, 0);
    ASSERT_GT(other_consultation_, 0);
  }
  void TearDown() override {
    db_.reset();
    temp_.reset();
  }
  static constexpr const char* kInsert =
      "INSERT INTO responses(consultation_id, reference, name, country, stakeholder_type, email, "
      "language, general_text, consent_publish, status, submitted_at) VALUES(?, ?, 'R', 'CH', "
      "'individual', 'x@example.org', 'en', ?, 1, 'received', 0)";
  void Submit(const std::string& text) {
    ASSERT_TRUE(db_->Write<Ok>([&](storage::Connection& c) -> Status {
                     c.Exec(kInsert, consultation_, "R" + RandomToken(6), text);
                     return Ok{};
                   }).ok());
  }
  static std::uint64_t Largest(const CampaignTracker& t, std::int64_t consultation) {
    auto list = t.Campaigns(consultation);
    return list.empty() ? 0 : list.front().size;
  }
  std::unique_ptr<plenary::testing::TempDatabase> temp_;
  std::string spec_;
  std::unique_ptr<storage::Database> db_;
  std::int64_t consultation_ = 0, other_consultation_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Dialects, CampaignServers,
                         ::testing::Values(storage::Dialect::kSqlite, storage::Dialect::kPostgres),
                         [](const auto& info) {
                           return info.param == storage::Dialect::kSqlite ? "Sqlite" : "Postgres";
                         });

const std::string kLetter =
    "We ask the council to keep the internet open, free and secure for everyone, and to "
    "protect the privacy of every user in every country of the world.";
const std::string kOther =
    "Spectrum for satellites should be shared fairly between the regions, with a review "
    "every four years by the radiocommunication assembly.";

TEST_P(CampaignServers, TwoTrackersHoldTheSameStoredCampaigns) {
  for (int i = 0; i < 4; ++i) Submit(kLetter);
  Submit(kOther);
  Submit(kLetter + " Thank you.");
  CampaignTracker a(*db_), b(*db_);
  // a groups; b (another server) replays what a stored instead of grouping again.
  while (a.CatchUp() > 0) {
  }
  while (b.CatchUp() > 0) {
  }
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM campaign_assignments"), 6);
  EXPECT_EQ(Largest(a, consultation_), 5u);
  EXPECT_EQ(a.Membership(consultation_), b.Membership(consultation_));
  EXPECT_EQ(a.Lag(), 0);
  EXPECT_EQ(b.Lag(), 0);
  // More responses, grouped by whichever: both follow, and a third started now agrees.
  Submit(kOther);
  Submit(kOther);
  while (b.CatchUp() + a.CatchUp() > 0) {
  }
  CampaignTracker c(*db_);
  while (c.CatchUp() > 0) {
  }
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM campaign_assignments"), 8);
  EXPECT_EQ(a.Campaigns(consultation_).size(), 2u);
  EXPECT_EQ(a.Membership(consultation_), b.Membership(consultation_));
  EXPECT_EQ(a.Membership(consultation_), c.Membership(consultation_));
}

// The writer may run a grouping's write again in one batch (on PostgreSQL, after another write
// of the batch failed after changing rows, the batch runs again without it): the campaigns
// stay those stored, as a tracker started afterwards reads them.
TEST_P(CampaignServers, AGroupingRunAgainByTheWriterKeepsTheStoredCampaigns) {
  for (int i = 0; i < 4; ++i) Submit(kLetter);
  Submit(kOther);
  CampaignTracker a(*db_);
  std::exception_ptr failed;
  plenary::testing::RunInOneBatch(
      *db_, {[&] { a.CatchUp(); },
             [&] {
               try {
                 (void)db_->Write<Ok>([&](storage::Connection& c) -> Status {
                   std::string reference = "R" + RandomToken(6);
                   c.Exec(kInsert, consultation_, reference, kLetter);
                   c.Exec(kInsert, consultation_, reference, kLetter);  // UNIQUE
                   return Ok{};
                 });
               } catch (...) {
                 failed = std::current_exception();
               }
             }});
  EXPECT_TRUE(failed);
  while (a.CatchUp() > 0) {
  }
  // The tracker goes on grouping by itself.
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM campaign_assignments"), 5);
  EXPECT_EQ(Largest(a, consultation_), 4u);
  CampaignTracker b(*db_);
  while (b.CatchUp() > 0) {
  }
  EXPECT_EQ(a.Membership(consultation_), b.Membership(consultation_));
}

// Two servers: one draws response ids and commits after the other committed a higher one.
// (Responses to one consultation take turns on its row of response_counts, so the late ones
// are in another consultation.)
TEST_P(CampaignServers, GroupsResponsesCommittedAfterAHigherId) {
  if (GetParam() == storage::Dialect::kSqlite)
    GTEST_SKIP() << "SQLite has one writer: ids are committed in the order they are drawn";
  storage::Connection other(spec_, true);
  other.ExecScript("BEGIN; SELECT pg_current_xact_id()");
  for (int i = 0; i < 3; ++i)
    other.Exec(kInsert, other_consultation_, "LATE" + std::to_string(i), kLetter);
  Submit(kOther);  // a higher id, committed first
  CampaignTracker tracker(*db_);
  while (tracker.CatchUp() > 0) {
  }
  EXPECT_EQ(Largest(tracker, other_consultation_), 0u);
  other.ExecScript("COMMIT");
  for (int i = 0; i < 3; ++i) tracker.CatchUp();
  EXPECT_EQ(Largest(tracker, other_consultation_), 3u) << "the three late copies are a campaign";
  EXPECT_EQ(tracker.Lag(), 0);
}

}  // namespace
}  // namespace plenary::consultations

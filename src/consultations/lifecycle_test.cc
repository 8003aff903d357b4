// Unit tests of the consultation lifecycle: each transition, each refusal (which must change
// nothing), and the summary that never moves the status.
#include "consultations/lifecycle.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "base/random.h"
#include "base/time.h"
#include "meetings/meetings.h"

namespace plenary::consultations {
namespace {

namespace json = boost::json;

class LifecycleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InitCrypto();
    path_ = std::filesystem::temp_directory_path() / ("plenary-unit-" + RandomToken(8) + ".db");
    db_ = std::make_unique<storage::Database>(path_.string());
    // Audit entries reference real users (foreign key).
    ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                     c.Exec(
                         "INSERT INTO users(id, email, name, role, password_hash, created_at) "
                         "VALUES(7, 'sec@example.int', 'Secretariat', 'secretariat', 'x', 0)");
                     return Ok{};
                   })
                    .ok());
    meetings::BodyInput b{"wg",          "WG", "member_states", json::value("Working group"),
                          json::value(), true};
    ASSERT_TRUE(meetings::CreateBody(*db_, kUser, b).ok());
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }

  // A consultation in the given state: "upcoming", "open", "closed" or "published".
  void Make(const std::string& state) {
    ConsultationInput in;
    in.key = "topic";
    in.body = "wg";
    in.title = json::object{{"en", "Topic"}};
    in.questions = {json::value("First?")};
    Instant now = Now();
    in.opens_at = FormatIso(state == "upcoming" ? now + 3600 : now - 7200);
    in.deadline = FormatIso(state == "upcoming" || state == "open" ? now + 7200 : now - 3600);
    in.timezone = "UTC";
    auto made = Create(*db_, kUser, in);
    ASSERT_TRUE(made.ok()) << made.error().message;
    if (state == "published") {
      ASSERT_TRUE(SetSummary(*db_, kUser, "topic", json::value("Participants said.")).ok());
      ASSERT_TRUE(PublishResults(*db_, kUser, "topic").ok());
    }
    ASSERT_EQ(Status(), state);
  }

  std::string Status() {
    auto c = Get(*db_, "topic");
    EXPECT_TRUE(c.ok());
    return c.ok() ? StatusOf(*c, Now()) : "";
  }
  std::int64_t Audits(const std::string& action) {
    return db_->Read()
        .QueryInt(
            "SELECT count(*) FROM audit_log WHERE action = ? AND object_type = "
            "'consultation'",
            action)
        .value_or(-1);
  }
  // The whole row and the history, to show that a refusal changed nothing.
  std::string Snapshot() {
    auto& r = db_->Read();
    return std::to_string(r.QueryInt("SELECT opens_at FROM consultations").value_or(-1)) + "/" +
           std::to_string(r.QueryInt("SELECT deadline FROM consultations").value_or(-1)) + "/" +
           std::to_string(r.QueryInt("SELECT coalesce(summary_published_at, 0) FROM "
                                     "consultations")
                              .value_or(-1)) +
           "/" +
           std::to_string(r.QueryInt("SELECT count(*) FROM deadline_extensions").value_or(-1)) +
           "/" + std::to_string(r.QueryInt("SELECT count(*) FROM audit_log").value_or(-1));
  }
  void ExpectRefused(const Result<Consultation>& r, Code code, const std::string& field,
                     const std::string& words) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, code) << r.error().message;
    EXPECT_EQ(r.error().field, field) << r.error().message;
    EXPECT_NE(r.error().message.find(words), std::string::npos) << r.error().message;
  }
  static ResponseInput Answer() {
    ResponseInput r;
    r.name = "Ana Silva";
    r.country = "BR";
    r.stakeholder_type = "government";
    r.email = "ana@example.org";
    r.language = "en";
    r.answers[1] = "An answer.";
    return r;
  }

  static constexpr std::int64_t kUser = 7;
  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
  Limits limits_;
};

TEST_F(LifecycleTest, OpenOpensAnUpcomingConsultationNow) {
  Make("upcoming");
  ASSERT_FALSE(SubmitResponse(*db_, "topic", Answer(), limits_).ok());
  Instant before = Now();
  auto c = Open(*db_, kUser, "topic");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(StatusOf(*c, Now()), "open");
  EXPECT_GE(c->opens_at, before);
  EXPECT_LE(c->opens_at, Now());
  EXPECT_EQ(Audits("consultation.open"), 1);
  EXPECT_TRUE(SubmitResponse(*db_, "topic", Answer(), limits_).ok());
}

TEST_F(LifecycleTest, CloseClosesAnOpenConsultationAndRefusesResponses) {
  Make("open");
  auto c = Close(*db_, kUser, "topic");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(StatusOf(*c, Now()), "closed");
  EXPECT_LT(c->deadline, Now() + 1);
  EXPECT_EQ(Audits("consultation.close"), 1);
  auto late = SubmitResponse(*db_, "topic", Answer(), limits_);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, Code::kFailedPrecondition);
}

TEST_F(LifecycleTest, ReopenOpensAClosedConsultationWithItsReasonInTheHistory) {
  Make("closed");
  auto c = Reopen(*db_, kUser, "topic", FormatIso(Now() + 86400), json::value("Late comments"));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(StatusOf(*c, Now()), "open");
  ASSERT_EQ(c->extensions.size(), 1u);
  EXPECT_EQ(c->extensions[0].reason, (json::object{{"en", "Late comments"}}));  // text is English
  EXPECT_EQ(Audits("consultation.reopen"), 1);
  EXPECT_TRUE(SubmitResponse(*db_, "topic", Answer(), limits_).ok());
}

TEST_F(LifecycleTest, PublishResultsPublishesAClosedConsultationsSummary) {
  Make("closed");
  ASSERT_TRUE(SetSummary(*db_, kUser, "topic", json::value("Participants said.")).ok());
  auto c = PublishResults(*db_, kUser, "topic");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(StatusOf(*c, Now()), "published");
  EXPECT_TRUE(c->summary_published_at.has_value());
  EXPECT_EQ(Audits("consultation.publish_results"), 1);
}

// The bug: saving the summary of an open consultation made it "Results published".
TEST_F(LifecycleTest, SavingTheSummaryNeverChangesTheStatus) {
  for (const char* state : {"upcoming", "open", "closed"}) {
    SCOPED_TRACE(state);
    TearDown();
    SetUp();
    Make(state);
    auto c = SetSummary(*db_, kUser, "topic", json::object{{"en", "Draft"}, {"zh", "草稿"}});
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(StatusOf(*c, Now()), state);
    EXPECT_FALSE(c->summary_published_at.has_value());
    EXPECT_EQ(Audits("consultation.publish_summary"), 0);
  }
}

TEST_F(LifecycleTest, OpenIsRefusedUnlessUpcoming) {
  const std::pair<const char*, const char*> cases[] = {
      {"open", "already open"}, {"closed", "reopen it"}, {"published", "can no longer change"}};
  for (const auto& [state, words] : cases) {
    SCOPED_TRACE(state);
    TearDown();
    SetUp();
    Make(state);
    std::string before = Snapshot();
    ExpectRefused(Open(*db_, kUser, "topic"), Code::kFailedPrecondition, "status", words);
    EXPECT_EQ(Snapshot(), before);
  }
}

TEST_F(LifecycleTest, CloseIsRefusedUnlessOpen) {
  const std::pair<const char*, const char*> cases[] = {{"upcoming", "not open yet"},
                                                       {"closed", "already closed"},
                                                       {"published", "can no longer change"}};
  for (const auto& [state, words] : cases) {
    SCOPED_TRACE(state);
    TearDown();
    SetUp();
    Make(state);
    std::string before = Snapshot();
    ExpectRefused(Close(*db_, kUser, "topic"), Code::kFailedPrecondition, "status", words);
    EXPECT_EQ(Snapshot(), before);
  }
}

TEST_F(LifecycleTest, ReopenIsRefusedUnlessClosed) {
  const std::pair<const char*, const char*> cases[] = {{"upcoming", "open it instead"},
                                                       {"open", "extend its deadline"},
                                                       {"published", "can no longer change"}};
  for (const auto& [state, words] : cases) {
    SCOPED_TRACE(state);
    TearDown();
    SetUp();
    Make(state);
    std::string before = Snapshot();
    ExpectRefused(Reopen(*db_, kUser, "topic", FormatIso(Now() + 86400), json::value("Why")),
                  Code::kFailedPrecondition, "status", words);
    EXPECT_EQ(Snapshot(), before);
  }
}

TEST_F(LifecycleTest, ReopenNeedsAReasonAndAFutureDeadline) {
  Make("closed");
  std::string before = Snapshot();
  ExpectRefused(Reopen(*db_, kUser, "topic", FormatIso(Now() + 86400), json::value()),
                Code::kInvalidArgument, "reason", "reason");
  ExpectRefused(Reopen(*db_, kUser, "topic", FormatIso(Now() + 86400), json::value("  ")),
                Code::kInvalidArgument, "reason", "reason");
  ExpectRefused(Reopen(*db_, kUser, "topic", "", json::value("Why")), Code::kInvalidArgument,
                "deadline", "YYYY-MM-DDTHH:MM");
  ExpectRefused(Reopen(*db_, kUser, "topic", FormatIso(Now() - 60), json::value("Why")),
                Code::kInvalidArgument, "deadline", "in the future");
  EXPECT_EQ(Snapshot(), before);
  EXPECT_EQ(Status(), "closed");
}

TEST_F(LifecycleTest, PublishResultsIsRefusedUnlessClosedWithASummary) {
  const std::pair<const char*, const char*> cases[] = {{"upcoming", "not open yet"},
                                                       {"open", "close it before"},
                                                       {"published", "can no longer change"}};
  for (const auto& [state, words] : cases) {
    SCOPED_TRACE(state);
    TearDown();
    SetUp();
    Make(state);
    ASSERT_TRUE(SetSummary(*db_, kUser, "topic", json::value("Participants said.")).ok());
    std::string before = Snapshot();
    ExpectRefused(PublishResults(*db_, kUser, "topic"), Code::kFailedPrecondition, "status", words);
    EXPECT_EQ(Snapshot(), before);
  }
}

TEST_F(LifecycleTest, ExtendingTheDeadlineIsRefusedOnceResultsArePublished) {
  Make("published");
  std::string before = Snapshot();
  ExpectRefused(ExtendDeadline(*db_, kUser, "topic", FormatIso(Now() + 86400), json::value("Why")),
                Code::kFailedPrecondition, "status", "can no longer change");
  EXPECT_EQ(Snapshot(), before);
}

TEST_F(LifecycleTest, PublishResultsNeedsTheSummary) {
  Make("closed");
  std::string before = Snapshot();
  ExpectRefused(PublishResults(*db_, kUser, "topic"), Code::kFailedPrecondition, "summary",
                "write the participants");
  EXPECT_EQ(Snapshot(), before);
}

TEST_F(LifecycleTest, AnUnknownConsultationIsNotFound) {
  auto r = Close(*db_, kUser, "nope");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Code::kNotFound);
}

TEST_F(LifecycleTest, TransitionsAreNamedAsInTheRoutes) {
  for (auto t :
       {Transition::kOpen, Transition::kClose, Transition::kReopen, Transition::kPublishResults}) {
    auto back = TransitionNamed(TransitionName(t));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, t);
  }
  EXPECT_STREQ(TransitionName(Transition::kPublishResults), "publish-results");
  EXPECT_FALSE(TransitionNamed("publish").has_value());
}

}  // namespace
}  // namespace plenary::consultations

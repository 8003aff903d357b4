// Issuing the summary record: the snapshot and files are frozen (the record changes, the issued
// files do not), a second issue must be a correction of the first and shows what changed, bad
// input changes nothing, and the record's Akoma Ntoso validates in every language.
#include "proceedings/record_out.h"

#include <gtest/gtest.h>

#include <map>

#include "demo/demo_fixture.h"
#include "documents/generated.h"
#include "documents/issued.h"
#include "proceedings/proceedings.h"
#include "render/render.h"

namespace plenary::proceedings {
namespace {

namespace json = boost::json;

class RecordOutTest : public demo::DemoDatabaseTest {
 protected:
  void SetUp() override {
    demo::DemoDatabaseTest::SetUp();
    // The 8th plenary of C22, the record's (the demo's 10th receives a report back).
    meeting_ = *db_->Read().QueryInt(
        "SELECT id FROM meetings WHERE kind = 'plenary' AND session = 'C22' AND number = 8");
  }
  documents::IssueInput Input(const std::string& symbol, const std::string& date) {
    auto p = Get(*db_, std::to_string(meeting_), std::nullopt);
    EXPECT_TRUE(p.ok());
    documents::IssueInput in;
    in.source = RecordSource(meeting_);
    in.request = {symbol, date};
    in.body = p->meeting.body_key;
    in.source_kind = "secretariat";
    json::object title;
    for (const char* l : {"ar", "zh", "en", "fr", "ru", "es"}) {
      in.versions.push_back(RecordDocument(*db_, *p, l, symbol, date));
      title[l] = in.versions.back().title;
    }
    in.title = title;
    return in;
  }
  std::int64_t Count(const char* table) {
    return *db_->Read().QueryInt(std::string("SELECT count(*) FROM ") + table);
  }
  std::int64_t meeting_ = 0;
};

TEST_F(RecordOutTest, OnlyAnApprovedRecordIsIssuedEachStepOnceInTheAuditLog) {
  const std::string source = RecordSource(meeting_);
  EXPECT_EQ(documents::LifecycleOf(*db_, source).status, "draft");
  const auto documents_before = Count("documents");
  auto early = documents::Issue(*db_, demo::kDemoSecretariat, Input("C22/200", "2022-04-01"));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, Code::kFailedPrecondition);
  EXPECT_EQ(early.error().field, "status");
  EXPECT_EQ(Count("documents"), documents_before);
  // Withdrawing an approval that is not there is refused too.
  EXPECT_EQ(documents::WithdrawApproval(*db_, demo::kDemoSecretariat, source).error().code,
            Code::kFailedPrecondition);

  auto approved = documents::Approve(*db_, demo::kDemoSecretariat, source);
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_EQ(approved->status, "approved");
  EXPECT_EQ(documents::Approve(*db_, demo::kDemoSecretariat, source).error().code,
            Code::kFailedPrecondition);
  auto back = documents::WithdrawApproval(*db_, demo::kDemoSecretariat, source);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->status, "draft");
  ASSERT_TRUE(documents::Approve(*db_, demo::kDemoSecretariat, source).ok());
  auto id = documents::Issue(*db_, demo::kDemoSecretariat, Input("C22/200", "2022-04-01"));
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto after = documents::LifecycleOf(*db_, source);
  EXPECT_EQ(after.status, "issued");
  ASSERT_TRUE(after.latest.has_value());
  EXPECT_EQ(after.latest->symbol, "C22/200");
  // The approval was used up: a correction must be approved again.
  auto corr =
      documents::Issue(*db_, demo::kDemoSecretariat, Input("C22/200(Corr.1)", "2022-04-02"));
  ASSERT_FALSE(corr.ok());
  EXPECT_EQ(corr.error().code, Code::kFailedPrecondition);
  auto audited = [&](const char* action) {
    return *db_->Read().QueryInt("SELECT count(*) FROM audit_log WHERE action = ?", action);
  };
  EXPECT_EQ(audited("document.approve"), 2);
  EXPECT_EQ(audited("document.withdraw_approval"), 1);
  EXPECT_EQ(audited("document.issue"), 1);
}

TEST_F(RecordOutTest, AnIssuedRecordNeverChangesACorrectionShowsWhatChanged) {
  const std::string source = RecordSource(meeting_);
  ASSERT_TRUE(documents::Approve(*db_, demo::kDemoSecretariat, source).ok());
  auto id = documents::Issue(*db_, demo::kDemoSecretariat, Input("C22/200", "2022-04-01"));
  ASSERT_TRUE(id.ok()) << id.error().message;
  std::map<std::string, std::string> before;
  for (const char* l : {"ar", "zh", "en", "fr", "ru", "es"})
    for (const char* f : render::kFormats) {
      auto data = documents::Rendition(*db_, *id, l, f);
      ASSERT_TRUE(data.has_value()) << l << f;
      before[std::string(l) + f] = *data;
    }
  EXPECT_EQ(before.size(), 18u);

  // The record changes: a new paragraph on the first item.
  auto item = *db_->Read().QueryInt(
      "SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position LIMIT 1", meeting_);
  InterventionInput iv;
  iv.capacity = "councillor";
  iv.summary = json::object{{"en", "A correction added after issue."}};
  ASSERT_TRUE(AddIntervention(*db_, demo::kDemoSecretariat, item, iv).ok());

  for (const auto& [key, bytes] : before) {
    std::string lang = key.substr(0, 2), format = key.substr(2);
    auto dl = documents::DownloadGenerated(*db_, RecordSource(meeting_), lang, format, [] {
      return Result<render::Document>(InvalidArgument("x", "the issued file is served"));
    });
    ASSERT_TRUE(dl.ok()) << key;
    EXPECT_TRUE(dl->data == bytes) << key << " changed after issue";
  }

  // A second issue under an unrelated symbol is refused and writes nothing.
  ASSERT_TRUE(documents::Approve(*db_, demo::kDemoSecretariat, source).ok());
  const auto documents_before = Count("documents");
  auto other = documents::Issue(*db_, demo::kDemoSecretariat, Input("C22/201", "2022-04-02"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, Code::kConflict);
  EXPECT_NE(other.error().message.find("C22/200(Corr.1)"), std::string::npos);
  EXPECT_EQ(Count("documents"), documents_before);

  auto corr =
      documents::Issue(*db_, demo::kDemoSecretariat, Input("C22/200(Corr.1)", "2022-04-02"));
  ASSERT_TRUE(corr.ok()) << corr.error().message;
  auto issued = documents::IssuedOf(*db_, *corr);
  ASSERT_TRUE(issued.has_value());
  EXPECT_EQ(issued->version, 2);
  json::object o = documents::IssuedJson(*db_, *issued);
  ASSERT_TRUE(o["previous"].is_string());
  EXPECT_EQ(o["previous"].as_string(), "C22/200");
  // English gained one paragraph on item 1; the other languages show it as an English fallback.
  bool added = false;
  for (const auto& c : o["changes"].as_object()["en"].as_array())
    added |= c.as_object().at("change").as_string() == "added";
  EXPECT_TRUE(added) << json::serialize(o["changes"]);
  // The first issue is still there, unchanged.
  EXPECT_TRUE(*documents::Rendition(*db_, *id, "en", "pdf") == before["enpdf"]);
}

TEST_F(RecordOutTest, BadIssueInputIsRefusedNamingTheField) {
  EXPECT_EQ(documents::CheckIssueRequest(json::object{{"symbol", "C22/87"}}).error().field, "date");
  EXPECT_EQ(documents::CheckIssueRequest(json::object{{"symbol", "C22/87"}, {"date", "2022-02-30"}})
                .error()
                .field,
            "date");
  EXPECT_EQ(
      documents::CheckIssueRequest(json::object{{"symbol", "no symbol"}, {"date", "2022-03-31"}})
          .error()
          .field,
      "symbol");
  EXPECT_EQ(documents::CheckIssueRequest(
                json::object{{"symbol", "C22/87"}, {"date", "2022-03-31"}, {"lang", "en"}})
                .error()
                .field,
            "lang");
  auto ok = documents::CheckIssueRequest(
      json::object{{"symbol", "C22/87 (Rev.1)"}, {"date", "2022-03-31"}});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->symbol, "C22/87(Rev.1)");  // canonical
  // The demo registers C22/87 already (the official record): taken.
  const auto before = Count("issued_documents");
  ASSERT_TRUE(documents::Approve(*db_, demo::kDemoSecretariat, RecordSource(meeting_)).ok());
  auto taken = documents::Issue(*db_, demo::kDemoSecretariat, Input("C22/87", "2022-03-31"));
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, Code::kConflict);
  EXPECT_EQ(Count("issued_documents"), before);
}

TEST_F(RecordOutTest, TheRecordModelHasTheCouncilsShapeInEveryLanguage) {
  auto p = Get(*db_, std::to_string(meeting_), std::nullopt);
  ASSERT_TRUE(p.ok());
  for (const char* l : {"ar", "zh", "en", "fr", "ru", "es"}) {
    auto d = RecordDocument(*db_, *p, l, "C22/87", "2022-03-31");
    EXPECT_EQ(d.symbol, "C22/87");
    ASSERT_FALSE(d.blocks.empty());
    EXPECT_EQ(d.blocks.front().kind, "heading");
    EXPECT_EQ(d.blocks.front().number, "1");
    EXPECT_FALSE(d.origin.empty());
    EXPECT_FALSE(d.signatures.empty());
    // Every paragraph's number starts with its item's.
    std::string item;
    for (const auto& b : d.blocks) {
      if (b.kind == "heading")
        item = b.number;
      else
        EXPECT_EQ(b.number.rfind(item + ".", 0), 0u) << b.number;
    }
  }
}

}  // namespace
}  // namespace plenary::proceedings

// Unit tests of the proceedings on a real SQLite file: agenda items, the list of speakers,
// decisions written from their kind in six languages, warnings, and action histories.
#include "proceedings/proceedings.h"

#include <gtest/gtest.h>

#include "demo/demo_fixture.h"
#include "proceedings/record.h"

namespace plenary::proceedings {
namespace {

namespace json = boost::json;
constexpr std::int64_t kUser = demo::kDemoSecretariat;

class ProceedingsTest : public demo::DemoDatabaseTest {
 protected:
  void SetUp() override {
    DemoDatabaseTest::SetUp();
    council_ = std::to_string(*db_->Read().QueryInt("SELECT id FROM meetings WHERE kind = 'plenary'"));
  }
  std::int64_t Count(const char* table) {
    return *db_->Read().QueryInt(std::string("SELECT count(*) FROM ") + table);
  }
  AgendaItem NewItem(const std::string& number, std::vector<std::string> docs = {"C22/33"}) {
    ItemInput in;
    in.number = number;
    in.title = json::object{{"en", "Item " + number}};
    in.documents = std::move(docs);
    auto it = CreateItem(*db_, kUser, council_, in);
    EXPECT_TRUE(it.ok()) << (it.ok() ? "" : it.error().message);
    return *it;
  }

  std::string council_;
};

TEST_F(ProceedingsTest, RebuildingMeetingsKeepsEveryReference) {
  // Migration 0006 rebuilt `meetings` with foreign keys off; every reference must still hold.
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM pragma_foreign_key_check"), 0);
  EXPECT_EQ(db_->Read().QueryInt("PRAGMA foreign_keys"), 1);
}

TEST_F(ProceedingsTest, DemoHasTheEightItemsOfTheCouncilRecord) {
  auto p = Get(*db_, council_, std::nullopt);
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->items.size(), 8u);
  EXPECT_EQ(p->items[4].documents.size(), 2u);
  EXPECT_EQ(p->items[4].documents[0].symbol, "C22/32(Rev.1)");
  EXPECT_EQ(p->items[7].candidatures.size(), 5u);
  EXPECT_EQ(p->items[4].decisions.at(0).kind, "referred_informal");
}

TEST_F(ProceedingsTest, WarnsOfSymbolsThatAreNotTheItemsDocuments) {
  auto p = Get(*db_, council_, std::nullopt);
  ASSERT_TRUE(p.ok());
  std::vector<std::string> got;
  for (const auto& w : Warnings(*p)) got.push_back(w.paragraph + " " + w.language + " " + w.cited);
  EXPECT_EQ(got, (std::vector<std::string>{"1.1 zh C21/33", "1.1 en C21/33", "2.1 zh C21/18",
                                           "2.1 en C21/18"}));
}

TEST_F(ProceedingsTest, BadItemsChangeNothing) {
  auto before = Count("agenda_items");
  ItemInput in;
  in.number = "9";
  in.title = json::object{{"en", "Other"}};
  in.documents = {"C22/33", "C99/1"};
  auto r = CreateItem(*db_, kUser, council_, in);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "documents");
  in.documents = {};
  in.number = "1";  // exists
  EXPECT_EQ(CreateItem(*db_, kUser, council_, in).error().code, Code::kConflict);
  in.number = "9 9";
  EXPECT_EQ(CreateItem(*db_, kUser, council_, in).error().field, "number");
  EXPECT_EQ(CreateItem(*db_, kUser, "999", {"9", in.title, {}, {}}).error().code, Code::kNotFound);
  EXPECT_EQ(Count("agenda_items"), before);
}

TEST_F(ProceedingsTest, SpeakersAreReorderedMovedAndMarkedDone) {
  auto item = NewItem("9");
  std::vector<std::int64_t> ids;
  for (const char* n : {"A", "B", "C"}) {
    auto s = AddSpeaker(*db_, kUser, item.id, {n, "councillor", ""});
    ASSERT_TRUE(s.ok());
    ids.push_back(s->id);
  }
  ASSERT_TRUE(ReorderSpeakers(*db_, kUser, item.id, {ids[2], ids[0], ids[1]}).ok());
  EXPECT_FALSE(ReorderSpeakers(*db_, kUser, item.id, {ids[2], ids[2], ids[1]}).ok());
  ASSERT_TRUE(MoveSpeaker(*db_, kUser, ids[1], -1).ok());  // B before A
  ASSERT_TRUE(MoveSpeaker(*db_, kUser, ids[2], -1).ok());  // already first: no change
  ASSERT_TRUE(SetSpeakerStatus(*db_, kUser, ids[2], "done").ok());
  EXPECT_EQ(SetSpeakerStatus(*db_, kUser, ids[2], "withdrawn").error().code, Code::kConflict);
  EXPECT_EQ(MoveSpeaker(*db_, kUser, ids[2], 1).error().code, Code::kConflict);
  auto it = GetItem(*db_, item.id, std::nullopt);
  ASSERT_TRUE(it.ok());
  std::vector<std::string> order;
  for (const auto& s : it->speakers) order.push_back(s.name + ":" + s.status);
  EXPECT_EQ(order, (std::vector<std::string>{"B:waiting", "A:waiting", "C:done"}));
}

TEST_F(ProceedingsTest, DecisionsAreWrittenFromTheirKindInSixLanguages) {
  Decision d;
  d.kind = "referred_informal";
  std::vector<DocumentRef> docs = {{1, "C22/32(Rev.1)", {}}, {2, "C22/71", {}}};
  EXPECT_EQ(DecisionText(d, docs, "The Council", "en"),
            "The Council agreed to hold informal consultations on the pending parts of Documents "
            "C22/32(Rev.1) and C22/71 and to report back at a later meeting.");
  EXPECT_EQ(DecisionText(d, docs, "理事会", "zh"),
            "理事会同意就C22/32(Rev.1)和C22/71号文件中尚未确定的部分进行非正式磋商，并在以后的会议上做出报告。");
  // Russian and Arabic plural forms of "document(s)".
  EXPECT_NE(DecisionText(d, docs, "Совет", "ru").find("документы C22/32(Rev.1) и C22/71"),
            std::string::npos);
  EXPECT_NE(DecisionText(d, docs, "المجلس", "ar").find("الوثيقتين"), std::string::npos);
  docs.pop_back();
  EXPECT_NE(DecisionText(d, docs, "المجلس", "ar").find("الوثيقة \u2068C22/32(Rev.1)\u2069"),
            std::string::npos);
  d.kind = "forwarded";
  d.forwarded_to = "plenipotentiary_conference";
  d.accompanied_by = json::object{{"en", "the summary record"}};
  EXPECT_EQ(DecisionText(d, docs, "The Council", "en"),
            "The Council agreed to forward Document C22/32(Rev.1), together with the summary "
            "record, to the Plenipotentiary Conference.");
  // What goes along is left out rather than written in another language.
  EXPECT_EQ(DecisionText(d, docs, "Le Conseil", "fr"),
            "Le Conseil est convenu de transmettre le document C22/32(Rev.1) à la Conférence de "
            "plénipotentiaires.");
  for (const char* lang : {"es", "ru", "ar", "zh"})
    EXPECT_EQ(DecisionText(d, docs, "X", lang).find('['), std::string::npos) << lang;
}

TEST_F(ProceedingsTest, ActionHistoryRecordsWhatFulfilledIt) {
  auto item = NewItem("9");
  DecisionInput din;
  din.kind = "took_note";
  auto dec = AddDecision(*db_, kUser, item.id, din);
  ASSERT_TRUE(dec.ok());
  ActionInput in;
  in.number = "9.1";
  in.owner = json::object{{"en", "Secretariat"}};
  in.text = json::object{{"en", "Report more on Resolution 133."}};
  in.decision_id = dec->id;
  auto a = CreateAction(*db_, kUser, council_, in);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->agenda_item_id, item.id);
  EXPECT_EQ(CreateAction(*db_, kUser, council_, in).error().code, Code::kConflict);
  auto events = Count("action_events");
  EXPECT_EQ(RecordActionEvent(*db_, kUser, a->id, {"done", std::nullopt, "C99/1", {}}).error().field,
            "document");
  EXPECT_EQ(RecordActionEvent(*db_, kUser, a->id, {"open", std::nullopt, std::nullopt, {}})
                .error()
                .field,
            "status");
  EXPECT_EQ(Count("action_events"), events);
  auto done = RecordActionEvent(*db_, kUser, a->id, {"done", council_, "C22/33", {}});
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->status, "done");
  ASSERT_EQ(done->events.size(), 2u);
  EXPECT_EQ(done->events[1].document->symbol, "C22/33");
  EXPECT_EQ(done->events[1].meeting->kind, "plenary");
}

TEST_F(ProceedingsTest, RestrictedDocumentsStayOutOfAnItemForThePublic) {
  auto item = NewItem("9", {"C22/33", "C22/DT/5"});
  auto pub = GetItem(*db_, item.id, std::nullopt);
  ASSERT_TRUE(pub.ok());
  ASSERT_EQ(pub->documents.size(), 1u);
  EXPECT_EQ(pub->documents[0].symbol, "C22/33");
}

}  // namespace
}  // namespace plenary::proceedings

// Unit tests of the proceedings on a real SQLite file: agenda items, the list of speakers,
// decisions written from their kind in six languages, warnings, and action histories.
//
// What is stored and what is generated in a summary record. Stored: an item's title, the text of
// its interventions and statements, a decision's recorded wording (the demo's Chinese and English
// texts are the seed's own and its translations, src/demo/council2022.json). Generated: the
// numbering of items and paragraphs (decisions last), the documents of a heading ("(Document
// C22/33)", "（C22/33号文件）"), a decision without wording in the reader's language (from its
// kind, documents and recipient), and the signatures. The generated parts are tested here on
// items made by the test, against expected strings written by hand in the six languages (Chinese
// derived from seed 000's own sentences, C22/87).
#include "proceedings/proceedings.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include <fmt/format.h>

#include "accounts/accounts.h"
#include "base/time.h"
#include "consultations/sources.h"
#include "documents/resolutions.h"
#include "demo/demo_fixture.h"
#include "meetings/meetings.h"
#include "proceedings/floor.h"
#include "proceedings/record.h"
#include "text/messages.h"
#include "proceedings/sources.h"

namespace plenary::proceedings {
namespace {

namespace json = boost::json;
constexpr std::int64_t kUser = demo::kDemoSecretariat;

class ProceedingsTest : public demo::DemoDatabaseTest {
 protected:
  void SetUp() override {
    DemoDatabaseTest::SetUp();
    // The 8th plenary of C22, the record's (the demo's 10th receives a report back).
    council_ = std::to_string(*db_->Read().QueryInt(
        "SELECT id FROM meetings WHERE kind = 'plenary' AND session = 'C22' AND number = 8"));
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

// "Cited by" of the records is written with them, as documents' is: a new action citing
// Resolution 133 is listed at once, from rows of `citations` (its text, changed behind the use
// cases' back, is not read again: no scan at read time); a paragraph corrected so that it no
// longer cites Resolution 102 leaves no stale row, and its item drops out of the list.
TEST_F(ProceedingsTest, CitedByIsWrittenWithTheRecord) {
  documents::SetCitingSources({{"consultation", consultations::CitingConsultations},
                               {"action", CitingActions},
                               {"agenda_item", CitingAgendaItems}});
  auto cited_by = [&](const std::string& number) {
    std::set<std::string> out;
    auto r = documents::GetResolution(*db_, "pp", number);
    EXPECT_TRUE(r.ok());
    if (r.ok())
      for (const auto& c : documents::ResolutionCitedBy(*db_, *r, std::nullopt))
        out.insert(c.kind + ":" + c.label);
    return out;
  };
  auto rows = [&](const char* kind, std::int64_t id) {
    return *db_->Read().QueryInt(
        "SELECT count(*) FROM citations WHERE source_kind = ? AND source_id = ?", kind, id);
  };
  EXPECT_FALSE(cited_by("133").count("action:9.9"));
  ActionInput a;
  a.number = "9.9";
  a.owner = json::object{{"en", "Secretariat"}};
  a.text = json::object{{"en", "Report more on Resolution 133 (Rev. Dubai, 2018)."}};
  auto action = CreateAction(*db_, kUser, council_, a);
  ASSERT_TRUE(action.ok()) << action.error().message;
  EXPECT_TRUE(cited_by("133").count("action:9.9"));
  EXPECT_EQ(rows("action", action->id), 1);
  ASSERT_TRUE(db_->Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
                   c.Exec("UPDATE actions SET text = '{\"en\":\"Nothing cited.\"}' WHERE id = ?",
                          action->id);
                   return Ok{};
                 }).ok());
  EXPECT_TRUE(cited_by("133").count("action:9.9")) << "read from the rows, not the text";

  AgendaItem item = NewItem("77", {});
  InterventionInput in;
  in.capacity = "chair";
  in.summary = json::object{{"en", "The Council recalled Resolution 102 (Rev. Dubai, 2018)."}};
  auto paragraph = AddIntervention(*db_, kUser, item.id, in);
  ASSERT_TRUE(paragraph.ok()) << paragraph.error().message;
  EXPECT_TRUE(cited_by("102").count("agenda_item:77"));
  EXPECT_EQ(rows("agenda_item", item.id), 1);
  ASSERT_TRUE(
      EditIntervention(*db_, kUser, paragraph->id, json::object{{"en", "The Council took note."}})
          .ok());
  EXPECT_FALSE(cited_by("102").count("agenda_item:77"));
  EXPECT_EQ(rows("agenda_item", item.id), 0);
  documents::SetCitingSources({});
}

TEST_F(ProceedingsTest, RebuildingMeetingsKeepsEveryReference) {
  // Migration 0006 rebuilt `meetings` with foreign keys off; every reference must still hold.
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM pragma_foreign_key_check"), 0);
  EXPECT_EQ(db_->Read().QueryInt("PRAGMA foreign_keys"), 1);
}

// Every heading of the demo's summary record is in the record's language (the Chinese of seed
// 000, ITU's usual forms in the others), never the English in its place.
TEST_F(ProceedingsTest, DemoItemHeadingsExistInEveryLanguage) {
  auto p = Get(*db_, council_, std::nullopt);
  ASSERT_TRUE(p.ok());
  for (const auto& lang : text::Languages()) {
    const SummaryRecord r = BuildRecord(*p, lang);
    ASSERT_EQ(r.items.size(), 8u);
    for (const auto& it : r.items) {
      EXPECT_EQ(it.heading_lang, lang) << lang << " item " << it.number << ": " << it.heading;
      EXPECT_FALSE(it.heading_fallback) << lang << " item " << it.number;
    }
  }
  auto fr = BuildRecord(*p, "fr");
  EXPECT_EQ(fr.items[7].heading, "Déclarations des ministres et des Conseillers");
  EXPECT_EQ(fr.items[2].heading.find("CWG-Internet"), std::string::npos) << fr.items[2].heading;
  auto zh = BuildRecord(*p, "zh");
  EXPECT_EQ(zh.items[7].heading, "各位部长和理事的发言");
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
  // The seed's paragraphs 1.1 and 2.1 cite the 2021 session's symbols; their translations keep
  // the record's words, so each language is warned of.
  std::vector<std::string> want;
  for (const char* cited : {"1.1 {} C21/33", "2.1 {} C21/18"})
    for (const char* lang : {"zh", "en", "fr", "es", "ru", "ar"})
      want.push_back(fmt::format(fmt::runtime(cited), lang));
  EXPECT_EQ(got, want);
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

// A delegate could fill the list with 500 requests of their own; one waits at a time.
TEST_F(ProceedingsTest, ADelegateWaitsOnceOnAnItemsList) {
  auto item = NewItem("9");
  ASSERT_TRUE(SetDiscussion(*db_, kUser, item.id, true, std::nullopt).ok());
  SpeakerInput own{"Delegate of Switzerland", "councillor", "CH", true};
  auto first = AddSpeaker(*db_, kUser, item.id, own);
  ASSERT_TRUE(first.ok());
  auto second = AddSpeaker(*db_, kUser, item.id, own);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, Code::kConflict);
  // Others are still added; once the delegate has spoken they may ask again.
  EXPECT_TRUE(AddSpeaker(*db_, kUser, item.id, {"Delegate of Ghana", "councillor", "GH", true}).ok());
  ASSERT_TRUE(SetSpeakerStatus(*db_, kUser, first->id, "done").ok());
  EXPECT_TRUE(AddSpeaker(*db_, kUser, item.id, own).ok());
  auto it = GetItem(*db_, item.id, std::nullopt);
  ASSERT_TRUE(it.ok());
  EXPECT_EQ(it->speakers.size(), 3u);
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

// The item under discussion is one per meeting; its speaking time is bounded; giving the floor
// starts the clock and ends the previous speaker's turn; done or withdrawn ends it.
TEST_F(ProceedingsTest, TheFloorIsGivenInTurnOnTheItemUnderDiscussion) {
  auto first = NewItem("9");
  auto second = NewItem("10");
  ASSERT_TRUE(SetDiscussion(*db_, kUser, first.id, true, 120).ok());
  ASSERT_TRUE(SetDiscussion(*db_, kUser, second.id, true, std::nullopt).ok());
  auto a = GetItem(*db_, first.id, std::nullopt), b = GetItem(*db_, second.id, std::nullopt);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_FALSE(a->under_discussion);
  EXPECT_EQ(a->speaking_seconds, 120);
  EXPECT_TRUE(b->under_discussion);
  EXPECT_EQ(b->speaking_seconds, 180);  // the default of migration 0017, unchanged
  auto audits = Count("audit_log");
  for (int bad : {9, 3601, -1}) {
    auto r = SetDiscussion(*db_, kUser, first.id, true, bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "speaking_seconds");
  }
  EXPECT_EQ(SetDiscussion(*db_, kUser, 999999, true, 60).error().code, Code::kNotFound);
  EXPECT_EQ(Count("audit_log"), audits);
  ASSERT_TRUE(SetDiscussion(*db_, kUser, second.id, true, 10).ok());
  ASSERT_TRUE(SetDiscussion(*db_, kUser, second.id, true, 3600).ok());

  std::vector<std::int64_t> ids;
  for (const char* n : {"A", "B", "C"}) {
    auto s = AddSpeaker(*db_, kUser, second.id, {n, "councillor", ""});
    ASSERT_TRUE(s.ok());
    ids.push_back(s->id);
  }
  auto before = Now();
  ASSERT_TRUE(SetSpeakerStatus(*db_, kUser, ids[1], "floor").ok());
  EXPECT_EQ(SetSpeakerStatus(*db_, kUser, ids[1], "floor").error().code, Code::kConflict);
  auto it = GetItem(*db_, second.id, std::nullopt);
  ASSERT_TRUE(it.ok());
  EXPECT_EQ(it->floor_speaker_id, ids[1]);
  EXPECT_GE(it->floor_since, before);
  EXPECT_LE(it->floor_since, Now());
  ASSERT_FALSE(it->speakers.empty());
  EXPECT_EQ(it->speakers[0].name, "B");  // the one with the floor comes first
  // C gets the floor: B has spoken.
  ASSERT_TRUE(SetSpeakerStatus(*db_, kUser, ids[2], "floor").ok());
  it = GetItem(*db_, second.id, std::nullopt);
  ASSERT_TRUE(it.ok());
  EXPECT_EQ(it->floor_speaker_id, ids[2]);
  std::vector<std::string> got;
  for (const auto& s : it->speakers) got.push_back(s.name + ":" + s.status);
  EXPECT_EQ(got, (std::vector<std::string>{"C:waiting", "A:waiting", "B:done"}));
  ASSERT_TRUE(SetSpeakerStatus(*db_, kUser, ids[2], "done").ok());
  it = GetItem(*db_, second.id, std::nullopt);
  ASSERT_TRUE(it.ok());
  EXPECT_EQ(it->floor_speaker_id, 0);
  EXPECT_EQ(SetSpeakerStatus(*db_, kUser, ids[0], "speaking").error().field, "status");
  ASSERT_TRUE(SetDiscussion(*db_, kUser, second.id, false, std::nullopt).ok());
  it = GetItem(*db_, second.id, std::nullopt);
  ASSERT_TRUE(it.ok());
  EXPECT_FALSE(it->under_discussion);
}

// A delegate withdraws their own request, and nothing else.
TEST_F(ProceedingsTest, ADelegateWithdrawsOnlyTheirOwnRequest) {
  auto item = NewItem("9");
  auto gh = accounts::AddUser(*db_, "d.gh@example.int", "Delegate of Ghana", "delegate",
                              "a long enough password", "GH");
  auto ch = accounts::AddUser(*db_, "d.ch@example.int", "Delegate of Switzerland", "delegate",
                              "a long enough password", "CH");
  ASSERT_TRUE(gh.ok() && ch.ok());
  // Not on an item that is not under discussion: 409, nothing written.
  auto early = AddSpeaker(*db_, gh->id, item.id, {gh->name, "councillor", "GH", true, gh->id});
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, Code::kFailedPrecondition);
  EXPECT_EQ(early.error().field, "under_discussion");
  auto before = GetItem(*db_, item.id, std::nullopt);
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(before->speakers.empty());
  ASSERT_TRUE(SetDiscussion(*db_, kUser, item.id, true, std::nullopt).ok());
  auto mine = AddSpeaker(*db_, gh->id, item.id, {gh->name, "councillor", "GH", true, gh->id});
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->user_id, gh->id);
  // The same account again, even under another name: 409 naming the list.
  auto twice = AddSpeaker(*db_, gh->id, item.id, {"Ghana", "councillor", "GH", true, gh->id});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, Code::kConflict);
  EXPECT_EQ(twice.error().field, "speakers");
  auto staffs = AddSpeaker(*db_, kUser, item.id, {"Councillor of Chile", "councillor", "CL"});
  ASSERT_TRUE(staffs.ok());
  EXPECT_EQ(staffs->user_id, 0);
  EXPECT_EQ(SetSpeakerStatus(*db_, ch->id, mine->id, "withdrawn", true).error().code,
            Code::kPermissionDenied);
  EXPECT_EQ(SetSpeakerStatus(*db_, gh->id, staffs->id, "withdrawn", true).error().code,
            Code::kPermissionDenied);
  EXPECT_EQ(SetSpeakerStatus(*db_, gh->id, mine->id, "floor", true).error().code,
            Code::kPermissionDenied);
  EXPECT_EQ(SetSpeakerStatus(*db_, gh->id, mine->id, "done", true).error().code,
            Code::kPermissionDenied);
  ASSERT_TRUE(SetSpeakerStatus(*db_, gh->id, mine->id, "withdrawn", true).ok());
  // Withdrawn, they may ask again.
  EXPECT_TRUE(AddSpeaker(*db_, gh->id, item.id, {gh->name, "councillor", "GH", true, gh->id}).ok());
}

// Every change of a meeting's list raises its version; watchers are bounded.
TEST_F(ProceedingsTest, WatchersHearOfEachChangeAndAreBounded) {
  auto item = NewItem("9");
  std::int64_t meeting = item.meeting_id;
  auto v0 = FloorVersion(meeting);
  auto s = AddSpeaker(*db_, kUser, item.id, {"A", "councillor", ""});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(FloorVersion(meeting), v0 + 1);
  EXPECT_FALSE(AddSpeaker(*db_, kUser, item.id, {"", "councillor", ""}).ok());
  EXPECT_EQ(FloorVersion(meeting), v0 + 1);  // a refusal changes nothing
  ASSERT_TRUE(SetSpeakerStatus(*db_, kUser, s->id, "floor").ok());
  ASSERT_TRUE(SetDiscussion(*db_, kUser, item.id, true, 60).ok());
  EXPECT_EQ(FloorVersion(meeting), v0 + 3);

  int saved = MaxWatchers();
  SetMaxWatchers(2);
  {
    auto w1 = Watch(meeting);
    auto w2 = Watch(meeting);
    ASSERT_TRUE(w1 && w2);
    EXPECT_EQ(Watchers(), 2);
    EXPECT_EQ(Watch(meeting), nullptr);
    auto first = w1->poll();
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(*first, fmt::format("retry: 1000\nevent: floor\ndata: {{\"meeting\":{},"
                                  "\"version\":{}}}\n\n",
                                  meeting, v0 + 3));
    EXPECT_EQ(w1->poll(), std::string());  // nothing new
    ASSERT_TRUE(SetSpeakerStatus(*db_, kUser, s->id, "done").ok());
    auto next = w1->poll();
    ASSERT_TRUE(next.has_value());
    EXPECT_NE(next->find(fmt::format("\"version\":{}", v0 + 4)), std::string::npos);
    w2.reset();  // a watcher gone gives its place back
    EXPECT_EQ(Watchers(), 1);
    EXPECT_NE(Watch(meeting), nullptr);
  }
  EXPECT_EQ(Watchers(), 0);
  SetMaxWatchers(saved);
}

TEST_F(ProceedingsTest, DecisionsAreWrittenFromTheirKindInSixLanguages) {
  Decision d;
  d.kind = "referred_informal";
  std::vector<DocumentRef> docs = {{1, "C22/32(Rev.1)", {}}, {2, "C22/71", {}}};
  // Nothing is said of the documents beyond what the record holds (no "pending parts").
  EXPECT_EQ(DecisionText(d, docs, "The Council", "en"),
            "The Council agreed to hold informal consultations on Documents C22/32(Rev.1) and "
            "C22/71 and to report back at a later meeting.");
  EXPECT_EQ(DecisionText(d, docs, "理事会", "zh"),
            "理事会同意就C22/32(Rev.1)和C22/71号文件进行非正式磋商，并在以后的会议上做出报告。");
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
            "Le Conseil est convenu de transmettre le Document C22/32(Rev.1) à la Conférence de "
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

json::object Six(const char* en, const char* zh, const char* fr, const char* es, const char* ru,
                 const char* ar) {
  return {{"en", en}, {"zh", zh}, {"fr", fr}, {"es", es}, {"ru", ru}, {"ar", ar}};
}

// A new plenary meeting with three items made by the test: an item with one document (a stored
// intervention, then a decision taking note and forwarding), an item with two documents sent to
// informal consultations, and an item without documents or decision. No signatories.
class RecordTest : public ProceedingsTest {
 protected:
  void SetUp() override {
    ProceedingsTest::SetUp();
    meetings::MeetingInput m;
    m.body = "council";
    m.kind = "plenary";
    m.session = "C23";
    m.number = 1;
    m.starts_on = m.ends_on = "2023-07-11";
    m.timezone = "Europe/Zurich";
    m.mode = "physical";
    auto made = meetings::CreateMeeting(*db_, kUser, m);
    ASSERT_TRUE(made.ok()) << made.error().message;
    meeting_ = std::to_string(made->id);

    auto one = CreateItem(*db_, kUser, meeting_,
                          {"1",
                           Six("ITU's Internet-related activities", "国际电联互联网活动",
                               "Activités de l'UIT relatives à l'Internet",
                               "Actividades de la UIT relacionadas con Internet",
                               "Деятельность МСЭ, связанная с Интернетом",
                               "أنشطة الاتحاد المتعلقة بالإنترنت"),
                           {"C22/33"},
                           {}});
    ASSERT_TRUE(one.ok()) << one.error().message;
    InterventionInput iv;
    iv.capacity = "councillors";
    iv.summary = json::object{{"en", "Councillors welcomed the report."}, {"zh", "理事们对报告表示欢迎。"}};
    ASSERT_TRUE(AddIntervention(*db_, kUser, one->id, iv).ok());
    DecisionInput took;
    took.kind = "took_note";
    took.forwarded_to = "un_secretary_general";
    ASSERT_TRUE(AddDecision(*db_, kUser, one->id, took).ok());

    auto two = CreateItem(*db_, kUser, meeting_,
                          {"2",
                           Six("Guidelines for the GCA", "GCA使用导则", "Lignes directrices du GCA",
                               "Directrices de la GCA", "Руководящие указания по ГПКБ",
                               "المبادئ التوجيهية للبرنامج العالمي للأمن السيبراني"),
                           {"C22/32(Rev.1)", "C22/71"},
                           {}});
    ASSERT_TRUE(two.ok()) << two.error().message;
    DecisionInput referred;
    referred.kind = "referred_informal";
    referred.report_back =
        Six("a later plenary meeting", "随后的全体会议", "à une séance plénière ultérieure",
            "en una sesión plenaria posterior", "на одном из последующих пленарных заседаний",
            "في جلسة عامة لاحقة");
    ASSERT_TRUE(AddDecision(*db_, kUser, two->id, referred).ok());

    auto three = CreateItem(*db_, kUser, meeting_,
                            {"3", Six("Statements", "发言", "Déclarations", "Declaraciones",
                                      "Заявления", "البيانات"),
                             {}, {}});
    ASSERT_TRUE(three.ok()) << three.error().message;
    InterventionInput st;
    st.kind = "statement";
    st.capacity = "minister";
    st.summary = json::object{{"en", "A minister made a statement."}};
    ASSERT_TRUE(AddIntervention(*db_, kUser, three->id, st).ok());
  }
  SummaryRecord Record(const std::string& lang) {
    auto p = Get(*db_, meeting_, std::nullopt);
    EXPECT_TRUE(p.ok());
    return p.ok() ? BuildRecord(*p, lang) : SummaryRecord{};
  }
  std::string meeting_;
};

TEST_F(RecordTest, ItemsAndParagraphsAreNumberedWithTheDecisionLast) {
  for (const auto& lang : {"en", "zh", "ar"}) {
    auto r = Record(lang);
    std::vector<std::string> got;
    for (const auto& it : r.items) {
      got.push_back(it.number);
      for (const auto& p : it.paragraphs)
        got.push_back(p.number + (p.decision ? " decision" : "") + (p.generated ? " generated" : ""));
    }
    EXPECT_EQ(got, (std::vector<std::string>{"1", "1.1", "1.2 decision generated", "2",
                                             "2.1 decision generated", "3", "3.1"}))
        << lang;
  }
}

TEST_F(RecordTest, HeadingsNameTheItemsDocumentsInSixLanguages) {
  const std::map<std::string, std::pair<std::string, std::string>> want = {
      {"en", {"ITU's Internet-related activities (Document C22/33)",
              "Guidelines for the GCA (Documents C22/32(Rev.1) and C22/71)"}},
      {"zh", {"国际电联互联网活动（C22/33号文件）", "GCA使用导则（C22/32(Rev.1)和C22/71号文件）"}},
      {"fr", {"Activités de l'UIT relatives à l'Internet (Document C22/33)",
              "Lignes directrices du GCA (Documents C22/32(Rev.1) et C22/71)"}},
      {"es", {"Actividades de la UIT relacionadas con Internet (Documento C22/33)",
              "Directrices de la GCA (Documentos C22/32(Rev.1) y C22/71)"}},
      {"ru", {"Деятельность МСЭ, связанная с Интернетом (Документ C22/33)",
              "Руководящие указания по ГПКБ (Документы C22/32(Rev.1) и C22/71)"}},
      {"ar", {"أنشطة الاتحاد المتعلقة بالإنترنت (الوثيقة \u2068C22/33\u2069)",
              "المبادئ التوجيهية للبرنامج العالمي للأمن السيبراني (الوثيقتان \u2068C22/32(Rev.1)\u2069 "
              "و\u2068C22/71\u2069)"}},
  };
  for (const auto& [lang, headings] : want) {
    auto r = Record(lang);
    ASSERT_EQ(r.items.size(), 3u) << lang;
    EXPECT_EQ(r.items[0].heading, headings.first) << lang;
    EXPECT_EQ(r.items[1].heading, headings.second) << lang;
    EXPECT_FALSE(r.items[0].heading_fallback) << lang;
  }
  EXPECT_EQ(Record("en").items[2].heading, "Statements");  // no documents: the title alone
}

TEST_F(RecordTest, DecisionsWithoutWordingAreWrittenInSixLanguages) {
  const std::map<std::string, std::pair<std::string, std::string>> want = {
      {"en",
       {"The Council took note of the report in Document C22/33. The Council also agreed to forward "
        "the report to the Secretary-General of the United Nations.",
        "The Council agreed to hold informal consultations on Documents C22/32(Rev.1) and C22/71 "
        "and to report back at a later plenary meeting."}},
      // Seed 000, 1.4 and 5.8: "理事会将C22/33号文件中的报告记录在案，并赞同将该报告……转呈联合国秘书长"
      // and "理事会同意就……进行非正式磋商，并在随后的全体会议上做出报告".
      {"zh",
       {"理事会将C22/33号文件中的报告记录在案。理事会还同意将该报告转呈联合国秘书长。",
        "理事会同意就C22/32(Rev.1)和C22/71号文件进行非正式磋商，并在随后的全体会议上做出报告。"}},
      {"fr",
       {"Le Conseil a pris note du rapport figurant dans le Document C22/33. Le Conseil est "
        "également convenu de transmettre le rapport au Secrétaire général de l’Organisation des "
        "Nations Unies.",
        "Le Conseil est convenu de tenir des consultations informelles sur les Documents "
        "C22/32(Rev.1) et C22/71 et d’en rendre compte à une séance plénière ultérieure."}},
      {"es",
       {"El Consejo tomó nota del informe que figura en el Documento C22/33. El Consejo también "
        "acordó transmitir el informe al Secretario General de las Naciones Unidas.",
        "El Consejo acordó celebrar consultas oficiosas sobre los Documentos C22/32(Rev.1) y "
        "C22/71 e informar al respecto en una sesión plenaria posterior."}},
      {"ru",
       {"Совет принял к сведению отчет (документ C22/33). Совет также решил направить отчет "
        "Генеральному секретарю ООН.",
        "Совет решил провести неофициальные консультации по данному вопросу (документы "
        "C22/32(Rev.1) и C22/71) и доложить о результатах на одном из последующих пленарных "
        "заседаний."}},
      {"ar",
       {"أحاط المجلس علمًا بالتقرير الوارد في الوثيقة \u2068C22/33\u2069. ووافق المجلس أيضًا على إحالة "
        "التقرير إلى الأمين العام للأمم المتحدة.",
        "وافق المجلس على إجراء مشاورات غير رسمية بشأن الوثيقتين \u2068C22/32(Rev.1)\u2069 "
        "و\u2068C22/71\u2069 وتقديم تقرير في جلسة عامة لاحقة."}},
  };
  for (const auto& [lang, texts] : want) {
    auto r = Record(lang);
    ASSERT_EQ(r.items.size(), 3u) << lang;
    EXPECT_EQ(r.items[0].paragraphs.at(1).text, texts.first) << lang;
    EXPECT_EQ(r.items[0].paragraphs.at(1).lang, lang);
    EXPECT_EQ(r.items[1].paragraphs.at(0).text, texts.second) << lang;
  }
}

TEST_F(RecordTest, ADecisionWithoutDocumentsNamesNoReport) {
  Decision d;
  d.kind = "took_note";
  EXPECT_EQ(DecisionText(d, {}, "The Council", "en"), "The Council took note of the matter.");
  EXPECT_EQ(DecisionText(d, {}, "理事会", "zh"), "理事会将该事项记录在案。");
  EXPECT_EQ(DecisionText(d, {}, "Le Conseil", "fr"), "Le Conseil a pris note de la question.");
  EXPECT_EQ(DecisionText(d, {}, "El Consejo", "es"), "El Consejo tomó nota de la cuestión.");
  EXPECT_EQ(DecisionText(d, {}, "Совет", "ru"), "Совет принял к сведению информацию по данному вопросу.");
  EXPECT_EQ(DecisionText(d, {}, "المجلس", "ar"), "أحاط المجلس علمًا بالمسألة.");
  // Forwarded as well: "it" (the matter), not a report.
  d.forwarded_to = "council";
  EXPECT_EQ(DecisionText(d, {}, "The working group", "en"),
            "The working group took note of the matter. The working group also agreed to forward it "
            "to the Council.");
  EXPECT_EQ(DecisionText(d, {}, "Le groupe", "fr"),
            "Le groupe a pris note de la question. Le groupe est également convenu de la "
            "transmettre au Conseil.");
  d.forwarded_to.clear();
  d.kind = "agreed";
  EXPECT_EQ(DecisionText(d, {}, "The Council", "en"), "The Council agreed on the matter.");
  EXPECT_EQ(DecisionText(d, {}, "理事会", "zh"), "理事会就该事项达成一致。");
  EXPECT_EQ(DecisionText(d, {}, "Le Conseil", "fr"), "Le Conseil a donné son accord sur la question.");
  EXPECT_EQ(DecisionText(d, {}, "El Consejo", "es"), "El Consejo llegó a un acuerdo sobre la cuestión.");
  EXPECT_EQ(DecisionText(d, {}, "Совет", "ru"), "Совет достиг согласия по этому вопросу.");
  EXPECT_EQ(DecisionText(d, {}, "المجلس", "ar"), "وافق المجلس على المسألة.");
  d.kind = "deferred";
  EXPECT_EQ(DecisionText(d, {}, "The Council", "en"), "The Council deferred its consideration of the matter.");
  EXPECT_EQ(DecisionText(d, {}, "Le Conseil", "fr"), "Le Conseil a reporté l’examen de la question.");
  EXPECT_EQ(DecisionText(d, {}, "El Consejo", "es"), "El Consejo aplazó el examen de la cuestión.");
  EXPECT_EQ(DecisionText(d, {}, "Совет", "ru"), "Совет отложил рассмотрение этого вопроса.");
  EXPECT_EQ(DecisionText(d, {}, "المجلس", "ar"), "أرجأ المجلس النظر في المسألة.");
  // Informal consultations on the matter: Russian names the matter once, not "(этот вопрос)".
  d.kind = "referred_informal";
  EXPECT_EQ(DecisionText(d, {}, "Совет", "ru"),
            "Совет решил провести неофициальные консультации по данному вопросу и доложить о "
            "результатах на одном из последующих заседаний.");
  EXPECT_EQ(DecisionText(d, {}, "Le Conseil", "fr"),
            "Le Conseil est convenu de tenir des consultations informelles sur la question et d’en "
            "rendre compte à une séance ultérieure.");
  d.kind = "deferred";
  // With documents, the same kinds keep them.
  std::vector<DocumentRef> docs = {{1, "C22/8", {}}};
  EXPECT_EQ(DecisionText(d, docs, "Le Conseil", "fr"),
            "Le Conseil a reporté l’examen des questions traitées dans le Document C22/8.");
  d.kind = "agreed";
  EXPECT_EQ(DecisionText(d, docs, "The Council", "en"),
            "The Council agreed to the proposals in Document C22/8.");
}

TEST_F(RecordTest, SignaturesOnlyForSignatoriesOnRecord) {
  auto r = Record("en");
  EXPECT_EQ(r.secretary_general, "");
  EXPECT_EQ(r.chair, "");
  SignatoriesInput in;
  in.chair = json::object{{"en", "B. Chair"}};
  ASSERT_TRUE(SetSignatories(*db_, kUser, meeting_, in).ok());
  EXPECT_EQ(Record("en").chair, "B. Chair");
  EXPECT_EQ(Record("en").secretary_general, "");
  // The demo meeting of seed 000 is signed by both, as the seed is.
  auto p = Get(*db_, council_, std::nullopt);
  ASSERT_TRUE(p.ok());
  auto zh = BuildRecord(*p, "zh");
  EXPECT_EQ(zh.secretary_general, "赵厚麟");
  EXPECT_EQ(zh.chair, "S. BIN GHELAITA");
  EXPECT_EQ(zh.symbol, "C22/87");
}

}  // namespace
}  // namespace plenary::proceedings

// Unit tests of negotiated texts on a real SQLite file with the demo loaded (item 5 of the
// Council 2022 plenary considers C22/32(Rev.1)): labels and renumbering, bracket nesting and
// overlap, code point offsets in Chinese and Arabic, resolutions, the stale-version rule with
// two writers at once, and the summary record's sentence. Expected strings are written by hand
// (the Chinese sentence from paragraph 5.1 of seed 000, C22/87; its list from CLDR's Chinese
// pattern "{0}和{1}").
#include "drafting/drafting.h"

#include <gtest/gtest.h>

#include <map>
#include <thread>

#include <fmt/format.h>

#include "demo/demo_fixture.h"

namespace plenary::drafting {
namespace {

namespace json = boost::json;

Provision FindIn(const Text& t, std::int64_t id) {
  for (const auto& p : t.provisions)
    if (p.id == id) return p;
  ADD_FAILURE() << "no provision " << id;
  return {};
}
drafting::Bracket FindBracket(const Provision& p, std::int64_t id) {
  for (const auto& b : p.brackets)
    if (b.id == id) return b;
  ADD_FAILURE() << "no bracket " << id;
  return {};
}

TEST(DraftingLabels, SectionsNumberedParagraphsLettered) {
  EXPECT_EQ(Labels({"section", "paragraph", "paragraph", "section", "paragraph"}),
            (std::vector<std::string>{"1", "1.a", "1.b", "2", "2.a"}));
  EXPECT_EQ(Labels({"paragraph", "section"}), (std::vector<std::string>{"a", "1"}));
  std::vector<std::string> kinds{"section"};
  for (int i = 0; i < 28; ++i) kinds.push_back("paragraph");
  auto labels = Labels(kinds);
  EXPECT_EQ(labels[26], "1.z");
  EXPECT_EQ(labels[27], "1.aa");
  EXPECT_EQ(labels[28], "1.ab");
}

TEST(DraftingOffsets, CodePointsNotBytes) {
  std::string zh = "仅有两个条款";  // 6 code points, 18 bytes
  EXPECT_EQ(CodePoints(zh), 6);
  EXPECT_EQ(ByteOffset(zh, 2), 6u);
  std::string ar = "الدول";  // 5 code points, 10 bytes
  EXPECT_EQ(CodePoints(ar), 5);
  EXPECT_EQ(ByteOffset(ar, 5), 10u);
}

class DraftingTest : public demo::DemoDatabaseTest {
 protected:
  void SetUp() override {
    DemoDatabaseTest::SetUp();
    sec_.user.id = demo::kDemoSecretariat;
    sec_.user.role = "secretariat";
    auto item = db_->Read().QueryInt(
        "SELECT a.id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id "
        "WHERE m.kind = 'plenary' AND a.number = '5'");
    ASSERT_TRUE(item);
    TextInput in;
    in.document = "C22/32(Rev.1)";
    in.agenda_item = *item;
    in.title = json::object{{"en", "Draft guidelines"}, {"zh", "导则草案"}};
    in.languages = {"en", "zh", "ar"};
    auto t = CreateText(*db_, sec_, in);
    ASSERT_TRUE(t.ok()) << t.error().message;
    text_ = t->id;
  }

  Provision Add(const std::string& kind, json::object text, std::optional<int> pos = {}) {
    ProvisionInput in;
    in.kind = kind;
    in.text = std::move(text);
    in.position = pos;
    auto p = AddProvision(*db_, sec_, text_, in);
    EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
    return p.ok() ? *p : Provision{};
  }
  Result<drafting::Bracket> Mark(std::int64_t provision, const std::string& lang, std::int64_t start,
                          std::int64_t end, std::vector<std::string> alternatives = {}) {
    BracketInput in;
    in.lang = lang;
    in.start = start;
    in.end = end;
    in.alternatives = std::move(alternatives);
    in.proposed_by = "CN";
    return AddBracket(*db_, sec_, provision, in);
  }
  Text Load() {
    auto t = Get(*db_, text_, sec_);
    EXPECT_TRUE(t.ok());
    return t.ok() ? *t : Text{};
  }
  std::string Body(std::int64_t provision, const std::string& lang) {
    for (const auto& p : Load().provisions)
      if (p.id == provision) return std::string(p.body.at(lang).as_string());
    ADD_FAILURE() << "no provision " << provision;
    return {};
  }
  // Brackets of this test's text (the demo has its own).
  std::int64_t Brackets() {
    return *db_->Read().QueryInt("SELECT count(*) FROM brackets b JOIN provisions p ON "
                                 "p.id = b.provision_id WHERE p.text_id = ?", text_);
  }

  accounts::Session sec_;
  std::int64_t text_ = 0;
};

TEST_F(DraftingTest, DemoHasTheDraftGuidelinesWithTwoProvisionsInBrackets) {
  // Seed 000, paragraph 5.1: "仅有两个条款保留了方括号"; the demo brackets 2.b and 6.c.
  auto list = List(*db_, {std::string("C22/32(Rev.1)"), std::nullopt}, sec_);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);  // the demo's and this fixture's
  auto demo = Get(*db_, (*list)[0].id, sec_);
  ASSERT_TRUE(demo.ok());
  EXPECT_TRUE(demo->illustrative);
  EXPECT_EQ(demo->BracketedLabels(), (std::vector<std::string>{"2.b", "6.c"}));
  EXPECT_EQ(BracketsSentence(*demo, "zh"), "仅有两个条款保留了方括号（2.b和6.c）。");
  // One open question in each, bracketed in each of the six language versions: counted once.
  for (const auto& p : demo->provisions)
    EXPECT_EQ(p.OpenBrackets(), p.label == "2.b" || p.label == "6.c" ? 1 : 0) << p.label;
  EXPECT_EQ(demo->OpenBrackets(), 2);
  auto p6c = demo->provisions.back();
  ASSERT_EQ(p6c.label, "6.c");
  EXPECT_EQ(BracketedText(p6c, "zh"), "本导则应[每四年]审议一次。");
  EXPECT_EQ(BracketedText(p6c, "ar"), "تُستعرض هذه المبادئ التوجيهية [كل أربع سنوات].");
  EXPECT_EQ(BracketedText(p6c, "fr"), "Les présentes lignes directrices sont réexaminées [tous les quatre ans].");
  EXPECT_EQ(BracketedText(p6c, "ru"), "Настоящие руководящие указания пересматриваются [каждые четыре года].");
  // Councillors' positions as paragraphs 5.3–5.5 describe them (no Member State is named
  // there): a note on each bracket, in its language, citing those paragraphs.
  for (const auto& p : demo->provisions)
    for (const auto& b : p.brackets) {
      EXPECT_NE(b.note.find("5.3"), std::string::npos) << p.label << " " << b.lang << ": " << b.note;
      static const std::map<std::string, std::string> kCouncillors = {
          {"en", "councillors"}, {"zh", "理事"},       {"ar", "أعضاء المجلس"},
          {"fr", "Conseillers"}, {"es", "Consejeros"}, {"ru", "советники"}};
      EXPECT_NE(b.note.find(kCouncillors.at(b.lang)), std::string::npos)
          << p.label << " " << b.lang << ": " << b.note;
    }
}

// Seed 000, paragraph 5.8: the Council sends the paragraphs not yet agreed to informal
// consultations that report back at a subsequent plenary meeting; the demo records that report
// on an item of the 10th plenary meeting of C22, as the facilitator's paragraph.
TEST_F(DraftingTest, DemoInformalConsultationsReportBackToALaterPlenary) {
  auto list = List(*db_, {std::string("C22/32(Rev.1)"), std::nullopt}, sec_);
  ASSERT_TRUE(list.ok());
  auto demo = Get(*db_, (*list)[0].id, sec_);
  ASSERT_TRUE(demo.ok());
  ASSERT_EQ(demo->informal.size(), 1u);
  const Informal& i = demo->informal[0];
  std::vector<std::string> labels;
  for (auto id : i.provisions) labels.push_back(FindIn(*demo, id).label);
  EXPECT_EQ(labels, (std::vector<std::string>{"2.b", "6.c"}));
  EXPECT_EQ(i.member_state, "CH");
  // The referral is the decision of paragraph 5.8, at the 8th plenary; the report goes to the
  // 10th, a later one of the same session.
  EXPECT_EQ(db_->Read().QueryInt(
                "SELECT m.number FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id "
                "JOIN meetings m ON m.id = a.meeting_id WHERE d.id = ? AND "
                "d.kind = 'referred_informal' AND a.number = '5'",
                i.decision_id),
            8);
  EXPECT_EQ(db_->Read().QueryInt("SELECT number FROM meetings WHERE id = ? AND "
                                 "kind = 'plenary' AND session = 'C22'",
                                 i.report_to_meeting),
            10);
  ASSERT_TRUE(i.report_agenda_item && i.report_intervention && i.reported_version);
  EXPECT_EQ(db_->Read().QueryInt("SELECT meeting_id FROM agenda_items WHERE id = ?",
                                 *i.report_agenda_item),
            i.report_to_meeting);
  {
    storage::Stmt q(db_->Read(), "SELECT agenda_item_id, summary, member_state FROM "
                                 "interventions WHERE id = ?");
    q.BindAll(*i.report_intervention);
    ASSERT_TRUE(q.Step());
    EXPECT_EQ(q.Int(0), *i.report_agenda_item);
    auto summary = json::parse(q.Text(1)).as_object();
    EXPECT_NE(std::string(summary.at("zh").as_string()).find("第2.b和6.c段"), std::string::npos);
    EXPECT_NE(std::string(summary.at("en").as_string()).find("2.b and 6.c"), std::string::npos);
    EXPECT_EQ(q.Text(2), "CH");
  }
  // The consultations changed no words: both provisions the same, their brackets still open.
  auto changes = InformalChanges(*db_, *demo, i, sec_);
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(changes->size(), 2u);
  for (const auto& c : *changes) EXPECT_EQ(c.at("change").as_string(), "same");
  EXPECT_EQ(demo->BracketedLabels(), (std::vector<std::string>{"2.b", "6.c"}));
  // Every version recorded can be shown.
  for (std::int64_t v : {i.sent_version, *i.reported_version, demo->version})
    EXPECT_TRUE(GetVersion(*db_, demo->id, v, sec_).ok()) << v;
}

TEST_F(DraftingTest, LabelsAreRewrittenOnInsertionAndRemoval) {
  auto s1 = Add("section", {{"en", "Scope"}});
  auto a = Add("paragraph", {{"en", "First."}});
  auto b = Add("paragraph", {{"en", "Second."}});
  auto s2 = Add("section", {{"en", "Use"}});
  auto c = Add("paragraph", {{"en", "Third."}});
  EXPECT_EQ(b.label, "1.b");
  EXPECT_EQ(c.label, "2.a");
  // A new paragraph at position 2: the others move down, keep their ids, change their labels.
  auto n = Add("paragraph", {{"en", "New first."}}, 2);
  EXPECT_EQ(n.label, "1.a");
  auto t = Load();
  ASSERT_EQ(t.provisions.size(), 6u);
  std::vector<std::pair<std::int64_t, std::string>> got;
  for (const auto& p : t.provisions) got.emplace_back(p.id, p.label);
  EXPECT_EQ(got, (std::vector<std::pair<std::int64_t, std::string>>{
                     {s1.id, "1"}, {n.id, "1.a"}, {a.id, "1.b"}, {b.id, "1.c"}, {s2.id, "2"},
                     {c.id, "2.a"}}));
  ASSERT_TRUE(DeleteProvision(*db_, sec_, n.id, std::nullopt).ok());
  t = Load();
  ASSERT_EQ(t.provisions.size(), 5u);
  EXPECT_EQ(t.provisions[1].id, a.id);
  EXPECT_EQ(t.provisions[1].label, "1.a");
  EXPECT_EQ(t.provisions[2].label, "1.b");
  // 1 (create) + 6 additions + 1 removal.
  EXPECT_EQ(t.version, 8);
  EXPECT_EQ(*db_->Read().QueryInt("SELECT count(*) FROM text_history WHERE text_id = ?", text_),
            8);
  EXPECT_EQ(*db_->Read().QueryInt(
                "SELECT count(*) FROM audit_log WHERE action LIKE 'provision.%'"),
            7);
}

TEST_F(DraftingTest, BracketsNestButDoNotOverlap) {
  Add("section", {{"en", "S"}});
  auto p = Add("paragraph", {{"en", "Member States shall report annually."}});
  auto outer = Mark(p.id, "en", 14, 35);  // "shall report annually"
  ASSERT_TRUE(outer.ok()) << outer.error().message;
  auto inner = Mark(p.id, "en", 27, 35);  // "annually"
  ASSERT_TRUE(inner.ok()) << inner.error().message;
  auto version = Load().version;
  auto before = Brackets();
  auto crossing = Mark(p.id, "en", 0, 20);  // "Member States shall " crosses the outer one
  ASSERT_FALSE(crossing.ok());
  EXPECT_EQ(crossing.error().code, Code::kInvalidArgument);
  EXPECT_EQ(crossing.error().field, "start");
  EXPECT_EQ(Brackets(), before);
  EXPECT_EQ(Load().version, version);
  EXPECT_EQ(BracketedText(FindIn(Load(), p.id), "en"),
            "Member States [shall report [annually]].");
}

TEST_F(DraftingTest, OffsetsCountCodePointsInChineseAndArabic) {
  Add("section", {{"zh", "范围"}});
  auto p = Add("paragraph", {{"zh", "仅有两个条款保留了方括号。"}, {"ar", "مُحَمَّد والدول الأعضاء"}});
  auto zh = Mark(p.id, "zh", 2, 4);
  ASSERT_TRUE(zh.ok()) << zh.error().message;
  // "والدول" starts after the 8 code points of "مُحَمَّد" (4 letters, 4 marks) and a space.
  auto ar = Mark(p.id, "ar", 9, 15);
  ASSERT_TRUE(ar.ok()) << ar.error().message;
  auto t = Load();
  EXPECT_EQ(BracketedText(FindIn(t, p.id), "zh"), "仅有[两个]条款保留了方括号。");
  EXPECT_EQ(BracketedText(FindIn(t, p.id), "ar"), "مُحَمَّد [والدول] الأعضاء");
  // Offset 1 is U+064F (damma), a combining mark of the first letter.
  auto mark = Mark(p.id, "ar", 1, 4);
  ASSERT_FALSE(mark.ok());
  EXPECT_EQ(mark.error().field, "start");
  auto mark_end = Mark(p.id, "ar", 0, 3);  // code point 3 is U+064E (fatha)
  ASSERT_FALSE(mark_end.ok());
  EXPECT_EQ(mark_end.error().field, "end");
  auto outside = Mark(p.id, "zh", 10, 14);  // the text has 13 code points
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().field, "end");
  auto no_lang = Mark(p.id, "en", 0, 1);
  ASSERT_FALSE(no_lang.ok());
  EXPECT_EQ(no_lang.error().field, "lang");
  EXPECT_EQ(Brackets(), 2);
}

TEST_F(DraftingTest, UnknownMemberStateIsRefused) {
  Add("section", {{"en", "S"}});
  auto p = Add("paragraph", {{"en", "Text to bracket."}});
  BracketInput in;
  in.lang = "en";
  in.start = 0;
  in.end = 4;
  in.supported_by = {"CN", "XX"};
  auto r = AddBracket(*db_, sec_, p.id, in);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "supported_by");
  in.supported_by = {"CN"};
  in.objected_by = {"CN"};
  r = AddBracket(*db_, sec_, p.id, in);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "objected_by");
  in.objected_by = {};
  in.proposed_by = "ZZ";
  r = AddBracket(*db_, sec_, p.id, in);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "proposed_by");
  EXPECT_EQ(Brackets(), 0);
}

TEST_F(DraftingTest, ResolveRetainDeleteAndAlternative) {
  Add("section", {{"en", "S"}});
  auto p = Add("paragraph", {{"en", "States shall report annually to the Council."}});
  // "shall" [7,12), "report annually" [13,28) with "annually" [20,28) inside, "Council" [36,43).
  auto shall = Mark(p.id, "en", 7, 12, {"shall", "may"});
  auto report = Mark(p.id, "en", 13, 28);
  auto annually = Mark(p.id, "en", 20, 28);
  auto council = Mark(p.id, "en", 36, 43);
  ASSERT_TRUE(shall.ok() && report.ok() && annually.ok() && council.ok());

  auto r = ResolveBracket(*db_, sec_, shall->id, {"alternative", 2, std::nullopt});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->state, "agreed");
  EXPECT_EQ(Body(p.id, "en"), "States may report annually to the Council.");
  // Deleting "report annually" takes "annually" with it and moves "Council" back 15 more.
  r = ResolveBracket(*db_, sec_, report->id, {"delete", std::nullopt, std::nullopt});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->state, "deleted");
  EXPECT_EQ(Body(p.id, "en"), "States may  to the Council.");
  auto t = Load();
  auto prov = FindIn(t, p.id);
  ASSERT_EQ(prov.brackets.size(), 4u);
  EXPECT_EQ(FindBracket(prov, annually->id).state, "deleted");
  auto moved = FindBracket(prov, council->id);
  EXPECT_EQ(moved.state, "open");
  EXPECT_EQ(moved.start, 19);  // 36 - 2 ("shall" → "may") - 15 ("report annually")
  EXPECT_EQ(moved.end, 26);
  EXPECT_EQ(BracketedText(prov, "en"), "States may  to the [Council].");
  r = ResolveBracket(*db_, sec_, council->id, {"retain", std::nullopt, std::nullopt});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->state, "agreed");
  EXPECT_EQ(Body(p.id, "en"), "States may  to the Council.");
  EXPECT_EQ(Load().OpenBrackets(), 0);
  // A closed bracket cannot be resolved again; an alternative needs alternatives.
  auto again = ResolveBracket(*db_, sec_, council->id, {"delete", std::nullopt, std::nullopt});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, Code::kFailedPrecondition);
}

TEST_F(DraftingTest, BadAlternativeChangesNothing) {
  Add("section", {{"en", "S"}});
  auto p = Add("paragraph", {{"en", "States shall report."}});
  auto b = Mark(p.id, "en", 7, 12, {"shall", "may"});
  ASSERT_TRUE(b.ok());
  auto version = Load().version;
  auto r = ResolveBracket(*db_, sec_, b->id, {"alternative", 3, std::nullopt});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "alternative");
  auto one = Mark(p.id, "en", 0, 6, {"only one"});
  ASSERT_FALSE(one.ok());
  EXPECT_EQ(one.error().field, "alternatives");
  EXPECT_EQ(Load().version, version);
  EXPECT_EQ(Body(p.id, "en"), "States shall report.");
}

TEST_F(DraftingTest, EditsMoveBracketsAndRefuseCrossingTheirEdges) {
  Add("section", {{"en", "S"}});
  auto p = Add("paragraph", {{"en", "States shall report."}});
  auto b = Mark(p.id, "en", 7, 12);
  ASSERT_TRUE(b.ok());
  ProvisionPatch patch;
  patch.version = Load().version;
  patch.text = json::object{{"en", "All States shall report."}};
  auto r = UpdateProvision(*db_, sec_, p.id, patch);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(BracketedText(*r, "en"), "All States [shall] report.");
  patch.version = Load().version;
  patch.text = json::object{{"en", "All States must report."}};  // inside: fine
  r = UpdateProvision(*db_, sec_, p.id, patch);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(BracketedText(*r, "en"), "All States [must] report.");
  patch.version = Load().version;
  patch.text = json::object{{"en", "All Statex mux report."}};  // across the start
  r = UpdateProvision(*db_, sec_, p.id, patch);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "text.en");
  EXPECT_EQ(Body(p.id, "en"), "All States must report.");
}

TEST_F(DraftingTest, ALanguageOfAProvisionIsChangedNeverEmptied) {
  auto p = Add("paragraph", {{"en", "States shall report."}, {"zh", "各国应报告。"}});
  const Text before = Load();
  ProvisionPatch patch;
  patch.version = before.version;
  patch.text = json::object{{"en", "States report."}, {"zh", ""}};
  auto r = UpdateProvision(*db_, sec_, p.id, patch);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "text.zh");
  EXPECT_EQ(r.error().message,
            "text.zh: must not be empty; a language of a provision, once written, is not removed");
  EXPECT_EQ(Body(p.id, "zh"), "各国应报告。");
  EXPECT_EQ(Body(p.id, "en"), "States shall report.");
  EXPECT_EQ(Load().version, before.version);
  // A language it does not have, given empty, is no text: refused as such.
  patch.text = json::object{{"ar", ""}};
  r = UpdateProvision(*db_, sec_, p.id, patch);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "text.ar: must not be empty");
}

TEST_F(DraftingTest, ProvisionInALanguageTheTextLacksAddsThatLanguage) {
  auto p = Add("paragraph", {{"en", "States shall report."}});
  const Text before = Load();
  ASSERT_EQ(before.languages, (std::vector<std::string>{"en", "zh", "ar"}));
  ProvisionPatch patch;
  patch.version = before.version;
  patch.text = json::object{{"ru", "Государства представляют доклады."}};
  patch.states["text"]["ru"] = "draft";
  auto r = UpdateProvision(*db_, sec_, p.id, patch);
  ASSERT_TRUE(r.ok()) << r.error().message;
  const Text after = Load();
  EXPECT_EQ(after.languages, (std::vector<std::string>{"en", "zh", "ar", "ru"}));
  EXPECT_EQ(after.version, before.version + 1);
  EXPECT_EQ(Body(p.id, "ru"), "Государства представляют доклады.");
  EXPECT_EQ(Body(p.id, "en"), "States shall report.");
  // The history's snapshot of that version has the new language.
  auto v = GetVersion(*db_, text_, after.version, sec_);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->languages, after.languages);
  // What is not one of the six languages is refused, naming it; nothing changes.
  patch.version = after.version;
  patch.text = json::object{{"xx", "?"}};
  patch.states.clear();
  r = UpdateProvision(*db_, sec_, p.id, patch);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "text.xx");
  EXPECT_EQ(Load().version, after.version);
}

TEST_F(DraftingTest, StaleVersionIsRefusedForOneOfTwoParallelWriters) {
  Add("section", {{"en", "S"}});
  auto p = Add("paragraph", {{"en", "Original."}});
  std::int64_t seen = Load().version;  // both writers read this version
  Result<Provision> first = Error{Code::kInternal, "not run", {}};
  Result<Provision> second = first;
  auto edit = [&](const char* words, Result<Provision>* out) {
    ProvisionPatch patch;
    patch.version = seen;
    patch.text = json::object{{"en", words}};
    *out = UpdateProvision(*db_, sec_, p.id, patch);
  };
  std::thread a(edit, "Version of A.", &first), b(edit, "Version of B.", &second);
  a.join();
  b.join();
  ASSERT_NE(first.ok(), second.ok()) << "exactly one writer must win";
  const auto& loser = first.ok() ? second : first;
  EXPECT_EQ(loser.error().code, Code::kConflict);
  EXPECT_EQ(loser.error().field, "version");
  EXPECT_EQ(Body(p.id, "en"), first.ok() ? "Version of A." : "Version of B.");
  EXPECT_EQ(Load().version, seen + 1);
  // No version at all is refused too.
  ProvisionPatch none;
  none.text = json::object{{"en", "No version."}};
  auto r = UpdateProvision(*db_, sec_, p.id, none);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "version");
}

TEST_F(DraftingTest, AdoptedTextRefusesEdits) {
  Add("section", {{"en", "S"}});
  auto p = Add("paragraph", {{"en", "Agreed words."}});
  // Adoption is not built yet: the test sets the status as it will.
  ASSERT_TRUE(db_->Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
                   c.Exec("UPDATE texts SET status = 'adopted' WHERE id = ?", text_);
                   return Ok{};
                 }).ok());
  auto b = Mark(p.id, "en", 0, 6);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, Code::kFailedPrecondition);
  EXPECT_EQ(b.error().field, "status");
  ProvisionInput in;
  in.text = json::object{{"en", "More."}};
  auto r = AddProvision(*db_, sec_, text_, in);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "status");
}

TEST_F(DraftingTest, RestrictedTextIsNotFoundForThoseWhoMayNotSeeIt) {
  accounts::Session delegate;
  delegate.user.id = 99;
  delegate.user.role = "delegate";
  delegate.user.member_state = "CN";
  // member_states by default although C22/32(Rev.1) is public.
  EXPECT_EQ(Load().access, "member_states");
  EXPECT_TRUE(Get(*db_, text_, delegate).ok());
  auto anon = Get(*db_, text_, std::nullopt);
  ASSERT_FALSE(anon.ok());
  EXPECT_EQ(anon.error().code, Code::kNotFound);
  auto listed = List(*db_, {std::string("C22/32(Rev.1)"), std::nullopt}, std::nullopt);
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->empty());
}

TEST_F(DraftingTest, SentenceNamesTheProvisionsInBrackets) {
  // Sections 1 … 6 with paragraphs a … c each; 2.b and 6.c bracketed.
  std::map<std::string, std::int64_t> ids;
  for (int s = 1; s <= 6; ++s) {
    Add("section", {{"en", "Section"}});
    for (const char* l : {"a", "b", "c"})
      ids[std::to_string(s) + "." + l] = Add("paragraph", {{"en", "Words here."}}).id;
  }
  ASSERT_TRUE(Mark(ids["2.b"], "en", 0, 5).ok());
  ASSERT_TRUE(Mark(ids["6.c"], "en", 6, 10).ok());
  auto t = Load();
  EXPECT_EQ(t.BracketedLabels(), (std::vector<std::string>{"2.b", "6.c"}));
  EXPECT_EQ(BracketsSentence(t, "en"), "Only two provisions retain square brackets (2.b and 6.c).");
  EXPECT_EQ(BracketsSentence(t, "zh"), "仅有两个条款保留了方括号（2.b和6.c）。");
  // Right to left, each label isolated (FSI … PDI), or "2.b" reads "b.2".
  EXPECT_EQ(BracketsSentence(t, "ar"),
            "لم يبقَ سوى حكمين بين أقواس معقوفة (\u20682.b\u2069 و\u20686.c\u2069).");
  ASSERT_TRUE(Mark(ids["3.a"], "en", 0, 5).ok());
  EXPECT_EQ(BracketsSentence(Load(), "en"),
            "3 provisions retain square brackets (2.b, 3.a and 6.c).");
}

// The room's screen: the secretariat's choice of the provision under discussion is an audited
// action that leaves the text's version as it is; without it (or when that provision goes) the
// screen shows the first provision with an open bracket.
TEST_F(DraftingTest, ProvisionUnderDiscussionIsChosenByTheSecretariatAndAudited) {
  auto s1 = Add("section", {{"en", "Scope"}});
  auto a = Add("paragraph", {{"en", "Agreed words."}});
  auto b = Add("paragraph", {{"en", "Open words."}});
  EXPECT_EQ(OnScreen(Load()), s1.id);  // no bracket: the first provision
  ASSERT_TRUE(Mark(b.id, "en", 0, 4).ok());
  Text before = Load();
  EXPECT_EQ(OnScreen(before), b.id);  // the first with an open bracket
  EXPECT_FALSE(before.under_discussion);

  auto audits = [&] {
    return *db_->Read().QueryInt("SELECT count(*) FROM audit_log WHERE action = "
                                 "'text.under_discussion' AND object_id = ?", text_);
  };
  auto chosen = SetUnderDiscussion(*db_, sec_, text_, a.id);
  ASSERT_TRUE(chosen.ok()) << chosen.error().message;
  EXPECT_EQ(chosen->under_discussion, a.id);
  EXPECT_EQ(OnScreen(*chosen), a.id);
  EXPECT_EQ(chosen->version, before.version);  // an editor's edit in flight stays valid
  EXPECT_EQ(audits(), 1);
  {
    storage::Stmt q(db_->Read(), "SELECT after FROM audit_log WHERE action = "
                                 "'text.under_discussion' AND object_id = ?");
    q.BindAll(text_);
    ASSERT_TRUE(q.Step());
    EXPECT_EQ(q.Text(0), fmt::format("{{\"provision\":{},\"label\":\"1.a\"}}", a.id));
  }

  // Refusals change nothing: a delegate (403), a provision of another text (400), an unknown
  // text (404).
  accounts::Session delegate;
  delegate.user.id = 99;
  delegate.user.role = "delegate";
  delegate.user.member_state = "CN";
  auto refused = SetUnderDiscussion(*db_, delegate, text_, b.id);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, Code::kPermissionDenied);
  auto demo = List(*db_, {std::string("C22/32(Rev.1)"), std::nullopt}, sec_);
  ASSERT_TRUE(demo.ok());
  auto other = Get(*db_, (*demo)[0].id, sec_);
  ASSERT_TRUE(other.ok());
  ASSERT_NE(other->id, text_);
  auto elsewhere = SetUnderDiscussion(*db_, sec_, text_, other->provisions.front().id);
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().code, Code::kInvalidArgument);
  EXPECT_EQ(elsewhere.error().field, "provision");
  auto unknown = SetUnderDiscussion(*db_, sec_, 987654, std::nullopt);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, Code::kNotFound);
  EXPECT_EQ(Load().under_discussion, a.id);
  EXPECT_EQ(audits(), 1);

  // Removing the provision under discussion lets the screen choose again.
  ASSERT_TRUE(DeleteProvision(*db_, sec_, a.id, std::nullopt).ok());
  EXPECT_FALSE(Load().under_discussion);
  EXPECT_EQ(OnScreen(Load()), b.id);
  // Cleared by hand: the same.
  ASSERT_TRUE(SetUnderDiscussion(*db_, sec_, text_, s1.id).ok());
  auto cleared = SetUnderDiscussion(*db_, sec_, text_, std::nullopt);
  ASSERT_TRUE(cleared.ok());
  EXPECT_FALSE(cleared->under_discussion);
  EXPECT_EQ(audits(), 3);

  // Nothing of an adopted text is under discussion any more (409).
  ASSERT_TRUE(db_->Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
                   c.Exec("UPDATE texts SET status = 'adopted' WHERE id = ?", text_);
                   return Ok{};
                 }).ok());
  auto adopted = SetUnderDiscussion(*db_, sec_, text_, b.id);
  ASSERT_FALSE(adopted.ok());
  EXPECT_EQ(adopted.error().code, Code::kFailedPrecondition);
  EXPECT_EQ(adopted.error().field, "status");
}

// Watchers of a text hear of each change committed (and of nothing refused), and are bounded.
TEST_F(DraftingTest, ScreenWatchersHearOfEachChangeAndAreBounded) {
  auto p = Add("paragraph", {{"en", "Words to discuss."}});
  auto c0 = TextChanges(text_);
  ASSERT_TRUE(Mark(p.id, "en", 0, 5).ok());
  EXPECT_EQ(TextChanges(text_), c0 + 1);
  EXPECT_FALSE(Mark(p.id, "en", 3, 8).ok());  // overlaps: refused
  EXPECT_EQ(TextChanges(text_), c0 + 1);
  ASSERT_TRUE(SetUnderDiscussion(*db_, sec_, text_, p.id).ok());
  EXPECT_EQ(TextChanges(text_), c0 + 2);

  int saved = MaxScreenWatchers();
  SetMaxScreenWatchers(2);
  {
    auto w1 = WatchText(text_);
    auto w2 = WatchText(text_);
    ASSERT_TRUE(w1 && w2);
    EXPECT_EQ(ScreenWatchers(), 2);
    EXPECT_EQ(WatchText(text_), nullptr);
    auto first = w1->poll();
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(*first, fmt::format("retry: 2000\nevent: change\ndata: {{\"text\":{},"
                                  "\"change\":{}}}\n\n",
                                  text_, c0 + 2));
    EXPECT_EQ(w1->poll(), std::string());  // nothing new
    ProvisionPatch edit;
    edit.version = Load().version;
    edit.text = json::object{{"en", "Words to discuss today."}};
    ASSERT_TRUE(UpdateProvision(*db_, sec_, p.id, edit).ok());
    auto next = w1->poll();
    ASSERT_TRUE(next.has_value());
    EXPECT_EQ(*next, fmt::format("event: change\ndata: {{\"text\":{},\"change\":{}}}\n\n",
                                 text_, c0 + 3));
    w2.reset();  // a watcher gone gives its place back
    EXPECT_EQ(ScreenWatchers(), 1);
    EXPECT_NE(WatchText(text_), nullptr);
  }
  EXPECT_EQ(ScreenWatchers(), 0);
  SetMaxScreenWatchers(saved);
}

}  // namespace
}  // namespace plenary::drafting

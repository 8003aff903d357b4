// Unit tests of the negotiation around a text, on a real SQLite file with the demo loaded:
// Member States' proposals (who may make them, bracketing, merging, withdrawing), revisions
// registered as documents, word diffs, informal consultations and what their facilitator may
// edit, adoption, and the history reproducing every version over random edits in English,
// Chinese and Arabic (its snapshots, and its changes replayed from the first version).
// Expected strings are written by hand.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "demo/demo_fixture.h"
#include "documents/documents.h"
#include "drafting/drafting.h"
#include "proceedings/proceedings.h"

namespace plenary::drafting {
namespace {

namespace json = boost::json;

// The bracket structure is the same in every language version: the passages of one question
// share their state, and two open questions nest (or lie apart) alike in every language where
// both have their passage. "" when it holds, else what breaks it.
std::string StructureFault(const Text& t) {
  for (const auto& p : t.provisions) {
    std::map<std::int64_t, std::set<std::string>> states;
    for (const auto& b : p.brackets) states[b.question].insert(b.state);
    for (const auto& [q, s] : states)
      if (s.size() > 1)
        return fmt::format("provision {}: the passages of question {} are {}", p.label, q,
                           fmt::join(s, " and "));
    // (question, other question) → the language first seen and how the first lies to the other.
    std::map<std::pair<std::int64_t, std::int64_t>, std::pair<std::string, std::pair<bool, bool>>>
        seen;
    for (const auto& a : p.brackets)
      for (const auto& b : p.brackets) {
        if (a.lang != b.lang || a.question == b.question || a.state != "open" ||
            b.state != "open")
          continue;
        std::pair<bool, bool> how{b.start <= a.start && a.end <= b.end,
                                  a.start <= b.start && b.end <= a.end};
        auto [it, fresh] = seen.try_emplace({a.question, b.question}, a.lang, how);
        if (!fresh && it->second.second != how)
          return fmt::format("provision {}: questions {} and {} nest otherwise in {} than in {}",
                             p.label, a.question, b.question, a.lang, it->second.first);
      }
  }
  return "";
}

class NegotiationTest : public demo::DemoDatabaseTest {
 protected:
  void SetUp() override {
    DemoDatabaseTest::SetUp();
    sec_.user.id = demo::kDemoSecretariat;
    sec_.user.role = "secretariat";
    // Delegates of China and of Switzerland (the facilitator's account).
    ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                     c.Exec("INSERT INTO users(id, email, name, role, member_state, "
                            "password_hash, created_at) VALUES(41, 'cn@example.int', "
                            "'Delegate of China', 'delegate', 'CN', 'x', 0), (42, "
                            "'ch@example.int', 'Ms Facilitator', 'delegate', 'CH', 'x', 0)");
                     return Ok{};
                   }).ok());
    cn_.user.id = 41;
    cn_.user.role = "delegate";
    cn_.user.member_state = "CN";
    ch_.user.id = 42;
    ch_.user.role = "delegate";
    ch_.user.member_state = "CH";
    item_ = *db_->Read().QueryInt(
        "SELECT a.id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id "
        "WHERE m.kind = 'plenary' AND a.number = '5'");
    TextInput in;
    in.document = "C22/32(Rev.1)";
    in.agenda_item = item_;
    in.title = json::object{{"en", "Draft guidelines"}};
    in.languages = {"en", "zh", "ar"};
    auto t = CreateText(*db_, sec_, in);
    ASSERT_TRUE(t.ok()) << t.error().message;
    text_ = t->id;
    section_ = Add("section", {{"en", "Review"}});
    para_ = Add("paragraph", {{"en", "The Council shall review these guidelines."},
                              {"zh", "理事会应审议本导则。"}});
  }

  std::int64_t Add(const std::string& kind, json::object text) {
    ProvisionInput in;
    in.kind = kind;
    in.text = std::move(text);
    auto p = AddProvision(*db_, sec_, text_, in);
    EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
    return p.ok() ? p->id : 0;
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
  std::int64_t Count(const char* table) {
    return *db_->Read().QueryInt(std::string("SELECT count(*) FROM ") + table);
  }
  ProposalInput Replace(const std::string& ms, std::int64_t start, std::int64_t end,
                        const std::string& words) {
    ProposalInput in;
    in.member_state = ms;
    in.kind = "replace";
    in.lang = "en";
    in.start = start;
    in.end = end;
    in.text = words;
    in.justification = "Clearer.";
    return in;
  }

  accounts::Session sec_, cn_, ch_;
  std::int64_t item_ = 0, text_ = 0, section_ = 0, para_ = 0;
};

TEST_F(NegotiationTest, DelegateProposesForTheirOwnMemberStateOnly) {
  auto before = Count("proposals");
  auto other = Propose(*db_, cn_, para_, Replace("US", 4, 11, "Board"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, Code::kPermissionDenied);
  EXPECT_EQ(Count("proposals"), before);
  auto own = Propose(*db_, cn_, para_, Replace("CN", 4, 11, "Board"));
  ASSERT_TRUE(own.ok()) << own.error().message;
  EXPECT_EQ(own->state, "open");
  EXPECT_EQ(own->label, "1.a");
  // The secretariat records a proposal made in the room for any Member State.
  ASSERT_TRUE(Propose(*db_, sec_, para_, Replace("US", 4, 11, "Bureau")).ok());
  auto t = Load();
  ASSERT_EQ(t.proposals.size(), 2u);
  EXPECT_EQ(t.proposals[0].member_state, "CN");  // grouped by Member State
  // Proposals do not change the text: its version stays.
  EXPECT_EQ(t.version, 3);
}

TEST_F(NegotiationTest, BadProposalsAreRefusedAndChangeNothing) {
  auto before = Count("proposals");
  auto history = Count("text_history");
  struct Case {
    ProposalInput in;
    std::string field;
  };
  std::vector<Case> cases;
  cases.push_back({Replace("CN", 4, 999, "x"), "end"});          // outside the text
  cases.push_back({Replace("CN", 7, 4, "x"), "end"});            // end before start
  cases.push_back({Replace("XX", 4, 11, "x"), "member_state"});  // not a Member State
  cases.push_back({Replace("CN", 4, 11, ""), "text"});           // replace by nothing
  auto no_reason = Replace("CN", 4, 11, "Board");
  no_reason.justification = "";
  cases.push_back({no_reason, "justification"});
  auto fr = Replace("CN", 4, 11, "Board");
  fr.lang = "fr";  // the text is not drafted in French
  cases.push_back({fr, "lang"});
  auto kind = Replace("CN", 4, 11, "Board");
  kind.kind = "rewrite";
  cases.push_back({kind, "kind"});
  auto whole = Replace("CN", 4, 11, "");
  whole.kind = "delete_provision";  // concerns the whole provision: no offsets
  cases.push_back({whole, "start"});
  for (const auto& c : cases) {
    auto r = Propose(*db_, sec_, para_, c.in);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.error().code, Code::kInvalidArgument) << c.field;
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
  }
  EXPECT_EQ(Count("proposals"), before);
  EXPECT_EQ(Count("text_history"), history);
}

TEST_F(NegotiationTest, ProposalOffsetInsideACombiningSequenceIsRefused) {
  // "مَجلس": mim, fatha (a combining mark), jim …; offset 1 falls between mim and its fatha.
  ProvisionPatch patch;
  patch.version = Load().version;
  patch.text = json::object{{"ar", "مَجلس"}};
  ASSERT_TRUE(UpdateProvision(*db_, sec_, para_, patch).ok());
  ProposalInput in;
  in.member_state = "CN";
  in.kind = "delete";
  in.lang = "ar";
  in.start = 1;
  in.end = 3;
  in.justification = "x";
  auto r = Propose(*db_, cn_, para_, in);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "start");
  in.start = 0;
  EXPECT_TRUE(Propose(*db_, cn_, para_, in).ok());
}

TEST_F(NegotiationTest, ProposalBecomesABracketWithItsAlternatives) {
  auto p = Propose(*db_, cn_, para_, Replace("CN", 4, 11, "Board"));
  ASSERT_TRUE(p.ok());
  auto b = BracketProposal(*db_, sec_, p->id, Load().version);
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_EQ(b->state, "bracketed");
  ASSERT_TRUE(b->bracket_id);
  auto t = Load();
  const auto& prov = t.provisions[1];
  ASSERT_EQ(prov.brackets.size(), 1u);
  EXPECT_EQ(prov.brackets[0].id, *b->bracket_id);
  EXPECT_EQ(prov.brackets[0].proposed_by, "CN");
  EXPECT_EQ(prov.brackets[0].alternatives, (std::vector<std::string>{"Council", "Board"}));
  EXPECT_EQ(BracketedText(prov, "en"), "The [Council] shall review these guidelines.");
  // A delegate may not turn proposals into the text; a second action on it is refused.
  auto again = MergeProposal(*db_, sec_, p->id, std::nullopt);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, Code::kFailedPrecondition);
  auto q = Propose(*db_, cn_, para_, Replace("CN", 0, 3, "This"));
  ASSERT_TRUE(q.ok());
  auto by_delegate = MergeProposal(*db_, cn_, q->id, std::nullopt);
  ASSERT_FALSE(by_delegate.ok());
  EXPECT_EQ(by_delegate.error().code, Code::kPermissionDenied);
}

TEST_F(NegotiationTest, OverlappingProposalCannotBeBracketed) {
  BracketInput in;
  in.lang = "en";
  in.start = 0;
  in.end = 11;  // "The Council"
  ASSERT_TRUE(AddBracket(*db_, sec_, para_, in).ok());
  auto p = Propose(*db_, cn_, para_, Replace("CN", 4, 17, "Board may"));  // "Council shall"
  ASSERT_TRUE(p.ok());
  auto version = Load().version;
  auto b = BracketProposal(*db_, sec_, p->id, std::nullopt);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, Code::kInvalidArgument);
  EXPECT_EQ(b.error().field, "start");
  EXPECT_EQ(Load().version, version);
  EXPECT_EQ(Load().proposals[0].state, "open");
}

// An open proposal's passage follows the edits of its provision as brackets do: an edit before
// it shifts it, so a later merge changes the words proposed on; an edit across it leaves it no
// passage, and merging or bracketing it is refused (409) with the text unchanged.
TEST_F(NegotiationTest, AnOpenProposalsPassageFollowsTheEditsOfItsText) {
  // "The Council shall review these guidelines.": "review" is [18, 24), "Council" [4, 11).
  auto review = Propose(*db_, cn_, para_, Replace("CN", 18, 24, "revise"));
  auto council = Propose(*db_, cn_, para_, Replace("CN", 4, 11, "Board"));
  ProposalInput ins;
  ins.member_state = "CN";
  ins.kind = "insert";
  ins.lang = "en";
  ins.start = 41;  // before the full stop
  ins.text = " every four years";
  ins.justification = "Periodic.";
  auto every = Propose(*db_, cn_, para_, ins);
  ASSERT_TRUE(review.ok() && council.ok() && every.ok());
  // An edit before both: "The Council" → "The ITU Council".
  ProvisionPatch patch;
  patch.version = Load().version;
  patch.text = json::object{{"en", "The ITU Council shall review these guidelines."}};
  ASSERT_TRUE(UpdateProvision(*db_, sec_, para_, patch).ok());
  ASSERT_TRUE(MergeProposal(*db_, sec_, review->id, std::nullopt).ok());
  EXPECT_EQ(Body(para_, "en"), "The ITU Council shall revise these guidelines.");
  ASSERT_TRUE(MergeProposal(*db_, sec_, every->id, std::nullopt).ok());
  EXPECT_EQ(Body(para_, "en"), "The ITU Council shall revise these guidelines every four years.");
  // An edit across "Council": that proposal's passage is gone.
  patch.version = Load().version;
  patch.text = json::object{{"en", "The ITU Council, meeting in plenary, shall revise these "
                                   "guidelines every four years."}};
  ASSERT_TRUE(UpdateProvision(*db_, sec_, para_, patch).ok());
  patch.version = Load().version;
  patch.text = json::object{{"en", "The ITU Board shall revise these guidelines every four years."}};
  ASSERT_TRUE(UpdateProvision(*db_, sec_, para_, patch).ok());
  const std::string before = Body(para_, "en");
  for (bool bracket : {false, true}) {
    auto r = bracket ? BracketProposal(*db_, sec_, council->id, std::nullopt)
                     : MergeProposal(*db_, sec_, council->id, std::nullopt);
    ASSERT_FALSE(r.ok()) << bracket;
    EXPECT_EQ(r.error().code, Code::kFailedPrecondition) << bracket;
    EXPECT_EQ(r.error().field, "start") << bracket;
  }
  EXPECT_EQ(Body(para_, "en"), before);
}

TEST_F(NegotiationTest, MergeInsertsAndWithdrawalIsTheProponentsOrTheEditors) {
  ProposalInput ins;
  ins.member_state = "CN";
  ins.kind = "insert";
  ins.lang = "zh";
  ins.start = 4;  // before "审议"
  ins.text = "每四年";
  ins.justification = "定期审议。";
  auto p = Propose(*db_, cn_, para_, ins);
  ASSERT_TRUE(p.ok()) << p.error().message;
  ASSERT_TRUE(MergeProposal(*db_, sec_, p->id, std::nullopt).ok());
  EXPECT_EQ(Body(para_, "zh"), "理事会应每四年审议本导则。");
  auto q = Propose(*db_, cn_, para_, Replace("CN", 4, 11, "Board"));
  ASSERT_TRUE(q.ok());
  auto by_other = WithdrawProposal(*db_, ch_, q->id);
  ASSERT_FALSE(by_other.ok());
  EXPECT_EQ(by_other.error().code, Code::kPermissionDenied);
  auto w = WithdrawProposal(*db_, cn_, q->id);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->state, "withdrawn");
  auto twice = WithdrawProposal(*db_, cn_, q->id);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, Code::kFailedPrecondition);
  // Who did what: the history names the delegate for the proposal and the withdrawal.
  auto who = db_->Read().QueryInt(
      "SELECT count(*) FROM text_history WHERE text_id = ? AND user_id = 41 AND action IN "
      "('proposal.create', 'proposal.withdraw')", text_);
  EXPECT_EQ(*who, 3);
}

TEST_F(NegotiationTest, AddAndDeleteProvisionProposals) {
  ProposalInput add;
  add.member_state = "CN";
  add.kind = "add_provision";
  add.lang = "en";
  add.text = "Reports are public.";
  add.justification = "Transparency.";
  auto p = Propose(*db_, cn_, para_, add);
  ASSERT_TRUE(p.ok()) << p.error().message;
  ASSERT_TRUE(BracketProposal(*db_, sec_, p->id, std::nullopt).ok());
  auto t = Load();
  ASSERT_EQ(t.provisions.size(), 3u);
  EXPECT_EQ(t.provisions[2].label, "1.b");
  EXPECT_EQ(BracketedText(t.provisions[2], "en"), "[Reports are public.]");
  ProposalInput del;
  del.member_state = "CN";
  del.kind = "delete_provision";
  del.lang = "en";
  del.justification = "Not needed.";
  auto d = Propose(*db_, cn_, t.provisions[2].id, del);
  ASSERT_TRUE(d.ok());
  ASSERT_TRUE(MergeProposal(*db_, sec_, d->id, std::nullopt).ok());
  EXPECT_EQ(Load().provisions.size(), 2u);
}

TEST_F(NegotiationTest, RevisionIsRegisteredAsTheNextDocument) {
  auto r = IssueRevision(*db_, sec_, text_, Load().version);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->number, 1);
  EXPECT_EQ(r->document, "C22/32(Rev.2)");
  EXPECT_EQ(Load().document, "C22/32(Rev.2)");
  EXPECT_EQ(r->version, Load().version);
  auto doc = documents::Get(*db_, "C22/32(Rev.2)", sec_);
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->relations.size(), 1u);
  EXPECT_EQ(doc->relations[0].kind, "revises");
  EXPECT_EQ(doc->relations[0].symbol, "C22/32(Rev.1)");
  auto r3 = IssueRevision(*db_, sec_, text_, std::nullopt);
  ASSERT_TRUE(r3.ok());
  EXPECT_EQ(r3->document, "C22/32(Rev.3)");
  EXPECT_EQ(r3->number, 2);
  // A delegate may not issue revisions.
  EXPECT_EQ(IssueRevision(*db_, cn_, text_, std::nullopt).error().code, Code::kPermissionDenied);
}

TEST(DraftingDiff, WordsInEnglishCharactersInChinese) {
  auto en = DiffWords("The Council shall review", "The Council shall not review");
  EXPECT_EQ(json::serialize(en),
            R"([{"op":"equal","text":"The Council shall "},{"op":"insert","text":"not "},)"
            R"({"op":"equal","text":"review"}])");
  auto zh = DiffWords("理事会应审议本导则。", "理事会应每四年审议本导则。");
  EXPECT_EQ(json::serialize(zh),
            R"([{"op":"equal","text":"理事会应"},{"op":"insert","text":"每四年"},)"
            R"({"op":"equal","text":"审议本导则。"}])");
  // Spaces between changed words belong to the change: a replaced passage is one deletion and
  // one insertion, not words of each interleaved (which glue together when shown).
  auto run = DiffWords("These guidelines shall be reviewed [every four years].",
                       "These guidelines shall be reviewed after each Plenipotentiary Conference.");
  EXPECT_EQ(json::serialize(run),
            R"([{"op":"equal","text":"These guidelines shall be reviewed "},)"
            R"({"op":"delete","text":"[every four years]"},)"
            R"({"op":"insert","text":"after each Plenipotentiary Conference"},)"
            R"({"op":"equal","text":"."}])");
  auto ar = DiffWords("تُستعرض هذه المبادئ التوجيهية [كل أربع سنوات].",
                      "تُستعرض هذه المبادئ التوجيهية بعد كل مؤتمر للمندوبين المفوضين.");
  EXPECT_EQ(json::serialize(ar),
            R"([{"op":"equal","text":"تُستعرض هذه المبادئ التوجيهية "},)"
            R"({"op":"delete","text":"["},{"op":"insert","text":"بعد "},)"
            R"({"op":"equal","text":"كل "},{"op":"delete","text":"أربع سنوات]"},)"
            R"({"op":"insert","text":"مؤتمر للمندوبين المفوضين"},{"op":"equal","text":"."}])");
  auto rep = DiffWords("every four years", "every five years");
  EXPECT_EQ(json::serialize(rep),
            R"([{"op":"equal","text":"every "},{"op":"delete","text":"four"},)"
            R"({"op":"insert","text":"five"},{"op":"equal","text":" years"}])");
}

TEST_F(NegotiationTest, DiffOfTwoVersionsMarksEachProvision) {
  auto v1 = Load().version;
  ProvisionPatch patch;
  patch.version = v1;
  patch.text = json::object{{"en", "The Council shall not review these guidelines."}};
  ASSERT_TRUE(UpdateProvision(*db_, sec_, para_, patch).ok());
  auto from = GetVersion(*db_, text_, v1, sec_);
  auto to = GetVersion(*db_, text_, v1 + 1, sec_);
  ASSERT_TRUE(from.ok() && to.ok());
  auto d = DiffTexts(*from, *to);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].at("change"), "same");
  EXPECT_EQ(d[1].at("change"), "changed");
  EXPECT_EQ(d[1].at("texts").at("en").as_array()[1].at("text"), "not ");
  auto missing = GetVersion(*db_, text_, 999, sec_);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Code::kNotFound);
}

TEST_F(NegotiationTest, FacilitatorEditsTheirProvisionsOnly) {
  auto other = Add("paragraph", {{"en", "Not for informal consultations."}});
  auto meeting = *db_->Read().QueryInt("SELECT meeting_id FROM agenda_items WHERE id = ?", item_);
  const auto demo_informal = Count("informal_consultations");  // the demo's report back
  InformalInput in;
  in.provisions = {para_};
  in.facilitator = 42;
  in.member_state = "CH";
  in.report_to_meeting = meeting;
  in.deadline = "2022-07-01";
  auto bad = in;
  bad.member_state = "FR";  // the facilitator's account is a delegate of Switzerland
  EXPECT_EQ(SendToInformal(*db_, sec_, text_, bad).error().field, "member_state");
  bad = in;
  bad.deadline = "1 July";
  EXPECT_EQ(SendToInformal(*db_, sec_, text_, bad).error().field, "deadline");
  bad = in;
  bad.provisions = {999999};
  EXPECT_EQ(SendToInformal(*db_, sec_, text_, bad).error().field, "provisions");
  EXPECT_EQ(Count("informal_consultations"), demo_informal);
  auto i = SendToInformal(*db_, sec_, text_, in);
  ASSERT_TRUE(i.ok()) << i.error().message;
  // Linked to the meeting's decision to refer the matter to informal consultations.
  auto item = proceedings::GetItem(*db_, item_, sec_);
  ASSERT_TRUE(item.ok());
  bool linked = false;
  for (const auto& d : item->decisions)
    linked |= d.id == i->decision_id && d.kind == "referred_informal";
  EXPECT_TRUE(linked);
  ProvisionPatch mine;
  mine.version = Load().version;
  mine.text = json::object{{"en", "The Council shall review these guidelines every four years."}};
  ASSERT_TRUE(UpdateProvision(*db_, ch_, para_, mine).ok());
  ProvisionPatch theirs;
  theirs.version = Load().version;
  theirs.text = json::object{{"en", "Changed by the facilitator."}};
  auto r = UpdateProvision(*db_, ch_, other, theirs);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Code::kPermissionDenied);
  EXPECT_EQ(Body(other, "en"), "Not for informal consultations.");
  // Another delegate edits nothing.
  EXPECT_EQ(UpdateProvision(*db_, cn_, para_, theirs).error().code, Code::kPermissionDenied);
}

TEST_F(NegotiationTest, AdoptionWaitsForTheLastBracketThenFreezesTheText) {
  BracketInput in;
  in.lang = "en";
  in.start = 4;
  in.end = 11;
  auto b = AddBracket(*db_, sec_, para_, in);
  ASSERT_TRUE(b.ok());
  auto item = proceedings::GetItem(*db_, item_, sec_);
  ASSERT_TRUE(item.ok() && !item->decisions.empty());
  AdoptInput adopt;
  adopt.meeting = item->meeting_id;
  adopt.decision = item->decisions[0].id;
  auto early = Adopt(*db_, sec_, text_, adopt);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, Code::kFailedPrecondition);
  EXPECT_EQ(early.error().field, "brackets");
  EXPECT_EQ(Load().status, "draft");
  auto wrong = adopt;
  wrong.decision = 999999;
  EXPECT_EQ(Adopt(*db_, sec_, text_, wrong).error().field, "decision");
  ResolveInput retain;
  retain.outcome = "retain";
  ASSERT_TRUE(ResolveBracket(*db_, sec_, b->id, retain).ok());
  auto t = Adopt(*db_, sec_, text_, adopt);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->status, "adopted");
  EXPECT_EQ(*t->adopted_version, t->version);
  ProvisionPatch patch;
  patch.version = t->version;
  patch.text = json::object{{"en", "Too late."}};
  auto edit = UpdateProvision(*db_, sec_, para_, patch);
  ASSERT_FALSE(edit.ok());
  EXPECT_EQ(edit.error().code, Code::kFailedPrecondition);
  EXPECT_EQ(Propose(*db_, cn_, para_, Replace("CN", 4, 11, "Board")).error().code,
            Code::kFailedPrecondition);
  EXPECT_EQ(Adopt(*db_, sec_, text_, adopt).error().code, Code::kFailedPrecondition);
}

// Random brackets on one provision in English, Chinese and Arabic: new questions, passages of
// open questions in the other languages and resolutions, each placed anywhere. Whatever is
// accepted, the bracket structure stays the same in every language version (StructureFault);
// some passages are refused because they would nest otherwise than their question elsewhere.
TEST_F(NegotiationTest, BracketStructureStaysTheSameInEveryLanguageOverRandomBrackets) {
  int refused_nesting = 0, resolved = 0;
  for (unsigned seed : {1u, 2u, 3u, 4u, 5u}) {
    std::mt19937 rng(seed);
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    const std::int64_t id =
        Add("paragraph", {{"en", "Council shall review guidelines every four years."},
                          {"zh", "理事会应每四年审议本导则一次。"},
                          {"ar", "يستعرض المجلس المبادئ التوجيهية كل أربع سنوات."}});
    const std::vector<std::string> langs = {"en", "zh", "ar"};
    for (int step = 0; step < 80; ++step) {
      Provision p;
      for (const auto& v : Load().provisions)
        if (v.id == id) p = v;
      const std::string& l = langs[pick(langs.size())];
      const auto n = CodePoints(std::string(p.body.at(l).as_string()));
      std::vector<const Bracket*> open;  // the open passages of other languages than l
      for (const auto& b : p.brackets)
        if (b.state == "open" && b.lang != l) open.push_back(&b);
      int op = static_cast<int>(pick(8));
      bool ok = false;
      if (op < 3 || (op < 7 && open.empty())) {  // a new question in l
        if (n < 1) continue;
        BracketInput in;
        in.lang = l;
        in.start = static_cast<std::int64_t>(pick(n));
        in.end = *in.start + 1 + static_cast<std::int64_t>(pick(n - *in.start));
        if (pick(2)) in.alternatives = {"x", "y"};
        ok = AddBracket(*db_, sec_, id, in).ok();
      } else if (op < 7) {  // the passage in l of an open question
        const Bracket& q = *open[pick(open.size())];
        if (n < 1) continue;
        BracketInput in;
        in.question = q.question;
        in.lang = l;
        in.start = static_cast<std::int64_t>(pick(n));
        in.end = *in.start + 1 + static_cast<std::int64_t>(pick(n - *in.start));
        in.alternatives.assign(q.alternatives.size(), "z");
        auto r = AddBracket(*db_, sec_, id, in);
        ok = r.ok();
        if (!ok && r.error().message.find("nest the same way") != std::string::npos)
          ++refused_nesting;
      } else {  // resolve an open question
        std::vector<const Bracket*> all;
        for (const auto& b : p.brackets)
          if (b.state == "open") all.push_back(&b);
        if (all.empty()) continue;
        const Bracket& b = *all[pick(all.size())];
        ResolveInput in;
        in.outcome = b.kind == "alternatives" ? "alternative" : pick(2) ? "retain" : "delete";
        if (b.kind == "alternatives") in.alternative = 1 + pick(b.alternatives.size());
        ok = ResolveBracket(*db_, sec_, b.id, in).ok();
        resolved += ok;
      }
      if (!ok) continue;
      auto fault = StructureFault(Load());
      if (!fault.empty()) {
        ADD_FAILURE() << "seed " << seed << " step " << step << " (op " << op << "): " << fault;
        break;
      }
    }
  }
  EXPECT_GT(refused_nesting, 0) << "no passage was placed to nest otherwise";
  EXPECT_GT(resolved, 0);
}

// Random edits in English, Chinese and Arabic; after each one the text as the API returns it is
// kept by version. The history must give back every one of those versions exactly, and
// replaying it from the first version (each change as recorded, on a new text) must rebuild
// every one of them. Actions that leave the text as it is (no snapshot) are not replayed. After
// every change the bracket structure is the same in every language version (StructureFault).
TEST_F(NegotiationTest, HistoryReproducesEveryVersionOverRandomEdits) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> words = {
      {"en", {"Council ", "shall ", "review ", "guidelines ", "every ", "four ", "years. "}},
      {"zh", {"理事会", "应", "审议", "本导则", "每四年", "一次", "。"}},
      {"ar", {"المجلس ", "يستعرض ", "هذه ", "المبادئ ", "التوجيهية ", "كل ", "أربع ", "سنوات. "}}};
  int passages_added = 0;  // passages of another language added to an open question
  for (unsigned seed : {1u, 2u, 3u}) {
    std::mt19937 rng(seed);
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    auto phrase = [&](std::size_t lang) {
      std::string s;
      for (std::size_t k = 1 + pick(4); k > 0; --k)
        s += words[lang].second[pick(words[lang].second.size())];
      return s;
    };
    std::map<std::int64_t, std::string> seen;  // version → snapshot
    auto keep = [&] {
      auto t = Load();
      seen[t.version] = json::serialize(Snapshot(t));
    };
    keep();
    int applied = 0;
    for (int step = 0; step < 60; ++step) {
      auto t = Load();
      std::size_t lang = pick(words.size());
      const std::string& l = words[lang].first;
      int op = t.provisions.size() < 3 ? 0 : static_cast<int>(pick(6));
      bool ok = false;
      if (op == 0) {
        ProvisionInput in;
        in.kind = pick(3) == 0 ? "section" : "paragraph";
        in.text = json::object{{l, phrase(lang)}};
        in.position = static_cast<int>(1 + pick(t.provisions.size() + 1));
        ok = AddProvision(*db_, sec_, text_, in).ok();
      } else {
        const Provision& p = t.provisions[pick(t.provisions.size())];
        auto* body = p.body.as_object().if_contains(l);
        std::string cur = body ? std::string(body->as_string()) : "";
        auto n = CodePoints(cur);
        if (op == 1 || n == 0) {  // rewrite a span (or give the language its first text)
          std::int64_t a = n ? static_cast<std::int64_t>(pick(n + 1)) : 0;
          std::int64_t b = a + (n ? static_cast<std::int64_t>(pick(n - a + 1)) : 0);
          std::string now = cur.substr(0, ByteOffset(cur, a)) + phrase(lang) +
                            cur.substr(ByteOffset(cur, b));
          ProvisionPatch patch;
          patch.version = t.version;
          patch.text = json::object{{l, now}};
          ok = UpdateProvision(*db_, sec_, p.id, patch).ok();
        } else if (op == 2) {
          BracketInput in;
          in.lang = l;
          in.start = static_cast<std::int64_t>(pick(n));
          in.end = *in.start + 1 + static_cast<std::int64_t>(pick(n - *in.start));
          if (pick(2)) in.alternatives = {phrase(lang), phrase(lang)};
          ok = AddBracket(*db_, sec_, p.id, in).ok();
        } else if (op == 3) {
          for (const auto& b : p.brackets) {
            if (b.state != "open") continue;
            ResolveInput in;
            in.outcome = b.kind == "alternatives" ? "alternative" : pick(2) ? "retain" : "delete";
            if (b.kind == "alternatives") in.alternative = 1 + pick(b.alternatives.size());
            ok = ResolveBracket(*db_, sec_, b.id, in).ok();
            break;
          }
        } else if (op == 5) {  // the passage in `l` of an open question of another language
          for (const auto& b : p.brackets) {
            if (b.state != "open" || b.lang == l) continue;
            bool has = std::any_of(p.brackets.begin(), p.brackets.end(), [&](const Bracket& o) {
              return o.question == b.question && o.lang == l;
            });
            if (has) continue;
            BracketInput in;
            in.question = b.question;
            in.lang = l;
            in.start = static_cast<std::int64_t>(pick(n));
            in.end = *in.start + 1 + static_cast<std::int64_t>(pick(n - *in.start));
            for (std::size_t k = 0; k < b.alternatives.size(); ++k)
              in.alternatives.push_back(phrase(lang));
            ok = AddBracket(*db_, sec_, p.id, in).ok();
            passages_added += ok;
            break;
          }
        } else {
          ok = DeleteProvision(*db_, sec_, p.id, t.version).ok();
        }
      }
      if (ok) {
        ++applied;
        keep();
        auto fault = StructureFault(Load());
        if (!fault.empty()) {
          ADD_FAILURE() << "seed " << seed << " step " << step << " (op " << op << "): " << fault;
          break;
        }
      }
    }
    EXPECT_GT(applied, 30) << "seed " << seed;
    for (const auto& [version, snapshot] : seen) {
      auto v = GetVersion(*db_, text_, version, sec_);
      ASSERT_TRUE(v.ok()) << "seed " << seed << " version " << version;
      EXPECT_EQ(json::serialize(Snapshot(*v)), snapshot) << "seed " << seed << " v" << version;
    }
  }

  EXPECT_GT(passages_added, 0) << "no question was bracketed in a second language";

  // Replaying the history: a new text is built from the first version by applying, in order,
  // each change as the history records it (its action, its object and its detail, nothing
  // else); after each one it must equal the recorded version exactly (ids mapped to the
  // replica's own).
  TextInput in;
  in.document = "C22/32(Rev.1)";
  in.agenda_item = item_;
  in.title = json::object{{"en", "Draft guidelines"}};
  in.languages = {"en", "zh", "ar"};
  auto replica = CreateText(*db_, sec_, in);
  ASSERT_TRUE(replica.ok()) << replica.error().message;
  auto v1 = GetVersion(*db_, text_, 1, sec_);
  ASSERT_TRUE(v1.ok());
  ASSERT_TRUE(v1->provisions.empty());
  // Ids of provisions and of brackets: the original's → the replica's.
  std::map<std::int64_t, std::int64_t> ids, bracket_ids;
  auto normalized = [&](Text t) {
    t.id = 0;
    for (auto& p : t.provisions) {
      if (auto it = ids.find(p.id); it != ids.end()) p.id = it->second;
      for (auto& b : p.brackets) {
        if (auto it = bracket_ids.find(b.id); it != bracket_ids.end()) b.id = it->second;
        if (auto it = bracket_ids.find(b.question); it != bracket_ids.end())
          b.question = it->second;
      }
    }
    return json::serialize(Snapshot(t));
  };
  struct Row {
    std::int64_t version, object_id;
    std::string action;
    json::object detail;
  };
  std::vector<Row> rows;
  {
    storage::Stmt q(db_->Read(), "SELECT version, action, object_id, detail FROM text_history "
                                 "WHERE text_id = ? AND version > 1 AND snapshot <> '' "
                                 "ORDER BY version");
    q.BindAll(text_);
    while (q.Step())
      rows.push_back({q.Int(0), q.Int(2), q.Text(1), json::parse(q.Text(3)).as_object()});
  }
  ASSERT_EQ(static_cast<std::int64_t>(rows.size()), Load().version - 1);
  auto strings = [](const json::value& v) {
    std::vector<std::string> out;
    for (const auto& e : v.as_array()) out.emplace_back(e.as_string());
    return out;
  };
  for (const auto& row : rows) {
    auto now = Get(*db_, replica->id, sec_);
    ASSERT_TRUE(now.ok());
    ASSERT_EQ(now->version, row.version - 1);
    const json::object& d = row.detail;
    bool ok = false;
    if (row.action == "provision.create") {
      ProvisionInput p;
      p.kind = std::string(d.at("kind").as_string());
      p.text = d.at("text");
      p.position = static_cast<int>(d.at("position").as_int64());
      auto r = AddProvision(*db_, sec_, replica->id, p);
      ok = r.ok();
      if (ok) ids[row.object_id] = r->id;
    } else if (row.action == "provision.update") {
      ProvisionPatch patch;
      patch.version = now->version;
      if (auto* t = d.if_contains("text")) patch.text = *t;
      if (auto* k = d.if_contains("kind")) patch.kind = std::string(k->as_string());
      ok = UpdateProvision(*db_, sec_, ids.at(row.object_id), patch).ok();
    } else if (row.action == "provision.delete") {
      ok = DeleteProvision(*db_, sec_, ids.at(row.object_id), now->version).ok();
    } else if (row.action == "bracket.create") {
      std::int64_t provision = 0;
      for (const auto& p : now->provisions)
        if (p.label == d.at("provision").as_string()) provision = p.id;
      BracketInput b;
      b.lang = std::string(d.at("lang").as_string());
      b.start = d.at("start").as_int64();
      b.end = d.at("end").as_int64();
      b.alternatives = strings(d.at("alternatives"));
      b.proposed_by = std::string(d.at("proposed_by").as_string());
      b.supported_by = strings(d.at("supported_by"));
      b.objected_by = strings(d.at("objected_by"));
      b.note = std::string(d.at("note").as_string());
      if (auto* q = d.if_contains("question")) b.question = bracket_ids.at(q->as_int64());
      auto r = AddBracket(*db_, sec_, provision, b);
      ok = r.ok();
      if (ok) bracket_ids[row.object_id] = r->id;
    } else if (row.action == "bracket.resolve") {
      ResolveInput r;
      r.outcome = std::string(d.at("outcome").as_string());
      if (auto* a = d.if_contains("alternative")) r.alternative = a->as_int64();
      ok = ResolveBracket(*db_, sec_, bracket_ids.at(row.object_id), r).ok();
    } else {
      ADD_FAILURE() << "version " << row.version << ": unexpected action " << row.action;
    }
    ASSERT_TRUE(ok) << "version " << row.version << ": " << row.action << " "
                    << json::serialize(d);
    auto want = GetVersion(*db_, text_, row.version, sec_);
    auto got = Get(*db_, replica->id, sec_);
    ASSERT_TRUE(want.ok() && got.ok());
    ASSERT_EQ(normalized(*got), normalized(*want)) << "version " << row.version << " after "
                                                   << row.action;
  }
}

}  // namespace
}  // namespace plenary::drafting

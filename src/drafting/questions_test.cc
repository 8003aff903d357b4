// Unit tests of a bracket as one open question across the language versions of a provision: the
// passage of another language added to it (its alternatives as many, its Member States the
// question's, one passage per language), resolving it in every language at once, the language
// versions lacking a passage holding back a revision and the adoption, the counts of questions,
// and migration 0037 grouping the brackets stored before it (SQLite and PostgreSQL).
// Expected texts are written by hand.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "base/assets.h"
#include "demo/demo.h"
#include "demo/demo_fixture.h"
#include "drafting/drafting.h"
#include "proceedings/proceedings.h"
#include "storage/postgres_testing.h"

namespace plenary::drafting {
namespace {

namespace json = boost::json;

class QuestionsTest : public demo::DemoDatabaseTest {
 protected:
  void SetUp() override {
    DemoDatabaseTest::SetUp();
    sec_.user.id = demo::kDemoSecretariat;
    sec_.user.role = "secretariat";
    item_ = *db_->Read().QueryInt(
        "SELECT a.id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id "
        "WHERE m.kind = 'plenary' AND a.number = '5'");
    TextInput in;
    in.document = "C22/32(Rev.1)";
    in.agenda_item = item_;
    in.title = json::object{{"en", "Draft guidelines"}};
    in.languages = {"en", "zh", "ar", "fr"};
    auto t = CreateText(*db_, sec_, in);
    ASSERT_TRUE(t.ok()) << t.error().message;
    text_ = t->id;
    ProvisionInput s;
    s.kind = "section";
    s.text = json::object{{"en", "Review"}};
    ASSERT_TRUE(AddProvision(*db_, sec_, text_, s).ok());
    // No French text: nothing to bracket in French.
    ProvisionInput p;
    p.text = json::object{{"en", "The Council shall review these guidelines every four years."},
                          {"zh", "理事会应每四年审议本导则。"},
                          {"ar", "يستعرض المجلس هذه المبادئ التوجيهية كل أربع سنوات."}};
    auto added = AddProvision(*db_, sec_, text_, p);
    ASSERT_TRUE(added.ok()) << added.error().message;
    para_ = added->id;
  }

  Text Load() {
    auto t = Get(*db_, text_, sec_);
    EXPECT_TRUE(t.ok());
    return t.ok() ? *t : Text{};
  }
  Provision Para() {
    for (const auto& p : Load().provisions)
      if (p.id == para_) return p;
    ADD_FAILURE() << "no provision " << para_;
    return {};
  }
  std::string Body(const std::string& lang) {
    return std::string(Para().body.at(lang).as_string());
  }
  Result<Bracket> Mark(const std::string& lang, std::int64_t start, std::int64_t end,
                       std::vector<std::string> alternatives,
                       std::optional<std::int64_t> question = std::nullopt) {
    BracketInput in;
    in.question = question;
    in.lang = lang;
    in.start = start;
    in.end = end;
    in.alternatives = std::move(alternatives);
    if (!question) {
      in.proposed_by = "CN";
      in.supported_by = {"RU"};
    }
    return AddBracket(*db_, sec_, para_, in);
  }
  std::int64_t Count(const std::string& sql) { return *db_->Read().QueryInt(sql, text_); }
  // A question on "every four years" in English, Chinese ("每四年") and Arabic ("كل أربع سنوات").
  std::int64_t Question() {
    auto en = Mark("en", 42, 58, {"every four years", "after each Plenipotentiary Conference"});
    EXPECT_TRUE(en.ok()) << en.error().message;
    auto zh = Mark("zh", 4, 7, {"每四年", "在每届全权代表大会之后"}, en->id);
    EXPECT_TRUE(zh.ok()) << zh.error().message;
    auto ar = Mark("ar", 36, 49, {"كل أربع سنوات", "بعد كل مؤتمر للمندوبين المفوضين"}, zh->id);
    EXPECT_TRUE(ar.ok()) << ar.error().message;
    return en->id;
  }

  accounts::Session sec_;
  std::int64_t item_ = 0, text_ = 0, para_ = 0;
};

TEST_F(QuestionsTest, PassagesOfOneQuestionShareItsIdAndItsMemberStates) {
  auto q = Question();
  auto p = Para();
  ASSERT_EQ(p.brackets.size(), 3u);
  for (const auto& b : p.brackets) {
    EXPECT_EQ(b.question, q) << b.lang;
    EXPECT_EQ(b.proposed_by, "CN") << b.lang;
    EXPECT_EQ(b.supported_by, std::vector<std::string>{"RU"}) << b.lang;
    EXPECT_EQ(b.state, "open");
  }
  EXPECT_EQ(BracketedText(p, "zh"), "理事会应[每四年]审议本导则。");
  EXPECT_EQ(BracketedText(p, "ar"), "يستعرض المجلس هذه المبادئ التوجيهية [كل أربع سنوات].");
  // One question, not three: the counts and the sentence count questions.
  EXPECT_EQ(p.OpenBrackets(), 1);
  EXPECT_EQ(Load().OpenBrackets(), 1);
  EXPECT_EQ(Load().BracketedLabels(), std::vector<std::string>{"1.a"});
  // French has no text of the provision: nothing is missing.
  EXPECT_TRUE(MissingPassages(Load()).empty());
}

TEST_F(QuestionsTest, BadPassagesAreRefusedNamingTheFieldAndChangeNothing) {
  auto en = Mark("en", 42, 58, {"every four years", "after each Plenipotentiary Conference"});
  ASSERT_TRUE(en.ok()) << en.error().message;
  auto version = Load().version;
  auto brackets = Count("SELECT count(*) FROM brackets b JOIN provisions p ON p.id = "
                        "b.provision_id WHERE p.text_id = ?");
  struct Case {
    std::string lang;
    std::vector<std::string> alternatives;
    std::int64_t question;
    std::string proposed_by, field;
    Code code;
  };
  for (const auto& c : std::vector<Case>{
           {"zh", {}, en->id, "", "alternatives", Code::kInvalidArgument},
           {"zh", {"每四年", "每两年", "每年"}, en->id, "", "alternatives", Code::kInvalidArgument},
           {"en", {"a", "b"}, en->id, "", "lang", Code::kInvalidArgument},
           {"zh", {"每四年", "每两年"}, en->id, "US", "proposed_by", Code::kInvalidArgument},
           {"zh", {"每四年", "每两年"}, 999999, "", "question", Code::kInvalidArgument}}) {
    BracketInput in;
    in.question = c.question;
    in.lang = c.lang;
    in.start = 4;
    in.end = 7;
    in.alternatives = c.alternatives;
    in.proposed_by = c.proposed_by;
    auto r = AddBracket(*db_, sec_, para_, in);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
    EXPECT_EQ(r.error().code, c.code) << r.error().message;
  }
  // The message names the rule and both counts.
  BracketInput in;
  in.question = en->id;
  in.lang = "zh";
  in.start = 4;
  in.end = 7;
  auto r = AddBracket(*db_, sec_, para_, in);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("has 2 alternatives in en"), std::string::npos)
      << r.error().message;
  EXPECT_EQ(Load().version, version);
  EXPECT_EQ(Count("SELECT count(*) FROM brackets b JOIN provisions p ON p.id = b.provision_id "
                  "WHERE p.text_id = ?"),
            brackets);
  // A resolved question takes no more passages (409).
  ASSERT_TRUE(ResolveBracket(*db_, sec_, en->id, {"alternative", 1, std::nullopt}).ok());
  in.alternatives = {"每四年", "每两年"};
  auto late = AddBracket(*db_, sec_, para_, in);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().field, "question");
  EXPECT_EQ(late.error().code, Code::kFailedPrecondition);
}

TEST_F(QuestionsTest, NestingAndOverlapStillHoldPerLanguage) {
  auto q = Question();
  // A second question around the Chinese passage nests; one crossing it is refused.
  auto outer = Mark("zh", 3, 9, {});
  ASSERT_TRUE(outer.ok()) << outer.error().message;
  auto crossing = Mark("en", 30, 50, {}, std::nullopt);  // crosses [42, 58)
  ASSERT_FALSE(crossing.ok());
  EXPECT_EQ(crossing.error().field, "start");
  BracketInput in;
  in.question = outer->id;
  in.lang = "ar";
  in.start = 40;
  in.end = 50;  // crosses [36, 49)
  auto ar = AddBracket(*db_, sec_, para_, in);
  ASSERT_FALSE(ar.ok());
  EXPECT_EQ(ar.error().field, "start");
  EXPECT_EQ(Para().OpenBrackets(), 2);
  (void)q;
}

// The bracket structure is the same in every language version: a question nested inside
// another in one language is nested inside it in every language that has both passages, and
// one lying apart lies apart. A passage that would nest otherwise is refused (400 start) and
// changes nothing.
TEST_F(QuestionsTest, QuestionsNestTheSameWayInEveryLanguage) {
  auto inner = Question();  // "every four years", "每四年", "كل أربع سنوات"
  auto outer = Mark("en", 31, 58, {});  // "guidelines every four years": around it in English
  ASSERT_TRUE(outer.ok()) << outer.error().message;
  auto version = Load().version;
  auto brackets = Count("SELECT count(*) FROM brackets b JOIN provisions p ON p.id = "
                        "b.provision_id WHERE p.text_id = ?");
  // In Chinese "理事会" [0, 3) lies apart from "每四年" [4, 7): refused.
  auto apart = Mark("zh", 0, 3, {}, outer->id);
  ASSERT_FALSE(apart.ok());
  EXPECT_EQ(apart.error().code, Code::kInvalidArgument);
  EXPECT_EQ(apart.error().field, "start");
  EXPECT_NE(apart.error().message.find("in zh lies apart from bracket"), std::string::npos)
      << apart.error().message;
  EXPECT_NE(apart.error().message.find("while in en"), std::string::npos) << apart.error().message;
  // "每四" [4, 6) lies inside it: refused as well.
  auto inside = Mark("zh", 4, 6, {}, outer->id);
  ASSERT_FALSE(inside.ok());
  EXPECT_EQ(inside.error().field, "start");
  // On the very same words [4, 7): refused (deleting one would delete the other in Chinese
  // only).
  auto same = Mark("zh", 4, 7, {}, outer->id);
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.error().field, "start");
  EXPECT_EQ(Load().version, version);
  EXPECT_EQ(Count("SELECT count(*) FROM brackets b JOIN provisions p ON p.id = b.provision_id "
                  "WHERE p.text_id = ?"),
            brackets);
  // "应每四年" [3, 7) encloses it as in English: accepted; in Arabic the same holds.
  auto zh = Mark("zh", 3, 7, {}, outer->id);
  ASSERT_TRUE(zh.ok()) << zh.error().message;
  EXPECT_FALSE(Mark("ar", 0, 13, {}, outer->id).ok());  // "يستعرض المجلس": apart
  auto ar = Mark("ar", 14, 49, {}, outer->id);            // "هذه … كل أربع سنوات": around
  ASSERT_TRUE(ar.ok()) << ar.error().message;

  // A third question inside the inner one in Chinese ("每四" [4, 6)) must lie inside it in
  // English too: enclosing "every four years" is refused, "every" is accepted.
  auto third = Mark("zh", 4, 6, {});
  ASSERT_TRUE(third.ok()) << third.error().message;
  auto wrong = Mark("en", 36, 58, {}, third->id);  // "lines every four years": around the inner
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "start");
  EXPECT_NE(wrong.error().message.find("in en encloses bracket"), std::string::npos)
      << wrong.error().message;
  ASSERT_TRUE(Mark("en", 42, 47, {}, third->id).ok());  // "every"

  // Deleting the outer question deletes the two inside it in every language at once.
  ASSERT_TRUE(ResolveBracket(*db_, sec_, outer->id, {"delete", std::nullopt, std::nullopt}).ok());
  for (const auto& b : Para().brackets) EXPECT_EQ(b.state, "deleted") << b.id << " " << b.lang;
  EXPECT_EQ(Load().OpenBrackets(), 0);
  (void)inner;
}

// A question whose words hold another question in one language, resolving by deleting or
// replacing its words, would take the inner question's passage in that language and leave its
// passage in a language where the outer question has none: refused (409 outcome) until the outer
// question has its passage there; retaining is allowed.
TEST_F(QuestionsTest, ResolvingWaitsForThePassageAroundAQuestionInsideIt) {
  auto inner = Question();  // en, zh, ar
  auto outer = Mark("en", 31, 58, {});  // around the inner one, in English only
  ASSERT_TRUE(outer.ok()) << outer.error().message;
  auto version = Load().version;
  auto r = ResolveBracket(*db_, sec_, outer->id, {"delete", std::nullopt, std::nullopt});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Code::kFailedPrecondition);
  EXPECT_EQ(r.error().field, "outcome");
  EXPECT_NE(r.error().message.find(fmt::format("bracket {} lies inside bracket {} in en and has "
                                               "its passage in ar",
                                               inner, outer->id)),
            std::string::npos)
      << r.error().message;
  EXPECT_EQ(Load().version, version);
  for (const auto& b : Para().brackets) EXPECT_EQ(b.state, "open") << b.id;
  // With its Chinese and Arabic passages around the inner ones, the deletion goes through.
  ASSERT_TRUE(Mark("zh", 3, 7, {}, outer->id).ok());
  ASSERT_TRUE(Mark("ar", 14, 49, {}, outer->id).ok());
  ASSERT_TRUE(ResolveBracket(*db_, sec_, outer->id, {"delete", std::nullopt, std::nullopt}).ok());
  for (const auto& b : Para().brackets) EXPECT_EQ(b.state, "deleted") << b.id << " " << b.lang;
}

TEST_F(QuestionsTest, RetainingAQuestionAroundAnotherNeedsNoOtherPassage) {
  auto inner = Question();
  auto outer = Mark("en", 31, 58, {});
  ASSERT_TRUE(outer.ok()) << outer.error().message;
  ASSERT_TRUE(ResolveBracket(*db_, sec_, outer->id, {"retain", std::nullopt, std::nullopt}).ok());
  for (const auto& b : Para().brackets)
    EXPECT_EQ(b.state, b.question == inner ? "open" : "agreed") << b.id;
}

// A proposal turned into a bracket is a question of its own: its passages in the other languages
// are added to it, and resolving it resolves them all.
TEST_F(QuestionsTest, AProposalTurnedIntoABracketTakesThePassagesOfOtherLanguages) {
  ProposalInput in;
  in.member_state = "CN";
  in.kind = "replace";
  in.lang = "en";
  in.start = 42;
  in.end = 58;
  in.text = "after each Plenipotentiary Conference";
  in.justification = "C22/71";
  auto proposal = Propose(*db_, sec_, para_, in);
  ASSERT_TRUE(proposal.ok()) << proposal.error().message;
  auto bracketed = BracketProposal(*db_, sec_, proposal->id, std::nullopt);
  ASSERT_TRUE(bracketed.ok()) << bracketed.error().message;
  ASSERT_TRUE(bracketed->bracket_id);
  auto q = *bracketed->bracket_id;
  auto zh = Mark("zh", 4, 7, {"每四年", "在每届全权代表大会之后"}, q);
  ASSERT_TRUE(zh.ok()) << zh.error().message;
  EXPECT_EQ(zh->question, q);
  EXPECT_EQ(zh->proposed_by, "CN");
  EXPECT_EQ(MissingPassages(Load()).size(), 1u);  // Arabic
  ASSERT_TRUE(Mark("ar", 36, 49, {"كل أربع سنوات", "بعد كل مؤتمر للمندوبين المفوضين"}, q).ok());
  EXPECT_TRUE(MissingPassages(Load()).empty());
  EXPECT_EQ(Para().OpenBrackets(), 1);
  ASSERT_TRUE(ResolveBracket(*db_, sec_, zh->id, {"alternative", 2, std::nullopt}).ok());
  EXPECT_EQ(Body("en"),
            "The Council shall review these guidelines after each Plenipotentiary Conference.");
  EXPECT_EQ(Body("zh"), "理事会应在每届全权代表大会之后审议本导则。");
  EXPECT_EQ(Body("ar"), "يستعرض المجلس هذه المبادئ التوجيهية بعد كل مؤتمر للمندوبين المفوضين.");
}

TEST_F(QuestionsTest, ResolvingInOneLanguageResolvesEveryLanguageInOneChange) {
  auto q = Question();
  auto version = Load().version;
  std::int64_t zh_id = 0;
  for (const auto& b : Para().brackets)
    if (b.lang == "zh") zh_id = b.id;
  ASSERT_NE(zh_id, 0);
  auto r = ResolveBracket(*db_, sec_, zh_id, {"alternative", 2, std::nullopt});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(Body("en"),
            "The Council shall review these guidelines after each Plenipotentiary Conference.");
  EXPECT_EQ(Body("zh"), "理事会应在每届全权代表大会之后审议本导则。");
  EXPECT_EQ(Body("ar"), "يستعرض المجلس هذه المبادئ التوجيهية بعد كل مؤتمر للمندوبين المفوضين.");
  for (const auto& b : Para().brackets) {
    EXPECT_EQ(b.state, "agreed") << b.lang;
    EXPECT_EQ(b.question, q);
  }
  EXPECT_EQ(Load().OpenBrackets(), 0);
  // One change: one version, one history row and one audit entry naming the three passages.
  EXPECT_EQ(Load().version, version + 1);
  EXPECT_EQ(Count("SELECT count(*) FROM text_history WHERE text_id = ? AND "
                  "action = 'bracket.resolve'"),
            1);
  storage::Stmt audit(db_->Read(), "SELECT after FROM audit_log WHERE action = "
                                   "'bracket.resolve' AND object_id = ?");
  audit.BindAll(zh_id);
  ASSERT_TRUE(audit.Step());
  auto passages = json::parse(audit.Text(0)).at("passages").as_array();
  ASSERT_EQ(passages.size(), 3u);
  std::set<std::string> langs;
  for (const auto& p : passages) langs.insert(std::string(p.at("lang").as_string()));
  EXPECT_EQ(langs, (std::set<std::string>{"ar", "en", "zh"}));
  // Again, from any language: 409.
  auto again = ResolveBracket(*db_, sec_, q, {"retain", std::nullopt, std::nullopt});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, Code::kFailedPrecondition);
}

TEST_F(QuestionsTest, DeletingAQuestionDeletesItsWordsAndTheQuestionsInsideInEveryLanguage) {
  auto inner = Question();
  auto outer_en = Mark("en", 31, 58, {});  // "guidelines every four years"
  ASSERT_TRUE(outer_en.ok()) << outer_en.error().message;
  BracketInput in;
  in.question = outer_en->id;
  in.lang = "zh";
  in.start = 3;
  in.end = 7;  // "应每四年"
  ASSERT_TRUE(AddBracket(*db_, sec_, para_, in).ok());
  in.lang = "ar";
  in.start = 14;
  in.end = 49;  // "هذه المبادئ التوجيهية كل أربع سنوات"
  ASSERT_TRUE(AddBracket(*db_, sec_, para_, in).ok());
  EXPECT_EQ(Para().OpenBrackets(), 2);
  ASSERT_TRUE(ResolveBracket(*db_, sec_, outer_en->id, {"delete", std::nullopt, std::nullopt}).ok());
  EXPECT_EQ(Body("en"), "The Council shall review these .");
  EXPECT_EQ(Body("zh"), "理事会审议本导则。");
  EXPECT_EQ(Body("ar"), "يستعرض المجلس .");
  for (const auto& b : Para().brackets) EXPECT_EQ(b.state, "deleted") << b.id;
  EXPECT_EQ(Para().brackets.size(), 6u);
  (void)inner;
}

TEST_F(QuestionsTest, RevisionAndAdoptionWaitForEveryLanguageWithTextOfTheProvision) {
  auto en = Mark("en", 42, 58, {});
  ASSERT_TRUE(en.ok()) << en.error().message;
  BracketInput zh;
  zh.question = en->id;
  zh.lang = "zh";
  zh.start = 4;
  zh.end = 7;
  ASSERT_TRUE(AddBracket(*db_, sec_, para_, zh).ok());
  auto missing = MissingPassages(Load());
  ASSERT_EQ(missing.size(), 1u);  // Arabic; French has no text of the provision
  EXPECT_EQ(missing[0].lang, "ar");
  EXPECT_EQ(missing[0].label, "1.a");
  EXPECT_EQ(missing[0].question, en->id);
  EXPECT_EQ(missing[0].bracketed_in, (std::vector<std::string>{"en", "zh"}));
  auto version = Load().version;
  auto rev = IssueRevision(*db_, sec_, text_, std::nullopt);
  ASSERT_FALSE(rev.ok());
  EXPECT_EQ(rev.error().code, Code::kFailedPrecondition);
  EXPECT_EQ(rev.error().field, "brackets");
  EXPECT_NE(rev.error().message.find("provision 1.a has no passage in ar"), std::string::npos)
      << rev.error().message;
  auto item = proceedings::GetItem(*db_, item_, sec_);
  ASSERT_TRUE(item.ok() && !item->decisions.empty());
  AdoptInput adopt;
  adopt.meeting = item->meeting_id;
  adopt.decision = item->decisions[0].id;
  auto early = Adopt(*db_, sec_, text_, adopt);
  ASSERT_FALSE(early.ok());
  EXPECT_NE(early.error().message.find("no passage in ar"), std::string::npos)
      << early.error().message;
  EXPECT_EQ(Load().version, version);
  EXPECT_TRUE(Load().revisions.empty());
  // With the Arabic passage, the revision is issued.
  BracketInput ar;
  ar.question = en->id;
  ar.lang = "ar";
  ar.start = 36;
  ar.end = 49;
  ASSERT_TRUE(AddBracket(*db_, sec_, para_, ar).ok());
  EXPECT_TRUE(MissingPassages(Load()).empty());
  auto issued = IssueRevision(*db_, sec_, text_, std::nullopt);
  ASSERT_TRUE(issued.ok()) << issued.error().message;
  // A resolved question needs no passage: a new language version added later holds nothing back.
  ASSERT_TRUE(ResolveBracket(*db_, sec_, en->id, {"retain", std::nullopt, std::nullopt}).ok());
  ProvisionPatch fr;
  fr.version = Load().version;
  fr.text = json::object{{"fr", "Le Conseil examine ces lignes directrices tous les quatre ans."}};
  ASSERT_TRUE(UpdateProvision(*db_, sec_, para_, fr).ok());
  EXPECT_TRUE(MissingPassages(Load()).empty());
  EXPECT_TRUE(IssueRevision(*db_, sec_, text_, std::nullopt).ok());
}

TEST_F(QuestionsTest, DemoBracketsAreOneQuestionEachInTheSixLanguages) {
  auto texts = List(*db_, {}, sec_);
  ASSERT_TRUE(texts.ok());
  std::optional<Text> demo;
  for (const auto& t : *texts)
    if (t.illustrative) demo = *Get(*db_, t.id, sec_);
  ASSERT_TRUE(demo);
  EXPECT_EQ(demo->BracketedLabels(), (std::vector<std::string>{"2.b", "6.c"}));
  for (const auto& p : demo->provisions) {
    if (p.label != "2.b" && p.label != "6.c") {
      EXPECT_TRUE(p.brackets.empty()) << p.label;
      continue;
    }
    ASSERT_EQ(p.brackets.size(), 6u) << p.label;
    std::set<std::string> langs;
    for (const auto& b : p.brackets) {
      langs.insert(b.lang);
      EXPECT_EQ(b.question, p.brackets[0].question) << p.label << " " << b.lang;
    }
    EXPECT_EQ(langs, (std::set<std::string>{"ar", "en", "es", "fr", "ru", "zh"})) << p.label;
    EXPECT_EQ(p.OpenBrackets(), 1) << p.label;
  }
  EXPECT_TRUE(MissingPassages(*demo).empty());
}

// Migration 0037 on rows stored before it: the n-th bracket placed in each language of a
// provision becomes a passage of the n-th question. On SQLite and on PostgreSQL.
class QuestionsMigration : public ::testing::TestWithParam<storage::Dialect> {};

TEST_P(QuestionsMigration, GroupsTheBracketsOfEachLanguageInTheOrderTheyWerePlaced) {
  if (GetParam() == storage::Dialect::kPostgres) PLENARY_REQUIRE_POSTGRES();
  InitCrypto();
  plenary::testing::TempDatabase temp(GetParam(), "plenary-questions-");
  storage::Database db(temp.spec());
  ASSERT_TRUE(demo::Load(db).ok());
  auto migration = assets::Find("src/storage/migrations/0037_bracket_questions.sql");
  ASSERT_TRUE(migration);
  const std::string sql = storage::ForDialect(*migration, db.Read().dialect());
  auto from = sql.find("UPDATE brackets SET question_id");
  ASSERT_NE(from, std::string::npos);
  const std::string update = sql.substr(from, sql.find(';', from) - from);
  auto provision = [&](const char* label) {
    return *db.Read().QueryInt("SELECT p.id FROM provisions p JOIN texts t ON t.id = p.text_id "
                               "WHERE t.illustrative = 1 AND p.label = ?",
                               std::string(label));
  };
  const std::int64_t p2b = provision("2.b"), p6c = provision("6.c");
  // As before 0037: no question, and a second bracket on 2.b in English and Chinese (placed
  // after the first ones; a closed one still counts in the order).
  ASSERT_TRUE(db.Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
                  for (const char* lang : {"en", "zh"})
                    c.Exec("INSERT INTO brackets(provision_id, lang, start_offset, end_offset, "
                           "kind, alternatives, proposed_by, supported_by, objected_by, note, "
                           "state, created_at) VALUES(?, ?, 0, 1, 'retain_or_delete', '[]', '', "
                           "'[]', '[]', '', 'agreed', 0)",
                           p2b, std::string(lang));
                  c.Exec("UPDATE brackets SET question_id = 0");
                  c.Exec(update);
                  return Ok{};
                }).ok());
  auto& r = db.Read();
  EXPECT_EQ(r.QueryInt("SELECT count(*) FROM brackets WHERE question_id = 0"), 0);
  // The demo brackets 2.b and 6.c once in each of the six languages: one question each.
  for (auto p : {p2b, p6c}) {
    auto first = r.QueryInt("SELECT min(id) FROM brackets WHERE provision_id = ?", p);
    ASSERT_TRUE(first);
    EXPECT_EQ(r.QueryInt("SELECT count(*) FROM brackets WHERE provision_id = ? AND "
                         "question_id = ? AND state = 'open'",
                         p, *first),
              6);
  }
  auto second = r.QueryInt("SELECT min(id) FROM brackets WHERE provision_id = ? AND "
                           "state = 'agreed'", p2b);
  ASSERT_TRUE(second);
  EXPECT_EQ(r.QueryInt("SELECT count(*) FROM brackets WHERE question_id = ?", *second), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, QuestionsMigration,
                         ::testing::Values(storage::Dialect::kSqlite, storage::Dialect::kPostgres),
                         [](const auto& info) {
                           return info.param == storage::Dialect::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace plenary::drafting

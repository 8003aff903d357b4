// Unit tests of the consultation use cases on a real SQLite file.
#include "consultations/consultations.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <tuple>

#include "base/random.h"
#include "base/time.h"
#include "consultations/internal.h"
#include "consultations/report_out.h"
#include "demo/demo.h"
#include "meetings/meetings.h"

namespace plenary::consultations {
namespace {

namespace json = boost::json;

class ConsultationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InitCrypto();
    path_ = std::filesystem::temp_directory_path() /
            ("plenary-unit-" + RandomToken(8) + ".db");
    db_ = std::make_unique<storage::Database>(path_.string());
    db_->Read().ExecScript("SELECT 1");
    // Audit entries reference real users (foreign key).
    ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                     c.Exec("INSERT INTO users(id, email, name, role, password_hash, created_at) "
                            "VALUES(7, 'sec@example.int', 'Secretariat', 'secretariat', 'x', 0)");
                     return Ok{};
                   })
                    .ok());
    meetings::BodyInput b{"wg", "WG", "member_states", json::value("Working group"), json::value(),
                          true};
    ASSERT_TRUE(meetings::CreateBody(*db_, kUser, b).ok());
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }

  Consultation Make(const std::string& key, Instant opens, Instant deadline) {
    ConsultationInput in;
    in.key = key;
    in.body = "wg";
    in.title = json::object{{"en", "Topic"}, {"zh", "主题"}};
    in.questions = {json::value("First?"), json::value("Second?")};
    in.opens_at = FormatIso(opens);
    in.deadline = FormatIso(deadline);
    in.timezone = "Europe/Zurich";
    auto c = Create(*db_, kUser, in);
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message);
    return *c;
  }

  static ResponseInput Valid() {
    ResponseInput r;
    r.name = "Ana Silva";
    r.country = "BR";
    r.stakeholder_type = "government";
    r.email = "ana@example.org";
    r.language = "en";
    r.answers[1] = "An answer.";
    r.consent_publish = true;
    return r;
  }

  std::int64_t Count() {
    return db_->Read().QueryInt("SELECT count(*) FROM responses").value_or(-1);
  }

  static constexpr std::int64_t kUser = 7;
  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
  Limits limits_;
};

TEST_F(ConsultationTest, RejectsResponseAfterDeadline) {
  Make("past", Now() - 7200, Now() - 60);
  auto r = SubmitResponse(*db_, "past", Valid(), limits_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Code::kFailedPrecondition);
  EXPECT_NE(r.error().message.find("deadline"), std::string::npos);
  EXPECT_EQ(Count(), 0);
}

TEST_F(ConsultationTest, RejectsResponseBeforeOpening) {
  Make("future", Now() + 3600, Now() + 7200);
  auto r = SubmitResponse(*db_, "future", Valid(), limits_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Code::kFailedPrecondition);
  EXPECT_NE(r.error().message.find("not open yet"), std::string::npos);
}

TEST_F(ConsultationTest, EachInvalidFieldIsNamedAndNothingIsWritten) {
  Make("open", Now() - 60, Now() + 3600);
  struct Case {
    std::function<void(ResponseInput&)> spoil;
    std::string field;
    Code code;
  };
  std::vector<Case> cases = {
      {[](auto& r) { r.name = "  "; }, "name", Code::kInvalidArgument},
      {[](auto& r) { r.email = "ana@"; }, "email", Code::kInvalidArgument},
      {[](auto& r) { r.country = "EU"; }, "country", Code::kInvalidArgument},
      {[](auto& r) { r.stakeholder_type = "robot"; }, "stakeholder_type", Code::kInvalidArgument},
      {[](auto& r) { r.language = "de"; }, "language", Code::kInvalidArgument},
      {[](auto& r) { r.answers.clear(); }, "answers", Code::kInvalidArgument},
      {[](auto& r) { r.answers[7] = "x"; }, "answers.7", Code::kInvalidArgument},
      {[](auto& r) { r.answers[1] = std::string(20001, 'a'); }, "answers.1", Code::kTooLarge},
      {[](auto& r) { r.general_text = "\xff\xfe"; }, "general", Code::kInvalidArgument},
      {[](auto& r) { r.attachments.push_back({"x.exe", std::string("MZ\x90\0\3\0\0\0", 8) + std::string(200, '\0')}); },
       "attachments", Code::kInvalidArgument},
      {[](auto& r) { r.attachments.assign(6, {"a.txt", "text\n"}); }, "attachments", Code::kTooLarge},
  };
  for (const auto& c : cases) {
    ResponseInput in = Valid();
    c.spoil(in);
    auto r = SubmitResponse(*db_, "open", in, limits_);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.error().field, c.field);
    EXPECT_EQ(r.error().code, c.code) << c.field;
    EXPECT_EQ(r.error().message.rfind(c.field, 0), 0u) << r.error().message;
  }
  EXPECT_EQ(Count(), 0);
}

TEST_F(ConsultationTest, IdempotencyKeyReturnsTheFirstReceipt) {
  Make("open", Now() - 60, Now() + 3600);
  ResponseInput in = Valid();
  in.idempotency_key = "abc";
  auto first = SubmitResponse(*db_, "open", in, limits_);
  auto second = SubmitResponse(*db_, "open", in, limits_);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->reference, second->reference);
  EXPECT_FALSE(first->replayed);
  EXPECT_TRUE(second->replayed);
  EXPECT_EQ(Count(), 1);
}

// The copy of the answers opens only with the receipt's signed token: not with the reference
// alone, another response's token, an expired or altered one, nor after an erasure.
TEST_F(ConsultationTest, ReceiptCopyOpensOnlyWithItsOwnValidToken) {
  Make("open", Now() - 60, Now() + 3600);
  auto a = SubmitResponse(*db_, "open", Valid(), limits_);
  ResponseInput other = Valid();
  other.email = "other@example.org";
  auto b = SubmitResponse(*db_, "open", other, limits_);
  ASSERT_TRUE(a.ok() && b.ok());
  auto token_a = ReceiptToken(*db_, a->reference, Now() + 3600);
  auto token_b = ReceiptToken(*db_, b->reference, Now() + 3600);
  ASSERT_TRUE(token_a.ok() && token_b.ok());

  auto copy = FindReceiptCopy(*db_, a->reference, *token_a);
  ASSERT_TRUE(copy.ok()) << copy.error().message;
  EXPECT_EQ(copy->receipt.reference, a->reference);
  EXPECT_EQ(copy->response.answers.at(1), "An answer.");
  EXPECT_EQ(copy->response.email, "ana@example.org");

  auto refused = [&](const std::string& reference, const std::string& token) {
    auto r = FindReceiptCopy(*db_, reference, token);
    return !r.ok() && r.error().code == Code::kNotFound;
  };
  EXPECT_TRUE(refused(a->reference, ""));
  EXPECT_TRUE(refused(a->reference, *token_b));
  EXPECT_TRUE(refused(b->reference, *token_a));
  EXPECT_TRUE(refused("ZZZZ-ZZZZ", *token_a));
  auto expired = ReceiptToken(*db_, a->reference, Now() - 1);
  ASSERT_TRUE(expired.ok());
  EXPECT_TRUE(refused(a->reference, *expired));
  std::string altered = *token_a;
  altered.back() = altered.back() == 'A' ? 'B' : 'A';
  EXPECT_TRUE(refused(a->reference, altered));
  // Another purpose's token for the same reference (the confirmation link's "c") is refused.
  EXPECT_TRUE(refused(a->reference, "c" + token_a->substr(1)));

  ASSERT_TRUE(EraseRespondent(*db_, kUser, a->response_id).ok());
  EXPECT_TRUE(refused(a->reference, *token_a));
  EXPECT_TRUE(FindReceiptCopy(*db_, b->reference, *token_b).ok());
}

TEST(MaskEmail, KeepsTheFirstCharacterAndTheDomain) {
  EXPECT_EQ(MaskEmail("lucia@example.org"), "l\u2022\u2022\u2022@example.org");
  EXPECT_EQ(MaskEmail("\u00e9lise@example.fr"), "\u00e9\u2022\u2022\u2022@example.fr");
  EXPECT_EQ(MaskEmail("x@example.org"), "x\u2022\u2022\u2022@example.org");
  EXPECT_EQ(MaskEmail("nonsense"), "\u2022\u2022\u2022");
}

// The confirmation mail is due with the response and queued once, in the respondent's
// language, by QueueConfirmationMails; an erasure before that leaves no mail at all.
TEST_F(ConsultationTest, ConfirmationMailIsQueuedOnceBehindTheWrite) {
  Make("open", Now() - 60, Now() + 3600);
  ResponseInput in = Valid();
  in.email = "due@example.org";
  in.mail_language = "zh";
  auto r = SubmitResponse(*db_, "open", in, limits_);
  ASSERT_TRUE(r.ok());
  auto mails_to = [&](const std::string& to) {
    return db_->Read()
        .QueryInt("SELECT count(*) FROM mail_outbox WHERE recipient = ?", to)
        .value_or(-1);
  };
  EXPECT_EQ(PendingConfirmationMails(*db_), 1);
  EXPECT_EQ(mails_to("due@example.org"), 0);  // only due: the writer composed nothing
  EXPECT_EQ(QueueConfirmationMails(*db_), 1);
  EXPECT_EQ(QueueConfirmationMails(*db_), 0);
  EXPECT_EQ(PendingConfirmationMails(*db_), 0);
  ASSERT_EQ(mails_to("due@example.org"), 1);
  auto linked = db_->Read().QueryInt(
      "SELECT count(*) FROM mail_outbox WHERE recipient = 'due@example.org' AND body LIKE ?",
      "%" + r->reference + "%/zh/confirm?token=%");
  EXPECT_EQ(linked.value_or(0), 1);

  in.email = "erased@example.org";
  auto erased = SubmitResponse(*db_, "open", in, limits_);
  ASSERT_TRUE(erased.ok());
  ASSERT_TRUE(EraseRespondent(*db_, kUser, erased->response_id).ok());
  EXPECT_EQ(PendingConfirmationMails(*db_), 0);
  EXPECT_EQ(QueueConfirmationMails(*db_), 0);
  EXPECT_EQ(mails_to("erased@example.org"), 0);
}

TEST_F(ConsultationTest, AttachmentTypeIsJudgedByContent) {
  Make("open", Now() - 60, Now() + 3600);
  ResponseInput in = Valid();
  in.attachments.push_back({"looks-like.pdf", "just some plain text\n"});
  auto r = SubmitResponse(*db_, "open", in, limits_);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM attachments WHERE media_type = 'text/plain'"),
            1);
}

TEST_F(ConsultationTest, PublishesOnlyAcceptedResponsesWhoseAuthorsConsented) {
  Make("open", Now() - 60, Now() + 3600);
  ResponseInput no_consent = Valid();
  no_consent.consent_publish = false;
  auto a = SubmitResponse(*db_, "open", Valid(), limits_);
  auto b = SubmitResponse(*db_, "open", no_consent, limits_);
  auto c = SubmitResponse(*db_, "open", Valid(), limits_);
  ASSERT_TRUE(Moderate(*db_, kUser, a->response_id, {"accept", "", {}}).ok());
  ASSERT_TRUE(Moderate(*db_, kUser, b->response_id, {"accept", "", {}}).ok());
  auto reject_without_reason = Moderate(*db_, kUser, c->response_id, {"reject", " ", {}});
  EXPECT_EQ(reject_without_reason.error().field, "reason");
  ASSERT_TRUE(Moderate(*db_, kUser, c->response_id, {"reject", "Off topic", {}}).ok());
  auto n = PublishAccepted(*db_, kUser, "open");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 1);
  auto cons = Get(*db_, "open");
  auto page = PublishedResponses(*db_, cons->id, 1, 50);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].reference, a->reference);
  EXPECT_TRUE(page.items[0].email.empty());  // never read for public pages
}

// Respondents whose address is confirmed hear, in their language, that their response was
// published or rejected (with the reason); an unconfirmed address gets nothing more.
TEST_F(ConsultationTest, RespondentsAreToldOfPublicationAndRejectionInTheirLanguage) {
  Make("open", Now() - 60, Now() + 3600);
  ResponseInput zh = Valid(), fr = Valid(), unconfirmed = Valid();
  zh.email = "li@example.org";
  zh.language = "zh";
  fr.email = "marie@example.org";
  fr.language = "fr";
  unconfirmed.email = "someone@example.org";
  auto a = SubmitResponse(*db_, "open", zh, limits_);
  auto b = SubmitResponse(*db_, "open", fr, limits_);
  auto c = SubmitResponse(*db_, "open", unconfirmed, limits_);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  ASSERT_TRUE(db_->Write<Ok>([&](storage::Connection& conn) -> Result<Ok> {
                   conn.Exec("UPDATE responses SET email_confirmed_at = 1 WHERE id IN (?, ?)",
                             a->response_id, b->response_id);
                   conn.Exec("DELETE FROM mail_outbox");  // the confirmation mails
                   return Ok{};
                 })
                  .ok());
  auto mails = [&](const std::string& to) {
    std::vector<std::pair<std::string, std::string>> out;
    storage::Stmt s(db_->Read(), "SELECT subject, body FROM mail_outbox WHERE recipient = ? ORDER BY id");
    s.BindAll(to);
    while (s.Step()) out.emplace_back(s.Text(0), s.Text(1));
    return out;
  };
  ASSERT_TRUE(Moderate(*db_, kUser, a->response_id, {"accept", "", {}}).ok());
  ASSERT_TRUE(Moderate(*db_, kUser, b->response_id, {"reject", "Hors sujet.", {}}).ok());
  ASSERT_TRUE(Moderate(*db_, kUser, c->response_id, {"reject", "Off topic.", {}}).ok());
  EXPECT_TRUE(mails("li@example.org").empty());  // accepting says nothing yet
  auto published = PublishAccepted(*db_, kUser, "open");
  ASSERT_TRUE(published.ok());
  ASSERT_EQ(*published, 1);
  auto li = mails("li@example.org");
  ASSERT_EQ(li.size(), 1u);
  EXPECT_EQ(li[0].first, "您对“主题”的回复已公布");
  EXPECT_NE(li[0].second.find("（编号" + a->reference + "）已与其他回复一并公布"), std::string::npos);
  EXPECT_NE(li[0].second.find("/zh/consultations/open/responses"), std::string::npos);
  auto marie = mails("marie@example.org");
  ASSERT_EQ(marie.size(), 1u);
  // The title has no French version: the English one, as the public pages fall back.
  EXPECT_EQ(marie[0].first, "Votre réponse à «\u00a0Topic\u00a0» n’a pas été acceptée");
  EXPECT_NE(marie[0].second.find("pour la raison suivante\u00a0:\nHors sujet."), std::string::npos);
  EXPECT_TRUE(mails("someone@example.org").empty());
  // Rejecting again tells nobody twice.
  ASSERT_TRUE(Moderate(*db_, kUser, b->response_id, {"reject", "Hors sujet.", {}}).ok());
  EXPECT_EQ(mails("marie@example.org").size(), 1u);
}

TEST_F(ConsultationTest, RedactionReplacesTextAndAuditsTheOldText) {
  Make("open", Now() - 60, Now() + 3600);
  ResponseInput in = Valid();
  in.answers[1] = "Reach me at ana@example.org";
  auto r = SubmitResponse(*db_, "open", in, limits_);
  auto red = Moderate(*db_, kUser, r->response_id, {"redact", "", {{"1", "Reach me at [removed]"}}});
  ASSERT_TRUE(red.ok()) << red.error().message;
  EXPECT_EQ(red->answers.at(1), "Reach me at [removed]");
  EXPECT_TRUE(red->redacted);
  storage::Stmt s(db_->Read(),
                  "SELECT user_id, before FROM audit_log WHERE action = 'response.redact'");
  ASSERT_TRUE(s.Step());
  EXPECT_EQ(s.Int(0), 7);
  EXPECT_NE(s.Text(1).find("ana@example.org"), std::string::npos);
  auto bad = Moderate(*db_, kUser, r->response_id, {"redact", "", {{"9", "x"}}});
  EXPECT_EQ(bad.error().code, Code::kInvalidArgument);
}

TEST_F(ConsultationTest, RedactionRefusesAQuestionNumberWithTrailingCharacters) {
  Make("open", Now() - 60, Now() + 3600);
  ResponseInput in = Valid();
  in.answers[1] = "Reach me at ana@example.org";
  auto r = SubmitResponse(*db_, "open", in, limits_);
  ASSERT_TRUE(r.ok());
  for (const char* key : {"1abc", " 1", "+1", "1.0"}) {
    auto bad = Moderate(*db_, kUser, r->response_id, {"redact", "", {{key, "[removed]"}}});
    ASSERT_FALSE(bad.ok()) << key;
    EXPECT_EQ(bad.error().code, Code::kInvalidArgument) << key;
    EXPECT_EQ(bad.error().field, key);
  }
  auto kept = GetResponse(*db_, r->response_id);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->answers.at(1), "Reach me at ana@example.org");
  EXPECT_FALSE(kept->redacted);
}

TEST_F(ConsultationTest, AuditLogRefusesUpdatesAndDeletes) {
  Make("open", Now() - 60, Now() + 3600);
  EXPECT_THROW(db_->Read().ExecScript("UPDATE audit_log SET action = 'x'"), std::runtime_error);
  EXPECT_THROW(db_->Read().ExecScript("DELETE FROM audit_log"), std::runtime_error);
}

TEST_F(ConsultationTest, ExtendingTheDeadlineReopensAndKeepsHistory) {
  Make("late", Now() - 7200, Now() - 60);
  auto earlier = ExtendDeadline(*db_, kUser, "late", FormatIso(Now() - 3600), json::value("why"));
  EXPECT_EQ(earlier.error().field, "deadline");
  auto no_reason = ExtendDeadline(*db_, kUser, "late", FormatIso(Now() + 3600), json::value(""));
  EXPECT_EQ(no_reason.error().field, "reason");
  auto ok = ExtendDeadline(*db_, kUser, "late", FormatIso(Now() + 3600), json::value("More time"));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(StatusOf(*ok, Now()), "open");
  ASSERT_EQ(ok->extensions.size(), 1u);
  EXPECT_TRUE(SubmitResponse(*db_, "late", Valid(), limits_).ok());
}

TEST_F(ConsultationTest, StatisticsCountByTypeCountryRegionAndLanguage) {
  Make("open", Now() - 60, Now() + 3600);
  for (auto [country, type, lang] : {std::tuple{"BR", "government", "es"},
                                     {"CN", "civil_society", "zh"},
                                     {"CH", "civil_society", "fr"}}) {
    ResponseInput in = Valid();
    in.country = country;
    in.stakeholder_type = type;
    in.language = lang;
    ASSERT_TRUE(SubmitResponse(*db_, "open", in, limits_).ok());
  }
  auto s = ComputeStatistics(*db_, "open");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->total, 3);
  EXPECT_EQ(s->by_region.at("A"), 1);
  EXPECT_EQ(s->by_region.at("B"), 1);
  EXPECT_EQ(s->by_region.at("E"), 1);
  EXPECT_EQ(s->by_m49_region.at("030"), 1);
  EXPECT_EQ(s->by_language.at("zh"), 1);
  auto civil = std::find_if(s->by_stakeholder_type.begin(), s->by_stakeholder_type.end(),
                            [](const auto& kn) { return kn.first == "civil_society"; });
  ASSERT_NE(civil, s->by_stakeholder_type.end());
  EXPECT_EQ(civil->second, 2);
  EXPECT_EQ(StatisticsCsv(*s).substr(0, 38), "dimension,key,count\r\nresponses,total,3");
}

// A key that a spreadsheet would run as a formula is written as text.
TEST(StatisticsCsv, NeutralisesFormulasInKeys) {
  Statistics s;
  s.total = 2;
  s.by_stakeholder_type = {{"=HYPERLINK(\"http://evil.example\")", 1}};
  s.by_country = {{"@SUM(A1)", 1}, {"+1", 1}, {"-1", 1}};
  std::string csv = StatisticsCsv(s);
  EXPECT_NE(csv.find("stakeholder_type,\"'=HYPERLINK(\"\"http://evil.example\"\")\",1\r\n"),
            std::string::npos) << csv;
  EXPECT_NE(csv.find("country,'@SUM(A1),1\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("country,'+1,1\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("country,'-1,1\r\n"), std::string::npos) << csv;
}

TEST_F(ConsultationTest, ReportUsesPluralFormsInEnglishAndChinese) {
  Make("open", Now() - 60, Now() + 3600);
  ASSERT_TRUE(SubmitResponse(*db_, "open", Valid(), limits_).ok());
  auto en = ReportParagraph(*db_, "open", "en");
  ASSERT_TRUE(en.ok());
  EXPECT_NE(en->find("1 response from stakeholders and regions (1 from a government)"),
            std::string::npos)
      << *en;
  EXPECT_NE(en->find("No response is published yet"), std::string::npos) << *en;
  ResponseInput second = Valid();
  second.stakeholder_type = "international_organization";
  ASSERT_TRUE(SubmitResponse(*db_, "open", second, limits_).ok());
  en = ReportParagraph(*db_, "open", "en");
  EXPECT_NE(en->find("2 responses from stakeholders and regions (1 from a government and 1 from "
                     "an international organization)"),
            std::string::npos)
      << *en;
  auto zh = ReportParagraph(*db_, "open", "zh");
  EXPECT_NE(zh->find("2份回复（来自1个政府和1个国际组织）"), std::string::npos) << *zh;
  EXPECT_EQ(ReportParagraph(*db_, "open", "xx").error().field, "lang");
}

// Before any response: the paragraph says none came, in every language, with no empty list of
// stakeholders ("()", "（来自）").
TEST_F(ConsultationTest, ReportSaysNoResponseCameBeforeAny) {
  Make("quiet", Now() - 60, Now() + 3600);
  const std::map<std::string, std::string> none = {
      {"en", "It received no responses."},       {"fr", "Elle n’a reçu aucune réponse."},
      {"es", "No se recibió ninguna respuesta."}, {"ru", "не было получено ни одного ответа."},
      {"zh", "未收到任何回复。"},                 {"ar", "ولم تتلق أي رد."}};
  for (const auto& [lang, sentence] : none) {
    auto p = ReportParagraph(*db_, "quiet", lang);
    ASSERT_TRUE(p.ok()) << lang;
    EXPECT_NE(p->find(sentence), std::string::npos) << lang << ": " << *p;
    for (const char* empty : {"()", "（来自）", "( )"})
      EXPECT_EQ(p->find(empty), std::string::npos) << lang << ": " << *p;
  }
  ASSERT_TRUE(SubmitResponse(*db_, "quiet", Valid(), limits_).ok());
  EXPECT_NE(ReportParagraph(*db_, "quiet", "en")->find("1 response from stakeholders"),
            std::string::npos);
}

// A title stored in one language only: the paragraph in another names it as pages pick it (the
// first language it has, not an empty “”), and ReportSentence marks it with its own language.
TEST_F(ConsultationTest, ReportMarksATitleOfAnotherLanguage) {
  for (const auto& [key, title, lang] : {std::tuple{"english-only", "Views in English", "en"},
                                         std::tuple{"chinese-only", "仅有中文的标题", "zh"}}) {
    ConsultationInput in;
    in.key = key;
    in.body = "wg";
    in.title = json::object{{lang, title}};
    in.questions = {json::value(json::object{{lang, "?"}})};
    in.opens_at = FormatIso(Now() - 60);
    in.deadline = FormatIso(Now() + 3600);
    in.timezone = "UTC";
    ASSERT_TRUE(Create(*db_, kUser, in).ok()) << key;
    for (const std::string reader : {"ar", "zh", "en"}) {
      auto s = ReportSentence(*db_, key, reader);
      ASSERT_TRUE(s.ok()) << reader;
      EXPECT_NE(s->text.find(title), std::string::npos) << reader << ": " << s->text;
      EXPECT_EQ(*ReportParagraph(*db_, key, reader), s->text);
      const std::string span = std::string("<span lang=\"") + lang + "\" dir=\"ltr\">" + title + "</span>";
      const auto runs = s->Runs();
      if (reader == lang) {
        EXPECT_EQ(s->Html().find("<span lang"), std::string::npos) << s->Html();
        ASSERT_EQ(runs.size(), 1u);
        continue;
      }
      EXPECT_NE(s->Html().find(span), std::string::npos) << reader << ": " << s->Html();
      ASSERT_EQ(runs.size(), 3u) << reader;
      EXPECT_EQ(runs[1].text, title);
      EXPECT_EQ(runs[1].lang, lang);
      EXPECT_EQ(runs[0].lang, reader);
      EXPECT_EQ(runs[2].lang, reader);
      // The report's own title names it so too.
      auto doc = ConsultationReportDocument(*db_, key, reader);
      ASSERT_TRUE(doc.ok()) << reader;
      ASSERT_EQ(doc->title_languages.size(), 1u) << reader << ": " << doc->title;
      const auto& part = doc->title_languages[0];
      EXPECT_EQ(doc->title.substr(part.begin, part.end - part.begin), title) << reader;
      EXPECT_EQ(part.lang, lang) << reader;
    }
  }
}

TEST(Demo, LoadsTheFiguresOfTheChairsReport) {
  InitCrypto();
  auto path = std::filesystem::temp_directory_path() / ("plenary-demo-" + RandomToken(8) + ".db");
  {
    storage::Database db(path.string());
    ASSERT_TRUE(demo::IsEmpty(db));
    ASSERT_TRUE(demo::Load(db).ok());
    EXPECT_FALSE(demo::Load(db).ok());  // only into an empty database
    auto env = ComputeStatistics(db, "environment");
    EXPECT_EQ(env->total, 20);
    EXPECT_EQ(*env->registered, 111);
    EXPECT_EQ(*env->attended, 60);
    auto covid = ComputeStatistics(db, "covid19");
    EXPECT_EQ(covid->total, 17);
    EXPECT_EQ(*covid->registered, 150);
    EXPECT_EQ(*covid->attended, 75);
    auto open = Get(db, "ai-public-policy");
    EXPECT_EQ(StatusOf(*open, Now()), "open");
    // The report paragraph in the six languages, with each language's plural forms.
    const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
        {"en", {"20 responses", "3 from governments", "111 registered participants",
                "more than 60 active participants"}},
        {"zh", {"20份回复", "3个政府", "111名注册与会者", "60多名"}},
        {"fr", {"20 réponses", "3 de gouvernements", "111 participants inscrits",
                "plus de 60 participants actifs"}},
        {"es", {"20 respuestas", "3 de gobiernos", "111 participantes inscritos",
                "más de 60 participantes activos"}},
        {"ru", {"20 ответов", "3 ответа от правительств", "111 зарегистрированных участников",
                "более 60 активных участников"}},
        {"ar", {"20 ردًا", "3 ردود من الحكومات", "111 مشاركًا مسجلًا", "أكثر من 60 مشاركًا"}},
    };
    for (const auto& [lang, parts] : expected) {
      auto p = ReportParagraph(db, "environment", lang);
      ASSERT_TRUE(p.ok()) << lang;
      for (const auto& part : parts) EXPECT_NE(p->find(part), std::string::npos) << lang << ": " << *p;
    }
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

// The demo's open consultation is placed relative to the moment of loading, so a demo loaded
// in any year has one: opened some days before, closing some weeks after.
TEST(Demo, TheOpenConsultationIsOpenWhenLoadedInAnyYear) {
  InitCrypto();
  for (const char* at : {"2032-03-01T09:00:00Z", "2099-12-31T23:00:00Z", "2021-06-15T12:00:00Z"}) {
    auto now = ParseIso(at);
    ASSERT_TRUE(now) << at;
    auto path =
        std::filesystem::temp_directory_path() / ("plenary-demo-" + RandomToken(8) + ".db");
    {
      storage::Database db(path.string());
      ASSERT_TRUE(demo::Load(db, *now).ok()) << at;
      auto open = Get(db, "ai-public-policy");
      ASSERT_TRUE(open.ok()) << at;
      EXPECT_EQ(StatusOf(*open, *now), "open") << at;
      EXPECT_LE(open->opens_at, *now - 7 * 86400) << at;
      EXPECT_GE(open->deadline, *now + 28 * 86400) << at;
      EXPECT_EQ(StatusOf(*open, *now + 28 * 86400), "open") << at;
      EXPECT_EQ(StatusOf(*open, *now + 60 * 86400), "closed") << at;
      // The past consultations keep their dates.
      auto env = Get(db, "environment");
      ASSERT_TRUE(env.ok());
      EXPECT_EQ(FormatIso(env->opens_at).substr(0, 4), "2021");
    }
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path.string() + suffix);
  }
}

// What a submission checks outside its transaction (the consultation, its questions, the
// stakeholder types) is kept per thread between submissions: a write that changes any of it
// is seen by the very next submission.
TEST_F(ConsultationTest, ASubmissionSeesTheQuestionsAndTypesAsTheyAreNow) {
  Instant now = Now();
  auto c = Make("open", now - 3600, now + 3600);
  auto with = [](int question, const std::string& type) {
    ResponseInput r = Valid();
    r.answers.clear();
    r.answers[question] = "An answer.";
    r.stakeholder_type = type;
    return r;
  };
  ASSERT_TRUE(SubmitResponse(*db_, "open", with(1, "government"), limits_).ok());
  auto third = SubmitResponse(*db_, "open", with(3, "government"), limits_);
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().field, "answers.3");
  auto odd = SubmitResponse(*db_, "open", with(1, "guild"), limits_);
  ASSERT_FALSE(odd.ok());
  EXPECT_EQ(odd.error().field, "stakeholder_type");
  EXPECT_EQ(internal::SubmissionTarget(*db_, "open"), c.id);
  EXPECT_EQ(internal::SubmissionTarget(*db_, "closed"), std::nullopt);
  // A third question, a new type, another consultation: each seen at once.
  ASSERT_TRUE(db_->Write<Ok>([&](storage::Connection& conn) -> Result<Ok> {
                   conn.Exec("INSERT INTO questions(consultation_id, number, text) "
                             "VALUES(?, 3, '{\"en\":\"Third?\"}')",
                             c.id);
                   return Ok{};
                 }).ok());
  ASSERT_TRUE(meetings::AddStakeholderType(*db_, kUser, "admin", "guild",
                                           json::object{{"en", "Guild"}})
                  .ok());
  auto closed = Make("closed", now - 3600, now + 3600);
  auto again = SubmitResponse(*db_, "open", with(3, "guild"), limits_);
  EXPECT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(internal::SubmissionTarget(*db_, "closed"), closed.id);
  // A question taken away is refused again.
  ASSERT_TRUE(db_->Write<Ok>([&](storage::Connection& conn) -> Result<Ok> {
                   conn.Exec("DELETE FROM answers WHERE question_number = 3");
                   conn.Exec("DELETE FROM questions WHERE consultation_id = ? AND number = 3",
                             c.id);
                   return Ok{};
                 }).ok());
  auto gone = SubmitResponse(*db_, "open", with(3, "government"), limits_);
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().field, "answers.3");
}

}  // namespace
}  // namespace plenary::consultations

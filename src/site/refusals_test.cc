// Refusals of the public forms and the API's JSON errors are said in the reader's language, with
// a label for every field the use cases name.
#include "site/refusals.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "accounts/accounts.h"
#include "base/random.h"
#include "http/templates.h"
#include "site/desk.h"
#include "storage/db.h"
#include "testing/testdata.h"
#include "text/messages.h"

namespace plenary::site {
namespace {

TEST(RefusalText, FormRefusalsAreTranslated) {
  EXPECT_EQ(RefusalText(InvalidArgument("email", "email: not a valid e-mail address"), "fr"),
            "Cette adresse électronique n’est pas valide.");
  EXPECT_EQ(RefusalText(InvalidArgument("country",
                                        "country: must be an ISO 3166-1 alpha-2 code such as CH"),
                        "es"),
            "Elija un país de la lista.");
  EXPECT_EQ(RefusalText(InvalidArgument("name", "name: required"), "zh"), "“姓名”为必填项。");
  // A provision's language emptied in its six-language form.
  const Error emptied = InvalidArgument(
      "text.en", "text.en: must not be empty; a language of a provision, once written, is not "
                 "removed");
  EXPECT_EQ(RefusalText(emptied, "en"),
            "“Text (English)” cannot be emptied: a provision’s text in a language, once written, is "
            "kept. Type its new wording instead, or mark it as a draft if it is not final yet.");
  EXPECT_EQ(RefusalText(emptied, "zh"),
            "“案文（英文）”不能清空：条款某一语文的文本一经写入即予保留。请改为输入新的措辞；如尚未定稿，"
            "可将其标为草稿。");
  EXPECT_EQ(RefusalText(Error{Code::kTooLarge, "answers.2: at most 20000 characters", "answers.2"},
                        "fr"),
            "Le champ «\u00a0Réponse à la question 2\u00a0» est limité à 20\u202f000 caractères.");
  EXPECT_EQ(RefusalText(InvalidArgument("attachments", "attachments: \"a.exe\" is "
                                                       "application/x-dosexec; only PDF, DOCX, "
                                                       "ODT and plain text files are accepted"),
                        "ru"),
            "Файл «a.exe» не является файлом PDF, DOCX, ODT или простым текстом.");
  EXPECT_EQ(RefusalText(InvalidArgument("meetings", "meetings: x is not a meeting number"), "ar"),
            "اذكر أرقام اجتماعات هذا الفريق التي عُقدت، مفصولة بفواصل (مثلًا 16,17).");
}

TEST(RefusalText, EnglishKeepsTheRuleAndUnknownRefusalsSayWhatTheirCodeMeans) {
  EXPECT_EQ(RefusalText(InvalidArgument("email", "email: not a valid e-mail address"), "en"),
            "This is not a valid e-mail address.");
  EXPECT_EQ(RefusalText(NotFound("consultation x: no such consultation"), "fr"),
            "Cette page n’existe pas ou ne vous est pas accessible.");
  EXPECT_EQ(RefusalText(NotFound("consultation x: no such consultation"), "en"),
            "This page does not exist, or it is not available to you.");
  // A precondition keeps its informative rule in English, as a sentence without a field code.
  EXPECT_EQ(RefusalText(Error{Code::kFailedPrecondition, "status: the consultation is open",
                              "status"},
                        "en"),
            "“Status”: the consultation is open.");
  EXPECT_EQ(RefusalText(Error{Code::kFailedPrecondition, "status: the consultation is open",
                              "status"},
                        "ru"),
            "Эта операция невозможна при текущем состоянии этого элемента.");
  Error limited{Code::kRateLimited, "rate limit: too many responses from your address", ""};
  limited.retry_after_seconds = 61;
  EXPECT_EQ(RefusalText(limited, "es"),
            "Se han recibido demasiadas solicitudes en poco tiempo. Espere 2 minutos y vuelva a "
            "intentarlo.");
}

// Every rule wording of refusals.h, with the field's label, in a language each.
TEST(RefusalText, RuleWordingsBecomeSentencesWithTheLabel) {
  EXPECT_EQ(RefusalText(InvalidArgument("title", "title: required"), "ar"),
            "الحقل «العنوان» إلزامي.");
  EXPECT_EQ(RefusalText(InvalidArgument("starts_on", "starts_on: expected YYYY-MM-DD"), "zh"),
            "“开始日期”须为日期（年-月-日，例如2027-03-31）。");
  EXPECT_EQ(RefusalText(InvalidArgument("kind", "kind: must be working_group, open_consultation "
                                                "or plenary"),
                        "es"),
            "Elija un valor de la lista «Tipo».");
  EXPECT_EQ(RefusalText(InvalidArgument("meeting", "meeting: no such meeting 99"), "en"),
            "Nothing matches the value of “Meeting”.");
  EXPECT_EQ(RefusalText(InvalidArgument("number", "number: a positive whole number"), "ru"),
            "В поле «Номер» должно быть целое число.");
  EXPECT_EQ(RefusalText(InvalidArgument("deadline", "deadline: must be after opens_at"), "en"),
            "“Deadline” must be later than “Opens”.");
  EXPECT_EQ(RefusalText(InvalidArgument("deadline", "deadline: the new deadline must be in the "
                                                    "future"),
                        "fr"),
            "Le champ «\u00a0Date limite\u00a0» doit indiquer une date future.");
  // A range of years is written as years are, without a thousands separator.
  EXPECT_EQ(RefusalText(InvalidArgument("res_adopted_year",
                                        "res_adopted_year: must be a whole number from 1865 to 2200"),
                        "en", "", "Year"),
            "“Year” must be a whole number from 1865 to 2200.");
  EXPECT_EQ(RefusalText(InvalidArgument("page", "page: must be a whole number from 1 to 100000"),
                        "en", "", "Page"),
            "“Page” must be a whole number from 1 to 100,000.");
  // An unknown rule on a labelled field: English keeps it after the label, others say it is
  // not valid; never the field code.
  EXPECT_EQ(RefusalText(InvalidArgument("title", "title: must mention the body"), "en"),
            "“Title”: must mention the body.");
  EXPECT_EQ(RefusalText(InvalidArgument("title", "title: must mention the body"), "zh"),
            "“标题”无效。");
  EXPECT_EQ(RefusalText(InvalidArgument("xyz_code", "xyz_code: bad"), "fr"),
            "Le formulaire n’a pas pu être accepté. Vérifiez les informations saisies et "
            "envoyez-le de nouveau.");
}

// A revision issued by someone else while the page was open (drafting's IssueRevision, 409):
// which document the text is now and what to do, in the reader's language, never the generic
// "conflict" sentence.
TEST(RefusalText, ANegotiatedTextsAccessLooserThanItsDocumentsNamesBothLevels) {
  const Error looser = InvalidArgument(
      "access", "access: public is looser than the document's level (secretariat)");
  EXPECT_EQ(RefusalText(looser, "en"),
            "“Access”: “Public” would be looser than the document’s own access, “Secretariat "
            "only”. Choose that level or a stricter one.");
  EXPECT_EQ(RefusalText(looser, "zh"),
            "“查阅权限”：“公开”比文件本身的查阅权限（“仅限秘书处”）更宽松。请选择该级别或更严的级别。");
}

TEST(RefusalText, ARevisionIssuedMeanwhileSaysWhatTheTextIsNowAndWhatToDo) {
  const Error e{Code::kConflict, "version: the text was revised meanwhile (it is now C22/32(Rev.2))",
                "version"};
  EXPECT_EQ(RefusalText(e, "zh"),
            "此案文在此期间已经修订，现为C22/32(Rev.2)。请重新加载页面查看该修订本，然后再印发新的修订本。");
  EXPECT_EQ(RefusalText(e, "ar"),
            "نُقّح هذا النص في هذه الأثناء، وأصبح الآن الوثيقة C22/32(Rev.2). أعد تحميل الصفحة "
            "للاطلاع على هذا التنقيح قبل إصدار تنقيح آخر.");
  EXPECT_EQ(RefusalText(e, "en"),
            "This text was revised meanwhile: it is now C22/32(Rev.2). Reload the page to see that "
            "revision before issuing another.");
}

// A document's language file refused: its size and type said with the form's label, never a
// media type; the public form's attachments keep their own sentence.
TEST(RefusalText, AFileOfAFormsFieldIsNamedByItsLabelWithoutItsMediaType) {
  const Error type = InvalidArgument(
      "file", "file: \"a.exe\" is application/x-dosexec; only PDF, DOCX, ODT and plain text files "
              "are accepted");
  EXPECT_EQ(RefusalText(type, "zh", "UTC", "文件"), "“文件”：文件“a.exe”不是PDF、DOCX、ODT或纯文本文件。");
  EXPECT_EQ(RefusalText(type, "en", "UTC", "File"),
            "“File”: the file “a.exe” is not a PDF, DOCX, ODT or plain text file.");
  const Error big{Code::kTooLarge, "file: larger than 20971520 bytes", "file"};
  EXPECT_EQ(RefusalText(big, "ar", "UTC", "الملف"), "يجب ألا يتجاوز حجم «الملف» 20 ميغابايت.");
  const Error part{Code::kTooLarge, "file: file larger than 20 MiB", "file"};
  EXPECT_EQ(RefusalText(part, "en", "UTC", "File"), "“File” must be a file of at most 20 MB.");
  const Error attachment{Code::kTooLarge, "attachments: file larger than 10 MiB", "attachments"};
  EXPECT_EQ(RefusalText(attachment, "en"), "Each attached file must be at most 10 MB.");
}

// An upload that is not the file its form asks for says what is wrong with it, not only that the
// field is not valid.
TEST(RefusalText, AnUploadOfTheWrongKindSaysWhatItLacks) {
  const Error zoom = InvalidArgument(
      "file", "file: no Zoom participant header (expected a line with \"Name (Original Name)\" "
              "and \"Duration (Minutes)\" columns within the first 50 lines)");
  EXPECT_EQ(RefusalText(zoom, "zh", "UTC", "出席记录"),
            "“出席记录”不是Zoom参会者报告：没有任何一行包含“Name (Original Name)”和“Duration "
            "(Minutes)”两列。");
  const Error column = InvalidArgument("csv", "csv: the header has no \"number\" column");
  EXPECT_EQ(RefusalText(column, "ar", "UTC", "ملف CSV"), "ليس في سطر العناوين للملف «ملف CSV» عمود «number».");
  EXPECT_EQ(RefusalText(column, "en", "UTC", "CSV file"), "“CSV file”: the header has no column “number”.");
  EXPECT_EQ(RefusalText(InvalidArgument("files", "files: not a ZIP file"), "fr", "UTC", "Fichiers"),
            "«\u00a0Fichiers\u00a0» n’est pas un fichier ZIP.");
}

// A time in a refusal is shown in the consultation's zone and the reader's format: 2027-01-15
// 16:00 UTC is 17:00 in Geneva (CET, UTC+1 in January).
TEST(RefusalText, TimesAreInTheConsultationsZone) {
  const Error e = InvalidArgument(
      "deadline", "deadline: must be later than the current deadline 2027-01-15T16:00:00Z");
  const std::string en = RefusalText(e, "en", "Europe/Zurich");
  EXPECT_NE(en.find("“Deadline” must be later than the current deadline ("), std::string::npos)
      << en;
  EXPECT_NE(en.find("17:00"), std::string::npos) << en;
  EXPECT_EQ(en.find("T16"), std::string::npos) << en;
  const std::string zh = RefusalText(e, "zh", "Europe/Zurich");
  EXPECT_NE(zh.find("2027年1月15日"), std::string::npos) << zh;
  EXPECT_NE(zh.find("17:00"), std::string::npos) << zh;
}

TEST(FormErrors, FillsTheSummaryAndEachFieldsMessage) {
  FormErrors errors("fr");
  errors.Add(InvalidArgument("name", "name: required"));
  errors.Add(InvalidArgument("answers.2", "answers.2: not valid UTF-8"), "answer_2");
  errors.Add(Error{Code::kPermissionDenied, "csrf: expired", "csrf"});
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors.MessageFor("name"), "Le champ «\u00a0Nom\u00a0» est obligatoire.");
  EXPECT_EQ(errors.MessageFor("answer_2"),
            "Le champ «\u00a0Réponse à la question 2\u00a0» contient des caractères non valides.");
  EXPECT_EQ(errors.MessageFor("csrf"), std::nullopt);  // no input: listed without a link
  http::LoadTemplates();  // form_errors.tpl
  ASSERT_TRUE(ctemplate::StringToTemplateCache(
      "refusals_test.tpl",
      "{{%AUTOESCAPE context=\"HTML\"}}{{>FORM_ERRORS}}|{{#E_name}}[{{E_ID}}: {{E_MSG}}]{{/E_name}}"
      "{{#E_answer_2}}[{{E_ID}}]{{/E_answer_2}}{{#E_csrf}}csrf{{/E_csrf}}",
      ctemplate::STRIP_BLANK_LINES));
  ctemplate::TemplateDictionary d("test");
  errors.Fill(&d);
  const std::string html = http::Render("refusals_test.tpl", d);
  EXPECT_NE(html.find("<div class=\"error-summary\" id=\"error-summary\" tabindex=\"-1\" autofocus"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<li><a href=\"#name\">Le champ «\u00a0Nom\u00a0» est obligatoire.</a></li>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<li>Le formulaire a expiré"), std::string::npos) << html;  // no link
  EXPECT_NE(html.find("|[name: Le champ «\u00a0Nom\u00a0» est obligatoire.][answer_2]"),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("csrf"), std::string::npos) << html;
}

TEST(FormErrors, NothingWithoutAnError) {
  FormErrors errors("en");
  EXPECT_TRUE(errors.empty());
  http::LoadTemplates();
  ASSERT_TRUE(ctemplate::StringToTemplateCache(
      "refusals_empty_test.tpl", "{{%AUTOESCAPE context=\"HTML\"}}[{{>FORM_ERRORS}}]",
      ctemplate::STRIP_BLANK_LINES));
  ctemplate::TemplateDictionary d("test");
  errors.Fill(&d);
  EXPECT_EQ(http::Render("refusals_empty_test.tpl", d), "[]");
}

// Every field a use case names in a refusal (InvalidArgument("field", …) or Error{code, …,
// "field"} in src/), read from the sources so that a new field without a label fails here.
std::map<std::string, std::string> FieldsNamedInSources() {
  static const std::regex kInvalid(R"re(InvalidArgument\(\s*"([^"]+)")re");
  static const std::regex kError(R"re(Code::k\w+\s*,[^;]*?,\s*"([^"]+)"\s*\})re");
  std::map<std::string, std::string> fields;  // field → a file naming it
  const auto src = testdata::TestDataDir().parent_path() / "src";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(src)) {
    const std::string path = entry.path().string();
    if (!entry.is_regular_file() || !path.ends_with(".cc") || path.ends_with("_test.cc")) continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string code = text.str();
    for (const auto* re : {&kInvalid, &kError})
      for (std::sregex_iterator it(code.begin(), code.end(), *re), end; it != end; ++it)
        fields.emplace((*it)[1].str(), entry.path().filename().string());
  }
  return fields;
}

TEST(FieldLabel, EveryFieldTheUseCasesNameHasALabelInSixLanguages) {
  // Names that never reach a reader's page or an API client: options of the command line, the
  // test corpora, the renderers' and the mailer's internal checks.
  static const std::set<std::string> kNotShown = {
      "--trusted-proxy", "backup", "source", "corpus", "expect", "format", "snapshot",
      "recipient", "ip_retention_days", "csrf", "now", "password-reset-seconds"};
  const auto fields = FieldsNamedInSources();
  ASSERT_GT(fields.size(), 80u);
  ASSERT_TRUE(fields.contains("member_state"));
  for (const auto& [field, file] : fields) {
    if (kNotShown.contains(field)) continue;
    // "answers." + number: a prefix the code completes.
    const std::string name = field.ends_with(".") ? field + "1" : field;
    for (const auto& lang : text::Languages()) {
      const std::string label = FieldLabel(name, lang);
      EXPECT_FALSE(label.empty()) << "“" << field << "” (" << file << ") has no label in "
                                  << lang << ": add field_" << field << " to every catalogue";
      EXPECT_EQ(label.find('_'), std::string::npos) << lang << " " << field << ": " << label;
    }
  }
}

TEST(FieldLabel, PartsOfAFieldAreNamedByTheWholeAndTheLanguage) {
  EXPECT_EQ(FieldLabel("title.fr", "zh"), "标题（法文）");
  EXPECT_EQ(FieldLabel("title.zh", "en"), "Title (Chinese)");
  EXPECT_EQ(FieldLabel("questions[1].text", "fr"), "Questions");
  EXPECT_EQ(FieldLabel("Content-Type", "ru"), "Тип содержимого запроса");
  EXPECT_EQ(FieldLabel("nothing_like_this", "ru"), "");
}

// The request's own body is not a body of the Council.
TEST(RefusalText, TheRequestBodyIsNotACouncilBody) {
  EXPECT_EQ(RefusalText(InvalidArgument("body", "body: malformed JSON (syntax error)"), "fr"),
            "Le champ «\u00a0Contenu de la requête\u00a0» n’est pas valide.");
  EXPECT_EQ(RefusalText(InvalidArgument("body", "body: no such body xyz"), "fr"),
            "Aucun élément ne correspond à la valeur du champ «\u00a0Organe\u00a0».");
}

// Every code of a refusal without a field has its sentence in every catalogue, and it is not
// the English one (English keeps the rule of a conflict: the staff must see what it is).
TEST(RefusalText, EveryCodeHasItsSentenceInEveryLanguage) {
  for (Code code : {Code::kInvalidArgument, Code::kUnauthenticated, Code::kPermissionDenied,
                    Code::kNotFound, Code::kFailedPrecondition, Code::kConflict, Code::kTooLarge,
                    Code::kRateLimited, Code::kResourceExhausted, Code::kInternal}) {
    const Error e{code, "server: something English", ""};
    const std::string en = RefusalText(e, "en");
    EXPECT_FALSE(en.empty());
    for (const auto& lang : text::Languages()) {
      if (lang == "en") continue;
      const std::string said = RefusalText(e, lang);
      EXPECT_EQ(said.find("something English"), std::string::npos) << lang << ": " << said;
      EXPECT_NE(said, en) << lang << " says it in English";
    }
  }
}

// The API's JSON errors: the message in the client's language, every other member kept.
TEST(LocalizeError, TheJsonMessageIsInTheClientsLanguage) {
  http::Request req;
  req.lang = "zh";
  http::Response resp = http::JsonError(InvalidArgument("name", "name: required"));
  LocalizeError(req, resp);
  const auto body = boost::json::parse(resp.body).as_object();
  const auto& error = body.at("error").as_object();
  EXPECT_EQ(error.at("code").as_string(), "invalid_argument");
  EXPECT_EQ(error.at("field").as_string(), "name");
  EXPECT_EQ(error.at("message").as_string(), "“姓名”为必填项。");
  EXPECT_EQ(resp.status, 400);
  bool language = false;
  for (const auto& [k, v] : resp.headers) language = language || (k == "Content-Language" && v == "zh");
  EXPECT_TRUE(language);
  // English keeps the use case's own words; an answer that is no error is left alone.
  req.lang = "en";
  http::Response en = http::JsonError(InvalidArgument("name", "name: required"));
  LocalizeError(req, en);
  EXPECT_EQ(boost::json::parse(en.body).at("error").at("message").as_string(), "name: required");
  req.lang = "ar";
  http::Response ok = http::Json(boost::json::object{{"message", "hello"}});
  LocalizeError(req, ok);
  EXPECT_EQ(ok.body, R"({"message":"hello"})");
}

// What a refused desk form kept (KeepTyped) is read back by the same session only, until
// kRefillSeconds after the refusal, then purged; a session that ends takes it along.
TEST(KeptTyped, SameSessionUntilItExpires) {
  InitCrypto();
  const auto path =
      std::filesystem::temp_directory_path() / ("plenary-kept-" + RandomToken(8) + ".db");
  {
    storage::Database db(path.string());
    ASSERT_TRUE(accounts::AddUser(db, "sec@example.int", "Sec", "secretariat",
                                  "a long enough password")
                    .ok());
    auto one = accounts::Login(db, "sec@example.int", "a long enough password");
    auto two = accounts::Login(db, "sec@example.int", "a long enough password");
    ASSERT_TRUE(one.ok() && two.ok());
    const std::string long_text(10000, 'x');
    const Typed typed = {{"c-desc", long_text + "\r\nlast line"}, {"c-key", ""}, {"c-tz", "Asia/Tokyo"}};
    const Instant now = 1'800'000'000;
    const std::string token = KeepTyped(db, one->first, typed, now);
    ASSERT_FALSE(token.empty());
    // Nothing typed in the token (a random token may hold an 'x', never the 10,000 of them
    // nor the other values); the values not empty, in the form's order.
    EXPECT_LT(token.size(), 64u);
    EXPECT_EQ(token.find("Tokyo"), std::string::npos);
    EXPECT_EQ(token.find("last"), std::string::npos);
    const Typed expected = {{"c-desc", long_text + "\r\nlast line"}, {"c-tz", "Asia/Tokyo"}};
    EXPECT_EQ(KeptTyped(db, one->first, token, now), expected);
    EXPECT_EQ(KeptTyped(db, one->first, token, now + kRefillSeconds - 1), expected);  // a reload
    EXPECT_TRUE(KeptTyped(db, two->first, token, now).empty()) << "another session";
    EXPECT_TRUE(KeptTyped(db, "", token, now).empty()) << "no session";
    EXPECT_TRUE(KeptTyped(db, one->first, RandomToken(16), now).empty()) << "another token";
    EXPECT_TRUE(KeptTyped(db, one->first, token, now + kRefillSeconds).empty()) << "expired";
    // Expired rows are purged, not only hidden.
    EXPECT_EQ(db.Read().QueryInt("SELECT count(*) FROM form_refills").value_or(-1), 0);
    // Nothing is kept without a session, or with nothing typed.
    EXPECT_TRUE(KeepTyped(db, "", typed, now).empty());
    EXPECT_TRUE(KeepTyped(db, RandomToken(), typed, now).empty()) << "a session that does not exist";
    EXPECT_TRUE(KeepTyped(db, one->first, {{"c-key", ""}}, now).empty());
    // Signing out takes what the session kept along.
    const std::string kept = KeepTyped(db, two->first, typed, now);
    ASSERT_FALSE(kept.empty());
    accounts::Logout(db, two->first);
    EXPECT_EQ(db.Read().QueryInt("SELECT count(*) FROM form_refills").value_or(-1), 0);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

}  // namespace
}  // namespace plenary::site

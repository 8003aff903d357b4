// Consultation queries and use cases on the SQL store.
#include "consultations/consultations.h"

#include <unicode/dtitvfmt.h>
#include <unicode/listformatter.h>
#include <unicode/numfmt.h>
#include <unicode/rbnf.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "accounts/tokens.h"
#include "audit/audit.h"
#include "base/parse.h"
#include "base/random.h"
#include "base/time.h"
#include "base/utf8.h"
#include "mail/mail.h"
#include "meetings/meetings.h"
#include "search/search.h"
#include "site/fields.h"
#include "site/site.h"
#include "text/countries.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::consultations {

namespace json = boost::json;
using site::CountChars;
using site::Multilingual;
using site::ParseJson;
using site::SniffType;
using site::Trim;
using storage::Connection;
using storage::Stmt;

namespace {


// A consultation's id from its numeric id or key.
std::optional<std::int64_t> ConsultationId(Connection& c, const std::string& id_or_key) {
  if (auto id = site::ParseId(id_or_key))
    return c.QueryInt("SELECT id FROM consultations WHERE id = ?", *id);
  return c.QueryInt("SELECT id FROM consultations WHERE key = ?", id_or_key);
}

constexpr char kSelect[] =
    "SELECT c.id, c.key, c.body_id, b.key, b.acronym, c.title, c.description, c.opens_at, "
    "c.deadline, c.timezone, c.launched_at_meeting_id, ml.number, c.considered_at_meeting_id, "
    "mc.number, c.meeting_id, c.summary, c.summary_published_at, c.illustrative "
    "FROM consultations c JOIN bodies b ON b.id = c.body_id "
    "LEFT JOIN meetings ml ON ml.id = c.launched_at_meeting_id "
    "LEFT JOIN meetings mc ON mc.id = c.considered_at_meeting_id ";

Consultation RowToConsultation(Stmt& s) {
  Consultation c;
  c.id = s.Int(0);
  c.key = s.Text(1);
  c.body_id = s.Int(2);
  c.body_key = s.Text(3);
  c.body_acronym = s.Text(4);
  c.title = ParseJson(s.Text(5));
  c.description = ParseJson(s.Text(6));
  c.opens_at = s.Int(7);
  c.deadline = s.Int(8);
  c.timezone = s.Text(9);
  c.launched_at_meeting_id = s.OptInt(10);
  if (!s.IsNull(11)) c.launched_at_meeting_number = static_cast<int>(s.Int(11));
  c.considered_at_meeting_id = s.OptInt(12);
  if (!s.IsNull(13)) c.considered_at_meeting_number = static_cast<int>(s.Int(13));
  c.meeting_id = s.OptInt(14);
  c.summary = s.IsNull(15) ? json::value(nullptr) : ParseJson(s.Text(15));
  c.summary_published_at = s.OptInt(16);
  c.illustrative = s.Int(17) != 0;
  return c;
}

void LoadDetails(Connection& conn, Consultation& c) {
  Stmt q(conn, "SELECT number, text FROM questions WHERE consultation_id = ? ORDER BY number");
  q.BindAll(c.id);
  while (q.Step()) c.questions.push_back({static_cast<int>(q.Int(0)), ParseJson(q.Text(1))});
  Stmt e(conn,
         "SELECT previous_deadline, new_deadline, reason, at FROM deadline_extensions "
         "WHERE consultation_id = ? ORDER BY at, id");
  e.BindAll(c.id);
  while (e.Step()) c.extensions.push_back({e.Int(0), e.Int(1), ParseJson(e.Text(2)), e.Int(3)});
  Stmt f(conn,
         "SELECT a.id, a.meeting_id, m.number, m.starts_on, a.number, a.kind, a.owner, a.text "
         "FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE a.consultation_id = ? "
         "ORDER BY m.starts_on, a.number");
  f.BindAll(c.id);
  while (f.Step())
    c.follow_up.push_back({f.Int(0), f.Int(1), static_cast<int>(f.Int(2)), f.Text(3), f.Text(4),
                           f.Text(5), ParseJson(f.Text(6)), ParseJson(f.Text(7))});
}

Result<Consultation> GetOn(Connection& conn, const std::string& id_or_key) {
  auto id = ConsultationId(conn, id_or_key);
  if (!id) return NotFound("consultation " + id_or_key + ": no such consultation");
  Stmt s(conn, std::string(kSelect) + "WHERE c.id = ?");
  s.BindAll(*id);
  if (!s.Step()) return NotFound("consultation " + id_or_key + ": no such consultation");
  Consultation c = RowToConsultation(s);
  LoadDetails(conn, c);
  return c;
}

// A multilingual value from input: an object of language → text, or a plain string (English).





const std::map<std::string, std::string>& AllowedTypes() {
  static const std::map<std::string, std::string> kTypes = {
      {"application/pdf", "PDF"},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"},
      {"application/vnd.oasis.opendocument.text", "ODT"},
      {"text/plain", "TXT"},
  };
  return kTypes;
}

Receipt ReceiptFor(Connection& c, std::int64_t response_id, bool replayed) {
  Stmt s(c,
         "SELECT reference, consultation_id, submitted_at, status FROM responses WHERE id = ?");
  s.BindAll(response_id);
  s.Step();
  return {s.Text(0), response_id, s.Int(1), s.Int(2), s.Text(3), replayed};
}

}  // namespace

std::string StatusOf(const Consultation& c, std::int64_t now) {
  if (c.summary_published_at) return "published";
  if (now < c.opens_at) return "upcoming";
  if (now <= c.deadline) return "open";
  return "closed";
}

std::optional<std::int64_t> FindId(storage::Database& db, const std::string& id_or_key) {
  return ConsultationId(db.Read(), id_or_key);
}

Result<Consultation> Get(storage::Database& db, const std::string& id_or_key) {
  return GetOn(db.Read(), id_or_key);
}

std::vector<Consultation> List(storage::Database& db, std::optional<std::int64_t> body_id) {
  auto& conn = db.Read();
  std::vector<Consultation> out;
  Stmt s(conn, std::string(kSelect) +
                            "WHERE (?1 IS NULL OR c.body_id = ?1) ORDER BY c.opens_at DESC, c.id");
  s.BindAll(body_id);
  while (s.Step()) out.push_back(RowToConsultation(s));
  for (auto& c : out) LoadDetails(conn, c);
  return out;
}

std::vector<StakeholderType> StakeholderTypes(storage::Database& db) {
  std::vector<StakeholderType> out;
  Stmt s(db.Read(),
         "SELECT key, label, selectable FROM stakeholder_types ORDER BY position");
  while (s.Step()) out.push_back({s.Text(0), ParseJson(s.Text(1)), s.Int(2) != 0});
  return out;
}

Result<StakeholderType> AddStakeholderType(storage::Database& db, std::int64_t user_id,
                                           const std::string& role, const std::string& key,
                                           const json::value& label) {
  if (role != "admin")
    return PermissionDenied("role: only an administrator may change the stakeholder taxonomy");
  static const std::regex kKey(R"([a-z][a-z0-9_]{1,39})");
  if (!std::regex_match(key, kKey))
    return InvalidArgument("key", "key: 2-40 lower-case letters, digits and underscores");
  auto l = Multilingual(label, "label", true, 200);
  if (!l.ok()) return l.error();
  return db.Write<StakeholderType>([&](Connection& c) -> Result<StakeholderType> {
    if (c.QueryInt("SELECT 1 FROM stakeholder_types WHERE key = ?", key))
      return Error{Code::kConflict, "key: this stakeholder type exists", "key"};
    auto position = c.QueryInt("SELECT coalesce(max(position), 0) + 1 FROM stakeholder_types "
                               "WHERE selectable = 1");
    c.Exec("INSERT INTO stakeholder_types(key, position, label, selectable) VALUES(?,?,?,1)", key,
           *position, json::serialize(*l));
    audit::Record(c, user_id, "stakeholder_type.add", "stakeholder_type", std::nullopt,
                  std::nullopt, json::serialize(json::object{{"key", key}, {"label", *l}}));
    return StakeholderType{key, *l, true};
  });
}

// --- SubmitResponse ------------------------------------------------------------------------

namespace {
std::string LowerAscii(std::string s) {
  for (auto& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return s;
}
}  // namespace

Result<Receipt> SubmitResponse(storage::Database& db, const std::string& consultation,
                               ResponseInput in, const Limits& limits) {
  static const std::regex kEmail(R"([^@\s]+@[^@\s]+\.[^@\s]+)");
  // Validation first: nothing is written unless all of it passes.
  for (auto* f : {&in.name, &in.organization, &in.job_title, &in.country, &in.stakeholder_type,
                  &in.email, &in.language})
    *f = Trim(*f);
  // Signed in with a verified account: that address, already confirmed, unless another is given.
  bool confirmed = false;
  if (in.verified_email &&
      (in.email.empty() || LowerAscii(in.email) == LowerAscii(*in.verified_email))) {
    in.email = *in.verified_email;
    confirmed = true;
  }
  struct Field {
    const char* name;
    const std::string* value;
    std::size_t max;
    bool required;
  };
  for (const Field& f : {Field{"name", &in.name, 200, true},
                         Field{"organization", &in.organization, 300, false},
                         Field{"job_title", &in.job_title, 200, false},
                         Field{"email", &in.email, 254, true}}) {
    if (!IsValidUtf8(*f.value)) return InvalidArgument(f.name, std::string(f.name) + ": not valid UTF-8");
    if (f.required && f.value->empty())
      return InvalidArgument(f.name, std::string(f.name) + ": required");
    if (CountChars(*f.value) > f.max)
      return InvalidArgument(f.name, fmt::format("{}: at most {} characters", f.name, f.max));
  }
  if (!std::regex_match(in.email, kEmail))
    return InvalidArgument("email", "email: not a valid e-mail address");
  if (!text::IsCountry(in.country))
    return InvalidArgument("country", "country: must be an ISO 3166-1 alpha-2 code such as CH");
  if (in.language.empty()) in.language = "en";
  if (!text::IsLanguage(in.language))
    return InvalidArgument("language", "language: must be one of ar, zh, en, fr, ru, es");
  for (auto& [n, t] : in.answers) t = Trim(t);
  in.general_text = Trim(in.general_text);
  if (!IsValidUtf8(in.general_text))
    return InvalidArgument("general", "general: not valid UTF-8");
  if (CountChars(in.general_text) > limits.max_text_chars)
    return Error{Code::kTooLarge,
                 fmt::format("general: at most {} characters", limits.max_text_chars), "general"};
  bool any = !in.general_text.empty();
  for (const auto& [n, t] : in.answers) {
    std::string field = fmt::format("answers.{}", n);
    if (!IsValidUtf8(t)) return InvalidArgument(field, field + ": not valid UTF-8");
    if (CountChars(t) > limits.max_text_chars)
      return Error{Code::kTooLarge, fmt::format("{}: at most {} characters", field,
                                                limits.max_text_chars), field};
    any = any || !t.empty();
  }
  if (!any)
    return InvalidArgument("answers",
                           "answers: answer at least one question or give a general contribution");
  if (in.attachments.size() > limits.max_attachments)
    return Error{Code::kTooLarge, fmt::format("attachments: at most {} files", limits.max_attachments),
                 "attachments"};
  std::vector<std::string> types;
  for (const auto& a : in.attachments) {
    if (a.data.size() > limits.max_attachment_bytes)
      return Error{Code::kTooLarge,
                   fmt::format("attachments: \"{}\" is larger than {} bytes", a.filename,
                               limits.max_attachment_bytes),
                   "attachments"};
    if (a.data.empty())
      return InvalidArgument("attachments", "attachments: \"" + a.filename + "\" is empty");
    std::string type = SniffType(a.data);
    if (!AllowedTypes().count(type))
      return InvalidArgument("attachments",
                             fmt::format("attachments: \"{}\" is {}; only PDF, DOCX, ODT and "
                                         "plain text files are accepted",
                                         a.filename, type));
    types.push_back(type);
  }
  if (in.idempotency_key && (in.idempotency_key->empty() || in.idempotency_key->size() > 200))
    return InvalidArgument("Idempotency-Key", "Idempotency-Key: 1 to 200 characters");

  // What does not change while the consultation is open is checked on a read connection,
  // so that the writer thread only does what must be atomic. This is the hot path of a
  // surge: read only the consultation's id and key and its question numbers.
  auto& rc = db.Read();
  auto id = ConsultationId(rc, consultation);
  if (!id) return NotFound("consultation " + consultation + ": no such consultation");
  std::string cons_key, cons_title;
  {
    Stmt k(rc, "SELECT key, title FROM consultations WHERE id = ?");
    k.BindAll(*id);
    k.Step();
    cons_key = k.Text(0);
    cons_title = k.Text(1);
  }
  // The confirmation mail is composed here, off the writer thread (again inside only if the
  // reference had to change).
  std::string token_key = confirmed ? std::string() : accounts::TokenKey(rc);
  std::string mail_lang = in.mail_language.empty() ? in.language : in.mail_language;
  auto compose = [&](const std::string& ref) {
    std::string title = site::Pick(cons_title, mail_lang).text;
    std::string token = accounts::SignToken(token_key, "c", ref, in.email,
                                            Now() + accounts::kConfirmTokenSeconds);
    return std::make_pair(
        text::T(mail_lang, "mail_confirm_subject", {{"title", title}}),
        text::T(mail_lang, "mail_confirm_body",
                {{"title", title},
                 {"reference", ref},
                 {"link", mail::PublicUrl() + "/" + mail_lang + "/confirm?token=" + token}}));
  };
  if (!rc.QueryInt("SELECT 1 FROM stakeholder_types WHERE key = ? AND selectable = 1",
                   in.stakeholder_type))
    return InvalidArgument("stakeholder_type",
                           "stakeholder_type: unknown; see GET /api/v1/stakeholder-types");
  for (const auto& [n, t] : in.answers)
    if (!rc.QueryInt("SELECT 1 FROM questions WHERE consultation_id = ? AND number = ?", *id, n))
      return InvalidArgument(fmt::format("answers.{}", n),
                             fmt::format("answers.{}: this consultation has no question {}", n, n));
  std::optional<std::string> key;
  if (in.idempotency_key) key = cons_key + ":" + *in.idempotency_key;
  std::string reference = RandomReference();
  std::pair<std::string, std::string> mail_text;
  const std::string composed_for = reference;
  if (!confirmed) mail_text = compose(reference);
  return db.Write<Receipt>([&](Connection& c) -> Result<Receipt> {
    if (key) {
      // A retried submission returns its first receipt and writes nothing.
      if (auto prior = c.QueryInt("SELECT id FROM responses WHERE idempotency_key = ?", *key))
        return ReceiptFor(c, *prior, true);
    }
    // The dates are read again inside the transaction: an extension may have just landed.
    Stmt dates(c, "SELECT opens_at, deadline FROM consultations WHERE id = ?");
    dates.BindAll(*id);
    dates.Step();
    Instant opens_at = dates.Int(0), deadline = dates.Int(1), now = Now();
    if (now < opens_at)
      return FailedPrecondition("consultation: not open yet; it opens on " + FormatIso(opens_at));
    if (now > deadline)
      return FailedPrecondition("consultation: the deadline (" + FormatIso(deadline) +
                                ") has passed; responses are no longer accepted");
    while (c.QueryInt("SELECT 1 FROM responses WHERE reference = ?", reference))
      reference = RandomReference();
    c.Exec("INSERT INTO responses(consultation_id, reference, idempotency_key, name, organization, "
           "job_title, country, stakeholder_type, email, language, general_text, consent_publish, "
           "submitted_at, ip_address, email_confirmed_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
           *id, reference, key, in.name, in.organization, in.job_title, in.country,
           in.stakeholder_type, in.email, in.language, in.general_text, in.consent_publish, now,
           in.ip_address.empty() ? std::nullopt : std::optional<std::string>(in.ip_address),
           confirmed ? std::optional<std::int64_t>(now) : std::nullopt);
    std::int64_t rid = c.LastInsertId();
    if (!confirmed) {
      // Queued with the response: as durable as it, delivered later by mail::Sender.
      if (reference != composed_for) mail_text = compose(reference);  // a rare collision
      mail::Enqueue(c, in.email, mail_text.first, mail_text.second);
    }
    for (const auto& [n, t] : in.answers)
      if (!t.empty())
        c.Exec("INSERT INTO answers(response_id, question_number, text) VALUES(?,?,?)", rid, n, t);
    for (std::size_t i = 0; i < in.attachments.size(); ++i) {
      const auto& a = in.attachments[i];
      std::string name = a.filename.empty() ? fmt::format("attachment-{}", i + 1) : a.filename;
      if (!IsValidUtf8(name) || name.size() > 255) name = fmt::format("attachment-{}", i + 1);
      Stmt s(c,
             "INSERT INTO attachments(response_id, filename, media_type, size, digest, data) "
             "VALUES(?,?,?,?,?,?)");
      s.BindAll(rid, name, types[i], static_cast<std::int64_t>(a.data.size()), Digest(a.data));
      s.BindBlob(6, a.data);
      s.Step();
    }
    return Receipt{reference, rid, *id, now, "received", false};
  });
}

Result<std::string> ConfirmEmail(storage::Database& db, const std::string& raw) {
  static const Error kBad =
      InvalidArgument("token", "token: this link is not valid or has expired");
  auto token = accounts::ParseToken(raw);
  if (!token || token->purpose != "c") return kBad;
  return db.Write<std::string>([&](Connection& c) -> Result<std::string> {
    Stmt s(c, "SELECT id, email, email_confirmed_at FROM responses WHERE reference = ?");
    s.BindAll(token->subject);
    if (!s.Step()) return kBad;
    std::int64_t id = s.Int(0);
    bool already = !s.IsNull(2);
    if (!accounts::VerifyToken(accounts::TokenKey(c), *token, s.Text(1), Now())) return kBad;
    if (!already) c.Exec("UPDATE responses SET email_confirmed_at = ? WHERE id = ?", Now(), id);
    return token->subject;
  });
}

std::int64_t UnconfirmedCount(storage::Database& db, std::int64_t consultation_id) {
  return db.Read()
      .QueryInt("SELECT count(*) FROM responses WHERE consultation_id = ? AND status <> 'rejected' "
                "AND email_confirmed_at IS NULL",
                consultation_id)
      .value_or(0);
}

Result<Receipt> FindReceipt(storage::Database& db, const std::string& reference) {
  auto& c = db.Read();
  auto id = c.QueryInt("SELECT id FROM responses WHERE reference = ?", reference);
  if (!id) return NotFound("reference " + reference + ": no such response");
  return ReceiptFor(c, *id, false);
}

// --- Reading responses ---------------------------------------------------------------------

namespace {
Page QueryResponses(storage::Database& db, std::int64_t consultation_id,
                    const std::optional<std::string>& status, bool staff, int page, int per_page,
                    std::optional<std::int64_t> only_id = std::nullopt) {
  auto& c = db.Read();
  page = std::max(page, 1);
  per_page = std::clamp(per_page, 1, 200);
  Page out{{}, 0, page, per_page};
  // Conditions are spelled out (not "?2 IS NULL OR ...") so that SQLite walks the index in
  // submission order instead of sorting every response of the consultation.
  std::string where = "consultation_id = ?1";
  if (status) where += " AND status = ?2";
  if (only_id) where += " AND id = ?5";
  Stmt count(c, "SELECT count(*) FROM responses WHERE " + where);
  count.Bind(1, consultation_id);
  if (status) count.Bind(2, *status);
  if (only_id) count.Bind(5, *only_id);
  count.Step();
  out.total = count.Int(0);
  Stmt s(c,
         "SELECT id, consultation_id, reference, name, organization, job_title, country, "
         "stakeholder_type, language, email, general_text, consent_publish, status, reject_reason, "
         "redacted, illustrative, submitted_at, published_at, ip_address, erased_at, "
         "email_confirmed_at FROM responses WHERE " +
             where + " ORDER BY submitted_at, id LIMIT ?3 OFFSET ?4");
  s.Bind(1, consultation_id);
  if (status) s.Bind(2, *status);
  if (only_id) s.Bind(5, *only_id);
  s.Bind(3, static_cast<std::int64_t>(per_page));
  s.Bind(4, static_cast<std::int64_t>(page - 1) * per_page);
  while (s.Step()) {
    Response r;
    r.id = s.Int(0);
    r.consultation_id = s.Int(1);
    r.reference = s.Text(2);
    r.name = s.Text(3);
    r.organization = s.Text(4);
    r.job_title = s.Text(5);
    r.country = s.Text(6);
    r.stakeholder_type = s.Text(7);
    r.language = s.Text(8);
    if (staff) r.email = s.Text(9);
    r.general_text = s.Text(10);
    r.consent_publish = s.Int(11) != 0;
    r.status = s.Text(12);
    if (staff) r.reject_reason = s.OptText(13);
    r.redacted = s.Int(14) != 0;
    r.illustrative = s.Int(15) != 0;
    r.submitted_at = s.Int(16);
    r.published_at = s.OptInt(17);
    if (staff) r.ip_address = s.OptText(18);
    r.erased_at = s.OptInt(19);
    if (staff) r.email_confirmed_at = s.OptInt(20);
    out.items.push_back(std::move(r));
  }
  for (auto& r : out.items) {
    Stmt a(c, "SELECT question_number, text FROM answers WHERE response_id = ?");
    a.BindAll(r.id);
    while (a.Step()) r.answers[static_cast<int>(a.Int(0))] = a.Text(1);
    Stmt f(c,
           "SELECT id, filename, media_type, size FROM attachments WHERE response_id = ? ORDER BY id");
    f.BindAll(r.id);
    while (f.Step()) r.attachments.push_back({f.Int(0), f.Text(1), f.Text(2), f.Int(3)});
  }
  return out;
}
}  // namespace

Page PublishedResponses(storage::Database& db, std::int64_t consultation_id, int page,
                        int per_page) {
  return QueryResponses(db, consultation_id, std::string("published"), false, page, per_page);
}

Page AllResponses(storage::Database& db, std::int64_t consultation_id,
                  const std::optional<std::string>& status, int page, int per_page) {
  return QueryResponses(db, consultation_id, status, true, page, per_page);
}

Result<Response> GetResponse(storage::Database& db, std::int64_t id) {
  auto cid = db.Read().QueryInt("SELECT consultation_id FROM responses WHERE id = ?", id);
  if (!cid) return NotFound(fmt::format("response {}: no such response", id));
  auto page = QueryResponses(db, *cid, std::nullopt, true, 1, 1, id);
  if (page.items.empty()) return NotFound(fmt::format("response {}: no such response", id));
  return page.items.front();
}

std::optional<AttachmentFile> PublishedAttachment(storage::Database& db, std::int64_t id) {
  Stmt s(db.Read(),
         "SELECT a.filename, a.media_type, a.data FROM attachments a "
         "JOIN responses r ON r.id = a.response_id WHERE a.id = ? AND r.status = 'published'");
  s.BindAll(id);
  if (!s.Step()) return std::nullopt;
  return AttachmentFile{s.Text(0), s.Text(1), s.Text(2)};
}

// --- Secretariat use cases -----------------------------------------------------------------

Result<Consultation> Create(storage::Database& db, std::int64_t user_id,
                            const ConsultationInput& in) {
  static const std::regex kKey(R"([a-z0-9][a-z0-9-]{1,62})");
  if (!std::regex_match(in.key, kKey))
    return InvalidArgument("key", "key: 2-63 lower-case letters, digits and hyphens");
  auto title = Multilingual(in.title, "title", true, 500);
  if (!title.ok()) return title.error();
  auto description = Multilingual(in.description, "description", false, 20000);
  if (!description.ok()) return description.error();
  if (in.questions.empty()) return InvalidArgument("questions", "questions: at least one");
  if (in.questions.size() > 50) return InvalidArgument("questions", "questions: at most 50");
  std::vector<json::value> questions;
  for (std::size_t i = 0; i < in.questions.size(); ++i) {
    auto q = Multilingual(in.questions[i], fmt::format("questions.{}", i + 1), true, 2000);
    if (!q.ok()) return q.error();
    questions.push_back(*q);
  }
  std::string tz = in.timezone.empty() ? "UTC" : in.timezone;
  if (!IsTimeZone(tz))
    return InvalidArgument("timezone", "timezone: not an IANA time zone such as Europe/Zurich");
  auto opens = ParseIso(in.opens_at, tz);
  if (!opens) return InvalidArgument("opens_at", "opens_at: expected YYYY-MM-DDTHH:MM");
  auto deadline = ParseIso(in.deadline, tz);
  if (!deadline) return InvalidArgument("deadline", "deadline: expected YYYY-MM-DDTHH:MM");
  if (*deadline <= *opens) return InvalidArgument("deadline", "deadline: must be after opens_at");
  return db.Write<Consultation>([&](Connection& c) -> Result<Consultation> {
    auto body = meetings::BodyId(c, in.body);
    if (!body) return InvalidArgument("body", "body: no such body " + in.body);
    if (c.QueryInt("SELECT 1 FROM consultations WHERE key = ?", in.key))
      return Error{Code::kConflict, "key: a consultation with this key exists", "key"};
    std::optional<std::int64_t> launched, meeting;
    if (in.launched_at_meeting && !in.launched_at_meeting->empty()) {
      launched = meetings::MeetingId(c, *in.launched_at_meeting);
      if (!launched) return InvalidArgument("launched_at_meeting", "launched_at_meeting: no such meeting");
    }
    if (in.meeting && !in.meeting->empty()) {
      meeting = meetings::MeetingId(c, *in.meeting);
      if (!meeting) return InvalidArgument("meeting", "meeting: no such meeting");
    }
    c.Exec("INSERT INTO consultations(key, body_id, launched_at_meeting_id, meeting_id, title, "
           "description, opens_at, deadline, timezone, created_at) VALUES(?,?,?,?,?,?,?,?,?,?)",
           in.key, *body, launched, meeting, json::serialize(*title), json::serialize(*description),
           *opens, *deadline, tz, Now());
    std::int64_t id = c.LastInsertId();
    for (std::size_t i = 0; i < questions.size(); ++i)
      c.Exec("INSERT INTO questions(consultation_id, number, text) VALUES(?,?,?)", id,
             static_cast<std::int64_t>(i + 1), json::serialize(questions[i]));
    search::Enqueue(c, "consultation", id);
    audit::Record(c, user_id, "consultation.create", "consultation", id, std::nullopt,
                  json::serialize(json::object{{"key", in.key}, {"title", *title}}));
    return GetOn(c, std::to_string(id));
  });
}

Result<Consultation> ExtendDeadline(storage::Database& db, std::int64_t user_id,
                                    const std::string& consultation, const std::string& deadline,
                                    const json::value& reason) {
  auto why = Multilingual(reason, "reason", true, 2000);
  if (!why.ok()) return why.error();
  return db.Write<Consultation>([&](Connection& c) -> Result<Consultation> {
    auto cons = GetOn(c, consultation);
    if (!cons.ok()) return cons.error();
    auto t = ParseIso(deadline, cons->timezone);
    if (!t) return InvalidArgument("deadline", "deadline: expected YYYY-MM-DDTHH:MM");
    if (*t <= cons->deadline)
      return InvalidArgument("deadline", "deadline: must be later than the current deadline " +
                                             FormatIso(cons->deadline));
    c.Exec("INSERT INTO deadline_extensions(consultation_id, previous_deadline, new_deadline, "
           "reason, user_id, at) VALUES(?,?,?,?,?,?)",
           cons->id, cons->deadline, *t, json::serialize(*why), user_id, Now());
    c.Exec("UPDATE consultations SET deadline = ? WHERE id = ?", *t, cons->id);
    audit::Record(c, user_id, "consultation.extend_deadline", "consultation", cons->id,
                  json::serialize(json::object{{"deadline", FormatIso(cons->deadline)}}),
                  json::serialize(json::object{{"deadline", FormatIso(*t)}, {"reason", *why}}));
    return GetOn(c, std::to_string(cons->id));
  });
}

namespace {
Status CheckModeration(const Moderation& m) {
  if (m.action != "accept" && m.action != "reject" && m.action != "redact")
    return InvalidArgument("action", "action: must be accept, reject or redact");
  if (m.action == "reject" && Trim(m.reason).empty())
    return InvalidArgument("reason", "reason: required when rejecting a response");
  if (m.action == "redact" && m.replacements.empty())
    return InvalidArgument("replacements", "replacements: give at least one field's new text");
  return Ok{};
}

// One moderation act on `c`, inside the caller's transaction.
Result<std::int64_t> ModerateOn(Connection& c, std::int64_t user_id, std::int64_t response_id,
                                const Moderation& m) {
  Stmt s(c,
         "SELECT status, name, organization, job_title, general_text FROM responses WHERE id = ?");
  s.BindAll(response_id);
  if (!s.Step()) return NotFound(fmt::format("response {}: no such response", response_id));
  std::string status = s.Text(0);
  json::object before{{"status", status}}, after;
  if (m.action == "accept" || m.action == "reject") {
    std::string to = m.action == "accept" ? "accepted" : "rejected";
    if (status == "published" && to == "accepted")
      return FailedPrecondition("response: already published");
    c.Exec("UPDATE responses SET status = ?, reject_reason = ?, published_at = NULL WHERE id = ?",
           to, m.action == "reject" ? std::optional<std::string>(Trim(m.reason)) : std::nullopt,
           response_id);
    after = {{"status", to}};
    if (m.action == "reject") after["reason"] = Trim(m.reason);
  } else {
    static const std::map<std::string, std::string> kColumns = {
        {"general", "general_text"}, {"name", "name"}, {"organization", "organization"},
        {"job_title", "job_title"}};
    for (const auto& [field, value] : m.replacements) {
      if (!IsValidUtf8(value)) return InvalidArgument(field, field + ": not valid UTF-8");
      if (auto col = kColumns.find(field); col != kColumns.end()) {
        Stmt old(c, "SELECT " + col->second + " FROM responses WHERE id = ?");
        old.BindAll(response_id);
        old.Step();
        before[field] = old.Text(0);
        c.Exec("UPDATE responses SET " + col->second + " = ?, redacted = 1 WHERE id = ?", value,
               response_id);
      } else {
        auto number = ParseInt(field);
        if (!number || *number < 1 || *number > std::numeric_limits<int>::max())
          return InvalidArgument(field, "replacements: unknown field \"" + field +
                                            "\"; use general, name, organization, job_title "
                                            "or a question number");
        int n = static_cast<int>(*number);
        Stmt old(c,
                 "SELECT text FROM answers WHERE response_id = ? AND question_number = ?");
        old.BindAll(response_id, n);
        if (!old.Step())
          return InvalidArgument(field, fmt::format("replacements.{}: the response has no "
                                                    "answer to question {}", n, n));
        before[field] = old.Text(0);
        c.Exec("UPDATE answers SET text = ? WHERE response_id = ? AND question_number = ?",
               value, response_id, n);
        c.Exec("UPDATE responses SET redacted = 1 WHERE id = ?", response_id);
      }
      after[field] = value;
    }
  }
  search::Enqueue(c, "response", response_id);  // rejected or redacted: the index follows
  audit::Record(c, user_id, "response." + m.action, "response", response_id,
                json::serialize(before), json::serialize(after));
  return response_id;
}
}  // namespace

Result<Response> Moderate(storage::Database& db, std::int64_t user_id, std::int64_t response_id,
                          const Moderation& m) {
  if (auto ok = CheckModeration(m); !ok.ok()) return ok.error();
  auto result = db.Write<std::int64_t>(
      [&](Connection& c) { return ModerateOn(c, user_id, response_id, m); });
  if (!result.ok()) return result.error();
  return GetResponse(db, response_id);
}

Result<int> ModerateMany(storage::Database& db, std::int64_t user_id, std::int64_t consultation_id,
                         const std::vector<std::int64_t>& response_ids, const Moderation& m) {
  if (auto ok = CheckModeration(m); !ok.ok()) return ok.error();
  if (m.action == "redact")
    return InvalidArgument("action", "action: a campaign can be accepted or rejected, not redacted");
  return db.Write<int>([&](Connection& c) -> Result<int> {
    int changed = 0;
    for (auto id : response_ids) {
      Stmt s(c, "SELECT status FROM responses WHERE id = ? AND consultation_id = ?");
      s.BindAll(id, consultation_id);
      if (!s.Step())
        return InvalidArgument("responses", fmt::format("responses: {} is not a response of this "
                                                        "consultation", id));
      std::string status = s.Text(0);
      if ((m.action == "accept" && (status == "accepted" || status == "published")) ||
          (m.action == "reject" && status == "rejected"))
        continue;
      auto r = ModerateOn(c, user_id, id, m);
      if (!r.ok()) return r.error();
      ++changed;
    }
    return changed;
  });
}

Result<int> PublishSome(storage::Database& db, std::int64_t user_id, std::int64_t consultation_id,
                        const std::vector<std::int64_t>& response_ids) {
  return db.Write<int>([&](Connection& c) -> Result<int> {
    Instant now = Now();
    int n = 0;
    for (auto id : response_ids) {
      c.Exec("UPDATE responses SET status = 'published', published_at = ? WHERE id = ? AND "
             "consultation_id = ? AND status = 'accepted' AND consent_publish = 1",
             now, id, consultation_id);
      if (c.Changes() > 0) {
        ++n;
        search::Enqueue(c, "response", id);
      }
    }
    audit::Record(c, user_id, "consultation.publish_responses", "consultation", consultation_id,
                  std::nullopt, json::serialize(json::object{{"published", n}}));
    return n;
  });
}

Result<int> PublishAccepted(storage::Database& db, std::int64_t user_id,
                            const std::string& consultation) {
  return db.Write<int>([&](Connection& c) -> Result<int> {
    auto cons = GetOn(c, consultation);
    if (!cons.ok()) return cons.error();
    Instant now = Now();
    std::vector<std::int64_t> published;
    {
      Stmt s(c, "SELECT id FROM responses WHERE consultation_id = ? AND status = 'accepted' "
                "AND consent_publish = 1");
      s.BindAll(cons->id);
      while (s.Step()) published.push_back(s.Int(0));
    }
    for (auto id : published) search::Enqueue(c, "response", id);
    c.Exec("UPDATE responses SET status = 'published', published_at = ? "
           "WHERE consultation_id = ? AND status = 'accepted' AND consent_publish = 1",
           now, cons->id);
    int n = c.Changes();
    audit::Record(c, user_id, "consultation.publish_responses", "consultation", cons->id,
                  std::nullopt, json::serialize(json::object{{"published", n}}));
    return n;
  });
}

Result<Consultation> SetSummary(storage::Database& db, std::int64_t user_id,
                                const std::string& consultation, const json::value& summary,
                                bool publish) {
  auto text = Multilingual(summary, "summary", true, 50000);
  if (!text.ok()) return text.error();
  return db.Write<Consultation>([&](Connection& c) -> Result<Consultation> {
    auto cons = GetOn(c, consultation);
    if (!cons.ok()) return cons.error();
    std::optional<std::int64_t> published = cons->summary_published_at;
    if (publish && !published) published = Now();
    c.Exec("UPDATE consultations SET summary = ?, summary_published_at = ? WHERE id = ?",
           json::serialize(*text), published, cons->id);
    search::Enqueue(c, "consultation", cons->id);
    audit::Record(c, user_id, publish ? "consultation.publish_summary" : "consultation.summary",
                  "consultation", cons->id,
                  cons->summary.is_null() ? std::nullopt
                                          : std::optional<std::string>(json::serialize(cons->summary)),
                  json::serialize(*text));
    return GetOn(c, std::to_string(cons->id));
  });
}

Result<FollowUp> AddFollowUp(storage::Database& db, std::int64_t user_id,
                             const std::string& consultation, const FollowUpInput& in) {
  static const std::vector<std::string> kKinds = {"launch_consultation", "submit_summary",
                                                  "consider_responses", "defer_topic",
                                                  "report_more", "other"};
  if (std::find(kKinds.begin(), kKinds.end(), in.kind) == kKinds.end())
    return InvalidArgument("kind", "kind: must be one of launch_consultation, submit_summary, "
                                   "consider_responses, defer_topic, report_more, other");
  if (in.number.empty() || in.number.size() > 20)
    return InvalidArgument("number", "number: 1 to 20 characters, e.g. 2.7.1");
  auto text = Multilingual(in.text, "text", true, 5000);
  if (!text.ok()) return text.error();
  auto owner = Multilingual(in.owner, "owner", true, 300);
  if (!owner.ok()) return owner.error();
  return db.Write<FollowUp>([&](Connection& c) -> Result<FollowUp> {
    auto cons = GetOn(c, consultation);
    if (!cons.ok()) return cons.error();
    auto meeting = meetings::MeetingId(c, in.meeting);
    if (!meeting) return InvalidArgument("meeting", "meeting: no such meeting " + in.meeting);
    c.Exec("INSERT INTO actions(meeting_id, consultation_id, number, kind, owner, text, created_at) "
           "VALUES(?,?,?,?,?,?,?)",
           *meeting, cons->id, in.number, in.kind, json::serialize(*owner), json::serialize(*text),
           Now());
    std::int64_t id = c.LastInsertId();
    search::Enqueue(c, "action", id);
    // The meeting that acts on a consultation is the one that considered it.
    if (in.kind != "launch_consultation" && !cons->considered_at_meeting_id)
      c.Exec("UPDATE consultations SET considered_at_meeting_id = ? WHERE id = ?", *meeting,
             cons->id);
    audit::Record(c, user_id, "consultation.follow_up", "action", id, std::nullopt,
                  json::serialize(json::object{{"consultation", cons->key},
                                               {"number", in.number},
                                               {"kind", in.kind},
                                               {"text", *text}}));
    auto full = GetOn(c, std::to_string(cons->id));
    for (auto& f : full->follow_up)
      if (f.id == id) return f;
    return Error{Code::kInternal, "follow-up vanished", {}};
  });
}

// --- Statistics ------------------------------------------------------------------------------

Result<Statistics> ComputeStatistics(storage::Database& db, const std::string& consultation) {
  auto cons = Get(db, consultation);
  if (!cons.ok()) return cons.error();
  auto& c = db.Read();
  Statistics st;
  for (const auto& t : StakeholderTypes(db)) st.by_stakeholder_type.emplace_back(t.key, 0);
  Stmt s(c,
         "SELECT stakeholder_type, country, language, status, count(*) FROM responses "
         "WHERE consultation_id = ? GROUP BY 1, 2, 3, 4");
  s.BindAll(cons->id);
  while (s.Step()) {
    std::int64_t n = s.Int(4);
    std::string status = s.Text(3);
    st.by_status[status] += n;
    if (status == "rejected") continue;
    st.total += n;
    std::string type = s.Text(0), country = s.Text(1);
    for (auto& [k, v] : st.by_stakeholder_type)
      if (k == type) v += n;
    st.by_country[country] += n;
    st.by_language[s.Text(2)] += n;
    char itu = text::ItuRegion(country);
    st.by_region[itu ? std::string(1, itu) : "unknown"] += n;
    auto m49 = text::M49Region(country, "en");
    st.by_m49_region[m49 ? m49->subregion_code : "unknown"] += n;
  }
  if (cons->meeting_id) {
    st.registered = c.QueryInt("SELECT count(*) FROM registrations WHERE meeting_id = ?",
                               *cons->meeting_id);
    st.attended =
        c.QueryInt("SELECT count(*) FROM attendance WHERE meeting_id = ?", *cons->meeting_id);
    Stmt m(c, "SELECT registered_more_than, attended_more_than FROM meetings WHERE id = ?");
    m.BindAll(*cons->meeting_id);
    if (m.Step()) {
      st.registered_more_than = m.Int(0) != 0;
      st.attended_more_than = m.Int(1) != 0;
    }
  }
  return st;
}

json::object StatisticsJson(const Statistics& s) {
  auto obj = [](const auto& m) {
    json::object o;
    for (const auto& [k, v] : m) o[k] = v;
    return o;
  };
  json::object out{
      {"responses",
       {{"total", s.total},
        {"by_stakeholder_type", obj(s.by_stakeholder_type)},
        {"by_country", obj(s.by_country)},
        {"by_region", obj(s.by_region)},
        {"by_m49_region", obj(s.by_m49_region)},
        {"by_language", obj(s.by_language)},
        {"by_status", obj(s.by_status)}}}};
  if (s.campaigns)
    out["responses"].as_object()["campaigns"] = {{"texts", *s.campaigns},
                                                 {"copies", *s.campaign_copies}};
  if (s.registered)
    out["meeting"] = {{"registered", *s.registered},
                      {"attended", *s.attended},
                      {"registered_more_than", s.registered_more_than},
                      {"attended_more_than", s.attended_more_than}};
  else
    out["meeting"] = nullptr;
  return out;
}

std::string StatisticsCsv(const Statistics& s) {
  std::string out = "dimension,key,count\r\n";
  out += fmt::format("responses,total,{}\r\n", s.total);
  auto rows = [&](const char* dim, const auto& m) {
    for (const auto& [k, v] : m) out += fmt::format("{},{},{}\r\n", dim, k, v);
  };
  rows("stakeholder_type", s.by_stakeholder_type);
  rows("country", s.by_country);
  rows("itu_region", s.by_region);
  rows("m49_region", s.by_m49_region);
  rows("language", s.by_language);
  rows("status", s.by_status);
  if (s.campaigns) {
    out += fmt::format("campaigns,texts,{}\r\n", *s.campaigns);
    out += fmt::format("campaigns,copies,{}\r\n", *s.campaign_copies);
  }
  if (s.registered) {
    out += fmt::format("meeting,registered,{}\r\n", *s.registered);
    out += fmt::format("meeting,attended,{}\r\n", *s.attended);
  }
  return out;
}

// --- The report paragraph --------------------------------------------------------------------

namespace {
std::string Utf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

// "October–December 2021" / "2021年10月至12月", from ICU's interval patterns.
std::string Period(std::int64_t from, std::int64_t to, const std::string& zone,
                   const std::string& lang) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateIntervalFormat> f(icu::DateIntervalFormat::createInstance(
      u"yMMMM", icu::Locale(text::IcuLocale(lang).c_str()), status));
  if (U_FAILURE(status)) return FormatIso(from) + " – " + FormatIso(to);
  f->adoptTimeZone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  icu::DateInterval interval(static_cast<UDate>(from) * 1000.0, static_cast<UDate>(to) * 1000.0);
  icu::UnicodeString out;
  icu::FieldPosition pos;
  f->format(&interval, out, pos, status);
  return Utf8(out);
}
}  // namespace

Result<std::string> ReportParagraph(storage::Database& db, const std::string& consultation,
                                    const std::string& lang, const Statistics* campaigns) {
  if (!text::IsLanguage(lang))
    return InvalidArgument("lang", "lang: must be one of ar, zh, en, fr, ru, es");
  auto cons = Get(db, consultation);
  if (!cons.ok()) return cons.error();
  auto st = ComputeStatistics(db, consultation);
  if (!st.ok()) return st.error();
  auto pick = [&](const json::value& v) -> std::string {
    if (const auto* o = v.if_object()) {
      if (auto* p = o->if_contains(lang); p && p->is_string()) return std::string(p->as_string());
      if (auto* p = o->if_contains("en"); p && p->is_string()) return std::string(p->as_string());
    }
    return v.is_string() ? std::string(v.as_string()) : std::string();
  };
  std::vector<std::string> parts;
  std::set<std::string> selectable;
  for (const auto& t : StakeholderTypes(db))
    if (t.selectable) selectable.insert(t.key);
  for (const auto& [type, n] : st->by_stakeholder_type)
    if (n > 0 && selectable.count(type)) parts.push_back(text::T(lang, "report_from_" + type, {{"n", n}}));
  std::string paragraph = text::T(
      lang, "report_responses",
      {{"topic", pick(cons->title)},
       {"period", Period(cons->opens_at, cons->deadline, cons->timezone, lang)},
       {"total", st->total},
       {"breakdown", text::FormatList(parts, lang)}});
  if (campaigns && campaigns->campaigns && *campaigns->campaigns > 0) {
    paragraph += text::T(lang, "report_sentence_separator");
    paragraph += text::T(lang, "report_campaigns",
                         {{"copies", *campaigns->campaign_copies},
                          {"texts", *campaigns->campaigns}});
  }
  if (cons->meeting_id) {
    Stmt m(db.Read(), "SELECT number, mode, starts_on FROM meetings WHERE id = ?");
    m.BindAll(*cons->meeting_id);
    if (m.Step()) {
      std::string registered = text::T(lang, "report_registered",
                                       {{"n", *st->registered},
                                        {"more", st->registered_more_than ? "yes" : "no"}});
      std::string attended = text::T(
          lang, "report_attended",
          {{"n", *st->attended}, {"more", st->attended_more_than ? "yes" : "no"}});
      paragraph += text::T(lang, "report_sentence_separator");
      paragraph += text::T(lang, "report_meeting",
                           {{"number", m.Int(0)},
                            {"mode", m.Text(1)},
                            {"date", text::FormatDate(m.Text(2), lang)},
                            {"participants", text::FormatList({registered, attended}, lang)}});
    }
  }
  std::int64_t published = st->by_status.count("published") ? st->by_status.at("published") : 0;
  paragraph += text::T(lang, "report_sentence_separator");
  paragraph += text::T(lang, "report_publication",
                       {{"responses", published == st->total && published > 0 ? "all"
                                      : published > 0                          ? "some"
                                                                               : "none"},
                        {"summary", cons->summary_published_at ? "yes" : "no"},
                        {"body", cons->body_acronym}});
  return paragraph;
}

}  // namespace plenary::consultations

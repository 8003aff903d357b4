// Responses: submission (with attachments and the confirmation mail), confirmation of the
// address, receipts, and reading them back for the public and the secretariat.
#include "consultations/consultations.h"
#include "consultations/internal.h"
#include "http/form.h"

#include <unicode/dtitvfmt.h>
#include <unicode/listformatter.h>
#include <unicode/numfmt.h>
#include <unicode/rbnf.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <regex>
#include <chrono>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "accounts/tokens.h"
#include "audit/audit.h"
#include "base/parse.h"
#include "base/random.h"
#include "base/thread_name.h"
#include "base/time.h"
#include "base/utf8.h"
#include "mail/mail.h"
#include "meetings/meetings.h"
#include "search/search.h"
#include "site/fields.h"
#include "site/site.h"
#include "storage/deferred.h"
#include "storage/table_generations.h"
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
using internal::AllowedTypes;
using internal::ReceiptFor;

// --- SubmitResponse ------------------------------------------------------------------------

namespace {
std::string LowerAscii(std::string s) {
  for (auto& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return s;
}

// What a submission checks outside its transaction that only a write of content changes: a
// consultation's id and key (as the URL names it, by id or key) and its question numbers, and
// whether a stakeholder type may be chosen. Read once per thread and kept while the
// generation of the tables it reads stays the same (storage::TablesGeneration, raised
// by every commit that changes one of them before its writer is answered; not by the responses
// stored meanwhile, which every group commit adds), and at most a second, for
// the writes of another server on the same PostgreSQL database, which this one's generation
// does not see (the check was already made outside the transaction, so such an edit could
// always land between it and the write). A surge of submissions then reads them once per
// group commit and thread instead of four statements per submission (docs/PROFILE.md).
struct Known {
  struct Entry {
    std::int64_t id;
    std::string key;
    std::set<int> questions;
  };
  const storage::Database* database = nullptr;
  std::string path;  // with the address, tells a database from another opened later there
  std::uint64_t generation = 0;
  std::chrono::steady_clock::time_point since;
  std::map<std::string, std::optional<Entry>, std::less<>> consultations;
  std::map<std::string, bool, std::less<>> selectable_types;

  const Entry* Target(storage::Database& db, const std::string& id_or_key) {
    auto it = consultations.find(id_or_key);
    if (it == consultations.end()) {
      auto& rc = db.Read();
      std::optional<Entry> found;
      auto numeric = site::ParseId(id_or_key);
      Stmt k(rc, numeric ? "SELECT id, key FROM consultations WHERE id = ?"
                         : "SELECT id, key FROM consultations WHERE key = ?");
      if (numeric)
        k.Bind(1, *numeric);
      else
        k.Bind(1, id_or_key);
      if (k.Step()) {
        found = Entry{k.Int(0), k.Text(1), {}};
        Stmt q(rc, "SELECT number FROM questions WHERE consultation_id = ?");
        q.Bind(1, found->id);
        while (q.Step()) found->questions.insert(static_cast<int>(q.Int(0)));
      }
      it = consultations.emplace(id_or_key, std::move(found)).first;
    }
    return it->second ? &*it->second : nullptr;
  }
  bool SelectableType(storage::Database& db, const std::string& key) {
    auto it = selectable_types.find(key);
    if (it == selectable_types.end())
      it = selectable_types.emplace(key, meetings::IsStakeholderType(db.Read(), key, true)).first;
    return it->second;
  }
};

// This thread's Known for `db`, emptied first when it may be stale. The generation is read
// before anything is read into it, as the cache of pages does.
Known& KnownNow(storage::Database& db) {
  thread_local Known known;
  auto generation =
      storage::TablesGeneration(db, {"consultations", "questions", "stakeholder_types"});
  auto now = std::chrono::steady_clock::now();
  if (known.database != &db || known.path != db.path() || known.generation != generation ||
      now - known.since > std::chrono::seconds(1) ||
      // Names come from requests: a flood of unknown ones empties it rather than grow it.
      known.consultations.size() + known.selectable_types.size() > 1000) {
    known = Known{};
    known.database = &db;
    known.path = db.path();
    known.generation = generation;
    known.since = now;
  }
  return known;
}

}  // namespace

std::optional<std::int64_t> internal::SubmissionTarget(storage::Database& db,
                                                       const std::string& id_or_key) {
  const auto* target = KnownNow(db).Target(db, id_or_key);
  return target ? std::optional<std::int64_t>(target->id) : std::nullopt;
}

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

  // What does not change while the consultation is open is checked outside the transaction,
  // so that the writer thread only does what must be atomic; on the hot path of a surge it is
  // read once per thread and content generation (Known), not once per submission.
  Known& known = KnownNow(db);
  const auto* target = known.Target(db, consultation);
  if (!target) return NotFound("consultation " + consultation + ": no such consultation");
  const std::optional<std::int64_t> id = target->id;
  const std::string& cons_key = target->key;
  // The confirmation mail is only marked as due in the transaction; QueueConfirmationMails
  // composes it later in this language (the catalogue's, else the response's).
  std::string mail_lang = text::IsLanguage(in.mail_language) ? in.mail_language : in.language;
  if (!known.SelectableType(db, in.stakeholder_type))
    return InvalidArgument("stakeholder_type",
                           "stakeholder_type: unknown; see GET /api/v1/stakeholder-types");
  for (const auto& [n, t] : in.answers)
    if (!target->questions.contains(n))
      return InvalidArgument(fmt::format("answers.{}", n),
                             fmt::format("answers.{}: this consultation has no question {}", n, n));
  std::optional<std::string> key;
  if (in.idempotency_key) key = cons_key + ":" + *in.idempotency_key;
  std::string reference = RandomReference();
  return db.Write<Receipt>([&](Connection& c) -> Result<Receipt> {
    // The insert checks what it depends on itself, and inserts nothing when one of them fails
    // (on PostgreSQL each statement is a round trip inside the writer's transaction;
    // docs/PROFILE.md): the dates, read inside the transaction since an extension may have
    // just landed; no response stored with this Idempotency-Key; the drawn reference free.
    // Only when it inserted nothing does a second statement tell which.
    Instant now = Now();
    std::int64_t rid = 0;
    static constexpr std::string_view kInsert =
        "INSERT INTO responses(consultation_id, reference, idempotency_key, name, "
        "organization, job_title, country, stakeholder_type, email, language, "
        "general_text, consent_publish, submitted_at, ip_address, email_confirmed_at) "
        "SELECT c.id, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), "
        "CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), "
        "CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS INTEGER), "
        "CAST(? AS INTEGER), CAST(? AS TEXT), CAST(? AS INTEGER) "
        "FROM consultations c WHERE c.id = ? AND c.opens_at <= ? AND c.deadline >= ? "
        "AND NOT EXISTS (SELECT 1 FROM responses WHERE idempotency_key = ?) "
        "AND NOT EXISTS (SELECT 1 FROM responses WHERE reference = ?) RETURNING id";
    // The confirmation mail is due (as durable as the response; the mail itself is queued in a
    // batch later): on PostgreSQL its row is written by the insert itself.
    const std::optional<std::string> insert_with_mail =
        confirmed ? std::nullopt
                  : storage::InsertWithFollower(c, kInsert,
                                                "INSERT INTO confirmation_mails(response_id, "
                                                "language) SELECT id, CAST(? AS TEXT) FROM inserted");
    const bool mail_in_insert = insert_with_mail.has_value();
    for (int attempt = 0;; ++attempt) {
      Stmt insert(c, mail_in_insert ? std::string_view(*insert_with_mail) : kInsert);
      insert.BindAll(
          reference, key, in.name, in.organization, in.job_title, in.country,
          in.stakeholder_type, in.email, in.language, in.general_text, in.consent_publish, now,
          in.ip_address.empty() ? std::nullopt : std::optional<std::string>(in.ip_address),
          confirmed ? std::optional<std::int64_t>(now) : std::nullopt, *id, now, now, key,
          reference);
      if (mail_in_insert) insert.Bind(20, mail_lang);
      if (insert.Step()) {
        rid = insert.Int(0);
        while (insert.Step()) {
        }
        break;
      }
      Stmt check(c,
                 "SELECT opens_at, deadline, "
                 "(SELECT id FROM responses WHERE idempotency_key = ?), "
                 "(SELECT count(*) FROM responses WHERE reference = ?) "
                 "FROM consultations WHERE id = ?");
      check.BindAll(key, reference, *id);
      if (!check.Step()) return NotFound("consultation " + consultation + ": no such consultation");
      // A retried submission returns its first receipt and writes nothing.
      if (auto prior = check.OptInt(2)) return ReceiptFor(c, *prior, true);
      Instant opens_at = check.Int(0), deadline = check.Int(1);
      if (now < opens_at)
        return FailedPrecondition("consultation: not open yet; it opens on " + FormatIso(opens_at));
      if (now > deadline)
        return FailedPrecondition("consultation: the deadline (" + FormatIso(deadline) +
                                  ") has passed; responses are no longer accepted");
      // The reference drawn is taken: draw another. (Any other cause, such as a row another
      // server committed between the two statements, is decided by the next attempt.)
      if (attempt >= 16) throw std::runtime_error("responses: the insert stored nothing");
      reference = RandomReference();
    }
    // Deferred: on PostgreSQL these go in one round trip, answered when the writer ends the
    // job (an error there fails the submission as an error here would).
    if (!confirmed && !mail_in_insert)
      storage::ExecDeferred(
          c, "INSERT INTO confirmation_mails(response_id, language) VALUES(?,?)", rid, mail_lang);
    for (const auto& [n, t] : in.answers)
      if (!t.empty())
        storage::ExecDeferred(
            c, "INSERT INTO answers(response_id, question_number, text) VALUES(?,?,?)", rid, n,
            t);
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

// --- Confirmation mails behind the durable write --------------------------------------------

int QueueConfirmationMails(storage::Database& db, int max) {
  struct Due {
    std::int64_t id;
    std::string email, subject, body;
  };
  std::vector<Due> due;
  {
    // Composed on a read connection, off the writer thread: the signed link and the message.
    auto& rc = db.Read();
    Stmt s(rc,
           "SELECT q.response_id, q.language, r.reference, r.email, c.title "
           "FROM confirmation_mails q JOIN responses r ON r.id = q.response_id "
           "JOIN consultations c ON c.id = r.consultation_id ORDER BY q.response_id LIMIT ?");
    s.BindAll(max);
    std::string token_key;
    while (s.Step()) {
      if (token_key.empty()) token_key = accounts::TokenKey(rc);
      const std::string lang = s.Text(1), ref = s.Text(2), email = s.Text(3);
      const std::string title = site::Pick(s.Text(4), lang).text;
      const std::string token = accounts::SignToken(token_key, "c", ref, email,
                                                    Now() + accounts::kConfirmTokenSeconds);
      due.push_back(
          {s.Int(0), email, text::T(lang, "mail_confirm_subject", {{"title", title}}),
           text::T(lang, "mail_confirm_body",
                   {{"title", title},
                    {"reference", ref},
                    {"link", mail::PublicUrl() + "/" + lang + "/confirm?token=" + token}})});
    }
  }
  if (due.empty()) return 0;
  auto queued = db.Write<int>([&](Connection& c) -> Result<int> {
    // Claimed again inside the write: a row gone (queued by another server, or its response
    // erased) is skipped; on PostgreSQL a row another server is claiming right now is skipped
    // rather than waited for, and is gone when that server commits.
    std::set<std::int64_t> still;
    {
      Stmt s(c, std::string("SELECT response_id FROM confirmation_mails "
                            "WHERE response_id >= ? AND response_id <= ?") +
                    (c.dialect() == storage::Dialect::kPostgres ? " FOR UPDATE SKIP LOCKED" : ""));
      s.BindAll(due.front().id, due.back().id);
      while (s.Step()) still.insert(s.Int(0));
    }
    // The claimed rows deleted and their mails queued a few dozen a statement (on PostgreSQL
    // one statement per mail was a round trip each, on the writer's connection).
    std::vector<std::int64_t> claimed;
    std::vector<mail::Outgoing> mails;
    for (const auto& m : due) {
      if (!still.count(m.id)) continue;
      claimed.push_back(m.id);
      mails.push_back({m.email, m.subject, m.body});
    }
    constexpr std::size_t kRows = 32;
    for (std::size_t at = 0; at < claimed.size(); at += kRows) {
      std::size_t n = std::min(kRows, claimed.size() - at);
      std::string sql = "DELETE FROM confirmation_mails WHERE response_id IN (";
      for (std::size_t i = 0; i < n; ++i) sql += i ? ",?" : "?";
      std::vector<storage::Value> ids(claimed.begin() + at, claimed.begin() + at + n);
      storage::ExecDeferredValues(c, sql + ")", ids);
    }
    mail::EnqueueMany(c, mails);
    return static_cast<int>(claimed.size());
  });
  if (!queued.ok()) {
    // The writer's queue is full (a surge): the rows wait for the next round.
    if (queued.error().code == Code::kResourceExhausted) return 0;
    throw std::runtime_error("confirmation mails: " + queued.error().message);
  }
  return *queued;
}

std::int64_t PendingConfirmationMails(storage::Database& db) {
  return db.Read().QueryInt("SELECT count(*) FROM confirmation_mails").value_or(0);
}

ConfirmationMailer::ConfirmationMailer(storage::Database& db, int poll_ms) : db_(db) {
  thread_ = std::thread([this, poll_ms] {
    NameThisThread("plenary-mails");
    while (!stop_) {
      int n = 0;
      try {
        n = QueueConfirmationMails(db_);
      } catch (const std::exception& e) {
        spdlog::error("confirmation mails: {}", e.what());
      }
      if (n == 0) std::this_thread::sleep_for(std::chrono::milliseconds(poll_ms));
    }
  });
}

ConfirmationMailer::~ConfirmationMailer() {
  stop_ = true;
  thread_.join();
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

// --- Receipts with the copy of the answers ------------------------------------------------

namespace {
// What a receipt's link is bound to: the response, the address it was sent with, and whether
// its personal data were erased (an erasure ends every link, whatever the address was).
std::string ReceiptBinding(std::int64_t id, const std::string& email,
                           const std::optional<std::int64_t>& erased_at) {
  return "receipt\n" + std::to_string(id) + "\n" + email + "\n" +
         (erased_at ? std::to_string(*erased_at) : std::string());
}

struct ReceiptRow {
  std::int64_t id;
  std::string email;
  std::optional<std::int64_t> erased_at;
};
std::optional<ReceiptRow> ReadReceiptRow(Connection& c, const std::string& reference) {
  Stmt s(c, "SELECT id, email, erased_at FROM responses WHERE reference = ?");
  s.BindAll(reference);
  if (!s.Step()) return std::nullopt;
  return ReceiptRow{s.Int(0), s.Text(1),
                    s.IsNull(2) ? std::nullopt : std::optional<std::int64_t>(s.Int(2))};
}
}  // namespace

Result<std::string> ReceiptToken(storage::Database& db, const std::string& reference,
                                 std::int64_t expires) {
  auto& c = db.Read();
  auto row = ReadReceiptRow(c, reference);
  if (!row) return NotFound("reference " + reference + ": no such response");
  return accounts::SignToken(accounts::TokenKey(c), "r", reference,
                             ReceiptBinding(row->id, row->email, row->erased_at), expires);
}

Result<ReceiptCopy> FindReceiptCopy(storage::Database& db, const std::string& reference,
                                    const std::string& raw) {
  // One answer for every refusal: whether a reference exists is not told by this page.
  const Error not_found = NotFound("receipt: no receipt at this address; open the link of "
                                   "the page shown after sending, or of the confirmation mail");
  auto token = accounts::ParseToken(raw);
  if (!token || token->purpose != "r" || token->subject != reference) return not_found;
  auto& c = db.Read();
  auto row = ReadReceiptRow(c, reference);
  if (!row) return not_found;
  if (!accounts::VerifyToken(accounts::TokenKey(c), *token,
                             ReceiptBinding(row->id, row->email, row->erased_at), Now()))
    return not_found;
  auto response = GetResponse(db, row->id);
  if (!response.ok()) return not_found;
  return ReceiptCopy{ReceiptFor(c, row->id, false), std::move(*response), token->expires};
}

std::string MaskEmail(const std::string& email) {
  auto at = email.rfind('@');
  if (at == std::string::npos || at == 0) return "\u2022\u2022\u2022";
  // The first character of the local part (whole UTF-8 sequence), then the domain.
  std::size_t first = 1;
  while (first < at && (static_cast<unsigned char>(email[first]) & 0xC0) == 0x80) ++first;
  return email.substr(0, first) + "\u2022\u2022\u2022" + email.substr(at);
}

// --- Reading responses ---------------------------------------------------------------------

std::int64_t CountResponses(storage::Connection& c, std::int64_t consultation_id,
                            const std::optional<std::string>& status) {
  // The counter is kept in shards (migration 0033): the sum of its rows.
  if (status)
    return c.QueryInt("SELECT sum(n) FROM response_counts WHERE consultation_id = ? AND status = ?",
                      consultation_id, *status)
        .value_or(0);
  return c.QueryInt("SELECT sum(n) FROM response_counts WHERE consultation_id = ?",
                    consultation_id)
      .value_or(0);
}

namespace {
Page QueryResponses(storage::Database& db, std::int64_t consultation_id,
                    const std::optional<std::string>& status, bool staff, int page, int per_page,
                    std::optional<std::int64_t> only_id = std::nullopt,
                    std::optional<internal::Cursor> after = std::nullopt,
                    const ModerationFilter* filter = nullptr) {
  auto& c = db.Read();
  page = std::max(page, 1);
  per_page = std::clamp(per_page, 1, 200);
  Page out{{}, 0, page, per_page};
  // Conditions are spelled out (not "?2 IS NULL OR ...") so that SQLite walks the index in
  // submission order instead of sorting every response of the consultation.
  std::string where = "consultation_id = ?1";
  if (status) where += " AND status = ?2";
  if (only_id) where += " AND id = ?5";
  // A row value compared in the index's own order: the walk starts at the cursor.
  if (after) where += " AND (submitted_at, id) > (?6, ?7)";
  const bool narrows = filter && filter->narrows();
  if (narrows) {
    if (filter->stakeholder_type) where += " AND stakeholder_type = ?8";
    if (filter->country) where += " AND country = ?9";
    if (filter->language) where += " AND language = ?10";
    if (filter->confirmed)
      where += *filter->confirmed ? " AND email_confirmed_at IS NOT NULL"
                                  : " AND email_confirmed_at IS NULL";
  }
  auto bind_filter = [&](Stmt& st) {
    if (!narrows) return;
    if (filter->stakeholder_type) st.Bind(8, *filter->stakeholder_type);
    if (filter->country) st.Bind(9, *filter->country);
    if (filter->language) st.Bind(10, *filter->language);
  };
  // A campaign: its members are known in memory (CampaignTracker), not as a column. The ids
  // matching the other conditions are read in the list's order (one integer each, an index
  // walk) and kept when they are members; the page's rows are then read one by one by id.
  if (filter && filter->campaign && !only_id) {
    Stmt ids(c, "SELECT id FROM responses WHERE " + where + " ORDER BY submitted_at, id");
    ids.Bind(1, consultation_id);
    if (status) ids.Bind(2, *status);
    if (after) {
      ids.Bind(6, after->submitted_at);
      ids.Bind(7, after->id);
    }
    bind_filter(ids);
    std::vector<std::int64_t> matched;
    const auto& members = filter->campaign_members;
    while (ids.Step())
      if (std::binary_search(members.begin(), members.end(), ids.Int(0))) matched.push_back(ids.Int(0));
    out.total = static_cast<std::int64_t>(matched.size());
    const std::size_t from = after ? 0 : static_cast<std::size_t>(page - 1) * per_page;
    for (std::size_t i = from; i < matched.size() && i < from + static_cast<std::size_t>(per_page); ++i) {
      auto one = QueryResponses(db, consultation_id, std::nullopt, staff, 1, 1, matched[i]);
      for (auto& r : one.items) out.items.push_back(std::move(r));
    }
    return out;
  }
  // Kept by triggers in the writing transaction (migration 0015): no count per request. One
  // response asked by id counts itself (below).
  if (!only_id && !narrows) out.total = CountResponses(c, consultation_id, status);
  if (!only_id && narrows) {
    // A count over the matches: the moderators' filtered views only, not the public pages.
    Stmt n(c, "SELECT count(*) FROM responses WHERE " + where);
    n.Bind(1, consultation_id);
    if (status) n.Bind(2, *status);
    bind_filter(n);
    n.Step();
    out.total = n.Int(0);
  }
  Stmt s(c,
         "SELECT id, consultation_id, reference, name, organization, job_title, country, "
         "stakeholder_type, language, email, general_text, consent_publish, status, reject_reason, "
         "redacted, illustrative, submitted_at, published_at, ip_address, erased_at, "
         "email_confirmed_at FROM responses WHERE " +
             where + " ORDER BY submitted_at, id LIMIT ?3 OFFSET ?4");
  s.Bind(1, consultation_id);
  if (status) s.Bind(2, *status);
  if (only_id) s.Bind(5, *only_id);
  bind_filter(s);
  s.Bind(3, static_cast<std::int64_t>(per_page));
  s.Bind(4, after ? std::int64_t{0} : static_cast<std::int64_t>(page - 1) * per_page);
  if (after) {
    s.Bind(6, after->submitted_at);
    s.Bind(7, after->id);
  }
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
  if (only_id) out.total = static_cast<std::int64_t>(out.items.size());
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

Page internal::PublishedResponsesAfter(storage::Database& db, std::int64_t consultation_id,
                                       const Cursor& after, int page, int per_page) {
  return QueryResponses(db, consultation_id, std::string("published"), false, page, per_page,
                        std::nullopt, after);
}

Result<internal::Cursor> internal::ParseCursor(std::string_view text) {
  auto dot = text.find('.');
  auto bad = [] {
    return InvalidArgument("after", "after: the cursor of a list, two whole numbers joined by "
                                    "a dot, e.g. 1640000000.42");
  };
  if (dot == std::string_view::npos) return bad();
  auto at = ParseInt(text.substr(0, dot));
  auto id = ParseInt(text.substr(dot + 1));
  if (!at || !id) return bad();
  return Cursor{*at, *id};
}

std::string internal::CursorText(const Response& r) {
  return std::to_string(r.submitted_at) + "." + std::to_string(r.id);
}

Page AllResponses(storage::Database& db, std::int64_t consultation_id,
                  const std::optional<std::string>& status, int page, int per_page) {
  return QueryResponses(db, consultation_id, status, true, page, per_page);
}

std::string ModerationFilter::QueryString() const {
  std::string qs;
  auto keep = [&](const char* k, const std::optional<std::string>& v) {
    if (v) qs += std::string("&") + k + "=" + http::UrlEncode(*v);
  };
  keep("status", status);
  keep("stakeholder_type", stakeholder_type);
  keep("country", country);
  keep("language", language);
  if (confirmed) qs += *confirmed ? "&confirmed=yes" : "&confirmed=no";
  if (campaign) qs += "&campaign=" + std::to_string(*campaign);
  return qs;
}

Status CheckFilter(storage::Database& db, const ModerationFilter& f) {
  static const char* kStatuses[] = {"received", "accepted", "rejected", "published"};
  if (f.status && std::find(std::begin(kStatuses), std::end(kStatuses), *f.status) ==
                      std::end(kStatuses))
    return InvalidArgument("status", "status: must be one of received, accepted, rejected, published");
  if (f.country && !text::IsCountry(*f.country))
    return InvalidArgument("country", "country: must be an ISO 3166-1 alpha-2 code such as GH");
  if (f.language && !text::IsLanguage(*f.language))
    return InvalidArgument("language", "language: must be one of ar, zh, en, fr, ru, es");
  if (f.stakeholder_type && !meetings::IsStakeholderType(db.Read(), *f.stakeholder_type, false))
    return InvalidArgument("stakeholder_type", "stakeholder_type: no such stakeholder type");
  return Ok{};
}

Page PublishedFiltered(storage::Database& db, std::int64_t consultation_id,
                       const ModerationFilter& f, int page, int per_page,
                       const std::optional<std::pair<std::int64_t, std::int64_t>>& after) {
  ModerationFilter pub = f;
  pub.status.reset();
  pub.confirmed.reset();
  pub.campaign.reset();  // campaigns are the moderators' view
  pub.campaign_members.clear();
  std::optional<internal::Cursor> cursor;
  if (after) cursor = internal::Cursor{after->first, after->second};
  return QueryResponses(db, consultation_id, std::string("published"), false, page, per_page,
                        std::nullopt, cursor, &pub);
}

Page FilteredResponses(storage::Database& db, std::int64_t consultation_id,
                       const ModerationFilter& f, int page, int per_page) {
  return QueryResponses(db, consultation_id, f.status, true, page, per_page, std::nullopt,
                        std::nullopt, &f);
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

std::optional<AttachmentFile> AnyAttachment(storage::Database& db, std::int64_t id) {
  Stmt s(db.Read(), "SELECT filename, media_type, data FROM attachments WHERE id = ?");
  s.BindAll(id);
  if (!s.Step()) return std::nullopt;
  return AttachmentFile{s.Text(0), s.Text(1), s.Text(2)};
}

}  // namespace plenary::consultations

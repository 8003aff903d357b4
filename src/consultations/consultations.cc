// Consultations: queries, creation, deadline extensions, summaries and follow-up actions.
// Responses are in responses.cc, moderation and publication in moderation.cc, statistics
// and the report paragraph in statistics.cc.
#include "consultations/consultations.h"
#include "consultations/internal.h"
#include "consultations/sources.h"

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

namespace internal {

// A consultation's id from its numeric id or key.
std::optional<std::int64_t> ConsultationId(Connection& c, const std::string& id_or_key) {
  if (auto id = site::ParseId(id_or_key))
    return c.QueryInt("SELECT id FROM consultations WHERE id = ?", *id);
  return c.QueryInt("SELECT id FROM consultations WHERE key = ?", id_or_key);
}

constexpr char kSelect[] =
    "SELECT c.id, c.key, c.body_id, c.title, c.description, c.opens_at, c.deadline, c.timezone, "
    "c.launched_at_meeting_id, c.considered_at_meeting_id, c.meeting_id, c.summary, "
    "c.summary_published_at, c.illustrative FROM consultations c ";

// The row of kSelect, labelled with its body and meetings as meetings reports them.
Consultation RowToConsultation(Connection& conn, Stmt& s) {
  Consultation c;
  c.id = s.Int(0);
  c.key = s.Text(1);
  c.body_id = s.Int(2);
  if (auto body = meetings::BodyKeyOf(conn, c.body_id)) {
    c.body_key = std::move(body->key);
    c.body_acronym = std::move(body->acronym);
  }
  c.title = ParseJson(s.Text(3));
  c.description = ParseJson(s.Text(4));
  c.opens_at = s.Int(5);
  c.deadline = s.Int(6);
  c.timezone = s.Text(7);
  c.launched_at_meeting_id = s.OptInt(8);
  if (c.launched_at_meeting_id)
    c.launched_at_meeting_number = meetings::MeetingNumber(conn, *c.launched_at_meeting_id);
  c.considered_at_meeting_id = s.OptInt(9);
  if (c.considered_at_meeting_id)
    c.considered_at_meeting_number = meetings::MeetingNumber(conn, *c.considered_at_meeting_id);
  c.meeting_id = s.OptInt(10);
  c.summary = s.IsNull(11) ? json::value(nullptr) : ParseJson(s.Text(11));
  c.summary_published_at = s.OptInt(12);
  c.illustrative = s.Int(13) != 0;
  return c;
}

void LoadDetails(Connection& conn, Consultation& c) {
  Stmt q(conn, "SELECT number, text FROM questions WHERE consultation_id = ? ORDER BY number");
  q.BindAll(c.id);
  while (q.Step()) c.questions.push_back({static_cast<int>(q.Int(0)), ParseJson(q.Text(1))});
  c.drafts = site::DraftsOf(conn, "consultation", c.id);
  Stmt e(conn,
         "SELECT previous_deadline, new_deadline, reason, at FROM deadline_extensions "
         "WHERE consultation_id = ? ORDER BY at, id");
  e.BindAll(c.id);
  while (e.Step()) c.extensions.push_back({e.Int(0), e.Int(1), ParseJson(e.Text(2)), e.Int(3)});
  for (auto& a : meetings::ActionsFollowing(conn, c.id))
    c.follow_up.push_back({a.id, a.meeting_id, a.meeting_number, std::move(a.meeting_starts_on),
                           std::move(a.number), std::move(a.kind), std::move(a.owner),
                           std::move(a.text)});
}

Result<Consultation> GetOn(Connection& conn, const std::string& id_or_key) {
  auto id = ConsultationId(conn, id_or_key);
  if (!id) return NotFound("consultation " + id_or_key + ": no such consultation");
  Stmt s(conn, std::string(kSelect) + "WHERE c.id = ?");
  s.BindAll(*id);
  if (!s.Step()) return NotFound("consultation " + id_or_key + ": no such consultation");
  Consultation c = RowToConsultation(conn, s);
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

}  // namespace internal

using internal::ConsultationId;
using internal::GetOn;
using internal::LoadDetails;
using internal::RowToConsultation;
using internal::kSelect;

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
  while (s.Step()) out.push_back(RowToConsultation(conn, s));
  for (auto& c : out) LoadDetails(conn, c);
  return out;
}

// --- Secretariat use cases -----------------------------------------------------------------

Result<bool> internal::WriteTextStates(storage::Connection& c, std::int64_t id,
                             const json::value& old_title, const json::value& title,
                             const json::value& old_description, const json::value& description,
                             const std::vector<json::value>& old_questions,
                             const std::vector<json::value>& questions,
                             const site::AskedStates& asked) {
  std::vector<site::TextChange> changes{{"title", old_title, title},
                                        {"description", old_description, description}};
  for (std::size_t i = 0; i < std::max(questions.size(), old_questions.size()); ++i)
    changes.push_back({fmt::format("questions.{}", i + 1),
                       i < old_questions.size() ? old_questions[i] : json::value(),
                       i < questions.size() ? questions[i] : json::value()});
  return site::WriteTextStates(c, "consultation", id, changes, asked);
}

Result<Consultation> Create(storage::Database& db, std::int64_t user_id,
                            const ConsultationInput& in) {
  static const std::regex kKey(R"([a-z0-9][a-z0-9-]{1,62})");
  if (!std::regex_match(in.key, kKey))
    return InvalidArgument("key", "key: 2-63 lower-case letters, digits and hyphens");
  auto title = Multilingual(in.title, "title", true, kMaxTitleChars);
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
    if (auto s = internal::WriteTextStates(c, id, {}, *title, {}, *description, {}, questions,
                                           in.states);
        !s.ok())
      return s.error();
    search::Enqueue(c, "consultation", id);
    RecordCitations(c, id);
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
    if (cons->summary_published_at)  // final (lifecycle.h): no new deadline reopens it
      return Error{Code::kFailedPrecondition,
                   "status: the results of this consultation are published; its status can no "
                   "longer change",
                   "status"};
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

Result<Consultation> SetSummary(storage::Database& db, std::int64_t user_id,
                                const std::string& consultation, const json::value& summary,
                                const site::AskedStates& asked) {
  auto text = Multilingual(summary, "summary", true, 50000);
  if (!text.ok()) return text.error();
  return db.Write<Consultation>([&](Connection& c) -> Result<Consultation> {
    auto cons = GetOn(c, consultation);
    if (!cons.ok()) return cons.error();
    auto states = site::WriteTextStates(c, "consultation", cons->id,
                                        {{"summary", cons->summary, *text}}, asked);
    if (!states.ok()) return states.error();
    // Only the text: the status (and so whether the summary is public) moves by PublishResults.
    c.Exec("UPDATE consultations SET summary = ? WHERE id = ?", json::serialize(*text), cons->id);
    search::Enqueue(c, "consultation", cons->id);
    RecordCitations(c, cons->id);  // cites only once published; a new text replaces the old
    audit::Record(c, user_id, "consultation.summary", "consultation", cons->id,
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
    meetings::NewAction action;
    action.meeting_id = *meeting;
    action.consultation_id = cons->id;
    action.number = in.number;
    action.kind = in.kind;
    action.owner = *owner;
    action.text = *text;
    action.created_at = Now();
    std::int64_t id = meetings::InsertAction(c, action);
    search::Enqueue(c, "action", id);
    documents::RecordCitationsOf(c, "action", id, {&action.text});
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

}  // namespace plenary::consultations

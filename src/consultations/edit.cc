// Editing a consultation (consultations.h, Edit): everything until its first response, then
// corrections only, each edit audited with the old values. The rules are in the header.
#include <fmt/format.h>

#include "audit/audit.h"
#include "base/time.h"
#include "consultations/consultations.h"
#include "consultations/internal.h"
#include "consultations/sources.h"
#include "meetings/meetings.h"
#include "search/search.h"
#include "site/fields.h"

namespace plenary::consultations {

namespace json = boost::json;
using site::Multilingual;
using storage::Connection;
using storage::Stmt;

namespace {

// The consultation's questions as a JSON array of their texts, in order.
json::array QuestionTexts(const std::vector<Question>& qs) {
  json::array out;
  for (const auto& q : qs) out.push_back(q.text);
  return out;
}

// The meeting a link names, or nullopt for "" (unlinked); 400 naming `field` when unknown.
Result<std::optional<std::int64_t>> MeetingLink(Connection& c, const std::string& field,
                                                const std::string& id) {
  if (id.empty()) return std::optional<std::int64_t>();
  auto m = meetings::MeetingId(c, id);
  if (!m) return InvalidArgument(field, field + ": no such meeting");
  return std::optional<std::int64_t>(*m);
}

// The drafts as the audit entry keeps them: field → languages.
json::value DraftsJson(const site::Drafts& drafts) {
  json::object o;
  for (const auto& [field, langs] : drafts) {
    json::array a;
    for (const auto& l : langs) a.push_back(json::value(l));
    o[field] = std::move(a);
  }
  return o;
}

json::value OptId(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

Result<Consultation> Edit(storage::Database& db, std::int64_t user_id,
                          const std::string& consultation, const ConsultationPatch& in) {
  // The input alone first: nothing is read or written for a malformed edit.
  std::optional<json::value> title, description;
  if (in.title) {
    auto t = Multilingual(*in.title, "title", true, 500);
    if (!t.ok()) return t.error();
    title = *t;
  }
  if (in.description) {
    auto d = Multilingual(*in.description, "description", false, 20000);
    if (!d.ok()) return d.error();
    description = *d;
  }
  std::optional<json::array> questions;
  if (in.questions) {
    if (in.questions->empty()) return InvalidArgument("questions", "questions: at least one");
    if (in.questions->size() > 50) return InvalidArgument("questions", "questions: at most 50");
    questions.emplace();
    for (std::size_t i = 0; i < in.questions->size(); ++i) {
      auto q = Multilingual((*in.questions)[i], fmt::format("questions.{}", i + 1), true, 2000);
      if (!q.ok()) return q.error();
      questions->push_back(*q);
    }
  }
  if (in.timezone && !IsTimeZone(site::Trim(*in.timezone)))
    return InvalidArgument("timezone", "timezone: not an IANA time zone such as Europe/Zurich");
  json::value reason = nullptr;
  if (!in.reason.is_null()) {
    auto r = Multilingual(in.reason, "reason", false, 2000);
    if (!r.ok()) return r.error();
    if (!r->as_object().empty()) reason = *r;
  }

  return db.Write<Consultation>([&](Connection& c) -> Result<Consultation> {
    auto cons = internal::GetOn(c, consultation);
    if (!cons.ok()) return cons.error();
    const bool has_responses =
        c.QueryInt("SELECT 1 FROM responses WHERE consultation_id = ? LIMIT 1", cons->id)
            .has_value();
    const std::string tz = in.timezone ? site::Trim(*in.timezone) : cons->timezone;
    std::int64_t opens = cons->opens_at, deadline = cons->deadline;
    if (in.opens_at) {
      auto t = ParseIso(site::Trim(*in.opens_at), tz);
      if (!t) return InvalidArgument("opens_at", "opens_at: expected YYYY-MM-DDTHH:MM");
      opens = *t;
    }
    if (in.deadline) {
      auto t = ParseIso(site::Trim(*in.deadline), tz);
      if (!t) return InvalidArgument("deadline", "deadline: expected YYYY-MM-DDTHH:MM");
      deadline = *t;
    }
    std::optional<std::int64_t> launched = cons->launched_at_meeting_id, meeting = cons->meeting_id;
    if (in.launched_at_meeting) {
      auto m = MeetingLink(c, "launched_at_meeting", site::Trim(*in.launched_at_meeting));
      if (!m.ok()) return m.error();
      launched = *m;
    }
    if (in.meeting) {
      auto m = MeetingLink(c, "meeting", site::Trim(*in.meeting));
      if (!m.ok()) return m.error();
      if (*m && !meetings::MeetingIsOfKind(c, **m, "open_consultation"))
        return InvalidArgument("meeting",
                               "meeting: must be a meeting of kind open_consultation");
      meeting = *m;
    }

    // What changes, as the audit entry keeps it: the old values, then the new ones.
    json::object before, after;
    auto change = [&](const char* field, json::value old_value, json::value new_value) {
      if (old_value == new_value) return false;
      before[field] = std::move(old_value);
      after[field] = std::move(new_value);
      return true;
    };
    bool wording = false;
    if (title) wording |= change("title", cons->title, *title);
    if (description) wording |= change("description", cons->description, *description);
    json::array old_questions = QuestionTexts(cons->questions);
    const bool questions_changed =
        questions && change("questions", old_questions, *questions);
    wording |= questions_changed;
    const bool tz_changed = change("timezone", json::value(cons->timezone), json::value(tz));
    const bool opens_changed =
        change("opens_at", json::value(FormatIso(cons->opens_at)), json::value(FormatIso(opens)));
    const bool deadline_changed = change("deadline", json::value(FormatIso(cons->deadline)),
                                         json::value(FormatIso(deadline)));
    change("launched_at_meeting", OptId(cons->launched_at_meeting_id), OptId(launched));
    change("meeting", OptId(cons->meeting_id), OptId(meeting));
    // Each language's state, for the texts as this edit leaves them (a failure below rolls
    // these rows back with the rest).
    std::vector<json::value> old_q(old_questions.begin(), old_questions.end());
    std::vector<json::value> new_q = questions
        ? std::vector<json::value>(questions->begin(), questions->end()) : old_q;
    auto states = internal::WriteTextStates(c, cons->id, cons->title, title ? *title : cons->title,
                                  cons->description,
                                  description ? *description : cons->description, old_q, new_q,
                                  in.states);
    if (!states.ok()) return states.error();
    if (*states) {
      before["drafts"] = DraftsJson(cons->drafts);
      after["drafts"] = DraftsJson(site::DraftsOf(c, "consultation", cons->id));
    }
    if (after.empty()) return *cons;  // nothing to do, nothing to record

    if (has_responses) {
      // Respondents answered this consultation as it stood: only its wording may be corrected.
      for (auto [changed, field] : {std::pair{tz_changed, "timezone"}, {opens_changed, "opens_at"},
                                    {deadline_changed, "deadline"}})
        if (changed)
          return Error{Code::kFailedPrecondition,
                       std::string(field) +
                           ": the consultation has responses; only corrections of its wording "
                           "are allowed (the deadline moves by extending it)",
                       field};
      if (questions_changed && questions->size() != old_questions.size())
        return Error{Code::kFailedPrecondition,
                     "questions: the consultation has responses; its questions may be reworded, "
                     "not added or removed",
                     "questions"};
      if (wording && reason.is_null())
        return InvalidArgument("reason", "reason: required once the consultation has responses");
    } else {
      if (deadline <= opens)
        return InvalidArgument("deadline", "deadline: must be after opens_at");
      const std::int64_t now = Now();
      Consultation moved = *cons;
      moved.opens_at = opens;
      moved.deadline = deadline;
      const std::string was = StatusOf(*cons, now), would = StatusOf(moved, now);
      if (was != would) {
        const char* field = opens_changed ? "opens_at" : "deadline";
        return Error{Code::kFailedPrecondition,
                     fmt::format("{}: this change would make the consultation {}; its status "
                                 "moves only by opening, closing or reopening it",
                                 field, would),
                     field};
      }
    }

    c.Exec("UPDATE consultations SET title = ?, description = ?, opens_at = ?, deadline = ?, "
           "timezone = ?, launched_at_meeting_id = ?, meeting_id = ? WHERE id = ?",
           json::serialize(title ? *title : cons->title),
           json::serialize(description ? *description : cons->description), opens, deadline, tz,
           launched, meeting, cons->id);
    if (questions_changed) {
      if (has_responses) {  // same numbers: the answers keep pointing at their question
        for (std::size_t i = 0; i < questions->size(); ++i)
          c.Exec("UPDATE questions SET text = ? WHERE consultation_id = ? AND number = ?",
                 json::serialize((*questions)[i]), cons->id, static_cast<std::int64_t>(i + 1));
      } else {
        c.Exec("DELETE FROM questions WHERE consultation_id = ?", cons->id);
        for (std::size_t i = 0; i < questions->size(); ++i)
          c.Exec("INSERT INTO questions(consultation_id, number, text) VALUES(?,?,?)", cons->id,
                 static_cast<std::int64_t>(i + 1), json::serialize((*questions)[i]));
      }
    }
    search::Enqueue(c, "consultation", cons->id);
    RecordCitations(c, cons->id);
    if (!reason.is_null()) after["reason"] = reason;
    after["had_responses"] = has_responses;
    audit::Record(c, user_id, "consultation.edit", "consultation", cons->id,
                  json::serialize(before), json::serialize(after));
    return internal::GetOn(c, std::to_string(cons->id));
  });
}

}  // namespace plenary::consultations

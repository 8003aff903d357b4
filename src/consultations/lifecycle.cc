// The explicit actions that move a consultation's status (open, close, reopen, publish
// results), each checked against the status it finds inside its own transaction.
#include "consultations/lifecycle.h"

#include <fmt/format.h>

#include <algorithm>

#include "audit/audit.h"
#include "base/time.h"
#include "consultations/internal.h"
#include "consultations/sources.h"
#include "search/search.h"
#include "site/fields.h"

namespace plenary::consultations {

namespace json = boost::json;
using storage::Connection;

Stage StageOf(const Consultation& c, std::int64_t now) {
  std::string s = StatusOf(c, now);
  if (s == "upcoming") return Stage::kUpcoming;
  if (s == "open") return Stage::kOpen;
  if (s == "closed") return Stage::kClosed;
  return Stage::kResultsPublished;
}

const char* TransitionName(Transition t) {
  switch (t) {
    case Transition::kOpen:
      return "open";
    case Transition::kClose:
      return "close";
    case Transition::kReopen:
      return "reopen";
    case Transition::kPublishResults:
      return "publish-results";
  }
  return "";
}

std::optional<Transition> TransitionNamed(std::string_view name) {
  for (auto t :
       {Transition::kOpen, Transition::kClose, Transition::kReopen, Transition::kPublishResults})
    if (name == TransitionName(t)) return t;
  return std::nullopt;
}

namespace {

// A refusal because of the status (or of a missing summary): 409, naming what is in the way.
Error Refused(std::string field, std::string message) {
  return {Code::kFailedPrecondition, std::move(message), std::move(field)};
}

// The reason of a reopening, checked like every multilingual field (required, ≤ 2,000).
Result<json::value> ReasonOf(const json::value& reason) {
  return site::Multilingual(reason, "reason", true, 2000);
}

}  // namespace

Status CheckTransition(const Consultation& c, Transition t, const TransitionInput& in,
                       std::int64_t now) {
  Stage stage = StageOf(c, now);
  const std::string deadline = FormatIso(c.deadline);
  if (stage == Stage::kResultsPublished)
    return Refused(
        "status",
        "status: the results of this consultation are published; its status can no longer "
        "change");
  switch (t) {
    case Transition::kOpen:
      if (stage == Stage::kOpen)
        return Refused("status",
                       "status: the consultation is already open (until " + deadline + ")");
      if (stage == Stage::kClosed)
        return Refused(
            "status",
            "status: the consultation is closed; reopen it with a reason and a new deadline");
      return Ok{};
    case Transition::kClose:
      if (stage == Stage::kUpcoming)
        return Refused("status", "status: the consultation is not open yet (it opens on " +
                                     FormatIso(c.opens_at) + "); there is nothing to close");
      if (stage == Stage::kClosed)
        return Refused("status",
                       "status: the consultation is already closed (since " + deadline + ")");
      return Ok{};
    case Transition::kReopen: {
      if (stage == Stage::kUpcoming)
        return Refused("status", "status: the consultation is not open yet; open it instead");
      if (stage == Stage::kOpen)
        return Refused("status", "status: the consultation is open (until " + deadline +
                                     "); extend its deadline instead of reopening it");
      auto why = ReasonOf(in.reason);
      if (!why.ok()) return why.error();
      auto t2 = ParseIso(in.deadline, c.timezone);
      if (!t2) return InvalidArgument("deadline", "deadline: expected YYYY-MM-DDTHH:MM");
      if (*t2 <= now)
        return InvalidArgument("deadline", "deadline: the new deadline must be in the future");
      return Ok{};
    }
    case Transition::kPublishResults:
      if (stage == Stage::kUpcoming)
        return Refused(
            "status",
            "status: the consultation is not open yet; results are published after it closes");
      if (stage == Stage::kOpen)
        return Refused("status", "status: the consultation is open until " + deadline +
                                     "; close it before publishing its results");
      if (c.summary.is_null())
        return Refused("summary",
                       "summary: write the participants' summary before publishing the results");
      return Ok{};
  }
  return Ok{};
}

Result<Consultation> Apply(storage::Database& db, std::int64_t user_id,
                           const std::string& consultation, Transition t,
                           const TransitionInput& in) {
  auto written = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    // Read inside the transaction: another action may have just moved the status.
    auto cons = internal::GetOn(c, consultation);
    if (!cons.ok()) return cons.error();
    std::int64_t now = Now();
    if (auto ok = CheckTransition(*cons, t, in, now); !ok.ok()) return ok.error();
    json::object before{{"status", StatusOf(*cons, now)}}, after;
    switch (t) {
      case Transition::kOpen:
        c.Exec("UPDATE consultations SET opens_at = ? WHERE id = ?", now, cons->id);
        before["opens_at"] = FormatIso(cons->opens_at);
        after["opens_at"] = FormatIso(now);
        break;
      case Transition::kClose:
        // The deadline becomes the last second that has passed: from now on responses are
        // refused (SubmitResponse compares with the deadline) and the status is "closed".
        c.Exec("UPDATE consultations SET deadline = ? WHERE id = ?", now - 1, cons->id);
        before["deadline"] = FormatIso(cons->deadline);
        after["deadline"] = FormatIso(now - 1);
        break;
      case Transition::kReopen: {
        json::value why = *ReasonOf(in.reason);
        std::int64_t deadline = *ParseIso(in.deadline, cons->timezone);
        // Kept with the deadline extensions: the public page shows the history and why.
        c.Exec(
            "INSERT INTO deadline_extensions(consultation_id, previous_deadline, "
            "new_deadline, reason, user_id, at) VALUES(?,?,?,?,?,?)",
            cons->id, cons->deadline, deadline, json::serialize(why), user_id, now);
        c.Exec("UPDATE consultations SET deadline = ? WHERE id = ?", deadline, cons->id);
        before["deadline"] = FormatIso(cons->deadline);
        after["deadline"] = FormatIso(deadline);
        after["reason"] = why;
        break;
      }
      case Transition::kPublishResults:
        c.Exec("UPDATE consultations SET summary_published_at = ? WHERE id = ?", now, cons->id);
        search::Enqueue(c, "consultation", cons->id);  // the summary becomes searchable
        RecordCitations(c, cons->id);                  // and what it cites, cited
        break;
    }
    after["status"] = t == Transition::kPublishResults ? "published"
                      : t == Transition::kClose        ? "closed"
                                                       : "open";
    std::string action = std::string("consultation.") + TransitionName(t);
    std::replace(action.begin(), action.end(), '-', '_');
    audit::Record(c, user_id, action, "consultation", cons->id, json::serialize(before),
                  json::serialize(after));
    return cons->id;
  });
  if (!written.ok()) return written.error();
  return Get(db, std::to_string(*written));
}

Result<Consultation> Open(storage::Database& db, std::int64_t user_id,
                          const std::string& consultation) {
  return Apply(db, user_id, consultation, Transition::kOpen, {});
}
Result<Consultation> Close(storage::Database& db, std::int64_t user_id,
                           const std::string& consultation) {
  return Apply(db, user_id, consultation, Transition::kClose, {});
}
Result<Consultation> Reopen(storage::Database& db, std::int64_t user_id,
                            const std::string& consultation, const std::string& deadline,
                            const json::value& reason) {
  return Apply(db, user_id, consultation, Transition::kReopen, {deadline, reason});
}
Result<Consultation> PublishResults(storage::Database& db, std::int64_t user_id,
                                    const std::string& consultation) {
  return Apply(db, user_id, consultation, Transition::kPublishResults, {});
}

}  // namespace plenary::consultations

// The lifecycle of a consultation: the four explicit actions that move its status, and the
// check the secretariat's confirmation page runs before asking to confirm one of them.
// Nothing else changes a consultation's status: saving its summary never does.
#pragma once
#include <boost/json.hpp>
#include <cstdint>
#include <string>

#include "base/result.h"
#include "consultations/consultations.h"
#include "storage/db.h"

namespace plenary::consultations {

// Where a consultation stands (StatusOf gives the same as text), and what moves it:
enum class Stage {
  kUpcoming,  // created by Create, opens_at in the future; → kOpen by Open (or opens_at reached)
  kOpen,      // → kClosed by Close (or when the deadline set by Create/ExtendDeadline passes);
              //   ExtendDeadline moves the deadline later and keeps it open
  kClosed,    // → kOpen by Reopen (a reason and a new deadline, kept in the deadline history;
              //   ExtendDeadline, which also needs a reason, does the same);
              //   → kResultsPublished by PublishResults (needs the participants' summary)
  kResultsPublished,  // final: the summary is public; nothing moves it back
};
Stage StageOf(const Consultation& c, std::int64_t now);

enum class Transition { kOpen, kClose, kReopen, kPublishResults };
// "open", "close", "reopen", "publish-results": the last segment of the routes.
const char* TransitionName(Transition t);
std::optional<Transition> TransitionNamed(std::string_view name);

// What a transition needs besides the consultation: Reopen only, a new deadline (local time
// of the consultation's zone, YYYY-MM-DDTHH:MM) and a reason ({lang: text} or text).
struct TransitionInput {
  std::string deadline;
  boost::json::value reason;
};

// Whether `t` may happen to `c` at `now` with `in`: the same checks the actions run inside
// their transaction. 409 (kFailedPrecondition) with a sentence saying why when the
// consultation's status does not allow it; 400 naming `reason` or `deadline` for bad input.
Status CheckTransition(const Consultation& c, Transition t, const TransitionInput& in,
                       std::int64_t now);

// The actions. Each reads the consultation again in its transaction, checks, writes and
// records its audit entry (consultation.open, .close, .reopen, .publish_results).
Result<Consultation> Open(storage::Database& db, std::int64_t user_id,
                          const std::string& consultation);
Result<Consultation> Close(storage::Database& db, std::int64_t user_id,
                           const std::string& consultation);
Result<Consultation> Reopen(storage::Database& db, std::int64_t user_id,
                            const std::string& consultation, const std::string& deadline,
                            const boost::json::value& reason);
Result<Consultation> PublishResults(storage::Database& db, std::int64_t user_id,
                                    const std::string& consultation);
// One of the above by its name.
Result<Consultation> Apply(storage::Database& db, std::int64_t user_id,
                           const std::string& consultation, Transition t,
                           const TransitionInput& in);

}  // namespace plenary::consultations

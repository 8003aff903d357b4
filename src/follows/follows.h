// Following: a signed-in participant follows a body, a consultation or a meeting, and receives
// once a day, in their language, a mail of what is new in what they follow (new open
// consultations, documents, deadlines coming within a week, decisions, results published).
//
// The digest is built on the mail outbox: RunDigest writes, per participant, a row of `digests`
// (primary key: participant and UTC day) and the mail in one transaction, so a digest is sent
// once a day even when several servers run it at once (the second insert finds the first's row
// and sends nothing; on PostgreSQL it waits for the first's commit). A digest with nothing in it
// is not sent and leaves no row: its period is carried into the next one. Each digest covers
// what appeared since the end of the last one (the first: since the participant's first follow),
// in whole seconds up to the one before it runs.
// The clock is a parameter: `plenary digest --now` and the tests drive it.
#pragma once
#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "storage/db.h"

namespace plenary::follows {

// How far ahead a deadline is announced.
inline constexpr Instant kDeadlineNoticeSeconds = 7 * 24 * 3600;

// What a participant follows, labelled in `lang` for the account page and the API.
struct Followed {
  std::string kind;  // "body" | "consultation" | "meeting"
  std::int64_t id = 0;
  std::string key;   // a body's or consultation's key; a meeting's id
  std::string label;
  // The language of a name or title in `label` that is not in the reader's (site::Pick fell
  // back), for its element on pages; empty when the label is in the reader's language.
  std::string label_lang;
  std::string path;  // the page, without the language prefix: "/bodies/cwg-internet"
  Instant since = 0;
};

// Follows `target` (an id, or a body's or consultation's key) of `kind` for account `user_id`,
// and makes `lang` the language of their mails; audited ("follow.add") when it is new.
// Returns the followed thing (labelled in `lang`). Errors: 400 naming "kind"; 404 when there is
// no such body, consultation or meeting.
Result<Followed> Follow(storage::Database& db, std::int64_t user_id, const std::string& kind,
                        const std::string& target, const std::string& lang, Instant now);
// Stops following; audited ("follow.remove") when it was followed. Returns the thing (so the
// page can go back to it). Errors as Follow.
Result<Followed> Unfollow(storage::Database& db, std::int64_t user_id, const std::string& kind,
                          const std::string& target, const std::string& lang);
// What `target` (an id, or a body's or consultation's key) of `kind` is, labelled in `lang`,
// without following it: where a refused follow form goes back to. Errors as Follow.
Result<Followed> Describe(storage::Database& db, const std::string& kind,
                          const std::string& target, const std::string& lang);
// The account's follows, labelled in `lang`.
std::vector<Followed> ListFollowed(storage::Database& db, std::int64_t user_id,
                                   const std::string& lang);

// One line of a digest.
struct DigestItem {
  std::string section;  // "consultations" | "documents" | "deadlines" | "decisions"
  std::string text;
  std::string path;     // without the language prefix
};
// What is new for account `user_id` in (since, until], in `lang`, read on `c`; deadlines from
// after `deadlines_after` (those an earlier digest announced come before) to a week after
// `until`.
std::vector<DigestItem> DigestItems(storage::Connection& c, std::int64_t user_id, Instant since,
                                    Instant until, const std::string& lang,
                                    Instant deadlines_after);

struct DigestRun {
  int sent = 0;     // digests queued now
  int empty = 0;    // followers with nothing new
  int already = 0;  // followers whose digest of the day was already sent
};
// Queues today's digest (the UTC day of `now`) of every follower with a verified address.
Result<DigestRun> RunDigest(storage::Database& db, Instant now);

// A thread that runs the digest every `interval_seconds` once the UTC hour of the day reaches
// `hour` (0–23); stops when destroyed. Several servers may each run one.
class DigestScheduler {
 public:
  DigestScheduler(storage::Database& db, int hour, int interval_seconds);
  ~DigestScheduler();

 private:
  storage::Database& db_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace plenary::follows

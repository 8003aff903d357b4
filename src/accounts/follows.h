// What a participant follows (a body, a consultation or a meeting) and the language of their
// mails: rows of the account, written and read here inside the callers' transactions. The
// use cases that check the followed thing exists, audit and send the digest are in follows/.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "base/time.h"
#include "storage/db.h"

namespace plenary::accounts {

struct Follow {
  std::string kind;  // "body" | "consultation" | "meeting"
  std::int64_t target_id = 0;
  Instant created_at = 0;
};

// True for "body", "consultation" and "meeting".
bool IsFollowKind(const std::string& kind);

// Adds the follow; false when the account already followed it (nothing changes).
bool InsertFollow(storage::Connection& c, std::int64_t user_id, const std::string& kind,
                  std::int64_t target_id, Instant now);
// Removes the follow; false when there was none.
bool DeleteFollow(storage::Connection& c, std::int64_t user_id, const std::string& kind,
                  std::int64_t target_id);
bool IsFollowing(storage::Connection& c, std::int64_t user_id, const std::string& kind,
                 std::int64_t target_id);
// The follows of an account, oldest first.
std::vector<Follow> FollowsOf(storage::Connection& c, std::int64_t user_id);

// An account that follows something and may receive mail (verified address).
struct Follower {
  std::int64_t user_id = 0;
  std::string email, name, language;
};
std::vector<Follower> Followers(storage::Connection& c);

// The language of the account's mails (one of the six; anything else is ignored).
void SetLanguage(storage::Connection& c, std::int64_t user_id, const std::string& lang);

}  // namespace plenary::accounts

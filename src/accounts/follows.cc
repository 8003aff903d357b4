// Rows of `follows` and the language of an account's mails.
#include "accounts/follows.h"

#include "text/messages.h"

namespace plenary::accounts {

bool IsFollowKind(const std::string& kind) {
  return kind == "body" || kind == "consultation" || kind == "meeting";
}

bool InsertFollow(storage::Connection& c, std::int64_t user_id, const std::string& kind,
                  std::int64_t target_id, Instant now) {
  c.Exec("INSERT INTO follows(user_id, kind, target_id, created_at) VALUES(?,?,?,?) "
         "ON CONFLICT DO NOTHING",
         user_id, kind, target_id, now);
  return c.Changes() > 0;
}

bool DeleteFollow(storage::Connection& c, std::int64_t user_id, const std::string& kind,
                  std::int64_t target_id) {
  c.Exec("DELETE FROM follows WHERE user_id = ? AND kind = ? AND target_id = ?", user_id, kind,
         target_id);
  return c.Changes() > 0;
}

bool IsFollowing(storage::Connection& c, std::int64_t user_id, const std::string& kind,
                 std::int64_t target_id) {
  return c.QueryInt("SELECT 1 FROM follows WHERE user_id = ? AND kind = ? AND target_id = ?",
                    user_id, kind, target_id)
      .has_value();
}

std::vector<Follow> FollowsOf(storage::Connection& c, std::int64_t user_id) {
  std::vector<Follow> out;
  storage::Stmt s(c, "SELECT kind, target_id, created_at FROM follows WHERE user_id = ? "
                     "ORDER BY created_at, kind, target_id");
  s.BindAll(user_id);
  while (s.Step()) out.push_back(Follow{s.Text(0), s.Int(1), s.Int(2)});
  return out;
}

std::vector<Follower> Followers(storage::Connection& c) {
  std::vector<Follower> out;
  storage::Stmt s(c,
                  "SELECT u.id, u.email, u.name, u.language FROM users u WHERE "
                  "u.email_verified_at IS NOT NULL AND EXISTS (SELECT 1 FROM follows f WHERE "
                  "f.user_id = u.id) ORDER BY u.id");
  while (s.Step()) out.push_back(Follower{s.Int(0), s.Text(1), s.Text(2), s.Text(3)});
  return out;
}

void SetLanguage(storage::Connection& c, std::int64_t user_id, const std::string& lang) {
  if (!text::IsLanguage(lang)) return;
  c.Exec("UPDATE users SET language = ? WHERE id = ? AND language <> ?", lang, user_id, lang);
}

}  // namespace plenary::accounts

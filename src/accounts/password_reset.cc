// Reset links of forgotten passwords: random tokens stored as digests, one use, short expiry.
#include "accounts/password_reset.h"

#include <atomic>
#include <regex>

#include "audit/audit.h"
#include "base/random.h"
#include "mail/mail.h"
#include "text/messages.h"

namespace plenary::accounts {

namespace {
std::atomic<int> reset_seconds{kDefaultResetTokenSeconds};

const Error& BadResetToken() {
  static const Error kBad = InvalidArgument(
      "token", "token: this link is not valid, was already used or has expired; ask for a new one");
  return kBad;
}

constexpr char kUserOfUsableLink[] =
    "SELECT u.id, u.email, u.name, u.role, u.member_state, u.email_verified_at IS NOT NULL "
    "FROM password_resets r JOIN users u ON u.id = r.user_id "
    "WHERE r.token_hash = ? AND r.used_at IS NULL AND r.expires_at > ?";

// The account of a usable link, read on `c` (the writer's connection inside the transaction).
std::optional<User> UserOfToken(storage::Connection& c, const std::string& token, Instant now) {
  // A token is 43 characters of base64url; anything else is not looked up.
  if (token.empty() || token.size() > 100) return std::nullopt;
  storage::Stmt s(c, kUserOfUsableLink);
  s.BindAll(Digest(token), now);
  if (!s.Step()) return std::nullopt;
  return User{s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.OptText(4), s.Int(5) != 0};
}
}  // namespace

Status SetResetTokenSeconds(int seconds) {
  if (seconds < kMinResetTokenSeconds || seconds > kMaxResetTokenSeconds)
    return InvalidArgument("password-reset-seconds",
                           "password-reset-seconds: from 1 to 86400 seconds");
  reset_seconds = seconds;
  return Ok{};
}

int ResetTokenSeconds() { return reset_seconds; }

Status RequestPasswordReset(storage::Database& db, const std::string& email,
                            const std::string& lang, Instant now) {
  static const std::regex kEmail(R"([^@\s]+@[^@\s]+\.[^@\s]+)");
  if (email.size() > 254 || !std::regex_match(email, kEmail))
    return InvalidArgument("email", "email: not a valid e-mail address");
  std::string mail_lang = text::IsLanguage(lang) ? lang : "en";
  std::string token = RandomToken();
  int seconds = ResetTokenSeconds();
  std::string link = mail::PublicUrl() + "/" + mail_lang + "/password/reset?token=" + token;
  return db.Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
    std::optional<std::int64_t> id;
    std::string name;
    {
      storage::Stmt s(c, "SELECT id, name FROM users WHERE email = ?");
      s.BindAll(email);
      if (s.Step()) {
        id = s.Int(0);
        name = s.Text(1);
      }
    }
    if (!id) return Ok{};
    // Expired and used links of the account are of no further use: they go.
    c.Exec("DELETE FROM password_resets WHERE user_id = ? AND (used_at IS NOT NULL OR "
           "expires_at <= ?)",
           *id, now);
    c.Exec("INSERT INTO password_resets(token_hash, user_id, created_at, expires_at) "
           "VALUES(?,?,?,?)",
           Digest(token), *id, now, now + seconds);
    std::int64_t minutes = (seconds + 59) / 60;
    mail::Enqueue(c, email, text::T(mail_lang, "mail_reset_subject"),
                  text::T(mail_lang, "mail_reset_body",
                          {{"name", name}, {"link", link}, {"minutes", minutes}}));
    audit::Record(c, std::nullopt, "user.password_reset_request", "user", *id, std::nullopt,
                  std::nullopt);
    return Ok{};
  });
}

Result<User> CheckResetToken(storage::Database& db, const std::string& token, Instant now) {
  auto u = UserOfToken(db.Read(), token, now);
  if (!u) return BadResetToken();
  return *u;
}

Result<User> ResetPassword(storage::Database& db, const std::string& token,
                           const std::string& password, Instant now) {
  // The link first: a bad link costs no Argon2id hash.
  if (!UserOfToken(db.Read(), token, now)) return BadResetToken();
  if (auto s = CheckNewPassword(password); !s.ok()) return s.error();
  auto hash = HashPassword(password);
  if (!hash) return Error{Code::kInternal, "out of memory while hashing the password", {}};
  return db.Write<User>([&](storage::Connection& c) -> Result<User> {
    // Checked again in the transaction: two clicks at once use the link once.
    auto user = UserOfToken(c, token, now);
    if (!user) return BadResetToken();
    c.Exec("UPDATE password_resets SET used_at = ? WHERE token_hash = ?", now, Digest(token));
    // Every other link of the account stops working too: the password they would replace is
    // gone.
    c.Exec("UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL", now,
           user->id);
    c.Exec("UPDATE users SET password_hash = ?, email_verified_at = COALESCE(email_verified_at, ?) "
           "WHERE id = ?",
           *hash, now, user->id);
    // Whoever had the old password (or a session opened with it) is signed out everywhere.
    c.Exec("DELETE FROM sessions WHERE user_id = ?", user->id);
    audit::Record(c, user->id, "user.password_reset", "user", user->id, std::nullopt,
                  std::nullopt);
    user->email_verified = true;
    return *user;
  });
}

}  // namespace plenary::accounts

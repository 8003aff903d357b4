// Users, Argon2id password hashes, sessions, self sign-up and e-mail verification.
#include "accounts/accounts.h"

#include <sodium.h>

#include <boost/json.hpp>
#include <charconv>
#include <regex>
#include <stdexcept>

#include "accounts/tokens.h"
#include "audit/audit.h"
#include "base/parse.h"
#include "base/random.h"
#include "base/time.h"
#include "mail/mail.h"
#include "text/countries.h"
#include "text/messages.h"

namespace plenary::accounts {

namespace {
constexpr unsigned long long kOps = crypto_pwhash_OPSLIMIT_MODERATE;
constexpr size_t kMem = crypto_pwhash_MEMLIMIT_INTERACTIVE;  // 64 MiB

bool LooksLikeEmail(const std::string& s) {
  static const std::regex kEmail(R"([^@\s]+@[^@\s]+\.[^@\s]+)");
  return s.size() <= 254 && std::regex_match(s, kEmail);
}
}  // namespace

bool IsStaff(const std::string& role) { return role == "admin" || role == "secretariat"; }

bool IsRole(const std::string& role) {
  return IsStaff(role) || role == "chair" || role == "delegate" || role == "public";
}

namespace {
std::optional<std::string> HashPassword(const std::string& password) {
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), kOps, kMem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return std::nullopt;
  return std::string(hash);
}

Status CheckRole(const std::string& role, const std::optional<std::string>& member_state) {
  if (!IsRole(role))
    return InvalidArgument("role", "role: must be admin, secretariat, chair, delegate or public");
  if (role == "delegate" && !member_state)
    return InvalidArgument("member_state",
                           "member_state: required for a delegate (ISO 3166-1 alpha-2, e.g. CH)");
  if (role != "delegate" && member_state)
    return InvalidArgument("member_state",
                           "member_state: only a delegate is bound to a Member State");
  if (member_state && !text::IsCountry(*member_state))
    return InvalidArgument("member_state",
                           "member_state: must be an ISO 3166-1 alpha-2 code such as CH");
  return Ok{};
}

std::string RoleJson(const std::string& email, const std::string& role,
                     const std::optional<std::string>& member_state) {
  boost::json::object o{{"email", email}, {"role", role}};
  if (member_state) o["member_state"] = *member_state;
  return boost::json::serialize(o);
}

constexpr char kUserColumns[] =
    "SELECT id, email, name, role, member_state, email_verified_at IS NOT NULL FROM users ";

User RowToUser(storage::Stmt& s) {
  return User{s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.OptText(4), s.Int(5) != 0};
}

// What a verification link is bound to: the address and the password hash, so that a new
// sign-up of the same unverified address (a new password) voids the earlier links.
std::string VerifyBinding(const std::string& email, const std::string& password_hash) {
  return email + "\n" + password_hash;
}
}  // namespace

Result<User> AddUser(storage::Database& db, const std::string& email, const std::string& name,
                     const std::string& role, const std::string& password,
                     const std::optional<std::string>& member_state,
                     std::optional<std::int64_t> actor) {
  if (!LooksLikeEmail(email)) return InvalidArgument("email", "email: not a valid e-mail address");
  if (name.empty()) return InvalidArgument("name", "name: required");
  if (name.size() > 200) return InvalidArgument("name", "name: at most 200 characters");
  if (auto s = CheckRole(role, member_state); !s.ok()) return s.error();
  if (password.size() < 12) return InvalidArgument("password", "password: at least 12 characters");
  auto hash = HashPassword(password);
  if (!hash) return Error{Code::kInternal, "out of memory while hashing the password", {}};
  return db.Write<User>([&](storage::Connection& c) -> Result<User> {
    if (c.QueryInt("SELECT id FROM users WHERE email = ?", email))
      return Error{Code::kConflict, "email: a user with this e-mail already exists", "email"};
    Instant now = Now();
    c.Exec(
        "INSERT INTO users(email, name, role, password_hash, created_at, member_state, "
        "email_verified_at) VALUES(?,?,?,?,?,?,?)",
        email, name, role, *hash, now, member_state, now);
    User u{c.LastInsertId(), email, name, role, member_state, true};
    audit::Record(c, actor, "user.add", "user", u.id, std::nullopt,
                  RoleJson(email, role, member_state));
    return u;
  });
}

Result<User> SetRole(storage::Database& db, std::int64_t actor, std::int64_t user_id,
                     const std::string& role, const std::optional<std::string>& member_state) {
  if (auto s = CheckRole(role, member_state); !s.ok()) return s.error();
  return db.Write<User>([&](storage::Connection& c) -> Result<User> {
    std::optional<User> before;
    {
      storage::Stmt s(c, std::string(kUserColumns) + "WHERE id = ?");
      s.BindAll(user_id);
      if (s.Step()) before = RowToUser(s);
    }
    if (!before) return NotFound("user " + std::to_string(user_id) + ": no such user");
    if (before->id == actor && role != "admin")
      return FailedPrecondition("role: an administrator cannot take the admin role from themself");
    c.Exec("UPDATE users SET role = ?, member_state = ? WHERE id = ?", role, member_state, user_id);
    // A role change takes effect at once: the user's sessions end.
    c.Exec("DELETE FROM sessions WHERE user_id = ?", user_id);
    audit::Record(c, actor, "user.role", "user", user_id,
                  RoleJson(before->email, before->role, before->member_state),
                  RoleJson(before->email, role, member_state));
    User after = *before;
    after.role = role;
    after.member_state = member_state;
    return after;
  });
}

std::vector<User> ListUsers(storage::Database& db) {
  std::vector<User> out;
  storage::Stmt s(db.Read(), std::string(kUserColumns) + "ORDER BY id");
  while (s.Step()) out.push_back(RowToUser(s));
  return out;
}

Status SignUp(storage::Database& db, const std::string& email, const std::string& name,
              const std::string& password, const std::string& lang) {
  if (!LooksLikeEmail(email)) return InvalidArgument("email", "email: not a valid e-mail address");
  if (name.empty()) return InvalidArgument("name", "name: required");
  if (name.size() > 200) return InvalidArgument("name", "name: at most 200 characters");
  if (password.size() < 12) return InvalidArgument("password", "password: at least 12 characters");
  if (password.size() > 1000)
    return InvalidArgument("password", "password: at most 1000 characters");
  // Hashed before looking at the address, so that the answer takes as long either way.
  auto hash = HashPassword(password);
  if (!hash) return Error{Code::kInternal, "out of memory while hashing the password", {}};
  std::string base = mail::PublicUrl() + "/" + lang;
  return db.Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
    Instant now = Now();
    std::optional<std::int64_t> id;
    std::string role;
    bool verified = false;
    {
      storage::Stmt s(c,
                      "SELECT id, role, email_verified_at IS NOT NULL FROM users WHERE email = ?");
      s.BindAll(email);
      if (s.Step()) {
        id = s.Int(0);
        role = s.Text(1);
        verified = s.Int(2) != 0;
      }
    }
    if (id && (verified || role != "public")) {
      mail::Enqueue(c, email, text::T(lang, "mail_account_exists_subject"),
                    text::T(lang, "mail_account_exists_body", {{"link", base + "/login"}}));
      return Ok{};
    }
    if (id) {
      c.Exec("UPDATE users SET name = ?, password_hash = ? WHERE id = ?", name, *hash, *id);
      audit::Record(c, *id, "user.signup_again", "user", *id, std::nullopt,
                    RoleJson(email, "public", std::nullopt));
    } else {
      c.Exec(
          "INSERT INTO users(email, name, role, password_hash, created_at) "
          "VALUES(?,?,'public',?,?)",
          email, name, *hash, now);
      id = c.LastInsertId();
      audit::Record(c, *id, "user.signup", "user", *id, std::nullopt,
                    RoleJson(email, "public", std::nullopt));
    }
    std::string token = SignToken(TokenKey(c), "v", std::to_string(*id),
                                  VerifyBinding(email, *hash), now + kVerifyTokenSeconds);
    mail::Enqueue(c, email, text::T(lang, "mail_verify_subject"),
                  text::T(lang, "mail_verify_body",
                          {{"name", name}, {"link", base + "/verify?token=" + token}}));
    return Ok{};
  });
}

Result<User> VerifyEmail(storage::Database& db, const std::string& raw) {
  static const Error kBad = InvalidArgument(
      "token", "token: this link is not valid or has expired; sign up again for a new one");
  auto token = ParseToken(raw);
  if (!token || token->purpose != "v") return kBad;
  auto parsed = ParseInt(token->subject);
  if (!parsed) return kBad;
  std::int64_t id = *parsed;
  return db.Write<User>([&](storage::Connection& c) -> Result<User> {
    std::optional<User> user;
    std::string hash;
    {
      storage::Stmt s(c,
                      "SELECT id, email, name, role, member_state, "
                      "email_verified_at IS NOT NULL, password_hash FROM users WHERE id = ?");
      s.BindAll(id);
      if (s.Step()) {
        user = RowToUser(s);
        hash = s.Text(6);
      }
    }
    if (!user || !VerifyToken(TokenKey(c), *token, VerifyBinding(user->email, hash), Now()))
      return kBad;
    if (!user->email_verified) {
      c.Exec("UPDATE users SET email_verified_at = ? WHERE id = ?", Now(), id);
      audit::Record(c, id, "user.verify_email", "user", id, std::nullopt, std::nullopt);
      user->email_verified = true;
    }
    return *user;
  });
}

Result<std::pair<std::string, Session>> Login(storage::Database& db, const std::string& email,
                                              const std::string& password) {
  static const Error kBad{Code::kUnauthenticated, "email or password is incorrect", "password"};
  std::optional<User> user;
  std::string hash;
  {
    storage::Stmt s(db.Read(),
                    "SELECT id, email, name, role, member_state, "
                    "email_verified_at IS NOT NULL, password_hash FROM users "
                    "WHERE email = ?");
    s.BindAll(email);
    if (s.Step()) {
      user = RowToUser(s);
      hash = s.Text(6);
    }
  }
  if (!user) {
    // Spend the same time as a real check so that timing does not reveal accounts.
    static const std::string kDummy = [] {
      char h[crypto_pwhash_STRBYTES];
      if (crypto_pwhash_str_alg(h, "x", 1, kOps, kMem, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("Argon2id: out of memory for the dummy hash");
      return std::string(h);
    }();
    if (crypto_pwhash_str_verify(kDummy.c_str(), password.data(), password.size()) == 0) {
      // Cannot match: the dummy hash is of a password nobody can send alone ("x" is refused
      // by AddUser's length rule); the branch only keeps the call from being optimised away.
    }
    return kBad;
  }
  if (crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) != 0) return kBad;
  if (!user->email_verified)
    return Error{Code::kPermissionDenied,
                 "email: not verified yet; follow the link in the mail sent when you signed up",
                 "email"};
  std::string token = RandomToken();
  Session session{*user, RandomToken()};
  return db.Write<std::pair<std::string, Session>>(
      [&](storage::Connection& c) -> Result<std::pair<std::string, Session>> {
        Instant now = Now();
        c.Exec("DELETE FROM sessions WHERE expires_at < ?", now);
        c.Exec(
            "INSERT INTO sessions(token_hash, user_id, csrf, created_at, expires_at, last_seen) "
            "VALUES(?,?,?,?,?,?)",
            Digest(token), user->id, session.csrf, now, now + kSessionSeconds, now);
        return std::make_pair(token, session);
      });
}

std::optional<Session> FindSession(storage::Database& db, const std::string& token) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  Instant now = Now();
  std::string digest = Digest(token);
  storage::Stmt s(db.Read(),
                  "SELECT u.id, u.email, u.name, u.role, u.member_state, "
                  "u.email_verified_at IS NOT NULL, s.csrf, s.last_seen FROM sessions s "
                  "JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ? "
                  "AND s.last_seen > ?");
  s.BindAll(digest, now, now - kSessionIdleSeconds);
  if (!s.Step()) return std::nullopt;
  Session session{RowToUser(s), s.Text(6)};
  if (s.Int(7) < now - 60)
    (void)db.Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
      c.Exec("UPDATE sessions SET last_seen = ? WHERE token_hash = ?", now, digest);
      return Ok{};
    });
  return session;
}

void LogoutEverywhere(storage::Database& db, const std::string& token) {
  (void)db.Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
    c.Exec(
        "DELETE FROM sessions WHERE user_id = (SELECT user_id FROM sessions WHERE token_hash = ?)",
        Digest(token));
    return Ok{};
  });
}

void Logout(storage::Database& db, const std::string& token) {
  (void)db.Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
    c.Exec("DELETE FROM sessions WHERE token_hash = ?", Digest(token));
    return Ok{};
  });
}

}  // namespace plenary::accounts

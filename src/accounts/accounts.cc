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

Status CheckName(const std::string& name, const std::string& field) {
  if (name.empty()) return InvalidArgument(field, field + ": required");
  if (name.size() > 200) return InvalidArgument(field, field + ": at most 200 characters");
  // One line: C0 controls (CR, LF, tab…), DEL, C1 controls (U+0080–U+009F, among them NEL)
  // and the line and paragraph separators U+2028/U+2029 would break a mail or a page apart.
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto b = static_cast<unsigned char>(name[i]);
    auto next = [&](std::size_t k) {
      return i + k < name.size() ? static_cast<unsigned char>(name[i + k]) : 0;
    };
    if (b < 0x20 || b == 0x7f || (b == 0xc2 && next(1) >= 0x80 && next(1) <= 0x9f) ||
        (b == 0xe2 && next(1) == 0x80 && (next(2) == 0xa8 || next(2) == 0xa9)))
      return InvalidArgument(field, field + ": one line, without control characters");
  }
  return Ok{};
}

bool IsStaff(const std::string& role) { return role == "admin" || role == "secretariat"; }

bool IsRole(const std::string& role) {
  return IsStaff(role) || role == "chair" || role == "delegate" || role == "public";
}

std::optional<std::string> HashPassword(const std::string& password) {
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), kOps, kMem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return std::nullopt;
  return std::string(hash);
}

Status CheckNewPassword(const std::string& password) {
  if (password.size() < 12) return InvalidArgument("password", "password: at least 12 characters");
  if (password.size() > 1000)
    return InvalidArgument("password", "password: at most 1000 characters");
  return Ok{};
}

namespace {

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

// What a verification link is bound to: the address and the password hash (empty until the
// link is followed), so that a link sets the password once and is void afterwards.
std::string VerifyBinding(const std::string& email, const std::string& password_hash) {
  return email + "\n" + password_hash;
}
}  // namespace

Result<User> AddUser(storage::Database& db, const std::string& email, const std::string& name,
                     const std::string& role, const std::string& password,
                     const std::optional<std::string>& member_state,
                     std::optional<std::int64_t> actor) {
  if (!LooksLikeEmail(email)) return InvalidArgument("email", "email: not a valid e-mail address");
  if (auto s = CheckName(name); !s.ok()) return s.error();
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
              const std::string& lang) {
  if (!LooksLikeEmail(email)) return InvalidArgument("email", "email: not a valid e-mail address");
  if (auto s = CheckName(name); !s.ok()) return s.error();
  std::string base = mail::PublicUrl() + "/" + lang;
  return db.Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
    Instant now = Now();
    std::optional<std::int64_t> id;
    std::string role, hash, first_name;
    bool verified = false;
    {
      storage::Stmt s(c,
                      "SELECT id, role, email_verified_at IS NOT NULL, password_hash, name "
                      "FROM users WHERE email = ?");
      s.BindAll(email);
      if (s.Step()) {
        id = s.Int(0);
        role = s.Text(1);
        verified = s.Int(2) != 0;
        hash = s.Text(3);
        first_name = s.Text(4);
      }
    }
    if (id && (verified || role != "public")) {
      mail::Enqueue(c, email, text::T(lang, "mail_account_exists_subject"),
                    text::T(lang, "mail_account_exists_body", {{"link", base + "/login"}}));
      return Ok{};
    }
    if (id) {
      // Nothing of the account changes: the mail goes to the address, and only whoever reads
      // it chooses the password.
      audit::Record(c, std::nullopt, "user.signup_again", "user", *id, std::nullopt,
                    RoleJson(email, "public", std::nullopt));
    } else {
      // No password yet (an empty hash matches no password): it is chosen at the link.
      c.Exec(
          "INSERT INTO users(email, name, role, password_hash, created_at, language) "
          "VALUES(?,?,'public','',?,?)",
          email, name, now, text::IsLanguage(lang) ? lang : std::string("en"));
      id = c.LastInsertId();
      first_name = name;
      audit::Record(c, *id, "user.signup", "user", *id, std::nullopt,
                    RoleJson(email, "public", std::nullopt));
    }
    std::string token = SignToken(TokenKey(c), "v", std::to_string(*id),
                                  VerifyBinding(email, hash), now + kVerifyTokenSeconds);
    mail::Enqueue(c, email, text::T(lang, "mail_verify_subject"),
                  text::T(lang, "mail_verify_body",
                          {{"name", first_name}, {"link", base + "/verify?token=" + token}}));
    return Ok{};
  });
}

namespace {
const Error& BadVerifyToken() {
  static const Error kBad = InvalidArgument(
      "token", "token: this link is not valid, was already used or has expired; sign up again "
               "for a new one");
  return kBad;
}

// The user a verification token is for and the password hash it was bound to, if it is valid
// now against the account as stored on `c`.
Result<std::pair<User, std::string>> VerifiedTokenUser(storage::Connection& c,
                                                       const std::string& raw) {
  auto token = ParseToken(raw);
  if (!token || token->purpose != "v") return BadVerifyToken();
  auto parsed = ParseInt(token->subject);
  if (!parsed) return BadVerifyToken();
  std::int64_t id = *parsed;
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
  // A verified account's link is used up: the password it would set is already chosen.
  if (!user || user->email_verified ||
      !VerifyToken(TokenKey(c), *token, VerifyBinding(user->email, hash), Now()))
    return BadVerifyToken();
  return std::make_pair(*user, hash);
}
}  // namespace

Result<User> CheckVerifyToken(storage::Database& db, const std::string& token) {
  auto u = VerifiedTokenUser(db.Read(), token);
  if (!u.ok()) return u.error();
  return u->first;
}

Result<User> VerifyEmail(storage::Database& db, const std::string& raw,
                         const std::string& password) {
  // The link first: a bad link costs no Argon2id hash.
  auto first = VerifiedTokenUser(db.Read(), raw);
  if (!first.ok()) return first.error();
  if (auto s = CheckNewPassword(password); !s.ok()) return s.error();
  auto hash = HashPassword(password);
  if (!hash) return Error{Code::kInternal, "out of memory while hashing the password", {}};
  return db.Write<User>([&](storage::Connection& c) -> Result<User> {
    // Checked again in the transaction: two clicks at once set one password, not two.
    auto now_valid = VerifiedTokenUser(c, raw);
    if (!now_valid.ok()) return now_valid.error();
    User user = now_valid->first;
    c.Exec("UPDATE users SET password_hash = ?, email_verified_at = ? WHERE id = ?", *hash, Now(),
           user.id);
    audit::Record(c, user.id, "user.verify_email", "user", user.id, std::nullopt, std::nullopt);
    user.email_verified = true;
    return user;
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
  // An account whose link was not followed yet has no password (an empty hash).
  if (!user || hash.empty()) {
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

std::string EmailOf(storage::Connection& c, std::int64_t user_id) {
  storage::Stmt s(c, "SELECT email FROM users WHERE id = ?");
  s.BindAll(user_id);
  return s.Step() ? s.Text(0) : std::string();
}

}  // namespace plenary::accounts

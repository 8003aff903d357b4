// Users, Argon2id password hashes and sessions.
#include "accounts/accounts.h"

#include <sodium.h>

#include <regex>

#include <boost/json.hpp>

#include "audit/audit.h"
#include "base/random.h"
#include "base/time.h"

namespace plenary::accounts {

namespace {
constexpr unsigned long long kOps = crypto_pwhash_OPSLIMIT_MODERATE;
constexpr size_t kMem = crypto_pwhash_MEMLIMIT_INTERACTIVE;  // 64 MiB

bool LooksLikeEmail(const std::string& s) {
  static const std::regex kEmail(R"([^@\s]+@[^@\s]+\.[^@\s]+)");
  return s.size() <= 254 && std::regex_match(s, kEmail);
}
}  // namespace

Result<User> AddUser(storage::Database& db, const std::string& email, const std::string& name,
                     const std::string& role, const std::string& password) {
  if (!LooksLikeEmail(email)) return InvalidArgument("email", "email: not a valid e-mail address");
  if (name.empty()) return InvalidArgument("name", "name: required");
  if (role != "admin" && role != "secretariat")
    return InvalidArgument("role", "role: must be admin or secretariat");
  if (password.size() < 12)
    return InvalidArgument("password", "password: at least 12 characters");
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), kOps, kMem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Error{Code::kInternal, "out of memory while hashing the password", {}};
  return db.Write<User>([&](storage::Connection& c) -> Result<User> {
    if (c.QueryInt("SELECT id FROM users WHERE email = ?", email))
      return Error{Code::kConflict, "email: a user with this e-mail already exists", "email"};
    c.Exec("INSERT INTO users(email, name, role, password_hash, created_at) VALUES(?,?,?,?,?)",
           email, name, role, std::string(hash), Now());
    User u{c.LastInsertId(), email, name, role};
    audit::Record(c, std::nullopt, "user.add", "user", u.id, std::nullopt,
                  boost::json::serialize(boost::json::object{{"email", email}, {"role", role}}));
    return u;
  });
}

Result<std::pair<std::string, Session>> Login(storage::Database& db, const std::string& email,
                                              const std::string& password) {
  static const Error kBad{Code::kUnauthenticated, "email or password is incorrect", "password"};
  std::optional<User> user;
  std::string hash;
  {
    storage::Stmt s(db.Read(),
                    "SELECT id, email, name, role, password_hash FROM users WHERE email = ?");
    s.BindAll(email);
    if (s.Step()) {
      user = User{s.Int(0), s.Text(1), s.Text(2), s.Text(3)};
      hash = s.Text(4);
    }
  }
  if (!user) {
    // Spend the same time as a real check so that timing does not reveal accounts.
    static const std::string kDummy = [] {
      char h[crypto_pwhash_STRBYTES];
      crypto_pwhash_str_alg(h, "x", 1, kOps, kMem, crypto_pwhash_ALG_ARGON2ID13);
      return std::string(h);
    }();
    if (crypto_pwhash_str_verify(kDummy.c_str(), password.data(), password.size()) == 0) {
      // Cannot match: the dummy hash is of a password nobody can send alone ("x" is refused
      // by AddUser's length rule); the branch only keeps the call from being optimised away.
    }
    return kBad;
  }
  if (crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) != 0) return kBad;
  std::string token = RandomToken();
  Session session{*user, RandomToken()};
  return db.Write<std::pair<std::string, Session>>(
      [&](storage::Connection& c) -> Result<std::pair<std::string, Session>> {
        Instant now = Now();
        c.Exec("DELETE FROM sessions WHERE expires_at < ?", now);
        c.Exec("INSERT INTO sessions(token_hash, user_id, csrf, created_at, expires_at, last_seen) "
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
                  "SELECT u.id, u.email, u.name, u.role, s.csrf, s.last_seen FROM sessions s "
                  "JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ? "
                  "AND s.last_seen > ?");
  s.BindAll(digest, now, now - kSessionIdleSeconds);
  if (!s.Step()) return std::nullopt;
  Session session{User{s.Int(0), s.Text(1), s.Text(2), s.Text(3)}, s.Text(4)};
  if (s.Int(5) < now - 60)
    (void)db.Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
      c.Exec("UPDATE sessions SET last_seen = ? WHERE token_hash = ?", now, digest);
      return Ok{};
    });
  return session;
}

void LogoutEverywhere(storage::Database& db, const std::string& token) {
  (void)db.Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
    c.Exec("DELETE FROM sessions WHERE user_id = (SELECT user_id FROM sessions WHERE token_hash = ?)",
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

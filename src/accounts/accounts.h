// Secretariat accounts and their server-side sessions.
//
// Passwords are stored as Argon2id hashes (libsodium crypto_pwhash_str_alg: opslimit
// MODERATE = 3 passes, memlimit INTERACTIVE = 64 MiB). A session is a random 256-bit token in an HttpOnly,
// SameSite=Lax cookie; only its digest is stored. Each session carries its CSRF token.
#pragma once
#include <optional>
#include <string>

#include "base/result.h"
#include "storage/db.h"

namespace plenary::accounts {

enum class Role { kSecretariat, kAdmin };

struct User {
  std::int64_t id = 0;
  std::string email;
  std::string name;
  std::string role;  // "admin" | "secretariat"
};

struct Session {
  User user;
  std::string csrf;
};

inline constexpr char kSessionCookie[] = "plenary_session";
inline constexpr int kSessionSeconds = 8 * 3600;      // absolute: from sign-in
inline constexpr int kSessionIdleSeconds = 30 * 60;  // without a request

// Creates a user (the CLI's `plenary user add`). Errors: bad e-mail, short password,
// unknown role, e-mail already used.
Result<User> AddUser(storage::Database& db, const std::string& email, const std::string& name,
                     const std::string& role, const std::string& password);
// Checks the password and opens a session; returns the raw token for the cookie.
// The error does not say whether the account exists.
Result<std::pair<std::string, Session>> Login(storage::Database& db, const std::string& email,
                                              const std::string& password);
// The session of `token` if it is neither past its absolute end nor idle too long; records
// the use (at most once a minute, to spare the writer).
std::optional<Session> FindSession(storage::Database& db, const std::string& token);
void Logout(storage::Database& db, const std::string& token);
// Ends every session of the user of `token` (sign out on all devices).
void LogoutEverywhere(storage::Database& db, const std::string& token);

}  // namespace plenary::accounts

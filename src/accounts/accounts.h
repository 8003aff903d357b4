// Accounts and their server-side sessions.
//
// Roles: "admin" and "secretariat" (staff: everything under /admin and the secretariat API),
// "chair", "delegate" (bound to one Member State, ISO 3166-1 alpha-2; sees documents restricted
// to Member States) and "public" (self sign-up; unusable until its e-mail address is verified by
// the signed link of a mail, see tokens.h). Staff, chair and delegate accounts are made by an
// administrator (`plenary user add`, POST /api/v1/users) and are verified when made.
//
// Passwords are stored as Argon2id hashes (libsodium crypto_pwhash_str_alg: opslimit
// MODERATE = 3 passes, memlimit INTERACTIVE = 64 MiB). A session is a random 256-bit token in an
// HttpOnly, SameSite=Lax cookie; only its digest is stored. Each session carries its CSRF token.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "storage/db.h"

namespace plenary::accounts {

struct User {
  std::int64_t id = 0;
  std::string email;
  std::string name;
  std::string role;  // "admin" | "secretariat" | "chair" | "delegate" | "public"
  std::optional<std::string> member_state;  // delegates only
  bool email_verified = true;
};

// True for "admin" and "secretariat": the roles that may use /admin and the secretariat API.
bool IsStaff(const std::string& role);
// True for one of the five roles.
bool IsRole(const std::string& role);

struct Session {
  User user;
  std::string csrf;
};

inline constexpr char kSessionCookie[] = "plenary_session";
inline constexpr int kSessionSeconds = 8 * 3600;     // absolute: from sign-in
inline constexpr int kSessionIdleSeconds = 30 * 60;  // without a request

// Creates a verified user (the CLI's `plenary user add`, POST /api/v1/users); `actor` is the
// administrator (none for the CLI). Errors: bad e-mail, short password, unknown role, a delegate
// without a Member State (or another role with one), e-mail already used.
Result<User> AddUser(storage::Database& db, const std::string& email, const std::string& name,
                     const std::string& role, const std::string& password,
                     const std::optional<std::string>& member_state = std::nullopt,
                     std::optional<std::int64_t> actor = std::nullopt);
// Changes the role (and Member State) of a user, with an audit entry (before and after).
Result<User> SetRole(storage::Database& db, std::int64_t actor, std::int64_t user_id,
                     const std::string& role, const std::optional<std::string>& member_state);
// Every account, for administrators.
std::vector<User> ListUsers(storage::Database& db);

// Self sign-up of a public participant. Always answers the same (the caller says "check your
// mail") whether or not the address has an account, so that sign-up does not reveal accounts:
// a new address gets a "public" account, unverified, and a verification mail; an address whose
// public account is not verified yet gets its name and password replaced and a new link (the
// earlier links stop working); an address with a verified account gets a mail saying so.
// Errors: 400 for a bad e-mail, name or password.
Status SignUp(storage::Database& db, const std::string& email, const std::string& name,
              const std::string& password, const std::string& lang);
// Follows the link of a verification mail. Errors: 400 naming "token" when it is malformed,
// forged, expired or no longer matches the account.
Result<User> VerifyEmail(storage::Database& db, const std::string& token);
// Checks the password and opens a session; returns the raw token for the cookie.
// The error does not say whether the account exists. A public account whose e-mail address is
// not verified yet is refused with kPermissionDenied — said only to whoever knows the password.
Result<std::pair<std::string, Session>> Login(storage::Database& db, const std::string& email,
                                              const std::string& password);
// The session of `token` if it is neither past its absolute end nor idle too long; records
// the use (at most once a minute, to spare the writer).
std::optional<Session> FindSession(storage::Database& db, const std::string& token);
void Logout(storage::Database& db, const std::string& token);
// Ends every session of the user of `token` (sign out on all devices).
void LogoutEverywhere(storage::Database& db, const std::string& token);

}  // namespace plenary::accounts

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
// The e-mail of account `user_id`, "" when there is none (audit::EmailOf for the audit log).
std::string EmailOf(storage::Connection& c, std::int64_t user_id);
// Every account, for administrators.
std::vector<User> ListUsers(storage::Database& db);

// Self sign-up of a public participant. Always answers the same (the caller says "check your
// mail") whether or not the address has an account, so that sign-up does not reveal accounts.
// A sign-up never sets or changes a password: the password is chosen by whoever follows the
// link of the mail (VerifyEmail), that is by whoever reads the mailbox of the address. So a
// stranger's sign-up with someone else's address, before or after theirs, can only make the
// owner receive a mail. A new address gets a "public" account, unverified and without a
// password, and a mail with the link; an address whose public account is not verified yet gets
// a new link and nothing else changes (its name stays the first one); an address with a verified
// account (or a staff, chair or delegate account) gets a mail saying so, without a link.
// Errors: 400 for a bad e-mail or name (one line: no control characters).
Status SignUp(storage::Database& db, const std::string& email, const std::string& name,
              const std::string& lang);
// The account a verification link is for, if the link is well formed, signed, not expired and
// not used yet. Errors: 400 naming "token".
Result<User> CheckVerifyToken(storage::Database& db, const std::string& token);
// Follows the link of a verification mail: sets `password` (the owner's choice) and marks the
// address verified; the link then stops working. Errors: 400 naming "token" when it is
// malformed, forged, expired or already used; 400 naming "password" (at least 12, at most 1000
// characters).
Result<User> VerifyEmail(storage::Database& db, const std::string& token,
                         const std::string& password);
// Checks a password its owner chooses (at the link of a sign-up or a reset mail): at least 12,
// at most 1000 characters. Errors: 400 naming "password".
Status CheckNewPassword(const std::string& password);
// The Argon2id hash of `password` (nullopt when libsodium runs out of memory).
std::optional<std::string> HashPassword(const std::string& password);
// Checks a display name: required, at most 200 bytes, one line (no control characters: a name
// is copied into mails and pages). Errors: 400 naming `field`.
Status CheckName(const std::string& name, const std::string& field = "name");
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

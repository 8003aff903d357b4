// Signed links in mails: e-mail verification of a public account, confirmation of the e-mail
// address a response was sent with, and the link to a response's receipt.
//
// A token is "<purpose>.<subject>.<expires>.<mac>": purpose "v" (verify an account; subject the
// user id), "c" (confirm a response; subject its reference) or "r" (read a response's receipt
// with the copy of its answers; subject its reference), the expiry in Unix seconds, and
// HMAC-SHA-256 (libsodium) over purpose, subject, expiry and a binding — the e-mail address (and
// for accounts the password hash, empty until the link sets it) it was issued for — with a 256-bit key drawn when the database
// was created (table `secrets`). Nothing is stored per token: a submission writes no extra row
// for it, a link stops working when it expires or when the address or password it was bound to
// changes, and following it twice does nothing more. The MAC is compared in constant time.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "base/time.h"
#include "storage/db.h"

namespace plenary::accounts {

inline constexpr int kVerifyTokenSeconds = 72 * 3600;        // account verification
inline constexpr int kConfirmTokenSeconds = 30 * 24 * 3600;  // response confirmation
inline constexpr int kReceiptTokenSeconds = 30 * 24 * 3600;  // a response's receipt

struct Token {
  std::string purpose;  // "v", "c" or "r"
  std::string subject;
  Instant expires = 0;
  std::string mac;  // base64url
};

// The key of this database (32 bytes).
std::string TokenKey(storage::Connection& c);

std::string SignToken(std::string_view key, std::string_view purpose, std::string_view subject,
                      std::string_view binding, Instant expires);
// The parts of a token; nullopt when it is not of the form above.
std::optional<Token> ParseToken(std::string_view token);
// True when the MAC matches `binding` and the token has not expired at `now`.
bool VerifyToken(std::string_view key, const Token& token, std::string_view binding, Instant now);

}  // namespace plenary::accounts

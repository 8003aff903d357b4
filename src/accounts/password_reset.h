// Forgotten passwords: "Forgot your password?" sends a mail with a one-use link that sets a new
// password and ends every session of the account.
//
// The link carries a random 256-bit token; only its digest is stored (`password_resets`), with
// its expiry (ResetTokenSeconds(), 30 minutes unless `plenary serve --password-reset-seconds`
// says otherwise) and when it was used. Asking answers the same whether or not an account has
// the address: only the mailbox of an existing account receives anything.
#pragma once
#include <string>

#include "accounts/accounts.h"
#include "base/result.h"
#include "base/time.h"
#include "storage/db.h"

namespace plenary::accounts {

inline constexpr int kDefaultResetTokenSeconds = 30 * 60;
inline constexpr int kMinResetTokenSeconds = 1;
inline constexpr int kMaxResetTokenSeconds = 24 * 3600;

// How long a reset link works; set once at start-up. Errors: 400 naming
// "password-reset-seconds" outside [kMinResetTokenSeconds, kMaxResetTokenSeconds].
Status SetResetTokenSeconds(int seconds);
int ResetTokenSeconds();

// Queues the mail with a reset link, in `lang`, when an account has `email`; nothing otherwise.
// The caller answers the same either way. Audited ("user.password_reset_request").
// Errors: 400 naming "email" when it is not an e-mail address.
Status RequestPasswordReset(storage::Database& db, const std::string& email,
                            const std::string& lang, Instant now);
// The account a reset link is for, if the link is known, unused and not expired at `now`.
// Errors: 400 naming "token".
Result<User> CheckResetToken(storage::Database& db, const std::string& token, Instant now);
// Follows a reset link: sets `password` (the sign-up rules: CheckNewPassword), marks the address
// verified (the link proved the mailbox), uses the link up, ends every session of the account,
// and audits ("user.password_reset"), in one transaction. Errors: 400 naming "token" (unknown,
// used or expired link) or "password".
Result<User> ResetPassword(storage::Database& db, const std::string& token,
                           const std::string& password, Instant now);

}  // namespace plenary::accounts

// The optional proof-of-work challenge for anonymous submissions under a surge
// (`plenary serve --pow-bits N`): stateless signed challenges, their verification, and the
// bounded memory of challenges already used.
//
// A challenge is the text "<bits>.<issued>.<nonce>.<mac>": the difficulty, the Unix second it
// was issued, 16 random bytes in hex, and the HMAC-SHA-256 of "<bits>.<issued>.<nonce>" under
// a secret derived from the database's key (`PowConfig::shared_key`, so that every server on
// one database accepts it) or drawn at start-up (hex). A solution is a decimal counter (at most 20 digits) such
// that SHA-256 of the ASCII text "<challenge>:<counter>" starts with `bits` zero bits. A
// challenge is valid for `ttl_seconds` after it was issued and can be used once.
#pragma once
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/result.h"

namespace plenary::site {

struct PowConfig {
  int bits = 0;                        // 0: off
  int ttl_seconds = 600;               // a challenge expires 10 minutes after it was issued
  // Submissions a minute (whole site) from which solutions are required; 0: always when on.
  double surge_per_minute = 0;
  std::size_t max_remembered = 200000; // used challenges kept until they expire
  // When set, the signing secret is derived from it (HMAC-SHA-256 of a fixed label), so every
  // server given the same key (the database's, accounts::TokenKey) accepts the challenges any
  // of them issued; empty: a secret drawn at start-up, for this process alone.
  std::string shared_key;
};

// Thread-safe.
class ProofOfWork {
 public:
  explicit ProofOfWork(const PowConfig& config);
  bool enabled() const { return config_.bits > 0; }
  int bits() const { return config_.bits; }
  int ttl_seconds() const { return config_.ttl_seconds; }
  // A new challenge issued at `now`.
  std::string Issue(std::int64_t now) const;
  // Counts one submission attempt at `now`, and says whether a solution is required for it:
  // when on, and (with surge_per_minute) while the last minute's attempts reach the threshold.
  bool Required(std::int64_t now);
  // Checks `challenge` and `counter` at `now` and remembers the challenge as used. Errors name
  // the field "pow": 400 missing, malformed, forged, expired, too easy, wrong solution or
  // already used; 503 when too many challenges are remembered (a flood).
  Status Verify(std::string_view challenge, std::string_view counter, std::int64_t now);

  // Leading zero bits of SHA-256("<challenge>:<counter>"). For tests and the verification.
  static int LeadingZeroBits(std::string_view challenge, std::string_view counter);

 private:
  std::string Mac(std::string_view text) const;

  PowConfig config_;
  std::string secret_;  // 32 random bytes
  std::mutex mu_;
  std::unordered_map<std::string, std::int64_t> used_;  // nonce → expiry
  std::int64_t next_sweep_ = 0;
  std::int64_t minute_ = 0;          // the current minute (now / 60)
  double this_minute_ = 0, last_minute_ = 0;
};

}  // namespace plenary::site

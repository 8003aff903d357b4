// Issuing and verifying the proof-of-work challenges (libsodium's SHA-256 and HMAC-SHA-256).
#include "site/pow.h"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <vector>

#include <fmt/format.h>

namespace plenary::site {

namespace {

std::string Hex(const unsigned char* data, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

Error PowError(std::string message) { return InvalidArgument("pow", "pow: " + std::move(message)); }

template <typename T>
bool ParseNumber(std::string_view s, T& out) {
  if (s.empty() || s.size() > 20) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

ProofOfWork::ProofOfWork(const PowConfig& config) : config_(config), secret_(32, '\0') {
  config_.bits = std::clamp(config_.bits, 0, 32);
  if (config_.shared_key.empty()) {
    randombytes_buf(secret_.data(), secret_.size());
  } else {
    // A key of its own, so that a challenge's MAC can never stand for a token of accounts.
    static constexpr std::string_view kLabel = "plenary proof-of-work challenge key";
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st,
                                reinterpret_cast<const unsigned char*>(config_.shared_key.data()),
                                config_.shared_key.size());
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(kLabel.data()),
                                  kLabel.size());
    crypto_auth_hmacsha256_final(&st, reinterpret_cast<unsigned char*>(secret_.data()));
    config_.shared_key.clear();
  }
}

std::string ProofOfWork::Mac(std::string_view text) const {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(secret_.data()),
                              secret_.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(text.data()),
                                text.size());
  crypto_auth_hmacsha256_final(&st, mac);
  return Hex(mac, sizeof mac);
}

std::string ProofOfWork::Issue(std::int64_t now) const {
  unsigned char nonce[16];
  randombytes_buf(nonce, sizeof nonce);
  std::string body = fmt::format("{}.{}.{}", config_.bits, now, Hex(nonce, sizeof nonce));
  return body + "." + Mac(body);
}

int ProofOfWork::LeadingZeroBits(std::string_view challenge, std::string_view counter) {
  std::string input;
  input.reserve(challenge.size() + 1 + counter.size());
  input.append(challenge).append(":").append(counter);
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(input.data()), input.size());
  int bits = 0;
  for (unsigned char b : hash) {
    if (b == 0) {
      bits += 8;
      continue;
    }
    for (int i = 7; i >= 0 && !(b >> i & 1); --i) ++bits;
    break;
  }
  return bits;
}

bool ProofOfWork::Required(std::int64_t now) {
  if (!enabled()) return false;
  if (config_.surge_per_minute <= 0) return true;
  std::lock_guard lock(mu_);
  std::int64_t minute = now / 60;
  if (minute != minute_) {
    last_minute_ = minute == minute_ + 1 ? this_minute_ : 0;
    this_minute_ = 0;
    minute_ = minute;
  }
  this_minute_ += 1;
  return std::max(this_minute_, last_minute_) >= config_.surge_per_minute;
}

Status ProofOfWork::Verify(std::string_view challenge, std::string_view counter,
                           std::int64_t now) {
  if (challenge.empty() || counter.empty())
    return PowError("required: solve the challenge of GET /api/v1/pow/challenge (or the form's "
                    "pow_challenge) and send pow_challenge and pow (the counter)");
  // <bits>.<issued>.<nonce 32 hex>.<mac 64 hex>
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    auto dot = challenge.find('.', start);
    parts.push_back(challenge.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  int bits = 0;
  std::int64_t issued = 0;
  if (parts.size() != 4 || !ParseNumber(parts[0], bits) || !ParseNumber(parts[1], issued) ||
      parts[2].size() != 32 || parts[3].size() != 64)
    return PowError("pow_challenge is malformed");
  std::string expected = Mac(challenge.substr(0, challenge.size() - 65));
  if (sodium_memcmp(expected.data(), parts[3].data(), expected.size()) != 0)
    return PowError("pow_challenge was not issued by this server");
  if (bits < config_.bits)
    return PowError(fmt::format("the challenge asks fewer than {} bits", config_.bits));
  if (issued > now + 60 || now - issued > config_.ttl_seconds)
    return PowError("the challenge has expired; get a new one");
  std::uint64_t n = 0;
  if (!ParseNumber(counter, n)) return PowError("the counter must be a decimal number");
  if (LeadingZeroBits(challenge, counter) < bits)
    return PowError(fmt::format("wrong solution: SHA-256(challenge \":\" counter) must start with "
                                "{} zero bits",
                                bits));
  std::lock_guard lock(mu_);
  if (now >= next_sweep_ || used_.size() >= config_.max_remembered) {
    std::erase_if(used_, [now](const auto& e) { return e.second < now; });
    next_sweep_ = now + 60;
  }
  if (used_.size() >= config_.max_remembered)
    return Error{Code::kResourceExhausted, "pow: too many challenges in use; retry later", "pow"};
  if (!used_.emplace(std::string(parts[2]), issued + config_.ttl_seconds).second)
    return PowError("this challenge was already used; get a new one");
  return Ok{};
}

}  // namespace plenary::site

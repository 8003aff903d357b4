// Token-bucket rate limits keyed by a string (an IP address, a consultation, an account).
//
// Thread-safe: buckets live in shards, each behind its own mutex. Memory is bounded: a
// shard holds at most `max_keys / shards` buckets; when full, buckets that have refilled
// completely (they limit nothing) are dropped first, then the oldest.
#pragma once
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace plenary::http {

class RateLimiter {
 public:
  // `per_minute` tokens are added each minute up to `burst`. per_minute == 0: unlimited.
  RateLimiter(double per_minute, double burst, std::size_t max_keys = 100000);
  // Takes one token for `key`. False when the bucket is empty; then `retry_after_seconds`
  // (if not null) says when the next token is due.
  bool Allow(const std::string& key, int* retry_after_seconds = nullptr);
  bool unlimited() const { return per_second_ <= 0; }

 private:
  using Clock = std::chrono::steady_clock;
  struct Bucket {
    double tokens;
    Clock::time_point at;
  };
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, Bucket> buckets;
  };
  double per_second_, burst_;
  std::size_t max_per_shard_;
  std::vector<Shard> shards_;
};

}  // namespace plenary::http

// Token-bucket rate limits keyed by a string (an IP address, a consultation, an account).
//
// Thread-safe: buckets live in shards, each behind its own mutex. Memory is bounded: a
// shard holds at most `max_keys / shards` buckets, kept in the order they were last used;
// when a shard is full, a new key drops the least recently used bucket in constant time, so
// a flood from many addresses costs the same per request as normal traffic.
#pragma once
#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace plenary::http {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  // `per_minute` tokens are added each minute up to `burst`. per_minute == 0: unlimited.
  RateLimiter(double per_minute, double burst, std::size_t max_keys = 100000);
  // Takes one token for `key`. False when the bucket is empty; then `retry_after_seconds`
  // (if not null) says when the next token is due.
  bool Allow(const std::string& key, int* retry_after_seconds = nullptr);
  // The same at a given instant (tests drive the clock).
  bool Allow(const std::string& key, Clock::time_point now, int* retry_after_seconds = nullptr);
  bool unlimited() const { return per_second_ <= 0; }
  // Buckets held now, and the most it ever holds.
  std::size_t size() const;
  std::size_t capacity() const { return max_per_shard_ * shards_.size(); }

 private:
  struct Bucket {
    double tokens;
    Clock::time_point at;
  };
  // Most recently used first. The index's keys view the strings owned by the list's nodes,
  // which never move.
  using Lru = std::list<std::pair<std::string, Bucket>>;
  struct Shard {
    mutable std::mutex mu;
    Lru lru;
    std::unordered_map<std::string_view, Lru::iterator> index;
  };
  double per_second_, burst_;
  std::size_t max_per_shard_;
  std::vector<Shard> shards_;
};

}  // namespace plenary::http

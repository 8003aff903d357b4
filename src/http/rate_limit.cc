// Token buckets in hashed shards, each a map over a least-recently-used list.
#include "http/rate_limit.h"

#include <algorithm>
#include <cmath>

namespace plenary::http {

namespace {
constexpr std::size_t kShards = 64;
}

RateLimiter::RateLimiter(double per_minute, double burst, std::size_t max_keys)
    : per_second_(per_minute / 60.0),
      burst_(std::max(1.0, burst)),
      max_per_shard_(std::max<std::size_t>(16, max_keys / kShards)),
      shards_(kShards) {}

bool RateLimiter::Allow(const std::string& key, int* retry_after_seconds) {
  return Allow(key, Clock::now(), retry_after_seconds);
}

std::size_t RateLimiter::size() const {
  std::size_t n = 0;
  for (const auto& s : shards_) {
    std::lock_guard lock(s.mu);
    n += s.lru.size();
  }
  return n;
}

bool RateLimiter::Allow(const std::string& key, Clock::time_point now, int* retry_after_seconds) {
  if (per_second_ <= 0) return true;
  Shard& shard = shards_[std::hash<std::string>{}(key) % shards_.size()];
  std::lock_guard lock(shard.mu);
  auto found = shard.index.find(key);
  Lru::iterator it;
  if (found != shard.index.end()) {
    it = found->second;
    shard.lru.splice(shard.lru.begin(), shard.lru, it);  // now the most recently used
  } else {
    if (shard.lru.size() >= max_per_shard_) {
      // Drop the least recently used bucket: its index entry first, while its key lives.
      shard.index.erase(std::string_view(shard.lru.back().first));
      shard.lru.pop_back();
    }
    shard.lru.emplace_front(key, Bucket{burst_, now});
    it = shard.lru.begin();
    shard.index.emplace(std::string_view(it->first), it);
  }
  Bucket& b = it->second;
  double elapsed = std::max(0.0, std::chrono::duration<double>(now - b.at).count());
  b.tokens = std::min(burst_, b.tokens + elapsed * per_second_);
  b.at = std::max(b.at, now);
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return true;
  }
  if (retry_after_seconds)
    *retry_after_seconds = static_cast<int>(std::ceil((1.0 - b.tokens) / per_second_));
  return false;
}

}  // namespace plenary::http

// Token buckets in hashed shards.
#include "http/rate_limit.h"

#include <algorithm>
#include <cmath>

namespace plenary::http {

RateLimiter::RateLimiter(double per_minute, double burst, std::size_t max_keys)
    : per_second_(per_minute / 60.0),
      burst_(std::max(1.0, burst)),
      max_per_shard_(std::max<std::size_t>(16, max_keys / 64)),
      shards_(64) {}

bool RateLimiter::Allow(const std::string& key, int* retry_after_seconds) {
  if (per_second_ <= 0) return true;
  Shard& shard = shards_[std::hash<std::string>{}(key) % shards_.size()];
  auto now = Clock::now();
  std::lock_guard lock(shard.mu);
  auto it = shard.buckets.find(key);
  if (it == shard.buckets.end()) {
    if (shard.buckets.size() >= max_per_shard_) {
      // Drop full buckets (they restrict nobody); if none, the stalest one.
      auto stalest = shard.buckets.begin();
      for (auto b = shard.buckets.begin(); b != shard.buckets.end();) {
        double refilled = b->second.tokens +
                          std::chrono::duration<double>(now - b->second.at).count() * per_second_;
        if (refilled >= burst_) {
          b = shard.buckets.erase(b);
          continue;
        }
        if (b->second.at < stalest->second.at) stalest = b;
        ++b;
      }
      if (shard.buckets.size() >= max_per_shard_) shard.buckets.erase(stalest);
    }
    it = shard.buckets.emplace(key, Bucket{burst_, now}).first;
  }
  Bucket& b = it->second;
  b.tokens = std::min(burst_, b.tokens + std::chrono::duration<double>(now - b.at).count() *
                                             per_second_);
  b.at = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return true;
  }
  if (retry_after_seconds)
    *retry_after_seconds = static_cast<int>(std::ceil((1.0 - b.tokens) / per_second_));
  return false;
}

}  // namespace plenary::http

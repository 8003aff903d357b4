// Tests of the token-bucket limiter.
#include "http/rate_limit.h"

#include <gtest/gtest.h>

namespace plenary::http {
namespace {

using Clock = std::chrono::steady_clock;

TEST(RateLimiter, AllowsTheBurstThenRefusesWithRetryAfter) {
  RateLimiter limiter(60, 3);  // one a second, three at once
  EXPECT_TRUE(limiter.Allow("1.2.3.4"));
  EXPECT_TRUE(limiter.Allow("1.2.3.4"));
  EXPECT_TRUE(limiter.Allow("1.2.3.4"));
  int retry = 0;
  EXPECT_FALSE(limiter.Allow("1.2.3.4", &retry));
  EXPECT_GE(retry, 1);
  EXPECT_TRUE(limiter.Allow("5.6.7.8"));  // keys are independent
}

TEST(RateLimiter, ZeroRateMeansUnlimited) {
  RateLimiter limiter(0, 1);
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(limiter.Allow("x"));
}

TEST(RateLimiter, RefillsWithTime) {
  RateLimiter limiter(60, 1);  // one a second
  auto t0 = Clock::now();
  EXPECT_TRUE(limiter.Allow("k", t0));
  EXPECT_FALSE(limiter.Allow("k", t0 + std::chrono::milliseconds(500)));
  EXPECT_TRUE(limiter.Allow("k", t0 + std::chrono::milliseconds(1600)));
}

// A flood from more addresses than the limiter holds: every shard fills and evicts. With the
// default capacity a shard holds about 1,500 addresses; 250,000 fill every one of them.
TEST(RateLimiter, MemoryStaysBoundedWithManyKeys) {
  RateLimiter limiter(1, 1);
  ASSERT_LE(limiter.capacity(), 100000u);
  for (int i = 0; i < 250000; ++i) limiter.Allow("10." + std::to_string(i));
  EXPECT_LE(limiter.size(), limiter.capacity());
  EXPECT_GE(limiter.size(), limiter.capacity() * 9 / 10);  // the shards did fill
  // A recent key is still limited: the bound evicts, it does not reset everything.
  limiter.Allow("recent");
  EXPECT_FALSE(limiter.Allow("recent"));
}

// Eviction in a full shard that holds both buckets that refilled (they limit nobody) and
// buckets that still limit someone: the mix a flood from many addresses produces. Under
// AddressSanitizer this must not touch a dropped bucket.
TEST(RateLimiter, EvictsFromFullShardsHoldingRefilledAndLimitedBuckets) {
  RateLimiter limiter(60, 2, 1024);  // one a second, two at once; 16 keys a shard
  const std::size_t cap = limiter.capacity();
  auto t0 = Clock::now();
  // Drained buckets (0 tokens at t0: still limiting at t0 + 1.5 s)...
  for (int i = 0; i < 2048; ++i) {
    std::string key = "drained-" + std::to_string(i);
    limiter.Allow(key, t0);
    limiter.Allow(key, t0);
  }
  // ...then, more recently inserted, buckets with one token left (refilled at t0 + 1.5 s).
  auto t1 = t0 + std::chrono::milliseconds(100);
  for (int i = 0; i < 512; ++i) limiter.Allow("once-" + std::to_string(i), t1);
  EXPECT_LE(limiter.size(), cap);
  auto t2 = t0 + std::chrono::milliseconds(1500);
  for (int i = 0; i < 4096; ++i) limiter.Allow("new-" + std::to_string(i), t2);
  EXPECT_LE(limiter.size(), cap);
  // The newest key keeps its limit.
  EXPECT_TRUE(limiter.Allow("new-4095", t2));
  EXPECT_FALSE(limiter.Allow("new-4095", t2));
}

}  // namespace
}  // namespace plenary::http

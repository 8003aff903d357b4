// Tests of the token-bucket limiter.
#include "http/rate_limit.h"

#include <gtest/gtest.h>

namespace plenary::http {
namespace {

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

TEST(RateLimiter, MemoryStaysBoundedWithManyKeys) {
  RateLimiter limiter(1, 1, 1024);
  for (int i = 0; i < 100000; ++i) limiter.Allow("key-" + std::to_string(i));
  // A recent key is still limited: the bound evicts, it does not reset everything.
  limiter.Allow("recent");
  EXPECT_FALSE(limiter.Allow("recent"));
}

}  // namespace
}  // namespace plenary::http

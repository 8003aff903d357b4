// Unit tests of the proof-of-work challenge: a solved challenge passes once; a forged, expired,
// too easy, wrongly solved or reused one is refused naming the field "pow". Solutions are found
// with a definition of the work independent of ProofOfWork (libsodium's SHA-256 called here,
// zero bits counted one by one), checked against published and precomputed SHA-256 values.
#include "site/pow.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>
#include <string_view>

#include "base/random.h"

namespace plenary::site {
namespace {

constexpr std::int64_t kNow = 1'900'000'000;

std::string Sha256(std::string_view text) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return std::string(reinterpret_cast<const char*>(hash), sizeof hash);
}

std::string Hex(const std::string& bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) out += {kDigits[b >> 4], kDigits[b & 15]};
  return out;
}

// Leading zero bits of a digest, counted bit by bit from the first byte's high bit.
int ZeroBits(const std::string& digest) {
  for (std::size_t i = 0; i < digest.size() * 8; ++i)
    if ((static_cast<unsigned char>(digest[i / 8]) >> (7 - i % 8)) & 1) return static_cast<int>(i);
  return static_cast<int>(digest.size() * 8);
}

// The smallest counter whose SHA-256("<challenge>:<counter>") starts with `bits` zero bits.
std::string Solve(const std::string& challenge, int bits) {
  for (std::uint64_t n = 0;; ++n) {
    std::string counter = std::to_string(n);
    if (ZeroBits(Sha256(challenge + ":" + counter)) >= bits) return counter;
  }
}

TEST(ProofOfWork, TheIndependentDefinitionMatchesPublishedSha256Values) {
  InitCrypto();
  // FIPS 180-2, appendix B.1.
  EXPECT_EQ(Hex(Sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(ZeroBits(std::string("\x00\x00\x01\xff", 4)), 23);
  EXPECT_EQ(ZeroBits(std::string("\x80", 1)), 0);
  EXPECT_EQ(ZeroBits(std::string(32, '\0')), 256);
  // SHA-256("test-challenge:1202") = 000e9032…, computed with Python's hashlib: the first
  // counter with 12 leading zero bits.
  EXPECT_EQ(Hex(Sha256("test-challenge:1202")).substr(0, 8), "000e9032");
  EXPECT_EQ(Solve("test-challenge", 12), "1202");
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
  for (int n = 0; wrong.empty(); ++n)
    if (ZeroBits(Sha256(c + ":" + std::to_string(n))) < 16) wrong = std::to_string(n);
  auto r = pow.Verify(c, wrong, kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("wrong solution"), std::string::npos);
  EXPECT_FALSE(pow.Verify(c, "-1", kNow).ok());
  EXPECT_FALSE(pow.Verify(c, "12x", kNow).ok());
}

TEST(ProofOfWork, LeadingZeroBitsCountsFromTheFirstByte) {
  // Digests of "<challenge>:<counter>" computed with Python's hashlib: "abc:0" = 5f36…,
  // "abc:1" = bfcf…, "abc:2" = 1645…, "test-challenge:44" = 0072…, ":1202" = 000e…,
  // ":19132" = 0000 92….
  EXPECT_EQ(ProofOfWork::LeadingZeroBits("abc", "0"), 1);
  EXPECT_EQ(ProofOfWork::LeadingZeroBits("abc", "1"), 0);
  EXPECT_EQ(ProofOfWork::LeadingZeroBits("abc", "2"), 3);
  EXPECT_EQ(ProofOfWork::LeadingZeroBits("test-challenge", "44"), 9);
  EXPECT_EQ(ProofOfWork::LeadingZeroBits("test-challenge", "1202"), 12);
  EXPECT_EQ(ProofOfWork::LeadingZeroBits("test-challenge", "19132"), 16);
  // And it agrees with the independent definition on arbitrary inputs.
  InitCrypto();
  for (int n = 0; n < 256; ++n) {
    std::string c = "8.1900000000." + std::to_string(n * 7919);
    EXPECT_EQ(ProofOfWork::LeadingZeroBits(c, std::to_string(n)),
              ZeroBits(Sha256(c + ":" + std::to_string(n))))
        << c;
  }
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

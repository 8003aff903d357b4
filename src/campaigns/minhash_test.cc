// Tests for MinHash signatures, Jaccard estimates and the LSH banding index.
#include "campaigns/minhash.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "campaigns/shingles.h"

namespace plenary::campaigns {
namespace {

// Two sets of 200 hashes with exactly `common` members in common.
std::pair<std::vector<std::uint64_t>, std::vector<std::uint64_t>> SetsSharing(int common,
                                                                              std::uint64_t salt) {
  std::vector<std::uint64_t> a, b;
  for (int i = 0; i < 200; ++i) a.push_back(Mix64(salt * 1000003 + i));
  for (int i = 0; i < common; ++i) b.push_back(a[i]);
  for (int i = common; i < 200; ++i) b.push_back(Mix64(salt * 1000003 + 500 + i));
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return {a, b};
}

TEST(MinHasher, IsDeterministicForASeed) {
  const auto [a, b] = SetsSharing(100, 1);
  EXPECT_EQ(MinHasher(128, 7).Sign(a), MinHasher(128, 7).Sign(a));
  EXPECT_NE(MinHasher(128, 7).Sign(a), MinHasher(128, 8).Sign(a));
}

TEST(MinHasher, IgnoresOrderAndRepeats) {
  const MinHasher hasher;
  const std::vector<std::uint64_t> x = {5, 9, 1, 9, 5};
  const std::vector<std::uint64_t> y = {1, 5, 9};
  EXPECT_EQ(hasher.Sign(x), hasher.Sign(y));
}

TEST(MinHasher, EmptySetsAgreeOnlyWithEachOther) {
  const MinHasher hasher;
  const auto empty = hasher.Sign(std::vector<std::uint64_t>{});
  EXPECT_EQ(empty, hasher.Sign(std::vector<std::uint64_t>{}));
  EXPECT_LT(EstimateJaccard(empty, hasher.Sign(std::vector<std::uint64_t>{42})), 0.1);
}

TEST(EstimateJaccard, IsOneForEqualSetsAndNearZeroForDisjointSets) {
  const MinHasher hasher;
  const auto [a, b] = SetsSharing(0, 2);
  EXPECT_DOUBLE_EQ(EstimateJaccard(hasher.Sign(a), hasher.Sign(a)), 1.0);
  EXPECT_LT(EstimateJaccard(hasher.Sign(a), hasher.Sign(b)), 0.05);
}

TEST(EstimateJaccard, TracksTheExactJaccardSimilarity) {
  const MinHasher hasher;
  // Over many pairs the error stays within about 3 standard deviations (sqrt(J(1-J)/128)) and
  // the mean error is near zero (the estimate is unbiased).
  for (int common : {40, 100, 133, 160, 190}) {
    double sum_error = 0;
    const int kPairs = 50;
    for (int salt = 0; salt < kPairs; ++salt) {
      const auto [a, b] = SetsSharing(common, 100 * common + salt);
      const double exact = ExactJaccard(a, b);
      const double estimate = EstimateJaccard(hasher.Sign(a), hasher.Sign(b));
      const double sd = std::sqrt(exact * (1 - exact) / 128);
      EXPECT_NEAR(estimate, exact, 4 * sd + 0.01) << "common " << common;
      sum_error += estimate - exact;
    }
    EXPECT_NEAR(sum_error / kPairs, 0.0, 0.02) << "common " << common;
  }
}

TEST(ExactJaccard, CountsCommonMembersOverTheUnion) {
  EXPECT_DOUBLE_EQ(
      ExactJaccard(std::vector<std::uint64_t>{1, 2, 3, 4}, std::vector<std::uint64_t>{3, 4, 5, 6}),
      2.0 / 6.0);
  EXPECT_DOUBLE_EQ(ExactJaccard(std::vector<std::uint64_t>{}, std::vector<std::uint64_t>{}), 1);
  EXPECT_DOUBLE_EQ(ExactJaccard(std::vector<std::uint64_t>{1}, std::vector<std::uint64_t>{}), 0);
}

TEST(LshIndex, ProposesSimilarSetsAndRarelyDissimilarOnes) {
  const MinHashParams params;  // 32 × 4
  const MinHasher hasher(params.num_hashes(), params.seed);
  LshIndex index(params);
  int similar_found = 0, dissimilar_found = 0;
  const int kTrials = 100;
  for (int t = 0; t < kTrials; ++t) {
    const auto [a, b] = SetsSharing(170, 7000 + t);  // J ≈ 0.74: found with p ≈ 0.9999
    const auto [c, d] = SetsSharing(40, 9000 + t);   // J ≈ 0.11: found with p ≈ 0.005
    index.Insert(hasher.Sign(a));
    index.Insert(hasher.Sign(c));
    const std::uint32_t slot_a = index.size() - 2, slot_c = index.size() - 1;
    std::vector<std::uint32_t> found;
    index.Candidates(hasher.Sign(b), found);
    similar_found += std::count(found.begin(), found.end(), slot_a);
    found.clear();
    index.Candidates(hasher.Sign(d), found);
    dissimilar_found += std::count(found.begin(), found.end(), slot_c);
  }
  EXPECT_GE(similar_found, kTrials - 1);
  EXPECT_LE(dissimilar_found, 3);
}

TEST(LshIndex, ReportsEachCandidateOnceAndKeepsTheFirstHolderOfABand) {
  const MinHasher hasher;
  LshIndex index;
  const auto [a, b] = SetsSharing(200, 3);  // identical sets
  const std::uint32_t first = index.Insert(hasher.Sign(a));
  index.Insert(hasher.Sign(b));
  std::vector<std::uint32_t> found;
  index.Candidates(hasher.Sign(a), found);
  EXPECT_EQ(found, std::vector<std::uint32_t>{first});
  EXPECT_EQ(index.size(), 2u);
  EXPECT_EQ(std::vector<std::uint8_t>(index.Signature(1).begin(), index.Signature(1).end()),
            hasher.Sign(b));
}

TEST(LshIndex, SupportsOtherBandShapesAndGrowsPastManyBlocks) {
  const MinHashParams params{.bands = 10, .rows = 7, .seed = 99};
  const MinHasher hasher(params.num_hashes(), params.seed);
  LshIndex index(params);
  std::vector<std::vector<std::uint64_t>> sets;
  for (int i = 0; i < 10000; ++i) sets.push_back(SetsSharing(0, 20000 + i).first);
  for (const auto& s : sets) index.Insert(hasher.Sign(s));
  int self_found = 0;
  for (int i = 0; i < 10000; i += 97) {
    std::vector<std::uint32_t> found;
    index.Candidates(hasher.Sign(sets[i]), found);
    self_found += std::count(found.begin(), found.end(), static_cast<std::uint32_t>(i));
  }
  EXPECT_EQ(self_found, (10000 + 96) / 97);
  // 70 bytes of signature each, and per band 4 bytes per entry in tables 35% to 70% full.
  EXPECT_GE(index.MemoryBytes(), 10000u * (70 + 10 * 4));
  EXPECT_LE(index.MemoryBytes(), 10000u * (70 + 10 * 12) + 70 * 1024);
}

}  // namespace
}  // namespace plenary::campaigns

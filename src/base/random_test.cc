// Tests of the random references: their shape and that every symbol is drawn evenly.
#include "base/random.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace plenary {
namespace {

// A reference is XXXX-XXXX over the 26 symbols that cannot be mistaken for one another, each
// symbol about as often as any other (a biased draw would make references easier to guess).
TEST(RandomReference, IsTwoGroupsOfFourEvenlyDrawnSymbols) {
  InitCrypto();
  const std::string alphabet = "ACDEFGHJKLMNPQRTUVWXY34679";
  constexpr int kDraws = 20000;
  std::map<char, int> counts;
  std::set<std::string> seen;
  for (int i = 0; i < kDraws; ++i) {
    std::string r = RandomReference();
    ASSERT_EQ(r.size(), 9u) << r;
    ASSERT_EQ(r[4], '-') << r;
    for (int j = 0; j < 9; ++j) {
      if (j == 4) continue;
      ASSERT_NE(alphabet.find(r[j]), std::string::npos) << r;
      ++counts[r[j]];
    }
    seen.insert(r);
  }
  EXPECT_EQ(seen.size(), static_cast<size_t>(kDraws)) << "26^8 references: no repeat expected";
  ASSERT_EQ(counts.size(), alphabet.size());
  // 160,000 symbols: about 6,154 each, standard deviation about 77 (400 is over 5 of them);
  // `byte % 26` over all 256 byte values would draw the last four symbols about 530 times
  // fewer.
  const double expected = 8.0 * kDraws / alphabet.size();
  for (auto [symbol, n] : counts) {
    EXPECT_GT(n, expected - 400) << symbol;
    EXPECT_LT(n, expected + 400) << symbol;
  }
}

}  // namespace
}  // namespace plenary

// Tests for the campaign tokenizer (normalisation, word break, CJK bigrams, Arabic folding) and
// for shingles and sequence hashes.
#include "campaigns/shingles.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace plenary::campaigns {
namespace {

using Tokens = std::vector<std::string>;

TEST(CampaignTokens, FoldsCaseAndCompatibilityFormsAndDropsPunctuation) {
  EXPECT_EQ(CampaignTokens("Hello, WORLD! ＦＵＬＬ-width… Straße?"),
            (Tokens{"hello", "world", "full", "width", "strasse"}));
}

TEST(CampaignTokens, KeepsNumbersAndApostrophesInsideWords) {
  EXPECT_EQ(CampaignTokens("Article 7, don't; l'internet 3.5"),
            (Tokens{"article", "7", "don't", "l'internet", "3.5"}));
}

TEST(CampaignTokens, TurnsDecimalDigitsOfAnyScriptIntoAscii) {
  EXPECT_EQ(CampaignTokens("المادة ٧ و١٢"), (Tokens{"الماده", "7", "و12"}));
}

TEST(CampaignTokens, IgnoresWhitespaceAndSymbols) {
  EXPECT_EQ(CampaignTokens("  a\n\tb 😀 € c  "), (Tokens{"a", "b", "c"}));
  EXPECT_TRUE(CampaignTokens("").empty());
  EXPECT_TRUE(CampaignTokens(" ,.!? —").empty());
}

TEST(CampaignTokens, SplitsChineseIntoOverlappingBigrams) {
  EXPECT_EQ(CampaignTokens("开放的互联网"), (Tokens{"开放", "放的", "的互", "互联", "联网"}));
}

TEST(CampaignTokens, PunctuationAndOtherScriptsEndAChineseRun) {
  EXPECT_EQ(CampaignTokens("互联网，宽带。ITU标准"),
            (Tokens{"互联", "联网", "宽带", "itu", "标准"}));
  EXPECT_EQ(CampaignTokens("网"), (Tokens{"网"}));
}

TEST(CampaignTokens, SplitsJapaneseKanaAndKanjiIntoBigrams) {
  EXPECT_EQ(CampaignTokens("日本のラーメン"),
            (Tokens{"日本", "本の", "のラ", "ラー", "ーメ", "メン"}));
}

TEST(CampaignTokens, KeepsHangulWords) {
  EXPECT_EQ(CampaignTokens("한국어 문장"), (Tokens{"한국어", "문장"}));
}

TEST(CampaignTokens, StripsArabicDiacriticsAndTatweel) {
  EXPECT_EQ(CampaignTokens("نَعْتَقِدُ مشـــروع تحمّل"), CampaignTokens("نعتقد مشروع تحمل"));
}

TEST(CampaignTokens, UnifiesArabicAlefTehMarbutaAndAlefMaksura) {
  EXPECT_EQ(CampaignTokens("أحمد إلى آخر ٱلمدرسة مستشفى"),
            (Tokens{"احمد", "الي", "اخر", "المدرسه", "مستشفي"}));
}

TEST(CampaignTokens, FoldsArabicPresentationForms) {
  // Initial meem, medial hah, medial meem, isolated dal: NFKC maps them to the base letters.
  EXPECT_EQ(CampaignTokens("\uFEE3\uFEA4\uFEE4\uFEA9"), CampaignTokens("محمد"));
}

TEST(CampaignTokens, ReplacesInvalidUtf8WithoutFailing) {
  const std::string bad = std::string("abc ") + '\xff' + " def";
  const Tokens tokens = CampaignTokens(bad);
  ASSERT_FALSE(tokens.empty());
  EXPECT_EQ(tokens.front(), "abc");
  EXPECT_EQ(tokens.back(), "def");
}

TEST(CampaignTokens, GivesTheSameTokensOnManyThreads) {
  const std::string text = "Dear Council, 我们反对这项提案 — نعتقد أن المشروع سيضعف الإنترنت.";
  const Tokens expected = CampaignTokens(text);
  std::vector<std::jthread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) ok[t] += CampaignTokens(text) == expected;
    });
  }
  threads.clear();
  for (int n : ok) EXPECT_EQ(n, 200);
}

TEST(Shingles, HasOneHashPerWindowOfKTokens) {
  const Tokens tokens = {"a", "b", "c", "d", "e"};
  EXPECT_EQ(Shingles(tokens, 3).size(), 3u);
  EXPECT_EQ(Shingles(tokens, 1).size(), 5u);
  EXPECT_EQ(Shingles(tokens, 5).size(), 1u);
}

TEST(Shingles, IsASortedSetWithoutRepeats) {
  const auto s = Shingles(Tokens{"la", "la", "la", "la", "la"}, 3);
  EXPECT_EQ(s.size(), 1u);
  const auto t = Shingles(Tokens{"z", "y", "x", "w", "v", "u"}, 2);
  EXPECT_TRUE(std::is_sorted(t.begin(), t.end()));
}

TEST(Shingles, DependOnTokenOrderWithinAWindow) {
  EXPECT_NE(Shingles(Tokens{"a", "b", "c"}), Shingles(Tokens{"c", "b", "a"}));
  EXPECT_NE(Shingles(Tokens{"ab", "c", "d"}), Shingles(Tokens{"a", "bc", "d"}));
}

TEST(Shingles, ShortTextsGiveOneShingleAndEmptyTextsNone) {
  EXPECT_EQ(Shingles(Tokens{"yes"}).size(), 1u);
  EXPECT_EQ(Shingles(Tokens{"i", "agree"}).size(), 1u);
  EXPECT_TRUE(Shingles(Tokens{}).empty());
}

TEST(Shingles, DependOnTheSeed) {
  const Tokens tokens = {"a", "b", "c"};
  EXPECT_EQ(Shingles(tokens, 3, 1), Shingles(tokens, 3, 1));
  EXPECT_NE(Shingles(tokens, 3, 1), Shingles(tokens, 3, 2));
}

TEST(SequenceHash, IsEqualForTextsThatDifferOnlyInCaseSpacingAndPunctuation) {
  EXPECT_EQ(SequenceHash(CampaignTokens("I oppose the draft.  Sincerely")),
            SequenceHash(CampaignTokens("i OPPOSE the draft — sincerely!")));
}

TEST(SequenceHash, DiffersForDifferentOrderOrWords) {
  const auto h = SequenceHash(Tokens{"a", "b", "c"});
  EXPECT_NE(h, SequenceHash(Tokens{"b", "a", "c"}));
  EXPECT_NE(h, SequenceHash(Tokens{"a", "b"}));
  EXPECT_NE(h, SequenceHash(Tokens{"ab", "c"}));
  EXPECT_NE(SequenceHash(Tokens{}), SequenceHash(Tokens{""}));
}

TEST(HashBytes, IsStableAcrossRunsAndPlatforms) {
  // Pinned values: signatures stored by one build must stay comparable with the next.
  EXPECT_EQ(HashBytes("campaign", 0), 0xb9b66ac2c0a34dacULL);
  EXPECT_NE(HashBytes("campaign", 0), HashBytes("campaign", 1));
  EXPECT_EQ(Mix64(0), 0u);
  EXPECT_EQ(Mix64(1), 0x5692161d100b05e5ULL);
}

}  // namespace
}  // namespace plenary::campaigns

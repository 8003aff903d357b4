// Tests for the generated consultation corpus (reproducible, shaped like a mass campaign) and for
// the pairwise and B-cubed scores.
#include "campaigns/corpus.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "campaigns/shingles.h"

namespace plenary::campaigns {
namespace {

TEST(GenerateCorpus, IsReproducibleFromItsSeed) {
  const Corpus a = GenerateCorpus({.seed = 42, .responses = 2000});
  const Corpus b = GenerateCorpus({.seed = 42, .responses = 2000});
  const Corpus c = GenerateCorpus({.seed = 43, .responses = 2000});
  EXPECT_EQ(a.responses, b.responses);
  EXPECT_EQ(a.labels, b.labels);
  EXPECT_NE(a.responses, c.responses);
}

TEST(GenerateCorpus, PinsItsOutputAcrossPlatforms) {
  // The generator avoids std:: distributions, so this holds for every compiler and library.
  const Corpus corpus = GenerateCorpus({.seed = 1, .responses = 100});
  std::uint64_t h = 0;
  for (const auto& [id, text] : corpus.responses) h = Mix64(h ^ HashBytes(text, id));
  EXPECT_EQ(h, 0x7472a37efa1d72cfULL);
}

TEST(GenerateCorpus, HasTheRequestedShape) {
  const CorpusOptions options{.seed = 5, .responses = 20000};
  const Corpus corpus = GenerateCorpus(options);
  ASSERT_EQ(corpus.responses.size(), 20000u);
  ASSERT_EQ(corpus.labels.size(), 20000u);
  ASSERT_EQ(corpus.languages.size(), 20000u);
  std::map<int, int> sizes;
  std::set<std::string> languages;
  for (size_t i = 0; i < corpus.responses.size(); ++i) {
    EXPECT_EQ(corpus.responses[i].first, i + 1);
    EXPECT_FALSE(corpus.responses[i].second.empty());
    ++sizes[corpus.labels[i]];
    languages.insert(corpus.languages[i]);
  }
  EXPECT_EQ(languages, (std::set<std::string>{"ar", "en", "es", "fr", "ru", "zh"}));
  EXPECT_EQ(sizes[-1], 1200);  // 6% unique
  int top = 0;
  for (int c = 0; c < options.top_campaigns; ++c) top += sizes[c];
  EXPECT_EQ(top, 7600);  // 38% in the seven largest campaigns
  EXPECT_EQ(static_cast<int>(sizes.size()) - 1, corpus.num_campaigns);
  for (const auto& [label, size] : sizes) {
    if (label >= 0) {
      EXPECT_GE(size, 2) << label;
    }
  }
}

TEST(GenerateCorpus, CampaignCopiesVaryButIncludeVerbatimForms) {
  const Corpus corpus = GenerateCorpus({.seed = 6, .responses = 5000});
  std::map<int, std::map<std::string, int>> texts;
  for (size_t i = 0; i < corpus.responses.size(); ++i) {
    if (corpus.labels[i] == 0) ++texts[0][corpus.responses[i].second];
  }
  const auto& campaign = texts[0];
  int largest = 0, total = 0;
  for (const auto& [text, n] : campaign) largest = std::max(largest, n), total += n;
  EXPECT_GT(campaign.size(), total / 3u);  // most personalised copies are distinct
  EXPECT_GT(largest, total / 5);           // the template itself is copied verbatim often
}

TEST(Score, CountsPairsAgreeingWithTheLabels) {
  // Truth: {0,1,2} campaign 0, {3,4} campaign 1, 5 and 6 unique.
  const std::vector<std::int32_t> truth = {0, 0, 0, 1, 1, -1, -1};
  // Predicted: {0,1} | {2,3,4} | {5,6}.
  const std::vector<CampaignId> predicted = {10, 10, 20, 20, 20, 30, 30};
  const Scores s = Score(truth, predicted);
  EXPECT_EQ(s.true_pairs, 3u + 1u);
  EXPECT_EQ(s.predicted_pairs, 1u + 3u + 1u);
  EXPECT_EQ(s.correct_pairs, 1u + 1u);
  EXPECT_DOUBLE_EQ(s.pair_precision, 2.0 / 5.0);
  EXPECT_DOUBLE_EQ(s.pair_recall, 2.0 / 4.0);
  EXPECT_EQ(s.uniques_merged, 2u);
}

TEST(Score, IsPerfectForThePerfectClustering) {
  const std::vector<std::int32_t> truth = {3, 3, -1, 4, 4, 4, -1};
  const std::vector<CampaignId> predicted = {1, 1, 2, 3, 3, 3, 4};
  const Scores s = Score(truth, predicted);
  EXPECT_DOUBLE_EQ(s.pair_precision, 1);
  EXPECT_DOUBLE_EQ(s.pair_recall, 1);
  EXPECT_DOUBLE_EQ(s.bcubed_precision, 1);
  EXPECT_DOUBLE_EQ(s.bcubed_recall, 1);
  EXPECT_EQ(s.uniques_merged, 0u);
}

}  // namespace
}  // namespace plenary::campaigns

// Tests for campaign clustering: exact and near-duplicate copies, variants and representatives,
// incremental versus bulk clustering, concurrency, memory, and quality on a generated corpus.
#include "campaigns/clusterer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "campaigns/corpus.h"

namespace plenary::campaigns {
namespace {

constexpr std::string_view kTemplate =
    "The draft recommendation would weaken the open internet, because smaller operators cannot "
    "absorb the cost. Article 7 treats community networks unfairly and ignores rural and remote "
    "areas. No impact study was published, and nobody has explained why the deadlines are so "
    "short. I urge the Council to withdraw the section on network fees and to consult users "
    "again. A fair framework must protect freedom of expression and affordable broadband for "
    "everyone.";

constexpr std::string_view kReordered =
    "I urge the Council to withdraw the section on network fees and to consult users again. The "
    "draft recommendation would weaken the open internet, because smaller operators cannot absorb "
    "the cost. A fair framework must protect freedom of expression and affordable broadband for "
    "everyone. Article 7 treats community networks unfairly and ignores rural and remote areas. "
    "No impact study was published, and nobody has explained why the deadlines are so short.";

// Two responses on the same topic, in the same words, written independently.
constexpr std::string_view kUniqueA =
    "I support the draft recommendation on network fees. Large platforms should contribute to the "
    "cost of the open internet, since operators carry their traffic. Rural areas would benefit "
    "from the investment. Please adopt the text without delay.";
constexpr std::string_view kUniqueB =
    "The open internet depends on fair rules, and the draft recommendation gets the balance "
    "wrong. Network fees would be passed on to users in the end. Small operators and community "
    "networks need support, not new costs. Please reconsider article 7 before the Council meets.";

constexpr std::string_view kChinese =
    "我们认为建议草案会削弱开放的互联网。小型运营商无法承担新的网络费用，农村和偏远社区将首先受到"
    "影响。草案没有公布任何影响评估，也没有解释为什么期限如此之短。我们敦促理事会撤回关于网络费用的"
    "章节，并重新征求用户意见。公平的框架必须保护网络言论自由和价格合理的宽带。";
// A greeting and a signature, two sentences swapped, ASCII punctuation, a wrong character (用户 →
// 用护) and a synonym (认为 → 觉得).
constexpr std::string_view kChineseCopy =
    "您好：\n\n我们觉得建议草案会削弱开放的互联网. 草案没有公布任何影响评估, 也没有解释为什么期限"
    "如此之短. 小型运营商无法承担新的网络费用, 农村和偏远社区将首先受到影响. 我们敦促理事会撤回关于"
    "网络费用的章节, 并重新征求用护意见. 公平的框架必须保护网络言论自由和价格合理的宽带.\n\n"
    "此致敬礼，王伟，北京";
constexpr std::string_view kChineseOther =
    "我支持关于网络费用的建议草案。大型平台应当为互联网的建设出一份力，因为运营商承载了它们的流量。"
    "农村地区会从新的投资中受益。请理事会尽快通过这份文本，不要再拖延了。";

constexpr std::string_view kArabic =
    "نعتقد أن مشروع التوصية سيضعف الإنترنت المفتوح. لا تستطيع الشركات الصغيرة تحمل رسوم الشبكات "
    "الجديدة، وستكون المجتمعات الريفية أول المتضررين. لم تنشر أي دراسة للأثر، ولم يشرح أحد سبب قصر "
    "المواعيد النهائية. نحث المجلس على سحب القسم الخاص برسوم الشبكات وعلى استشارة المستخدمين من "
    "جديد. يجب أن يحمي الإطار العادل حرية التعبير والنطاق العريض الميسور التكلفة للجميع.";
// Diacritics, tatweel, hamza dropped from alef, teh marbuta written as heh, final yeh as alef
// maksura, plus a greeting and a signature.
constexpr std::string_view kArabicCopy =
    "السلام عليكم،\n\nنَعْتَقِدُ أنَّ مشـــروع التوصيـة سيُضْعِف الإنترنت المفتوح. لا تستطيع "
    "الشركات الصغيرة تحمّل رسوم الشبكات الجديدة، وستكون المجتمعات الريفيه اول المتضررين. لم تُنشر "
    "اي دراسة للأثر، ولم يشرح احد سبب قِصَر المواعيد النهائية. نحث المجلس على سحب القسم الخاص "
    "برسوم الشبكات وعلى استشارة المستخدمين من جديد. يجب أن يحمى الإطار العادل حرية التعبير "
    "والنطاق العريض الميسور التكلفة للجميع.\n\nمع خالص التحية، محمد أحمد، القاهرة";
constexpr std::string_view kArabicOther =
    "أؤيد مشروع التوصية بشأن رسوم الشبكات. ينبغي أن تساهم المنصات الكبرى في تكلفة الإنترنت لأن "
    "المشغلين ينقلون حركة بياناتها. ستستفيد المناطق الريفية من الاستثمارات الجديدة. أرجو من المجلس "
    "اعتماد النص دون تأخير.";

std::string WithGreetingAndSignature(std::string_view body) {
  return "Dear Commissioners,\n\n" + std::string(body) + "\n\nSincerely, Jane Doe, Geneva";
}

TEST(Clusterer, IdenticalTextsFormOneCampaignWithOneVariant) {
  Clusterer c;
  EXPECT_EQ(c.Add(1, kTemplate), 1u);
  EXPECT_EQ(c.Add(2, kTemplate), 1u);
  EXPECT_EQ(c.Add(3, kTemplate), 1u);
  const auto campaigns = c.Campaigns();
  ASSERT_EQ(campaigns.size(), 1u);
  EXPECT_EQ(campaigns[0].id, 1u);
  EXPECT_EQ(campaigns[0].size, 3u);
  ASSERT_EQ(campaigns[0].variants.size(), 1u);
  EXPECT_EQ(campaigns[0].variants[0].count, 3u);
  EXPECT_EQ(campaigns[0].representative, kTemplate);
}

TEST(Clusterer, TextsDifferingOnlyInCaseSpacingAndPunctuationAreOneVariant) {
  Clusterer c;
  c.Add(1, "I oppose the draft recommendation on network fees.");
  c.Add(2, "i OPPOSE the draft recommendation — on network fees!!\n");
  const auto campaigns = c.Campaigns();
  ASSERT_EQ(campaigns.size(), 1u);
  EXPECT_EQ(campaigns[0].variants.size(), 1u);
}

TEST(Clusterer, CopyWithGreetingAndSignatureJoinsTheCampaign) {
  Clusterer c;
  const CampaignId id = c.Add(10, kTemplate);
  EXPECT_EQ(c.Add(11, WithGreetingAndSignature(kTemplate)), id);
  const auto campaigns = c.Campaigns();
  ASSERT_EQ(campaigns.size(), 1u);
  EXPECT_EQ(campaigns[0].variants.size(), 2u);
}

TEST(Clusterer, ReorderedSentencesJoinTheCampaign) {
  Clusterer c;
  const CampaignId id = c.Add(1, kTemplate);
  EXPECT_EQ(c.Add(2, kReordered), id);
  EXPECT_EQ(c.Add(3, WithGreetingAndSignature(kReordered)), id);
}

TEST(Clusterer, DifferentResponsesOnTheSameTopicStayApart) {
  Clusterer c;
  const CampaignId a = c.Add(1, kUniqueA);
  const CampaignId b = c.Add(2, kUniqueB);
  const CampaignId t = c.Add(3, kTemplate);
  EXPECT_EQ(a, 1u);
  EXPECT_EQ(b, 2u);
  EXPECT_EQ(t, 3u);
  EXPECT_EQ(c.num_campaigns(), 3u);
}

TEST(Clusterer, GroupsChineseNearDuplicates) {
  Clusterer c;
  const CampaignId id = c.Add(1, kChinese);
  EXPECT_EQ(c.Add(2, kChineseCopy), id);
  EXPECT_NE(c.Add(3, kChineseOther), id);
  EXPECT_EQ(c.num_campaigns(), 2u);
}

TEST(Clusterer, GroupsArabicNearDuplicatesWrittenWithDiacriticsAndVariantLetters) {
  Clusterer c;
  const CampaignId id = c.Add(1, kArabic);
  EXPECT_EQ(c.Add(2, kArabicCopy), id);
  EXPECT_NE(c.Add(3, kArabicOther), id);
  EXPECT_EQ(c.num_campaigns(), 2u);
}

TEST(Clusterer, RepresentativeIsTheMostCommonVariant) {
  Clusterer c;
  const std::string signed_copy = WithGreetingAndSignature(kTemplate);
  c.Add(1, kTemplate);
  c.Add(2, signed_copy);
  c.Add(3, kReordered);
  c.Add(4, kReordered);  // kReordered now leads, 2 to 1
  c.Add(5, kTemplate);   // a tie: the variant that reached 2 first stays
  auto campaigns = c.Campaigns();
  ASSERT_EQ(campaigns.size(), 1u);
  EXPECT_EQ(campaigns[0].representative, kReordered);
  EXPECT_EQ(campaigns[0].representative_response, 3u);
  c.Add(6, kTemplate);
  campaigns = c.Campaigns();
  EXPECT_EQ(campaigns[0].representative, kTemplate);
  EXPECT_EQ(campaigns[0].representative_response, 1u);
  EXPECT_EQ(campaigns[0].size, 6u);
  ASSERT_EQ(campaigns[0].variants.size(), 3u);
  EXPECT_EQ(campaigns[0].variants[0].first_response, 1u);
  EXPECT_EQ(campaigns[0].variants[0].count, 3u);
  EXPECT_EQ(campaigns[0].variants[1].first_response, 3u);
  EXPECT_EQ(campaigns[0].variants[1].count, 2u);
  EXPECT_EQ(campaigns[0].variants[2].first_response, 2u);
  EXPECT_EQ(campaigns[0].variants[2].count, 1u);
}

TEST(Clusterer, KeepsNoTextsWhenAskedNotTo) {
  Clusterer c(ClustererOptions{.keep_representative_texts = false});
  c.Add(1, kTemplate);
  const auto campaigns = c.Campaigns();
  ASSERT_EQ(campaigns.size(), 1u);
  EXPECT_EQ(campaigns[0].representative, "");
  EXPECT_EQ(campaigns[0].representative_response, 1u);
}

TEST(Clusterer, UsesTheTokenizerItIsGiven) {
  ClustererOptions options;
  // Splits on spaces only and keeps case: "Yes" and "yes" differ.
  options.tokenizer = [](std::string_view text) {
    std::vector<std::string> tokens;
    for (size_t i = 0; i < text.size();) {
      const size_t j = std::min(text.find(' ', i), text.size());
      if (j > i) tokens.emplace_back(text.substr(i, j - i));
      i = j + 1;
    }
    return tokens;
  };
  Clusterer c(options);
  c.Add(1, "Yes");
  c.Add(2, "yes");
  c.Add(3, "yes");
  EXPECT_EQ(c.num_campaigns(), 2u);
}

TEST(Clusterer, AddBatchPassesOnTokenizerErrors) {
  ClustererOptions options;
  options.threads = 2;
  options.tokenizer = [](std::string_view text) -> std::vector<std::string> {
    if (text == "bad") throw std::runtime_error("tokenizer failed");
    return CampaignTokens(text);
  };
  Clusterer c(options);
  std::vector<std::pair<ResponseId, std::string>> responses = {{1, "good"}, {2, "bad"}};
  EXPECT_THROW(c.AddBatch(responses), std::runtime_error);
  EXPECT_EQ(c.num_responses(), 0u);
}

// Sentences for a chain: A = s0..s5 and C = s3..s8 share too little (J ≈ 0.3) to link, but
// B = s1..s7 is close to both (J ≈ 0.6).
constexpr std::string_view kChain[] = {
    "Spectrum for rural broadband should be assigned through open and transparent auctions.",
    "Operators that hold unused licences for years must lose them after a fair warning.",
    "Community networks deserve a simple licence exemption in the lower frequency bands.",
    "Satellite coordination rules ought to protect small states that launch their first system.",
    "Emergency services need priority access whenever a national disaster is declared.",
    "Public consultations like this one should stay open for at least ninety days.",
    "Data retention periods in the annex are far longer than any court has accepted.",
    "Accessibility obligations must cover websites and mobile applications of all operators.",
    "Fees for numbering resources should reflect costs rather than raise general revenue.",
};

std::string Join(int from, int to) {
  std::string s;
  for (int i = from; i <= to; ++i) s += std::string(kChain[i]) + " ";
  return s;
}

TEST(Clusterer, AResponseCloseToTwoCampaignsMergesThemUnderTheOlderId) {
  Clusterer c;
  const CampaignId a = c.Add(100, Join(0, 5));
  const CampaignId later = c.Add(200, Join(3, 8));
  EXPECT_EQ(a, 100u);
  EXPECT_EQ(later, 200u);
  EXPECT_EQ(c.Add(300, Join(1, 7)), 100u);
  EXPECT_EQ(c.num_campaigns(), 1u);
  for (const auto& [response, campaign] : c.Assignments()) EXPECT_EQ(campaign, 100u) << response;
}

TEST(Clusterer, EmptyAndPunctuationOnlyResponsesFormOneCampaign) {
  Clusterer c;
  c.Add(1, "");
  c.Add(2, "...!!!");
  c.Add(3, kTemplate);
  const auto assignments = c.Assignments();
  EXPECT_EQ(assignments[0].second, 1u);
  EXPECT_EQ(assignments[1].second, 1u);
  EXPECT_EQ(assignments[2].second, 3u);
}

TEST(Clusterer, IncrementalAddGivesTheSameClusteringAsClusterAll) {
  const Corpus corpus = GenerateCorpus({.seed = 7, .responses = 3000});
  Clusterer incremental;
  for (const auto& [id, text] : corpus.responses) incremental.Add(id, text);
  const Clustering bulk = ClusterAll(corpus.responses, {.threads = 2});

  const auto assignments = incremental.Assignments();
  ASSERT_EQ(assignments.size(), bulk.campaign_of.size());
  for (size_t i = 0; i < assignments.size(); ++i) {
    ASSERT_EQ(assignments[i].first, corpus.responses[i].first);
    ASSERT_EQ(assignments[i].second, bulk.campaign_of[i]) << "response " << i;
  }
  const auto campaigns = incremental.Campaigns();
  ASSERT_EQ(campaigns.size(), bulk.campaigns.size());
  for (size_t i = 0; i < campaigns.size(); ++i) {
    EXPECT_EQ(campaigns[i].id, bulk.campaigns[i].id);
    EXPECT_EQ(campaigns[i].size, bulk.campaigns[i].size);
    EXPECT_EQ(campaigns[i].representative, bulk.campaigns[i].representative);
    EXPECT_EQ(campaigns[i].variants.size(), bulk.campaigns[i].variants.size());
  }
}

TEST(Clusterer, AddBatchReturnsWhatAddWouldHaveReturned) {
  const Corpus corpus = GenerateCorpus({.seed = 8, .responses = 1000});
  Clusterer one_by_one, batched(ClustererOptions{.threads = 3});
  std::vector<CampaignId> expected;
  for (const auto& [id, text] : corpus.responses) expected.push_back(one_by_one.Add(id, text));
  EXPECT_EQ(batched.AddBatch(corpus.responses), expected);
}

TEST(Clusterer, ConcurrentAddsPlaceEveryResponseAndKeepCopiesTogether) {
  const Corpus corpus = GenerateCorpus({.seed = 9, .responses = 2000});
  Clusterer c;
  std::vector<std::jthread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = t; i < corpus.responses.size(); i += 4) {
        c.Add(corpus.responses[i].first, corpus.responses[i].second);
      }
    });
  }
  threads.clear();
  const auto assignments = c.Assignments();
  ASSERT_EQ(assignments.size(), corpus.responses.size());
  // Arrival order differs from the corpus order; score by response id (ids are 1..n).
  std::vector<CampaignId> predicted(corpus.responses.size());
  for (const auto& [id, campaign] : assignments) predicted[id - 1] = campaign;
  const Scores s = Score(corpus.labels, predicted);
  EXPECT_GE(s.pair_precision, 0.95);
  EXPECT_GE(s.pair_recall, 0.95);
}

TEST(ClusterAll, PairwisePrecisionAndRecallOnA20000ResponseCorpusAreAtLeast95Percent) {
  const Corpus corpus = GenerateCorpus({.seed = 1, .responses = 20000});
  const Clustering result = ClusterAll(corpus.responses);
  const Scores s = Score(corpus.labels, result.campaign_of);
  std::cout << "pairwise precision " << s.pair_precision << ", recall " << s.pair_recall
            << "; B-cubed precision " << s.bcubed_precision << ", recall " << s.bcubed_recall
            << "; unique responses merged " << s.uniques_merged << "; campaigns "
            << corpus.num_campaigns << " true, " << result.campaigns.size() << " found\n";
  EXPECT_GE(s.pair_precision, 0.95);
  EXPECT_GE(s.pair_recall, 0.95);
  // Measured with the default options (threshold 0.5, 32 × 4, k = 3): pairwise precision 1.0000
  // and recall 0.9991; B-cubed 1.0000 and 0.9934. These tighter bounds catch regressions early.
  EXPECT_GE(s.pair_precision, 0.995);
  EXPECT_GE(s.pair_recall, 0.99);
  EXPECT_GE(s.bcubed_recall, 0.98);
}

TEST(ClusterAll, StaysUnder600BytesAResponseWhenEveryResponseIsDifferent) {
  const Corpus corpus = GenerateCorpus({.seed = 2, .responses = 5000, .unique_share = 1.0});
  Clusterer c(ClustererOptions{.keep_representative_texts = false});
  c.AddBatch(corpus.responses);
  EXPECT_EQ(c.num_campaigns(), corpus.responses.size());
  EXPECT_LE(c.MemoryBytes(), 600 * corpus.responses.size());  // measured: 452 bytes
}

TEST(ClusterAll, NeedsFarLessMemoryForCampaignCopies) {
  const Corpus corpus = GenerateCorpus({.seed = 3, .responses = 20000});
  Clusterer c(ClustererOptions{.keep_representative_texts = false});
  c.AddBatch(corpus.responses);
  EXPECT_LE(c.MemoryBytes(), 300 * corpus.responses.size());  // measured: 171 bytes
}

}  // namespace
}  // namespace plenary::campaigns

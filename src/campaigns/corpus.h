// A reproducible generator of multilingual consultation responses with known campaigns, and scores.
//
// GenerateCorpus(options) writes responses to a consultation on a draft telecommunications
// recommendation in English, French, Spanish, Russian, Arabic and Chinese, shaped like a mass
// comment campaign (the FCC's 2017 docket: few unique comments, a handful of texts repeated
// very often):
// - campaigns: each has a template (5–9 sentences in one language) and is copied many times. A copy
//   is either one of the campaign's 1–3 "form" variants verbatim (as submitted through a campaign
//   website) or the template personalised: a greeting, a signature line ("Sincerely, <name>,
//   <city>"), sentences reordered, a sentence dropped or one of the writer's own added, synonyms
//   swapped, typos, line breaks or double spaces; Arabic copies also vary in diacritics, tatweel,
//   hamza on alef and final yeh/alef maksura; Chinese copies in full-width or ASCII punctuation.
//   The top `top_campaigns` campaigns hold `top_share` of the responses; the other campaigns have
//   sizes drawn from a power law (P(size ≥ s) ∝ 1/s) between 2 and max(10, responses/100).
// - unique responses (`unique_share`): written independently from the same sentence grammar, so
//   they share vocabulary and phrases with the campaigns and each other without being copies.
// Responses are shuffled (campaigns arrive interleaved), ids are 1..n in order of arrival.
//
// The same options (seed included) give the same corpus, byte for byte, on every platform: the
// generator uses its own random number generator, not the standard library's distributions.
//
// Thread safety: the functions are pure; they may be called concurrently.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "campaigns/clusterer.h"

namespace plenary::campaigns {

struct CorpusOptions {
  std::uint64_t seed = 1;
  std::size_t responses = 20000;
  double unique_share = 0.06;
  int top_campaigns = 7;
  double top_share = 0.38;
  // Share of a campaign's copies that are a form variant verbatim (top campaigns / the others).
  double top_form_share = 0.5;
  double tail_form_share = 0.3;
};

struct Corpus {
  // (id, text) in order of arrival, ready for ClusterAll.
  std::vector<std::pair<ResponseId, std::string>> responses;
  // Parallel to responses: the campaign (0..num_campaigns-1), or -1 for a unique response.
  std::vector<std::int32_t> labels;
  // Parallel to responses: "en", "fr", "es", "ru", "ar" or "zh".
  std::vector<const char*> languages;
  std::int32_t num_campaigns = 0;
};

Corpus GenerateCorpus(const CorpusOptions& options = {});

// Agreement of a clustering with ground-truth labels (-1 = a unique response: its own group).
struct Scores {
  // Pairwise: over pairs of responses, (pairs together in both) / (pairs together in `predicted`)
  // and / (pairs together in `truth`). 1 when the denominator is 0.
  double pair_precision = 1;
  double pair_recall = 1;
  // B-cubed: the same per response, averaged over responses (small groups weigh more).
  double bcubed_precision = 1;
  double bcubed_recall = 1;
  std::uint64_t true_pairs = 0;
  std::uint64_t predicted_pairs = 0;
  std::uint64_t correct_pairs = 0;
  // Unique responses placed in a campaign with any other response.
  std::uint64_t uniques_merged = 0;
};

// `truth` and `predicted` are parallel.
Scores Score(std::span<const std::int32_t> truth, std::span<const CampaignId> predicted);

}  // namespace plenary::campaigns

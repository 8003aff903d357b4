// Groups consultation responses into campaigns (exact and near-duplicate copies of one text).
//
// How a response is placed (Clusterer::Add):
// 1. Its tokens (CampaignTokens, or ClustererOptions::tokenizer) are hashed as a sequence. A
//    response whose sequence was seen before joins that exact variant: O(1), no MinHash.
// 2. Otherwise it is a new variant: its k-token shingles get a MinHash signature, the LSH index
//    proposes earlier variants sharing a band, and every candidate whose estimated Jaccard
//    similarity is ≥ threshold links the new variant to the candidate's campaign. Linking to
//    several campaigns merges them (union-find): campaigns are the connected components of the
//    "similar enough" relation, computed incrementally (single linkage).
// 3. A variant that links to nothing founds a new campaign (a singleton until others join).
// 4. The signature is kept (and indexed) only while its campaign has fewer than
//    max_indexed_per_campaign indexed variants: a large campaign is found through its first
//    variants, so each further copy costs about 50 bytes if its text is new, 12 if not.
//
// The result depends only on the options and on the order of the responses: ClusterAll and
// AddBatch give the same clustering as calling Add on each response in the same order.
//
// Campaign ids: a campaign is identified by the ResponseId of its earliest response. When two
// campaigns merge, the merged campaign keeps the id of the one that started first. The id Add
// returns is current at that moment; a later merge can fold that campaign into an older one
// (Assignments() and Campaigns() always give the current state).
//
// Memory: no response text is kept except each campaign's representative (and none at all with
// keep_representative_texts = false). Per response 12 bytes; per distinct variant about 60 bytes;
// per indexed variant 128 bytes of signature and 180 to 365 bytes of LSH tables (32 × 4, with
// hash tables between 35% and 70% full). So about 450 bytes (at most 600) a response when every
// response is different, and far less for campaign copies. MemoryBytes() reports the total.
// Limits: fewer than 2^32 − 1 distinct texts and 2^32 responses.
//
// Thread safety: all methods may be called concurrently from any threads. State is guarded by one
// internal mutex; Add and AddBatch tokenize and compute signatures outside it, so concurrent Adds
// overlap their expensive part. The clustering of concurrent Adds depends on the order in which
// they take the mutex; serialise them (or use AddBatch) where reproducibility matters.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "campaigns/minhash.h"
#include "campaigns/shingles.h"

namespace plenary::campaigns {

using ResponseId = std::uint64_t;
// The ResponseId of the campaign's earliest response.
using CampaignId = std::uint64_t;

struct ClustererOptions {
  // Tokens of a text; must be safe to call concurrently. To use the search analyzer instead,
  // wrap text::Analyze (it also needs a language; "" stems Latin words with English rules).
  std::function<std::vector<std::string>(std::string_view)> tokenizer = CampaignTokens;
  int shingle_size = 3;  // k, tokens per shingle
  std::uint64_t shingle_seed = kDefaultShingleSeed;
  MinHashParams minhash = {};  // 32 bands × 4 rows = 128 values per signature
  // Two variants are linked when their estimated Jaccard similarity is at least this.
  double threshold = 0.5;
  // Signatures indexed per campaign; later variants of a campaign are matched against these and
  // then forgotten. 0 means no limit (every distinct variant stays indexed).
  std::uint32_t max_indexed_per_campaign = 64;
  // Keep the text of each campaign's representative variant (Campaign::representative).
  bool keep_representative_texts = true;
  // Threads for AddBatch and ClusterAll; 0 means std::thread::hardware_concurrency().
  int threads = 0;
};

// A distinct text (an exact-hash group) within a campaign.
struct Variant {
  ResponseId first_response = 0;  // the earliest response with this text
  std::uint64_t hash = 0;         // SequenceHash of its tokens
  std::uint64_t count = 0;        // responses with this text
};

struct Campaign {
  CampaignId id = 0;
  std::uint64_t size = 0;  // member responses
  // The most common variant (ties: the one that reached the count first); its earliest response
  // and, with keep_representative_texts, its text as first received.
  ResponseId representative_response = 0;
  std::string representative;
  std::vector<Variant> variants;  // most common first; ties in order of arrival
};

class Clusterer {
 public:
  explicit Clusterer(ClustererOptions options = {});
  Clusterer(const Clusterer&) = delete;
  Clusterer& operator=(const Clusterer&) = delete;

  // Places one response and returns the id of the campaign it is in now (its own id when it
  // starts a new campaign). `id` should be unique; it is not checked. The text is not retained
  // unless it becomes a representative.
  CampaignId Add(ResponseId id, std::string_view text);

  // Places `responses` in order, exactly as Add on each would, preparing signatures on
  // options.threads threads. Returns the campaign id of each as Add would have returned it.
  // Responses go in by chunks of 8192: should the tokenizer throw, the exception is rethrown here
  // and the chunk it occurred in has not been added (earlier chunks have).
  std::vector<CampaignId> AddBatch(std::span<const std::pair<ResponseId, std::string>> responses);

  // Every response so far, in order of arrival, with its current campaign.
  std::vector<std::pair<ResponseId, CampaignId>> Assignments() const;

  // Campaigns with at least `min_size` members, largest first (ties by id).
  std::vector<Campaign> Campaigns(std::uint64_t min_size = 1) const;

  std::size_t num_responses() const;
  std::size_t num_campaigns() const;
  // Heap bytes held (signatures, LSH tables, bookkeeping, representative texts).
  std::size_t MemoryBytes() const;

 private:
  struct Prepared {
    std::uint64_t hash = 0;
    bool empty = true;  // no tokens: never indexed
    std::vector<std::uint8_t> signature;
  };
  struct VariantRec {
    std::uint64_t hash;
    ResponseId first_response;
    std::uint32_t parent;   // union-find over variants
    std::uint32_t count;    // responses with this exact text
    std::uint32_t cluster;  // index into clusters_, valid at roots
  };
  struct Cluster {
    std::uint32_t first_variant;  // smallest variant index: the founder
    std::uint32_t rep_variant;
    std::uint32_t size;     // responses
    std::uint32_t indexed;  // signatures in the LSH index
  };
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  std::uint64_t HashOf(const std::vector<std::string>& tokens) const;
  void Sign(const std::vector<std::string>& tokens, Prepared& p) const;
  Prepared Prepare(std::string_view text) const;

  // The rest require mu_.
  std::uint32_t LookupExact(std::uint64_t hash) const;
  void InsertExact(std::uint32_t variant);
  std::uint32_t Find(std::uint32_t v) const;
  std::uint32_t FindCompress(std::uint32_t v);
  CampaignId IdOfRoot(std::uint32_t root) const;
  CampaignId AddDuplicate(ResponseId id, std::uint32_t variant, std::string_view text);
  CampaignId AddNew(ResponseId id, const Prepared& p, std::string_view text);
  std::uint32_t Union(std::uint32_t a, std::uint32_t b);
  std::uint32_t NewCluster(std::uint32_t variant, std::string_view text);

  const ClustererOptions options_;
  const MinHasher hasher_;

  mutable std::mutex mu_;
  std::vector<ResponseId> response_ids_;         // in arrival order
  std::vector<std::uint32_t> response_variant_;  // parallel to response_ids_
  std::vector<VariantRec> variants_;
  std::vector<std::uint32_t> exact_;  // open addressing over variant indices, keyed by hash
  std::vector<Cluster> clusters_;
  std::vector<std::string> rep_texts_;  // parallel to clusters_ if keep_representative_texts
  std::vector<std::uint32_t> free_clusters_;
  std::size_t live_clusters_ = 0;
  LshIndex index_;
  std::vector<std::uint32_t> slot_variant_;  // LSH slot → variant
  std::vector<std::uint32_t> candidates_;    // scratch
  std::vector<std::uint32_t> linked_;        // scratch
};

// The clustering of a whole consultation.
struct Clustering {
  std::vector<CampaignId> campaign_of;  // parallel to the input
  std::vector<Campaign> campaigns;      // all of them, singletons included, largest first
};

// Clusters `responses` in order (Clusterer::AddBatch) and returns the final state.
Clustering ClusterAll(std::span<const std::pair<ResponseId, std::string>> responses,
                      const ClustererOptions& options = {});

}  // namespace plenary::campaigns

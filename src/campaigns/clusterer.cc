// Incremental campaign clustering: exact-hash variants, LSH candidates, MinHash checks, union-find.
#include "campaigns/clusterer.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <stdexcept>
#include <thread>
#include <unordered_map>

namespace plenary::campaigns {

Clusterer::Clusterer(ClustererOptions options)
    : options_(std::move(options)),
      hasher_(options_.minhash.num_hashes(), options_.minhash.seed),
      exact_(16, kNone),
      index_(options_.minhash) {
  if (!options_.tokenizer) throw std::invalid_argument("ClustererOptions::tokenizer is empty");
  if (options_.shingle_size < 1) throw std::invalid_argument("shingle_size must be ≥ 1");
}

std::uint64_t Clusterer::HashOf(const std::vector<std::string>& tokens) const {
  return SequenceHash(tokens, options_.shingle_seed);
}

void Clusterer::Sign(const std::vector<std::string>& tokens, Prepared& p) const {
  p.empty = tokens.empty();
  if (p.empty) return;
  const std::vector<std::uint64_t> shingles =
      Shingles(tokens, options_.shingle_size, options_.shingle_seed);
  p.signature.resize(hasher_.num_hashes());
  hasher_.Sign(shingles, p.signature);
}

Clusterer::Prepared Clusterer::Prepare(std::string_view text) const {
  Prepared p;
  const std::vector<std::string> tokens = options_.tokenizer(text);
  p.hash = HashOf(tokens);
  Sign(tokens, p);
  return p;
}

std::uint32_t Clusterer::LookupExact(std::uint64_t hash) const {
  const size_t mask = exact_.size() - 1;
  for (size_t pos = Mix64(hash) & mask; exact_[pos] != kNone; pos = (pos + 1) & mask) {
    if (variants_[exact_[pos]].hash == hash) return exact_[pos];
  }
  return kNone;
}

void Clusterer::InsertExact(std::uint32_t variant) {
  if ((variants_.size() + 1) * 10 > exact_.size() * 7) {  // load factor ≤ 0.7
    std::vector<std::uint32_t> bigger(exact_.size() * 2, kNone);
    const size_t mask = bigger.size() - 1;
    for (std::uint32_t v : exact_) {
      if (v == kNone) continue;
      size_t pos = Mix64(variants_[v].hash) & mask;
      while (bigger[pos] != kNone) pos = (pos + 1) & mask;
      bigger[pos] = v;
    }
    exact_ = std::move(bigger);
  }
  const size_t mask = exact_.size() - 1;
  size_t pos = Mix64(variants_[variant].hash) & mask;
  while (exact_[pos] != kNone) pos = (pos + 1) & mask;
  exact_[pos] = variant;
}

std::uint32_t Clusterer::Find(std::uint32_t v) const {
  while (variants_[v].parent != v) v = variants_[v].parent;
  return v;
}

std::uint32_t Clusterer::FindCompress(std::uint32_t v) {
  while (variants_[v].parent != v) {  // path halving
    variants_[v].parent = variants_[variants_[v].parent].parent;
    v = variants_[v].parent;
  }
  return v;
}

CampaignId Clusterer::IdOfRoot(std::uint32_t root) const {
  return variants_[clusters_[variants_[root].cluster].first_variant].first_response;
}

std::uint32_t Clusterer::NewCluster(std::uint32_t variant, std::string_view text) {
  std::uint32_t c;
  if (!free_clusters_.empty()) {
    c = free_clusters_.back();
    free_clusters_.pop_back();
  } else {
    c = static_cast<std::uint32_t>(clusters_.size());
    clusters_.emplace_back();
    if (options_.keep_representative_texts) rep_texts_.emplace_back();
  }
  clusters_[c] = Cluster{variant, variant, 0, 0};
  if (options_.keep_representative_texts) rep_texts_[c].assign(text);
  ++live_clusters_;
  return c;
}

std::uint32_t Clusterer::Union(std::uint32_t a, std::uint32_t b) {
  a = FindCompress(a);
  b = FindCompress(b);
  if (a == b) return a;
  if (clusters_[variants_[a].cluster].size < clusters_[variants_[b].cluster].size) {
    std::swap(a, b);  // union by size: the larger tree's root stays the root
  }
  const std::uint32_t ia = variants_[a].cluster, ib = variants_[b].cluster;
  Cluster* ca = &clusters_[ia];
  Cluster* cb = &clusters_[ib];
  const bool a_older = ca->first_variant < cb->first_variant;
  const std::uint32_t ca_rep_count = variants_[ca->rep_variant].count;
  const std::uint32_t cb_rep_count = variants_[cb->rep_variant].count;
  if (cb_rep_count > ca_rep_count || (cb_rep_count == ca_rep_count && !a_older)) {
    ca->rep_variant = cb->rep_variant;
    if (options_.keep_representative_texts) rep_texts_[ia] = std::move(rep_texts_[ib]);
  }
  ca->first_variant = std::min(ca->first_variant, cb->first_variant);
  ca->size += cb->size;
  ca->indexed += cb->indexed;
  if (options_.keep_representative_texts) rep_texts_[ib] = std::string();  // release the memory
  free_clusters_.push_back(ib);
  --live_clusters_;
  variants_[b].parent = a;
  return a;
}

CampaignId Clusterer::AddDuplicate(ResponseId id, std::uint32_t variant, std::string_view text) {
  response_ids_.push_back(id);
  response_variant_.push_back(variant);
  VariantRec& v = variants_[variant];
  ++v.count;
  const std::uint32_t root = FindCompress(variant);
  const std::uint32_t c = variants_[root].cluster;
  Cluster& cluster = clusters_[c];
  ++cluster.size;
  if (cluster.rep_variant != variant && v.count > variants_[cluster.rep_variant].count) {
    cluster.rep_variant = variant;
    if (options_.keep_representative_texts) rep_texts_[c].assign(text);
  }
  return IdOfRoot(root);
}

CampaignId Clusterer::AddNew(ResponseId id, const Prepared& p, std::string_view text) {
  if (variants_.size() >= kNone - 1) throw std::length_error("too many distinct responses");
  const auto v = static_cast<std::uint32_t>(variants_.size());
  variants_.push_back(VariantRec{p.hash, id, v, 1, kNone});
  InsertExact(v);
  response_ids_.push_back(id);
  response_variant_.push_back(v);

  linked_.clear();
  if (!p.empty) {
    candidates_.clear();
    index_.Candidates(p.signature, candidates_);
    for (std::uint32_t slot : candidates_) {
      const std::uint32_t root = FindCompress(slot_variant_[slot]);
      if (std::find(linked_.begin(), linked_.end(), root) != linked_.end()) continue;
      if (EstimateJaccard(p.signature, index_.Signature(slot)) >= options_.threshold) {
        linked_.push_back(root);
      }
    }
  }

  std::uint32_t root;
  if (linked_.empty()) {
    variants_[v].cluster = NewCluster(v, text);
    root = v;
  } else {
    root = linked_[0];
    variants_[v].parent = root;
    for (size_t i = 1; i < linked_.size(); ++i) root = Union(root, linked_[i]);
  }
  Cluster& cluster = clusters_[variants_[root].cluster];
  ++cluster.size;
  if (!p.empty && (options_.max_indexed_per_campaign == 0 ||
                   cluster.indexed < options_.max_indexed_per_campaign)) {
    index_.Insert(p.signature);
    slot_variant_.push_back(v);
    ++cluster.indexed;
  }
  return IdOfRoot(root);
}

CampaignId Clusterer::Add(ResponseId id, std::string_view text) {
  const std::vector<std::string> tokens = options_.tokenizer(text);
  Prepared p;
  p.hash = HashOf(tokens);
  {
    std::lock_guard lock(mu_);
    if (std::uint32_t v = LookupExact(p.hash); v != kNone) return AddDuplicate(id, v, text);
  }
  Sign(tokens, p);
  std::lock_guard lock(mu_);
  // Another thread may have added the same text while the signature was computed.
  if (std::uint32_t v = LookupExact(p.hash); v != kNone) return AddDuplicate(id, v, text);
  return AddNew(id, p, text);
}

std::vector<CampaignId> Clusterer::AddBatch(
    std::span<const std::pair<ResponseId, std::string>> responses) {
  std::vector<CampaignId> out;
  out.reserve(responses.size());
  int threads = options_.threads > 0 ? options_.threads
                                     : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::max(threads, 1);
  // Chunks bound the memory of prepared signatures; within a chunk, threads take items in turn.
  constexpr size_t kChunk = 8192;
  std::vector<Prepared> prepared;
  for (size_t begin = 0; begin < responses.size(); begin += kChunk) {
    const size_t n = std::min(kChunk, responses.size() - begin);
    prepared.assign(n, Prepared{});
    std::atomic<size_t> next{0};
    std::exception_ptr error;  // the first exception a worker met (from the tokenizer, say)
    std::mutex error_mu;
    auto work = [&] {
      try {
        for (size_t i = next++; i < n; i = next++) {
          prepared[i] = Prepare(responses[begin + i].second);
        }
      } catch (...) {
        next = n;
        std::lock_guard lock(error_mu);
        if (!error) error = std::current_exception();
      }
    };
    // A small batch is prepared on the calling thread: starting threads would cost more.
    constexpr size_t kPerThread = 256;
    std::vector<std::jthread> pool;
    for (int t = 1; t < threads && static_cast<size_t>(t) * kPerThread < n; ++t)
      pool.emplace_back(work);
    work();
    pool.clear();  // joins
    if (error) std::rethrow_exception(error);

    std::lock_guard lock(mu_);
    for (size_t i = 0; i < n; ++i) {
      const auto& [id, text] = responses[begin + i];
      const std::uint32_t v = LookupExact(prepared[i].hash);
      out.push_back(v != kNone ? AddDuplicate(id, v, text) : AddNew(id, prepared[i], text));
    }
  }
  return out;
}

std::vector<std::pair<ResponseId, CampaignId>> Clusterer::Assignments() const {
  std::lock_guard lock(mu_);
  std::vector<std::pair<ResponseId, CampaignId>> out;
  out.reserve(response_ids_.size());
  for (size_t i = 0; i < response_ids_.size(); ++i) {
    out.emplace_back(response_ids_[i], IdOfRoot(Find(response_variant_[i])));
  }
  return out;
}

std::vector<Campaign> Clusterer::Campaigns(std::uint64_t min_size) const {
  std::lock_guard lock(mu_);
  std::vector<Campaign> out;
  std::unordered_map<std::uint32_t, size_t> position;  // cluster index → out index
  for (std::uint32_t v = 0; v < variants_.size(); ++v) {
    const std::uint32_t c = variants_[Find(v)].cluster;
    const Cluster& cluster = clusters_[c];
    if (cluster.size < min_size) continue;
    auto [it, inserted] = position.try_emplace(c, out.size());
    if (inserted) {
      Campaign& campaign = out.emplace_back();
      campaign.id = variants_[cluster.first_variant].first_response;
      campaign.size = cluster.size;
      campaign.representative_response = variants_[cluster.rep_variant].first_response;
      if (options_.keep_representative_texts) campaign.representative = rep_texts_[c];
    }
    const VariantRec& rec = variants_[v];
    out[it->second].variants.push_back(Variant{rec.first_response, rec.hash, rec.count});
  }
  for (Campaign& campaign : out) {
    // Variants were appended in arrival order; a stable sort keeps it among equal counts.
    std::stable_sort(campaign.variants.begin(), campaign.variants.end(),
                     [](const Variant& a, const Variant& b) { return a.count > b.count; });
  }
  std::sort(out.begin(), out.end(), [](const Campaign& a, const Campaign& b) {
    return a.size != b.size ? a.size > b.size : a.id < b.id;
  });
  return out;
}

std::size_t Clusterer::num_responses() const {
  std::lock_guard lock(mu_);
  return response_ids_.size();
}

std::size_t Clusterer::num_campaigns() const {
  std::lock_guard lock(mu_);
  return live_clusters_;
}

std::size_t Clusterer::MemoryBytes() const {
  std::lock_guard lock(mu_);
  size_t bytes =
      response_ids_.capacity() * sizeof(ResponseId) +
      response_variant_.capacity() * sizeof(std::uint32_t) +
      variants_.capacity() * sizeof(VariantRec) + exact_.capacity() * sizeof(std::uint32_t) +
      clusters_.capacity() * sizeof(Cluster) + rep_texts_.capacity() * sizeof(std::string) +
      free_clusters_.capacity() * sizeof(std::uint32_t) +
      slot_variant_.capacity() * sizeof(std::uint32_t) + index_.MemoryBytes();
  for (const std::string& text : rep_texts_) {
    if (text.capacity() > 15) bytes += text.capacity() + 1;  // beyond the in-place buffer
  }
  return bytes;
}

Clustering ClusterAll(std::span<const std::pair<ResponseId, std::string>> responses,
                      const ClustererOptions& options) {
  Clusterer clusterer(options);
  clusterer.AddBatch(responses);
  Clustering result;
  result.campaign_of.reserve(responses.size());
  for (const auto& [id, campaign] : clusterer.Assignments()) result.campaign_of.push_back(campaign);
  result.campaigns = clusterer.Campaigns();
  return result;
}

}  // namespace plenary::campaigns

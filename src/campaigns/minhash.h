// MinHash signatures of shingle sets and an LSH banding index that finds likely near-duplicates.
//
// A signature is n one-byte values (n = bands × rows, 128 by default): for each of n seeded
// permutations of the 64-bit shingle space (multiply-add over a mixed shingle hash), the minimum
// over the set, reduced to 8 bits by a mixer ("b-bit MinHash", b = 8; Li and König, 2010). Two
// signatures agree in a position with probability J + (1 − J)/256, J the Jaccard similarity of the
// two sets, which EstimateJaccard() inverts. At the thresholds used here (J around 0.5) the extra
// variance over full 64-bit minima is negligible, and a 128-value signature takes 128 bytes.
//
// LSH banding: the signature is cut into `bands` bands of `rows` values; two sets with Jaccard J
// share at least one band with probability 1 − (1 − J^rows)^bands (32 × 4: 0.87 at J = 0.5, 0.99
// at J = 0.6, 0.23 at J = 0.3, 0.05 at J = 0.2). The index keeps, for each band value, the first
// signature inserted with it; candidates must then be verified with EstimateJaccard().
//
// Everything is deterministic: the same seed and shingles give the same signature on every
// platform and run.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace plenary::campaigns {

inline constexpr std::uint64_t kDefaultMinHashSeed = 0x2545f4914f6cdd1dULL;

// The shape of signatures and of the LSH index. Signatures have bands × rows values.
struct MinHashParams {
  int bands = 32;
  int rows = 4;
  std::uint64_t seed = kDefaultMinHashSeed;

  int num_hashes() const { return bands * rows; }
};

// Computes signatures. Immutable after construction: Sign() may be called concurrently.
class MinHasher {
 public:
  // num_hashes ≥ 1.
  explicit MinHasher(int num_hashes = 128, std::uint64_t seed = kDefaultMinHashSeed);

  int num_hashes() const { return static_cast<int>(mul_.size()); }

  // Writes the signature of the set `shingles` (64-bit hashes, repeats allowed) to `out`, which
  // must have num_hashes() values. An empty set gets a fixed signature that agrees only with that
  // of other empty sets.
  void Sign(std::span<const std::uint64_t> shingles, std::span<std::uint8_t> out) const;
  std::vector<std::uint8_t> Sign(std::span<const std::uint64_t> shingles) const;

 private:
  std::uint64_t seed_;
  std::vector<std::uint64_t> mul_;  // odd multipliers, one per permutation
  std::vector<std::uint64_t> add_;
};

// The fraction of positions where `a` and `b` agree, corrected for chance agreement of 8-bit
// values: an unbiased estimate of the Jaccard similarity (its standard deviation is about
// sqrt(J(1 − J)/n), 0.044 at J = 0.5 with n = 128), clamped to [0, 1]. Sizes must be equal.
double EstimateJaccard(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b);

// The exact Jaccard similarity of two sorted sets of shingle hashes (as Shingles() returns them);
// 1 for two empty sets. For tests and tuning.
double ExactJaccard(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b);

// Stores signatures and, per band, the first stored signature having each band value.
// Memory: num_hashes bytes per signature plus 4 / load bytes per (signature, new band value), the
// load of the per-band hash tables being between 0.35 and 0.7: for 32 × 4 about 128 + 180 to 365
// bytes per signature when all its band values are new.
// Not thread-safe: use from one thread at a time (const methods may run concurrently with each
// other but not with Insert).
class LshIndex {
 public:
  explicit LshIndex(MinHashParams params = {});

  const MinHashParams& params() const { return params_; }
  // Number of signatures stored; their slots are 0..size()-1 in insertion order.
  std::uint32_t size() const { return count_; }

  // Copies `signature` (params().num_hashes() values) into the index and returns its slot. It
  // becomes the holder of each of its band values that no earlier signature holds.
  std::uint32_t Insert(std::span<const std::uint8_t> signature);

  // Appends to `out` the slots holding at least one band value of `signature`, each once, in band
  // order. These are candidates only: verify them with EstimateJaccard().
  void Candidates(std::span<const std::uint8_t> signature, std::vector<std::uint32_t>& out) const;

  // The signature stored in `slot` (< size()). Valid until the next Insert.
  std::span<const std::uint8_t> Signature(std::uint32_t slot) const;

  // Bytes of heap memory held.
  std::size_t MemoryBytes() const;

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;

  struct Band {
    std::vector<std::uint32_t> slots;  // open addressing (linear probing) over slot numbers
    std::uint32_t used = 0;
  };

  // Signatures live in blocks of kBlockSlots so that storage never over-allocates by more than
  // one block (a growing vector would hold up to twice what it needs).
  static constexpr std::uint32_t kBlockBits = 10;
  static constexpr std::uint32_t kBlockSlots = 1u << kBlockBits;

  const std::uint8_t* Stored(std::uint32_t slot) const;
  std::uint64_t BandHash(const std::uint8_t* values) const;
  bool SameBand(std::uint32_t slot, int band, const std::uint8_t* values) const;
  void Grow(int band);

  MinHashParams params_;
  std::uint32_t count_ = 0;
  std::vector<std::unique_ptr<std::uint8_t[]>> blocks_;  // kBlockSlots × num_hashes values each
  std::vector<Band> bands_;
};

}  // namespace plenary::campaigns

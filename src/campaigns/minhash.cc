// MinHash signatures (b-bit, 8 bits a value) and the LSH banding index.
#include "campaigns/minhash.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "campaigns/shingles.h"

namespace plenary::campaigns {

MinHasher::MinHasher(int num_hashes, std::uint64_t seed) : seed_(seed) {
  if (num_hashes < 1) throw std::invalid_argument("MinHasher needs at least one hash");
  mul_.resize(num_hashes);
  add_.resize(num_hashes);
  std::uint64_t state = seed;
  for (int i = 0; i < num_hashes; ++i) {
    state += 0x9e3779b97f4a7c15ULL;  // splitmix64 stream
    mul_[i] = Mix64(state) | 1;
    state += 0x9e3779b97f4a7c15ULL;
    add_[i] = Mix64(state);
  }
}

void MinHasher::Sign(std::span<const std::uint64_t> shingles, std::span<std::uint8_t> out) const {
  const size_t n = mul_.size();
  if (out.size() != n) throw std::invalid_argument("signature size differs from num_hashes");
  // Each permutation is x ↦ a·x + b (mod 2^64) with odd a, a bijection, applied to a mixed hash;
  // the minimum's high bits decide, and multiply-add spreads differences in x to the high bits.
  constexpr size_t kBlock = 64;
  std::uint64_t mins[kBlock];
  for (size_t base = 0; base < n; base += kBlock) {
    const size_t m = std::min(kBlock, n - base);
    std::fill(mins, mins + m, std::numeric_limits<std::uint64_t>::max());
    const std::uint64_t* a = mul_.data() + base;
    const std::uint64_t* b = add_.data() + base;
    for (std::uint64_t shingle : shingles) {
      const std::uint64_t x = Mix64(shingle ^ seed_);
      for (size_t i = 0; i < m; ++i) mins[i] = std::min(mins[i], a[i] * x + b[i]);
    }
    for (size_t i = 0; i < m; ++i) out[base + i] = static_cast<std::uint8_t>(Mix64(mins[i]) >> 56);
  }
}

std::vector<std::uint8_t> MinHasher::Sign(std::span<const std::uint64_t> shingles) const {
  std::vector<std::uint8_t> out(mul_.size());
  Sign(shingles, out);
  return out;
}

double EstimateJaccard(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
  if (a.size() != b.size()) throw std::invalid_argument("signatures of different sizes");
  if (a.empty()) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  constexpr double kChance = 1.0 / 256;
  const double p = static_cast<double>(same) / static_cast<double>(a.size());
  return std::clamp((p - kChance) / (1 - kChance), 0.0, 1.0);
}

double ExactJaccard(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
  if (a.empty() && b.empty()) return 1;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

LshIndex::LshIndex(MinHashParams params) : params_(params) {
  if (params_.bands < 1 || params_.rows < 1) throw std::invalid_argument("bands, rows ≥ 1");
  bands_.resize(params_.bands);
  for (Band& band : bands_) band.slots.assign(16, kEmpty);
}

std::uint64_t LshIndex::BandHash(const std::uint8_t* values) const {
  std::uint64_t h = 0;
  for (int r = 0; r < params_.rows; ++r) {
    h = (h << 8) | values[r];
    if (r % 8 == 7 && r + 1 < params_.rows) h = Mix64(h);
  }
  return Mix64(h + static_cast<std::uint64_t>(params_.rows));
}

const std::uint8_t* LshIndex::Stored(std::uint32_t slot) const {
  return blocks_[slot >> kBlockBits].get() +
         static_cast<size_t>(slot & (kBlockSlots - 1)) * params_.num_hashes();
}

bool LshIndex::SameBand(std::uint32_t slot, int band, const std::uint8_t* values) const {
  const std::uint8_t* stored = Stored(slot) + static_cast<size_t>(band) * params_.rows;
  return std::memcmp(stored, values, sizeof(std::uint8_t) * params_.rows) == 0;
}

void LshIndex::Grow(int band) {
  Band& b = bands_[band];
  std::vector<std::uint32_t> old = std::move(b.slots);
  b.slots.assign(old.size() * 2, kEmpty);
  const size_t mask = b.slots.size() - 1;
  const size_t offset = static_cast<size_t>(band) * params_.rows;
  for (std::uint32_t slot : old) {
    if (slot == kEmpty) continue;
    const std::uint8_t* values = Stored(slot) + offset;
    size_t pos = BandHash(values) & mask;
    while (b.slots[pos] != kEmpty) pos = (pos + 1) & mask;
    b.slots[pos] = slot;
  }
}

std::uint32_t LshIndex::Insert(std::span<const std::uint8_t> signature) {
  const size_t n = params_.num_hashes();
  if (signature.size() != n) throw std::invalid_argument("signature size differs from index");
  if (count_ == kEmpty - 1) throw std::length_error("LshIndex is full");
  const std::uint32_t slot = count_++;
  if ((slot & (kBlockSlots - 1)) == 0) {
    blocks_.push_back(std::make_unique<std::uint8_t[]>(static_cast<size_t>(kBlockSlots) * n));
  }
  std::copy(signature.begin(), signature.end(),
            blocks_.back().get() + static_cast<size_t>(slot & (kBlockSlots - 1)) * n);
  for (int band = 0; band < params_.bands; ++band) {
    Band& b = bands_[band];
    if ((b.used + 1) * 10 > b.slots.size() * 7) Grow(band);  // load factor ≤ 0.7
    const std::uint8_t* values = signature.data() + static_cast<size_t>(band) * params_.rows;
    const size_t mask = b.slots.size() - 1;
    size_t pos = BandHash(values) & mask;
    bool held = false;
    while (b.slots[pos] != kEmpty) {
      if (SameBand(b.slots[pos], band, values)) {
        held = true;
        break;
      }
      pos = (pos + 1) & mask;
    }
    if (!held) {
      b.slots[pos] = slot;
      ++b.used;
    }
  }
  return slot;
}

void LshIndex::Candidates(std::span<const std::uint8_t> signature,
                          std::vector<std::uint32_t>& out) const {
  if (signature.size() != static_cast<size_t>(params_.num_hashes())) {
    throw std::invalid_argument("signature size differs from index");
  }
  const size_t first = out.size();
  for (int band = 0; band < params_.bands; ++band) {
    const Band& b = bands_[band];
    const std::uint8_t* values = signature.data() + static_cast<size_t>(band) * params_.rows;
    const size_t mask = b.slots.size() - 1;
    for (size_t pos = BandHash(values) & mask; b.slots[pos] != kEmpty; pos = (pos + 1) & mask) {
      const std::uint32_t slot = b.slots[pos];
      if (!SameBand(slot, band, values)) continue;
      if (std::find(out.begin() + first, out.end(), slot) == out.end()) out.push_back(slot);
      break;
    }
  }
}

std::span<const std::uint8_t> LshIndex::Signature(std::uint32_t slot) const {
  return {Stored(slot), static_cast<size_t>(params_.num_hashes())};
}

std::size_t LshIndex::MemoryBytes() const {
  size_t bytes = blocks_.size() * kBlockSlots * params_.num_hashes() * sizeof(std::uint8_t) +
                 blocks_.capacity() * sizeof(blocks_[0]) + bands_.capacity() * sizeof(Band);
  for (const Band& b : bands_) bytes += b.slots.capacity() * sizeof(std::uint32_t);
  return bytes;
}

}  // namespace plenary::campaigns

// Normalises a consultation response into tokens and hashes consecutive tokens into shingles.
//
// Campaign detection compares responses by their sets of word shingles: k consecutive tokens
// (k = 3 by default) hashed to 64 bits. Tokens come from CampaignTokens(), a small self-contained
// tokenizer that the shared analyzer (text::Analyze) is meant to replace later; everything after
// it only sees a std::vector<std::string>, so swapping it touches CampaignTokens() alone.
//
// Thread safety: every function may be called concurrently from any thread (the tokenizer keeps
// one ICU word break iterator per thread). Nothing here retains its arguments.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace plenary::campaigns {

// Seed of the default shingle and sequence hashes. Signatures and exact hashes are only comparable
// when computed with the same seed (and the same tokenizer).
inline constexpr std::uint64_t kDefaultShingleSeed = 0x9e3779b97f4a7c15ULL;

// The tokens of `text` (UTF-8; invalid sequences become U+FFFD), in order:
// - ICU NFKC with case folding (NFKC_Casefold: "Ｆｕｌｌ" → "full", "Straße" → "strasse"); decimal
//   digits of any script become ASCII ("٣" → "3").
// - Arabic: diacritics (harakat, tanwin, shadda, sukun, dagger alef, Quranic marks) and tatweel
//   removed; alef with hamza or madda and alef wasla → bare alef (ا); teh marbuta ة → heh ه; alef
//   maksura ى → yeh ي (Persian yeh ی and keheh ک → ي and ك).
// - Words by ICU's word break rules (root locale); runs of punctuation, spaces and symbols are
//   dropped.
// - Han and kana runs (Chinese, Japanese) become overlapping character bigrams, "互联网" → "互联",
//   "联网"; a run of one character is one token. A run ends at anything that is not Han or kana.
//   Hangul stays in words (Korean separates words with spaces).
// Throws std::length_error for a text of 2 GiB or more, std::runtime_error if ICU data is missing.
std::vector<std::string> CampaignTokens(std::string_view text);

// A seeded 64-bit hash of `bytes` (FNV-1a over the bytes, then a strong finalizer so that every
// output bit depends on every input bit). Deterministic across platforms and runs.
std::uint64_t HashBytes(std::string_view bytes, std::uint64_t seed = kDefaultShingleSeed);

// A 64-bit mixer (the splitmix64/murmur3 finalizer): a bijection with good avalanche.
constexpr std::uint64_t Mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// The hashes of the k-token shingles of `tokens`: one per window of k consecutive tokens, sorted
// and without repeats (a set). Fewer than k tokens (but at least one) give a single shingle of all
// of them; no tokens give no shingles. Order matters within a shingle ("a b c" ≠ "c b a"). k ≥ 1.
std::vector<std::uint64_t> Shingles(std::span<const std::string> tokens, int k = 3,
                                    std::uint64_t seed = kDefaultShingleSeed);

// A 64-bit hash of the whole token sequence: equal for texts whose tokens are equal (the same
// words in the same order, whatever the spacing, punctuation, case or Arabic diacritics), so that
// exact copies are grouped without comparing signatures. Distinct from every shingle hash.
std::uint64_t SequenceHash(std::span<const std::string> tokens,
                           std::uint64_t seed = kDefaultShingleSeed);

}  // namespace plenary::campaigns

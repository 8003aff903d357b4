// The best documents of each frequent term, kept beside the FTS5 tables (migration 0043), so that
// a one-word query over a word most documents hold is ranked from a few hundred rows instead of
// BM25 over every match (a million at most: about 0.6 s). The results are FTS5's own: the same
// documents and the same bm25() scores, to the last bit.
//
// BM25 of one term in a document depends only on its weighted count there (freq; a title
// instance weighs kTitleWeight, as bm25(t, 2.0, 1.0)) and the document's length in tokens (len),
// given the table's row count, total length and the term's document count: it grows with freq
// and falls with len. So for any statistics, the best k documents are among the k shortest of
// each freq. A group (language, term, freq) lists its shortest documents: all of them while
// few, else at least kKeep, with a bound below which every document of the group is listed.
// A query takes the best of the groups' lists and answers only when no unlisted document can
// beat (or tie worse than) the last it takes; otherwise FTS5 ranks as before.
//
// The indexer keeps them current in the same transaction as the FTS5 tables, from the terms the
// tokenizer emitted (storage::TokenTap): no text is analysed twice. search_terms holds the
// listed terms only (with bm25's nHit); an unlisted term's growth is counted in memory and its
// count read from FTS5 every kRecount documents, so that a batch writes rows for the listed
// terms it touches and none for the rest of the vocabulary. Internal to search/.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "storage/db.h"
#include "storage/fts5_tokenizer.h"

namespace plenary::search::top {

inline constexpr int kTitleWeight = 2;  // Search ranks with bm25(search_fts_xx, 2.0, 1.0)
// A term gets lists once this many documents of its language hold it; below, FTS5 scores its
// matches in a few milliseconds.
inline constexpr std::int64_t kListFrom = 1000;
// An unlisted term's count is read from FTS5 each time this many more documents hold it.
inline constexpr int kRecount = 32;
// A trimmed group keeps this many documents; it is trimmed when it holds twice as many.
inline constexpr int kKeep = 128;

// What one document brings to the statistics: its length and each term's weighted count.
struct DocTerms {
  int len = 0;
  std::unordered_map<std::string, int> freq;
};
// From a tap around one FTS5 write of a row of (title, body). Throws std::runtime_error unless
// the tap saw the two columns.
DocTerms FromTap(const storage::TokenTap& tap);

// The changes of one write transaction: recorded as the FTS5 tables change, applied at its end.
class Changes {
 public:
  void Add(const std::string& lang, std::int64_t doc, DocTerms terms);
  void Remove(const std::string& lang, std::int64_t doc, DocTerms terms);
  // Applies them on `c`, inside the write transaction, after its FTS5 writes.
  void Apply(storage::Connection& c);

 private:
  struct Entry {
    bool add;
    std::string lang;
    std::int64_t doc;
    DocTerms terms;
  };
  std::vector<Entry> entries_;
};

// Whether the lists describe the whole index (search_top_state).
bool Built(storage::Connection& c);
// Describes the whole index from the FTS5 tables, in a write (a database indexed before
// migration 0043).
void Build(storage::Connection& c);
// Empties them and marks them built, in the write that empties the FTS5 tables.
void Clear(storage::Connection& c);

// The index term a MATCH expression of text::ToFtsQuery consists of, when it is one term alone
// ("internet" → internet; "互联网" is a phrase of two bigrams: ""), else "".
std::string SingleTerm(const std::string& match, const std::string& lang);

// The best `want` documents of `lang` holding `term` that `keep` accepts, best first, as
// (bm25() score, rowid); fewer when fewer match. nullopt when the lists cannot tell: the term
// has none, or `keep` leaves too few listed documents for the answer to be exact.
std::optional<std::vector<std::pair<double, std::int64_t>>> Best(
    storage::Connection& c, const std::string& lang, const std::string& term, std::int64_t want,
    const std::function<bool(std::int64_t)>& keep);

// FTS5's bm25() of one term (k1 1.2, b 0.75), computed as fts5_aux.c does.
double Bm25(std::int64_t rows, std::int64_t tokens, std::int64_t docs, double freq, double len);

}  // namespace plenary::search::top

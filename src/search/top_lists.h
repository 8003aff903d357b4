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
// A phrase of listed terms is listed the same way once queried (kPhraseSeparator below).
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
#include <unordered_set>
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
// A filtered query tests this many listed documents against its filters at a time.
inline constexpr std::size_t kKeepChunk = 128;

// A phrase of two or more terms ("open internet"; "互联网", a phrase of the bigrams 互联 联网) is
// kept as a term of its own, under its terms joined by kPhraseSeparator, once queried (when each
// of its terms is listed, so that it may be frequent): its groups are by the phrase's weighted
// count, which is what bm25() of a phrase query reads, with its own document count.
inline constexpr char kPhraseSeparator = '\x1e';
// At most this many phrases of a language are kept (each costs the indexer a look at every
// document of the language holding its terms); later ones are ranked by FTS5.
inline constexpr int kMaxPhrases = 64;

// What one document brings to the statistics: its length, each term's weighted count, and its
// columns' tokens in order with FTS5's positions (for the phrases' counts). Move-only: the
// columns point at the keys of `freq`.
struct DocTerms {
  DocTerms() = default;
  DocTerms(DocTerms&&) = default;
  DocTerms& operator=(DocTerms&&) = default;
  DocTerms(const DocTerms&) = delete;
  DocTerms& operator=(const DocTerms&) = delete;
  int len = 0;
  std::unordered_map<std::string, int> freq;
  std::vector<std::vector<std::pair<int, const std::string*>>> columns;  // (position, term)
};
// From a tap around one FTS5 write of a row of (title, body). Throws std::runtime_error unless
// the tap saw the two columns.
DocTerms FromTap(const storage::TokenTap& tap);
// The weighted count of the phrase `terms` in the document (title instances kTitleWeight), as
// FTS5 counts a phrase's instances: the positions where its first term starts it.
int PhraseFreq(const DocTerms& doc, const std::vector<std::string>& terms);

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

// The index terms of a MATCH expression of text::ToFtsQuery that is one phrase of two or more
// terms, each at the next position ("open internet" → open, internet; "互联 联网" → 互联, 联网),
// else none.
std::vector<std::string> PhraseTerms(const std::string& match, const std::string& lang);
// The key the phrase is kept under (its terms joined by kPhraseSeparator).
std::string PhraseKey(const std::vector<std::string>& terms);

// Whether `key` (a term or a phrase's key) has lists.
bool Listed(storage::Connection& c, const std::string& lang, const std::string& key);
// Lists the phrase `terms` of `lang` from its FTS5 matches when the lists are built, each of its
// terms is listed and fewer than kMaxPhrases phrases of the language are; in a write on `db`.
// Returns whether it is listed.
bool ListPhrase(storage::Database& db, const std::string& lang,
                const std::vector<std::string>& terms);

// Of the documents `ids`, those a query's filters accept (a query's reads test the best listed
// documents in chunks, best first, until enough pass).
using Keep = std::function<std::unordered_set<std::int64_t>(const std::vector<std::int64_t>& ids)>;
// The best `want` documents of `lang` holding `term` (or the phrase of that key) that `keep`
// accepts (every one when it is empty), best first, as (bm25() score, rowid); fewer when fewer
// match. nullopt when the lists cannot tell: the term has none, or `keep` leaves too few listed
// documents for the answer to be exact.
std::optional<std::vector<std::pair<double, std::int64_t>>> Best(
    storage::Connection& c, const std::string& lang, const std::string& term, std::int64_t want,
    const Keep& keep);

// FTS5's bm25() of one term (k1 1.2, b 0.75), computed as fts5_aux.c does.
double Bm25(std::int64_t rows, std::int64_t tokens, std::int64_t docs, double freq, double len);

}  // namespace plenary::search::top

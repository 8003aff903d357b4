// The FTS5 tokenizer "plenary": the text analyzer (text/analyzer.h) inside SQLite full-text search.
//
// After RegisterTokenizer(db), tables on that connection can use it with the language of their
// text as the argument:
//   CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'plenary zh');
// A table without the argument ('plenary') analyses as text::Analyze(text, "") does. Documents
// are indexed with text::AnalyzeForIndex (CJK bigrams plus colocated run-final unigrams) and
// queries analysed with text::Analyze; build MATCH expressions with text::ToFtsQuery, which turns
// CJK words into phrases of bigrams and one-character CJK terms into prefix queries.
//
// Thread safety: the tokenizer holds only its language and may run on any thread; registration
// is per connection, so call RegisterTokenizer on every connection that reads or writes such a
// table (before it first does), with the usual rule that a connection is used by one thread at a
// time.
#pragma once
#include <sqlite3.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "text/analyzer.h"

namespace plenary::storage {

// While a TokenTap lives on a thread, the tokenizer records what it emits for documents on that
// thread (FTS5_TOKENIZE_DOCUMENT: a row inserted, or the old row of FTS5's 'delete' command):
// one Call per column, in column order, as FTS5 tokenizes a row. Search keeps statistics of its
// own from them (search/top_lists.h) without analysing each text a second time. Taps nest: the
// innermost records.
class TokenTap {
 public:
  struct Call {
    std::vector<std::string> terms;  // every token, colocated ones too (FTS5 indexes them all)
    std::vector<int> positions;      // each token's position as FTS5 stores it (colocated
                                     // tokens share their predecessor's)
    int size = 0;                    // the tokens FTS5 counts in the column's size
  };
  TokenTap();
  ~TokenTap();
  TokenTap(const TokenTap&) = delete;
  TokenTap& operator=(const TokenTap&) = delete;
  std::vector<Call> calls;

 private:
  TokenTap* outer_;
};

// While a TokenSupply lives on a thread, the tokenizer takes a document's tokens (a row inserted)
// from it instead of analysing the text, when it has them: `find` gets the table's language and
// the column's text and returns the tokens text::AnalyzeForIndex(text, lang) gives, or nullptr
// (the tokenizer then analyses the text itself). Search analyses a batch's texts on another
// thread while its write inserts the rows before them. Supplies nest: the innermost answers.
class TokenSupply {
 public:
  using Find = std::function<const std::vector<text::Token>*(std::string_view lang,
                                                              std::string_view text)>;
  explicit TokenSupply(Find find);
  ~TokenSupply();
  TokenSupply(const TokenSupply&) = delete;
  TokenSupply& operator=(const TokenSupply&) = delete;
  const Find find;

 private:
  TokenSupply* outer_;
};

// A query string that starts with kRawTerm is one term taken as it is, not analysed (for an
// index term already analysed, such as those TokenTap records): `"\x1fgovern"` matches the
// stored term "govern" whatever the stemmer would make of it.
inline constexpr char kRawTerm = '\x1f';

// Registers the tokenizer "plenary" on `db` (not owned; must outlive nothing of ours: the
// tokenizer keeps no pointer to it). Throws std::runtime_error if FTS5 is missing or older than
// fts5_api version 2.
// Registers with it the FTS5 auxiliary functions that give what bm25() reads, for search's
// own ranking of frequent terms (search/top_lists.h): plenary_freq(t, w0, w1, …) the weighted
// count of the query's instances in the row (the sum bm25 calls aFreq), plenary_size(t) the
// row's size in tokens, plenary_rows(t) and plenary_tokens(t) the table's row count and total
// size.
void RegisterTokenizer(sqlite3* db);

}  // namespace plenary::storage

// Snippets of search hits made from the hit's text and the query's phrases, as FTS5's snippet()
// makes them, without a statement per hit: snippet() opened the query's iterators in every
// segment of the index to reach one row, about half of a common word's query (docs/PROFILE.md).
// Internal to search/.
//
// The result is FTS5's snippet(search_fts_<lang>, -1, open, close, ellipsis, tokens) for the row
// (title, body) of a query whose phrases are `phrases`: the same window of tokens (the one with
// the most distinct phrases, a sentence's start preferred), the same marks around each run of
// overlapping phrase instances, the same ellipses. snippet_test.cc compares the two over every
// word and pair of words of texts in the six languages.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace plenary::search::snippet {

// One phrase of a MATCH expression, in index terms: what the table's tokenizer makes of a quoted
// string (text::Analyze in the table's language); `prefix` when a '*' follows it (its last term
// then matches any term it begins).
struct Phrase {
  std::vector<std::string> terms;
  bool prefix = false;
};

// The phrases of a MATCH expression made by text::ToFtsQuery (quoted strings, with "" for a
// quote inside one, joined by AND or OR, in parentheses), in order, analysed for `lang`.
std::vector<Phrase> PhrasesOf(std::string_view match, std::string_view lang);

// The snippet of a row of the table of `lang` with the columns `title` and `body`: at most
// `tokens` tokens of one column, each run of phrase instances between `open` and `close`,
// `ellipsis` where the column goes on before or after the window.
std::string Make(const std::vector<Phrase>& phrases, std::string_view lang, std::string_view title,
                 std::string_view body, std::string_view open, std::string_view close,
                 std::string_view ellipsis, int tokens);

}  // namespace plenary::search::snippet

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

namespace plenary::storage {

// Registers the tokenizer "plenary" on `db` (not owned; must outlive nothing of ours: the
// tokenizer keeps no pointer to it). Throws std::runtime_error if FTS5 is missing or older than
// fts5_api version 2.
void RegisterTokenizer(sqlite3* db);

}  // namespace plenary::storage

// The search analyzer: turns text in any of the six UN languages into index terms and user
// queries into FTS5 MATCH expressions over those terms.
//
// Analysis, in order:
//  1. NFKC with case folding (ICU's NFKC_Casefold: "Ｃ２２" → "c22", "ﬁ" → "fi", default
//     ignorables such as soft hyphens and ZWJ removed).
//  2. Splitting. Runs of CJK characters (Han, Hiragana, Katakana incl. "ー", Hangul) become
//     overlapping bigrams ("互联网" → "互联", "联网"); a one-character run becomes a unigram. The
//     rest goes through ICU's word breaker (root locale); only segments holding a letter or a
//     digit are kept. Nothing is dropped as a stop word: phrases need every position.
//  3. Per word: decimal digits of any script become ASCII ("٢٠١٨" → "2018"); U+2019 becomes an
//     ASCII apostrophe; in French (lang "fr") the elided article is removed
//     ("l'environnement" → "environnement"); Arabic letters are normalised (tashkeel
//     U+064B–U+065F and U+0670, tatweel removed; أ إ آ ٱ → ا; ى → ي; ة → ه, the last after
//     stemming, because Snowball strips ة as a suffix but not ه).
//  4. Snowball stemming chosen by the word's script: Cyrillic → Russian, Arabic → Arabic,
//     Latin → the stemmer of `lang` when it is en, fr or es and English otherwise. Words with a
//     digit ("c22", "2018") and words in other scripts are not stemmed.
//
// `lang` is the language of the document or query: a BCP 47 tag or ICU locale ID ("en",
// "fr-CH", "zh_Hans"); only its primary subtag matters, case-insensitively; "" or an unknown
// language is allowed and stems Latin words with English rules.
//
// Thread safety: every function may be called concurrently from any thread; each thread keeps
// its own ICU break iterator and Snowball stemmers (created on first use, freed at thread exit)
// and remembers the stems of up to 65,536 words a stemmer (a few MiB a thread at most).
// Input need not be valid UTF-8: ill-formed bytes separate words and never end up in a token.
// Errors: std::length_error for text of 512 MiB or more (offsets are int), std::runtime_error if
// ICU fails (it does not for valid data files), std::bad_alloc.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace plenary::text {

struct Token {
  std::string text;  // the term: normalised and stemmed, UTF-8
  int begin;         // byte offsets into the analysed input, [begin, end), on UTF-8
  int end;           // character boundaries; they cover every input character the term came from
  int position;      // 0, 1, 2, ...; equal to the previous token's position when colocated
};

// The terms of `text`, in order. Positions are consecutive (token i has position i): the
// bigrams of a CJK run take one position each, so a phrase of bigrams matches exactly the
// run's characters in order.
std::vector<Token> Analyze(std::string_view text, std::string_view lang);

// Analyze() plus, for every CJK run of two or more characters, a unigram of its last character
// at the position of the run's last bigram (colocated). This is what the index stores: a
// one-character CJK query (which ToFtsQuery turns into a prefix query) then finds the character
// inside a run (as the first half of a bigram) and at the end of one (as this unigram).
std::vector<Token> AnalyzeForIndex(std::string_view text, std::string_view lang);
// The tokens of AnalyzeForIndex() at the same places (offsets and positions) but with words not
// stemmed: for FTS5's snippet() and highlight(), which read only where tokens are, and for which
// the stemmer was the largest part of re-reading a hit (docs/PROFILE.md).
std::vector<Token> AnalyzeForOffsets(std::string_view text, std::string_view lang);

// Turns what a user typed into an FTS5 MATCH expression for a table whose tokenizer is the
// analyzer (storage/fts5_tokenizer.h), or "" when the query holds no term.
//  - Terms are separated by white space and clause punctuation (, ; : ! ? 、 。 and full-width
//    forms); tokens written together form a phrase: a CJK word becomes the phrase of its bigrams
//    ("互联网" → "互联 联网"), "C22/33" the phrase "C22 33".
//  - Text between double quotes (", ＂, “ ”, « ») is one phrase; an unpaired quote is ignored.
//  - A phrase (or term) that ends in a one-character CJK run is a prefix query ("网"*), so that
//    "网" also finds "网络" (see AnalyzeForIndex).
//  - Terms are joined with AND. Everything is emitted inside FTS5 string literals, so no input
//    can inject FTS5 syntax: OR, NOT, NEAR(, *, ^, -, column filters and quotes are searched for
//    as text (punctuation is not indexed, so it simply drops out).
//  - Non-CJK words are emitted as written and CJK bigrams in normalised form; the table's
//    tokenizer analyses them again (with the table's language), so nothing is stemmed twice.
// Example: `互联网 "public consultations" a" OR b` → `"互联 联网" AND "public consultations" AND
// "a" AND "OR" AND "b"`.
std::string ToFtsQuery(std::string_view query, std::string_view lang);

}  // namespace plenary::text

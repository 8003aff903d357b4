// Search analysis: ICU normalisation and word breaking, CJK bigrams, Arabic normalisation,
// Snowball stemming, and FTS5 query building.
#include "text/analyzer.h"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>

namespace plenary::text {
namespace {

// ---------------------------------------------------------------------------------------------
// Per-thread ICU and Snowball objects.

enum class Stemmer { kNone, kEnglish, kFrench, kSpanish, kRussian, kArabic };
constexpr std::array<const char*, 6> kStemmerNames = {nullptr,   "english", "french",
                                                      "spanish", "russian", "arabic"};

class ThreadState {
 public:
  static ThreadState& Get() {
    thread_local ThreadState state;
    return state;
  }

  ~ThreadState() {
    for (sb_stemmer* s : stemmers_)
      if (s != nullptr) sb_stemmer_delete(s);
  }

  // The root-locale word break iterator; throws std::runtime_error if ICU cannot build it.
  icu::BreakIterator& Words() {
    if (words_ == nullptr) {
      UErrorCode status = U_ZERO_ERROR;
      words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
      if (U_FAILURE(status) || words_ == nullptr) {
        words_.reset();
        throw std::runtime_error(std::string("ICU word break iterator: ") + u_errorName(status));
      }
    }
    return *words_;
  }

  // The stemmer, or nullptr for kNone (or if Snowball could not allocate it).
  sb_stemmer* Stem(Stemmer which) {
    auto i = static_cast<size_t>(which);
    if (which == Stemmer::kNone) return nullptr;
    if (stemmers_[i] == nullptr) stemmers_[i] = sb_stemmer_new(kStemmerNames[i], "UTF_8");
    return stemmers_[i];
  }

  // `word` stemmed by `stemmer` (the one of `which`): Snowball's stem, remembered for the next
  // time (a language's words recur from one text to the next: Snowball was about a sixth of
  // indexing and of a hit's snippet, docs/PROFILE.md). At most kRemembered words a stemmer;
  // the memory starts again when full.
  std::string Stemmed(Stemmer which, sb_stemmer* stemmer, std::string word) {
    auto& remembered = stems_[static_cast<size_t>(which)];
    if (auto it = remembered.find(word); it != remembered.end()) return it->second;
    const sb_symbol* stem = sb_stemmer_stem(
        stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    std::string out = stem != nullptr && sb_stemmer_length(stemmer) > 0
                          ? std::string(reinterpret_cast<const char*>(stem),
                                        sb_stemmer_length(stemmer))
                          : word;
    if (remembered.size() >= kRemembered) remembered.clear();
    remembered.emplace(std::move(word), out);
    return out;
  }

 private:
  static constexpr size_t kRemembered = 65536;
  ThreadState() = default;
  std::unique_ptr<icu::BreakIterator> words_;
  std::array<sb_stemmer*, kStemmerNames.size()> stemmers_{};
  std::array<std::unordered_map<std::string, std::string>, kStemmerNames.size()> stems_;
};

const icu::Normalizer2& NfkcCasefold() {
  static const icu::Normalizer2* nfkc_cf = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || n == nullptr)
      throw std::runtime_error(std::string("ICU NFKC_Casefold: ") + u_errorName(status));
    return n;
  }();
  return *nfkc_cf;
}

// ---------------------------------------------------------------------------------------------
// Language.

struct Language {
  Stemmer latin = Stemmer::kEnglish;  // stemmer for words in Latin script
  bool french = false;                // remove elided articles (l', d', qu', ...)
};

Language ParseLanguage(std::string_view lang) {
  std::string primary;
  for (char c : lang) {
    if (c == '-' || c == '_') break;
    primary += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  Language l;
  if (primary == "fr") {
    l.latin = Stemmer::kFrench;
    l.french = true;
  } else if (primary == "es") {
    l.latin = Stemmer::kSpanish;
  }
  return l;
}

// ---------------------------------------------------------------------------------------------
// Offsets: the analysis runs on the normalised text; tokens report offsets into the input.

class OffsetMap {
 public:
  OffsetMap(const icu::Edits& edits, int src_length, int dst_length)
      : src_length_(src_length), dst_length_(dst_length) {
    if (!edits.hasChanges()) return;
    UErrorCode status = U_ZERO_ERROR;
    icu::Edits::Iterator it = edits.getFineIterator();
    while (it.next(status)) {
      spans_.push_back({it.sourceIndex(), it.destinationIndex(), it.oldLength(), it.newLength(),
                        it.hasChange() != 0});
    }
    if (U_FAILURE(status)) throw std::runtime_error("ICU edits iteration failed");
  }

  // Input offset of the character that starts at normalised offset `d`.
  int Begin(int d) const {
    if (spans_.empty()) return d;
    if (d >= dst_length_) return src_length_;
    const Span& s = Containing(d);
    return s.changed ? s.src : s.src + (d - s.dst);
  }

  // Input offset just after the character that ends at normalised offset `d`.
  int End(int d) const {
    if (spans_.empty()) return d;
    if (d <= 0) return 0;
    const Span& s = Containing(d - 1);
    return s.changed ? s.src + s.src_length : s.src + (d - s.dst);
  }

 private:
  struct Span {
    int src, dst, src_length, dst_length;
    bool changed;
  };

  // The span whose output holds byte `d` (0 <= d < dst_length_). Spans tile the output in
  // order; deletions (empty output) sort before the span that follows them at the same offset.
  const Span& Containing(int d) const {
    auto it = std::upper_bound(spans_.begin(), spans_.end(), d,
                               [](int v, const Span& s) { return v < s.dst; });
    return *std::prev(it);
  }

  std::vector<Span> spans_;  // empty when normalisation changed nothing
  int src_length_;
  int dst_length_;
};

// ---------------------------------------------------------------------------------------------
// Characters.

bool IsCjk(UChar32 c) {
  if (c < 0x1100) return false;
  if (c == 0x30FC) return true;  // ー KATAKANA-HIRAGANA PROLONGED SOUND MARK (script Common)
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
      return true;
    default:
      return false;
  }
}

// A combining mark (script Inherited) continues the character before it.
bool IsInherited(UChar32 c) {
  if (c < 0x300) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_INHERITED;
}

bool IsArabicDiacritic(UChar32 c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640;  // tashkeel, tatweel
}

void AppendUtf8(std::string& out, UChar32 c) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buffer, static_cast<size_t>(length));
}

// Does [begin, end) of `s` hold anything the word breaker could keep (a letter or a digit)?
bool MayHoldWords(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
      return true;
  }
  return false;
}

// French elided articles and conjunctions, as Lucene's FrenchAnalyzer removes them.
bool IsFrenchElision(std::string_view prefix) {
  static constexpr std::array<std::string_view, 13> kElisions = {
      "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"};
  return std::find(kElisions.begin(), kElisions.end(), prefix) != kElisions.end();
}

// ---------------------------------------------------------------------------------------------
// Words.

// The term for one word-break segment of normalised text, or "" when it holds no letter or
// digit.
std::string WordTerm(std::string_view word, const Language& language, ThreadState& state,
                     bool stem) {
  std::string out;
  out.reserve(word.size());
  bool has_digit = false;
  bool has_alnum = false;
  UScriptCode script = USCRIPT_COMMON;
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  const auto n = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    if (c < 0x80) {
      if (c >= '0' && c <= '9') {
        has_digit = has_alnum = true;
      } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
        has_alnum = true;
        if (script == USCRIPT_COMMON) script = USCRIPT_LATIN;
      }
      out += static_cast<char>(c);
      continue;
    }
    if (c == 0x2019) {  // RIGHT SINGLE QUOTATION MARK, the typographic apostrophe
      out += '\'';
      continue;
    }
    if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
      out += static_cast<char>('0' + u_charDigitValue(c));
      has_digit = has_alnum = true;
      continue;
    }
    if (c >= 0x0600 && c <= 0x06FF) {
      if (IsArabicDiacritic(c)) continue;
      if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671) c = 0x0627;  // → ا
      if (c == 0x0649) c = 0x064A;                                               // ى → ي
    }
    if (u_isalnum(c)) {
      has_alnum = true;
      if (script == USCRIPT_COMMON) {
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode s = uscript_getScript(c, &status);
        if (s != USCRIPT_COMMON && s != USCRIPT_INHERITED) script = s;
      }
    }
    AppendUtf8(out, c);
  }
  if (!has_alnum) return {};

  if (language.french && script == USCRIPT_LATIN) {
    size_t apostrophe = out.find('\'');
    if (apostrophe != std::string::npos && apostrophe + 1 < out.size() &&
        IsFrenchElision(std::string_view(out).substr(0, apostrophe))) {
      out.erase(0, apostrophe + 1);
    }
  }

  if (!has_digit && stem) {
    Stemmer which = Stemmer::kNone;
    if (script == USCRIPT_LATIN) which = language.latin;
    if (script == USCRIPT_CYRILLIC) which = Stemmer::kRussian;
    if (script == USCRIPT_ARABIC) which = Stemmer::kArabic;
    if (sb_stemmer* stemmer = state.Stem(which)) out = state.Stemmed(which, stemmer, std::move(out));
  }

  if (script == USCRIPT_ARABIC) {  // ة → ه after stemming: Snowball strips ة, not ه
    for (size_t i = 0; i + 1 < out.size(); ++i) {
      if (out[i] == '\xD8' && out[i + 1] == '\xA9') {
        out[i] = '\xD9';
        out[i + 1] = '\x87';
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Analysis.

// A token with what ToFtsQuery needs to know about where it came from.
struct Piece {
  Token token;
  int run_chars = 0;  // for CJK tokens, the number of characters in their run; 0 for words
};

std::vector<Piece> Pieces(std::string_view text, std::string_view lang, bool for_index,
                          bool stem = true) {
  if (text.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max() / 4))
    throw std::length_error("text too long to analyse");
  const Language language = ParseLanguage(lang);
  ThreadState& state = ThreadState::Get();

  std::string norm;
  norm.reserve(text.size());
  icu::Edits edits;
  {
    icu::StringByteSink<std::string> sink(&norm);
    UErrorCode status = U_ZERO_ERROR;
    NfkcCasefold().normalizeUTF8(
        0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, &edits, status);
    if (U_FAILURE(status))
      throw std::runtime_error(std::string("ICU normalisation: ") + u_errorName(status));
  }
  if (norm.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max()))
    throw std::length_error("text too long to analyse");
  const OffsetMap offsets(edits, static_cast<int>(text.size()), static_cast<int>(norm.size()));

  std::vector<Piece> pieces;
  pieces.reserve(norm.size() / 3);
  int position = 0;
  auto emit = [&](std::string term, int begin, int end, int run_chars, bool colocated) {
    int pos = colocated ? position - 1 : position++;
    pieces.push_back(
        {Token{std::move(term), offsets.Begin(begin), offsets.End(end), pos}, run_chars});
  };

  // Words in the non-CJK stretch [begin, end) of `norm`.
  auto words = [&](int begin, int end) {
    std::string_view stretch = std::string_view(norm).substr(begin, end - begin);
    if (!MayHoldWords(stretch)) return;
    icu::BreakIterator& breaker = state.Words();
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, stretch.data(), static_cast<int64_t>(stretch.size()), &status);
    breaker.setText(&ut, status);
    if (U_FAILURE(status)) {
      utext_close(&ut);
      throw std::runtime_error(std::string("ICU word breaking: ") + u_errorName(status));
    }
    for (int32_t from = breaker.first(), to = breaker.next(); to != icu::BreakIterator::DONE;
         from = to, to = breaker.next()) {
      if (breaker.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
      std::string term = WordTerm(stretch.substr(from, to - from), language, state, stem);
      if (!term.empty()) emit(std::move(term), begin + from, begin + to, 0, false);
    }
    utext_close(&ut);
  };

  // The CJK run whose characters start at chars[0..n-1] and which ends at chars[n].
  auto run = [&](const std::vector<int>& chars) {
    const int n = static_cast<int>(chars.size()) - 1;
    auto slice = [&](int from, int to) {
      return norm.substr(chars[from], chars[to] - chars[from]);
    };
    if (n == 1) {
      emit(slice(0, 1), chars[0], chars[1], 1, false);
      return;
    }
    for (int i = 0; i + 1 < n; ++i) emit(slice(i, i + 2), chars[i], chars[i + 2], n, false);
    if (for_index) emit(slice(n - 1, n), chars[n - 1], chars[n], n, true);
  };

  const auto* p = reinterpret_cast<const uint8_t*>(norm.data());
  const auto length = static_cast<int32_t>(norm.size());
  std::vector<int> chars;  // starts of the characters of the current CJK run
  int stretch = 0;         // start of the current non-CJK stretch
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c >= 0 && IsCjk(c)) {
      if (chars.empty()) words(stretch, start);
      chars.push_back(start);
    } else if (!chars.empty() && c >= 0 && IsInherited(c)) {
      // A combining mark stays with the CJK character before it.
    } else if (!chars.empty()) {
      chars.push_back(start);
      run(chars);
      chars.clear();
      stretch = start;
    }
  }
  if (!chars.empty()) {
    chars.push_back(length);
    run(chars);
  } else {
    words(stretch, length);
  }
  return pieces;
}

std::vector<Token> Tokens(std::vector<Piece> pieces) {
  std::vector<Token> tokens;
  tokens.reserve(pieces.size());
  for (Piece& piece : pieces) tokens.push_back(std::move(piece.token));
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Queries.

// Characters that open or close a quoted phrase.
bool IsQuote(UChar32 c) {
  return c == '"' || c == 0xFF02 || c == 0x201C || c == 0x201D || c == 0x00AB || c == 0x00BB;
}

// Does the text between two tokens separate two search terms (rather than join a phrase)?
bool SeparatesTerms(std::string_view gap) {
  const auto* p = reinterpret_cast<const uint8_t*>(gap.data());
  const auto n = static_cast<int32_t>(gap.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || u_isUWhiteSpace(c)) return true;
    // Clause punctuation: ASCII; Arabic comma, semicolon and question mark; 、。 and their
    // half-width forms; full-width ，；：！？.
    static constexpr std::array<UChar32, 17> kClause = {
        ',',    ';',    ':',    '!',    '?',    0x060C, 0x061B, 0x061F, 0x3001,
        0x3002, 0xFF61, 0xFF64, 0xFF0C, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F};
    if (std::find(kClause.begin(), kClause.end(), c) != kClause.end()) return true;
    switch (u_charType(c)) {
      case U_START_PUNCTUATION:
      case U_END_PUNCTUATION:
      case U_INITIAL_PUNCTUATION:
      case U_FINAL_PUNCTUATION:
        return true;
      default:
        break;
    }
  }
  return false;
}

// Appends the FTS5 string literal for the phrase `pieces` (tokens of `source`) to `out`.
void AppendPhrase(std::string_view source, const std::vector<Piece>& pieces, size_t begin,
                  size_t end, std::string& out) {
  if (!out.empty()) out += " AND ";
  out += '"';
  for (size_t i = begin; i < end; ++i) {
    const Piece& piece = pieces[i];
    if (i > begin) out += ' ';
    std::string_view item =
        piece.run_chars > 0 ? std::string_view(piece.token.text)
                            : source.substr(piece.token.begin, piece.token.end - piece.token.begin);
    for (char c : item) {
      if (c == '"') out += '"';  // FTS5 escapes a quote inside a string by doubling it
      out += c;
    }
  }
  out += '"';
  if (pieces[end - 1].run_chars == 1) out += '*';
}

}  // namespace

std::vector<Token> Analyze(std::string_view text, std::string_view lang) {
  return Tokens(Pieces(text, lang, /*for_index=*/false));
}

std::vector<Token> AnalyzeForIndex(std::string_view text, std::string_view lang) {
  return Tokens(Pieces(text, lang, /*for_index=*/true));
}

std::vector<Token> AnalyzeForOffsets(std::string_view text, std::string_view lang) {
  // Stemming changes a word's text, never whether it is a token: the places are the index's.
  return Tokens(Pieces(text, lang, /*for_index=*/true, /*stem=*/false));
}

std::string ToFtsQuery(std::string_view query, std::string_view lang) {
  // Quote characters; an unpaired last one separates terms but opens nothing.
  struct Quote {
    size_t begin, end;
  };
  std::vector<Quote> quotes;
  {
    const auto* p = reinterpret_cast<const uint8_t*>(query.data());
    const auto n = static_cast<int32_t>(std::min<size_t>(query.size(), INT32_MAX));
    for (int32_t i = 0; i < n;) {
      int32_t start = i;
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (IsQuote(c)) quotes.push_back({static_cast<size_t>(start), static_cast<size_t>(i)});
    }
  }
  const size_t paired = quotes.size() & ~size_t{1};

  std::string out;
  auto segment = [&](std::string_view text, bool quoted) {
    std::vector<Piece> pieces = Pieces(text, lang, /*for_index=*/false);
    size_t first = 0;
    for (size_t i = 1; i <= pieces.size(); ++i) {
      bool split = i == pieces.size();
      if (!split && !quoted) {
        const Token& previous = pieces[i - 1].token;
        const Token& next = pieces[i].token;
        split = next.begin >= previous.end &&
                SeparatesTerms(text.substr(previous.end, next.begin - previous.end));
      }
      if (split) {
        AppendPhrase(text, pieces, first, i, out);
        first = i;
      }
    }
  };

  size_t from = 0;
  for (size_t q = 0; q < quotes.size(); ++q) {
    segment(query.substr(from, quotes[q].begin - from), q < paired && q % 2 == 1);
    from = quotes[q].end;
  }
  segment(query.substr(from), false);
  return out;
}

}  // namespace plenary::text

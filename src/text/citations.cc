// Recognition of resolution citations and document symbols in running text (see citations.h).
//
// The input is first normalised character by character (full-width forms and Arabic-Indic digits
// to ASCII, other spaces to " ", format characters and combining marks removed, lower case), with
// each normalised character remembering the input bytes it came from. A hand-written scanner then
// reads phrases on the normalised text; the word lists (citations_lexicon.cc) are written
// naturally and normalised the same way when first used.
#include "text/citations.h"

#include <cstdint>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/citations_lexicon.h"
#include "text/symbols.h"

namespace plenary::text {
namespace {

using namespace lexicon;
constexpr size_t kNone = static_cast<size_t>(-1);

// ---------------------------------------------------------------------------------------------
// Normalisation

struct Normalized {
  U32 folded;                      // lower case, ASCII punctuation and digits, no marks
  U32 cased;                       // the same characters before lower-casing
  // Input bytes of the character each one came from. 32 bits: the input is read up to
  // INT32_MAX bytes, and this keeps the memory of a call at 16 bytes per character.
  std::vector<std::uint32_t> begin, end;
};

bool IsDropped(UChar32 c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF || c == 0x00AD || c == 0x0640;
}

UChar32 FoldWidth(UChar32 c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;  // full-width ASCII
  if (c == 0x3000 || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
      c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    return ' ';
  }
  if (c == 0x060C) return ',';  // Arabic comma
  if (c == 0x061B) return ';';  // Arabic semicolon
  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63) return '-';
  if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);  // Arabic-Indic digits
  if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);  // Extended Arabic-Indic
  if (c == 0xFF64) return 0x3001;                             // half-width ideographic comma
  return c;
}

Normalized Normalize(std::string_view text) {
  Normalized n;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) nfd = nullptr;
  const char* data = text.data();
  int32_t length = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  n.folded.reserve(length);
  n.cased.reserve(length);
  n.begin.reserve(length);
  n.end.reserve(length);
  int32_t i = 0;
  while (i < length) {
    int32_t b = i;
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c < 0) c = 0xFFFD;
    if (IsDropped(c)) continue;
    c = FoldWidth(c);
    icu::UnicodeString decomposed;
    bool has = c >= 0x80 && nfd != nullptr && nfd->getDecomposition(c, decomposed);
    auto emit = [&](UChar32 x) {
      if (u_charType(x) == U_NON_SPACING_MARK) return;
      n.folded.push_back(static_cast<char32_t>(u_tolower(x)));
      n.cased.push_back(static_cast<char32_t>(x));
      n.begin.push_back(static_cast<std::uint32_t>(b));
      n.end.push_back(static_cast<std::uint32_t>(i));
    };
    if (!has) {
      emit(c);
    } else {
      for (int32_t k = 0; k < decomposed.length();) {
        UChar32 x = decomposed.char32At(k);
        emit(x);
        k += U16_LENGTH(x);
      }
    }
  }
  return n;
}

}  // namespace

namespace lexicon {
U32 Fold(std::string_view utf8) { return Normalize(utf8).folded; }
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
}  // namespace lexicon

namespace {

std::string ToUtf8(std::u32string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(s.data()),
                                static_cast<int32_t>(s.size()))
      .toUTF8String(out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Characters and word lists

bool IsSpace(char32_t c) { return c == ' ' || u_isUWhiteSpace(static_cast<UChar32>(c)); }
bool IsHan(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN;
}
bool IsLetter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool IsAlnum(char32_t c) { return u_isalnum(static_cast<UChar32>(c)); }

// A word may start at p: the previous character is not a letter or digit of a spaced script.
bool BoundaryBefore(const U32& s, size_t p) {
  return p == 0 || !IsAlnum(s[p - 1]) || IsHan(s[p - 1]);
}
// A word may end at p: the next character is not a letter of a spaced script.
bool BoundaryAfter(const U32& s, size_t p) {
  return p >= s.size() || !IsLetter(s[p]) || IsHan(s[p]);
}

size_t SkipSpaces(const U32& s, size_t p) {
  while (p < s.size() && IsSpace(s[p])) ++p;
  return p;
}
size_t SkipSpacesBack(const U32& s, size_t q) {
  while (q > 0 && IsSpace(s[q - 1])) --q;
  return q;
}

// Length of `t` at s[p], respecting word boundaries for spaced scripts, or 0.
size_t MatchTerm(const U32& s, size_t p, const U32& t) {
  if (t.empty() || p + t.size() > s.size() || s.compare(p, t.size(), t) != 0) return 0;
  if (IsAlnum(t.front()) && !IsHan(t.front()) && !BoundaryBefore(s, p)) return 0;
  if (IsLetter(t.back()) && !IsHan(t.back()) && !BoundaryAfter(s, p + t.size())) return 0;
  return t.size();
}

// The longest term at s[p], or nullptr; `*len` receives its length.
const Term* MatchAny(const U32& s, size_t p, const Terms& terms, size_t* len) {
  for (const Term& t : terms) {
    if (size_t n = MatchTerm(s, p, t.text)) {
      *len = n;
      return &t;
    }
  }
  return nullptr;
}

// The longest term ending at s[q] (exclusive), or nullptr; `*start` receives where it starts.
const Term* MatchAnyBefore(const U32& s, size_t q, const Terms& terms, size_t* start) {
  for (const Term& t : terms) {
    if (t.text.size() > q) continue;
    size_t p = q - t.text.size();
    if (s.compare(p, t.text.size(), t.text) != 0) continue;
    if (IsAlnum(t.text.front()) && !IsHan(t.text.front()) && !BoundaryBefore(s, p)) continue;
    *start = p;
    return &t;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Phrases

struct Qualifier {
  size_t end = 0;  // after ")"
  int year = 0;
  std::string place;
  bool revised = false;
};

// "(Rev. Dubai, 2018)", "（2018年，迪拜，修订版）", "(المراجع في بوينس آيرس، 2017)" at s[p].
std::optional<Qualifier> ParseQualifier(const Normalized& n, size_t p) {
  const U32& s = n.folded;
  if (p >= s.size() || s[p] != '(') return std::nullopt;
  size_t close = p + 1;
  while (close < s.size() && close < p + 100 && s[close] != ')' && s[close] != '(') ++close;
  if (close >= s.size() || s[close] != ')') return std::nullopt;
  size_t a = p + 1, z = close;
  std::vector<bool> used(z - a, false);
  auto mark = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) used[i - a] = true;
  };
  Qualifier q;
  q.end = close + 1;
  // Years, with 年 or г. after them.
  for (size_t i = a; i < z; ++i) {
    if (!IsDigit(s[i]) || (i > a && IsDigit(s[i - 1]))) continue;
    size_t j = i;
    while (j < z && IsDigit(s[j])) ++j;
    if (j - i != 4) continue;
    int y = std::stoi(ToUtf8(std::u32string_view(s).substr(i, 4)));
    if (y < 1865 || y > 2099 || q.year != 0) return std::nullopt;
    q.year = y;
    mark(i, j);
    size_t k = SkipSpaces(s, j);
    if (k < z && s[k] == U'年') {
      mark(j, k + 1);
    } else if (k < z && s[k] == U'г') {
      size_t e = k + 1 < z && s[k + 1] == '.' ? k + 2 : k + 1;
      if (e >= z || !IsLetter(s[e])) mark(j, e);
    }
  }
  // Places, revision markers and fillers.
  std::string place;
  for (size_t i = a; i < z; ++i) {
    if (used[i - a]) continue;
    size_t len = 0;
    const Term* t = MatchAny(s, i, Places(), &len);
    if (t != nullptr && i + len <= z) {
      if (!place.empty() && place != t->value) return std::nullopt;
      place = t->value;
      mark(i, i + len);
      i += len - 1;
      continue;
    }
    t = MatchAny(s, i, QualifierWords(), &len);
    if (t != nullptr && i + len <= z) {
      if (t->value == "r") q.revised = true;
      mark(i, i + len);
      i += len - 1;
    }
  }
  // What is left may only be punctuation, or the name of a place we do not know.
  size_t first = kNone, last = kNone;
  for (size_t i = a; i < z; ++i) {
    if (used[i - a]) continue;
    char32_t c = s[i];
    if (IsSpace(c) || c == ',' || c == '.' || c == ';' || c == ':' || c == U'、') continue;
    if (IsDigit(c)) return std::nullopt;
    if (!IsLetter(c) && c != '-' && c != '\'' && c != U'’') return std::nullopt;
    if (first == kNone) first = i;
    last = i;
  }
  if (first != kNone) {
    // An unknown place needs a year or a revision marker beside it: "(Rev. Kigali, 2022)" but
    // not "(see annex)".
    if (!place.empty() || last - first + 1 > 40 || (q.year == 0 && !q.revised)) {
      return std::nullopt;
    }
    for (size_t i = first; i <= last; ++i) {
      if (used[i - a] ||
          !(IsLetter(s[i]) || IsSpace(s[i]) || s[i] == '-' || s[i] == '\'' || s[i] == U'’')) {
        return std::nullopt;
      }
    }
    place = ToUtf8(std::u32string_view(n.cased).substr(first, last - first + 1));
  }
  q.place = std::move(place);
  if (q.year == 0 && !q.revised && q.place.empty()) return std::nullopt;
  return q;
}

struct Item {
  size_t begin = 0, end = 0;  // the number
  size_t own_end = 0;         // after the number's own 号, instrument and qualifier
  int number = 0;
  int session = 0;   // "70" of "70/1"
  bool hao = false;  // followed by 号
  std::optional<Qualifier> qualifier;
};

struct Phrase {
  size_t begin = 0, end = 0;
  std::string instrument;  // named in the phrase
  std::vector<Item> items;
};

// Digits, or digits "/" digits, at s[p]; false when absent or glued to letters.
bool ReadNumber(const U32& s, size_t p, Item* item) {
  auto digits = [&](size_t from, size_t* to) {
    size_t j = from;
    while (j < s.size() && IsDigit(s[j])) ++j;
    if (j == from || j - from > 5) return -1;
    *to = j;
    return std::stoi(ToUtf8(std::u32string_view(s).substr(from, j - from)));
  };
  size_t end = 0;
  int n = digits(p, &end);
  if (n < 0) return false;
  item->begin = p;
  item->number = n;
  if (end + 1 < s.size() && s[end] == '/' && IsDigit(s[end + 1])) {
    size_t end2 = 0;
    int m = digits(end + 1, &end2);
    if (m < 0) return false;
    item->session = n;
    item->number = m;
    end = end2;
  }
  if (end < s.size() && IsAlnum(s[end]) && !IsHan(s[end])) return false;
  if (end + 1 < s.size() && (s[end] == '.' || s[end] == '/') && IsDigit(s[end + 1])) return false;
  item->end = end;
  item->own_end = end;
  return true;
}

// An instrument named after a number: "of the Council", "du Conseil", "Совета", "للمجلس".
const Term* MatchPostfix(const U32& s, size_t p, size_t* len) {
  size_t clen = 0;
  if (MatchAny(s, p, PostfixConnectors(), &clen) != nullptr) {
    size_t q = SkipSpaces(s, p + clen);
    size_t nlen = 0;
    if (const Term* t = MatchAny(s, q, PostfixNames(), &nlen)) {
      *len = q + nlen - p;
      return t;
    }
    size_t k = q;
    while (k < s.size() && IsAbbrevChar(s[k])) ++k;
    if (k > q && BoundaryAfter(s, k)) {
      std::string inst = AbbrevInstrument(s.substr(q, k - q));
      if (!inst.empty()) {
        static const Terms abbrev_terms = MakeTerms({{"pp", "pp"},
                                                     {"wtdc", "wtdc"},
                                                     {"wtsa", "wtsa"},
                                                     {"wrc", "wrc"},
                                                     {"unga", "unga"},
                                                     {"ecosoc", "ecosoc"},
                                                     {"ra", "ra"}});
        for (const Term& t : abbrev_terms) {
          if (t.value == inst) {
            *len = k - p;
            return &t;
          }
        }
      }
    }
  }
  size_t nlen = 0;
  // Alone only in Russian and Arabic, where the name itself is inflected.
  if (const Term* t = MatchAny(s, p, PostfixNames(), &nlen)) {
    char32_t c = t->text.front();
    if ((c >= 0x0400 && c <= 0x04FF) || (c >= 0x0600 && c <= 0x06FF)) {
      *len = nlen;
      return t;
    }
  }
  return nullptr;
}

// "Resolution 102 (Rev. Dubai, 2018)", "Резолюции 102 и 140", "القرار 5 (...)" at s[p].
std::optional<Phrase> ParseSpaced(const Normalized& n, size_t p) {
  const U32& s = n.folded;
  size_t len = 0;
  if (MatchAny(s, p, Keywords(), &len) == nullptr) return std::nullopt;
  Phrase ph;
  ph.begin = p;
  size_t q = SkipSpaces(s, p + len);
  if (const Term* t = MatchAny(s, q, MidNames(), &len)) {
    ph.instrument = t->value;
    q = SkipSpaces(s, q + len);
  }
  if (MatchAny(s, q, NumberSigns(), &len) != nullptr) q = SkipSpaces(s, q + len);
  while (true) {
    Item item;
    if (!ReadNumber(s, q, &item)) break;
    size_t r = item.end;
    size_t t = SkipSpaces(s, r);
    if (const Term* inst = MatchPostfix(s, t, &len)) {
      ph.instrument = inst->value;
      r = item.own_end = t + len;
    }
    t = SkipSpaces(s, r);
    if (auto qual = ParseQualifier(n, t)) {
      r = item.own_end = qual->end;
      item.qualifier = std::move(qual);
    }
    ph.items.push_back(std::move(item));
    q = r;
    t = SkipSpaces(s, q);
    bool separated = false;
    if (t < s.size() && s[t] == ',') {
      t = SkipSpaces(s, t + 1);
      separated = true;
    }
    if (MatchAny(s, t, LatinSeparators(), &len) != nullptr) {
      t = SkipSpaces(s, t + len);
      separated = true;
    }
    if (!separated || t >= s.size() || !IsDigit(s[t])) break;
    q = t;
  }
  if (ph.items.empty()) return std::nullopt;
  size_t t = SkipSpaces(s, q);
  if (const Term* inst = MatchPostfix(s, t, &len)) {
    ph.instrument = inst->value;
    q = ph.items.back().own_end = t + len;
  }
  ph.end = q;
  // A qualifier written once after the last number applies to the numbers before it.
  for (size_t i = ph.items.size() - 1; i-- > 0;) {
    if (!ph.items[i].qualifier) ph.items[i].qualifier = ph.items[i + 1].qualifier;
  }
  return ph;
}

// "第102号决议（2018年，迪拜，修订版）", "第101、102和206号决议", "第102号和140号决议" at s[p].
std::optional<Phrase> ParseChinese(const Normalized& n, size_t p) {
  const U32& s = n.folded;
  if (s[p] != U'第') return std::nullopt;
  Phrase ph;
  ph.begin = p;
  size_t q = p + 1;
  size_t len = 0;
  while (true) {
    Item item;
    if (!ReadNumber(s, q, &item)) return std::nullopt;
    size_t r = item.end;
    if (r < s.size() && s[r] == U'号') {
      item.hao = true;
      item.own_end = ++r;
    }
    ph.items.push_back(std::move(item));
    size_t t = SkipSpaces(s, r);
    if (MatchAny(s, t, ChineseSeparators(), &len) == nullptr) {
      q = r;
      break;
    }
    t = SkipSpaces(s, t + len);
    if (t < s.size() && s[t] == U'第') ++t;
    if (t >= s.size() || !IsDigit(s[t])) {
      q = r;
      break;
    }
    q = t;
  }
  if (!ph.items.back().hao || s.compare(q, 2, U"决议") != 0) return std::nullopt;
  q += 2;
  size_t t = SkipSpaces(s, q);
  if (auto qual = ParseQualifier(n, t)) {
    q = qual->end;
    for (Item& item : ph.items) item.qualifier = qual;
  }
  ph.end = q;
  ph.items.back().own_end = q;
  return ph;
}

// An instrument named just before s[p] ("理事会", "全权代表大会（PP）", "Council", "PP-18"): sets
// `*instrument` and returns where the name starts, or returns p.
size_t PrefixInstrument(const U32& s, size_t p, size_t floor, std::string* instrument) {
  size_t q = SkipSpacesBack(s, p);
  size_t start = p;
  if (q > floor && s[q - 1] == ')') {
    size_t close = q - 1;
    size_t open = kNone;
    for (size_t k = close; k > floor && close - k < 20; --k) {
      if (s[k - 1] == '(') {
        open = k - 1;
        break;
      }
      if (s[k - 1] == ')') break;
    }
    if (open == kNone) return p;
    size_t a = SkipSpaces(s, open + 1), b = SkipSpacesBack(s, close);
    if (a >= b) return p;
    std::string inst = AbbrevInstrument(s.substr(a, b - a));
    if (inst.empty()) return p;
    *instrument = inst;
    start = open;
    q = SkipSpacesBack(s, open);
  }
  size_t from = 0;
  if (const Term* t = MatchAnyBefore(s, q, PrefixNames(), &from); t != nullptr && from >= floor) {
    *instrument = t->value;
    return from;
  }
  size_t k = q;
  while (k > floor && IsAbbrevChar(s[k - 1])) --k;
  if (k < q && BoundaryBefore(s, k)) {
    std::string inst = AbbrevInstrument(s.substr(k, q - k));
    if (!inst.empty()) {
      *instrument = inst;
      return k;
    }
  }
  return start;
}

// True when s[a, b) holds only spaces and list separators ("、", "和", "and", ",", ...).
bool OnlySeparators(const U32& s, size_t a, size_t b) {
  size_t t = SkipSpaces(s, a);
  while (t < b) {
    size_t len = 0;
    if (MatchAny(s, t, PhraseSeparators(), &len) == nullptr) return false;
    t = SkipSpaces(s, t + len);
  }
  return t == b || SkipSpaces(s, b) == t;
}

std::string ResolveInstrument(const Item& item, const std::string& named,
                              const std::string& inherited) {
  if (!named.empty()) return named;
  if (item.session > 0) return item.session < 1000 ? "unga" : "";
  if (item.qualifier && item.qualifier->year != 0) {
    if (item.qualifier->place.empty()) return "council";
    std::string_view c = ConferenceAt(item.qualifier->place, item.qualifier->year);
    if (!c.empty()) return std::string(c);
  }
  if (!inherited.empty()) return inherited;
  return item.number >= 1000 ? "council" : "pp";
}

Citation Make(const Normalized& n, std::string_view text, size_t b, size_t e) {
  Citation c;
  c.begin = n.begin[b];
  c.end = n.end[e - 1];
  c.text = std::string(text.substr(c.begin, c.end - c.begin));
  return c;
}

// A document symbol starting at s[p] (in the cased text), or 0.
size_t SymbolAt(const Normalized& n, size_t p) {
  const U32& s = n.cased;
  if (s[p] < 'A' || s[p] > 'Z') return 0;
  if (p > 0) {
    char32_t c = s[p - 1];
    if ((c < 0x80 && IsAlnum(c)) || c == '/' || c == '\\' || c == '.' || c == '-' || c == '_' ||
        c == '&') {
      return 0;
    }
  }
  // Cheap filter before the real parse: C<yy>/, CWG-, or upper-case letters and "/".
  auto at = [&](size_t i) { return p + i < s.size() ? s[p + i] : U'\0'; };
  bool plausible = at(0) == 'C' && at(1) == 'W' && at(2) == 'G' && at(3) == '-';
  plausible = plausible || (at(0) == 'C' && IsDigit(at(1)) && IsDigit(at(2)) && at(3) == '/');
  if (!plausible) {
    size_t i = 0;
    while (at(i) >= 'A' && at(i) <= 'Z') ++i;
    plausible = at(i) == '/';
  }
  if (!plausible) return 0;
  std::string run;
  for (size_t i = p; i < s.size() && run.size() < 160 && s[i] >= 0x20 && s[i] <= 0x7E; ++i) {
    run.push_back(static_cast<char>(s[i]));
  }
  return SymbolPrefixLength(run);  // ASCII: one character per byte
}

}  // namespace

std::vector<Citation> ExtractCitations(std::string_view text) {
  return ExtractCitations(text, static_cast<size_t>(-1), nullptr);
}

std::vector<Citation> ExtractCitations(std::string_view text, size_t max_results,
                                       bool* truncated) {
  if (truncated) *truncated = false;
  // Stops at one more than asked: the extra one only says that there were more.
  auto full = [&](std::vector<Citation>& out) {
    if (out.size() <= max_results) return false;
    out.resize(max_results);
    if (truncated) *truncated = true;
    return true;
  };
  Normalized n = Normalize(text);
  const U32& s = n.folded;
  std::vector<Citation> out;
  size_t floor = 0;             // nothing before this belongs to a new citation
  size_t previous_end = kNone;  // end of the previous resolution phrase
  std::string chain;            // the instrument the previous phrase named or inherited
  size_t p = 0;
  while (p < s.size()) {
    std::optional<Phrase> ph;
    if (s[p] == U'第') {
      ph = ParseChinese(n, p);
    } else if (IsLetter(s[p]) && !IsHan(s[p]) && BoundaryBefore(s, p)) {
      ph = ParseSpaced(n, p);
    }
    if (ph) {
      std::string prefix;
      ph->begin = PrefixInstrument(s, p, floor, &prefix);
      if (!prefix.empty()) ph->instrument = prefix;
      std::string inherited;
      if (previous_end != kNone && OnlySeparators(s, previous_end, ph->begin)) inherited = chain;
      for (size_t i = 0; i < ph->items.size(); ++i) {
        const Item& item = ph->items[i];
        bool last = i + 1 == ph->items.size();
        Citation c = Make(n, text, i == 0 ? ph->begin : item.begin, last ? ph->end : item.own_end);
        c.kind = "resolution";
        c.instrument = ResolveInstrument(item, ph->instrument, inherited);
        c.number = item.number;
        if (item.qualifier) {
          c.place = item.qualifier->place;
          c.year = item.qualifier->year;
          c.revised = item.qualifier->revised;
        }
        if (item.session > 0 && item.session < 1000 && c.instrument == "unga") {
          c.symbol = "A/RES/" + std::to_string(item.session) + "/" + std::to_string(item.number);
        } else if (item.session >= 1000 && c.year == 0) {
          c.year = item.session;  // ECOSOC style "2004/70"
        }
        out.push_back(std::move(c));
        if (full(out)) return out;
      }
      chain = !ph->instrument.empty() ? ph->instrument : inherited;
      previous_end = ph->end;
      floor = p = ph->end;
      continue;
    }
    if (size_t len = SymbolAt(n, p)) {
      std::string run = ToUtf8(std::u32string_view(n.cased).substr(p, len));
      auto parsed = ParseSymbol(run);
      if (parsed.ok()) {
        Citation c = Make(n, text, p, p + len);
        c.kind = "document";
        c.symbol = FormatSymbol(*parsed);
        c.revised = parsed->revision > 0;
        if (!parsed->year.empty()) c.year = std::stoi(parsed->year);
        out.push_back(std::move(c));
        if (full(out)) return out;
        floor = p = p + len;
        continue;
      }
    }
    ++p;
  }
  return out;
}

}  // namespace plenary::text

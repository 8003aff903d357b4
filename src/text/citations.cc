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
#include <tuple>
#include <unordered_map>
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
  if (c == 0x2019 || c == 0x2018 || c == 0x02BC) return '\'';    // typographic apostrophes
  // Traditional forms of the characters of a Chinese citation (號決議 → 号决议).
  if (c == 0x865F) return 0x53F7;
  if (c == 0x6C7A) return 0x51B3;
  if (c == 0x8B70) return 0x8BAE;
  if (c == 0x95DC) return 0x5173;  // 關 → 关
  if (c == 0x904E) return 0x8FC7;  // 過 → 过
  return c;
}

// The Cyrillic letter a Latin look-alike stands for ("C" in "Cоветом"), or 0.
char32_t CyrillicTwin(char32_t c) {
  switch (c) {
    case 'a': return 0x0430;
    case 'c': return 0x0441;
    case 'e': return 0x0435;
    case 'o': return 0x043E;
    case 'p': return 0x0440;
    case 'x': return 0x0445;
    case 'y': return 0x0443;
    default: return 0;
  }
}
bool IsCyrillic(char32_t c) { return c >= 0x0400 && c <= 0x04FF; }

// A word written in Cyrillic with a Latin look-alike inside ("Cоветом", from PDF extraction or
// typing) is read as Cyrillic.
void FoldMixedScript(std::u32string& folded) {
  for (size_t i = 0; i < folded.size(); ++i) {
    char32_t twin = CyrillicTwin(folded[i]);
    if (twin == 0) continue;
    char32_t prev = i > 0 ? folded[i - 1] : U' ';
    char32_t next = i + 1 < folded.size() ? folded[i + 1] : U' ';
    bool latin_near = (prev >= 'a' && prev <= 'z') || (next >= 'a' && next <= 'z');
    if (!latin_near && (IsCyrillic(prev) || IsCyrillic(next))) folded[i] = twin;
  }
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
    if (c < 0x80) {  // ASCII, most of any text: no decomposition, no table look-up
      UChar32 f = FoldWidth(c);
      n.folded.push_back(static_cast<char32_t>(f >= 'A' && f <= 'Z' ? f + 32 : f));
      n.cased.push_back(static_cast<char32_t>(f));
      n.begin.push_back(static_cast<std::uint32_t>(b));
      n.end.push_back(static_cast<std::uint32_t>(i));
      continue;
    }
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
  FoldMixedScript(n.folded);
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

// ASCII answers first: they are most of any text, and ICU's look-ups dominate the time otherwise.
bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}
bool IsHan(char32_t c) {
  if (c < 0x2E80) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN;
}
bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(static_cast<UChar32>(c));
}
bool IsAlnum(char32_t c) {
  if (c < 0x80) return IsLetter(c) || (c >= '0' && c <= '9');
  return u_isalnum(static_cast<UChar32>(c));
}

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

bool IsArabic(char32_t c) { return c >= 0x0600 && c <= 0x06FF; }

// Length of an Arabic term of several words at s[p] whose spaces may be lost, as PDF extraction
// loses them ("الجمعية العامةللأمم المتحدة"), or 0.
size_t MatchArabicLoose(const U32& s, size_t p, const U32& t) {
  size_t i = p;
  for (size_t j = 0; j < t.size(); ++j) {
    if (t[j] == ' ') {
      size_t k = i;
      while (k < s.size() && IsSpace(s[k])) ++k;
      if (k == i && !(j > 0 && IsArabic(t[j - 1]) && j + 1 < t.size() && IsArabic(t[j + 1]))) {
        return 0;
      }
      i = k;
      continue;
    }
    if (i >= s.size() || s[i] != t[j]) return 0;
    ++i;
  }
  return i - p;
}

// Length of `t` at s[p], respecting word boundaries for spaced scripts, or 0.
size_t MatchTerm(const U32& s, size_t p, const U32& t) {
  if (!t.empty() && IsArabic(t.front()) && t.find(U' ') != U32::npos) {
    if (!BoundaryBefore(s, p)) return 0;
    size_t n = MatchArabicLoose(s, p, t);
    if (n == 0 || (IsLetter(t.back()) && !BoundaryAfter(s, p + n))) return 0;
    return n;
  }
  if (t.empty() || p + t.size() > s.size() || s.compare(p, t.size(), t) != 0) return 0;
  if (IsAlnum(t.front()) && !IsHan(t.front()) && !BoundaryBefore(s, p)) return 0;
  if (IsLetter(t.back()) && !IsHan(t.back()) && !BoundaryAfter(s, p + t.size())) return 0;
  return t.size();
}

// The longest term at s[p], or nullptr; `*len` receives its length.
const Term* MatchAny(const U32& s, size_t p, const Terms& terms, size_t* len) {
  if (p >= s.size()) return nullptr;
  for (const Term& t : terms) {
    if (t.text.empty() || t.text.front() != s[p]) continue;
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
  std::string ga_session;  // "XXI", "S-VI", "ES-10" of a General Assembly resolution before 1976;
                           // "XLIV", "ORG-75" of an ECOSOC one
  std::string instrument;  // the conference named in it: "(Rev.WRC-15)" "wrc", "(C12)" "council"
};

// A letter that may stand for a Latin capital in a symbol or number (Cyrillic "А" in
// "2200 А (XXI)", "Х" in "(ХХI)"), as the Latin letter, or 0.
char32_t LatinCapital(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c;
  switch (c) {
    case 0x0410: return 'A';
    case 0x0412: return 'B';
    case 0x0421: return 'C';
    case 0x0415: return 'E';
    case 0x041D: return 'H';
    case 0x0406: return 'I';
    case 0x041A: return 'K';
    case 0x041C: return 'M';
    case 0x041E: return 'O';
    case 0x0420: return 'P';
    case 0x0422: return 'T';
    case 0x0425: return 'X';
    default: return 0;
  }
}

// "XXI", "S-VI", "ES-10": the session of a General Assembly resolution numbered before 1976
// ("217 A (III)"), of a special session or of an emergency special session.
std::string GaSession(std::u32string_view in) {
  // Arabic: "د-17" (regular session), "دإ-6" (special), "دإط-10" (emergency special): the
  // session in Arabic figures after د (دورة), إ (استثنائية) and ط (طارئة).
  if (!in.empty() && in[0] == U'د') {
    size_t k = 1;
    std::string kind;
    while (k < in.size() && (in[k] == U'ا' || in[k] == U'إ' || in[k] == U'ط' || in[k] == ' ')) {
      if (in[k] != ' ') kind += in[k] == U'ط' ? "E" : "S";
      ++k;
    }
    if (k >= in.size() || in[k] != '-') return "";
    std::string number;
    for (++k; k < in.size() && IsDigit(in[k]) && number.size() < 3; ++k) {
      number.push_back(static_cast<char>(in[k]));
    }
    if (k != in.size() || number.empty() || number[0] == '0') return "";
    if (kind.empty()) return "AR-" + number;
    return (kind == "S" ? "S-" : "ES-") + number;
  }
  std::string out;
  for (char32_t c : in) {
    char32_t l = LatinCapital(c);
    if (l != 0) {
      out.push_back(static_cast<char>(l));
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      out.push_back(static_cast<char>(c));
    } else {
      return "";
    }
  }
  std::string_view v = out;
  // "ORG-75": the organizational session of the Economic and Social Council of 1975.
  if (v.size() == 6 && v.starts_with("ORG-") && IsDigit(v[4]) && IsDigit(v[5])) return out;
  if (v.starts_with("ES-")) {
    v.remove_prefix(3);
  } else if (v.starts_with("S-")) {
    v.remove_prefix(2);
  }
  if (v.empty() || v.size() > 7) return "";
  bool roman = std::all_of(v.begin(), v.end(),
                           [](char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L'; });
  bool digits = out.starts_with("ES-") &&
                std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
  return roman || digits ? out : "";
}

// "(Rev. Dubai, 2018)", "（2018年，迪拜，修订版）", "(المراجع في بوينس آيرس، 2017)" at s[p].
std::optional<Qualifier> ParseQualifier(const Normalized& n, size_t p) {
  const U32& s = n.folded;
  if (p >= s.size() || s[p] != '(') return std::nullopt;
  size_t close = p + 1;
  while (close < s.size() && close < p + 100 && s[close] != ')' && s[close] != '(') ++close;
  if (close >= s.size() || s[close] != ')') {
    // A year whose closing parenthesis was mistyped: "699 (1991* المؤرخ …".
    if (p + 6 < s.size() && IsDigit(s[p + 1]) && IsDigit(s[p + 2]) && IsDigit(s[p + 3]) &&
        IsDigit(s[p + 4]) && (s[p + 5] == '*' || s[p + 5] == ']') &&
        (s[p + 1] == '1' || s[p + 1] == '2')) {
      Qualifier q;
      q.end = p + 6;
      q.year = static_cast<int>((s[p + 1] - '0') * 1000 + (s[p + 2] - '0') * 100 +
                                (s[p + 3] - '0') * 10 + (s[p + 4] - '0'));
      return q;
    }
    return std::nullopt;
  }
  size_t a = p + 1, z = close;
  {
    size_t a0 = SkipSpaces(s, a), z0 = SkipSpacesBack(s, z);
    if (a0 < z0) {
      std::string session = GaSession(std::u32string_view(n.cased).substr(a0, z0 - a0));
      if (!session.empty()) {
        Qualifier q;
        q.end = close + 1;
        q.ga_session = std::move(session);
        return q;
      }
    }
  }
  std::vector<bool> used(z - a, false);
  auto mark = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) used[i - a] = true;
  };
  Qualifier q;
  q.end = close + 1;
  // The conference by its abbreviation and year: "(Rev.WRC-15)", "(REV.WRC-2000)",
  // "(Пересм. ВКР-15)", "(Rév.CMR-19)", and the Council session "(C12)".
  for (size_t i = a; i < z; ++i) {
    if (!IsLetter(s[i]) || (i > a && IsAlnum(s[i - 1]))) continue;
    size_t k = i;
    while (k < z && IsLetter(s[k]) && k - i < 6) ++k;
    size_t d = k;
    bool council = k - i == 1 && s[i] == 'c';
    if (d < z && s[d] == '-' && !council) {
      ++d;
    } else if (!council) {
      continue;
    }
    size_t e = d;
    while (e < z && IsDigit(s[e])) ++e;
    if ((e - d != 2 && e - d != 4) || (e < z && IsAlnum(s[e]))) continue;
    std::string inst = council ? "council" : AbbrevInstrument(s.substr(i, k - i));
    if (inst.empty() || !q.instrument.empty()) return std::nullopt;
    int y = std::stoi(ToUtf8(std::u32string_view(s).substr(d, e - d)));
    if (e - d == 2) y += y >= 50 ? 1900 : 2000;
    q.instrument = inst;
    q.year = y;
    q.place = std::string(ConferencePlace(inst, y));
    mark(i, e);
    i = e - 1;
  }
  // Years, with 年 or г. after them.
  for (size_t i = a; i < z; ++i) {
    if (!IsDigit(s[i]) || (i > a && IsDigit(s[i - 1]))) continue;
    size_t j = i;
    while (j < z && IsDigit(s[j])) ++j;
    if (j - i != 4) continue;
    int y = std::stoi(ToUtf8(std::u32string_view(s).substr(i, 4)));
    if (used[i - a]) continue;
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
      if (!q.place.empty() && q.place != t->value) return std::nullopt;
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
    if (!place.empty() || !q.instrument.empty() || last - first + 1 > 40 ||
        (q.year == 0 && !q.revised)) {
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
  if (!place.empty() || q.instrument.empty()) q.place = std::move(place);
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
  bool decision = false;   // "decision 1/105", "Décision 5", "第560号决定"
  std::string instrument;  // named in the phrase
  std::vector<Item> items;
};

size_t UnescoSymbolAt(const Normalized& n, size_t p, std::string* symbol);

// Digits, or digits "/" digits, at s[p]; false when absent or glued to letters, or when they
// open a UNESCO symbol ("резолюция 14 С/23" cites the document 14 C/23).
bool ReadNumber(const Normalized& norm, size_t p, Item* item) {
  const U32& s = norm.folded;
  if (std::string unesco; p < s.size() && IsDigit(s[p]) && UnescoSymbolAt(norm, p, &unesco)) {
    return false;
  }
  auto digits = [&](size_t from, size_t* to) {
    size_t j = from;
    int v = 0;
    while (j < s.size() && IsDigit(s[j]) && j - from < 6) {
      v = v * 10 + static_cast<int>(s[j++] - '0');
    }
    if (j == from || j - from > 5 || (j < s.size() && IsDigit(s[j]))) return -1;
    *to = j;
    return v;
  };
  size_t end = 0;
  int n = digits(p, &end);
  if (n < 0) return false;
  item->begin = p;
  item->number = n;
  // "70/1", and "40 / 152" as Arabic texts space it (a space on both sides or on neither).
  size_t second = kNone;
  if (end + 1 < s.size() && s[end] == '/' && IsDigit(s[end + 1])) {
    second = end + 1;
  } else if (end + 3 < s.size() && s[end] == ' ' && s[end + 1] == '/' && s[end + 2] == ' ' &&
             IsDigit(s[end + 3])) {
    second = end + 3;
  }
  if (second != kNone) {
    size_t end2 = 0;
    int m = digits(second, &end2);
    if (m < 0) return false;
    item->session = n;
    item->number = m;
    end = end2;
  }
  // The letter of a General Assembly resolution: "2241 B (XXI)", "2359B(XXII)", "34/83 A",
  // "43/224 D号"; taken only where such a resolution can stand.
  size_t l = end < s.size() && s[end] == ' ' ? end + 1 : end;
  auto lone_capital = [&](size_t i) {
    return i < s.size() && LatinCapital(norm.cased[i]) != 0 &&
           (i + 1 >= s.size() || !IsLetter(s[i + 1]) || IsHan(s[i + 1]));
  };
  if (lone_capital(l)) {
    // Several letters under one number: "3411 A and B (XXX)", "3419 A to D (XXX)".
    size_t last = l;
    while (true) {
      static const Terms kRange =
          MakeTerms({{"and", ""}, {"to", ""}, {"et", ""}, {"à", ""}, {"a", ""}, {"y", ""},
                     {"и", ""}, {"-", ""}, {",", ""}});
      size_t k = SkipSpaces(s, last + 1), len = 0;
      if (MatchAny(s, k, kRange, &len) == nullptr) break;
      k = SkipSpaces(s, k + len);
      if (!lone_capital(k)) break;
      last = k;
    }
    size_t after = SkipSpaces(s, last + 1);
    bool ga = after < s.size() && (s[after] == '(' || s[after] == U'号');
    if (item->session > 0 || ga) {
      end = last + 1;
    } else if (after = SkipSpaces(s, l + 1); after < s.size() && s[after] == '(') {
      end = l + 1;
    }
  } else if (size_t len = 0; l < s.size() && MatchAny(s, l, ArabicLetterNames(), &len)) {
    // The letter of a resolution spelt out in Arabic: "2200 ألف (د-21)", "40 / 152 سين".
    size_t after = SkipSpaces(s, l + len);
    if (item->session > 0 || (after < s.size() && s[after] == '(')) end = l + len;
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
  bool connector = MatchAny(s, p, PostfixConnectors(), &clen) != nullptr;
  if (connector || (p < s.size() && IsAbbrevChar(s[p]) && BoundaryBefore(s, p))) {
    // "of the Council", "of PP-18", and a conference's abbreviation alone after the number:
    // "Резолюцию 33 ВКРЭ" (not a sector's, which opens a recommendation).
    size_t q = connector ? SkipSpaces(s, p + clen) : p;
    size_t nlen = 0;
    const Term* named = connector ? MatchAny(s, q, PostfixNames(), &nlen) : nullptr;
    if (named != nullptr) {
      *len = q + nlen - p;
      return named;
    }
    size_t k = q;
    while (k < s.size() && IsAbbrevChar(s[k])) ++k;
    std::u32string_view token = std::u32string_view(s).substr(q, k - q);
    bool sector = token.starts_with(U"itu-") || token.starts_with(U"мсэ-");
    if (k > q && BoundaryAfter(s, k) && (connector || !sector)) {
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

// The date that may follow a number and its year in a list, up to the next separator:
// "of 25 September 1991", "du 29 novembre 1990", ", de 2 de agosto de 1990",
// "от 25 сентября 1991 года", "المؤرخ 2 آب/ أغسطس 1990". Returns where it ends, or kNone when
// there is no such date (a date has a connector and a year, and no parenthesis).
size_t SkipDate(const U32& s, size_t p) {
  size_t t = SkipSpaces(s, p);
  if (t < s.size() && s[t] == ',') t = SkipSpaces(s, t + 1);
  size_t len = 0;
  if (MatchAny(s, t, DateConnectors(), &len) == nullptr) return kNone;
  size_t a = t + len, k = a;
  bool year = false;
  while (k < s.size() && k - a < 60) {
    char32_t c = s[k];
    if (c == ',' || c == ';' || c == '(' || c == ')' || c == U'、') break;
    if (IsSpace(c)) {
      size_t w = SkipSpaces(s, k);
      if (MatchAny(s, w, LatinSeparators(), &len) != nullptr) break;
    }
    if (IsDigit(c) && (k == 0 || !IsDigit(s[k - 1])) && k + 4 <= s.size() &&
        (s[k] == '1' || s[k] == '2') && IsDigit(s[k + 1]) && IsDigit(s[k + 2]) &&
        IsDigit(s[k + 3]) && (k + 4 == s.size() || !IsDigit(s[k + 4]))) {
      year = true;
    }
    ++k;
  }
  return year ? SkipSpacesBack(s, k) : kNone;
}

// The title that may follow a number and its session in a list, in quotation marks:
// 'entitled "International Development Strategy…"', "intitulée « … »", "titulada “…”",
// "озаглавленной «…»". Returns where it ends, or kNone.
size_t SkipTitle(const U32& s, size_t p) {
  static const Terms kWords = MakeTerms({{"entitled", ""},
                                          {"intitulée", ""},
                                          {"intitulé", ""},
                                          {"intitulées", ""},
                                          {"intitulés", ""},
                                          {"titulada", ""},
                                          {"titulado", ""},
                                          {"tituladas", ""},
                                          {"titulados", ""},
                                          {"озаглавленной", ""},
                                          {"озаглавленная", ""},
                                          {"озаглавленные", ""},
                                          {"المعنون", ""},
                                          {"المعنونة", ""}});
  static constexpr std::u32string_view kOpen = U"\"“«„‘", kClose = U"\"”»“’";
  size_t t = SkipSpaces(s, p), len = 0;
  if (MatchAny(s, t, kWords, &len) == nullptr) return kNone;
  t = SkipSpaces(s, t + len);
  if (t >= s.size() || kOpen.find(s[t]) == std::u32string_view::npos) return kNone;
  for (size_t k = t + 1; k < s.size() && k - t < 300; ++k) {
    if (kClose.find(s[k]) != std::u32string_view::npos) return k + 1;
  }
  return kNone;
}

// "Resolution 102 (Rev. Dubai, 2018)", "Резолюции 102 и 140", "القرار 5 (...)" at s[p].
std::optional<Phrase> ParseSpaced(const Normalized& n, size_t p) {
  const U32& s = n.folded;
  size_t len = 0;
  const Term* keyword = MatchAny(s, p, Keywords(), &len);
  if (keyword == nullptr) return std::nullopt;
  Phrase ph;
  ph.begin = p;
  ph.decision = keyword->value == "d";
  size_t after_date = kNone;  // after the date that follows the last number read, if any
  size_t q = SkipSpaces(s, p + len);
  if (const Term* t = MatchAny(s, q, MidNames(), &len)) {
    ph.instrument = t->value;
    q = SkipSpaces(s, q + len);
  }
  if (MatchAny(s, q, NumberSigns(), &len) != nullptr) q = SkipSpaces(s, q + len);
  while (true) {
    Item item;
    if (!ReadNumber(n, q, &item)) break;
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
      t = SkipSpaces(s, r);
      if (const Term* inst = MatchPostfix(s, t, &len)) {
        ph.instrument = inst->value;
        r = item.own_end = t + len;
      }
    }
    bool item_has_qualifier = item.qualifier.has_value();
    bool dated = item.session > 0 || (item.qualifier && (item.qualifier->year != 0 ||
                                                         !item.qualifier->ga_session.empty()));
    ph.items.push_back(std::move(item));
    q = r;
    size_t cont = r;
    // A registry note in parentheses between the numbers of a list: "1484 (995_b48) и 1493".
    if (size_t o = SkipSpaces(s, r); !item_has_qualifier && o < s.size() && s[o] == '(') {
      size_t k = o + 1;
      while (k < s.size() && k - o <= 12 && s[k] != ')' && !IsSpace(s[k]) && s[k] != '/') ++k;
      if (k < s.size() && s[k] == ')' && k > o + 1) cont = k + 1;
    }
    if (dated) {
      if (size_t d = SkipDate(s, r); d != kNone) cont = d;
      if (size_t d = SkipTitle(s, cont); d != kNone) cont = d;
    }
    after_date = cont;
    t = SkipSpaces(s, cont);
    bool separated = false, comma = false;
    if (t < s.size() && s[t] == ',') {
      t = SkipSpaces(s, t + 1);
      separated = comma = true;
    }
    if (MatchAny(s, t, LatinSeparators(), &len) != nullptr) {
      t = SkipSpaces(s, t + len);
      separated = true;
      comma = false;
    }
    if (!separated || t >= s.size() || !IsDigit(s[t])) break;
    // After a comma, "1. " opens a numbered paragraph ("…резолюцию 5/1 Совета по правам человека
    // от 18 июня 2007 года, 1. с удовлетворением принимает…"), not the next number of the list.
    if (comma) {
      size_t d = t;
      while (d < s.size() && IsDigit(s[d])) ++d;
      if (d + 1 < s.size() && s[d] == '.' && IsSpace(s[d + 1])) break;
    }
    q = t;
  }
  if (ph.items.empty()) return std::nullopt;
  size_t t = SkipSpaces(s, q);
  if (const Term* inst = MatchPostfix(s, t, &len)) {
    ph.instrument = inst->value;
    q = ph.items.back().own_end = t + len;
  } else if (after_date != kNone && after_date > q) {
    // "decision 2000/109 of 26 April 2000 of the Commission on Human Rights": the date read
    // after the number may run into the instrument named after it.
    for (size_t k = q + 1; k < after_date; ++k) {
      if (!BoundaryBefore(s, k) || MatchAny(s, k, PostfixConnectors(), &len) == nullptr) continue;
      if (const Term* inst = MatchPostfix(s, k, &len)) {
        ph.instrument = inst->value;
        q = ph.items.back().own_end = k + len;
        break;
      }
    }
  }
  // "(Résolution n° 1514) (XV)": the session of a General Assembly resolution written after the
  // parenthesis that holds the phrase.
  if (size_t o = SkipSpacesBack(s, p), c = SkipSpaces(s, q);
      o > 0 && s[o - 1] == '(' && c < s.size() && s[c] == ')' && !ph.items.back().qualifier) {
    auto qual = ParseQualifier(n, SkipSpaces(s, c + 1));
    if (qual && !qual->ga_session.empty()) {
      q = ph.items.back().own_end = qual->end;
      ph.items.back().qualifier = std::move(qual);
    }
  }
  ph.end = q;
  // A qualifier written once after the last number applies to the numbers before it.
  for (size_t i = ph.items.size() - 1; i-- > 0;) {
    if (!ph.items[i].qualifier) ph.items[i].qualifier = ph.items[i + 1].qualifier;
  }
  return ph;
}

// "1991年9月25日" before a number of a Chinese list: returns where it ends, or p.
bool IsChineseNumeral(char32_t c) {
  static constexpr std::u32string_view kNumerals = U"〇零一二三四五六七八九十";
  // "О" (Cyrillic or Latin capital O) stands for 〇 in some texts: "一九六О年".
  return kNumerals.find(c) != std::u32string_view::npos || c == U'o' || c == U'о';
}

// "二零零二年七月二十二日通過的" (a date in Chinese numerals, and "adopted on") before a number
// of a Chinese list: returns where it ends, or p.
size_t SkipChineseNumeralDate(const U32& s, size_t p) {
  size_t k = SkipSpaces(s, p);
  if (s.compare(k, 1, U"于") == 0 || s.compare(k, 1, U"於") == 0) ++k;
  size_t d = k;
  for (auto [unit, lo, hi] : {std::tuple{U'年', 4, 4}, {U'月', 1, 3}, {U'日', 1, 3}}) {
    size_t e = d;
    while (e < s.size() && IsChineseNumeral(s[e]) && e - d <= 4) ++e;
    if (static_cast<int>(e - d) < lo || static_cast<int>(e - d) > hi || e >= s.size() ||
        s[e] != unit) {
      return p;
    }
    d = e + 1;
  }
  if (s.compare(d, 3, U"通过的") == 0) d += 3;
  return SkipSpaces(s, d);
}

size_t SkipChineseDate(const U32& s, size_t p) {
  if (size_t c = SkipChineseNumeralDate(s, p); c != p) return c;
  size_t k = SkipSpaces(s, p), d = k;
  while (d < s.size() && IsDigit(s[d])) ++d;
  if (d - k != 4 || d >= s.size() || s[d] != U'年') return p;
  for (char32_t unit : {U'月', U'日'}) {
    size_t e = SkipSpaces(s, d + 1), f = e;
    while (f < s.size() && IsDigit(s[f])) ++f;
    if (f == e || f - e > 2 || f >= s.size() || s[f] != unit) return unit == U'月' ? p : d + 1;
    d = f;
  }
  return SkipSpaces(s, d + 1);
}

// "第102号决议（2018年，迪拜，修订版）", "第101、102和206号决议", "第102号和140号决议",
// "1991年9月25日第713(1991)、1991年11月27日第721(1991)……号决议", "第2241 B(XXI)号", "第560号决定"
// at s[p].
std::optional<Phrase> ParseChinese(const Normalized& n, size_t p) {
  const U32& s = n.folded;
  if (s[p] != U'第') return std::nullopt;
  Phrase ph;
  ph.begin = p;
  size_t q = SkipSpaces(s, p + 1);
  size_t len = 0;
  while (true) {
    Item item;
    if (!ReadNumber(n, q, &item)) return std::nullopt;
    size_t r = item.end;
    // Only a year or a session stands between the number and 号: "第713(1991)号".
    auto qual = ParseQualifier(n, SkipSpaces(s, r));
    if (qual && (qual->year != 0 || !qual->ga_session.empty()) && qual->place.empty() &&
        !qual->revised) {
      r = item.own_end = qual->end;
      item.qualifier = std::move(qual);
    }
    size_t h = SkipSpaces(s, r);
    if (h < s.size() && s[h] == U'号') {
      item.hao = true;
      item.own_end = r = h + 1;
    }
    ph.items.push_back(std::move(item));
    size_t t = SkipSpaces(s, r);
    bool separated = MatchAny(s, t, ChineseSeparators(), &len) != nullptr;
    if (separated) t = SkipSpaces(s, t + len);
    t = SkipChineseDate(s, t);
    bool di = t < s.size() && s[t] == U'第';
    if (di) t = SkipSpaces(s, t + 1);
    // Numbers follow one another with a separator, or directly after 号 or a year:
    // "第743(1992)号第762(1992)号决议", "第743(1992)762(1992)号决议".
    bool joined = separated || di || ph.items.back().hao || ph.items.back().qualifier;
    if (!joined || t >= s.size() || !IsDigit(s[t])) {
      q = r;
      break;
    }
    q = t;
  }
  if (!ph.items.back().hao) return std::nullopt;
  // "第1356(2001)号、……第1772(2007)号有关索马里局势的决议": a subject between 号 and 决议.
  if (ph.items.size() > 1 && s.compare(q, 2, U"有关") == 0) {
    size_t k = q + 2;
    while (k < s.size() && k - q < 32 && IsHan(s[k]) && s.compare(k, 3, U"的决议") != 0) ++k;
    if (s.compare(k, 3, U"的决议") == 0) q = k + 1;
  }
  if (s.compare(q, 2, U"决议") == 0) {
    q += 2;
  } else if (s.compare(q, 2, U"决定") == 0) {
    q += 2;
    ph.decision = true;
  } else {
    return std::nullopt;
  }
  size_t t = SkipSpaces(s, q);
  if (auto qual = ParseQualifier(n, t)) {
    q = qual->end;
    for (Item& item : ph.items) {
      if (!item.qualifier) item.qualifier = qual;
    }
  }
  ph.end = q;
  ph.items.back().own_end = q;
  return ph;
}

// The value of a Chinese numeral digit ("二" 2, "〇" 0, "0" as some texts mix it in), or -1.
int ChineseDigit(char32_t c) {
  static constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
  if (c == U'零' || c == U'o' || c == U'о' || c == '0') return 0;
  if (IsDigit(c)) return static_cast<int>(c - '0');
  size_t i = kDigits.find(c);
  return i == std::u32string_view::npos ? -1 : static_cast<int>(i);
}

std::string ToRoman(int v) {
  static constexpr std::pair<int, std::string_view> kParts[] = {
      {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
  std::string out;
  for (auto [value, letters] : kParts) {
    while (v >= value) {
      out += letters;
      v -= value;
    }
  }
  return out;
}

// "决议案三九六(五)", "決議案一六六八(十六)", "决议案二0二五(二十)" at s[p]: a General Assembly
// resolution before 1976 as the Chinese texts of the time write it, the number digit by digit in
// Chinese numerals and the session in parentheses ("(五)" the fifth).
std::optional<Phrase> ParseChineseNumeral(const Normalized& n, size_t p) {
  const U32& s = n.folded;
  size_t q = p;
  if (s.compare(q, 3, U"决议案") == 0) {
    q += 3;
  } else if (s.compare(q, 2, U"决议") == 0) {
    q += 2;
  } else {
    return std::nullopt;
  }
  size_t begin = q;
  int number = 0;
  bool chinese = false;
  while (q < s.size() && q - begin < 5 && ChineseDigit(s[q]) >= 0) {
    chinese = chinese || !IsDigit(s[q]);
    number = number * 10 + ChineseDigit(s[q++]);
  }
  if (q == begin || !chinese || number == 0 || ChineseDigit(s[begin]) == 0 || q >= s.size() ||
      s[q] != '(') {
    return std::nullopt;
  }
  size_t k = q + 1;
  int tens = 0, units = 0;
  if (k < s.size() && s[k] != U'十' && ChineseDigit(s[k]) > 0 && s[k + 1] == U'十') {
    tens = ChineseDigit(s[k]);
    k += 2;
  } else if (k < s.size() && s[k] == U'十') {
    tens = 1;
    ++k;
  }
  if (k < s.size() && s[k] != ')' && ChineseDigit(s[k]) > 0 && !IsDigit(s[k])) {
    units = ChineseDigit(s[k++]);
  }
  int session = tens * 10 + units;
  if (k >= s.size() || s[k] != ')' || session == 0 || session > 30) return std::nullopt;
  Phrase ph;
  ph.begin = p;
  ph.end = k + 1;
  Item item;
  item.begin = begin;
  item.end = q;
  item.own_end = k + 1;
  item.number = number;
  Qualifier qual;
  qual.end = k + 1;
  qual.ga_session = ToRoman(session);
  item.qualifier = std::move(qual);
  ph.items.push_back(std::move(item));
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

// Whether Security Council resolution `number` can date from `year`: the Council numbers its
// resolutions in one series since 1946, so "770 (1992)" is one of its resolutions and
// "1372 (2017)" is not. The table holds the first number of each year (a margin absorbs the
// turn of the year).
bool SecurityCouncilYear(int number, int year) {
  static constexpr int kFirst[] = {
      1,    7,    38,   70,   79,   89,   97,   98,   101,  107,  109,  121,  127,  132,  133,
      161,  172,  175,  186,  199,  217,  228,  245,  262,  277,  293,  307,  326,  344,  365,
      384,  403,  423,  444,  461,  484,  501,  528,  544,  560,  581,  595,  603,  628,  646,
      683,  727,  798,  896,  977,  1040, 1091, 1148, 1225, 1284, 1335, 1389, 1456, 1526, 1585,
      1652, 1739, 1795, 1860, 1906, 1964, 2029, 2086, 2132, 2196, 2265, 2337, 2397, 2451, 2506,
      2561, 2617, 2672, 2720, 2767, 2810};  // 1946 … 2026
  constexpr int kYears = static_cast<int>(sizeof kFirst / sizeof kFirst[0]);
  int i = year - 1946;
  if (i < 0 || i >= kYears) return false;
  int low = kFirst[i] - 15;
  int high = i + 1 < kYears ? kFirst[i + 1] + 15 : kFirst[i] + 120;
  return number >= low && number < high;
}

bool ItuBody(const std::string& instrument) {
  return instrument == "pp" || instrument == "council" || instrument == "wtdc" ||
         instrument == "wtsa" || instrument == "wrc" || instrument == "ra";
}

// The instrument of one item; `*defaulted` says it is only the guess by number (rule 5 of
// citations.h), which the whole text may still settle (see SettleByContext).
// The value of a Roman numeral of I, V, X and L ("XLIV" 44), or 0.
int RomanValue(std::string_view r) {
  auto value = [](char c) {
    switch (c) {
      case 'I': return 1;
      case 'V': return 5;
      case 'X': return 10;
      case 'L': return 50;
      default: return 0;
    }
  };
  int total = 0;
  for (size_t i = 0; i < r.size(); ++i) {
    int v = value(r[i]);
    if (v == 0) return 0;
    int next = i + 1 < r.size() ? value(r[i + 1]) : 0;
    total += v < next ? -v : v;
  }
  return total;
}

std::string ResolveInstrument(const Item& item, const std::string& named,
                              const std::string& inherited, bool* defaulted) {
  *defaulted = false;
  const std::optional<Qualifier>& q = item.qualifier;
  bool year_only = q && q->year != 0 && q->place.empty() && !q->revised && q->instrument.empty();
  if (q && !q->ga_session.empty()) {
    // The General Assembly numbered its sessions in Roman figures up to the thirtieth (1975);
    // a higher Roman session, or an organizational one ("ORG-75"), is the Economic and Social
    // Council's ("1296 (XLIV)").
    std::string_view g = q->ga_session;
    bool ecosoc = g.starts_with("ORG-") || RomanValue(g) > 30;
    if (named.empty() || named == "council") return ecosoc ? "ecosoc" : "unga";
    return named;
  }
  if (q && !q->instrument.empty()) return named.empty() ? q->instrument : named;
  if (!named.empty()) {
    // "Council resolution 1441 (2002)": the Security Council, as its numbering shows.
    if (named == "council" && year_only && SecurityCouncilYear(item.number, q->year)) {
      return "unsc";
    }
    return named;
  }
  if (item.session > 0) {
    if (item.session >= 1000) return "";
    // Sessions numbered with the resolution ("70/1") began at the 31st General Assembly;
    // "5/1", "1/105" are the Human Rights Council's.
    return item.session < 31 ? "hrc" : "unga";
  }
  if (year_only) {
    if (SecurityCouncilYear(item.number, q->year)) return "unsc";
    return "council";
  }
  if (q && q->year != 0) {
    std::string_view c = ConferenceAt(q->place, q->year);
    if (!c.empty()) return std::string(c);
  }
  if (!inherited.empty()) return inherited;
  *defaulted = true;
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
  plausible = plausible || (at(0) == 'W' && at(1) == 'T' && at(2) == 'D' && at(3) == 'C' &&
                            (at(4) == '-' || IsDigit(at(4))));
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
  // "C18/35-C2018年3月19日": the date glued to the language suffix of an ITU symbol.
  if (size_t r = run.size(); r > 6 && p + r < s.size() && s[p + r] == U'年' &&
                             run[r - 6] == '-' && IsLetter(static_cast<char32_t>(run[r - 5])) &&
                             std::all_of(run.end() - 4, run.end(), ::isdigit)) {
    run.resize(r - 4);
  }
  // What PDF extraction glues to the language suffix of an ITU symbol: the page header's "Page"
  // ("WTDC-17/23(Add.10)-EPage 1") or the date that follows ("WTDC17/11-R28 июня 2017 года").
  for (size_t i = 0; i + 2 < run.size() && !IsSpace(static_cast<char32_t>(run[i])); ++i) {
    if (run[i] != '-' || std::string_view("EFSRAC").find(run[i + 1]) == std::string_view::npos) {
      continue;
    }
    size_t k = i + 2;
    bool glued = run.compare(k, 4, "Page") == 0;
    if (!glued && IsDigit(static_cast<char32_t>(run[k]))) {
      size_t d = k;
      while (d < run.size() && d - k < 2 && IsDigit(static_cast<char32_t>(run[d]))) ++d;
      // A day of a month written in words: "28 июня", "9 octobre".
      glued = p + d + 1 < s.size() && s[p + d] == ' ' && IsLetter(s[p + d + 1]);
    }
    if (glued && ParseSymbol(run.substr(0, k)).ok()) return k;
  }
  return SymbolPrefixLength(run);  // ASCII: one character per byte
}

// A symbol of UNESCO at s[p] (in the cased text): of the General Conference "39 C/5",
// "28 C/COM.I/2", "39 C/Resolution 15", "(39 C/Res.15)", of the Executive Board "197 EX/2",
// "197 EX/1 Prov. Rev.", "196 EX/SR.1-6", "197 EX/3.INF", "197 EX/Decisions",
// "145 EX/Decision 4.1", and circular letters "CL/4123". These are documents of another
// organization: "Resolution 15" inside one is no resolution of a UN or ITU body. Sets `*symbol`
// (spaces collapsed, accents dropped, look-alike letters read as Latin: "14 С/23" is
// "14 C/23") and returns the length, or 0.
size_t UnescoSymbolAt(const Normalized& n, size_t p, std::string* symbol) {
  const U32& c = n.cased;
  auto at = [&](size_t i) { return i < c.size() ? c[i] : U'\0'; };
  auto latin = [&](size_t i) -> char {
    char32_t x = at(i);
    if (IsDigit(x) || x == '.' || x == '-' || x == '/') return static_cast<char>(x);
    char32_t l = LatinCapital(x);
    if (l != 0) return static_cast<char>(l);
    if (x >= 'a' && x <= 'z') return static_cast<char>(x);
    return 0;
  };
  if (p > 0) {
    char32_t b = c[p - 1];
    if (IsAlnum(b) || b == '/' || b == '.' || b == '-' || b == '_') return 0;
  }
  std::string out;
  size_t k = p;
  if (at(k) == 'C' && at(k + 1) == 'L' && at(k + 2) == '/') {
    size_t d = k + 3;
    while (IsDigit(at(d)) && d - k < 8) ++d;
    if (d - (k + 3) < 3 || d - (k + 3) > 4 || IsAlnum(at(d))) return 0;
    *symbol = ToUtf8(std::u32string_view(c).substr(p, d - p));
    return d - p;
  }
  while (IsDigit(at(k)) && k - p < 4) out.push_back(static_cast<char>(at(k++)));
  if (k == p || k - p > 3 || at(p) == '0') return 0;
  if (at(k) == ' ') ++k;
  out.push_back(' ');
  if (LatinCapital(at(k)) == 'C' && at(k + 1) == '/') {
    out += "C/";
    k += 2;
  } else if (LatinCapital(at(k)) == 'E' && LatinCapital(at(k + 1)) == 'X' && at(k + 2) == '/') {
    out += "EX/";
    k += 3;
  } else {
    return 0;
  }
  // A resolution or decision of the session, or the collection of its decisions.
  static const Terms words = MakeTerms({{"resolution", "Resolution"},
                                        {"resolucion", "Resolucion"},
                                        {"res.", "Res."},
                                        {"decisions", "Decisions"},
                                        {"decisiones", "Decisiones"},
                                        {"decision", "Decision"}});
  size_t len = 0, end = 0;
  if (const Term* w = MatchAny(n.folded, k, words, &len)) {
    out += w->value;
    k += len;
    end = k;
    size_t d = at(k) == ' ' ? k + 1 : k;
    if (w->value != "Decisions" && w->value != "Decisiones") {
      if (!IsDigit(at(d))) return 0;
      if (w->value != "Res.") out.push_back(' ');
      k = d;
      // "15", "4.1", "5.I.A"
      while (IsDigit(at(k)) || (at(k) == '.' && latin(k + 1) != 0 && at(k + 1) != '.') ||
             (LatinCapital(at(k)) != 0 && at(k - 1) == '.')) {
        out.push_back(latin(k));
        ++k;
      }
      end = k;
    }
  } else {
    // "5", "COM.I/2", "SR.1-6", "PG/1.INF.3", "47.I": parts of capitals, digits and dots.
    size_t from = k;
    bool digit = false;
    while (true) {
      char x = latin(k);
      if (x == 0 || (x >= 'a' && x <= 'z')) break;
      // A separator stands between two parts: never first, never before another separator.
      auto separator = [](char y) { return y == '.' || y == '-' || y == '/'; };
      char next = latin(k + 1);
      if (separator(x) && (k == from || next == 0 || separator(next))) {
        break;
      }
      digit = digit || (x >= '0' && x <= '9');
      out.push_back(x);
      ++k;
    }
    if (k == from || (!digit && k - from < 2)) return 0;
    end = k;
  }
  if (IsAlnum(at(end)) && !IsHan(at(end))) return 0;
  // "Prov.", "Rev.", "Add.", "Corr." after it: "197 EX/1 Prov. Rev.".
  while (true) {
    size_t t = at(end) == ' ' ? end + 1 : end;
    bool found = false;
    for (std::u32string_view word : {U"Prov.", U"Rev.", U"Add.", U"Corr."}) {
      if (c.compare(t, word.size(), word) != 0) continue;
      size_t e = t + word.size();
      size_t d = at(e) == ' ' ? e + 1 : e;
      std::string digits;
      while (IsDigit(at(d)) && digits.size() < 3) digits.push_back(static_cast<char>(at(d++)));
      if (!digits.empty()) e = d;
      out += " " + ToUtf8(word) + digits;
      end = e;
      found = true;
      break;
    }
    if (!found) break;
  }
  *symbol = std::move(out);
  return end - p;
}

// "Resolution 15 adopted by the General Conference at its 36th session", as UNESCO's records
// ask its resolutions to be cited in running text ("résolution 15 adoptée par la Conférence
// générale à sa 36e session"): the document "36 C/Resolution 15", not a resolution of a UN or ITU
// body. Sets `*symbol` and returns where the phrase ends, or 0.
size_t UnescoResolutionAfter(const Normalized& n, const Phrase& ph, std::string* symbol) {
  const U32& s = n.folded;
  if (ph.decision || ph.items.size() != 1 || ph.items[0].qualifier || ph.items[0].session > 0 ||
      !ph.instrument.empty()) {
    return 0;
  }
  static const Terms kAdopted =
      MakeTerms({{"adopted by the general conference at its", ""},
                 {"adoptee par la conference generale a sa", ""},
                 {"aprobada por la conferencia general en su", ""}});
  size_t t = SkipSpaces(s, ph.end), len = 0;
  if (MatchAny(s, t, kAdopted, &len) == nullptr) return 0;
  t = SkipSpaces(s, t + len);
  size_t d = t;
  while (d < s.size() && IsDigit(s[d]) && d - t < 3) ++d;
  if (d == t) return 0;
  size_t k = d;
  while (k < s.size() && IsLetter(s[k]) && k - d < 4) ++k;  // "th", "e", "a", "ª"
  if (k < s.size() && s[k] == '.') ++k;                    // "36.ª"
  k = SkipSpaces(s, k);
  static const Terms kSession = MakeTerms({{"session", ""}, {"reunion", ""}});
  if (MatchAny(s, k, kSession, &len) == nullptr) return 0;
  *symbol = ToUtf8(std::u32string_view(s).substr(t, d - t)) + " C/Resolution " +
            std::to_string(ph.items[0].number);
  return k + len;
}

// A symbol of the World Health Organization at s[p] (in the cased text): a World Health
// Assembly resolution "WHA58.3" or decision "WHA75(9)", an Executive Board resolution
// "EB150.R3" or decision "EB150(3)". These are documents of another organization: they must not
// be read as resolutions of a UN or ITU body. Returns the length, or 0.
size_t WhoSymbolAt(const Normalized& n, size_t p) {
  const U32& c = n.cased;
  auto at = [&](size_t i) { return i < c.size() ? c[i] : U'\0'; };
  if (p > 0) {
    char32_t b = c[p - 1];
    if ((b < 0x80 && IsAlnum(b)) || b == '/' || b == '.' || b == '-' || b == '_') return 0;
  }
  size_t k = p;
  if (at(k) == 'W' && at(k + 1) == 'H' && at(k + 2) == 'A') {
    k += 3;
  } else if (at(k) == 'E' && at(k + 1) == 'B') {
    k += 2;
  } else {
    return 0;
  }
  bool board = at(p) == 'E';
  auto digits = [&](size_t from) {
    size_t e = from;
    while (IsDigit(at(e)) && e - from < 3) ++e;
    return e > from && at(from) != '0' && !IsDigit(at(e)) ? e : 0;
  };
  size_t session_end = digits(k);
  if (session_end == 0) return 0;
  size_t end = 0;
  if (at(session_end) == '(') {
    size_t d = digits(session_end + 1);
    if (d != 0 && at(d) == ')') end = d + 1;
  } else if (at(session_end) == '.') {
    size_t r = session_end + 1;
    if (board) {
      if (at(r) != 'R') return 0;
      ++r;
    }
    end = digits(r);
  }
  if (end == 0) return 0;
  char32_t after = at(end);
  if ((after < 0x80 && IsAlnum(after)) || after == '/' || after == '_' ||
      (after == '.' && IsDigit(at(end + 1)))) {
    return 0;
  }
  return end - p;
}

// A symbol of the United Nations Industrial Development Organization at s[p] (in the cased
// text): of its Industrial Development Board "IDB.49/1/Add.1", "IDB.50/Dec.11", "IDB.51/CRP.1",
// of its General Conference "GC.6/Res.11", of its Programme and Budget Committee "PBC.37/1", and
// joint ones "IDB.18/8-PBC.13/6". These are documents of another organization: "Res.11" inside
// one is no resolution of a UN or ITU body. Returns the length (the symbol is the text as
// written, ASCII), or 0.
size_t UnidoSymbolAt(const Normalized& n, size_t p) {
  const U32& c = n.cased;
  auto at = [&](size_t i) { return i < c.size() ? c[i] : U'\0'; };
  auto ascii_alnum = [](char32_t x) { return x < 0x80 && IsAlnum(x); };
  if (p > 0) {
    char32_t b = c[p - 1];
    if (ascii_alnum(b) || b == '/' || b == '.' || b == '-' || b == '_') return 0;
  }
  // Digits without a leading zero at k: the end, or 0.
  auto digits = [&](size_t k) -> size_t {
    size_t e = k;
    while (IsDigit(at(e)) && e - k < 4) ++e;
    return e > k && at(k) != '0' && !IsDigit(at(e)) ? e : 0;
  };
  auto word = [&](size_t k, std::u32string_view w) { return c.compare(k, w.size(), w) == 0; };
  // One symbol at k: organ, session, then parts; returns its end, or 0.
  auto one = [&](size_t k) -> size_t {
    size_t e = 0;
    for (std::u32string_view organ : {U"IDB.", U"GC.", U"PBC."}) {
      if (word(k, organ)) e = digits(k + organ.size());
    }
    if (e == 0 || at(e) != '/') return 0;
    bool first = true;
    while (at(e) == '/') {
      size_t q = e + 1, end = 0;
      if (first) end = digits(q);
      static constexpr std::u32string_view kFirst[] = {U"Dec.", U"Res.", U"CRP.", U"INF.", U"L.",
                                                       U"SR."};
      static constexpr std::u32string_view kLater[] = {U"Add.", U"Rev.", U"Corr."};
      if (first) {
        for (std::u32string_view w : kFirst) {
          if (end == 0 && word(q, w)) end = digits(q + w.size());
        }
      }
      for (std::u32string_view w : kLater) {
        if (!first && end == 0 && word(q, w)) end = digits(q + w.size());
      }
      if (end == 0) break;
      e = end;
      first = false;
    }
    return first ? 0 : e;
  };
  size_t end = one(p);
  if (end == 0) return 0;
  if (at(end) == '-') {
    if (size_t joint = one(end + 1)) end = joint;
  }
  char32_t after = at(end);
  if (ascii_alnum(after) || after == '/' || after == '_' ||
      ((after == '.' || after == '-') && ascii_alnum(at(end + 1)))) {
    return 0;
  }
  return end - p;
}

// "Corr.1", "Add.2", "Rev.3" at s[p] after a document symbol and a separator
// ("S/1995/222 и Corr.1", "S/22494和Corr.1和Add.1"): sets `*part` ("Corr.1") and returns its
// length, or 0.
size_t AmendmentAt(const Normalized& n, size_t p, std::string* part) {
  const U32& c = n.cased;
  for (std::u32string_view word : {U"Corr.", U"Add.", U"Rev."}) {
    if (c.compare(p, word.size(), word) != 0) continue;
    size_t k = p + word.size();
    if (k < c.size() && c[k] == ' ') ++k;
    size_t d = k;
    while (d < c.size() && IsDigit(c[d]) && d - k < 3) ++d;
    bool glued = d < c.size() && ((IsAlnum(c[d]) && !IsHan(c[d])) || c[d] == '/');
    if (d == k || c[k] == '0' || glued) {
      return 0;
    }
    *part = ToUtf8(word) + ToUtf8(std::u32string_view(c).substr(k, d - k));
    return d - p;
  }
  return 0;
}

// "Recommendation ITU-T X.509", "Recommendations ITU-T X.1037, X.1261 and X.1541",
// "ITU-R Recommendation BT.709" at s[p]: appends one citation per recommendation and returns
// where the phrase ends, or kNone.
size_t ParseRecommendations(const Normalized& n, std::string_view text, size_t p,
                            std::vector<Citation>* out) {
  const U32& s = n.folded;
  size_t len = 0, q = p;
  const Term* sector = MatchAny(s, q, Sectors(), &len);
  bool chinese = false;  // "ITU-T X.509建议书": the word after the number
  if (sector != nullptr) {
    q = SkipSpaces(s, q + len);
    if (MatchAny(s, q, RecommendationWords(), &len) != nullptr) {
      q = SkipSpaces(s, q + len);
    } else {
      chinese = true;
    }
  } else {
    if (MatchAny(s, q, RecommendationWords(), &len) == nullptr) return kNone;
    q = SkipSpaces(s, q + len);
    sector = MatchAny(s, q, Sectors(), &len);
    if (sector == nullptr) return kNone;
    q = SkipSpaces(s, q + len);
  }
  const U32& c = n.cased;
  size_t first = out->size(), end = kNone;
  while (true) {
    size_t k = q;
    while (k < c.size() && k - q < 3 && c[k] >= 'A' && c[k] <= 'Z') ++k;
    if (k == q || k >= c.size() || c[k] != '.' || k + 1 >= c.size() || !IsDigit(c[k + 1])) break;
    size_t e = k + 1;
    while (e < c.size() &&
           (IsDigit(c[e]) || (c[e] == '.' && e + 1 < c.size() && IsDigit(c[e + 1])))) {
      ++e;
    }
    if (e < c.size() && IsLetter(c[e]) && !IsHan(c[e])) break;
    size_t word_end = e;
    if (chinese) {
      if (s.compare(e, 3, U"建议书") != 0) break;
      word_end = e + 3;
    }
    Citation r = Make(n, text, out->size() == first ? p : q, word_end);
    r.kind = "recommendation";
    r.instrument = sector->value == "ITU-T"   ? "itu-t"
                   : sector->value == "ITU-R" ? "itu-r"
                                              : "itu-d";
    r.symbol = sector->value + " " + ToUtf8(std::u32string_view(c).substr(q, e - q));
    out->push_back(std::move(r));
    end = word_end;
    if (chinese) break;
    size_t t = SkipSpaces(s, e);
    bool separated = false;
    if (t < s.size() && s[t] == ',') {
      t = SkipSpaces(s, t + 1);
      separated = true;
    }
    if (MatchAny(s, t, LatinSeparators(), &len) != nullptr) {
      t = SkipSpaces(s, t + len);
      separated = true;
    }
    if (!separated) break;
    q = t;
  }
  return end;
}

// A citation whose instrument is only the guess by number takes the instrument of another
// citation of the same number in the text ("resolution 1596 (2005)" … "resolution 1596"), or the
// Security Council's when the text cites Security Council resolutions and no ITU body. The year
// stays what the citation itself says.
//
// A text that opens a line with the formula of a body adopting it ("The Economic and Social
// Council,", "大会，") is that body's: a citation that names no instrument ("its resolution
// 728 F (XXVIII)", "its resolution 1990/41", "resolution 1514") is the author's when its form
// leaves the body open (a Roman session, a year/number, a guess by number).
std::string AuthorOf(const Normalized& n) {
  const U32& s = n.folded;
  size_t p = 0;
  while (true) {
    size_t t = SkipSpaces(s, p), len = 0;
    if (const Term* a = MatchAny(s, t, Authors(), &len)) return a->value;
    size_t line = s.find(U'\n', t);
    if (line == U32::npos) return "";
    p = line + 1;
  }
}

void SettleByContext(std::vector<Citation>& out, const std::vector<bool>& defaulted,
                     const std::vector<bool>& unnamed, const std::string& author) {
  bool sc = false, itu = false;
  // The first citation of each number whose instrument is known, by kind (one look-up each:
  // a text of many bare numbers stays linear).
  std::unordered_map<std::int64_t, const Citation*> known;
  auto key = [](const Citation& c) {
    return static_cast<std::int64_t>(c.number) * 4 + (c.kind == "decision" ? 1 : 0);
  };
  for (size_t i = 0; i < out.size(); ++i) {
    if (defaulted[i]) continue;
    sc = sc || out[i].instrument == "unsc";
    itu = itu || ItuBody(out[i].instrument);
    if ((out[i].kind == "resolution" || out[i].kind == "decision") && out[i].symbol.empty()) {
      known.emplace(key(out[i]), &out[i]);
    }
  }
  for (size_t i = 0; i < out.size() && !author.empty(); ++i) {
    Citation& c = out[i];
    if (!unnamed[i] || (c.kind != "resolution" && c.kind != "decision")) continue;
    bool open = c.instrument.empty() || (defaulted[i] && !itu) ||
                (author == "ecosoc" && c.instrument == "unga" && c.symbol.empty());
    if (open) c.instrument = author;
  }
  for (size_t i = 0; i < out.size(); ++i) {
    if (!defaulted[i] || (!author.empty() && unnamed[i] && !itu)) continue;
    Citation& c = out[i];
    auto same = c.symbol.empty() ? known.find(key(c)) : known.end();
    if (same != known.end()) {
      c.instrument = same->second->instrument;
    } else if (sc && !itu) {
      c.instrument = "unsc";
    }
  }
}

}  // namespace

std::vector<Citation> ExtractCitations(std::string_view text) {
  return ExtractCitations(text, static_cast<size_t>(-1), nullptr);
}

// The characters a keyword, a sector or a recommendation word can start with: only there does a
// spaced-script phrase need a closer look.
const std::u32string& PhraseStarts() {
  static const std::u32string starts = [] {
    std::u32string out;
    for (const Terms* terms : {&Keywords(), &Sectors(), &RecommendationWords()}) {
      for (const Term& t : *terms) {
        if (!t.text.empty() && out.find(t.text.front()) == std::u32string::npos) {
          out.push_back(t.text.front());
        }
      }
    }
    return out;
  }();
  return starts;
}

std::vector<Citation> ExtractCitations(std::string_view text, size_t max_results,
                                       bool* truncated) {
  if (truncated) *truncated = false;
  const std::u32string& starts = PhraseStarts();
  std::vector<Citation> out;
  std::vector<bool> defaulted;  // parallel to out
  std::vector<bool> unnamed;    // parallel to out: no instrument named or inherited
  // Stops at one more than asked: the extra one only says that there were more.
  auto full = [&]() {
    if (out.size() <= max_results) return false;
    out.resize(max_results);
    defaulted.resize(max_results);
    unnamed.resize(max_results);
    if (truncated) *truncated = true;
    return true;
  };
  Normalized n = Normalize(text);
  auto finish = [&]() {
    unnamed.resize(out.size(), false);
    SettleByContext(out, defaulted, unnamed, AuthorOf(n));
    return std::move(out);
  };
  const U32& s = n.folded;
  size_t floor = 0;             // nothing before this belongs to a new citation
  size_t previous_end = kNone;  // end of the previous resolution phrase
  std::string chain;            // the instrument the previous phrase named or inherited
  size_t p = 0;
  while (p < s.size()) {
    std::optional<Phrase> ph;
    bool word = false;
    if (s[p] == U'第') {
      ph = ParseChinese(n, p);
    } else if (s[p] == U'决') {
      ph = ParseChineseNumeral(n, p);
    } else if (starts.find(s[p]) != std::u32string::npos && BoundaryBefore(s, p)) {
      word = true;
      ph = ParseSpaced(n, p);
    }
    if (std::string symbol; ph) {
      if (size_t end = UnescoResolutionAfter(n, *ph, &symbol)) {
        Citation c = Make(n, text, ph->begin, end);
        c.kind = "document";
        c.symbol = std::move(symbol);
        out.push_back(std::move(c));
        defaulted.push_back(false);
        if (full()) return finish();
        floor = p = end;
        continue;
      }
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
        c.kind = ph->decision ? "decision" : "resolution";
        bool guessed = false;
        c.instrument = ResolveInstrument(item, ph->instrument, inherited, &guessed);
        c.number = item.number;
        if (item.qualifier) {
          c.place = item.qualifier->place;
          c.year = item.qualifier->year;
          c.revised = item.qualifier->revised;
        }
        if (item.session > 0 && item.session < 1000 && c.instrument == "unga" && !ph->decision) {
          c.symbol = "A/RES/" + std::to_string(item.session) + "/" + std::to_string(item.number);
        } else if (item.session >= 1000 && c.year == 0) {
          c.year = item.session;  // ECOSOC style "2004/70"
        }
        out.push_back(std::move(c));
        defaulted.push_back(guessed);
        unnamed.resize(out.size() - 1, false);
        unnamed.push_back(ph->instrument.empty() && inherited.empty());
        if (full()) return finish();
      }
      chain = !ph->instrument.empty() ? ph->instrument : inherited;
      previous_end = ph->end;
      floor = p = ph->end;
      continue;
    }
    if (word) {
      size_t before = out.size();
      size_t end = ParseRecommendations(n, text, p, &out);
      if (end != kNone) {
        defaulted.resize(out.size(), false);
        if (out.size() > before && full()) return finish();
        floor = p = end;
        continue;
      }
    }
    if (IsDigit(s[p]) || s[p] == 'c') {
      std::string unesco;
      if (size_t len = UnescoSymbolAt(n, p, &unesco)) {
        Citation c = Make(n, text, p, p + len);
        c.kind = "document";
        c.symbol = std::move(unesco);
        out.push_back(std::move(c));
        defaulted.push_back(false);
        if (full()) return finish();
        floor = p = p + len;
        continue;
      }
    }
    // Another organization's symbol kept as written: UNIDO's, then WHO's.
    if (size_t len = UnidoSymbolAt(n, p); len != 0 || (len = WhoSymbolAt(n, p)) != 0) {
      Citation c = Make(n, text, p, p + len);
      c.kind = "document";
      c.symbol = ToUtf8(std::u32string_view(n.cased).substr(p, len));
      out.push_back(std::move(c));
      defaulted.push_back(false);
      if (full()) return finish();
      floor = p = p + len;
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
        defaulted.push_back(false);
        if (full()) return finish();
        p += len;
        // Amendments named after the symbol: "S/1995/222 и Corr.1", "S/22494和Corr.1和Add.1".
        bool plain = parsed->revision == 0 && parsed->addendum == 0 && parsed->corrigendum == 0 &&
                     parsed->joint.empty() && parsed->year.empty();
        while (plain) {
          size_t t = SkipSpaces(s, p), len2 = 0;
          if (t < s.size() && s[t] == ',') t = SkipSpaces(s, t + 1);
          if (MatchAny(s, t, LatinSeparators(), &len2) != nullptr ||
              MatchAny(s, t, ChineseSeparators(), &len2) != nullptr) {
            t = SkipSpaces(s, t + len2);
          } else if (t == p || s[p - 1] != ',') {
            break;
          }
          std::string part;
          size_t alen = AmendmentAt(n, t, &part);
          if (alen == 0) break;
          bool itu = parsed->series.starts_with("CWG-") ||
                     (parsed->series.size() == 3 && parsed->series[0] == 'C');
          std::string sep = itu ? "(" + part + ")" : "/" + part;
          auto amended = ParseSymbol(run + sep);
          if (!amended.ok()) break;
          Citation a = Make(n, text, t, t + alen);
          a.kind = "document";
          a.symbol = FormatSymbol(*amended);
          a.revised = amended->revision > 0;
          out.push_back(std::move(a));
          defaulted.push_back(false);
          if (full()) return finish();
          p = t + alen;
        }
        floor = p;
        continue;
      }
    }
    ++p;
  }
  return finish();
}

}  // namespace plenary::text

// Recognition of resolution citations and document symbols in running text (see citations.h).
//
// The input is first normalised character by character (full-width forms and Arabic-Indic digits
// to ASCII, other spaces to " ", format characters and combining marks removed, lower case), with
// each normalised character remembering the input bytes it came from. A hand-written scanner then
// reads phrases on the normalised text; all word lists below are written naturally and normalised
// the same way when first used.
#include "text/citations.h"

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

#include "text/symbols.h"

namespace plenary::text {
namespace {

using U32 = std::u32string;
constexpr size_t kNone = static_cast<size_t>(-1);

// ---------------------------------------------------------------------------------------------
// Normalisation

struct Normalized {
  U32 folded;                      // lower case, ASCII punctuation and digits, no marks
  U32 cased;                       // the same characters before lower-casing
  std::vector<size_t> begin, end;  // input bytes of the character each one came from
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
      n.begin.push_back(static_cast<size_t>(b));
      n.end.push_back(static_cast<size_t>(i));
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

U32 Fold(std::string_view utf8) { return Normalize(utf8).folded; }

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
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
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

struct Term {
  U32 text;
  std::string value;
};
using Terms = std::vector<Term>;

Terms MakeTerms(std::initializer_list<std::pair<std::string_view, std::string_view>> list) {
  Terms terms;
  for (auto [text, value] : list) terms.push_back({Fold(text), std::string(value)});
  std::stable_sort(terms.begin(), terms.end(),
                   [](const Term& a, const Term& b) { return a.text.size() > b.text.size(); });
  return terms;
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

const Terms& Keywords() {
  static const Terms terms = MakeTerms({
      {"resolution", ""},  {"resolutions", ""}, {"res.", ""},         {"résolution", ""},
      {"résolutions", ""}, {"resolución", ""},  {"resoluciones", ""}, {"резолюция", ""},
      {"резолюции", ""},   {"резолюцию", ""},   {"резолюцией", ""},   {"резолюций", ""},
      {"резолюциях", ""},  {"резолюциям", ""},  {"резолюциями", ""},  {"рез.", ""},
      {"القرار", ""},      {"القراران", ""},    {"القرارين", ""},     {"القرارات", ""},
      {"قرار", ""},        {"قرارات", ""},      {"قراري", ""},        {"للقرار", ""},
      {"للقرارين", ""},    {"للقرارات", ""},    {"بالقرار", ""},      {"والقرار", ""},
      {"وقرار", ""},       {"بقرار", ""},       {"لقرار", ""},
  });
  return terms;
}

// "No. 5", "n° 5", "№ 5", "رقم 5".
const Terms& NumberSigns() {
  static const Terms terms =
      MakeTerms({{"no.", ""}, {"n°", ""}, {"nº", ""}, {"№", ""}, {"رقم", ""}});
  return terms;
}

// Instrument names written before the keyword or before 第.
const Terms& PrefixNames() {
  static const Terms terms = MakeTerms({
      {"全权代表大会", "pp"},
      {"全权代表会议", "pp"},
      {"理事会", "council"},
      {"安全理事会", "unsc"},
      {"安理会", "unsc"},
      {"经济及社会理事会", "ecosoc"},
      {"经社理事会", "ecosoc"},
      {"人权理事会", "hrc"},
      {"世界电信发展大会", "wtdc"},
      {"世界电信标准化全会", "wtsa"},
      {"世界无线电通信大会", "wrc"},
      {"无线电通信全会", "ra"},
      {"联合国大会", "unga"},
      {"联大", "unga"},
      {"plenipotentiary conference", "pp"},
      {"plenipotentiary", "pp"},
      {"council", "council"},
      {"security council", "unsc"},
      {"economic and social council", "ecosoc"},
      {"human rights council", "hrc"},
      {"general assembly", "unga"},
      {"world telecommunication development conference", "wtdc"},
      {"world telecommunication standardization assembly", "wtsa"},
      {"world radiocommunication conference", "wrc"},
      {"radiocommunication assembly", "ra"},
  });
  return terms;
}

// Instrument names between the keyword and the number: "قرار المجلس 1336", "Резолюция Совета 1336".
const Terms& MidNames() {
  static const Terms terms = MakeTerms({
      {"المجلس", "council"},
      {"مجلس الأمن", "unsc"},
      {"مؤتمر المندوبين المفوضين", "pp"},
      {"الجمعية العامة", "unga"},
      {"совета", "council"},
      {"совета безопасности", "unsc"},
      {"полномочной конференции", "pp"},
      {"генеральной ассамблеи", "unga"},
  });
  return terms;
}

// Words that introduce an instrument named after the number: "of the", "du", "del", ...
const Terms& PostfixConnectors() {
  static const Terms terms = MakeTerms({{"of the", ""},
                                        {"of", ""},
                                        {"de la", ""},
                                        {"del", ""},
                                        {"du", ""},
                                        {"de l'", ""},
                                        {"de", ""},
                                        {"الصادر عن", ""},
                                        {"الصادرة عن", ""}});
  return terms;
}

// Instrument names after a connector, or alone in Russian (genitive) and Arabic (with ل).
const Terms& PostfixNames() {
  static const Terms terms = MakeTerms({
      {"plenipotentiary conference", "pp"},
      {"council", "council"},
      {"itu council", "council"},
      {"security council", "unsc"},
      {"general assembly", "unga"},
      {"economic and social council", "ecosoc"},
      {"human rights council", "hrc"},
      {"world telecommunication development conference", "wtdc"},
      {"world telecommunication standardization assembly", "wtsa"},
      {"world radiocommunication conference", "wrc"},
      {"conférence de plénipotentiaires", "pp"},
      {"conseil", "council"},
      {"conseil de sécurité", "unsc"},
      {"assemblée générale", "unga"},
      {"conférence mondiale de développement des télécommunications", "wtdc"},
      {"assemblée mondiale de normalisation des télécommunications", "wtsa"},
      {"conférence mondiale des radiocommunications", "wrc"},
      {"conferencia de plenipotenciarios", "pp"},
      {"consejo", "council"},
      {"consejo de seguridad", "unsc"},
      {"asamblea general", "unga"},
      {"conferencia mundial de desarrollo de las telecomunicaciones", "wtdc"},
      {"asamblea mundial de normalización de las telecomunicaciones", "wtsa"},
      {"conferencia mundial de radiocomunicaciones", "wrc"},
      {"полномочной конференции", "pp"},
      {"совета", "council"},
      {"совета безопасности", "unsc"},
      {"генеральной ассамблеи", "unga"},
      {"всемирной конференции по развитию электросвязи", "wtdc"},
      {"всемирной ассамблеи по стандартизации электросвязи", "wtsa"},
      {"всемирной конференции радиосвязи", "wrc"},
      {"المجلس", "council"},
      {"للمجلس", "council"},
      {"مؤتمر المندوبين المفوضين", "pp"},
      {"لمؤتمر المندوبين المفوضين", "pp"},
      {"الجمعية العامة", "unga"},
      {"للجمعية العامة", "unga"},
      {"مجلس الأمن", "unsc"},
      {"لمجلس الأمن", "unsc"},
      {"المؤتمر العالمي لتنمية الاتصالات", "wtdc"},
      {"للمؤتمر العالمي لتنمية الاتصالات", "wtdc"},
      {"الجمعية العالمية لتقييس الاتصالات", "wtsa"},
      {"للجمعية العالمية لتقييس الاتصالات", "wtsa"},
      {"المؤتمر العالمي للاتصالات الراديوية", "wrc"},
      {"للمؤتمر العالمي للاتصالات الراديوية", "wrc"},
  });
  return terms;
}

// Separators between numbers of one phrase (after an optional comma) and between phrases.
const Terms& LatinSeparators() {
  static const Terms terms = MakeTerms({{"and", ""}, {"et", ""}, {"y", ""}, {"и", ""}, {"و", ""}});
  return terms;
}
const Terms& ChineseSeparators() {
  static const Terms terms = MakeTerms(
      {{"、", ""}, {",", ""}, {"和", ""}, {"及", ""}, {"以及", ""}, {"与", ""}, {"或", ""}});
  return terms;
}
const Terms& PhraseSeparators() {
  static const Terms terms = MakeTerms({{"、", ""},
                                        {",", ""},
                                        {";", ""},
                                        {"和", ""},
                                        {"及", ""},
                                        {"以及", ""},
                                        {"与", ""},
                                        {"and", ""},
                                        {"et", ""},
                                        {"y", ""},
                                        {"и", ""},
                                        {"و", ""},
                                        {"as well as", ""}});
  return terms;
}

// Words of a qualifier besides places and years: "r" marks a revision, "f" is a filler.
const Terms& QualifierWords() {
  static const Terms terms = MakeTerms({
      {"rev.", "r"},       {"rev", "r"},      {"revised", "r"},  {"révisée", "r"},
      {"révisé", "r"},     {"rév.", "r"},     {"revisada", "r"}, {"revisado", "r"},
      {"modified", "r"},   {"modifiée", "r"}, {"modifié", "r"},  {"modificada", "r"},
      {"modificado", "r"}, {"пересм.", "r"},  {"пересм", "r"},   {"изм.", "r"},
      {"изм", "r"},        {"修订版", "r"},   {"修订", "r"},     {"修版", "r"},
      {"修改", "r"},       {"المراجع", "r"},  {"مراجع", "r"},    {"المراجعة", "r"},
      {"المعدل", "r"},     {"المعدلة", "r"},  {"معدل", "r"},     {"in", "f"},
      {"en", "f"},         {"de", "f"},       {"à", "f"},        {"في", "f"},
      {"г.", "f"},         {"г", "f"},        {"年", "f"},
  });
  return terms;
}

struct Place {
  std::string_view name;
  std::vector<std::string_view> variants;
};

// ITU conference venues in the six languages (spellings of ITU's own documents where known).
const Terms& Places() {
  static const Terms terms = [] {
    const Place places[] = {
        {"Dubai", {"Dubai", "Dubaï", "Dubái", "迪拜", "Дубай", "دبي"}},
        {"Busan", {"Busan", "Pusan", "釜山", "Пусан", "بوسان"}},
        {"Buenos Aires", {"Buenos Aires", "布宜诺斯艾利斯", "Буэнос-Айрес", "بوينس آيرس"}},
        {"Guadalajara", {"Guadalajara", "瓜达拉哈拉", "Гвадалахара", "غوادالاخارا"}},
        {"Antalya", {"Antalya", "安塔利亚", "Анталья", "Анталия", "أنطاليا"}},
        {"Marrakesh", {"Marrakesh", "Marrakech", "马拉喀什", "Марракеш", "مراكش"}},
        {"Minneapolis", {"Minneapolis", "明尼阿波利斯", "Миннеаполис", "مينيابوليس"}},
        {"Kyoto", {"Kyoto", "京都", "Киото", "كيوتو"}},
        {"Nice", {"Nice", "Niza", "尼斯", "Ницца", "نيس"}},
        {"Nairobi", {"Nairobi", "内罗毕", "Найроби", "نيروبي"}},
        {"Geneva", {"Geneva", "Genève", "Ginebra", "日内瓦", "Женева", "جنيف"}},
        {"Bucharest", {"Bucharest", "Bucarest", "布加勒斯特", "Бухарест", "بوخارست"}},
        {"Doha", {"Doha", "多哈", "Доха", "الدوحة"}},
        {"Hyderabad", {"Hyderabad", "海得拉巴", "Хайдарабад", "حيدر آباد", "حيدرآباد"}},
        {"Istanbul", {"Istanbul", "Estambul", "伊斯坦布尔", "Стамбул", "إسطنبول"}},
        {"Valletta", {"Valletta", "La Valette", "La Valeta", "瓦莱塔", "Валлетта", "فاليتا"}},
        {"Kigali", {"Kigali", "基加利", "Кигали", "كيغالي"}},
        {"Hammamet", {"Hammamet", "哈马马特", "Хаммамет", "الحمامات"}},
        {"Johannesburg",
         {"Johannesburg", "Johannesburgo", "约翰内斯堡", "Йоханнесбург", "جوهانسبرغ"}},
        {"Florianópolis", {"Florianópolis", "弗洛里亚诺波利斯", "Флорианополис", "فلوريانوبوليس"}},
        {"Montreal", {"Montreal", "Montréal", "蒙特利尔", "Монреаль", "مونتريال"}},
        {"Helsinki", {"Helsinki", "赫尔辛基", "Хельсинки", "هلسنكي"}},
        {"New Delhi", {"New Delhi", "Nueva Delhi", "新德里", "Нью-Дели", "نيودلهي"}},
        {"Sharm el-Sheikh",
         {"Sharm el-Sheikh", "Charm el-Cheikh", "沙姆沙伊赫", "Шарм-эш-Шейх", "شرم الشيخ"}},
        {"Malaga-Torremolinos",
         {"Malaga-Torremolinos", "马拉加-托雷莫利诺斯", "Малага-Торремолинос"}},
    };
    Terms out;
    for (const Place& p : places) {
      for (std::string_view v : p.variants) out.push_back({Fold(v), std::string(p.name)});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Term& a, const Term& b) { return a.text.size() > b.text.size(); });
    return out;
  }();
  return terms;
}

// The conference a resolution qualified "(place, year)" comes from, or "".
std::string_view ConferenceAt(std::string_view place, int year) {
  struct Conference {
    std::string_view place;
    int year;
    std::string_view instrument;
  };
  static constexpr Conference kConferences[] = {
      {"Nairobi", 1982, "pp"},
      {"Nice", 1989, "pp"},
      {"Geneva", 1992, "pp"},
      {"Kyoto", 1994, "pp"},
      {"Minneapolis", 1998, "pp"},
      {"Marrakesh", 2002, "pp"},
      {"Antalya", 2006, "pp"},
      {"Guadalajara", 2010, "pp"},
      {"Busan", 2014, "pp"},
      {"Dubai", 2018, "pp"},
      {"Bucharest", 2022, "pp"},
      {"Doha", 2026, "pp"},
      {"Buenos Aires", 1994, "wtdc"},
      {"Valletta", 1998, "wtdc"},
      {"Istanbul", 2002, "wtdc"},
      {"Doha", 2006, "wtdc"},
      {"Hyderabad", 2010, "wtdc"},
      {"Dubai", 2014, "wtdc"},
      {"Buenos Aires", 2017, "wtdc"},
      {"Kigali", 2022, "wtdc"},
      {"Helsinki", 1993, "wtsa"},
      {"Geneva", 1996, "wtsa"},
      {"Montreal", 2000, "wtsa"},
      {"Florianópolis", 2004, "wtsa"},
      {"Johannesburg", 2008, "wtsa"},
      {"Dubai", 2012, "wtsa"},
      {"Hammamet", 2016, "wtsa"},
      {"Geneva", 2022, "wtsa"},
      {"New Delhi", 2024, "wtsa"},
      {"Geneva", 1995, "wrc"},
      {"Geneva", 1997, "wrc"},
      {"Istanbul", 2000, "wrc"},
      {"Geneva", 2003, "wrc"},
      {"Geneva", 2007, "wrc"},
      {"Geneva", 2012, "wrc"},
      {"Geneva", 2015, "wrc"},
      {"Sharm el-Sheikh", 2019, "wrc"},
      {"Dubai", 2023, "wrc"},
  };
  for (const Conference& c : kConferences) {
    if (c.place == place && c.year == year) return c.instrument;
  }
  return "";
}

bool IsAbbrevChar(char32_t c) {
  return (c >= 'a' && c <= 'z') || IsDigit(c) || c == '-' || (c >= 0x0430 && c <= 0x044F);
}

// "pp", "PP-18", "WTDC-17", "ITU-T", "ПК-18", "CMDT" → instrument, or "".
std::string AbbrevInstrument(const U32& token) {
  U32 t = token;
  bool suffix = false;
  if (t.size() > 3 && t[t.size() - 3] == '-' && IsDigit(t[t.size() - 2]) &&
      IsDigit(t[t.size() - 1])) {
    t.resize(t.size() - 3);
    suffix = true;
  }
  static const Terms abbrevs = MakeTerms({
      {"pp", "pp"},      {"пк", "pp"},      {"wtdc", "wtdc"},     {"cmdt", "wtdc"},
      {"вкрэ", "wtdc"},  {"itu-d", "wtdc"}, {"wtsa", "wtsa"},     {"amnt", "wtsa"},
      {"васэ", "wtsa"},  {"itu-t", "wtsa"}, {"wrc", "wrc"},       {"cmr", "wrc"},
      {"вкр", "wrc"},    {"unga", "unga"},  {"ecosoc", "ecosoc"}, {"itu-r", "ra"},
      {"мсэ-d", "wtdc"}, {"мсэ-t", "wtsa"}, {"мсэ-r", "ra"},
  });
  for (const Term& a : abbrevs) {
    if (a.text == t) return a.value;
  }
  if (suffix && t == U"ra") return "ra";
  return "";
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
        floor = p = p + len;
        continue;
      }
    }
    ++p;
  }
  return out;
}

}  // namespace plenary::text

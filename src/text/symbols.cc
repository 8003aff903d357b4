// Parsing and formatting of ITU Council, CWG, WTDC and UN document symbols (grammar in
// symbols.h).
#include "text/symbols.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plenary::text {
namespace {

constexpr std::string_view kLanguages = "EFSRAC";
constexpr std::array<std::string_view, 4> kItuClasses = {"DT", "DL", "INF", "ADM"};
// The last five are the series of UN press releases: "SC/6816" (Security Council), "GA/10923"
// (General Assembly), "ECOSOC/6562", "SG/SM/7000" (Secretary-General), "IK/365" (the Iraq–Kuwait sanctions
// committee), joint as "SC/7791-IK/365".
constexpr std::array<std::string_view, 21> kOrgans = {
    "A",   "S",   "E",   "T",    "ST",  "DP",  "TD", "UNEP", "CCPR", "CERD",  "CEDAW",
    "CRC", "CAT", "CRPD", "CMW", "CED", "SC",  "GA", "SG",   "IK",   "ECOSOC"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

bool IsOrgan(std::string_view s) {
  return std::find(kOrgans.begin(), kOrgans.end(), s) != kOrgans.end();
}

// Quoted input followed by the rule it breaks.
Error Bad(std::string_view text, std::string_view rule) {
  std::string message = "symbol \"";
  message += text;
  message += "\": ";
  message += rule;
  return InvalidArgument("symbol", std::move(message));
}

// A positive decimal without leading zeros, or -1 (with `why` set) when `d` is not one.
int ParseCount(std::string_view d, std::string* why) {
  if (!AllDigits(d)) {
    *why = "expected a number";
    return -1;
  }
  if (d.size() > 1 && d[0] == '0') {
    *why = "numbers have no leading zeros";
    return -1;
  }
  if (d.size() > 6) {
    *why = "number too large";
    return -1;
  }
  int n = std::stoi(std::string(d));
  if (n < 1) {
    *why = "numbers start at 1";
    return -1;
  }
  return n;
}

// Applies "Rev.1", "Add.2", "Corr.1" (also "Rev. 1") to `s`. Returns "" or the broken rule.
std::string ApplyAmendment(std::string_view part, DocumentSymbol& s) {
  int* slot = nullptr;
  std::string_view kind;
  for (auto [name, field] : {std::pair<std::string_view, int*>{"Rev.", &s.revision},
                             {"Add.", &s.addendum},
                             {"Corr.", &s.corrigendum}}) {
    if (part.starts_with(name)) {
      kind = name;
      slot = field;
      break;
    }
  }
  if (slot == nullptr) {
    return "expected Rev.N, Add.N or Corr.N, got \"" + std::string(part) + "\"";
  }
  std::string_view digits = part.substr(kind.size());
  if (digits.starts_with(' ')) digits.remove_prefix(1);
  std::string why;
  int n = ParseCount(digits, &why);
  if (n < 0) return std::string(kind) + " " + why;
  if (*slot != 0) return std::string(kind) + " appears twice";
  if (s.corrigendum != 0) return "Corr. comes after Rev. and Add.";
  if (slot == &s.revision && s.addendum != 0) s.addendum_first = true;
  *slot = n;
  return "";
}

// The amendments in written order, e.g. {"Rev.1", "Add.1"}.
std::vector<std::pair<std::string_view, int>> Amendments(const DocumentSymbol& s) {
  std::vector<std::pair<std::string_view, int>> out;
  bool both = s.revision != 0 && s.addendum != 0;
  if (both && s.addendum_first) {
    out.push_back({"Add", s.addendum});
    out.push_back({"Rev", s.revision});
  } else {
    if (s.revision != 0) out.push_back({"Rev", s.revision});
    if (s.addendum != 0) out.push_back({"Add", s.addendum});
  }
  if (s.corrigendum != 0) out.push_back({"Corr", s.corrigendum});
  return out;
}

bool IsItuSeries(std::string_view series) {
  return series.starts_with("CWG-") || series.starts_with("WTDC-") ||
         (series.size() == 3 && series[0] == 'C' && IsDigit(series[1]) && IsDigit(series[2]));
}

// ITU Council ("C22/..."), CWG ("CWG-Internet 16/...") and World Telecommunication Development
// Conference ("WTDC-17/...") symbols.
Result<DocumentSymbol> ParseItu(std::string_view text) {
  DocumentSymbol s;
  std::string_view t = text;
  std::string why;
  if (t.starts_with("WTDC")) {
    // The conference's headers print "WTDC-17/23-E", its other documents cite "WTDC17/11-R":
    // one document, written with the hyphen.
    size_t i = t.size() > 4 && t[4] == '-' ? 5 : 4;
    if (t.size() < i + 3 || !IsDigit(t[i]) || !IsDigit(t[i + 1]) || t[i + 2] != '/') {
      return Bad(text, "a WTDC symbol names the conference by its year, as in WTDC-17/11");
    }
    s.series = "WTDC-" + std::string(t.substr(i, 2));
    t.remove_prefix(i + 2);
  } else if (t.starts_with("CWG-")) {
    size_t i = 4;
    while (i < t.size() && (IsAlnum(t[i]) || t[i] == '&' || t[i] == '-')) ++i;
    std::string_view name = t.substr(4, i - 4);
    if (name.empty() || !IsAlpha(name[0]) || name.back() == '-') {
      return Bad(text, "a CWG symbol names its group, as in CWG-Internet 16/1");
    }
    if (i >= t.size() || t[i] != ' ') {
      return Bad(text,
                 "a CWG symbol has a space before the meeting number, as in CWG-Internet 16/1");
    }
    size_t j = ++i;
    while (j < t.size() && IsDigit(t[j])) ++j;
    if (ParseCount(t.substr(i, j - i), &why) < 0) return Bad(text, "CWG meeting: " + why);
    s.series = std::string(t.substr(0, j));
    t.remove_prefix(j);
  } else {
    if (t.size() < 4 || t[0] != 'C' || !IsDigit(t[1]) || !IsDigit(t[2]) || t[3] != '/') {
      if (t.size() > 1 && t[0] == 'c') return Bad(text, "symbols are written in upper case");
      return Bad(text, "a Council symbol starts with C and the two-digit year, as in C22/33");
    }
    s.series = std::string(t.substr(0, 3));
    t.remove_prefix(3);
  }
  if (t.empty() || t[0] != '/') return Bad(text, "expected \"/\" after " + s.series);
  t.remove_prefix(1);

  // Number: digits, or a class and digits ("DT/5").
  size_t i = 0;
  while (i < t.size() && IsAlpha(t[i])) ++i;
  std::string prefix;
  if (i > 0) {
    std::string_view cls = t.substr(0, i);
    if (std::find(kItuClasses.begin(), kItuClasses.end(), cls) == kItuClasses.end()) {
      return Bad(
          text, "unknown document class \"" + std::string(cls) + "\"; expected DT, DL, INF or ADM");
    }
    if (i >= t.size() || t[i] != '/') {
      return Bad(text, "expected \"/\" after " + std::string(cls));
    }
    prefix = std::string(cls) + "/";
    t.remove_prefix(i + 1);
  }
  size_t j = 0;
  while (j < t.size() && IsDigit(t[j])) ++j;
  if (ParseCount(t.substr(0, j), &why) < 0) return Bad(text, "document number: " + why);
  s.number = prefix + std::string(t.substr(0, j));
  t.remove_prefix(j);

  // Amendments in parentheses.
  while (!t.empty()) {
    std::string_view rest = t;
    if (rest.starts_with(" (")) rest.remove_prefix(1);
    if (!rest.starts_with('(')) break;
    size_t close = rest.find(')');
    if (close == std::string_view::npos) return Bad(text, "unclosed \"(\"");
    std::string rule = ApplyAmendment(rest.substr(1, close - 1), s);
    if (!rule.empty()) return Bad(text, rule);
    t = rest.substr(close + 1);
  }
  if (t.starts_with('/')) {
    return Bad(text, "ITU writes revisions in parentheses, as in C22/32(Rev.1)");
  }
  if (t.starts_with('-')) {
    if (t.size() != 2 || kLanguages.find(t[1]) == std::string_view::npos) {
      return Bad(text, "the language suffix is one of -E, -F, -S, -R, -A, -C");
    }
    s.language = std::string(1, t[1]);
    t.remove_prefix(2);
  }
  if (!t.empty()) return Bad(text, "unexpected \"" + std::string(t) + "\" at the end");
  return s;
}

// A series part of a UN symbol: "77", "2022", "RES", "C.4", "CN.6", "ES-10", "S-23", "Sub.2".
bool IsUnSeriesPart(std::string_view p) {
  if (AllDigits(p)) return p[0] != '0';
  if (p.starts_with("ES-")) return AllDigits(p.substr(3)) && p[3] != '0';
  if (p.starts_with("S-")) return AllDigits(p.substr(2)) && p[2] != '0';  // special session
  if (p.empty() || !IsUpper(p[0])) return false;
  size_t i = 1;
  while (i < p.size() && IsAlpha(p[i])) ++i;
  if (i == p.size()) return true;
  if (p[i] != '.') return false;
  std::string_view d = p.substr(i + 1);
  return AllDigits(d) && d[0] != '0';
}

// One UN symbol without year and without joint parts.
Result<DocumentSymbol> ParseUnSingle(std::string_view whole, std::string_view t) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i == t.size() || t[i] == '/') {
      parts.push_back(t.substr(start, i - start));
      start = i + 1;
    }
  }
  for (std::string_view p : parts) {
    if (p.empty()) return Bad(whole, "empty part between slashes");
  }
  if (!IsOrgan(parts[0])) {
    if (parts.size() == 1) return Bad(whole, "not a document symbol");
    return Bad(whole, "unknown organ \"" + std::string(parts[0]) +
                          "\"; a UN symbol starts with A, S, E, T, ST, DP, TD, UNEP, a treaty "
                          "body or a press release series (SC, GA, SG, IK, ECOSOC), an ITU "
                          "Council symbol with C and the year");
  }
  size_t k = parts.size();
  auto is_amendment = [](std::string_view p) {
    return p.starts_with("Rev.") || p.starts_with("Add.") || p.starts_with("Corr.");
  };
  while (k > 1 && is_amendment(parts[k - 1])) --k;
  DocumentSymbol s;
  for (size_t i = k; i < parts.size(); ++i) {
    std::string rule = ApplyAmendment(parts[i], s);
    if (!rule.empty()) return Bad(whole, rule);
  }
  // Security Council documents before 1994 and older General Assembly documents have no series
  // part: "S/24401", "A/6014".
  bool press = parts[0] == "SC" || parts[0] == "GA" || parts[0] == "IK" || parts[0] == "ECOSOC";
  bool old_style = k == 2 && AllDigits(parts[1]) && parts[1][0] != '0' &&
                   (((parts[0] == "S" || press) && parts[1].size() >= 3) ||
                    (parts[0] == "A" && parts[1].size() >= 4));
  if (k < 3 && !old_style) {
    return Bad(whole,
               "a UN symbol has an organ, at least one series part and a number, as in "
               "A/77/400");
  }
  for (size_t i = 1; i + 1 < k; ++i) {
    if (!IsUnSeriesPart(parts[i])) {
      return Bad(whole, "\"" + std::string(parts[i]) + "\" is not a series part");
    }
  }
  std::string_view number = parts[k - 1];
  std::string why;
  if (AllDigits(number)) {
    if (ParseCount(number, &why) < 0) return Bad(whole, "document number: " + why);
  } else {
    size_t dot = number.find('.');
    bool ok = dot != std::string_view::npos && dot > 0 && IsUpper(number[0]) &&
              std::all_of(number.begin(), number.begin() + dot, IsAlpha) &&
              ParseCount(number.substr(dot + 1), &why) > 0;
    if (!ok) {
      size_t dash = number.find('-');
      if (dash != std::string_view::npos && AllDigits(number.substr(0, dash))) {
        return Bad(whole, "UN symbols carry no language suffix");
      }
      return Bad(whole,
                 "the document number is digits or a class and digits, as in 400 or "
                 "L.12");
    }
  }
  std::string series;
  for (size_t i = 0; i + 1 < k; ++i) {
    if (i > 0) series += '/';
    series += parts[i];
  }
  s.series = std::move(series);
  s.number = std::string(number);
  return s;
}

// True when t[i] is a "-" that starts another symbol of a joint document ("-E/2022/66").
bool StartsJointPart(std::string_view t, size_t i) {
  if (t[i] != '-') return false;
  size_t slash = t.find('/', i + 1);
  return slash != std::string_view::npos && IsOrgan(t.substr(i + 1, slash - i - 1));
}

Result<DocumentSymbol> ParseUn(std::string_view text) {
  std::string_view t = text;
  std::string year;
  if (t.ends_with(')')) {
    size_t open = t.rfind('(');
    if (open == std::string_view::npos) return Bad(text, "unmatched \")\"");
    std::string_view y = t.substr(open + 1, t.size() - open - 2);
    if (y.size() != 4 || !AllDigits(y) || y < "1945" || y > "2099") {
      return Bad(text, "the year in parentheses has four digits, as in S/RES/955 (1994)");
    }
    year = std::string(y);
    t = t.substr(0, open);
    if (t.ends_with(' ')) t.remove_suffix(1);
  }
  std::vector<std::string_view> pieces;
  size_t start = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (StartsJointPart(t, i)) {
      pieces.push_back(t.substr(start, i - start));
      start = i + 1;
    }
  }
  pieces.push_back(t.substr(start));
  auto first = ParseUnSingle(text, pieces[0]);
  if (!first.ok()) return first;
  DocumentSymbol s = std::move(*first);
  for (size_t i = 1; i < pieces.size(); ++i) {
    auto other = ParseUnSingle(text, pieces[i]);
    if (!other.ok()) return other;
    s.joint.push_back(FormatSymbol(*other));
  }
  if (!year.empty()) {
    if (s.series != "S/RES" || !s.joint.empty()) {
      return Bad(text, "only Security Council resolutions carry a year, as in S/RES/955 (1994)");
    }
    s.year = std::move(year);
  }
  return s;
}

std::string LanguageLetter(std::string_view lang) {
  std::string_view base = lang.substr(0, lang.find_first_of("-_"));
  if (base == "fr") return "F";
  if (base == "es") return "S";
  if (base == "ru") return "R";
  if (base == "ar") return "A";
  if (base == "zh") return "C";
  return "E";
}

}  // namespace

Result<DocumentSymbol> ParseSymbol(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return Bad(text, "empty");
  if (text.size() > 200) return Bad(text.substr(0, 40), "longer than 200 characters");
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) {
      return Bad(text, "symbols are printable ASCII");
    }
  }
  if (text.starts_with("CWG-") || text.starts_with("WTDC") ||
      (text.size() > 1 && (text[0] == 'C' || text[0] == 'c') && IsDigit(text[1]))) {
    return ParseItu(text);
  }
  return ParseUn(text);
}

std::string FormatSymbol(const DocumentSymbol& s) {
  std::string out = s.series + "/" + s.number;
  bool itu = IsItuSeries(s.series);
  for (auto [kind, n] : Amendments(s)) {
    out += itu ? "(" : "/";
    out += kind;
    out += "." + std::to_string(n);
    if (itu) out += ")";
  }
  if (itu && !s.language.empty()) out += "-" + s.language;
  if (!s.year.empty()) out += " (" + s.year + ")";
  for (const std::string& j : s.joint) out += "-" + j;
  return out;
}

std::string RevisionHeader(const DocumentSymbol& s, std::string_view lang) {
  DocumentSymbol base = s;
  base.revision = base.addendum = base.corrigendum = 0;
  base.addendum_first = false;
  std::string letter = LanguageLetter(lang);
  if (IsItuSeries(s.series) && base.language.empty()) base.language = letter;
  std::string symbol = FormatSymbol(base);
  auto layers = Amendments(s);  // innermost first

  // Each language: the noun phrase of a layer standing alone (outermost) and governed by the
  // preposition of the layer that contains it.
  struct Words {
    std::string_view rev, add, corr, doc;              // standing alone
    std::string_view to_rev, to_add, to_corr, to_doc;  // governed ("to the Revision")
  };
  static constexpr Words kEn = {"Revision",    "Addendum",    "Corrigendum",    "Document",
                                "to Revision", "to Addendum", "to Corrigendum", "to Document"};
  static constexpr Words kFr = {"Révision",      "Addendum",     "Corrigendum",    "Document",
                                "à la Révision", "à l'Addendum", "au Corrigendum", "au Document"};
  static constexpr Words kEs = {"Revisión",      "Addéndum",    "Corrigéndum",    "Documento",
                                "a la Revisión", "al Addéndum", "al Corrigéndum", "al Documento"};
  static constexpr Words kRu = {
      "Пересмотр",    "Дополнительный документ",     "Исправление",   "Документ",
      "к Пересмотру", "к Дополнительному документу", "к Исправлению", "к Документу"};
  static constexpr Words kAr = {"المراجعة", "الإضافة", "التصويب", "الوثيقة",
                                "للمراجعة", "للإضافة", "للتصويب", "للوثيقة"};
  if (letter == "C") {
    std::string out = symbol + "号文件";
    for (auto [kind, n] : layers) {
      out += "的第" + std::to_string(n) + "号";
      out += kind == "Rev" ? "修订版" : kind == "Add" ? "补遗" : "更正";
    }
    return out;
  }
  const Words& w = letter == "F"   ? kFr
                   : letter == "S" ? kEs
                   : letter == "R" ? kRu
                   : letter == "A" ? kAr
                                   : kEn;
  if (layers.empty()) return std::string(w.doc) + " " + symbol;
  std::string out;
  for (size_t i = layers.size(); i-- > 0;) {
    auto [kind, n] = layers[i];
    bool outer = i + 1 == layers.size();
    std::string_view word = kind == "Rev"   ? (outer ? w.rev : w.to_rev)
                            : kind == "Add" ? (outer ? w.add : w.to_add)
                                            : (outer ? w.corr : w.to_corr);
    if (!outer) out += " ";
    out += word;
    out += " " + std::to_string(n);
  }
  out += " ";
  out += w.to_doc;
  out += " " + symbol;
  return out;
}

std::size_t SymbolPrefixLength(std::string_view text) {
  size_t run = 0;
  while (run < text.size() && run < 160 && text[run] >= 0x20 && text[run] <= 0x7e) ++run;
  for (size_t i = run; i > 0; --i) {
    char last = text[i - 1];
    if (!IsAlnum(last) && last != ')') continue;
    if (i < text.size()) {
      char next = text[i];
      if (IsAlnum(next) || next == '/') continue;
      if ((next == '.' || next == '-') && i + 1 < text.size() && IsAlnum(text[i + 1])) continue;
    }
    if (ParseSymbol(text.substr(0, i)).ok()) return i;
  }
  return 0;
}

}  // namespace plenary::text

// Official document symbols of the ITU Council ("C22/32(Rev.1)-E"), of the World Telecommunication
// Development Conference ("WTDC-17/23(Add.10)-E") and of the UN ("A/77/400/Add.1").
//
// Grammar (ASCII, case-sensitive; one leading/trailing run of spaces is trimmed):
//
//   ITU Council   C<yy>/<n>            C22/33, C22/DT/5, C22/DL/7, C22/INF/3, C22/ADM/2
//   CWG           CWG-<name> <m>/<n>   CWG-Internet 16/1, CWG-WSIS&SDG 40/3
//   WTDC (ITU-D)  WTDC-<yy>/<n>        WTDC-17/23, WTDC-22/DT/5 ("WTDC17/11" is read as
//                                      WTDC-17/11, the form the conference's headers print)
//     all three then take parenthesised parts, each at most once: (Rev.N) (Add.N) (Corr.N), written
//     with no space or one space before "(" ("C22/32 (Rev.1)" is accepted, formatted without the
//     space); Corr. comes last; then an optional language suffix -E -F -S -R -A -C.
//   UN            <organ>/<part>/.../<n>   A/77/400, A/C.4/77/L.12, A/RES/77/1, E/2022/66,
//                                          S/RES/955 (1994), A/RES/ES-10/19, ST/SGB/2019/8
//     organ is one of A S E T ST DP TD UNEP CCPR CERD CEDAW CRC CAT CRPD CMW CED, or a series of
//     press releases SC GA SG IK ECOSOC ("SC/6816", "SG/SM/7000", "SC/7791-IK/365"); at least three
//     parts; the last is digits or a class and digits ("L.12", "SR.24", "PV.3"); then parts
//     /Rev.N /Add.N /Corr.N as for ITU; a year " (YYYY)" only on S/RES symbols; joint documents
//     join complete symbols with "-": "A/77/90-E/2022/66". UN symbols carry no language suffix.
//
// Numbers have no leading zeros; Rev./Add./Corr. numbers are at least 1. "Rev. 1" (a space after
// the dot) is accepted and formatted as "Rev.1". Anything else is an error, not a guess.
//
// Thread safety: all functions are pure and may be called concurrently.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace plenary::text {

struct DocumentSymbol {
  std::string series;   // "C22", "CWG-Internet 16", "A/77", "A/C.4/77", "S/RES", "E/2022"
  std::string number;   // "33", "DT/5", "400", "L.12", "SR.24", "955"
  int revision = 0;     // Rev.N
  int addendum = 0;     // Add.N
  int corrigendum = 0;  // Corr.N
  // Written order of Rev. and Add. when both are present: false for "Rev.1/Add.1" (an addendum to
  // the revision), true for "Add.1/Rev.1" (a revised addendum). Ignored unless both are set.
  bool addendum_first = false;
  std::string language;            // "E","F","S","R","A","C" (ITU only), or ""
  std::string year;                // "1994" for S/RES/955 (1994), else ""
  std::vector<std::string> joint;  // the other symbols of a joint document, canonical form

  bool operator==(const DocumentSymbol&) const = default;
};

// Parses one symbol. Errors are InvalidArgument with field "symbol" and a message naming the
// rule that failed, e.g. "symbol \"C22/033\": numbers have no leading zeros".
Result<DocumentSymbol> ParseSymbol(std::string_view text);

// The canonical form; ParseSymbol(FormatSymbol(s)) == s for every parsed s, and
// FormatSymbol(*ParseSymbol(t)) == t for every t already in canonical form.
std::string FormatSymbol(const DocumentSymbol& s);

// The line printed at the head of a revised, added or corrected document, naming the document it
// amends: "Revision 1 to Document C17/130-E", "Addendum 1 to Document C22/33-E",
// "Revision 1 to Addendum 1 to Document C19/5-E" (for "C19/5(Add.1)(Rev.1)"), or
// "Document C22/33-E" for a plain document. `lang` is "en", "fr", "es", "ru", "ar" or "zh" (a
// region subtag such as "zh-CN" is ignored); other languages get English. An ITU symbol without a
// language suffix gets the suffix of `lang` (-E, -F, -S, -R, -A, -C); UN symbols never get one.
std::string RevisionHeader(const DocumentSymbol& s, std::string_view lang);

// The length in bytes of the longest prefix of `text` that is a symbol and ends at a plausible
// boundary (not followed by a letter, a digit, "/" or "." and a letter or digit), or 0 when there
// is none. Used to find symbols in running text; the caller checks what precedes `text`.
std::size_t SymbolPrefixLength(std::string_view text);

}  // namespace plenary::text

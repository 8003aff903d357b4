// Finds citations of resolutions, decisions, ITU recommendations and document symbols in text in
// any of the six UN languages, as UN and ITU documents write them (testdata/citations holds real
// passages; docs/QUALITY.md gives the recall and precision measured on them).
//
// Resolution citations:
//   en  Resolution 102 (Rev. Dubai, 2018) · Resolutions 102 and 140 (Rev. Dubai, 2018) ·
//       Council Resolution 1336 (Rev. 2019) · Res. 102 · RESOLUTION 102 (REV. DUBAI, 2018) ·
//       General Assembly resolution 70/1 · Resolution 71 of the Plenipotentiary Conference
//   fr  Résolution 102 (Rév. Dubaï, 2018) · Résolutions 102 et 140 · Résolution 1336 du Conseil
//   es  Resolución 71 (Rev. Dubái, 2018) · Resoluciones 102 y 140 · Resolución 1336 del Consejo
//   ru  Резолюция 102 (Пересм. Пусан, 2014 г.) · Резолюции 102 и 140 · Резолюция 1336 Совета
//   ar  القرار 5 (المراجَع في بوينس آيرس، 2017) · القراران 102 و140 · قرار المجلس 1336
//   zh  第102号决议（2018年，迪拜，修订版） · 第102号和140号决议（…） · 第101、102和206号决议 ·
//       理事会第1305号决议（2019年，修订版） · 全权代表大会（PP）第130号决议
// UN texts:
//   Security Council  resolutions 713 (1991) of 25 September 1991, 721 (1991) of … and 770 (1992)
//                     (dates between the numbers, in every language: "du 29 novembre 1990",
//                     "от 25 сентября 1991 года", "المؤرخ 2 آب/ أغسطس 1990",
//                     "1991年9月25日第713(1991)、1991年11月27日第721(1991)……号决议")
//   General Assembly  resolution 70/1 · 34/83 A · 217 A (III) · 2241 B (XXI) · 3201 (S-VI) ·
//                     резолюция 169 (II) · 第2241 B(XXI)号决议 (before 1976: Roman session)
//   other bodies      decisions 1/105 and 2/103 (Human Rights Council) · resolution 2004/87
//   decisions         Decision 5 (Rev. Busan, 2014) · décision · решение · المقرر · 第560号决定
//   recommendations   Recommendation ITU-T X.509 · Recommendations ITU-T X.1037, X.1261 and
//                     X.1541 · ITU-R Recommendation BT.709
// A number and a year alone ("770 (1992)") are a Security Council resolution when the Council's
// numbering puts that number in that year, else an ITU Council resolution ("1372 (2017)").
// Full-width and half-width punctuation and digits, Arabic-Indic digits, letter case and
// diacritics do not matter; nor do traditional Chinese forms (號決議), Latin look-alikes inside a
// Cyrillic word ("Cоветом"), Cyrillic look-alikes of a resolution letter or Roman session
// ("2200 А (XXI)"), or line breaks inside a citation.
// A list ("Resolutions 102 and 140 (Rev. Dubai, 2018)") yields one citation per number; a
// qualifier written once after the last number applies to every preceding number that has none.
//
// The instrument of a resolution is decided in this order:
//   1. named next to the citation: "Council", "理事会", "du Conseil", "Совета", "المجلس", "PP-18",
//      "（PP）", "全权代表大会", "WTDC", "世界电信发展大会", "ITU-D", "General Assembly", ...;
//   2. the conference the qualifier names by its abbreviation ("Resolution 95 (Rev.WRC-07)",
//      "(Пересм. ВКР-15)", "(Rév.CMR-19)"; "Council Resolution 1343 (C12)" is the Council's of
//      2012), or the one its place and year identify: Dubai 2018 is PP-18, Buenos Aires 2017 is
//      WTDC-17, Hammamet 2016 is WTSA-16, Sharm el-Sheikh 2019 is WRC-19;
//   3. a qualifier with a year and no place: the Security Council when its numbering puts the
//      number in that year ("770 (1992)"), else the ITU Council ("Rev. 2019", "1372 (2017)");
//   4. the instrument of the citation it directly continues ("理事会第1305号决议…和第1336号决议");
//   5. the number: 1000 and above the Council, below 1000 the Plenipotentiary Conference;
//      unless the same number is cited with its instrument elsewhere in the text (that one), or
//      the text cites Security Council resolutions and no ITU body ("unsc").
// A Roman session ("(XXI)", "(S-VI)") up to XXX makes a General Assembly resolution, a higher
// one ("1296 (XLIV)") or an organizational session ("decision 65 (ORG-75)") an ECOSOC one; a
// session number before 31 ("5/1", "1/105") the Human Rights Council's. Several letters under
// one number ("3411 A and B (XXX)") make one citation; so do the Chinese texts of the time
// ("决议案三九六(五)": the number digit by digit in Chinese numerals, the session in brackets).
// A title in quotation marks between the numbers of a list ("2626 (XXV) entitled "…", 3202
// (S-VI)") does not end it.
// The names of UN bodies that begin like the ITU Council's are read whole, before or after the
// number: "la résolution 1996/31 du Conseil économique et social", "резолюции Совета по правам
// человека 4/4", "قرار المجلس الاقتصادي والاجتماعي 2015/11" (ECOSOC, Human Rights Council,
// Commission on Human Rights). After a comma, "1. " opens a numbered paragraph, not the next
// number of a list.
// A text whose line opens with the formula of the body adopting it ("The Economic and Social
// Council,", "L'Assemblée générale,", "安全理事会，") is that body's: a citation naming no body
// whose form leaves the body open ("its resolution 728 F (XXVIII)", "its resolution 1990/41",
// a number alone) is the author's.
// A number "70/1" is a UN General Assembly resolution (symbol "A/RES/70/1") unless named otherwise;
// "2004/70" (year/number, ECOSOC style) gets year 2004 and instrument "" unless named.
// Besides the values in Citation::instrument, "unsc", "ecosoc", "hrc" (UN Human Rights Council),
// "chr" (Commission on Human Rights) and "ra" (Radiocommunication Assembly, "ITU-R Resolution")
// occur; recommendations have "itu-t", "itu-r" or "itu-d".
//
// Document symbols follow text/symbols.h: "C22/33号文件", "文件C22/32(Rev.1)和C22/71",
// "C22/32 (Rev.1)", "A/77/90-E/2022/66", "S/24401"; an amendment named after a symbol is a
// document of its own: "S/1995/222 и Corr.1" gives S/1995/222 and S/1995/222/Corr.1.
// A candidate must not be preceded by a Latin letter, a digit or one of / \ . - _ &, and is
// taken only if ParseSymbol accepts it; so are documents of the World Telecommunication
// Development Conference ("WTDC17/11-R" is WTDC-17/11-R), also when PDF extraction glued the page
// header or the date to the language suffix ("WTDC-17/23(Add.10)-EPage 1", "WTDC17/11-R28 июня").
// Symbols of the World Health Organization ("WHA58.3", "WHA75(9)", "EB144.R5", "EB150(3)") are
// documents as written, never resolutions; so are
// UNESCO's ("39 C/5", "39 C/Resolution 15", "(39 C/Res.15)", "197 EX/1 Prov. Rev.",
// "196 EX/SR.1-6", "197 EX/Decisions", "CL/4123", and "Resolution 15 adopted by the General
// Conference at its 36th session" as "36 C/Resolution 15"; symbol with spaces collapsed, accents
// dropped and look-alike letters read as Latin: "14 С/23" is "14 C/23"); and UNIDO's
// ("IDB.49/1/Add.1", "IDB.50/Dec.11", "GC.6/Res.11", "PBC.37/1", "IDB.18/8-PBC.13/6", as
// written). A date glued to the language suffix of an ITU symbol ("C18/35-C2018年3月19日") is
// not part of it.
//
// Not errors: text without citations (empty result), a parenthesis after a number that is not a
// qualifier ("第206号决议（C22/33号文件）": the parenthesis is left out of the citation and the
// symbol inside is found as a document), unknown places (the place is then the text as written),
// invalid UTF-8 (replaced, offsets still refer to the input).
//
// Thread safety: ExtractCitations may be called concurrently from any thread.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plenary::text {

struct Citation {
  // Byte offsets of the span in the input (UTF-8). Spans do not overlap and come in text order.
  // A single citation spans the instrument named before it, the keyword, the number, the
  // qualifier and an instrument named after it. In a list, the first citation starts where the
  // phrase starts, the last ends where the phrase ends (shared qualifier included), and each
  // covers its own number and own qualifier.
  size_t begin = 0, end = 0;
  std::string kind;        // "resolution" | "decision" | "recommendation" | "document"
  std::string instrument;  // "pp", "council", "wtdc", "wtsa", "wrc", "unga", ... or ""
  int number = 0;  // the resolution or decision number (1 for "70/1"); 0 for documents and
                   // recommendations
  std::string place;       // canonical English place name: "Dubai", "Busan", "Buenos Aires", ...
  int year = 0;            // 0 when absent; for documents the year of "S/RES/955 (1994)"
  bool revised = false;  // "Rev." / 修订版 / Rév. / Пересм. / المراجَع; documents: Rev.N
  std::string symbol;  // documents: FormatSymbol; UN GA resolutions: "A/RES/70/1";
                       // recommendations: "ITU-T X.509"
  std::string text;    // the input bytes [begin, end)

  bool operator==(const Citation&) const = default;
};

// All citations in `text`, in order of `begin`.
std::vector<Citation> ExtractCitations(std::string_view text);
// The first `max_results` citations in `text`; `*truncated` (if not null) says whether there
// were more. Memory: about 16 bytes per character of `text` while it runs, plus the results.
std::vector<Citation> ExtractCitations(std::string_view text, size_t max_results,
                                       bool* truncated);

}  // namespace plenary::text

// The one model of an official document that every renderer takes (DOCX, PDF, Akoma Ntoso):
// symbol, date, origin and language line, title, numbered paragraphs and sub-paragraphs,
// footnotes and signatures, in one language. The summary record and the Chair's report are
// converted into it; issuing stores it as JSON (ToJson/FromJson) so that an issued document is
// rendered from its snapshot, never from live data. Pure library: depends on base only.
#pragma once
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "base/result.h"

namespace plenary::render {

// A citation inside a block's text, linked in the PDF (and as an AKN `ref`).
struct Link {
  std::size_t begin = 0, end = 0;  // byte offsets in `text`
  std::string href;                // site path ("/documents/42") or absolute URL
};

// A part of a block's text (or of the document's title) in another language than the block's (a
// consultation's title stored in English only, named in a Chinese paragraph): its own run, with
// its own language, in a DOCX; laid out in its language in the PDF; a <span xml:lang> in AKN.
struct LanguageSpan {
  std::size_t begin = 0, end = 0;  // byte offsets in `text`
  std::string lang;
};

struct Block {
  // "heading": an item or section heading; "paragraph": numbered paragraph (level 0) or
  // sub-paragraph (level 1); "item": an "a) …" line of the paragraph before it; "note": an
  // unnumbered line (summary, action required, references).
  std::string kind = "paragraph";
  std::string number;  // "1", "1.4", "2.5.1"; "" for an unnumbered block
  int level = 0;
  std::string text;
  std::string lang;                    // the language of `text` (may differ from the document's)
  std::vector<std::string> footnotes;  // texts of footnotes anchored at the end of this block
  std::vector<Link> links;
  std::vector<LanguageSpan> languages;  // in order, not overlapping
};

struct Signature {
  std::string role;  // "The Secretary-General:", "Chair:"
  std::string name;
  std::string detail;  // "(United Arab Emirates)"; may be empty
};

struct Document {
  // "summary_record" | "chair_report" | "consultation_report" | "negotiated_text" | "resolution"
  std::string kind;
  std::string status;        // "draft" | "issued"
  std::string lang;          // ar zh en fr ru es
  std::string symbol;        // "C22/87"; "" for a draft without one
  std::string date;          // YYYY-MM-DD: the issue date (drafts: the meeting's last day)
  std::string date_text;     // the date as printed in `lang`
  std::string organization;  // "Council 2022", the line above the symbol block
  std::string origin;        // "Original: English" line, in `lang`
  std::string body_key, body_acronym;  // for the Akoma Ntoso identifiers
  std::string title;
  std::vector<LanguageSpan> title_languages;  // parts of `title` in another language than `lang`
  std::vector<Block> blocks;
  std::vector<Signature> signatures;
};

// Whether `lang` is written right to left (Arabic).
// The parts of `spans` a text of `size` bytes can mark, in order: not empty, inside the text, each
// after the one before (a snapshot read back is checked so on reading; a document built in code
// is not). Every format marks these and leaves the others out.
std::vector<LanguageSpan> UsableSpans(const std::vector<LanguageSpan>& spans, std::size_t size);

inline bool IsRtl(const std::string& lang) { return lang == "ar"; }
// A paragraph's number as set in a block of `lang`: in right-to-left text a label such as "1.a"
// is held left to right between two LEFT-TO-RIGHT MARKs, or the bidirectional algorithm (Pango,
// LibreOffice, Word alike) shows it as "a.1". Unchanged in other languages.
inline std::string DirectedNumber(const std::string& number, const std::string& lang) {
  return IsRtl(lang) ? "\u200E" + number + "\u200E" : number;
}

// The letter of a language version after the symbol: C22/87-E, -F, -S, -R, -A, -C.
inline std::string LanguageLetter(const std::string& lang) {
  if (lang == "zh") return "C";
  if (lang == "es") return "S";
  if (lang == "ar") return "A";
  if (lang == "ru") return "R";
  if (lang == "fr") return "F";
  return "E";
}

boost::json::object ToJson(const Document& d);
// The inverse of ToJson; 400 (field "snapshot") for a malformed object.
Result<Document> FromJson(const boost::json::value& v);

// The paragraphs that differ between two versions of one document in one language, by number:
// [{"number": "1.4", "change": "changed"|"added"|"removed"}]. Used to show what a correction or
// a revision changed.
boost::json::array Changes(const Document& before, const Document& after);

}  // namespace plenary::render

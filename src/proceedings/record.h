// The summary record of a meeting, generated from its proceedings in one language: numbered
// items headed by their title and document symbols, numbered paragraphs (interventions and
// statements in the record's order, the decision paragraph last), and the signatures of the
// Secretary-General and the Chair — the shape of the Council's summary records.
//
// A paragraph missing in the reader's language shows another language with an honest note
// (site::Pick); a decision without wording in that language is written from its kind, so that
// the decisions read in all six languages — unless the generated sentence would say less than a
// stored wording (WordingBeyondGenerated): then that wording is shown, marked as a fallback in
// its language, since a decision must say the same thing in every language. Pure given its input; thread-safe.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "proceedings/proceedings.h"
#include "site/site.h"

namespace plenary::proceedings {

struct RecordParagraph {
  std::string number;  // "1.4"
  std::string text;
  std::string lang;    // the language of `text`
  bool fallback = false;
  bool decision = false;
  bool generated = false;  // a decision written from its kind (no recorded wording)
};

struct RecordItem {
  std::string number;
  std::string heading;  // "ITU's Internet-related activities … (Document C22/33)"
  std::string heading_lang;
  bool heading_fallback = false;
  std::vector<RecordParagraph> paragraphs;
};

struct SummaryRecord {
  std::string title;   // "Summary record of the 7th plenary meeting of Council (C22)"
  std::string symbol;  // the record's own symbol, when set
  std::string date;    // the meeting's dates, formatted
  std::vector<RecordItem> items;
  std::string secretary_general, chair;  // names as signed ("" when not set)
};

// `body_name`: the body as the subject of its decisions ("The Council", "理事会"), in `lang`.
SummaryRecord BuildRecord(const Proceedings& p, const std::string& lang);

// The decision paragraph written from its kind, in `lang` ("The Council took note of the
// report in Document C22/33. It agreed to forward it … to the UN Secretary-General.").
std::string DecisionText(const Decision& d, const std::vector<DocumentRef>& documents,
                         const std::string& body_name, const std::string& lang);

// The stored wording to show instead of the decision generated in `lang` (which has none), when
// the generated sentence lacks clauses a stored one has: a part taken from a field written in
// other languages only (`accompanied_by`, `report_back`), or at least three terms of a stored
// wording (text::Analyze: case, stems, CJK bigrams) missing from the sentence generated in that
// wording's own language. Only the wording site::Pick would show is compared (a decision's
// wordings translate each other). `body_name` gives the body as the subject of its decisions
// in a language. nullopt: the generated sentence says it all.
std::optional<site::Localized> WordingBeyondGenerated(
    const Decision& d, const std::vector<DocumentRef>& documents,
    const std::function<std::string(const std::string&)>& body_name, const std::string& lang);

// "Document C22/33" / "C22/33号文件" / "Documents C22/32(Rev.1) and C22/71" by the catalogue
// message `key` (a heading's form, or the running text's with its article); symbols are
// isolated left-to-right inside Arabic text.
std::string DocumentsPhrase(const std::vector<DocumentRef>& documents, const std::string& lang,
                            const char* key = "record_documents");

}  // namespace plenary::proceedings

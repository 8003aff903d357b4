// The report of a working group's Chair to the Council, generated from the record alone, in the
// shape of document C22/51 (the CWG-Internet Chair's report): title; summary (which meetings,
// when, under which resolutions); action required; references; 1 Introduction (the terms of
// reference); 2 Activities (the meetings, the approval and the distribution of their reports,
// the contributions each received, the consultations each considered with their figures, the
// actions each approved as numbered sub-paragraphs); 3 Conclusions; the Chair's signature.
//
// Nothing is said that the record does not hold: a sentence is written only when its facts are
// on record, and left out otherwise (numbering closes up). The approval and the distribution of
// a meeting's report come from meeting_report.h; taking note of the meetings' reports names the
// approved ones; the Chair's thanks go to the Member States only when contributions are on
// record, to the Vice-Chairs only when the body has some, to the Secretary-General, the Deputy,
// the Directors and the General Secretariat only as the body's `supported_by` lists them, and to
// the group's Secretary by name; no Chair on record, no thanks and no signature.
//
// Every sentence comes from the message catalogue (ICU MessageFormat, CLDR plurals); the
// consultation figures come from consultations::ReportParagraph, not written again here.
// Stored texts (terms of reference, actions) fall back honestly to another language: the
// paragraph carries its language and `fallback`. Pure functions are thread-safe; so is
// BuildChairReport (it only reads).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "base/result.h"
#include "site/text_html.h"
#include "storage/db.h"

namespace plenary::reports {

struct Paragraph {
  std::string number;               // "2.5", "2.5.1"; "" for an unnumbered paragraph
  std::string text;                 // plain text (citations are linked when rendered)
  std::string lang;                 // the language of `text`
  bool fallback = false;            // `text` is not in the reader's language
  // `text` with the stored texts of another language it names marked (a consultation's title
  // in English only, in its figures' sentence); its spans are empty when there is none.
  site::Sentence marked;
  std::vector<std::string> items;   // "a) …" items of a terms-of-reference paragraph; the
                                    // questions of a consultation an action launches
  std::vector<Paragraph> sub;       // numbered sub-paragraphs (the actions of a meeting)
};

struct Section {
  std::string number;  // "1"
  std::string heading;
  std::vector<Paragraph> paragraphs;
};

struct ReportMeeting {
  std::int64_t id;
  int number;
  std::string starts_on, ends_on, mode;
  std::string label;  // "16th meeting of CWG-Internet" in the report's language
};

struct ChairReport {
  std::string lang;
  std::string body_key, body_acronym, body_name;
  std::vector<ReportMeeting> meetings;
  std::string title;
  std::string summary;
  // The same two as a page shows them, the body's name marked with its language when it is not
  // the report's (site::Say).
  site::Sentence title_sentence, summary_sentence;
  std::string action_required;
  std::vector<std::string> references;  // "Resolution 102 (Rev. Dubai, 2018)", …
  std::vector<Section> sections;
  // The signature ("Chair: <name>" and "(<Member State>)"); empty when the body has no Chair
  // on record.
  std::string chair_name, chair_member_state;  // the name as stored; ISO 3166-1 code or ""
  std::string signature, member_state_line;
};

// "16,17" → {16, 17}: meeting numbers separated by commas (spaces allowed), sorted, each once,
// at most 20. Errors name the field `meetings`.
Result<std::vector<int>> ParseMeetingNumbers(std::string_view s);

// Terms of reference as stored (one paragraph a line) → numbered paragraphs "<section>.1", …;
// a line starting with an item marker ("a) ", "b) ", "•", "-") is an item of the paragraph
// before it. Blank lines are skipped.
std::vector<Paragraph> SplitParagraphs(std::string_view text, const std::string& section);

// The report of body `body` (id or key) on its working-group meetings `meetings` ("16,17") in
// `lang`. Errors: 400 naming `lang` or `meetings` (also for a meeting that has not ended: the
// report says the meetings were held); 404 for an unknown body or a meeting number the body does
// not have (field `meetings`).
Result<ChairReport> BuildChairReport(storage::Database& db, const std::string& body,
                                     const std::string& meetings, const std::string& lang);

// The JSON twin of the page.
boost::json::object ChairReportJson(const ChairReport& r);

}  // namespace plenary::reports

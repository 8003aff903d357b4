// The citation test corpus (testdata/citations/*.json: real passages of UN and ITU documents with
// the citations a documentalist finds in them) and its scoring: recall and precision of
// ExtractCitations per language and per class. Used by the unit test that holds every case
// (citation_corpus_test.cc) and by the quality benchmark (bench/citations); not by the server.
//
// A file is {"language": "en", "cases": [{"source", "text", "expect": [...], "not": [...]}]}.
// An expectation is one string:
//   "resolution unsc 713 1991"                       kind, instrument ("-" for none), number, year
//   "resolution pp 71 2018 place=Dubai rev"          place (spaces written "_") and revised
//   "resolution unga 224 0 A/RES/43/224 @ 43/224 D"  a symbol, then "@" and the anchor
//   "doc S/1995/222/Corr.1 @ Corr.1"                 a document symbol
//   "recommendation itu-t 0 0 ITU-T X.509 @ X.509"
// The anchor (by default the number, or the symbol of a document) must lie inside the span of the
// citation that matches. A leading "!" marks a citation the extractor does not find yet: it is
// scored like the others but the unit test does not require it. A "not" string is text that no
// extracted citation may cover (paragraph, article, meeting and footnote numbers, dates, ...).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/result.h"
#include "text/citations.h"

namespace plenary::text::corpus {

struct Expected {
  std::string kind, instrument, symbol, place, anchor;
  int number = 0, year = 0;
  bool revised = false, check_revised = false;
  bool known_failure = false;  // "!": scored, not required by the unit test
  std::string written;         // the expectation as written in the file
};

struct Case {
  std::string source, text;
  std::vector<Expected> expect;
  std::vector<std::string> negatives;  // "not"
};

struct Language {
  std::string code;  // "en", "fr", ...
  std::vector<Case> cases;
};

// Every testdata/citations/*.json file of `dir`, in file name order. A malformed file or
// expectation is an InvalidArgument error naming the file and the entry.
Result<std::vector<Language>> Load(const std::filesystem::path& dir);

// The class of an expectation or of an extracted citation: "resolution/unsc", "decision/hrc",
// "document", "recommendation/itu-t", ...
std::string ClassOf(const std::string& kind, const std::string& instrument);

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double Recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
  double Precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
};

struct CaseResult {
  std::vector<const Expected*> missed;        // expected, not found
  std::vector<Citation> extra;                // found, not expected
  std::vector<std::string> negatives_broken;  // "not" strings covered by a citation
  int negatives = 0;                          // "not" strings checked
};

// Scores one case: each expectation takes the first unmatched extracted citation that agrees
// with it (kind, instrument, number, year, and symbol, place, revision when given) and whose
// span holds its anchor.
CaseResult Score(const Case& c, const std::vector<Citation>& found);

struct Report {
  Counts all;
  std::map<std::string, Counts> by_class;
  int cases = 0, expected = 0, negatives = 0, negatives_broken = 0;
};

// ExtractCitations over every case of `language`.
Report Evaluate(const Language& language);

}  // namespace plenary::text::corpus

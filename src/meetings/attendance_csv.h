// Import of video-conference attendance exports (Zoom participant reports) into one row per person.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace plenary::meetings {

struct Attendee {
  std::string name;        // display name of the first row: "Ana Silva (Ana S.)" → "Ana Silva";
                           // trimmed, whitespace runs collapsed; the e-mail if the name is empty
  std::string email;       // trimmed, as in the first row; empty when the rows had none
  int minutes = 0;         // "Duration (Minutes)" summed over the merged rows
  int joins = 0;           // number of rows (sessions) merged into this person
  bool guest = false;      // every merged row said Guest = "Yes"
  std::string first_join;  // "Join Time" of the earliest session, text as given
  std::string last_leave;  // "Leave Time" of the latest session, text as given
};

struct AttendanceImport {
  std::vector<Attendee> attendees;    // in order of first appearance
  int rows = 0;                       // participant data rows read (blank lines not counted)
  std::vector<std::string> warnings;  // "line 9: ..." notes on rows that were skipped or adjusted
};

// Parses a Zoom participant report exported as CSV.
//
// Accepted input: UTF-8 (an initial BOM is skipped), CRLF, LF or CR line ends, RFC 4180 quoting
// (commas, line breaks and doubled quotes inside quoted fields). Any lines before the participants
// header are skipped, such as Zoom's meeting summary ("Meeting ID,Topic,Start Time,...") and the
// blank line after it; the header must appear within the first 50 lines. The header is
// recognised by column names (case-insensitive): a name column ("Name (Original Name)", "Name",
// "Participant") and "Duration (Minutes)" (or "Total Duration (Minutes)") are required;
// "User Email"/"Email", "Join Time", "Leave Time" and "Guest" are optional; other columns (e.g.
// "In Waiting Room") are ignored.
//
// Rows of one person are merged: by ASCII-lower-cased e-mail when the row has one, otherwise by
// the display name normalised (trimmed, internal whitespace collapsed, case-folded for Latin,
// Greek and Cyrillic letters). A trailing "(...)" preceded by a space is read as Zoom's original
// name and dropped from the display name. Rows with neither name nor e-mail and e-mails without
// '@' produce warnings (the row is skipped, or the e-mail ignored); times are not validated.
//
// Errors (field "file"; messages start with "file: " and name the line, counted from 1):
//   kInvalidArgument: not UTF-8; no participant header; a row with fewer columns than the
//     header's name and duration need; an empty, non-numeric or over 1,000,000 duration;
//     an unterminated quoted field or text after a closing quote; over 1000 columns on a line;
//   kTooLarge: more than `max_rows` participant rows.
Result<AttendanceImport> ParseAttendanceCsv(std::string_view csv, size_t max_rows = 100000);

}  // namespace plenary::meetings

// Tests for importing Zoom participant reports, from realistic exports to hostile files.
#include "meetings/attendance_csv.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace plenary::meetings {
namespace {

// A Zoom "Participants" export as downloaded: BOM, meeting summary, blank line, CRLF, quoting.
const std::string kZoomExport =
    "\xEF\xBB\xBF"
    "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\r\n"
    "891 2345 6789,\"Informal consultations on A/C.2/77/L.12, \"\"Oceans\"\"\","
    "01/11/2022 01:55:02 PM,01/11/2022 04:03:17 PM,secretariat@example.org,129,6\r\n"
    "\r\n"
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,"
    "In Waiting Room\r\n"
    "Conference Officer,secretariat@example.org,01/11/2022 01:55:02 PM,"
    "01/11/2022 04:03:17 PM,129,No,No\r\n"
    "\"Silva, Ana (Ana S.)\",ana.silva@example.gov.br,01/11/2022 01:59:58 PM,"
    "01/11/2022 02:40:10 PM,41,Yes,No\r\n"
    "\"Müller, Jürgen\",juergen.mueller@example.de,01/11/2022 02:00:31 PM,"
    "01/11/2022 04:01:00 PM,121,Yes,No\r\n"
    "\"Delegation of \"\"Small Island\"\" States\",,01/11/2022 02:10:00 PM,"
    "01/11/2022 03:10:00 PM,60,Yes,No\r\n"
    "\"Silva, Ana (iPhone)\",Ana.Silva@Example.gov.br,01/11/2022 02:45:03 PM,"
    "01/11/2022 04:02:59 PM,78,Yes,No\r\n"
    "\" delegation of  \"\"SMALL ISLAND\"\" states\",,01/11/2022 03:20:00 PM,"
    "01/11/2022 03:45:00 PM,25,Yes,No\r\n"
    "Phone User   (+41 22 917 12 34),,01/11/2022 02:15:00 PM,01/11/2022 02:20:00 PM,5,Yes,Yes\r\n";

TEST(AttendanceCsv, ParsesRealisticZoomExport) {
  auto import = ParseAttendanceCsv(kZoomExport);
  ASSERT_TRUE(import.ok()) << import.error().message;
  EXPECT_EQ(import->rows, 7);
  EXPECT_TRUE(import->warnings.empty());
  ASSERT_EQ(import->attendees.size(), 5u);

  const Attendee& officer = import->attendees[0];
  EXPECT_EQ(officer.name, "Conference Officer");
  EXPECT_EQ(officer.email, "secretariat@example.org");
  EXPECT_EQ(officer.minutes, 129);
  EXPECT_EQ(officer.joins, 1);
  EXPECT_FALSE(officer.guest);
  EXPECT_EQ(officer.first_join, "01/11/2022 01:55:02 PM");
  EXPECT_EQ(officer.last_leave, "01/11/2022 04:03:17 PM");

  const Attendee& ana = import->attendees[1];
  EXPECT_EQ(ana.name, "Silva, Ana");
  EXPECT_EQ(ana.email, "ana.silva@example.gov.br");
  EXPECT_EQ(ana.minutes, 41 + 78);
  EXPECT_EQ(ana.joins, 2);
  EXPECT_TRUE(ana.guest);
  EXPECT_EQ(ana.first_join, "01/11/2022 01:59:58 PM");
  EXPECT_EQ(ana.last_leave, "01/11/2022 04:02:59 PM");

  EXPECT_EQ(import->attendees[2].name, "Müller, Jürgen");
  EXPECT_EQ(import->attendees[2].minutes, 121);

  const Attendee& delegation = import->attendees[3];
  EXPECT_EQ(delegation.name, "Delegation of \"Small Island\" States");
  EXPECT_EQ(delegation.email, "");
  EXPECT_EQ(delegation.minutes, 85);
  EXPECT_EQ(delegation.joins, 2);

  const Attendee& phone = import->attendees[4];
  EXPECT_EQ(phone.name, "Phone User");
  EXPECT_EQ(phone.minutes, 5);
}

TEST(AttendanceCsv, CountsPersonJoiningTwiceOnce) {
  const std::string csv =
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
      "Ana Silva,ana@example.org,01/11/2022 01:00:00 PM,01/11/2022 01:30:00 PM,30,No\n"
      "Ana S.,ANA@EXAMPLE.ORG,01/11/2022 01:40:00 PM,01/11/2022 02:00:00 PM,20,No\n";
  auto import = ParseAttendanceCsv(csv);
  ASSERT_TRUE(import.ok()) << import.error().message;
  ASSERT_EQ(import->attendees.size(), 1u);
  EXPECT_EQ(import->attendees[0].name, "Ana Silva");
  EXPECT_EQ(import->attendees[0].minutes, 50);
  EXPECT_EQ(import->attendees[0].joins, 2);
  EXPECT_EQ(import->rows, 2);
}

TEST(AttendanceCsv, MergesRowsWithoutEmailByCaseFoldedName) {
  const std::string csv =
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
      "Élodie  Ñúñez,,,,10,Yes\n"
      "ÉLODIE ÑÚÑEZ (Élodie),,,,5,Yes\n"
      "\télodie\u00A0ñúñez ,,,,1,Yes\n"
      "ΣΟΦΊΑ Παπαδοπούλου,,,,2,Yes\n"
      "Σοφία ΠΑΠΑΔΟΠΟΎΛΟΥ,,,,3,Yes\n"
      "ИВАН Петров,,,,4,Yes\n"
      "Иван ПЕТРОВ,,,,4,Yes\n";
  auto import = ParseAttendanceCsv(csv);
  ASSERT_TRUE(import.ok()) << import.error().message;
  ASSERT_EQ(import->attendees.size(), 3u);
  EXPECT_EQ(import->attendees[0].name, "Élodie Ñúñez");
  EXPECT_EQ(import->attendees[0].minutes, 16);
  EXPECT_EQ(import->attendees[0].joins, 3);
  EXPECT_EQ(import->attendees[1].minutes, 5);
  EXPECT_EQ(import->attendees[2].minutes, 8);
}

TEST(AttendanceCsv, RowsWithAndWithoutEmailAreDifferentPeople) {
  const std::string csv =
      "Name (Original Name),User Email,Duration (Minutes)\n"
      "Ana Silva,ana@example.org,10\n"
      "Ana Silva,,5\n";
  auto import = ParseAttendanceCsv(csv);
  ASSERT_TRUE(import.ok());
  EXPECT_EQ(import->attendees.size(), 2u);
}

TEST(AttendanceCsv, KeepsDisplayNameBeforeOriginalName) {
  const std::string csv =
      "Name (Original Name),Duration (Minutes)\n"
      "Ana Silva (Ana S.),1\n"
      "Brazil (Ana Silva) (Ana S. (mobile)),1\n"
      "(Only Parentheses),1\n"
      "Name(NoSpace),1\n"
      "Unbalanced ) (x,1\n";
  auto import = ParseAttendanceCsv(csv);
  ASSERT_TRUE(import.ok()) << import.error().message;
  ASSERT_EQ(import->attendees.size(), 5u);
  EXPECT_EQ(import->attendees[0].name, "Ana Silva");
  EXPECT_EQ(import->attendees[1].name, "Brazil (Ana Silva)");
  EXPECT_EQ(import->attendees[2].name, "(Only Parentheses)");
  EXPECT_EQ(import->attendees[3].name, "Name(NoSpace)");
  EXPECT_EQ(import->attendees[4].name, "Unbalanced ) (x");
}

TEST(AttendanceCsv, ToleratesNewerHeadersExtraColumnsAndTrailingComma) {
  const std::string csv =
      "Name (original name),Email,Join time,Leave time,Duration (minutes),Guest,"
      "Recording disclaimer response,In waiting room,\n"
      "Ana Silva,ana@example.org,01/11/2022 01:00:00 PM,01/11/2022 01:30:00 PM,30,No,OK,No,\n";
  auto import = ParseAttendanceCsv(csv);
  ASSERT_TRUE(import.ok()) << import.error().message;
  ASSERT_EQ(import->attendees.size(), 1u);
  EXPECT_EQ(import->attendees[0].email, "ana@example.org");
  EXPECT_EQ(import->attendees[0].minutes, 30);
}

TEST(AttendanceCsv, FindsColumnsByNameInAnyOrder) {
  const std::string csv =
      "Guest,Duration (Minutes),User Email,Name (Original Name)\n"
      "Yes,12,ana@example.org,Ana Silva\n";
  auto import = ParseAttendanceCsv(csv);
  ASSERT_TRUE(import.ok()) << import.error().message;
  EXPECT_EQ(import->attendees[0].name, "Ana Silva");
  EXPECT_EQ(import->attendees[0].minutes, 12);
  EXPECT_TRUE(import->attendees[0].guest);
}

TEST(AttendanceCsv, AcceptsCarriageReturnLineEnds) {
  const std::string csv = "Name (Original Name),Duration (Minutes)\rAna,3\rBo,4\r";
  auto import = ParseAttendanceCsv(csv);
  ASSERT_TRUE(import.ok()) << import.error().message;
  EXPECT_EQ(import->attendees.size(), 2u);
}

TEST(AttendanceCsv, GuestOnlyWhenEveryRowIsGuest) {
  const std::string csv =
      "Name (Original Name),User Email,Duration (Minutes),Guest\n"
      "Ana,ana@example.org,1,Yes\n"
      "Ana,ana@example.org,1,No\n"
      "Bo,bo@example.org,1,yes\n";
  auto import = ParseAttendanceCsv(csv);
  ASSERT_TRUE(import.ok());
  EXPECT_FALSE(import->attendees[0].guest);
  EXPECT_TRUE(import->attendees[1].guest);
}

TEST(AttendanceCsv, KeepsEarliestJoinAndLatestLeaveWhenRowsAreOutOfOrder) {
  const std::string csv =
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n"
      "Ana,ana@example.org,01/11/2022 02:00:00 PM,01/11/2022 03:00:00 PM,60\n"
      "Ana,ana@example.org,01/11/2022 11:00:00 AM,01/11/2022 12:30:00 PM,90\n"
      "Ana,ana@example.org,01/11/2022 12:45:00 PM,01/11/2022 01:00:00 PM,15\n";
  auto import = ParseAttendanceCsv(csv);
  ASSERT_TRUE(import.ok());
  EXPECT_EQ(import->attendees[0].first_join, "01/11/2022 11:00:00 AM");
  EXPECT_EQ(import->attendees[0].last_leave, "01/11/2022 03:00:00 PM");
  EXPECT_EQ(import->attendees[0].minutes, 165);
}

TEST(AttendanceCsv, RejectsFileWithoutParticipantHeader) {
  auto import = ParseAttendanceCsv("first,last,minutes\nAna,Silva,3\n");
  ASSERT_FALSE(import.ok());
  EXPECT_EQ(import.error().code, Code::kInvalidArgument);
  EXPECT_EQ(import.error().field, "file");
  EXPECT_TRUE(import.error().message.starts_with("file: no Zoom participant header"))
      << import.error().message;
}

TEST(AttendanceCsv, RejectsSummarySectionAlone) {
  const std::string csv =
      "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\r\n"
      "891 2345 6789,Consultations,01/11/2022 01:55:02 PM,01/11/2022 04:03:17 PM,a@b.org,129,6\r\n";
  auto import = ParseAttendanceCsv(csv);
  ASSERT_FALSE(import.ok());
  EXPECT_TRUE(import.error().message.starts_with("file: no Zoom participant header"));
}

TEST(AttendanceCsv, RejectsEmptyFile) {
  EXPECT_FALSE(ParseAttendanceCsv("").ok());
  EXPECT_FALSE(ParseAttendanceCsv("\xEF\xBB\xBF").ok());
  EXPECT_FALSE(ParseAttendanceCsv("\r\n\r\n").ok());
}

TEST(AttendanceCsv, HeaderWithoutRowsGivesEmptyImportWithWarning) {
  auto import = ParseAttendanceCsv("Name (Original Name),Duration (Minutes)\r\n\r\n");
  ASSERT_TRUE(import.ok());
  EXPECT_EQ(import->rows, 0);
  EXPECT_TRUE(import->attendees.empty());
  ASSERT_EQ(import->warnings.size(), 1u);
}

TEST(AttendanceCsv, RejectsNonNumericDurationNamingTheLine) {
  const std::string csv =
      "\xEF\xBB\xBFMeeting ID,Topic\r\n1,x\r\n\r\n"
      "Name (Original Name),User Email,Duration (Minutes)\r\n"
      "Ana,ana@example.org,12\r\n"
      "Bo,bo@example.org,about 5\r\n";
  auto import = ParseAttendanceCsv(csv);
  ASSERT_FALSE(import.ok());
  EXPECT_EQ(import.error().code, Code::kInvalidArgument);
  EXPECT_EQ(import.error().field, "file");
  EXPECT_EQ(import.error().message,
            "file: line 6: duration \"about 5\" is not a whole number of minutes (0 to 1000000)");
}

TEST(AttendanceCsv, RejectsEmptyNegativeDecimalAndHugeDurations) {
  for (const char* duration : {"", "-5", "1.5", "1,5", "0x10", "1000001", "99999999999999999999"}) {
    const std::string csv =
        std::string("Name (Original Name),Duration (Minutes)\nAna,\"") + duration + "\"\n";
    auto import = ParseAttendanceCsv(csv);
    ASSERT_FALSE(import.ok()) << duration;
    EXPECT_TRUE(import.error().message.starts_with("file: line 2: duration")) << duration;
  }
  auto ok = ParseAttendanceCsv("Name (Original Name),Duration (Minutes)\nAna, 0 \n");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->attendees[0].minutes, 0);
}

TEST(AttendanceCsv, LineNumbersCountLineBreaksInsideQuotes) {
  const std::string csv =
      "Name (Original Name),Duration (Minutes)\r\n"
      "\"Ana\r\nSilva\",3\r\n"
      "Bo,x\r\n";
  auto import = ParseAttendanceCsv(csv);
  ASSERT_FALSE(import.ok());
  EXPECT_TRUE(import.error().message.starts_with("file: line 4: duration"))
      << import.error().message;
}

TEST(AttendanceCsv, CollapsesLineBreaksInQuotedNames) {
  auto import = ParseAttendanceCsv("Name (Original Name),Duration (Minutes)\n\"Ana\nSilva\",3\n");
  ASSERT_TRUE(import.ok());
  EXPECT_EQ(import->attendees[0].name, "Ana Silva");
}

TEST(AttendanceCsv, RejectsMoreThanMaxRows) {
  std::string csv = "Name (Original Name),Duration (Minutes)\n";
  for (int i = 0; i < 11; ++i) csv += "P" + std::to_string(i) + ",1\n";
  auto import = ParseAttendanceCsv(csv, 10);
  ASSERT_FALSE(import.ok());
  EXPECT_EQ(import.error().code, Code::kTooLarge);
  EXPECT_EQ(import.error().field, "file");
  EXPECT_EQ(import.error().message, "file: more than 10 participant rows");
  EXPECT_TRUE(ParseAttendanceCsv(csv, 11).ok());
}

TEST(AttendanceCsv, RejectsInvalidUtf8NamingTheLine) {
  auto import = ParseAttendanceCsv("Name (Original Name),Duration (Minutes)\nJos\xE9,3\n");
  ASSERT_FALSE(import.ok());
  EXPECT_EQ(import.error().message,
            "file: line 2: not valid UTF-8 (export the report as UTF-8 CSV)");
}

TEST(AttendanceCsv, RejectsUnterminatedQuotedField) {
  auto import = ParseAttendanceCsv("Name (Original Name),Duration (Minutes)\n\"Ana,3\nBo,4\n");
  ASSERT_FALSE(import.ok());
  EXPECT_EQ(import.error().message, "file: line 2: unterminated quoted field");
}

TEST(AttendanceCsv, RejectsTextAfterClosingQuote) {
  auto import = ParseAttendanceCsv("Name (Original Name),Duration (Minutes)\n\"Ana\"x,3\n");
  ASSERT_FALSE(import.ok());
  EXPECT_EQ(import.error().message, "file: line 2: text after a closing quote");
}

TEST(AttendanceCsv, KeepsBareQuotesInsideUnquotedFields) {
  auto import = ParseAttendanceCsv("Name (Original Name),Duration (Minutes)\nAna \"Nana\" S,3\n");
  ASSERT_TRUE(import.ok()) << import.error().message;
  EXPECT_EQ(import->attendees[0].name, "Ana \"Nana\" S");
}

TEST(AttendanceCsv, RejectsRowWithTooFewColumns) {
  auto import = ParseAttendanceCsv("Name (Original Name),User Email,Duration (Minutes)\nAna,a@b\n");
  ASSERT_FALSE(import.ok());
  EXPECT_EQ(import.error().message, "file: line 2: 2 columns; the header needs at least 3");
}

TEST(AttendanceCsv, RejectsLinesWithTooManyColumns) {
  const std::string csv =
      "Name (Original Name),Duration (Minutes)\nAna,1" + std::string(2000, ',') + "\n";
  auto import = ParseAttendanceCsv(csv);
  ASSERT_FALSE(import.ok());
  EXPECT_EQ(import.error().message, "file: line 2: more than 1000 columns");
}

TEST(AttendanceCsv, WarnsAndSkipsRowWithoutNameOrEmail) {
  auto import = ParseAttendanceCsv(
      "Name (Original Name),User Email,Duration (Minutes)\n , ,4\nAna,not-an-address,3\n");
  ASSERT_TRUE(import.ok()) << import.error().message;
  EXPECT_EQ(import->rows, 2);
  ASSERT_EQ(import->attendees.size(), 1u);
  EXPECT_EQ(import->attendees[0].email, "");
  ASSERT_EQ(import->warnings.size(), 2u);
  EXPECT_EQ(import->warnings[0], "line 2: skipped a row with neither name nor e-mail");
  EXPECT_EQ(import->warnings[1], "line 3: ignored e-mail \"not-an-address\" (not an address)");
}

TEST(AttendanceCsv, UsesEmailAsNameWhenNameIsEmpty) {
  auto import =
      ParseAttendanceCsv("Name (Original Name),User Email,Duration (Minutes)\n,ana@x.org,4\n");
  ASSERT_TRUE(import.ok());
  EXPECT_EQ(import->attendees[0].name, "ana@x.org");
}

TEST(AttendanceCsv, CapsTheNumberOfWarnings) {
  std::string csv = "Name (Original Name),User Email,Duration (Minutes)\n";
  for (int i = 0; i < 500; ++i) csv += ",,1\n";
  auto import = ParseAttendanceCsv(csv);
  ASSERT_TRUE(import.ok());
  EXPECT_EQ(import->warnings.size(), 101u);
  EXPECT_EQ(import->warnings.back(), "400 more warnings not shown");
}

TEST(AttendanceCsv, RejectsTotalMinutesOverflow) {
  std::string csv = "Name (Original Name),Duration (Minutes)\n";
  for (int i = 0; i < 2148; ++i) csv += "Ana,1000000\n";
  auto import = ParseAttendanceCsv(csv);
  ASSERT_FALSE(import.ok());
  EXPECT_EQ(import.error().message, "file: line 2149: total minutes for \"Ana\" overflow");
}

// Every prefix and many random corruptions must be handled without crashing (ASan/UBSan).
TEST(AttendanceCsv, SurvivesTruncationAndCorruption) {
  int refused = 0;
  for (size_t n = 0; n <= kZoomExport.size(); ++n) {
    auto import = ParseAttendanceCsv(kZoomExport.substr(0, n));
    if (import.ok()) continue;
    ++refused;
    EXPECT_TRUE(import.error().message.starts_with("file: ")) << n << ": " << import.error().message;
  }
  EXPECT_GT(refused, 0) << "the short prefixes (no header) are refused";
  EXPECT_TRUE(ParseAttendanceCsv(kZoomExport).ok()) << "the whole export is read";
  std::mt19937 rng(7);
  const std::string alphabet = std::string("\r\n,\"() \0\xFF\xC3\xA9", 12) + "0123456789@aZ";
  for (int round = 0; round < 20000; ++round) {
    std::string mutated = kZoomExport;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng() % mutated.size();
      switch (rng() % 3) {
        case 0:
          mutated[at] = alphabet[rng() % alphabet.size()];
          break;
        case 1:
          mutated.erase(at, 1 + rng() % 8);
          break;
        default:
          mutated.insert(at, 1, alphabet[rng() % alphabet.size()]);
          break;
      }
      if (mutated.empty()) mutated = "x";
    }
    auto import = ParseAttendanceCsv(mutated);
    if (import.ok()) {
      for (const Attendee& a : import->attendees) {
        EXPECT_FALSE(a.name.empty());
        EXPECT_GE(a.minutes, 0);
        EXPECT_GE(a.joins, 1);
      }
    } else {
      EXPECT_TRUE(import.error().message.starts_with("file: "));
    }
  }
}

}  // namespace
}  // namespace plenary::meetings

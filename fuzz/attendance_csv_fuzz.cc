// Fuzzes meetings::ParseAttendanceCsv (Zoom participant exports) and checks the merged attendees
// against the header's contract.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "meetings/attendance_csv.h"

using plenary::Code;
using plenary::fuzz::IsUtf8;
using plenary::meetings::ParseAttendanceCsv;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view csv(reinterpret_cast<const char*>(data), size);
  constexpr size_t kMaxRows = 40;  // small, so that short inputs reach the row limit
  auto import = ParseAttendanceCsv(csv, kMaxRows);
  if (!import.ok()) {
    const auto& e = import.error();
    FUZZ_CHECK(e.field == "file", "error field is not \"file\"");
    FUZZ_CHECK(e.message.starts_with("file: "), "error message does not start with \"file: \"");
    FUZZ_CHECK(e.code == Code::kInvalidArgument || e.code == Code::kTooLarge,
               "unexpected error code");
    return 0;
  }
  FUZZ_CHECK(IsUtf8(csv), "accepted input that is not UTF-8");
  FUZZ_CHECK(import->rows >= 0 && static_cast<size_t>(import->rows) <= kMaxRows,
             "rows out of range");
  long joins = 0;
  for (const auto& a : import->attendees) {
    FUZZ_CHECK(!a.name.empty(), "attendee without a name");
    FUZZ_CHECK(IsUtf8(a.name) && IsUtf8(a.email), "attendee name or e-mail not UTF-8");
    FUZZ_CHECK(a.name.front() != ' ' && a.name.back() != ' ', "name not trimmed");
    FUZZ_CHECK(a.name.find("  ") == std::string_view::npos, "whitespace run not collapsed");
    FUZZ_CHECK(a.email.empty() || a.email.find('@') != std::string_view::npos,
               "e-mail without '@' kept");
    FUZZ_CHECK(a.joins >= 1, "attendee without a session");
    FUZZ_CHECK(a.minutes >= 0, "negative minutes");
    joins += a.joins;
  }
  FUZZ_CHECK(joins <= import->rows, "more sessions merged than rows read");
  return 0;
}

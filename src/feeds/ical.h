// iCalendar files (RFC 5545): events with their time zones (VTIMEZONE from ICU's tz data),
// TEXT values escaped and content lines folded at 75 octets without splitting a character.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"

namespace plenary::feeds {

struct CalEvent {
  std::string uid;          // globally unique and stable: "meeting-12@host"
  std::string summary;
  std::string description;  // may be empty
  std::string url;          // absolute; may be empty
  std::string location;     // may be empty
  std::string category;     // "meeting" | "deadline"
  // Either a whole-day event (start_date..end_date inclusive) or a timed one starting at
  // start_date start_time, civil time in `zone` (IANA).
  bool all_day = true;
  std::string start_date, end_date;  // YYYY-MM-DD
  std::string start_time;            // HH:MM or HH:MM:SS (timed events)
  // Timed events: the civil end (DTEND, same zone) on end_date; empty writes no DTEND (the
  // event ends when it starts, RFC 5545 3.6.1: a deadline).
  std::string end_time;
  std::string zone;                  // timed events
};

struct Calendar {
  std::string name;  // X-WR-CALNAME
  std::string lang;
  Instant stamp = 0;  // DTSTAMP of every event: when the file was generated
  std::vector<CalEvent> events;
};

// The whole VCALENDAR with CRLF line ends. Each zone a timed event uses gets one VTIMEZONE
// covering the events' dates. An unknown zone is written as UTC (the use cases validate zones).
std::string WriteCalendar(const Calendar& cal);

// RFC 5545 3.3.11: backslash, semicolon, comma and newlines escaped.
std::string EscapeText(std::string_view text);
// RFC 5545 3.1: one content line (no CR LF inside) folded into lines of at most 75 octets,
// each continuation starting with a space, never inside a UTF-8 sequence; ends with CR LF.
std::string FoldLine(std::string_view line);

// Civil date and time of an instant in `zone`: {"2022-03-01", "13:00:00"}.
struct Civil {
  std::string date, time;
};
Civil CivilTime(Instant t, const std::string& zone);

}  // namespace plenary::feeds

// Line folding, text escaping and civil times of the iCalendar writer.
#include "feeds/ical.h"

#include <gtest/gtest.h>

namespace plenary::feeds {
namespace {

TEST(ICal, EscapesTextValues) {
  EXPECT_EQ(EscapeText("a;b,c\\d\ne\r\nf"), "a\\;b\\,c\\\\d\\ne\\nf");
  EXPECT_EQ(EscapeText(std::string("bell\x07!")), "bell!");
}

TEST(ICal, FoldsAt75OctetsWithoutSplittingCharacters) {
  std::string line = "SUMMARY:" + std::string(200, 'x');
  std::string folded = FoldLine(line);
  std::string unfolded;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    std::string part = folded.substr(start, end - start);
    EXPECT_LE(part.size(), 75u);
    if (start > 0) {
      ASSERT_EQ(part[0], ' ');
      part = part.substr(1);
    }
    unfolded += part;
    start = end + 2;
  }
  EXPECT_EQ(unfolded, line);

  // Three-octet characters: no fold may fall inside one.
  std::string cjk = "SUMMARY:";
  for (int i = 0; i < 60; ++i) cjk += "会";
  std::string f = FoldLine(cjk);
  std::size_t pos = 0;
  while ((pos = f.find("\r\n ", pos)) != std::string::npos) {
    unsigned char next = static_cast<unsigned char>(f[pos + 3]);
    EXPECT_NE(next & 0xC0, 0x80) << "fold inside a character at " << pos;
    pos += 3;
  }
  EXPECT_EQ(FoldLine("SHORT:1"), "SHORT:1\r\n");
}

TEST(ICal, CivilTimeFollowsTheZone) {
  // 2022-03-01T12:00:00Z is 13:00 in Zurich (winter) and 21:00 in Tokyo.
  Instant t = 1646136000;
  EXPECT_EQ(CivilTime(t, "Europe/Zurich").time, "13:00:00");
  EXPECT_EQ(CivilTime(t, "Asia/Tokyo").time, "21:00:00");
  EXPECT_EQ(CivilTime(t, "Asia/Tokyo").date, "2022-03-01");
  // 2022-07-01T12:00:00Z: summer time in Zurich.
  EXPECT_EQ(CivilTime(1656676800, "Europe/Zurich").time, "14:00:00");
}

TEST(ICal, TimedEventsCarryTheirZone) {
  Calendar cal;
  cal.name = "Test";
  cal.stamp = 1646136000;
  CalEvent e;
  e.uid = "u1@example.org";
  e.summary = "Meeting";
  e.all_day = false;
  e.start_date = "2022-03-01";
  e.start_time = "13:00";
  e.zone = "Europe/Zurich";
  cal.events.push_back(e);
  std::string out = WriteCalendar(cal);
  EXPECT_NE(out.find("BEGIN:VTIMEZONE\r\nTZID:Europe/Zurich\r\n"), std::string::npos) << out;
  EXPECT_NE(out.find("DTSTART;TZID=Europe/Zurich:20220301T130000\r\n"), std::string::npos);
  EXPECT_NE(out.find("DTSTAMP:20220301T120000Z\r\n"), std::string::npos);
  EXPECT_EQ(out.find("DTEND"), std::string::npos) << "no end given, none written";
  cal.events[0].end_date = "2022-03-02";
  cal.events[0].end_time = "16:00:00";
  out = WriteCalendar(cal);
  EXPECT_NE(out.find("DTSTART;TZID=Europe/Zurich:20220301T130000\r\n"
                     "DTEND;TZID=Europe/Zurich:20220302T160000\r\n"),
            std::string::npos)
      << out;
  CalEvent day;
  day.uid = "u2@example.org";
  day.summary = "Two days";
  day.start_date = "2022-12-31";
  day.end_date = "2023-01-01";
  cal.events = {day};
  out = WriteCalendar(cal);
  EXPECT_NE(out.find("DTSTART;VALUE=DATE:20221231\r\nDTEND;VALUE=DATE:20230102\r\n"),
            std::string::npos) << out;
  EXPECT_EQ(out.find("VTIMEZONE"), std::string::npos);
}

}  // namespace
}  // namespace plenary::feeds

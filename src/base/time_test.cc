// FormatLocalIso: a form's datetime-local value reads back (ParseIso) as the same instant.
#include "base/time.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

TEST(FormatLocalIso, CivilTimeOfTheZoneInSummerAndWinter) {
  // 2027-07-01T10:00Z is noon in Zurich (UTC+2), 2027-01-15T10:00Z is 11:00 (UTC+1).
  EXPECT_EQ(FormatLocalIso(*ParseIso("2027-07-01T10:00Z"), "Europe/Zurich"), "2027-07-01T12:00");
  EXPECT_EQ(FormatLocalIso(*ParseIso("2027-01-15T10:00Z"), "Europe/Zurich"), "2027-01-15T11:00");
  EXPECT_EQ(FormatLocalIso(*ParseIso("2027-01-15T23:30Z"), "Asia/Shanghai"), "2027-01-16T07:30");
}

TEST(FormatLocalIso, KeepsSecondsOnlyWhenThereAreSome) {
  EXPECT_EQ(FormatLocalIso(*ParseIso("2027-03-31T21:59:30Z"), "UTC"), "2027-03-31T21:59:30");
}

TEST(FormatLocalIso, ParsesBackToTheSameInstant) {
  for (const char* zone : {"Europe/Zurich", "America/New_York", "Asia/Kolkata", "UTC"})
    for (Instant t : {Instant{1800000000}, Instant{1815000017}, Instant{1830000000}})
      EXPECT_EQ(ParseIso(FormatLocalIso(t, zone), zone), t) << zone << " " << t;
}

// A fixed offset is read without ICU: the same instant as ICU's calendar gives for the civil
// time in UTC, on every date of the years accepted (leap days and centuries included).
TEST(ParseIso, AFixedOffsetGivesTheInstantOfTheCalendar) {
  for (Instant t = ParseIso("1900-01-01T00:00", "UTC").value(); t < Instant{32503680000};
       t += 86400 * 29 + 3661) {
    const std::string civil = FormatLocalIso(t, "UTC");
    ASSERT_EQ(ParseIso(civil + "Z"), ParseIso(civil, "UTC")) << civil;
    EXPECT_EQ(ParseIso(civil + "+05:30"), *ParseIso(civil, "UTC") - 19800) << civil;
    EXPECT_EQ(ParseIso(civil + "-03:00"), *ParseIso(civil, "UTC") + 10800) << civil;
  }
  EXPECT_EQ(ParseIso("2000-02-29T12:00Z"), Instant{951825600});
  EXPECT_EQ(ParseIso("1970-01-01T00:00:01Z"), Instant{1});
  EXPECT_FALSE(ParseIso("2100-02-29T12:00Z"));
  EXPECT_FALSE(ParseIso("2027-01-01T12:00+15:00"));
}

}  // namespace
}  // namespace plenary

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

}  // namespace
}  // namespace plenary

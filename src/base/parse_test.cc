// Unit tests of the strict integer parsing of request input.
#include "base/parse.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

TEST(ParseIntTest, AcceptsOnlyTheWholeTextAsDigits) {
  EXPECT_EQ(ParseInt("0"), 0);
  EXPECT_EQ(ParseInt("42"), 42);
  EXPECT_EQ(ParseInt("007"), 7);
  EXPECT_EQ(ParseInt("999999999999999999"), 999999999999999999);
  for (const char* bad : {"", "3abc", "abc", " 3", "3 ", "+3", "-3", "3.0", "0x10", "1e3",
                          "3\r\n", "9999999999999999999"})
    EXPECT_EQ(ParseInt(bad), std::nullopt) << bad;
}

TEST(ParseIntTest, FieldErrorsNameTheFieldAndTheRange) {
  auto ok = ParseIntField("page", "3", 1, 500);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 3);
  for (const char* bad : {"3abc", "0", "501", ""}) {
    auto r = ParseIntField("page", bad, 1, 500);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, Code::kInvalidArgument);
    EXPECT_EQ(r.error().field, "page");
    EXPECT_EQ(r.error().message, "page: must be a whole number from 1 to 500");
  }
}

}  // namespace
}  // namespace plenary

// Tests of the CSV cells: RFC 4180 quoting and the neutralised formulas.
#include "base/csv.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

TEST(CsvField, PlainTextIsUnchanged) {
  EXPECT_EQ(CsvField("civil_society"), "civil_society");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a-b=c"), "a-b=c");  // only the first character matters
}

TEST(CsvField, QuotesCommasQuotesAndLineBreaks) {
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
}

TEST(CsvField, FormulasBecomeText) {
  EXPECT_EQ(CsvField("=1+1"), "'=1+1");
  EXPECT_EQ(CsvField("+41 22 730 5111"), "'+41 22 730 5111");
  EXPECT_EQ(CsvField("-2+3"), "'-2+3");
  EXPECT_EQ(CsvField("@SUM(A1:A9)"), "'@SUM(A1:A9)");
  EXPECT_EQ(CsvField("\tx"), "'\tx");
  EXPECT_EQ(CsvField("\r=x"), "\"'\r=x\"");
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\",\"a\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\"");
}

}  // namespace
}  // namespace plenary

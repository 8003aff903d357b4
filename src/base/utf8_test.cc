// Tests of the strict UTF-8 validator and the control-character rule.
#include "base/utf8.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

constexpr auto npos = std::string_view::npos;

TEST(Utf8, AcceptsWellFormedTextInEveryLength) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ASCII"));
  EXPECT_TRUE(IsValidUtf8("\xC2\x80"));              // U+0080, smallest 2-byte
  EXPECT_TRUE(IsValidUtf8("\xDF\xBF"));              // U+07FF
  EXPECT_TRUE(IsValidUtf8("\xE0\xA0\x80"));          // U+0800, smallest 3-byte
  EXPECT_TRUE(IsValidUtf8("\xED\x9F\xBF"));          // U+D7FF, just below the surrogates
  EXPECT_TRUE(IsValidUtf8("\xEE\x80\x80"));          // U+E000, just above them
  EXPECT_TRUE(IsValidUtf8("\xF0\x90\x80\x80"));      // U+10000, smallest 4-byte
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF, the last code point
  EXPECT_TRUE(IsValidUtf8("مجلس 理事会 Совет"));
}

TEST(Utf8, RefusesOverlongForms) {
  EXPECT_EQ(FindInvalidUtf8("a\xC0\xAF"), 1u);          // '/' in two bytes
  EXPECT_EQ(FindInvalidUtf8("\xC1\xBF"), 0u);
  EXPECT_EQ(FindInvalidUtf8("ab\xE0\x80\xAF"), 2u);     // '/' in three bytes
  EXPECT_EQ(FindInvalidUtf8("\xE0\x9F\xBF"), 0u);       // U+07FF in three bytes
  EXPECT_EQ(FindInvalidUtf8("\xF0\x80\x80\xAF"), 0u);   // '/' in four bytes
  EXPECT_EQ(FindInvalidUtf8("\xF0\x8F\xBF\xBF"), 0u);   // U+FFFF in four bytes
}

TEST(Utf8, RefusesSurrogates) {
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);  // U+D800
  EXPECT_EQ(FindInvalidUtf8("\xED\xBF\xBF"), 0u);   // U+DFFF
  // A CESU-8 pair (U+1F600 as two encoded surrogates).
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\xBD\xED\xB8\x80"), 0u);
}

TEST(Utf8, RefusesLeadBytesBeyondTheLastCodePoint) {
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // U+110000
  EXPECT_EQ(FindInvalidUtf8("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xF6\x80\x80\x80"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xF7\xBF\xBF\xBF"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xF8\x88\x80\x80\x80"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xFE"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xFF"), 0u);
}

TEST(Utf8, RefusesTruncatedAndStraySequences) {
  EXPECT_EQ(FindInvalidUtf8("abc\xC3"), 3u);            // cut at the end
  EXPECT_EQ(FindInvalidUtf8("\xE2\x82"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xF0\x9F\x98"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xE2\x82x"), 0u);          // cut by an ASCII byte
  EXPECT_EQ(FindInvalidUtf8("ok\x80"), 2u);             // lone continuation byte
  EXPECT_EQ(FindInvalidUtf8("\xC3\xA9\xA9"), 2u);       // one continuation too many
}

TEST(Utf8, FindsControlCharactersButNotTabOrLineBreaks) {
  EXPECT_EQ(FindControlChar("line one\r\nline two\tend"), npos);
  EXPECT_EQ(FindControlChar(std::string_view("a\0b", 3)), 1u);
  EXPECT_EQ(FindControlChar("x\x01y\x02"), 1u);
  EXPECT_EQ(FindControlChar("\x1B[31m"), 0u);
  EXPECT_EQ(FindControlChar("del\x7F"), 3u);
  EXPECT_EQ(FindControlChar("c1 \xC2\x85"), 3u);        // U+0085 NEL
  EXPECT_EQ(FindControlChar("\xC2\xA0\xC2\xA9"), npos);  // NBSP and © are text
}

TEST(Utf8, CheckTextNamesTheFirstFault) {
  EXPECT_FALSE(CheckText("Réponse du Conseil\n").has_value());
  auto f = CheckText("ab\x01\xFF");
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->at, 2u);
  EXPECT_EQ(f->rule, "control character U+0001");
  f = CheckText("ab\xFF\x01");
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->at, 2u);
  EXPECT_EQ(f->rule, "not valid UTF-8");
  f = CheckText("\xC2\x9B");
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->rule, "control character U+009B");
}

}  // namespace
}  // namespace plenary

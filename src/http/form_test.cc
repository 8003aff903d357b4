// Tests for application/x-www-form-urlencoded parsing and UrlEncode.
#include "http/form.h"

#include <gtest/gtest.h>

#include <string>

namespace plenary::http {
namespace {

TEST(Form, DecodesPlusAndPercentEscapes) {
  auto form = Form::Parse("title=Draft+resolution%3A+oceans&body=50%25+%26+more");
  ASSERT_TRUE(form.ok()) << form.error().message;
  EXPECT_EQ(form->Get("title"), "Draft resolution: oceans");
  EXPECT_EQ(form->Get("body"), "50% & more");
}

TEST(Form, DecodesLowerCaseHexAndEncodedNames) {
  auto form = Form::Parse("a%5bb%5D=%c3%a9");
  ASSERT_TRUE(form.ok()) << form.error().message;
  EXPECT_EQ(form->Get("a[b]"), "\xC3\xA9");
}

TEST(Form, KeepsFieldsInOrderIncludingRepeats) {
  auto form = Form::Parse("tag=a&x=1&tag=b&tag=c");
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->GetAll("tag"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(form->Get("tag"), "a");
  ASSERT_EQ(form->fields().size(), 4u);
  EXPECT_EQ(form->fields()[1], (std::pair<std::string, std::string>{"x", "1"}));
}

TEST(Form, FieldWithoutEqualsHasEmptyValue) {
  auto form = Form::Parse("flag&empty=&=anonymous");
  ASSERT_TRUE(form.ok());
  EXPECT_TRUE(form->Has("flag"));
  EXPECT_EQ(form->Get("flag"), "");
  EXPECT_EQ(form->Get("empty"), "");
  EXPECT_EQ(form->Get(""), "anonymous");
}

TEST(Form, ValueMayContainEquals) {
  auto form = Form::Parse("token=abc==&q=a=b");
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->Get("token"), "abc==");
  EXPECT_EQ(form->Get("q"), "a=b");
}

TEST(Form, SkipsEmptySegments) {
  auto form = Form::Parse("&&a=1&&b=2&");
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->fields().size(), 2u);
}

TEST(Form, EmptyInputIsEmptyForm) {
  auto form = Form::Parse("");
  ASSERT_TRUE(form.ok());
  EXPECT_TRUE(form->fields().empty());
  EXPECT_FALSE(form->Has("a"));
  EXPECT_EQ(form->Get("a"), std::nullopt);
  EXPECT_TRUE(form->GetAll("a").empty());
}

TEST(Form, KeepsMultilineTextareaValues) {
  auto form = Form::Parse("comment=line+one%0D%0Aline%09two");
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->Get("comment"), "line one\r\nline\ttwo");
}

TEST(Form, RejectsMalformedPercentEncodingWithOffset) {
  auto form = Form::Parse("name=Ana&comment=%G1");
  ASSERT_FALSE(form.ok());
  EXPECT_EQ(form.error().code, Code::kInvalidArgument);
  EXPECT_EQ(form.error().field, "body");
  EXPECT_EQ(form.error().message, "body: malformed percent-encoding at byte 17");
}

TEST(Form, RejectsTruncatedPercentEscapeAtEnd) {
  for (const char* body : {"a=%", "a=%4", "a%=1", "a=1%2"}) {
    auto form = Form::Parse(body);
    ASSERT_FALSE(form.ok()) << body;
    EXPECT_NE(form.error().message.find("malformed percent-encoding"), std::string::npos);
  }
}

TEST(Form, RejectsInvalidUtf8) {
  auto form = Form::Parse("ok=1&comment=caf%E9");
  ASSERT_FALSE(form.ok());
  EXPECT_EQ(form.error().field, "comment");
  EXPECT_EQ(form.error().message, "comment: not valid UTF-8 at byte 16 of the body");
}

TEST(Form, RejectsRawInvalidUtf8Bytes) {
  auto form = Form::Parse(std::string("x\xFF=1"));
  ASSERT_FALSE(form.ok());
  EXPECT_EQ(form.error().field, "body");
  EXPECT_EQ(form.error().message, "body: not valid UTF-8 in a field name at byte 1");
}

TEST(Form, RejectsOverlongAndSurrogateUtf8) {
  EXPECT_FALSE(Form::Parse("a=%C0%AF").ok());                // overlong '/'
  EXPECT_FALSE(Form::Parse("a=%ED%A0%80").ok());             // UTF-16 surrogate
  EXPECT_FALSE(Form::Parse("a=%F4%90%80%80").ok());          // beyond U+10FFFF
  EXPECT_FALSE(Form::Parse("a=%E2%82").ok());                // truncated sequence
  EXPECT_TRUE(Form::Parse("a=%F0%9F%8C%8D%E2%82%AC").ok());  // 🌍€
}

TEST(Form, RejectsNulCharacter) {
  auto form = Form::Parse("a=x%00y");
  ASSERT_FALSE(form.ok());
  EXPECT_EQ(form.error().message, "a: control character U+0000 at byte 3 of the body");
}

// Control characters other than tab and line breaks are refused like NUL, naming the field.
TEST(Form, RejectsControlCharactersNamingTheField) {
  for (const char* body : {"comment=a%01b", "comment=%1B%5B31m", "comment=x%7F", "comment=%C2%85",
                           "comment=a%02b", "comment=\x01"}) {
    std::string raw(body);
    auto form = Form::Parse(raw);
    ASSERT_FALSE(form.ok()) << raw;
    EXPECT_EQ(form.error().code, Code::kInvalidArgument);
    EXPECT_EQ(form.error().field, "comment") << raw;
  }
  auto form = Form::Parse("ok=1&comment=a%01b");
  ASSERT_FALSE(form.ok());
  EXPECT_EQ(form.error().message, "comment: control character U+0001 at byte 14 of the body");
  auto name = Form::Parse("a%01=1");
  ASSERT_FALSE(name.ok());
  EXPECT_EQ(name.error().message, "body: control character U+0001 in a field name at byte 1");
  auto query = Form::Parse("q=%1B", "query");
  ASSERT_FALSE(query.ok());
  EXPECT_EQ(query.error().message, "q: control character U+001B at byte 2 of the query");
  auto text = Form::Parse("comment=line+one%0D%0Aline%09two%0A");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->Get("comment"), "line one\r\nline\ttwo\n");
}

TEST(Form, NamesTheQueryFieldWhenAsked) {
  auto form = Form::Parse("page=%zz", "query");
  ASSERT_FALSE(form.ok());
  EXPECT_EQ(form.error().field, "query");
  EXPECT_EQ(form.error().message, "query: malformed percent-encoding at byte 5");
}

TEST(Form, RejectsTooManyFields) {
  std::string body;
  for (size_t i = 0; i <= Form::kMaxFields; ++i) body += "a=1&";
  auto form = Form::Parse(body);
  ASSERT_FALSE(form.ok());
  EXPECT_EQ(form.error().code, Code::kTooLarge);
  EXPECT_EQ(form.error().message, "body: at most 10000 fields");
}

TEST(Form, AddAppendsField) {
  Form form;
  form.Add("lang", "fr");
  form.Add("lang", "es");
  EXPECT_EQ(form.Get("lang"), "fr");
  EXPECT_EQ(form.GetAll("lang").size(), 2u);
}

TEST(UrlEncode, KeepsUnreservedAndEscapesTheRest) {
  EXPECT_EQ(UrlEncode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(UrlEncode("a b&c=d/e?f#g+h%"), "a%20b%26c%3Dd%2Fe%3Ff%23g%2Bh%25");
  EXPECT_EQ(UrlEncode("\xC3\xA9"), "%C3%A9");
  EXPECT_EQ(UrlEncode(""), "");
}

TEST(UrlEncode, RoundTripsThroughParse) {
  const std::string value = "Résolution 2/3: \"oceans\" & seas + 100% 🌍";
  auto form = Form::Parse("k=" + UrlEncode(value));
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->Get("k"), value);
}

}  // namespace
}  // namespace plenary::http

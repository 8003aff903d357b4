// Tests of reading request bodies: one rule for text in JSON, forms and multipart fields.
#include <gtest/gtest.h>

#include "site/site.h"

namespace plenary::site {
namespace {

http::Request JsonRequest(std::string body) {
  http::Request req;
  req.method = "POST";
  req.path = "/api/v1/test";
  req.headers["content-type"] = "application/json";
  req.body = std::move(body);
  return req;
}

Error Refusal(const http::Request& req) {
  auto in = ReadInput(req);
  EXPECT_FALSE(in.ok()) << req.body;
  return in.ok() ? Error{Code::kInternal, "accepted", {}} : in.error();
}

TEST(ReadInput, RefusesControlCharactersInJsonStringsNamingTheField) {
  Error e = Refusal(JsonRequest(R"({"name":"Amina\u0000Diallo"})"));
  EXPECT_EQ(e.code, Code::kInvalidArgument);
  EXPECT_EQ(e.field, "name");
  EXPECT_EQ(e.message, "name: control character U+0000 at byte 5");
  // The markers of search snippets must not come from input.
  e = Refusal(JsonRequest(R"({"answers":{"1":"ok","2":"x\u0001marked\u0002"}})"));
  EXPECT_EQ(e.field, "answers.2");
  EXPECT_EQ(e.message, "answers.2: control character U+0001 at byte 1");
  e = Refusal(JsonRequest(R"({"items":["fine","\u001b[31m"]})"));
  EXPECT_EQ(e.field, "items[1]");
  e = Refusal(JsonRequest(R"({"title":{"fr":"del\u007f"}})"));
  EXPECT_EQ(e.field, "title.fr");
  e = Refusal(JsonRequest(R"({"general":"c1\u0085"})"));
  EXPECT_EQ(e.field, "general");
  e = Refusal(JsonRequest(R"({"":"\u0003"})"));
  EXPECT_EQ(e.field, "body");
  e = Refusal(JsonRequest(R"({"bad\u0001key":"x"})"));
  EXPECT_EQ(e.field, "body");
  EXPECT_EQ(e.message, "body: control character U+0001 in a member name");
}

TEST(ReadInput, AcceptsTabsAndLineBreaksInJson) {
  auto in = ReadInput(JsonRequest(R"({"general":"one\r\ntwo\tthree\n","n":[1,true,null]})"));
  ASSERT_TRUE(in.ok()) << in.error().message;
  ASSERT_TRUE(in->json.has_value());
  EXPECT_EQ(in->json->at("general").as_string(), "one\r\ntwo\tthree\n");
}

TEST(ReadInput, RefusesControlCharactersInForms) {
  http::Request req;
  req.method = "POST";
  req.headers["content-type"] = "application/x-www-form-urlencoded";
  req.body = "name=ok&comment=a%01b";
  auto in = ReadInput(req);
  ASSERT_FALSE(in.ok());
  EXPECT_EQ(in.error().field, "comment");
}

}  // namespace
}  // namespace plenary::site

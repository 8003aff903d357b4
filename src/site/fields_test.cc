// Tests of the input checks shared by the capabilities.
#include "site/fields.h"

#include <gtest/gtest.h>

namespace plenary::site {
namespace {

namespace json = boost::json;

// The multilingual fields every capability stores use the one strict UTF-8 rule.
TEST(Multilingual, RefusesIllFormedUtf8InEveryForm) {
  const char* bad[] = {
      "\xC0\xAF",              // overlong '/'
      "\xE0\x80\xAF",          // overlong '/' in three bytes
      "\xED\xA0\x80",          // surrogate U+D800
      "\xF5\x80\x80\x80",      // lead byte beyond U+10FFFF
      "\xF7\xBF\xBF\xBF",
      "\xF4\x90\x80\x80",      // U+110000
      "caf\xC3",               // truncated
  };
  for (const char* text : bad) {
    json::object v{{"fr", std::string("Titre ") + text}};
    auto r = Multilingual(v, "title", true);
    ASSERT_FALSE(r.ok()) << "accepted " << json::serialize(v);
    EXPECT_EQ(r.error().field, "title.fr");
    EXPECT_EQ(r.error().message, "title.fr: not valid UTF-8");
  }
  auto ok = Multilingual(json::object{{"zh", "理事会"}, {"ar", "المجلس"}}, "title", true);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->as_object().size(), 2u);
}

}  // namespace
}  // namespace plenary::site

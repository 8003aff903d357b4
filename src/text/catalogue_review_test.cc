// The catalogue review of December 2026, row by row: testdata/catalogue_review/decisions.json
// records for each of its 97 problems whether it was applied as proposed, applied differently or
// not applied, with the pattern the catalogue must hold. A catalogue edit that undoes a row, or a
// row marked applied whose text is not in the catalogue, fails here.
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "testing/testdata.h"
#include "text/messages.h"

namespace plenary::text {
namespace {

namespace json = boost::json;

json::array Rows() {
  const std::string raw =
      testdata::ReadFile(testdata::TestDataDir() / "catalogue_review" / "decisions.json");
  boost::system::error_code ec;
  json::value v = json::parse(raw, ec);
  EXPECT_FALSE(ec) << "decisions.json: " << ec.message();
  if (ec || !v.is_object()) return {};
  return v.at("rows").as_array();
}

std::string Str(const json::object& o, const char* field) {
  const json::value* v = o.if_contains(field);
  return v && v->is_string() ? std::string(v->as_string()) : "";
}

// The review counts 97 problems: French 28, Spanish 24, Russian 15, Chinese 16, Arabic 14.
TEST(CatalogueReview, EveryProblemOfTheReviewHasADecision) {
  const json::array rows = Rows();
  std::map<std::string, int> per_lang;
  std::set<std::string> seen;
  for (const auto& r : rows) {
    const json::object& o = r.as_object();
    ++per_lang[Str(o, "lang")];
    EXPECT_TRUE(seen.insert(Str(o, "lang") + " " + Str(o, "key")).second)
        << "twice: " << Str(o, "lang") << " " << Str(o, "key");
    const std::string decision = Str(o, "decision");
    EXPECT_TRUE(decision == "applied" || decision == "applied differently" ||
                decision == "not applied")
        << Str(o, "key") << ": " << decision;
    // A departure from the review always says why.
    if (decision != "applied" || o.contains("cross_cutting"))
      EXPECT_GT(Str(o, "reason").size(), 20u) << Str(o, "lang") << " " << Str(o, "key");
  }
  EXPECT_EQ(rows.size(), 97u);
  EXPECT_EQ(per_lang, (std::map<std::string, int>{
                          {"fr", 28}, {"es", 24}, {"ru", 15}, {"zh", 16}, {"ar", 14}}));
}

TEST(CatalogueReview, TheCatalogueHoldsWhatEachDecisionSays) {
  int checked = 0;
  for (const auto& r : Rows()) {
    const json::object& o = r.as_object();
    if (o.contains("cross_cutting")) continue;  // checked by the CatalogueLint rules
    const std::string lang = Str(o, "lang"), decision = Str(o, "decision");
    const auto& catalogue = Catalogue::Get().All(lang);
    // One row of the review may cover several keys (zh report_from_*).
    std::map<std::string, std::string> expected;
    if (o.at("expected").is_object()) {
      for (const auto& [k, v] : o.at("expected").as_object())
        expected[std::string(k)] = std::string(v.as_string());
      EXPECT_GE(expected.size(), 2u) << Str(o, "key");
    } else {
      expected[Str(o, "key")] = Str(o, "expected");
    }
    for (const auto& [key, text] : expected) {
      auto it = catalogue.find(key);
      ASSERT_NE(it, catalogue.end()) << lang << " has no key " << key;
      EXPECT_EQ(it->second, text) << lang << " " << key << " (" << decision << ")";
      ++checked;
    }
    // Applied differently: the review's complaint was about its "current" text, which must be
    // gone; applied as proposed means the review's own text, recorded as `expected`.
    if (decision == "applied differently")
      EXPECT_NE(catalogue.at(Str(o, "key")), Str(o, "review_current")) << lang << " " << Str(o, "key");
  }
  EXPECT_GE(checked, 97);
}

}  // namespace
}  // namespace plenary::text

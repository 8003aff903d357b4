// The Chair's report: parsing of the meetings parameter, splitting of the terms of reference,
// the report generated from the demo corpus in the six languages, and the officers use case.
#include "reports/chair_report.h"

#include <gtest/gtest.h>

#include "demo/demo_fixture.h"
#include "reports/officers.h"
#include "text/messages.h"

namespace plenary::reports {
namespace {

namespace json = boost::json;

TEST(ParseMeetingNumbers, SortsAndDeduplicates) {
  auto r = ParseMeetingNumbers(" 17, 16,17 ");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, (std::vector<int>{16, 17}));
}

TEST(ParseMeetingNumbers, RefusesWhatIsNotANumberNamingTheField) {
  for (const char* bad : {"", "abc", "16,", "16,,17", "0", "-1", "1.5", "16;17", "9999999"}) {
    auto r = ParseMeetingNumbers(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, Code::kInvalidArgument) << bad;
    EXPECT_EQ(r.error().field, "meetings") << bad;
    EXPECT_TRUE(r.error().message.starts_with("meetings: ")) << r.error().message;
  }
}

TEST(ParseMeetingNumbers, RefusesMoreThanTwentyMeetings) {
  std::string many;
  for (int i = 1; i <= 21; ++i) many += (i > 1 ? "," : "") + std::to_string(i);
  EXPECT_FALSE(ParseMeetingNumbers(many).ok());
}

TEST(SplitParagraphs, NumbersParagraphsAndKeepsItemsWithTheirParagraph) {
  auto p = SplitParagraphs("First.\n\nSecond, as follows:\na)\tone;\nb) two.\n1.9\tThird.\n", "1");
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].number, "1.1");
  EXPECT_EQ(p[0].text, "First.");
  EXPECT_EQ(p[1].number, "1.2");
  EXPECT_EQ(p[1].items, (std::vector<std::string>{"a)\tone;", "b) two."}));
  EXPECT_EQ(p[2].number, "1.3");
  EXPECT_EQ(p[2].text, "Third.");  // the pasted old number is dropped
}

using ChairReportTest = demo::DemoDatabaseTest;

const Paragraph* Find(const ChairReport& r, const std::string& number) {
  for (const auto& s : r.sections)
    for (const auto& p : s.paragraphs) {
      if (p.number == number) return &p;
      for (const auto& sp : p.sub)
        if (sp.number == number) return &sp;
    }
  return nullptr;
}

TEST_F(ChairReportTest, ChineseReportHasTheShapeOfC22_51) {
  auto r = BuildChairReport(*db_, "cwg-internet", "16,17", "zh");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->title, "理事会国际互联网相关公共政策问题工作组（CWG-Internet）主席的报告");
  EXPECT_NE(r->summary.find("第十六次和第十七次会议"), std::string::npos) << r->summary;
  EXPECT_NE(r->summary.find("第102号决议（2018年，迪拜，修订版）"), std::string::npos) << r->summary;
  EXPECT_EQ(r->action_required, "请理事会将本报告记录在案。");
  ASSERT_EQ(r->references.size(), 4u);
  ASSERT_EQ(r->sections.size(), 3u);
  EXPECT_EQ(r->sections[0].paragraphs.size(), 4u);  // 1.1–1.4 of the seed
  EXPECT_EQ(r->sections[0].paragraphs[1].items.size(), 3u);
  ASSERT_NE(Find(*r, "2.4"), nullptr);
  EXPECT_NE(Find(*r, "2.4")->text.find("收到5份文稿"), std::string::npos);
  EXPECT_NE(Find(*r, "2.4")->text.find("17份回复"), std::string::npos);
  EXPECT_NE(Find(*r, "2.6")->text.find("收到3份文稿"), std::string::npos);
  EXPECT_NE(Find(*r, "2.6")->text.find("111名注册与会者"), std::string::npos);
  for (const char* n : {"2.5.1", "2.5.2", "2.5.3", "2.7.1", "2.7.2", "2.7.3"})
    EXPECT_NE(Find(*r, n), nullptr) << n;
  EXPECT_EQ(Find(*r, "2.8"), nullptr);
  EXPECT_EQ(r->signature, "主席：Majed M. Al-Mazyed");
  EXPECT_NE(r->member_state_line.find("沙特阿拉伯"), std::string::npos);
}

TEST_F(ChairReportTest, EveryLanguageRendersWithoutMissingMessages) {
  for (const auto& lang : text::Languages()) {
    auto r = BuildChairReport(*db_, "cwg-internet", "16,17", lang);
    ASSERT_TRUE(r.ok()) << lang;
    std::string all = r->title + r->summary + r->action_required;
    for (const auto& s : r->sections) {
      all += s.heading;
      for (const auto& p : s.paragraphs) {
        all += p.text;
        for (const auto& sp : p.sub) all += sp.text;
      }
    }
    EXPECT_EQ(all.find("[chair_report"), std::string::npos) << lang;
    EXPECT_EQ(all.find_first_of("{}"), std::string::npos) << lang;
    // Stored texts absent in a language fall back, marked: French terms of reference are English.
    if (lang == "fr") {
      EXPECT_TRUE(r->sections[0].paragraphs[0].fallback);
      EXPECT_EQ(r->sections[0].paragraphs[0].lang, "en");
    }
  }
  auto en = BuildChairReport(*db_, "cwg-internet", "16", "en");
  ASSERT_TRUE(en.ok());
  EXPECT_NE(en->summary.find("16th meeting of"), std::string::npos) << en->summary;
  EXPECT_NE(Find(*en, "2.1")->text.find("was held virtually on 23 September 2021."),
            std::string::npos)
      << Find(*en, "2.1")->text;
}

TEST_F(ChairReportTest, UnknownMeetingIsNotFoundNamingTheField) {
  auto r = BuildChairReport(*db_, "cwg-internet", "16,99", "en");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Code::kNotFound);
  EXPECT_EQ(r.error().field, "meetings");
  EXPECT_EQ(BuildChairReport(*db_, "nope", "16", "en").error().code, Code::kNotFound);
  EXPECT_EQ(BuildChairReport(*db_, "cwg-internet", "16", "xx").error().field, "lang");
}

TEST_F(ChairReportTest, UpdateOfficersValidatesEverythingAndChangesNothingOnError) {
  auto before = GetBodyRecord(*db_, "cwg-internet");
  ASSERT_TRUE(before.ok());
  const std::vector<std::pair<std::string, std::string>> bad = {
      {R"({"chair": {"name": ""}})", "chair.name"},
      {R"({"chair": {"name": "A", "member_state": "XX"}})", "chair.member_state"},
      {R"({"chair": {"name": "A", "rank": 1}})", "chair.rank"},
      {R"({"vice_chairs": [{"name": "A"}, 3]})", "vice_chairs[1]"},
      {R"({"terms_of_reference": {"xx": "t"}})", "terms_of_reference"},
      {R"({"references": [{"instrument": "pp", "number": 99999}]})", "references[0]"},
      {R"({"references": [{"instrument": "un", "number": 1}]})", "references[0].instrument"},
      {R"({"references": [{"instrument": "pp", "number": 102}, {"instrument": "pp", "number": 102}]})",
       "references[1]"},
      {R"({"chair": {"name": "Valid"}, "colour": "red"})", "colour"},
  };
  for (const auto& [body, field] : bad) {
    auto r = UpdateOfficers(*db_, demo::kDemoSecretariat, "cwg-internet",
                            json::parse(body).as_object());
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.error().field, field) << body << " → " << r.error().message;
  }
  EXPECT_EQ(json::serialize(BodyRecordJson(*GetBodyRecord(*db_, "cwg-internet"))),
            json::serialize(BodyRecordJson(*before)));

  auto ok = UpdateOfficers(*db_, demo::kDemoSecretariat, "cwg-internet",
                           json::parse(R"({"chair": {"name": "New Chair", "member_state": "KE"},
                                           "references": [{"instrument": "council", "number": 1336}]})")
                               .as_object());
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->chair->name, "New Chair");
  EXPECT_EQ(ok->citations.size(), 1u);
  EXPECT_FALSE(ok->terms_of_reference.as_object().empty());  // absent: kept as it was
  EXPECT_EQ(db_->Read()
                .QueryInt("SELECT count(*) FROM audit_log WHERE action = 'body.update_officers'")
                .value_or(0),
            1);
  auto r = BuildChairReport(*db_, "cwg-internet", "17", "en");
  EXPECT_EQ(r->signature, "Chair: New Chair");
  EXPECT_EQ(r->references.size(), 1u);
}

}  // namespace
}  // namespace plenary::reports

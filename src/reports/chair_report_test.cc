// The Chair's report: parsing of the meetings parameter, splitting of the terms of reference,
// the report generated from the demo corpus in the six languages, and the officers use case.
//
// What is stored and what is generated. The demo (src/demo/demo_corpus.json) stores the seed's
// own texts for the terms of reference (section 1) and for the actions (2.5.1 …); those are not
// tested here beyond where they are placed. Everything else is generated from the record: the
// title, the summary, the action required, the numbering of sections, paragraphs and
// sub-paragraphs, the meetings held (dates, mode), the approval and the distribution of the
// meetings' reports, the contributions received, the consultations considered (figures from
// consultations::ReportParagraph), the introduction of the actions, taking note, the thanks and
// the signature. Those are compared with expected strings written by hand: for Chinese derived
// from seed 001 (C22/51), for the other languages written for this test. A sentence whose
// facts are not on record must be absent: each is tested by removing the fact.
#include "reports/chair_report.h"

#include <gtest/gtest.h>

#include <map>

#include "consultations/sources.h"
#include "demo/demo_fixture.h"
#include "meetings/meetings.h"
#include "reports/meeting_report.h"
#include "reports/officers.h"
#include "reports/report_out.h"
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

// As app::BuildRouter sets it: the actions' consultation keys come from consultations.
class ChairReportTest : public demo::DemoDatabaseTest {
 protected:
  void SetUp() override {
    demo::DemoDatabaseTest::SetUp();
    meetings::SetConsultationKeys(consultations::KeyOf);
  }
  void TearDown() override {
    meetings::SetConsultationKeys(nullptr);
    demo::DemoDatabaseTest::TearDown();
  }
};

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
    // The demo's stored texts are in the six languages: the terms of reference in this one.
    EXPECT_FALSE(r->sections[0].paragraphs[0].fallback) << lang;
    EXPECT_EQ(r->sections[0].paragraphs[0].lang, lang);
  }
  // Stored texts absent in a language fall back, marked: without their French, the terms of
  // reference are shown in English.
  ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                   c.Exec("UPDATE bodies SET terms_of_reference = "
                          "json_remove(terms_of_reference, '$.fr') WHERE key = 'cwg-internet'");
                   return Ok{};
                 })
                  .ok());
  auto fr = BuildChairReport(*db_, "cwg-internet", "16,17", "fr");
  ASSERT_TRUE(fr.ok());
  EXPECT_TRUE(fr->sections[0].paragraphs[0].fallback);
  EXPECT_EQ(fr->sections[0].paragraphs[0].lang, "en");
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

// The texts of the paragraphs of a section, by number ("2.2" → text), sub-paragraphs included.
std::map<std::string, std::string> Texts(const ChairReport& r) {
  std::map<std::string, std::string> out;
  for (const auto& s : r.sections)
    for (const auto& p : s.paragraphs) {
      out[p.number] = p.text;
      for (const auto& sp : p.sub) out[sp.number] = sp.text;
    }
  return out;
}

std::vector<std::string> Numbers(const Section& s) {
  std::vector<std::string> out;
  for (const auto& p : s.paragraphs) {
    out.push_back(p.number);
    for (const auto& sp : p.sub) out.push_back(sp.number);
  }
  return out;
}

class ChairReportRecordTest : public ChairReportTest {
 protected:
  std::string Meeting(int number) {
    return std::to_string(*db_->Read().QueryInt(
        "SELECT id FROM meetings WHERE kind = 'working_group' AND number = ?", number));
  }
  void SetReport(int number, const char* patch) {
    auto r = UpdateMeetingReport(*db_, demo::kDemoSecretariat, Meeting(number),
                                 json::parse(patch).as_object());
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  void SetOfficers(const char* patch) {
    auto r = UpdateOfficers(*db_, demo::kDemoSecretariat, "cwg-internet",
                            json::parse(patch).as_object());
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  ChairReport Build(const std::string& lang, const char* meetings = "16,17") {
    auto r = BuildChairReport(*db_, "cwg-internet", meetings, lang);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : ChairReport{};
  }
};

// Chinese: the generated sentences against seed 001. Where the seed repeats "会议" after each
// ordinal ("第十六次会议和第十七次会议"), the report lists the ordinals ("第十六次和第十七次会议").
TEST_F(ChairReportRecordTest, ChineseGeneratedSentencesSayWhatSeed001Says) {
  auto r = Build("zh");
  EXPECT_EQ(r.title, "理事会国际互联网相关公共政策问题工作组（CWG-Internet）主席的报告");
  EXPECT_EQ(r.action_required, "请理事会将本报告记录在案。");
  ASSERT_EQ(r.sections.size(), 3u);
  EXPECT_EQ(r.sections[1].heading, "CWG-Internet的活动");
  EXPECT_EQ(r.sections[2].heading, "结论");
  EXPECT_EQ(Numbers(r.sections[1]),
            (std::vector<std::string>{"2.1", "2.2", "2.3", "2.4", "2.5", "2.5.1", "2.5.2", "2.5.3",
                                      "2.6", "2.7", "2.7.1", "2.7.2", "2.7.3"}));
  EXPECT_EQ(Numbers(r.sections[2]), (std::vector<std::string>{"3.1", "3.2"}));
  auto t = Texts(r);
  EXPECT_EQ(t["2.2"], "该组已批准CWG-Internet第十六次和第十七次会议的报告。");
  EXPECT_EQ(t["2.3"],
            "CWG-Internet第十六次和第十七次会议的报告已分发给国际电联所有成员和积极参加这项工作的"
            "相关国际组织和利益攸关各方。");
  EXPECT_TRUE(t["2.4"].starts_with("CWG-Internet第十六次会议收到5份文稿。会议还审议了"
                                   "CWG-Internet第十五次会议发起的公开磋商的结果。"))
      << t["2.4"];
  EXPECT_EQ(t["2.5"], "该组在CWG-Internet第十六次会议上批准的行动包括：");
  EXPECT_TRUE(t["2.6"].starts_with("CWG-Internet第十七次会议收到3份文稿。会议还审议了"
                                   "CWG-Internet第十六次会议发起的公开磋商的结果。"))
      << t["2.6"];
  // The figures (consultations::ReportParagraph): seed 2.4 and 2.6, with one phrase a
  // stakeholder type ("公司", "民间社会实体") where the seed varies its wording.
  auto has = [&t](const std::string& n, const std::string& want) {
    EXPECT_NE(t[n].find(want), std::string::npos) << n << ": " << t[n] << "\nlacks: " << want;
  };
  has("2.4", "在这次磋商中，自各利益攸关方和区域收到了17份回复（来自5个政府、1个公司、"
             "10个民间社会实体和1个国际组织）。");
  has("2.4", "2021年9月20日举行了关于上述主题的第九次虚拟公开磋商会议，有150多名注册与会者和75多名"
             "积极的与会者参加。");
  has("2.6", "在这次磋商中，自各利益攸关方和区域收到了20份回复（来自3个政府、5个公司、2个行业协会、"
             "6个民间社会实体和2个国际组织）。");
  has("2.6", "2022年1月11日举行了关于上述主题的第十次虚拟公开磋商会议，有111名注册与会者和60多名"
             "积极的与会者参加。");
  EXPECT_EQ(t["2.7"], "该组在CWG-Internet第十七次会议上批准的行动包括：");
  EXPECT_EQ(t["3.1"], "请理事会将CWG-Internet第十六次和第十七次会议的报告记录在案。");
  EXPECT_EQ(t["3.2"],
            "主席代表CWG-Internet向所有提交文稿并参与工作组工作的国际电联成员国表示感谢，并对副主席、"
            "秘书长、副秘书长、三局主任和总秘书处（包括秘书Sadhvi Saran）在这些会议期间的高效协助"
            "表示感谢。");
  EXPECT_EQ(r.signature, "主席：Majed M. Al-Mazyed");
  EXPECT_EQ(r.member_state_line, "（沙特阿拉伯）");
}

// A consultation titled in English only: its figures' sentence in the Chinese and Arabic reports
// names the title marked with its language — a <span lang dir> on the page (Paragraph::marked)
// and a run of its own in the DOCX — while the paragraph stays in the report's language.
TEST_F(ChairReportRecordTest, AConsultationTitledInOneLanguageIsMarkedInItsFigures) {
  ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                   c.Exec("UPDATE consultations SET title = json_object('en', 'A title in English only') "
                          "WHERE key = 'covid19'");
                   return Ok{};
                 })
                  .ok());
  for (const char* lang : {"zh", "ar"}) {
    auto r = Build(lang);
    const Paragraph* figures = nullptr;
    for (const auto& p : r.sections[1].paragraphs)
      if (p.text.find("A title in English only") != std::string::npos) figures = &p;
    ASSERT_NE(figures, nullptr) << lang;
    EXPECT_EQ(figures->lang, lang);
    EXPECT_FALSE(figures->fallback);
    EXPECT_EQ(figures->marked.text, figures->text);
    EXPECT_NE(figures->marked.Html().find("<span lang=\"en\" dir=\"ltr\">A title in English only</span>"),
              std::string::npos)
        << lang << ": " << figures->marked.Html();
    auto doc = ReportDocument(*db_, r, "", "");
    bool run = false;
    for (const auto& b : doc.blocks)
      for (const auto& span : b.languages)
        run = run || (span.lang == "en" && b.text.substr(span.begin, span.end - span.begin) ==
                                               "A title in English only");
    EXPECT_TRUE(run) << lang << ": the DOCX's block does not mark the title as English";
  }
}

TEST_F(ChairReportRecordTest, GeneratedSentencesInTheOtherLanguages) {
  auto en = Texts(Build("en"));
  EXPECT_EQ(en["2.2"], "The group approved the reports of the 16th and 17th meetings of CWG-Internet.");
  EXPECT_EQ(en["2.3"],
            "The reports of the 16th and 17th meetings of CWG-Internet have been distributed to all "
            "ITU members and to the international organizations and stakeholders actively involved "
            "in this work.");
  EXPECT_TRUE(en["2.4"].starts_with(
      "The 16th meeting of CWG-Internet received 5 contributions. The meeting also considered the "
      "results of the open consultation launched by the 15th meeting of CWG-Internet. "))
      << en["2.4"];
  EXPECT_NE(en["2.4"].find("It received 17 responses from stakeholders and regions (5 from "
                          "governments, 1 from a company, 10 from civil society entities and 1 "
                          "from an international organization). The 9th virtual open consultation "
                          "meeting on this topic was held on 20 September 2021, with more than 150 "
                          "registered participants and more than 75 active participants."),
            std::string::npos)
      << en["2.4"];
  EXPECT_EQ(en["2.5"], "The actions approved by the group at the 16th meeting of CWG-Internet include:");
  EXPECT_EQ(en["3.1"],
            "The Council is invited to take note of the reports of the 16th and 17th meetings of "
            "CWG-Internet.");
  EXPECT_EQ(en["3.2"],
            "On behalf of CWG-Internet, the Chair thanks all ITU Member States that submitted "
            "contributions and took part in the work of the group, and the Vice-Chairs, the "
            "Secretary-General, the Deputy Secretary-General, the Directors of the three Bureaux "
            "and the General Secretariat, including the Secretary of the group, Sadhvi Saran, for "
            "their efficient support during these meetings.");

  auto fr = Texts(Build("fr"));
  EXPECT_EQ(fr["2.2"], "Le groupe a approuvé les rapports des 16e et 17e réunions du GTC-Internet.");
  EXPECT_EQ(fr["2.3"],
            "Les rapports des 16e et 17e réunions du GTC-Internet ont été diffusés à tous les "
            "membres de l’UIT ainsi qu’aux organisations internationales et aux parties prenantes "
            "qui participent activement à ces travaux.");
  EXPECT_EQ(fr["3.2"],
            "Au nom du GTC-Internet, le Président remercie tous les États Membres de l’UIT qui ont "
            "soumis des contributions et participé aux travaux du groupe, ainsi que les "
            "Vice-Présidents, le Secrétaire général, le Vice-Secrétaire général, les Directeurs des "
            "trois Bureaux et le Secrétariat général (notamment Sadhvi Saran, secrétaire du groupe) "
            "pour leur aide efficace pendant ces réunions.");

  auto es = Texts(Build("es"));
  EXPECT_EQ(es["2.2"], "El grupo aprobó los informes de las reuniones 16.ª y 17.ª del GTC-Internet.");
  EXPECT_EQ(es["3.2"],
            "En nombre del GTC-Internet, el Presidente agradece a todos los Estados Miembros de la "
            "UIT que presentaron contribuciones y participaron en los trabajos del grupo, así como a "
            "los Vicepresidentes, al Secretario General, al Vicesecretario General, a los Directores "
            "de las tres Oficinas y a la Secretaría General, incluida la secretaría del grupo a cargo "
            "de Sadhvi Saran, su eficaz apoyo durante estas reuniones.");

  auto ru = Texts(Build("ru"));
  EXPECT_EQ(ru["3.2"],
            "От имени РГС-Интернет Председатель благодарит все Государства – Члены МСЭ, которые "
            "представили вклады и участвовали в работе группы, а также заместителей Председателя, "
            "Генерального секретаря, заместителя Генерального секретаря, Директоров трех Бюро и "
            "Генеральный секретариат, включая секретаря группы Sadhvi Saran, за эффективную помощь в "
            "ходе этих собраний.");

  auto ar = Texts(Build("ar"));
  EXPECT_EQ(ar["3.2"],
            "يعرب الرئيس، باسم CWG-Internet، عن شكره لجميع الدول الأعضاء في الاتحاد التي قدمت مساهمات "
            "وشاركت في أعمال الفريق، ولـنائبي الرئيس والأمين العام ونائب الأمين العام ومديري المكاتب "
            "الثلاثة والأمانة العامة، بما في ذلك أمانة الفريق (Sadhvi Saran) على دعمهم الفعال خلال هذه "
            "الاجتماعات.");
}

// ITU French and Spanish call the group GTC-Internet, Russian РГС-Интернет, as the demo's
// meeting titles do: one form in each language, never the English acronym beside it.
TEST_F(ChairReportRecordTest, EachLanguageNamesTheGroupByItsOwnAcronym) {
  for (const auto& [lang, acronym] : std::vector<std::pair<std::string, std::string>>{
           {"fr", "GTC-Internet"}, {"es", "GTC-Internet"}, {"ru", "РГС-Интернет"},
           {"zh", "CWG-Internet"}, {"en", "CWG-Internet"}}) {
    const auto r = Build(lang);
    std::string all = r.title + "\n" + r.summary + "\n" + r.action_required;
    for (const auto& s : r.sections) all += "\n" + s.heading;
    // Generated paragraphs; stored texts shown in another language (a fallback) keep theirs.
    for (const auto& s : r.sections)
      for (const auto& p : s.paragraphs)
        if (p.lang == lang) all += "\n" + p.text;
    for (const auto& m : r.meetings) all += "\n" + m.label;
    EXPECT_NE(all.find(acronym), std::string::npos) << lang;
    if (acronym != "CWG-Internet") {
      EXPECT_EQ(all.find("CWG-Internet"), std::string::npos)
          << lang << ": " << all.substr(std::max<std::size_t>(all.find("CWG-Internet"), 80) - 80, 200);
    }
  }
}

TEST_F(ChairReportRecordTest, NoViceChairsNorSupportOnRecordNoThanksToThem) {
  SetOfficers(R"({"vice_chairs": [], "supported_by": [], "secretary": null})");
  EXPECT_EQ(Texts(Build("en"))["3.2"],
            "On behalf of CWG-Internet, the Chair thanks all ITU Member States that submitted "
            "contributions and took part in the work of the group.");
  EXPECT_EQ(Texts(Build("zh"))["3.2"],
            "主席代表CWG-Internet向所有提交文稿并参与工作组工作的国际电联成员国表示感谢。");
  EXPECT_EQ(Texts(Build("fr"))["3.2"],
            "Au nom du GTC-Internet, le Président remercie tous les États Membres de l’UIT qui ont "
            "soumis des contributions et participé aux travaux du groupe.");
  EXPECT_EQ(Texts(Build("ru"))["3.2"],
            "От имени РГС-Интернет Председатель благодарит все Государства – Члены МСЭ, которые "
            "представили вклады и участвовали в работе группы.");

  // One Vice-Chair and the group's Secretary: each named as the record has them.
  SetOfficers(R"({"vice_chairs": [{"name": "A. Vice"}], "secretary": {"name": "S. Saran"}})");
  EXPECT_EQ(Texts(Build("en"))["3.2"],
            "On behalf of CWG-Internet, the Chair thanks all ITU Member States that submitted "
            "contributions and took part in the work of the group, and the Vice-Chair and the "
            "Secretary of the group, S. Saran, for their efficient support during these meetings.");
  EXPECT_EQ(Texts(Build("es"))["3.2"],
            "En nombre del GTC-Internet, el Presidente agradece a todos los Estados Miembros de la "
            "UIT que presentaron contribuciones y participaron en los trabajos del grupo, así como al "
            "Vicepresidente y a S. Saran, de la secretaría del grupo, su eficaz apoyo durante estas "
            "reuniones.");
}

TEST_F(ChairReportRecordTest, NoContributionsOnRecordNoSentenceAndNoThanksForThem) {
  ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                   c.Exec("DELETE FROM contributions");
                   return Ok{};
                 })
                  .ok());
  auto r = Build("en");
  auto t = Texts(r);
  // The paragraph of each meeting now opens with the consultation it considered, naming it.
  EXPECT_TRUE(t["2.4"].starts_with("The 16th meeting of CWG-Internet considered the results of "
                                   "the open consultation launched by the 15th meeting of "
                                   "CWG-Internet. "))
      << t["2.4"];
  EXPECT_EQ(t["3.2"],
            "On behalf of CWG-Internet, the Chair thanks the Vice-Chairs, the Secretary-General, the "
            "Deputy Secretary-General, the Directors of the three Bureaux and the General "
            "Secretariat, including the Secretary of the group, Sadhvi Saran, for their efficient "
            "support during these meetings.");
  auto zh = Texts(Build("zh"));
  EXPECT_TRUE(zh["2.4"].starts_with("CWG-Internet第十六次会议审议了CWG-Internet第十五次会议发起的"
                                    "公开磋商的结果。"))
      << zh["2.4"];
  for (const auto& [n, text] : zh) EXPECT_EQ(text.find("文稿"), std::string::npos) << n << text;
}

TEST_F(ChairReportRecordTest, NoDistributionOnRecordNoSentence) {
  SetReport(16, R"({"distribution": null})");
  SetReport(17, R"({"distribution": null})");
  for (const char* lang : {"en", "zh", "fr"}) {
    auto r = Build(lang);
    EXPECT_EQ(Numbers(r.sections[1]),
              (std::vector<std::string>{"2.1", "2.2", "2.3", "2.4", "2.4.1", "2.4.2", "2.4.3",
                                        "2.5", "2.6", "2.6.1", "2.6.2", "2.6.3"}))
        << lang;
  }
  for (const auto& [n, text] : Texts(Build("en")))
    EXPECT_EQ(text.find("distributed"), std::string::npos) << n;
  for (const auto& [n, text] : Texts(Build("zh")))
    EXPECT_EQ(text.find("分发"), std::string::npos) << n;
  EXPECT_TRUE(Texts(Build("en"))["2.3"].starts_with("The 16th meeting of CWG-Internet received 5"));

  // Only the 16th meeting's report, to ITU members only.
  SetReport(16, R"({"distribution": "itu_members"})");
  EXPECT_EQ(Texts(Build("en"))["2.3"],
            "The report of the 16th meeting of CWG-Internet has been distributed to all ITU members.");
  EXPECT_EQ(Texts(Build("zh"))["2.3"], "CWG-Internet第十六次会议的报告已分发给国际电联所有成员。");
  EXPECT_EQ(Texts(Build("fr"))["2.3"],
            "Le rapport de la 16e réunion du GTC-Internet a été diffusé à tous les membres de l’UIT.");
  EXPECT_EQ(Texts(Build("ru"))["2.3"], "Отчет о собрании РГС-Интернет (16-е) разослан всем членам МСЭ.");
}

TEST_F(ChairReportRecordTest, NoApprovalOnRecordNoSentenceAndNoReportsToTakeNoteOf) {
  SetReport(16, R"({"approved": false})");
  auto en = Texts(Build("en"));
  EXPECT_EQ(en["2.2"], "The group approved the report of the 17th meeting of CWG-Internet.");
  EXPECT_EQ(en["3.1"],
            "The Council is invited to take note of the report of the 17th meeting of CWG-Internet.");
  auto fr = Texts(Build("fr"));
  EXPECT_EQ(fr["2.2"], "Le groupe a approuvé le rapport de la 17e réunion du GTC-Internet.");
  EXPECT_EQ(fr["3.1"],
            "Le Conseil est invité à prendre note du rapport de la 17e réunion du GTC-Internet.");
  EXPECT_EQ(Texts(Build("zh"))["2.2"], "该组已批准CWG-Internet第十七次会议的报告。");

  SetReport(17, R"({"approved": false})");
  for (const char* lang : {"en", "zh", "es"}) {
    auto r = Build(lang);
    ASSERT_EQ(r.sections.size(), 3u) << lang;
    // 2.2 is now the distribution; the conclusions open with the thanks.
    EXPECT_EQ(Numbers(r.sections[2]), (std::vector<std::string>{"3.1"})) << lang;
  }
  auto zh = Texts(Build("zh"));
  EXPECT_TRUE(zh["2.2"].starts_with("CWG-Internet第十六次和第十七次会议的报告已分发")) << zh["2.2"];
  EXPECT_TRUE(zh["3.1"].starts_with("主席代表CWG-Internet")) << zh["3.1"];
  for (const auto& [n, text] : zh) EXPECT_EQ(text.find("批准CWG"), std::string::npos) << n;
}

TEST_F(ChairReportRecordTest, NoChairOnRecordNoThanksNoSignature) {
  SetOfficers(R"({"chair": null})");
  auto r = Build("en");
  EXPECT_EQ(Numbers(r.sections[2]), (std::vector<std::string>{"3.1"}));
  EXPECT_TRUE(r.sections[2].paragraphs[0].text.starts_with("The Council is invited"));
  EXPECT_EQ(r.signature, "");
  // Nothing approved and no Chair: no conclusions at all.
  SetReport(16, R"({"approved": false})");
  SetReport(17, R"({"approved": false})");
  EXPECT_EQ(Build("en").sections.size(), 2u);
}

TEST_F(ChairReportRecordTest, NoResolutionsOnRecordNoneCited) {
  SetOfficers(R"({"references": []})");
  auto r = Build("en");
  EXPECT_TRUE(r.references.empty());
  EXPECT_EQ(r.summary.find("in accordance with"), std::string::npos) << r.summary;
  EXPECT_EQ(Build("zh").summary.find("根据"), std::string::npos);
}

TEST_F(ChairReportRecordTest, UpdateMeetingReportValidatesAndIsAudited) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {R"({"approved": "yes"})", "approved"},
      {R"({"distribution": "everyone"})", "distribution"},
      {R"({"distribution": ""})", "distribution"},
      {R"({"approved": true, "distributed": true})", "distributed"},
  };
  for (const auto& [body, field] : bad) {
    auto r = UpdateMeetingReport(*db_, demo::kDemoSecretariat, Meeting(15),
                                 json::parse(body).as_object());
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.error().code, Code::kInvalidArgument) << body;
    EXPECT_EQ(r.error().field, field) << body << " → " << r.error().message;
  }
  auto open_meeting = *db_->Read().QueryInt("SELECT id FROM meetings WHERE kind = 'open_consultation'");
  auto refused = UpdateMeetingReport(*db_, demo::kDemoSecretariat, std::to_string(open_meeting),
                                     json::parse(R"({"approved": true})").as_object());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "meeting");
  EXPECT_EQ(UpdateMeetingReport(*db_, demo::kDemoSecretariat, "999999", {}).error().code,
            Code::kNotFound);
  EXPECT_EQ(UpdateMeetingReport(*db_, demo::kDemoSecretariat, "abc", {}).error().code,
            Code::kNotFound);
  auto before = GetMeetingReport(*db_, std::stoll(Meeting(15)));
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(before->approved);
  EXPECT_EQ(before->distribution, "");
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM audit_log WHERE action = 'meeting.report'"), 0);

  SetReport(15, R"({"approved": true})");
  auto after = GetMeetingReport(*db_, std::stoll(Meeting(15)));
  EXPECT_TRUE(after->approved);
  EXPECT_EQ(after->distribution, "");  // absent: kept as it was
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM audit_log WHERE action = 'meeting.report'"), 1);
  EXPECT_EQ(Texts(Build("en", "15"))["2.2"],
            "The group approved the report of the 15th meeting of CWG-Internet.");
}

TEST_F(ChairReportRecordTest, SupportedByIsValidated) {
  for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
           {R"({"supported_by": "secretary_general"})", "supported_by"},
           {R"({"supported_by": ["secretary_general", "king"]})", "supported_by[1]"},
           {R"({"supported_by": ["bureau_directors", "bureau_directors"]})", "supported_by[1]"}}) {
    auto r = UpdateOfficers(*db_, demo::kDemoSecretariat, "cwg-internet",
                            json::parse(body).as_object());
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.error().field, field) << body;
  }
  // Kept in the report's order whatever the order given.
  SetOfficers(R"({"supported_by": ["general_secretariat", "secretary_general"]})");
  EXPECT_EQ(GetBodyRecord(*db_, "cwg-internet")->supported_by,
            (std::vector<std::string>{"secretary_general", "general_secretariat"}));
}

TEST_F(ChairReportRecordTest, AMeetingThatHasNotEndedIsNotReportedAsHeld) {
  meetings::MeetingInput m;
  m.body = "cwg-internet";
  m.number = 18;
  m.starts_on = "2099-01-19";
  m.ends_on = "2099-01-20";
  m.timezone = "Europe/Zurich";
  m.mode = "virtual";
  m.title = json::object{{"en", "18th meeting of CWG-Internet"}};
  auto made = meetings::CreateMeeting(*db_, demo::kDemoSecretariat, m);
  ASSERT_TRUE(made.ok()) << made.error().message;
  auto r = BuildChairReport(*db_, "cwg-internet", "17,18", "en");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Code::kInvalidArgument);
  EXPECT_EQ(r.error().field, "meetings");
  EXPECT_NE(r.error().message.find("ends on 2099-01-20"), std::string::npos) << r.error().message;
  EXPECT_TRUE(BuildChairReport(*db_, "cwg-internet", "17", "en").ok());
}

// Every variant of every generated sentence formats in the six languages: no message is missing
// and no select falls through to a raw pattern.
TEST_F(ChairReportRecordTest, EveryVariantRendersInEveryLanguage) {
  auto check = [this](const char* what) {
    for (const auto& lang : text::Languages()) {
      auto r = Build(lang);
      std::string all = r.summary;
      for (const auto& s : r.sections)
        for (const auto& p : s.paragraphs) all += p.text;
      EXPECT_EQ(all.find("[chair_report"), std::string::npos) << what << " " << lang;
      EXPECT_EQ(all.find_first_of("{}"), std::string::npos) << what << " " << lang << ": " << all;
    }
  };
  check("demo");
  SetReport(16, R"({"distribution": "itu_members"})");
  SetOfficers(R"({"vice_chairs": [{"name": "A. Vice"}], "supported_by": ["bureau_directors"]})");
  check("one Vice-Chair, two distributions");
  SetOfficers(R"({"supported_by": []})");
  check("the Secretary alone");
  ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                   c.Exec("DELETE FROM contributions");
                   return Ok{};
                 })
                  .ok());
  check("no contributions");
  SetOfficers(R"({"vice_chairs": [], "secretary": null, "references": []})");
  check("nobody to thank, no resolutions");
}

}  // namespace
}  // namespace plenary::reports

// Tests for finding resolution citations and document symbols in text, including the seed texts.
#include "text/citations.h"

#include "testing/testdata.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

namespace plenary::text {
namespace {

// The facts of a resolution citation, comparable and printable.
struct Res {
  std::string instrument;
  int number = 0;
  std::string place;
  int year = 0;
  bool revised = false;
  bool operator==(const Res&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Res& r) {
  return os << "{" << r.instrument << " " << r.number << " '" << r.place << "' " << r.year
            << (r.revised ? " rev" : "") << "}";
}

std::vector<Res> Resolutions(std::string_view text) {
  std::vector<Res> out;
  for (const Citation& c : ExtractCitations(text)) {
    if (c.kind == "resolution") out.push_back({c.instrument, c.number, c.place, c.year, c.revised});
  }
  return out;
}

std::vector<std::string> Documents(std::string_view text) {
  std::vector<std::string> out;
  for (const Citation& c : ExtractCitations(text)) {
    if (c.kind == "document") out.push_back(c.symbol);
  }
  return out;
}

Res Pp(int n, std::string place = "", int year = 0, bool rev = false) {
  return {"pp", n, std::move(place), year, rev};
}
Res Council(int n, int year = 0, bool rev = false) { return {"council", n, "", year, rev}; }

const Res kPp102 = Pp(102, "Dubai", 2018, true);
const Res kPp140 = Pp(140, "Dubai", 2018, true);

// --- English, French, Spanish, Russian, Arabic -----------------------------------------------

TEST(ExtractCitations, FindsEnglishRevisedResolution) {
  auto c = ExtractCitations("as set out in Resolution 102 (Rev. Dubai, 2018), the Council");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "resolution");
  EXPECT_EQ(c[0].instrument, "pp");
  EXPECT_EQ(c[0].number, 102);
  EXPECT_EQ(c[0].place, "Dubai");
  EXPECT_EQ(c[0].year, 2018);
  EXPECT_TRUE(c[0].revised);
  EXPECT_EQ(c[0].text, "Resolution 102 (Rev. Dubai, 2018)");
  EXPECT_EQ(c[0].begin, 14u);
  EXPECT_EQ(c[0].end, 14u + c[0].text.size());
}

TEST(ExtractCitations, SharesTheQualifierOfAnEnglishList) {
  EXPECT_EQ(Resolutions("Resolutions 102 and 140 (Rev. Dubai, 2018)"),
            (std::vector<Res>{kPp102, kPp140}));
  EXPECT_EQ(
      Resolutions("Resolutions 101, 102 and 206 (Dubai, 2018)"),
      (std::vector<Res>{Pp(101, "Dubai", 2018), Pp(102, "Dubai", 2018), Pp(206, "Dubai", 2018)}));
}

TEST(ExtractCitations, GivesListItemsSpansThatDoNotOverlap) {
  std::string text = "Resolutions 102 and 140 (Rev. Dubai, 2018).";
  auto c = ExtractCitations(text);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].text, "Resolutions 102");
  EXPECT_EQ(c[1].text, "140 (Rev. Dubai, 2018)");
  EXPECT_LE(c[0].end, c[1].begin);
  for (const Citation& x : c) EXPECT_EQ(text.substr(x.begin, x.end - x.begin), x.text);
}

TEST(ExtractCitations, ReadsCouncilResolutionRevisedByYear) {
  auto c = ExtractCitations("Council Resolution 1336 (Rev. 2019)");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].text, "Council Resolution 1336 (Rev. 2019)");
  EXPECT_EQ(Resolutions("Council Resolution 1336 (Rev. 2019)"),
            (std::vector<Res>{Council(1336, 2019, true)}));
}

TEST(ExtractCitations, ReadsUpperCaseHeadings) {
  EXPECT_EQ(Resolutions("RESOLUTION 102 (REV. DUBAI, 2018)"), std::vector<Res>{kPp102});
}

TEST(ExtractCitations, ReadsFrench) {
  EXPECT_EQ(Resolutions("Résolution 102 (Rév. Dubaï, 2018)"), std::vector<Res>{kPp102});
  EXPECT_EQ(Resolutions("Résolutions 102 et 140 (Rév. Dubaï, 2018)"),
            (std::vector<Res>{kPp102, kPp140}));
  EXPECT_EQ(Resolutions("la Résolution 1336 du Conseil"), std::vector<Res>{Council(1336)});
}

TEST(ExtractCitations, ReadsSpanish) {
  EXPECT_EQ(Resolutions("Resolución 71 (Rev. Dubái, 2018)"),
            std::vector<Res>{Pp(71, "Dubai", 2018, true)});
  EXPECT_EQ(Resolutions("Resoluciones 102 y 140 (Rev. Dubái, 2018)"),
            (std::vector<Res>{kPp102, kPp140}));
}

TEST(ExtractCitations, ReadsRussian) {
  auto c = ExtractCitations("Резолюция 102 (Пересм. Пусан, 2014 г.)");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].text, "Резолюция 102 (Пересм. Пусан, 2014 г.)");
  EXPECT_EQ(Resolutions("Резолюция 102 (Пересм. Пусан, 2014 г.)"),
            std::vector<Res>{Pp(102, "Busan", 2014, true)});
  EXPECT_EQ(Resolutions("Резолюции 102 и 140 (Пересм. Дубай, 2018 г.)"),
            (std::vector<Res>{kPp102, kPp140}));
  EXPECT_EQ(Resolutions("Резолюция 1336 Совета (изм. 2019 г.)"),
            std::vector<Res>{Council(1336, 2019, true)});
}

TEST(ExtractCitations, ReadsArabicAndKnowsBuenosAires2017IsWtdc) {
  auto c = ExtractCitations("القرار 5 (المراجَع في بوينس آيرس، 2017)");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].text, "القرار 5 (المراجَع في بوينس آيرس، 2017)");
  EXPECT_EQ(c[0].number, 5);
  EXPECT_EQ(c[0].place, "Buenos Aires");
  EXPECT_EQ(c[0].year, 2017);
  EXPECT_TRUE(c[0].revised);
  EXPECT_EQ(c[0].instrument, "wtdc");  // WTDC-17 was held in Buenos Aires
}

TEST(ExtractCitations, ReadsArabicListsAndArabicIndicDigits) {
  EXPECT_EQ(Resolutions("القراران 102 و140 (المراجَع في دبي، 2018)"),
            (std::vector<Res>{kPp102, kPp140}));
  EXPECT_EQ(Resolutions("القرار ١٠٢ (المراجَع في دبي، ٢٠١٨)"), std::vector<Res>{kPp102});
  EXPECT_EQ(Resolutions("قرار المجلس 1336"), std::vector<Res>{Council(1336)});
}

// --- Chinese ---------------------------------------------------------------------------------

TEST(ExtractCitations, ReadsChineseRevisedResolution) {
  auto c = ExtractCitations("根据第102号决议（2018年，迪拜，修订版）的规定");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].text, "第102号决议（2018年，迪拜，修订版）");
  EXPECT_EQ(c[0].begin, std::string("根据").size());
  EXPECT_EQ(Resolutions("第102号决议（2018年，迪拜，修订版）"), std::vector<Res>{kPp102});
}

TEST(ExtractCitations, ReadsChineseCouncilResolutionRevisedByYear) {
  EXPECT_EQ(Resolutions("第1336号决议（2019年，修订版）"),
            std::vector<Res>{Council(1336, 2019, true)});
}

TEST(ExtractCitations, AcceptsTheAbbreviationInTheSeed) {
  EXPECT_EQ(Resolutions("第1336号决议（2019年，修版）"),
            std::vector<Res>{Council(1336, 2019, true)});
}

TEST(ExtractCitations, ReadsChineseUnrevisedResolution) {
  EXPECT_EQ(Resolutions("第206号决议（2018年，迪拜）"),
            std::vector<Res>{Pp(206, "Dubai", 2018, false)});
}

TEST(ExtractCitations, ReadsChineseCouncilPrefix) {
  auto c = ExtractCitations("理事会第1305号决议（2019年，修订版）");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].text, "理事会第1305号决议（2019年，修订版）");
  EXPECT_EQ(c[0].instrument, "council");
}

TEST(ExtractCitations, ReadsChinesePlenipotentiaryContext) {
  auto c = ExtractCitations("全权代表大会第102号决议");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].instrument, "pp");
  EXPECT_EQ(c[0].text, "全权代表大会第102号决议");
  auto d = ExtractCitations("2018年全权代表大会（PP-18）第102号决议");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].instrument, "pp");
  EXPECT_EQ(d[0].text, "全权代表大会（PP-18）第102号决议");
  EXPECT_EQ(Resolutions("PP第174号决议（2014年，釜山，修订版）"),
            std::vector<Res>{Pp(174, "Busan", 2014, true)});
}

TEST(ExtractCitations, NamedInstrumentBeatsTheNumberDefault) {
  EXPECT_EQ(Resolutions("PP-18 Resolution 1001")[0].instrument, "pp");
  EXPECT_EQ(Resolutions("世界电信发展大会第1号决议")[0].instrument, "wtdc");
  EXPECT_EQ(Resolutions("WTDC Resolution 37")[0].instrument, "wtdc");
  EXPECT_EQ(Resolutions("ITU-T Resolution 50")[0].instrument, "wtsa");
  EXPECT_EQ(Resolutions("Resolution 71 of the Plenipotentiary Conference")[0].instrument, "pp");
}

TEST(ExtractCitations, DefaultsByNumber) {
  EXPECT_EQ(Resolutions("Resolution 1336"), std::vector<Res>{Council(1336)});
  EXPECT_EQ(Resolutions("Resolution 71"), std::vector<Res>{Pp(71)});
}

TEST(ExtractCitations, TellsTheSecurityCouncilFromTheItuCouncilByItsNumbering) {
  EXPECT_EQ(Resolutions("resolution 770 (1992)"), (std::vector<Res>{{"unsc", 770, "", 1992}}));
  EXPECT_EQ(Resolutions("Council resolution 1441 (2002)"),
            (std::vector<Res>{{"unsc", 1441, "", 2002}}));
  EXPECT_EQ(Resolutions("Resolution 1372 (2017)"), (std::vector<Res>{{"council", 1372, "", 2017}}));
  EXPECT_EQ(Resolutions("Council Resolution 1336 (Rev. 2019)"),
            (std::vector<Res>{{"council", 1336, "", 2019, true}}));
}

TEST(ExtractCitations, SkipsTheDatesBetweenTheNumbersOfAList) {
  EXPECT_EQ(Resolutions("its resolutions 713 (1991) of 25 September 1991, 721 (1991) of 27 "
                        "November 1991 and 770 (1992) of 13 August 1992, noting"),
            (std::vector<Res>{{"unsc", 713, "", 1991}, {"unsc", 721, "", 1991},
                              {"unsc", 770, "", 1992}}));
  EXPECT_EQ(Resolutions("свои резолюции 713 (1991) от 25 сентября 1991 года и 721 (1991)"),
            (std::vector<Res>{{"unsc", 713, "", 1991}, {"unsc", 721, "", 1991}}));
  EXPECT_EQ(Resolutions("重申其1991年9月25日第713(1991)、1991年11月27日第721(1991)号决议"),
            (std::vector<Res>{{"unsc", 713, "", 1991}, {"unsc", 721, "", 1991}}));
}

TEST(ExtractCitations, ReadsGeneralAssemblyResolutionsOfEveryPeriod) {
  // A Cyrillic "А" as the letter of the resolution, full-width digits, a special session.
  EXPECT_EQ(Resolutions("резолюции 2200 А (XXI) и 217 A (III)"),
            (std::vector<Res>{{"unga", 2200, "", 0}, {"unga", 217, "", 0}}));
  EXPECT_EQ(Resolutions("第２２４１ B(XXI)号决议"), (std::vector<Res>{{"unga", 2241, "", 0}}));
  EXPECT_EQ(Resolutions("resolutions 3201 (S-VI) and 3202 (S-VI)"),
            (std::vector<Res>{{"unga", 3201, "", 0}, {"unga", 3202, "", 0}}));
  auto c = ExtractCitations("resolution 34/83 A of 11 December 1979");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].symbol, "A/RES/34/83");
}

TEST(ExtractCitations, GivesDecisionsAndRecommendationsTheirOwnKind) {
  auto d = ExtractCitations("decisions 1/105 of 30 June 2006 and 2/103, and Decision 5 (Rev. "
                            "Busan, 2014)");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].kind, "decision");
  EXPECT_EQ(d[0].instrument, "hrc");
  EXPECT_EQ(d[1].number, 103);
  EXPECT_EQ(d[2].instrument, "pp");
  auto r = ExtractCitations("Recommendations ITU-T X.1037, X.1261 and X.1541 are");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].kind, "recommendation");
  EXPECT_EQ(r[0].instrument, "itu-t");
  EXPECT_EQ(r[2].symbol, "ITU-T X.1541");
  EXPECT_EQ(r[2].text, "X.1541");
}

TEST(ExtractCitations, FindsAmendmentsNamedAfterASymbol) {
  EXPECT_EQ(Documents("доклад (S/1995/222 и Corr.1),"),
            (std::vector<std::string>{"S/1995/222", "S/1995/222/Corr.1"}));
  EXPECT_EQ(Documents("报告(S/22494和Corr.1和Add.1);"),
            (std::vector<std::string>{"S/22494", "S/22494/Corr.1", "S/22494/Add.1"}));
}

TEST(ExtractCitations, TakesABareNumberForWhatTheTextCitesElsewhere) {
  EXPECT_EQ(Resolutions("пунктом 1 резолюции 1596 (2005) … пунктами 13 и 15 резолюции 1596"),
            (std::vector<Res>{{"unsc", 1596, "", 2005}, {"unsc", 1596, "", 0}}));
  EXPECT_EQ(Resolutions("Cоветом Безопасности, резолюцией 687 (1991) и резолюции 1698"),
            (std::vector<Res>{{"unsc", 687, "", 1991}, {"unsc", 1698, "", 0}}));
}

TEST(ExtractCitations, KnowsConferencesByPlaceAndYear) {
  EXPECT_EQ(Resolutions("Resolution 9 (Rev. Kigali, 2022)")[0].instrument, "wtdc");
  EXPECT_EQ(Resolutions("Resolution 50 (Rev. Hammamet, 2016)")[0].instrument, "wtsa");
  EXPECT_EQ(Resolutions("Resolution 12 (Rev. Sharm el-Sheikh, 2019)")[0].instrument, "wrc");
  EXPECT_EQ(Resolutions("Resolution 1 (Rev. Dubai, 2014)")[0].instrument, "wtdc");
  EXPECT_EQ(Resolutions("第145号决议（2006年，安塔利亚）"),
            std::vector<Res>{Pp(145, "Antalya", 2006, false)});
}

TEST(ExtractCitations, InheritsTheInstrumentAlongAList) {
  EXPECT_EQ(Resolutions("WTDC Resolution 37 and Resolution 5")[1].instrument, "wtdc");
  EXPECT_EQ(Resolutions("世界电信发展大会第37号决议和第5号决议")[1].instrument, "wtdc");
  // A new sentence does not inherit.
  EXPECT_EQ(Resolutions("世界电信发展大会第37号决议。第5号决议")[1].instrument, "pp");
}

TEST(ExtractCitations, ReadsChineseListWithSharedQualifier) {
  auto c = ExtractCitations("第102号和140号决议（2018年，迪拜，修订版）");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].text, "第102号");
  EXPECT_EQ(c[1].text, "140号决议（2018年，迪拜，修订版）");
  EXPECT_EQ(Resolutions("第102号和140号决议（2018年，迪拜，修订版）"),
            (std::vector<Res>{kPp102, kPp140}));
  EXPECT_EQ(Resolutions("第101、102和206号决议"), (std::vector<Res>{Pp(101), Pp(102), Pp(206)}));
}

TEST(ExtractCitations, IgnoresWidthOfDigitsAndPunctuation) {
  EXPECT_EQ(Resolutions("第１０２号决议（２０１８年，迪拜，修订版）"), std::vector<Res>{kPp102});
  EXPECT_EQ(Resolutions("第102号决议(2018年,迪拜,修订版)"), std::vector<Res>{kPp102});
  EXPECT_EQ(Resolutions("Ｒｅｓｏｌｕｔｉｏｎ　１０２（Ｒｅｖ．Ｄｕｂａｉ，２０１８）"),
            std::vector<Res>{kPp102});
}

TEST(ExtractCitations, ReadsGeneralAssemblyResolutions) {
  auto c = ExtractCitations("General Assembly resolution 70/1");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].instrument, "unga");
  EXPECT_EQ(c[0].number, 1);
  EXPECT_EQ(c[0].symbol, "A/RES/70/1");
  EXPECT_EQ(ExtractCitations("联合国大会第70/1号决议")[0].symbol, "A/RES/70/1");
}

TEST(ExtractCitations, LeavesOutAParenthesisThatIsNotAQualifier) {
  auto c = ExtractCitations("第101、102、133、180和206号决议（C22/33号文件）");
  ASSERT_EQ(c.size(), 6u);
  EXPECT_EQ(c[4].text, "206号决议");
  EXPECT_EQ(c[4].year, 0);
  EXPECT_EQ(c[5].kind, "document");
  EXPECT_EQ(c[5].symbol, "C22/33");
  EXPECT_EQ(Resolutions("Resolution 102 (see annex)"), std::vector<Res>{Pp(102)});
}

TEST(ExtractCitations, KeepsAnUnknownPlaceAsWritten) {
  EXPECT_EQ(Resolutions("Resolution 5 (Rev. Atlantis, 2030)"),
            std::vector<Res>{Pp(5, "Atlantis", 2030, true)});
}

TEST(ExtractCitations, IgnoresNumbersThatAreNotResolutions) {
  EXPECT_TRUE(ExtractCitations("第十六次会议 第6.1段 第37和38次会议 第2.b和6.c段").empty());
  EXPECT_TRUE(ExtractCitations("Resolution 102A; the resolution was adopted").empty());
  EXPECT_TRUE(ExtractCitations("").empty());
}

// --- Document symbols ------------------------------------------------------------------------

TEST(ExtractCitations, FindsDocumentSymbolsInChineseText) {
  auto c = ExtractCitations("理事会将C22/33号文件中的报告记录在案");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "document");
  EXPECT_EQ(c[0].symbol, "C22/33");
  EXPECT_EQ(c[0].text, "C22/33");
  EXPECT_EQ(c[0].begin, std::string("理事会将").size());
  EXPECT_EQ(Documents("文件C22/32(Rev.1)和C22/71"),
            (std::vector<std::string>{"C22/32(Rev.1)", "C22/71"}));
  EXPECT_EQ(Documents("C21/33"), std::vector<std::string>{"C21/33"});
}

TEST(ExtractCitations, CanonicalisesSymbolsWrittenLoosely) {
  auto c = ExtractCitations("载于C22/32 (Rev.1)号文件");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].symbol, "C22/32(Rev.1)");
  EXPECT_EQ(c[0].text, "C22/32 (Rev.1)");
  EXPECT_TRUE(c[0].revised);
  EXPECT_EQ(Documents("Ｃ２２／３３号文件"), std::vector<std::string>{"C22/33"});
}

TEST(ExtractCitations, FindsUnAndCwgSymbols) {
  EXPECT_EQ(Documents("See A/77/400, A/C.4/77/L.12/Rev.1 and A/77/90-E/2022/66. Also "
                      "S/RES/955 (1994), E/2022/66, A/RES/77/1, A/77/400/Add.1, A/77/400/Corr.2, "
                      "A/C.4/77/SR.24, CWG-Internet 16/1, C22/DT/5-E, C22/INF/3 and C22/33-C."),
            (std::vector<std::string>{"A/77/400", "A/C.4/77/L.12/Rev.1", "A/77/90-E/2022/66",
                                      "S/RES/955 (1994)", "E/2022/66", "A/RES/77/1",
                                      "A/77/400/Add.1", "A/77/400/Corr.2", "A/C.4/77/SR.24",
                                      "CWG-Internet 16/1", "C22/DT/5-E", "C22/INF/3", "C22/33-C"}));
  EXPECT_EQ(ExtractCitations("S/RES/955 (1994)")[0].year, 1994);
}

TEST(ExtractCitations, IgnoresThingsThatOnlyLookLikeSymbols) {
  EXPECT_TRUE(ExtractCitations("P:\\CHI\\SG\\CONSEIL\\C22\\000\\087V2C.docx (503148) WSIS C5 "
                               "COVID-19 A/B testing TCP/IP 1/2/2022 PP-22 CWG-WSIS&SDG "
                               "http://www.itu.int/council XC22/33 C22/33x")
                  .empty());
}

// --- The seed texts --------------------------------------------------------------------------

// The seed file whose name starts with `prefix`, or "" when the directory or file is missing.
// A seed's text; the test fails (not skips) when it is missing.
#define SEED_OR_FAIL(var, prefix)                 \
  std::string var = testdata::ReadSeed(prefix); \
  ASSERT_FALSE(var.empty())

// 000: Council 2022 summary record, items on Internet matters.
TEST(Seeds, FindsEveryResolutionInTheSummaryRecord) {
  SEED_OR_FAIL(text, "000_");
  const std::vector<Res> expected = {
      // Heading 1: 第101、102、133、180和206号决议 (unqualified).
      Pp(101),
      Pp(102),
      Pp(133),
      Pp(180),
      Pp(206),
      // 1.1: 全权代表大会第101号决议（2018年，迪拜，修订版）… 第206号决议（2018年，迪拜）
      Pp(101, "Dubai", 2018, true),
      kPp102,
      Pp(133, "Dubai", 2018, true),
      Pp(180, "Dubai", 2018, true),
      Pp(206, "Dubai", 2018, false),
      // 1.3
      kPp102,
      // 2.1: 全权代表大会（PP）第130号决议
      Pp(130, "Dubai", 2018, true),
      // 2.3: PP第174号决议（2014年，釜山，修订版）, PP第186号决议
      Pp(174, "Busan", 2014, true),
      Pp(186, "Dubai", 2018, true),
      // 2.4
      Pp(174, "Busan", 2014, true),
      // 4.1
      kPp102,
      kPp140,
      Council(1305, 2019, true),
      Council(1336, 2019, true),
      // 5.5
      Pp(130, "Dubai", 2018, true),
  };
  EXPECT_EQ(Resolutions(text), expected);
}

TEST(Seeds, FindsEveryDocumentInTheSummaryRecord) {
  SEED_OR_FAIL(text, "000_");
  const std::vector<std::string> expected = {
      "C22/33",        "C21/33", "C22/33",                                    // item 1
      "C21/18",        "C22/18",                                              // item 2
      "C22/51",        "C22/51", "C22/51",                                    // item 3
      "C22/58",        "C22/58", "C22/58",                                    // item 4
      "C22/32(Rev.1)", "C22/71", "C22/32(Rev.1)", "C22/71", "C22/32(Rev.1)",  // item 5
      "C22/8",         "C22/8",  "C22/8",                                     // item 6
      "C22/60",        "C22/60",                                              // item 7
  };
  EXPECT_EQ(Documents(text), expected);
}

TEST(Seeds, GivesSpansThatMatchTheSeedBytes) {
  SEED_OR_FAIL(text, "000_");
  size_t previous_end = 0;
  for (const Citation& c : ExtractCitations(text)) {
    EXPECT_GE(c.begin, previous_end);
    EXPECT_LT(c.begin, c.end);
    EXPECT_EQ(text.substr(c.begin, c.end - c.begin), c.text);
    previous_end = c.end;
  }
}

// 001: report of the CWG-Internet Chair to Council 2022.
TEST(Seeds, FindsEveryResolutionInTheChairsReport) {
  SEED_OR_FAIL(text, "001_");
  const Res c1305 = Council(1305, 2019, true), c1336 = Council(1336, 2019, true);
  const std::vector<Res> expected = {
      // 概要: 2018年全权代表大会（PP-18）第102号决议…、第140号决议…和理事会第1305号…和第1336号
      kPp102,
      kPp140,
      c1305,
      c1336,
      // 参考文件 (1336 with the typo 修版)
      kPp102,
      kPp140,
      c1305,
      c1336,
      // 1.1:
      // 第1336号决议（2019年，修订版）按照…全权代表大会第102号和140号决议（2018年，迪拜，修订版）
      c1336,
      kPp102,
      kPp140,
      // 1.2
      c1336,
      c1305,
      kPp102,
      // 1.3: 第102号决议…责成理事会修订第1344号决议…修改第1336号决议…第1344号决议…废止第1344号决议
      kPp102,
      Council(1344),
      Council(1336),
      Council(1344),
      Council(1344),
      // 1.4
      c1336,
      // 2.7.3
      Pp(133, "Dubai", 2018, true),
  };
  EXPECT_EQ(Resolutions(text), expected);
  EXPECT_TRUE(Documents(text).empty());
}

TEST(Seeds, StartsPrefixedCitationsAtTheInstrument) {
  SEED_OR_FAIL(text, "001_");
  auto c = ExtractCitations(text);
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c[0].text, "全权代表大会（PP-18）第102号决议（2018年，迪拜，修订版）");
  EXPECT_EQ(c[2].text, "理事会第1305号决议（2019年，修订版）");
}

}  // namespace
}  // namespace plenary::text

namespace plenary::text {
namespace {

// The public extraction endpoint stops at a bound: the rest of a huge list is not built.
TEST(ExtractCitations, ReadsWorldHealthOrganizationSymbolsAsDocuments) {
  // Resolutions and decisions of another organization: documents, never UN or ITU resolutions.
  std::string_view text =
      "Recalling resolutions WHA58.3 on revision of the International Health Regulations and\n"
      "WHA58.5 on strengthening pandemic-influenza preparedness; consistent with decision "
      "EB150(3) (2022), decision WHA75(9) and resolution EB144.R5;";
  EXPECT_EQ(Documents(text),
            (std::vector<std::string>{"WHA58.3", "WHA58.5", "EB150(3)", "WHA75(9)", "EB144.R5"}));
  EXPECT_TRUE(Resolutions(text).empty());
  for (auto c : ExtractCitations(text)) EXPECT_EQ(text.substr(c.begin, c.end - c.begin), c.symbol);
  // Not symbols: glued to other letters or digits, a leading zero, an Executive Board number
  // without its R.
  EXPECT_TRUE(Documents("XWHA58.3 WHA58.3x WHA058.3 EB150.3 WHA58. EBX").empty());
}

TEST(ExtractCitations, GivesCitationsThatNameNoBodyToTheBodyAdoptingTheText) {
  // "its resolution" in a text of the Economic and Social Council is the Council's, even with
  // a Roman session (which alone would make a General Assembly resolution).
  auto c = ExtractCitations(
      "The Economic and Social Council,\n\nRecalling its resolution 728 F (XXVIII) of 30 July "
      "1959 and its decision 79 (LVIII) of 6 May 1975,\nRecalling also its resolution 1990/41 "
      "of 25 May 1990 and General Assembly resolution 1514 (XV),");
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].instrument, "ecosoc");
  EXPECT_EQ(c[0].number, 728);
  EXPECT_EQ(c[1].kind, "decision");
  EXPECT_EQ(c[1].instrument, "ecosoc");
  EXPECT_EQ(c[2].instrument, "ecosoc");
  EXPECT_EQ(c[2].year, 1990);
  EXPECT_EQ(c[3].instrument, "unga");  // named
  // The formula counts only where a line starts.
  auto mid = ExtractCitations("as the Economic and Social Council, recalling its resolution "
                              "728 F (XXVIII), decided");
  ASSERT_EQ(mid.size(), 1u);
  EXPECT_EQ(mid[0].instrument, "unga");
  // A General Assembly text: a number alone is the Assembly's, not the ITU Council's.
  EXPECT_EQ(Resolutions("L'Assemblée générale,\nRappelant sa résolution 1514,"),
            (std::vector<Res>{{"unga", 1514, "", 0, false}}));
  EXPECT_EQ(Resolutions("Rappelant sa résolution 1514,"), (std::vector<Res>{Council(1514)}));
}

TEST(ExtractCitations, ReadsArabicSessionsLettersAndSpacedNumbers) {
  // Before 1976 Arabic texts write the session "(د-17)" and the letter by its name ("ألف" for
  // A); some space the slash of "40/152".
  auto c = ExtractCitations(
      "قرار الجمعية العامة 1803 (د-17) المؤرخ في 14 كانون الأول/ديسمبر 1962، وقرارها 2200 ألف "
      "(د-21)، وإذ تشير إلى قراراتها 40 / 152 سين المؤرخ 16 كانون الأول/ ديسمبر 1985، و 45 / 65");
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].instrument, "unga");
  EXPECT_EQ(c[0].number, 1803);
  EXPECT_EQ(c[1].number, 2200);
  EXPECT_EQ(c[1].instrument, "unga");
  EXPECT_NE(c[1].text.find("ألف (د-21)"), std::string::npos);
  EXPECT_EQ(c[2].symbol, "A/RES/40/152");
  EXPECT_NE(c[2].text.find("سين"), std::string::npos);
  EXPECT_EQ(c[3].symbol, "A/RES/45/65");
  // Not a session: another word after د, no number, a leading zero.
  EXPECT_EQ(Resolutions("القرار 1803 (دول-17)"), (std::vector<Res>{Council(1803)}));
  EXPECT_EQ(Resolutions("القرار 1803 (د-)"), (std::vector<Res>{Council(1803)}));
  EXPECT_EQ(Resolutions("القرار 1803 (د-07)"), (std::vector<Res>{Council(1803)}));
  // A slash spaced on one side only is not one number.
  EXPECT_EQ(Resolutions("القرار 40 /152").size(), 1u);
  EXPECT_EQ(Resolutions("القرار 40 /152")[0].number, 40);
}

TEST(ExtractCitations, ReadsChineseListsWithDatesInChineseNumerals) {
  // A list whose numbers each follow a date written in Chinese numerals and "adopted on", closed
  // by a subject before 决议 (traditional forms, as the Macao gazette prints them).
  std::string_view text =
      "通過的第1356(2001)號、二零零二年七月二十二日通過的第1425(2002)號及二零零七年八月二十日"
      "通過的第1772(2007)號有關索馬里局勢的決議的中文正式文本";
  EXPECT_EQ(Resolutions(text), (std::vector<Res>{{"unsc", 1356, "", 2001, false},
                                                 {"unsc", 1425, "", 2002, false},
                                                 {"unsc", 1772, "", 2007, false}}));
  // A single number with a subject is not read that way, nor is a list that never reaches 决议.
  EXPECT_TRUE(Resolutions("第1356(2001)號有關索馬里局勢的決議").empty());
  EXPECT_TRUE(Resolutions("第1356(2001)號、第1425(2002)號有關索馬里局勢的報告").empty());
}

TEST(ExtractCitations, ReadsChineseRecommendationsWordAfterTheNumber) {
  auto c = ExtractCitations("公开密钥和属性证书框架\nITU-T X.509建议书 (08/2005)");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "recommendation");
  EXPECT_EQ(c[0].symbol, "ITU-T X.509");
  EXPECT_EQ(c[0].text, "ITU-T X.509建议书");
  EXPECT_TRUE(ExtractCitations("ITU-T X.509 (08/2005)").empty());
}

TEST(ExtractCitations, TakesTheInstrumentNamedAfterTheDate) {
  auto c = ExtractCitations(
      "Noting decision 2000/109 of 26 April 2000 of the Commission on Human Rights, inter alia");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "decision");
  EXPECT_EQ(c[0].instrument, "chr");
  EXPECT_EQ(c[0].year, 2000);
  EXPECT_EQ(c[0].text, "decision 2000/109 of 26 April 2000 of the Commission on Human Rights");
}

TEST(ExtractCitations, FindsSpecialSessionSymbolsAndArabicConjoinedKeywords) {
  EXPECT_EQ(Documents("联合国大会第二十三届特别会议成果文件中的承诺(A/S-23/10/Rev.1),"),
            (std::vector<std::string>{"A/S-23/10/Rev.1"}));
  EXPECT_TRUE(Documents("A/S-023/10 A/S-/10").empty());
  auto c = ExtractCitations("إذ تشير إلي قرارها 523 (د-6)، وقرارها 626 (د-7) المؤرخ");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[1].number, 626);
  EXPECT_EQ(c[1].instrument, "unga");
}

TEST(ExtractCitations, ReadsSpanishKeywordsAsOcrLeavesThem) {
  EXPECT_EQ(Resolutions("Resolucin 1397 (2002)\n\nAprobada por el Consejo de Seguridad en su "
                        "4489 sesin"),
            (std::vector<Res>{{"unsc", 1397, "", 2002, false}}));
  EXPECT_EQ(Resolutions("Recordando su resolucién 1514 (XV) de 14 de di- ciembre de 1960"),
            (std::vector<Res>{{"unga", 1514, "", 0, false}}));
}

TEST(ExtractCitations, ReadsConferenceAbbreviationsInTheQualifier) {
  EXPECT_EQ(Resolutions("Resolution 95 (Rev.WRC-07) and RESOLUTION 10 (REV.WRC-2000)"),
            (std::vector<Res>{{"wrc", 95, "Geneva", 2007, true},
                              {"wrc", 10, "Istanbul", 2000, true}}));
  EXPECT_EQ(Resolutions("Резолюция 646 (Пересм. ВКР-15)"),
            (std::vector<Res>{{"wrc", 646, "Geneva", 2015, true}}));
  EXPECT_EQ(Resolutions("Council Resolution 1343 (C12)"),
            (std::vector<Res>{{"council", 1343, "", 2012, false}}));
}

TEST(ExtractCitations, GivesEcosocItsRomanAndOrganizationalSessions) {
  // The General Assembly's Roman sessions end at XXX (1975); ECOSOC's went on.
  EXPECT_EQ(Resolutions("resolution 1296 (XLIV) and resolution 3363 (XXX)"),
            (std::vector<Res>{{"ecosoc", 1296, "", 0, false}, {"unga", 3363, "", 0, false}}));
  auto c = ExtractCitations("decision 65 (ORG-75)");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "decision");
  EXPECT_EQ(c[0].instrument, "ecosoc");
}

TEST(ExtractCitations, KeepsUnescoSymbolsAsDocuments) {
  auto c = ExtractCitations(
      "(39 C/Resolution 15) or (39 C/Res.15); document 197 EX/1 Prov. Rev.; резолюция 14 С/23; "
      "CL/4123");
  std::vector<std::string> symbols;
  for (const Citation& x : c) {
    EXPECT_EQ(x.kind, "document") << x.text;
    symbols.push_back(x.symbol);
  }
  EXPECT_EQ(symbols, (std::vector<std::string>{"39 C/Resolution 15", "39 C/Res.15",
                                               "197 EX/1 Prov. Rev.", "14 C/23", "CL/4123"}));
  // The form UNESCO's records ask for in running text.
  c = ExtractCitations("Resolution 15 adopted by the General Conference at its 36th session");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "document");
  EXPECT_EQ(c[0].symbol, "36 C/Resolution 15");
  // Punctuation after the symbol is not part of it, however long the run.
  c = ExtractCitations("document 197 EX/3.-- and 28 C/COM.I/2.--.");
  symbols.clear();
  for (const Citation& x : c) symbols.push_back(x.symbol);
  EXPECT_EQ(symbols, (std::vector<std::string>{"197 EX/3", "28 C/COM.I/2"}));
}

TEST(ExtractCitations, KeepsUnidoSymbolsAsDocuments) {
  auto c = ExtractCitations(
      "IDB.49/1/Add.1 Organisation; decision IDB.50/Dec.11; (IDB.51/CRP.1); resolution "
      "GC.6/Res.11; (IDB.18/8-PBC.13/6).");
  std::vector<std::string> symbols;
  for (const Citation& x : c) {
    EXPECT_EQ(x.kind, "document") << x.text;
    EXPECT_EQ(x.symbol, x.text);
    symbols.push_back(x.symbol);
  }
  EXPECT_EQ(symbols, (std::vector<std::string>{"IDB.49/1/Add.1", "IDB.50/Dec.11", "IDB.51/CRP.1",
                                               "GC.6/Res.11", "IDB.18/8-PBC.13/6"}));
  EXPECT_TRUE(ExtractCitations("XIDB.5/1 IDB.05/1 IDB.5/Add.1 IDB.5/1x").empty());
}

TEST(ExtractCitations, ReadsDevelopmentConferenceSymbolsAsPdfExtractionLeavesThem) {
  EXPECT_EQ(Documents("WTDC-17/23(Add.10)-EPage 1\n\nPLENARY MEETING / Addendum 10 to\n"
                      "Document WTDC-17/23-E"),
            (std::vector<std::string>{"WTDC-17/23(Add.10)-E", "WTDC-17/23-E"}));
  EXPECT_EQ(Documents("Документ WTDC17/11-R28 июня 2017 года"),
            (std::vector<std::string>{"WTDC-17/11-R"}));
  EXPECT_EQ(Documents("Документ WTDC17/11-R 28 июня 2017 года"),
            (std::vector<std::string>{"WTDC-17/11-R"}));
}

TEST(ExtractCitations, NamesEcosocAndTheHumanRightsCouncilApartFromTheItuCouncil) {
  EXPECT_EQ(Resolutions("à la lumière de\nla résolution 1996/31 du Conseil économique et social"),
            (std::vector<Res>{{"ecosoc", 31, "", 1996, false}}));
  EXPECT_EQ(Resolutions("la resolución 2004/52 del Consejo de Derechos Humanos"),
            (std::vector<Res>{{"hrc", 52, "", 2004, false}}));
  EXPECT_EQ(Resolutions("резолюции Совета по правам человека 4/4 от 30 марта 2007 года и 9/3"),
            (std::vector<Res>{{"hrc", 4, "", 0, false}, {"hrc", 3, "", 0, false}}));
  EXPECT_EQ(Resolutions("في قرار المجلس الاقتصادي والاجتماعي 2015/11، أحاط المجلس"),
            (std::vector<Res>{{"ecosoc", 11, "", 2015, false}}));
}

TEST(ExtractCitations, EndsAListAtANumberedParagraph) {
  EXPECT_EQ(Resolutions("принимая во внимание резолюцию 5/1 Совета по правам человека от 18 "
                        "июня 2007 года, 1. с удовлетворением принимает к сведению"),
            (std::vector<Res>{{"hrc", 1, "", 0, false}}));
  // Numbers of the list itself still follow the comma.
  EXPECT_EQ(Resolutions("resolutions 713 (1991) of 25 September 1991, 721 (1991)"),
            (std::vector<Res>{{"unsc", 713, "", 1991, false}, {"unsc", 721, "", 1991, false}}));
}

TEST(ExtractCitations, ReadsLetterRangesTitlesAndChineseNumerals) {
  EXPECT_EQ(Resolutions("resolutions 3411 A and B (XXX), resolutions 3419 A to D (XXX)"),
            (std::vector<Res>{{"unga", 3411, "", 0, false}, {"unga", 3419, "", 0, false}}));
  EXPECT_EQ(Resolutions("resolutions 2626 (XXV) entitled \"International Development "
                        "Strategy\", 3202 (S-VI) entitled"),
            (std::vector<Res>{{"unga", 2626, "", 0, false}, {"unga", 3202, "", 0, false}}));
  EXPECT_EQ(Resolutions("决议案三九六(五)所载建议，决议案二0二五(二十)确认"),
            (std::vector<Res>{{"unga", 396, "", 0, false}, {"unga", 2025, "", 0, false}}));
}

TEST(ExtractCitations, StopsAtMaxResultsAndSaysSo) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "C22/1, ";
  bool truncated = false;
  auto all = ExtractCitations(text, 1000, &truncated);
  EXPECT_EQ(all.size(), 50u);
  EXPECT_FALSE(truncated);
  auto some = ExtractCitations(text, 7, &truncated);
  ASSERT_EQ(some.size(), 7u);
  EXPECT_TRUE(truncated);
  EXPECT_EQ(some[6], all[6]);
  EXPECT_FALSE(ExtractCitations(text, 50, &truncated).empty());
  EXPECT_FALSE(truncated);  // exactly the bound: nothing left out
}

}  // namespace
}  // namespace plenary::text

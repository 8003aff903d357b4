// Tests for parsing, formatting and revision headers of ITU and UN document symbols.
#include "text/symbols.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace plenary::text {
namespace {

DocumentSymbol Parsed(const std::string& text) {
  auto r = ParseSymbol(text);
  EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : DocumentSymbol{};
}

TEST(ParseSymbol, ReadsOldSecurityCouncilAndAssemblySymbols) {
  // Before 1994 Security Council documents had no series part; so had early Assembly ones.
  auto s = ParseSymbol("S/24401");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(FormatSymbol(*s), "S/24401");
  ASSERT_TRUE(ParseSymbol("A/6014").ok());
  EXPECT_FALSE(ParseSymbol("A/77").ok());  // a short number is a session, not a document
  EXPECT_FALSE(ParseSymbol("S/01234").ok());
}

TEST(ParseSymbol, ReadsCouncilDocument) {
  DocumentSymbol s = Parsed("C22/33");
  EXPECT_EQ(s.series, "C22");
  EXPECT_EQ(s.number, "33");
  EXPECT_EQ(s.revision, 0);
  EXPECT_EQ(s.language, "");
}

TEST(ParseSymbol, ReadsRevisionInParentheses) {
  DocumentSymbol s = Parsed("C22/32(Rev.1)");
  EXPECT_EQ(s.series, "C22");
  EXPECT_EQ(s.number, "32");
  EXPECT_EQ(s.revision, 1);
}

TEST(ParseSymbol, ReadsRevisionWithLanguage) {
  DocumentSymbol s = Parsed("C22/32(Rev.1)-E");
  EXPECT_EQ(s.revision, 1);
  EXPECT_EQ(s.language, "E");
}

TEST(ParseSymbol, ReadsAddendumAndCorrigendum) {
  EXPECT_EQ(Parsed("C22/33(Add.1)").addendum, 1);
  EXPECT_EQ(Parsed("C22/33(Corr.1)").corrigendum, 1);
  DocumentSymbol s = Parsed("C22/33(Rev.2)(Add.1)(Corr.3)-F");
  EXPECT_EQ(s.revision, 2);
  EXPECT_EQ(s.addendum, 1);
  EXPECT_EQ(s.corrigendum, 3);
  EXPECT_EQ(s.language, "F");
}

TEST(ParseSymbol, ReadsDocumentClasses) {
  EXPECT_EQ(Parsed("C22/DT/5").number, "DT/5");
  EXPECT_EQ(Parsed("C22/DL/7").number, "DL/7");
  EXPECT_EQ(Parsed("C22/INF/3").number, "INF/3");
  EXPECT_EQ(Parsed("C22/ADM/2").number, "ADM/2");
  EXPECT_EQ(Parsed("C22/DT/5").series, "C22");
}

TEST(ParseSymbol, ReadsEveryLanguageSuffix) {
  for (std::string l : {"E", "F", "S", "R", "A", "C"}) {
    DocumentSymbol s = Parsed("C22/33-" + l);
    EXPECT_EQ(s.language, l);
    EXPECT_EQ(s.number, "33");
  }
}

TEST(ParseSymbol, ReadsCwgContribution) {
  DocumentSymbol s = Parsed("CWG-Internet 16/1");
  EXPECT_EQ(s.series, "CWG-Internet 16");
  EXPECT_EQ(s.number, "1");
  DocumentSymbol w = Parsed("CWG-WSIS&SDG 40/3(Rev.1)-E");
  EXPECT_EQ(w.series, "CWG-WSIS&SDG 40");
  EXPECT_EQ(w.revision, 1);
  EXPECT_EQ(w.language, "E");
}

// ITU-D: documents of the World Telecommunication Development Conference, as their headers
// print them ("Addendum 10 to Document WTDC-17/23-E") and as they are cited ("WTDC17/11-R").
TEST(ParseSymbol, ReadsDevelopmentConferenceDocument) {
  DocumentSymbol s = Parsed("WTDC17/11-R");
  EXPECT_EQ(s.series, "WTDC-17");
  EXPECT_EQ(s.number, "11");
  EXPECT_EQ(s.language, "R");
  EXPECT_EQ(FormatSymbol(s), "WTDC-17/11-R");
  DocumentSymbol a = Parsed("WTDC-17/23(Add.10)-E");
  EXPECT_EQ(a.series, "WTDC-17");
  EXPECT_EQ(a.addendum, 10);
  EXPECT_EQ(FormatSymbol(a), "WTDC-17/23(Add.10)-E");
  EXPECT_EQ(RevisionHeader(a, "en"), "Addendum 10 to Document WTDC-17/23-E");
  EXPECT_FALSE(ParseSymbol("WTDC-7/23").ok());
  EXPECT_FALSE(ParseSymbol("WTDC/23").ok());
  EXPECT_FALSE(ParseSymbol("WTDC-17/23/Add.1").ok());
}

TEST(ParseSymbol, ReadsGeneralAssemblyDocument) {
  DocumentSymbol s = Parsed("A/77/400");
  EXPECT_EQ(s.series, "A/77");
  EXPECT_EQ(s.number, "400");
}

TEST(ParseSymbol, ReadsMainCommitteeDraftWithRevision) {
  DocumentSymbol s = Parsed("A/C.4/77/L.12/Rev.1");
  EXPECT_EQ(s.series, "A/C.4/77");
  EXPECT_EQ(s.number, "L.12");
  EXPECT_EQ(s.revision, 1);
}

TEST(ParseSymbol, ReadsSummaryRecord) {
  DocumentSymbol s = Parsed("A/C.4/77/SR.24");
  EXPECT_EQ(s.series, "A/C.4/77");
  EXPECT_EQ(s.number, "SR.24");
}

TEST(ParseSymbol, ReadsJointDocument) {
  DocumentSymbol s = Parsed("A/77/90-E/2022/66");
  EXPECT_EQ(s.series, "A/77");
  EXPECT_EQ(s.number, "90");
  EXPECT_EQ(s.joint, std::vector<std::string>{"E/2022/66"});
}

TEST(ParseSymbol, ReadsPressReleasesAlsoJoint) {
  DocumentSymbol s = Parsed("SC/6816");
  EXPECT_EQ(s.series, "SC");
  EXPECT_EQ(s.number, "6816");
  EXPECT_EQ(FormatSymbol(Parsed("SG/SM/7000")), "SG/SM/7000");
  DocumentSymbol j = Parsed("SC/7791-IK/365");
  EXPECT_EQ(j.number, "7791");
  EXPECT_EQ(j.joint, std::vector<std::string>{"IK/365"});
  // The number of a press release has at least three digits; SG has no two-part form.
  EXPECT_EQ(FormatSymbol(Parsed("ECOSOC/6562")), "ECOSOC/6562");
  EXPECT_FALSE(ParseSymbol("SC/12").ok());
  EXPECT_FALSE(ParseSymbol("SG/1234").ok());
  EXPECT_FALSE(ParseSymbol("GA/0123").ok());
}

TEST(ParseSymbol, ReadsSecurityCouncilResolutionWithYear) {
  DocumentSymbol s = Parsed("S/RES/955 (1994)");
  EXPECT_EQ(s.series, "S/RES");
  EXPECT_EQ(s.number, "955");
  EXPECT_EQ(s.year, "1994");
}

TEST(ParseSymbol, ReadsEcosocAndResolutionSymbols) {
  DocumentSymbol e = Parsed("E/2022/66");
  EXPECT_EQ(e.series, "E/2022");
  EXPECT_EQ(e.number, "66");
  DocumentSymbol r = Parsed("A/RES/77/1");
  EXPECT_EQ(r.series, "A/RES/77");
  EXPECT_EQ(r.number, "1");
  EXPECT_EQ(Parsed("A/RES/ES-10/19").series, "A/RES/ES-10");
}

TEST(ParseSymbol, ReadsUnAddendumAndCorrigendum) {
  EXPECT_EQ(Parsed("A/77/400/Add.1").addendum, 1);
  EXPECT_EQ(Parsed("A/77/400/Corr.2").corrigendum, 2);
  DocumentSymbol s = Parsed("A/77/400/Add.1/Corr.1");
  EXPECT_EQ(s.addendum, 1);
  EXPECT_EQ(s.corrigendum, 1);
}

TEST(ParseSymbol, KeepsTheOrderOfRevisionAndAddendum) {
  EXPECT_FALSE(Parsed("A/77/400/Rev.1/Add.1").addendum_first);
  EXPECT_TRUE(Parsed("A/77/400/Add.1/Rev.1").addendum_first);
  EXPECT_TRUE(Parsed("C19/5(Add.1)(Rev.1)").addendum_first);
  EXPECT_FALSE(Parsed("C19/5(Rev.1)").addendum_first);
}

TEST(FormatSymbol, RoundTripsCanonicalForms) {
  for (std::string text : {"C22/33",
                           "C22/32(Rev.1)",
                           "C22/32(Rev.1)-E",
                           "C22/33(Add.1)",
                           "C22/33(Corr.1)",
                           "C22/DT/5",
                           "C22/DL/7",
                           "C22/INF/3",
                           "C22/33-E",
                           "C22/33-F",
                           "C22/33-S",
                           "C22/33-R",
                           "C22/33-A",
                           "C22/33-C",
                           "C19/5(Add.1)(Rev.1)",
                           "C22/33(Rev.1)(Add.2)(Corr.1)-R",
                           "CWG-Internet 16/1",
                           "CWG-Internet 17/3(Rev.1)-E",
                           "WTDC-17/23(Add.17)-E",
                           "WTDC-22/DT/5",
                           "A/77/400",
                           "A/C.4/77/L.12/Rev.1",
                           "A/C.4/77/SR.24",
                           "A/77/90-E/2022/66",
                           "S/RES/955 (1994)",
                           "S/RES/955",
                           "E/2022/66",
                           "A/RES/77/1",
                           "A/77/400/Add.1",
                           "A/77/400/Corr.2",
                           "A/77/400/Add.1/Rev.1",
                           "A/77/400/Rev.1/Add.1",
                           "A/HRC/RES/50/1",
                           "ST/SGB/2019/8",
                           "A/77/PV.12",
                           "E/C.12/GC/24",
                           "A/RES/ES-10/19"}) {
    auto parsed = ParseSymbol(text);
    ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.error().message;
    EXPECT_EQ(FormatSymbol(*parsed), text);
    auto again = ParseSymbol(FormatSymbol(*parsed));
    ASSERT_TRUE(again.ok()) << text;
    EXPECT_EQ(*again, *parsed) << text;
  }
}

TEST(FormatSymbol, NormalisesSpacing) {
  EXPECT_EQ(FormatSymbol(Parsed("C22/32 (Rev.1)")), "C22/32(Rev.1)");
  EXPECT_EQ(FormatSymbol(Parsed("C22/32(Rev. 1)")), "C22/32(Rev.1)");
  EXPECT_EQ(FormatSymbol(Parsed("A/77/L.1/Rev. 1")), "A/77/L.1/Rev.1");
  EXPECT_EQ(FormatSymbol(Parsed("S/RES/955(1994)")), "S/RES/955 (1994)");
  EXPECT_EQ(FormatSymbol(Parsed("  C22/33  ")), "C22/33");
}

TEST(ParseSymbol, RejectsGarbageWithTheRule) {
  struct Case {
    std::string text;
    std::string rule;
  };
  const Case cases[] = {
      {"", "empty"},
      {"hello", "not a document symbol"},
      {"C22", "a Council symbol starts with C and the two-digit year"},
      {"C2/33", "two-digit year"},
      {"c22/33", "upper case"},
      {"C22/033", "no leading zeros"},
      {"C22/", "document number"},
      {"C22/XX/3", "unknown document class \"XX\""},
      {"C22/DT5", "expected \"/\" after DT"},
      {"C22/33/Rev.1", "ITU writes revisions in parentheses"},
      {"C22/33(Rev.0)", "numbers start at 1"},
      {"C22/33(Rev.1)(Rev.2)", "Rev. appears twice"},
      {"C22/33(Corr.1)(Rev.1)", "Corr. comes after Rev. and Add."},
      {"C22/33(Draft)", "expected Rev.N, Add.N or Corr.N"},
      {"C22/33(Rev.1", "unclosed"},
      {"C22/33-Q", "the language suffix is one of"},
      {"C22/33-EN", "the language suffix is one of"},
      {"C22/33 bis", "unexpected"},
      {"CWG-Internet16/1", "a space before the meeting number"},
      {"CWG- 16/1", "names its group"},
      {"A/77", "at least one series part and a number"},
      {"A//400", "empty part between slashes"},
      {"X/77/400", "unknown organ \"X\""},
      {"a/77/400", "unknown organ"},
      {"A/77/400-E", "no language suffix"},
      {"A/77/4x0", "digits or a class and digits"},
      {"A/RES/77/1 (2022)", "only Security Council resolutions carry a year"},
      {"S/RES/955 (94)", "four digits"},
      {"A/77/400/Add.0", "numbers start at 1"},
      {"A/77/9!/1", "is not a series part"},
      {"C22/33\xe5\x8f\xb7", "printable ASCII"},
  };
  for (const Case& c : cases) {
    auto r = ParseSymbol(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.error().code, Code::kInvalidArgument);
    EXPECT_EQ(r.error().field, "symbol");
    EXPECT_NE(r.error().message.find(c.rule), std::string::npos)
        << c.text << " → " << r.error().message;
  }
}

TEST(RevisionHeader, NamesTheRevisedDocumentInEnglish) {
  EXPECT_EQ(RevisionHeader(Parsed("C17/130(Rev.1)-E"), "en"), "Revision 1 to Document C17/130-E");
  EXPECT_EQ(RevisionHeader(Parsed("C17/130(Rev.1)"), "en"), "Revision 1 to Document C17/130-E");
  EXPECT_EQ(RevisionHeader(Parsed("C22/33(Add.1)"), "en"), "Addendum 1 to Document C22/33-E");
  EXPECT_EQ(RevisionHeader(Parsed("C22/33(Corr.2)"), "en"), "Corrigendum 2 to Document C22/33-E");
  EXPECT_EQ(RevisionHeader(Parsed("C19/5(Add.1)(Rev.1)"), "en"),
            "Revision 1 to Addendum 1 to Document C19/5-E");
  EXPECT_EQ(RevisionHeader(Parsed("C22/33"), "en"), "Document C22/33-E");
}

TEST(RevisionHeader, UsesTheSuffixOfTheRequestedLanguage) {
  EXPECT_EQ(RevisionHeader(Parsed("C17/130(Rev.1)"), "zh"), "C17/130-C号文件的第1号修订版");
  EXPECT_EQ(RevisionHeader(Parsed("C22/33(Add.1)"), "zh-CN"), "C22/33-C号文件的第1号补遗");
  EXPECT_EQ(RevisionHeader(Parsed("C17/130(Rev.1)"), "fr"), "Révision 1 au Document C17/130-F");
  EXPECT_EQ(RevisionHeader(Parsed("C17/130(Rev.1)"), "es"), "Revisión 1 al Documento C17/130-S");
  EXPECT_EQ(RevisionHeader(Parsed("C17/130(Rev.1)"), "ru"), "Пересмотр 1 к Документу C17/130-R");
  EXPECT_EQ(RevisionHeader(Parsed("C17/130(Rev.1)"), "ar"), "المراجعة 1 للوثيقة C17/130-A");
  EXPECT_EQ(RevisionHeader(Parsed("C17/130(Rev.1)"), "de"), "Revision 1 to Document C17/130-E");
}

TEST(RevisionHeader, KeepsTheSymbolsOwnLanguageAndGivesUnSymbolsNone) {
  EXPECT_EQ(RevisionHeader(Parsed("C17/130(Rev.1)-F"), "en"), "Revision 1 to Document C17/130-F");
  EXPECT_EQ(RevisionHeader(Parsed("A/C.4/77/L.12/Rev.1"), "en"),
            "Revision 1 to Document A/C.4/77/L.12");
}

TEST(SymbolPrefixLength, StopsAtTheEndOfTheSymbol) {
  EXPECT_EQ(SymbolPrefixLength("C22/33\xe5\x8f\xb7\xe6\x96\x87\xe4\xbb\xb6"), 6u);  // C22/33号文件
  EXPECT_EQ(SymbolPrefixLength("C22/32 (Rev.1)\xe5\x8f\xb7"), 14u);
  EXPECT_EQ(SymbolPrefixLength("C22/32(Rev.1) and C22/71"), 13u);
  EXPECT_EQ(SymbolPrefixLength("A/77/400."), 8u);
  EXPECT_EQ(SymbolPrefixLength("S/RES/955 (1994), adopted"), 16u);
  EXPECT_EQ(SymbolPrefixLength("CWG-Internet 16/1 was"), 17u);
  EXPECT_EQ(SymbolPrefixLength("WTDC17/11-R 28"), 11u);
}

TEST(SymbolPrefixLength, RejectsSymbolsRunningIntoOtherText) {
  EXPECT_EQ(SymbolPrefixLength("C22/33.5"), 0u);
  EXPECT_EQ(SymbolPrefixLength("C22/33x"), 0u);
  EXPECT_EQ(SymbolPrefixLength("CWG-WSIS&SDG)"), 0u);
  EXPECT_EQ(SymbolPrefixLength("A/B testing"), 0u);
  EXPECT_EQ(SymbolPrefixLength(""), 0u);
}

}  // namespace
}  // namespace plenary::text

// Tests for country lists, names, ITU administrative regions and UN M49 regions.
#include "text/countries.h"

#include <gtest/gtest.h>
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace plenary::text {
namespace {

// Position of `code` in `list`, or -1.
int IndexOf(const std::vector<Country>& list, std::string_view code) {
  auto it = std::ranges::find(list, code, &Country::code);
  return it == list.end() ? -1 : static_cast<int>(it - list.begin());
}

TEST(Countries, ListsSwitzerlandInChinese) {
  const auto& zh = Countries("zh");
  int i = IndexOf(zh, "CH");
  ASSERT_GE(i, 0);
  EXPECT_EQ(zh[i].name, "瑞士");
  EXPECT_EQ(CountryName("CH", "zh"), "瑞士");
}

TEST(Countries, ListsEveryAssignedIsoCodeExactlyOnce) {
  const auto& en = Countries("en");
  std::set<std::string> codes;
  for (const Country& c : en) {
    EXPECT_TRUE(IsCountry(c.code)) << c.code;
    EXPECT_FALSE(c.name.empty()) << c.code;
    codes.insert(c.code);
  }
  EXPECT_EQ(codes.size(), en.size());
  EXPECT_EQ(en.size(), 249u);  // ISO 3166-1 assigned alpha-2 codes
  for (const char* code : {"CH", "PS", "TW", "AQ", "SS", "VA", "PW"})
    EXPECT_TRUE(codes.contains(code)) << code;
  for (const char* code : {"XK", "EU", "ZZ", "AC", "IC", "EA", "DG", "CP", "TA"})
    EXPECT_FALSE(codes.contains(code)) << code;
}

TEST(Countries, ArabicListIsNonEmptyAndSortedByArabicCollation) {
  const auto& ar = Countries("ar");
  ASSERT_EQ(ar.size(), Countries("en").size());
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(icu::Locale("ar"), status));
  ASSERT_TRUE(U_SUCCESS(status));
  for (size_t i = 1; i < ar.size(); ++i) {
    UErrorCode s = U_ZERO_ERROR;
    EXPECT_NE(collator->compare(icu::UnicodeString::fromUTF8(ar[i - 1].name),
                                icu::UnicodeString::fromUTF8(ar[i].name), s),
              UCOL_GREATER)
        << ar[i - 1].name << " before " << ar[i].name;
  }
  EXPECT_EQ(ar[IndexOf(ar, "CH")].name, "سويسرا");
}

TEST(Countries, SortsByCollationNotByBytes) {
  const auto& en = Countries("en");
  // "Åland Islands" files under A in English, not after "Zimbabwe" as UTF-8 bytes would.
  EXPECT_LT(IndexOf(en, "AX"), IndexOf(en, "AL"));
  EXPECT_LT(IndexOf(en, "CI"), IndexOf(en, "HR"));  // Côte d'Ivoire before Croatia
  const auto& zh = Countries("zh");
  // Chinese sorts by pinyin: 阿尔巴尼亚 (A'erbaniya) ... 中国 (Zhongguo).
  EXPECT_LT(IndexOf(zh, "AL"), IndexOf(zh, "DE"));  // 德国 (Deguo)
  EXPECT_LT(IndexOf(zh, "DE"), IndexOf(zh, "CN"));
}

TEST(Countries, ComputesEachLanguageOnceAndReturnsTheSameList) {
  EXPECT_EQ(&Countries("fr"), &Countries("fr"));
  EXPECT_NE(&Countries("fr"), &Countries("es"));
  EXPECT_EQ(Countries("fr")[IndexOf(Countries("fr"), "CH")].name, "Suisse");
}

TEST(Countries, ConcurrentFirstCallsShareOneList) {
  std::vector<const std::vector<Country>*> seen(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i)
    threads.emplace_back([&seen, i] { seen[i] = &Countries("ru"); });
  for (auto& t : threads) t.join();
  for (const auto* list : seen) EXPECT_EQ(list, seen[0]);
  EXPECT_EQ((*seen[0])[IndexOf(*seen[0], "CH")].name, "Швейцария");
}

TEST(Countries, AcceptsLanguageTagsAndIcuLocaleIds) {
  EXPECT_EQ(CountryName("DE", "zh-Hant"), "德國");
  EXPECT_EQ(CountryName("DE", "zh-Hans"), "德国");
  EXPECT_EQ(CountryName("CH", "ar@numbers=latn"), "سويسرا");
  EXPECT_EQ(CountryName("CH", ""), "Switzerland");  // never the process default locale
}

TEST(IsCountry, AcceptsAssignedCodes) {
  for (const char* code : {"CH", "CN", "US", "PS", "TW", "HK", "AQ", "VA", "SS", "BQ"})
    EXPECT_TRUE(IsCountry(code)) << code;
}

TEST(IsCountry, RejectsGroupingsReservedAndUserAssignedCodes) {
  for (const char* code : {"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "XK", "AA", "QM", "AC", "CP",
                           "DG", "EA", "IC", "TA", "UK", "001", "039"})
    EXPECT_FALSE(IsCountry(code)) << code;
}

TEST(IsCountry, RejectsLowerCaseAndMalformedCodes) {
  for (const char* code : {"ch", "Ch", "cH", "", "C", "CHE", " CH", "C1"})
    EXPECT_FALSE(IsCountry(code)) << '"' << code << '"';
}

TEST(CountryName, NamesCountriesAndNothingElse) {
  EXPECT_EQ(CountryName("CH", "en"), "Switzerland");
  EXPECT_EQ(CountryName("CH", "fr"), "Suisse");
  EXPECT_EQ(CountryName("CN", "zh"), "中国");
  EXPECT_EQ(CountryName("ZZ", "en"), "");
  EXPECT_EQ(CountryName("ch", "en"), "");
  EXPECT_EQ(CountryName("039", "en"), "");
}

TEST(ItuRegion, PlacesMemberStatesInTheirRegion) {
  const std::map<char, std::vector<const char*>> expected = {
      {'A', {"US", "CA", "BR", "MX", "AR", "CU", "JM", "TT"}},
      {'B', {"FR", "DE", "CH", "GB", "IT", "TR", "IL", "CY", "HU", "VA", "ES", "SE"}},
      {'C', {"RU", "UA", "KZ", "AM", "GE", "AZ", "PL", "CZ", "RO", "BG", "MK", "LT", "KG", "BY"}},
      {'D', {"NG", "ZA", "KE", "EG", "DZ", "MA", "TN", "LY", "SS", "MU"}},
      {'E', {"CN", "IN", "JP", "AU", "SA", "AE", "IR", "MN", "KR", "NZ", "PW", "KW", "BH"}},
  };
  for (const auto& [region, codes] : expected)
    for (const char* code : codes) {
      EXPECT_EQ(ItuRegion(code), region) << code;
      EXPECT_TRUE(IsItuMemberState(code)) << code;
    }
}

TEST(ItuRegion, PlacesNonMemberTerritoriesByGeography) {
  EXPECT_EQ(ItuRegion("PR"), 'A');
  EXPECT_EQ(ItuRegion("GL"), 'A');  // North America, although Denmark is in B
  EXPECT_EQ(ItuRegion("GI"), 'B');
  EXPECT_EQ(ItuRegion("FO"), 'B');
  EXPECT_EQ(ItuRegion("RE"), 'D');
  EXPECT_EQ(ItuRegion("EH"), 'D');
  EXPECT_EQ(ItuRegion("HK"), 'E');
  EXPECT_EQ(ItuRegion("MO"), 'E');
  EXPECT_EQ(ItuRegion("TW"), 'E');
  EXPECT_EQ(ItuRegion("PS"), 'E');
  EXPECT_EQ(ItuRegion("NC"), 'E');  // Oceania, although France is in B
  for (const char* code : {"PR", "GL", "HK", "MO", "TW", "PS", "NC", "AQ"})
    EXPECT_FALSE(IsItuMemberState(code)) << code;
}

TEST(ItuRegion, EveryTerritoryButAntarcticaHasARegionMatchingItsContinent) {
  const std::map<std::string, char> by_continent = {
      {"019", 'A'}, {"150", 'B'}, {"002", 'D'}, {"142", 'E'}, {"009", 'E'}};
  for (const Country& c : Countries("en")) {
    if (c.code == "AQ") continue;
    char region = ItuRegion(c.code);
    EXPECT_NE(region, 0) << c.code << " is in no ITU region";
    if (IsItuMemberState(c.code)) continue;
    auto m49 = M49Region(c.code, "en");
    ASSERT_TRUE(m49.has_value()) << c.code;
    EXPECT_EQ(region, by_continent.at(m49->continent_code)) << c.code << " " << c.name;
  }
}

TEST(ItuRegion, ReturnsZeroOutsideTheTable) {
  EXPECT_EQ(ItuRegion("AQ"), 0);
  EXPECT_EQ(ItuRegion("ZZ"), 0);
  EXPECT_EQ(ItuRegion("XK"), 0);
  EXPECT_EQ(ItuRegion("ch"), 0);
  EXPECT_EQ(ItuRegion(""), 0);
  EXPECT_FALSE(IsItuMemberState("ZZ"));
  EXPECT_FALSE(IsItuMemberState("ch"));
}

TEST(ItuRegion, CountsMemberStatesPerRegion) {
  std::map<char, int> members;
  for (const Country& c : Countries("en"))
    if (IsItuMemberState(c.code)) ++members[ItuRegion(c.code)];
  // 194 Member States since Palau joined in 2024. B and C follow our reconstruction of ITU's
  // list (see countries.cc).
  EXPECT_EQ(members['A'], 35);
  EXPECT_EQ(members['B'], 34);
  EXPECT_EQ(members['C'], 21);
  EXPECT_EQ(members['D'], 54);
  EXPECT_EQ(members['E'], 50);
  EXPECT_EQ(members.size(), 5u);  // no member without a region
  int total = 0;
  for (const auto& [region, n] : members) total += n;
  EXPECT_EQ(total, 194);
}

TEST(ItuRegionName, NamesRegionsInEnglishAndChinese) {
  EXPECT_EQ(ItuRegionName('A', "en"), "Americas");
  EXPECT_EQ(ItuRegionName('B', "en"), "Western Europe");
  EXPECT_EQ(ItuRegionName('C', "en"), "Eastern Europe and Northern Asia");
  EXPECT_EQ(ItuRegionName('D', "en"), "Africa");
  EXPECT_EQ(ItuRegionName('E', "en"), "Asia and Australasia");
  EXPECT_EQ(ItuRegionName('A', "zh"), "美洲");
  EXPECT_EQ(ItuRegionName('B', "zh"), "西欧");
  EXPECT_EQ(ItuRegionName('D', "zh-Hans"), "非洲");
}

TEST(ItuRegionName, HasANameInEveryUnLanguage) {
  for (const char* lang : {"en", "zh", "fr", "es", "ru", "ar"})
    for (char region : {'A', 'B', 'C', 'D', 'E'})
      EXPECT_FALSE(ItuRegionName(region, lang).empty()) << lang << " " << region;
  EXPECT_EQ(ItuRegionName('B', "fr"), "Europe occidentale");
}

TEST(ItuRegionName, FallsBackToEnglishAndRejectsUnknownRegions) {
  EXPECT_EQ(ItuRegionName('B', "de"), "Western Europe");
  EXPECT_EQ(ItuRegionName('B', ""), "Western Europe");
  EXPECT_EQ(ItuRegionName('F', "en"), "");
  EXPECT_EQ(ItuRegionName('a', "en"), "");
  EXPECT_EQ(ItuRegionName(0, "en"), "");
}

TEST(M49Region, FindsSubregionAndContinent) {
  struct Case {
    const char* code;
    const char* subregion;
    const char* continent;
  };
  for (const Case& c :
       {Case{"IT", "039", "150"}, Case{"CH", "155", "150"}, Case{"CN", "030", "142"},
        Case{"BR", "005", "019"}, Case{"NG", "011", "002"}, Case{"AU", "053", "009"}}) {
    auto m49 = M49Region(c.code, "en");
    ASSERT_TRUE(m49.has_value()) << c.code;
    EXPECT_EQ(m49->subregion_code, c.subregion) << c.code;
    EXPECT_EQ(m49->continent_code, c.continent) << c.code;
  }
}

TEST(M49Region, NamesRegionsInTheRequestedLanguage) {
  auto it = M49Region("IT", "en");
  ASSERT_TRUE(it.has_value());
  EXPECT_EQ(it->subregion_name, "Southern Europe");
  EXPECT_EQ(it->continent_name, "Europe");
  auto ch = M49Region("CH", "zh");
  ASSERT_TRUE(ch.has_value());
  EXPECT_EQ(ch->subregion_name, "西欧");
  EXPECT_EQ(ch->continent_name, "欧洲");
  auto cn = M49Region("CN", "fr");
  ASSERT_TRUE(cn.has_value());
  EXPECT_EQ(cn->subregion_name, "Asie de l’Est");
}

TEST(M49Region, IsEmptyForAntarcticaAndNonCountries) {
  EXPECT_FALSE(M49Region("AQ", "en").has_value());  // ICU puts it in the non-M49 "QO"
  EXPECT_FALSE(M49Region("ZZ", "en").has_value());
  EXPECT_FALSE(M49Region("EU", "en").has_value());
  EXPECT_FALSE(M49Region("it", "en").has_value());
  EXPECT_FALSE(M49Region("039", "en").has_value());
}

}  // namespace
}  // namespace plenary::text

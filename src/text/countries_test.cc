// Tests for country lists, names, ITU administrative regions and UN M49 regions.
#include "text/countries.h"

#include <gtest/gtest.h>
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <map>
#include <regex>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "testing/testdata.h"

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
  EXPECT_EQ(CountryName("DE", "zh-Hant"), "德國");  // ICU's: the UN writes simplified Chinese
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


// --- The UN's names ---------------------------------------------------------------------------

// The rows of a CSV file of testdata/un_country_names/ (quoted fields with "" inside), header
// included.
std::vector<std::vector<std::string>> ReadCsv(const std::string& name) {
  const std::string text =
      testdata::ReadFile(testdata::TestDataDir() / "un_country_names" / name);
  EXPECT_FALSE(text.empty()) << name;
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (ch == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else if (ch != '\r') {
      field += ch;
    }
  }
  if (!field.empty()) rows.back().push_back(std::move(field));
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

constexpr std::array<const char*, 6> kSix = {"en", "fr", "es", "ru", "zh", "ar"};

// What a list shows of a UNTERM short name: no observer marks (" *", " **") and no article for
// running text ("Bahamas (the)", "Afghanistan (l')", "Argentina (la)").
std::string Shown(const std::string& unterm) {
  static const std::regex kMarks(" \\*+$");
  static const std::regex kArticle(" \\((the|le|la|les|l'|el|los|las)\\)$");
  return std::regex_replace(std::regex_replace(unterm, kMarks, ""), kArticle, "");
}

TEST(UnCountryName, NamesStatesAsTheUnDoes) {
  EXPECT_EQ(CountryName("RU", "en"), "Russian Federation");
  EXPECT_EQ(CountryName("RU", "zh"), "俄罗斯联邦");
  EXPECT_EQ(CountryName("RU", "fr"), "Fédération de Russie");
  EXPECT_EQ(CountryName("TR", "en"), "Türkiye");
  EXPECT_EQ(CountryName("TR", "es"), "Türkiye");
  EXPECT_EQ(CountryName("GB", "en"), "United Kingdom of Great Britain and Northern Ireland");
  EXPECT_EQ(CountryName("KP", "en"), "Democratic People's Republic of Korea");
  EXPECT_EQ(CountryName("KR", "zh"), "大韩民国");
  EXPECT_EQ(CountryName("VA", "en"), "Holy See");
  EXPECT_EQ(CountryName("IR", "en"), "Iran (Islamic Republic of)");
  EXPECT_EQ(CountryName("BO", "en"), "Bolivia (Plurinational State of)");
  EXPECT_EQ(CountryName("PS", "en"), "State of Palestine");
  EXPECT_EQ(CountryName("BS", "fr"), "Bahamas");  // without UNTERM's "(les)"
  EXPECT_EQ(CountryName("MD", "ru"), "Республика Молдова");
  EXPECT_EQ(CountryName("SY", "ar"), "الجمهورية العربية السورية");
  // The UN's short name of the Netherlands since 2023 (UN M49, written here from that source).
  EXPECT_EQ(CountryName("NL", "en"), "Netherlands (Kingdom of the)");
  EXPECT_EQ(CountryName("NL", "fr"), "Pays-Bas (Royaume des)");
  EXPECT_EQ(CountryName("NL", "es"), "Países Bajos (Reino de los)");
  EXPECT_EQ(CountryName("NL", "ru"), "Нидерланды (Королевство)");
  EXPECT_EQ(CountryName("NL", "zh"), "荷兰王国");
  EXPECT_EQ(CountryName("NL", "ar"), "هولندا (مملكة _)");
  // Territories keep ICU's names; so do languages other than the six, and traditional Chinese.
  EXPECT_EQ(CountryName("PR", "en"), IcuCountryName("PR", "en"));
  EXPECT_FALSE(UnCountryName("HK", "en").has_value());
  EXPECT_FALSE(UnCountryName("RU", "de").has_value());
  EXPECT_EQ(CountryName("DE", "zh-Hant"), IcuCountryName("DE", "zh-Hant"));
  // The lists use the same names, sorted by them.
  const auto& en = Countries("en");
  EXPECT_EQ(en[IndexOf(en, "RU")].name, "Russian Federation");
  const auto& zh = Countries("zh");
  EXPECT_EQ(zh[IndexOf(zh, "RU")].name, "俄罗斯联邦");
}

// Every name of the table is one of the copied UNTERM rows (shown without article or mark), or
// a later change listed, with its source, in changes.csv; every row is some code's, once. A
// code renamed in all six languages ("Netherlands (Kingdom of the)") matches no row by its
// names: the rows no code matches must be as many as those codes, and each code is then one of
// the table's either way.
TEST(UnCountryName, EveryNameComesFromTheCopiedSource) {
  auto rows = ReadCsv("unterm_short_names.csv");
  ASSERT_EQ(rows.size(), 198u);  // header, 193 UN Members, 2 observers, 2 non-member States
  rows.erase(rows.begin());
  auto change_rows = ReadCsv("changes.csv");
  ASSERT_GE(change_rows.size(), 2u);
  std::map<std::pair<std::string, std::string>, std::string> changes;  // (code, lang) → name
  for (std::size_t i = 1; i < change_rows.size(); ++i) {
    ASSERT_EQ(change_rows[i].size(), 4u) << i;
    EXPECT_FALSE(change_rows[i][3].empty()) << "change row " << i << " says where it comes from";
    changes[{change_rows[i][0], change_rows[i][1]}] = change_rows[i][2];
  }
  std::set<std::string> codes, renamed;  // renamed: a change in each of the six languages
  for (const Country& c : Countries("en")) {
    if (!UnCountryName(c.code, "en")) continue;
    codes.insert(c.code);
    bool all = true;
    for (const char* lang : kSix) {
      auto change = changes.find({c.code, lang});
      all = all && change != changes.end();
      if (change != changes.end()) EXPECT_EQ(*UnCountryName(c.code, lang), change->second);
    }
    if (all) renamed.insert(c.code);
  }
  EXPECT_EQ(codes.size(), rows.size());
  EXPECT_EQ(renamed, (std::set<std::string>{"NL"}));
  std::set<std::string> matched;
  std::size_t unmatched_rows = 0;
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 6u) << row[0];
    std::vector<std::string> found;
    for (const auto& code : codes) {
      if (renamed.contains(code)) continue;
      bool same = true;
      for (std::size_t i = 0; i < kSix.size(); ++i) {
        const std::string name = *UnCountryName(code, kSix[i]);
        auto change = changes.find({code, kSix[i]});
        same = same && (change != changes.end() ? name == change->second : name == Shown(row[i]));
      }
      if (same) found.push_back(code);
    }
    if (found.empty()) {
      ++unmatched_rows;
      continue;
    }
    ASSERT_EQ(found.size(), 1u) << "UNTERM row " << row[0];
    EXPECT_TRUE(matched.insert(found[0]).second) << found[0];
  }
  EXPECT_EQ(unmatched_rows, renamed.size());
  matched.insert(renamed.begin(), renamed.end());
  EXPECT_EQ(matched, codes);
}

// Hong Kong, Macao and Taiwan are not presented as States: their UN names (M49 in the six
// languages for Hong Kong and Macao; for Taiwan UN DESA's English name and M49's name of code 158
// in the five other languages), written here from the source.
TEST(UnAreaName, NamesHongKongMacaoAndTaiwanAsTheUnDoes) {
  EXPECT_EQ(CountryName("HK", "en"), "China, Hong Kong Special Administrative Region");
  EXPECT_EQ(CountryName("HK", "zh"), "中国香港特别行政区");
  EXPECT_EQ(CountryName("HK", "ar"), "منطقة هونغ كونغ الصينية الإدارية الخاصة");
  EXPECT_EQ(CountryName("HK", "fr"), "Chine, région administrative spéciale de Hong Kong");
  EXPECT_EQ(CountryName("MO", "en"), "China, Macao Special Administrative Region");
  EXPECT_EQ(CountryName("MO", "ru"), "Китай, Специальный административный район Макао");
  EXPECT_EQ(CountryName("MO", "es"), "China, región administrativa especial de Macao");
  EXPECT_EQ(CountryName("TW", "en"), "China, Taiwan Province of China");
  EXPECT_EQ(CountryName("TW", "fr"), "Province chinoise de Taiwan");
  EXPECT_EQ(CountryName("TW", "es"), "Provincia china de Taiwán");
  EXPECT_EQ(CountryName("TW", "ru"), "Тайвань, китайская провинция");
  EXPECT_EQ(CountryName("TW", "zh"), "中国台湾省");
  EXPECT_EQ(CountryName("TW", "ar"), "مقاطعة تايوان الصينية");
  EXPECT_FALSE(UnAreaName("HK", "de").has_value());
  EXPECT_FALSE(UnAreaName("PR", "en").has_value());
  EXPECT_FALSE(UnCountryName("HK", "en").has_value()) << "not in the table of States";
  for (const char* code : {"HK", "MO", "TW"}) EXPECT_EQ(StandingOf(code), Standing::kOther) << code;
  // The list uses the same names, sorted by them: Hong Kong and Macao next to China in English.
  const auto& en = Countries("en");
  ASSERT_LT(static_cast<std::size_t>(IndexOf(en, "CN") + 2), en.size());
  EXPECT_EQ(en[IndexOf(en, "CN") + 1].code, "HK");
  EXPECT_EQ(en[IndexOf(en, "CN") + 2].code, "MO");
}

// Every area name of the table is a row of un_areas.csv, and every row is in the table.
TEST(UnAreaName, EveryNameComesFromTheCopiedSource) {
  auto rows = ReadCsv("un_areas.csv");
  ASSERT_GE(rows.size(), 2u);
  ASSERT_EQ(rows[0], (std::vector<std::string>{"code", "lang", "name", "source"}));
  std::map<std::pair<std::string, std::string>, std::string> listed;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), 4u) << i;
    EXPECT_FALSE(rows[i][3].empty()) << "row " << i << " says where it comes from";
    listed[{rows[i][0], rows[i][1]}] = rows[i][2];
  }
  std::size_t named = 0;
  for (const Country& c : Countries("en"))
    for (const char* lang : kSix)
      if (auto area = UnAreaName(c.code, lang)) {
        ++named;
        auto row = listed.find({c.code, lang});
        ASSERT_NE(row, listed.end()) << c.code << " " << lang;
        EXPECT_EQ(*area, row->second) << c.code << " " << lang;
      }
  EXPECT_EQ(named, listed.size());
}

TEST(StandingOf, ListsTheMemberStatesAndObserversOfItu) {
  std::map<Standing, int> count;
  for (const Country& c : Countries("en")) {
    ++count[StandingOf(c.code)];
    // Every Member State and observer is named by the UN table in each of the six languages.
    if (StandingOf(c.code) != Standing::kOther)
      for (const char* lang : kSix) EXPECT_TRUE(UnCountryName(c.code, lang)) << c.code << lang;
  }
  EXPECT_EQ(count[Standing::kMemberState], 194);
  EXPECT_EQ(count[Standing::kObserver], 1);
  EXPECT_EQ(StandingOf("VA"), Standing::kMemberState);
  EXPECT_EQ(StandingOf("PS"), Standing::kObserver);
  EXPECT_EQ(StandingOf("TW"), Standing::kOther);
  EXPECT_EQ(StandingOf("HK"), Standing::kOther);
  EXPECT_EQ(StandingOf("CK"), Standing::kOther);  // not an ITU Member State
}

// Every code whose UN name (of a State or of an area) differs from ICU's everyday name, per
// language: a new ICU (CLDR) or a change of either table shows here.
TEST(UnCountryName, ListsEveryDifferenceFromIcu) {
  std::set<std::string> all;  // in code order
  for (const Country& c : Countries("en")) all.insert(c.code);
  std::map<std::string, std::string> actual;
  for (const char* lang : kSix) {
    std::string codes;
    for (const std::string& code : all) {
      auto un = UnCountryName(code, lang);
      if (!un) un = UnAreaName(code, lang);
      if (un && *un != IcuCountryName(code, lang)) codes += (codes.empty() ? "" : " ") + code;
    }
    actual[lang] = codes;
  }
  // Hong Kong and Macao differ in every language but Chinese (ICU's Chinese names are the UN's:
  // 中国香港特别行政区, 中国澳门特别行政区); Taiwan and the Netherlands in all six.
  const std::map<std::string, std::string> expected = {
      {"en",
        "AG BA BN BO CD CG CI CV FM GB HK IR KN KP KR LA LC MD MM MO NL PS RU ST SY TR "
        "TT TW TZ US VA VC VE VN"},
      {"fr",
        "BN BO BY CD CG CI CV FM GB HK IQ IR KG KN KP KR LA LR MD MM MO NG NL NU PS RU "
        "SV SY TL TR TW TZ US VA VE VN"},
      {"es",
        "BD BH BJ BN BO BT BW BY DJ FJ FM GB GW HK IQ IR KE KN KP KR KZ LA LS MD ML "
        "MM MO MW NL NZ PG PS PW QA RO RU RW SA SR SY SZ TR TT TW TZ US VA VE VN ZW"},
      {"ru",
        "AE BN BO BS CD CF CG CK FM GB HK IR KG KM KP LA MD MH MM MO MV NL PS RU SB SC "
        "SY TL TW TZ US VA VE ZA"},
      {"zh",
        "BN BO CD DO FM GB IR KP KR LA MD NL PS RU SY TW TZ US VA VE"},
      {"ar",
        "BJ BN BO CD CG CI CL CV CZ DO EC FM GA GB GW HK IR KI KN KP KR LA LK LR LU "
        "MD MM MO MT MV MZ NL OM PS RU SC ST SY TH TL TW TZ US UY VA VE VN ZW"},
  };
  for (const char* lang : kSix) {
    EXPECT_EQ(actual[lang], expected.at(lang)) << lang;
    if (actual[lang] != expected.at(lang)) {
      std::string detail;
      for (const std::string& code : all) {
        auto un = UnCountryName(code, lang);
        if (!un) un = UnAreaName(code, lang);
        if (un && *un != IcuCountryName(code, lang))
          detail += code + ": " + IcuCountryName(code, lang) + " -> " + *un + "\n";
      }
      ADD_FAILURE() << lang << " differences:\n" << detail;
    }
  }
}

}  // namespace
}  // namespace plenary::text

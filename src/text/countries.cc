// Country lists and names from ICU and the UN (States, and the areas ICU would present as
// States), and our table of ITU administrative regions.
#include "text/countries.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/region.h>
#include <unicode/strenum.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace plenary::text {
namespace {

// ---------------------------------------------------------------------------------------------
// ITU administrative regions.
//
// Member States, per ITU's list of Member States by administrative region (Council and Radio
// Regulations Board elections). Each list is in code order. Notes on the less obvious entries:
// - B includes Türkiye, Israel, Cyprus, Hungary, the Holy See (VA: an ITU Member State though not a
//   UN member) and the Western Balkan states other than North Macedonia.
// - C is the former USSR (Baltic, Caucasian and Central Asian states included) with Bulgaria,
//   Czechia, North Macedonia, Poland, Romania and Slovakia.
// - D is all of Africa, the North African Arab states (DZ, EG, LY, MA, TN, ...) included.
// - E includes the Arab states of Asia (SA, AE, JO, ...), Iran, Mongolia and the Pacific.
//   Palau became the 194th Member State on 19 September 2024.
// The B/C split (hence the sizes of B and C) is reconstructed from Council election records and
// could not be checked against ITU's published list when this was written; review it against that
// list before relying on the per-region totals.

// Twelve codes a line, for review against ITU's list.
// clang-format off
constexpr std::string_view kMembersA[] = {  // Americas: 35
    "AG", "AR", "BB", "BO", "BR", "BS", "BZ", "CA", "CL", "CO", "CR", "CU",
    "DM", "DO", "EC", "GD", "GT", "GY", "HN", "HT", "JM", "KN", "LC", "MX",
    "NI", "PA", "PE", "PY", "SR", "SV", "TT", "US", "UY", "VC", "VE"};
constexpr std::string_view kMembersB[] = {  // Western Europe: 34
    "AD", "AL", "AT", "BA", "BE", "CH", "CY", "DE", "DK", "ES", "FI", "FR",
    "GB", "GR", "HR", "HU", "IE", "IL", "IS", "IT", "LI", "LU", "MC", "ME",
    "MT", "NL", "NO", "PT", "RS", "SE", "SI", "SM", "TR", "VA"};
constexpr std::string_view kMembersC[] = {  // Eastern Europe and Northern Asia: 21
    "AM", "AZ", "BG", "BY", "CZ", "EE", "GE", "KG", "KZ", "LT", "LV", "MD",
    "MK", "PL", "RO", "RU", "SK", "TJ", "TM", "UA", "UZ"};
constexpr std::string_view kMembersD[] = {  // Africa: 54
    "AO", "BF", "BI", "BJ", "BW", "CD", "CF", "CG", "CI", "CM", "CV", "DJ",
    "DZ", "EG", "ER", "ET", "GA", "GH", "GM", "GN", "GQ", "GW", "KE", "KM",
    "LR", "LS", "LY", "MA", "MG", "ML", "MR", "MU", "MW", "MZ", "NA", "NE",
    "NG", "RW", "SC", "SD", "SL", "SN", "SO", "SS", "ST", "SZ", "TD", "TG",
    "TN", "TZ", "UG", "ZA", "ZM", "ZW"};
constexpr std::string_view kMembersE[] = {  // Asia and Australasia: 50
    "AE", "AF", "AU", "BD", "BH", "BN", "BT", "CN", "FJ", "FM", "ID", "IN",
    "IQ", "IR", "JO", "JP", "KH", "KI", "KP", "KR", "KW", "LA", "LB", "LK",
    "MH", "MM", "MN", "MV", "MY", "NP", "NR", "NZ", "OM", "PG", "PH", "PK",
    "PW", "QA", "SA", "SB", "SG", "SY", "TH", "TL", "TO", "TV", "VN", "VU",
    "WS", "YE"};

// Territories that are not ITU Member States. ITU assigns them no region; we give each the region
// of its geography, i.e. of its UN M49 continent: Americas -> A, Europe -> B, Africa -> D,
// Asia and Oceania -> E (the tests check this against ICU). So Greenland is A (North America) and
// New Caledonia E, whatever the administering state's region; Hong Kong, Macao, Taiwan and the
// State of Palestine are E. Antarctica (AQ) belongs to no continent and has no region.
constexpr std::string_view kTerritoriesA[] = {
    "AI", "AW", "BL", "BM", "BQ", "BV", "CW", "FK", "GF", "GL", "GP", "GS",
    "KY", "MF", "MQ", "MS", "PM", "PR", "SX", "TC", "VG", "VI"};
constexpr std::string_view kTerritoriesB[] = {
    "AX", "FO", "GG", "GI", "IM", "JE", "SJ"};
constexpr std::string_view kTerritoriesD[] = {
    "EH", "IO", "RE", "SH", "TF", "YT"};
constexpr std::string_view kTerritoriesE[] = {
    "AS", "CC", "CK", "CX", "GU", "HK", "HM", "MO", "MP", "NC", "NF", "NU",
    "PF", "PN", "PS", "TK", "TW", "UM", "WF"};
// clang-format on

static_assert(std::size(kMembersA) == 35 && std::size(kMembersB) == 34 &&
              std::size(kMembersC) == 21 && std::size(kMembersD) == 54 &&
              std::size(kMembersE) == 50);

struct ItuGroup {
  char region;
  bool member;
  std::span<const std::string_view> codes;
};

constexpr ItuGroup kItuGroups[] = {
    {'A', true, kMembersA},      {'B', true, kMembersB},      {'C', true, kMembersC},
    {'D', true, kMembersD},      {'E', true, kMembersE},      {'A', false, kTerritoriesA},
    {'B', false, kTerritoriesB}, {'D', false, kTerritoriesD}, {'E', false, kTerritoriesE},
};

// No code is in two groups, and the groups cover the 248 ISO 3166-1 codes other than AQ (the tests
// check that each of those has a region).
consteval bool EachCodeListedOnce() {
  std::array<bool, 26 * 26> seen{};
  for (const ItuGroup& group : kItuGroups)
    for (std::string_view code : group.codes) {
      if (code.size() != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z')
        return false;
      bool& listed =
          seen[static_cast<size_t>(code[0] - 'A') * 26 + static_cast<size_t>(code[1] - 'A')];
      if (listed) return false;
      listed = true;
    }
  return true;
}
consteval size_t CodesListed() {
  size_t n = 0;
  for (const ItuGroup& group : kItuGroups) n += group.codes.size();
  return n;
}
static_assert(EachCodeListedOnce());
static_assert(CodesListed() == 248);

// Hashed once: pages list every country with its standing (a scan of the groups per country was
// a sixth of a page with the country field, docs/PROFILE.md).
const ItuGroup* FindItuGroup(std::string_view code) {
  static const auto* const by_code = [] {
    auto* m = new std::unordered_map<std::string_view, const ItuGroup*>;
    for (const ItuGroup& group : kItuGroups)
      for (std::string_view c : group.codes) m->try_emplace(c, &group);
    return m;
  }();
  auto it = by_code->find(code);
  return it == by_code->end() ? nullptr : it->second;
}

struct RegionNames {
  std::string_view lang;
  std::array<std::string_view, 5> names;  // A..E
};

// English as in ITU documents; the other languages are our translations, to be reviewed by the
// language services.
constexpr RegionNames kItuRegionNames[] = {
    {"en",
     {"Americas", "Western Europe", "Eastern Europe and Northern Asia", "Africa",
      "Asia and Australasia"}},
    {"zh", {"美洲", "西欧", "东欧和北亚", "非洲", "亚洲和澳大拉西亚"}},
    {"fr",
     {"Amériques", "Europe occidentale", "Europe orientale et Asie septentrionale", "Afrique",
      "Asie et Australasie"}},
    {"es",
     {"Américas", "Europa Occidental", "Europa Oriental y Asia Septentrional", "África",
      "Asia y Australasia"}},
    {"ru",
     {"Северная и Южная Америка", "Западная Европа", "Восточная Европа и Северная Азия", "Африка",
      "Азия и Австралазия"}},
    {"ar",
     {"الأمريكتان", "أوروبا الغربية", "أوروبا الشرقية وآسيا الشمالية", "أفريقيا",
      "آسيا وأستراليا"}},
};

// ---------------------------------------------------------------------------------------------
// The UN's short names of States in the six languages (see countries.h).

constexpr std::string_view kUnLanguages[] = {"en", "fr", "es", "ru", "zh", "ar"};

struct UnName {
  std::string_view code;
  std::array<std::string_view, 6> names;  // in the order of kUnLanguages
};

constexpr UnName kUnNames[] = {
#include "text/un_country_names.inc"
};

consteval bool UnNamesSortedAndComplete() {
  for (std::size_t i = 0; i < std::size(kUnNames); ++i) {
    if (i > 0 && !(kUnNames[i - 1].code < kUnNames[i].code)) return false;
    for (std::string_view name : kUnNames[i].names)
      if (name.empty()) return false;
  }
  return true;
}
static_assert(UnNamesSortedAndComplete());
static_assert(std::size(kUnNames) == 197);  // 193 UN Members, VA, PS, CK, NU

const UnName* FindUnName(std::string_view code) {
  auto it = std::ranges::lower_bound(kUnNames, code, {}, &UnName::code);
  return it != std::end(kUnNames) && it->code == code ? &*it : nullptr;
}

// The UN's names of areas that are not States, where ICU's everyday name would present one as
// a State ("Hong Kong", "Taiwan"): UN M49 for Hong Kong and Macao in the six languages; for Taiwan
// UN DESA in English and M49's name of code 158 in the five others
// (testdata/un_country_names/un_areas.csv says where each comes from). An empty name would be a
// language without a UN source found: ICU's name would stay.
constexpr UnName kUnAreaNames[] = {
#include "text/un_area_names.inc"
};

consteval bool UnAreaNamesSortedAndEnglish() {
  for (std::size_t i = 0; i < std::size(kUnAreaNames); ++i) {
    if (i > 0 && !(kUnAreaNames[i - 1].code < kUnAreaNames[i].code)) return false;
    if (kUnAreaNames[i].names[0].empty()) return false;
  }
  return true;
}
static_assert(UnAreaNamesSortedAndEnglish());

const UnName* FindUnAreaName(std::string_view code) {
  auto it = std::ranges::lower_bound(kUnAreaNames, code, {}, &UnName::code);
  return it != std::end(kUnAreaNames) && it->code == code ? &*it : nullptr;
}

// ---------------------------------------------------------------------------------------------
// ICU helpers.

// `lang` as a BCP 47 tag ("zh-Hant") or an ICU ID ("ar@numbers=latn"); English when it is neither
// (never ICU's process-wide default locale).
icu::Locale ToLocale(std::string_view lang) {
  std::string tag(lang);
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  if (U_SUCCESS(status) && !locale.isBogus() && locale.getLanguage()[0] != '\0') return locale;
  if (!tag.empty()) {
    locale = icu::Locale::createFromName(tag.c_str());
    if (!locale.isBogus() && locale.getLanguage()[0] != '\0') return locale;
  }
  return icu::Locale::getEnglish();
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// The name of a territory ("CH") or M49 region ("039") in `display`.
icu::UnicodeString RegionDisplayName(const char* code, const icu::Locale& display) {
  icu::UnicodeString name;
  icu::Locale("und", code).getDisplayCountry(display, name);
  return name;
}

// Codes ICU lists as territories that ISO 3166-1 does not assign: the user-assigned ranges (AA,
// QM-QZ, XA-XZ, ZZ; ICU uses XK for Kosovo) and the exceptionally reserved codes ICU keeps for
// CLDR: AC Ascension, CP Clipperton, DG Diego Garcia, EA Ceuta and Melilla, IC Canary Islands,
// TA Tristan da Cunha. ICU does not list the reserved EU, EZ, UK, UN or the grouping QO as
// territories, but the filter would drop them too.
bool IsAssignedIsoCode(std::string_view code) {
  if (code.size() != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z')
    return false;
  if (code == "AA" || code == "ZZ" || code[0] == 'X') return false;
  if (code[0] == 'Q' && code[1] >= 'M') return false;
  static constexpr std::string_view kReserved[] = {"AC", "CP", "DG", "EA", "EU",
                                                   "EZ", "IC", "TA", "UK", "UN"};
  return std::ranges::find(kReserved, code) == std::end(kReserved);
}

const std::set<std::string, std::less<>>& IsoCodes() {
  static const auto* const kCodes = [] {
    auto* codes = new std::set<std::string, std::less<>>;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::StringEnumeration> all(icu::Region::getAvailable(URGN_TERRITORY, status));
    if (U_FAILURE(status) || !all) return codes;
    while (const char* id = all->next(nullptr, status)) {
      if (U_FAILURE(status)) break;
      if (IsAssignedIsoCode(id)) codes->emplace(id);
    }
    return codes;
  }();
  return *kCodes;
}

// The index of `locale`'s language in kUnLanguages, or -1.
int UnLanguageIndex(const icu::Locale& locale) {
  const std::string_view language = locale.getLanguage();
  // The UN writes Chinese in simplified characters: traditional Chinese keeps ICU's names.
  if (language == "zh" && std::string_view(locale.getScript()) == "Hant") return -1;
  for (std::size_t i = 0; i < std::size(kUnLanguages); ++i)
    if (kUnLanguages[i] == language) return static_cast<int>(i);
  return -1;
}

std::vector<Country> BuildCountries(std::string_view lang) {
  icu::Locale locale = ToLocale(lang);
  const int un = UnLanguageIndex(locale);
  std::vector<std::pair<icu::UnicodeString, Country>> named;
  for (const std::string& code : IsoCodes()) {
    const UnName* official = un >= 0 ? FindUnName(code) : nullptr;
    if (!official && un >= 0) {
      const UnName* area = FindUnAreaName(code);
      if (area && !area->names[static_cast<std::size_t>(un)].empty()) official = area;
    }
    icu::UnicodeString name =
        official ? icu::UnicodeString::fromUTF8(official->names[static_cast<std::size_t>(un)])
                 : RegionDisplayName(code.c_str(), locale);
    named.push_back({name, Country{code, ToUtf8(name)}});
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(locale, status));
  if (U_FAILURE(status) || !collator) collator.reset();
  std::ranges::sort(named, [&](const auto& a, const auto& b) {
    UErrorCode s = U_ZERO_ERROR;
    UCollationResult r = collator ? collator->compare(a.first, b.first, s)
                                  : static_cast<UCollationResult>(a.first.compare(b.first));
    if (r != UCOL_EQUAL) return r == UCOL_LESS;
    return a.second.code < b.second.code;
  });
  std::vector<Country> out;
  out.reserve(named.size());
  for (auto& [unused, country] : named) out.push_back(std::move(country));
  return out;
}

bool IsM49Code(const char* code) {
  std::string_view c(code);
  return c.size() == 3 && std::ranges::all_of(c, [](char ch) { return ch >= '0' && ch <= '9'; });
}

}  // namespace

const std::vector<Country>& Countries(std::string_view lang) {
  struct Cache {
    std::mutex mu;
    std::map<std::string, std::unique_ptr<const std::vector<Country>>, std::less<>> by_lang;
  };
  static auto* const cache = new Cache;
  std::lock_guard lock(cache->mu);
  auto it = cache->by_lang.find(lang);
  if (it == cache->by_lang.end()) {
    auto list = std::make_unique<const std::vector<Country>>(BuildCountries(lang));
    it = cache->by_lang.emplace(std::string(lang), std::move(list)).first;
  }
  return *it->second;
}

bool IsCountry(std::string_view code) { return IsoCodes().contains(code); }

std::string CountryName(std::string_view code, std::string_view lang) {
  if (!IsCountry(code)) return "";
  if (auto official = UnCountryName(code, lang)) return *official;
  if (auto area = UnAreaName(code, lang)) return *area;
  return IcuCountryName(code, lang);
}

std::optional<std::string> UnAreaName(std::string_view code, std::string_view lang) {
  const UnName* area = FindUnAreaName(code);
  const int un = UnLanguageIndex(ToLocale(lang));
  if (!area || un < 0 || area->names[static_cast<std::size_t>(un)].empty()) return std::nullopt;
  return std::string(area->names[static_cast<std::size_t>(un)]);
}

std::optional<std::string> UnCountryName(std::string_view code, std::string_view lang) {
  const UnName* official = FindUnName(code);
  const int un = UnLanguageIndex(ToLocale(lang));
  if (!official || un < 0) return std::nullopt;
  return std::string(official->names[static_cast<std::size_t>(un)]);
}

std::string IcuCountryName(std::string_view code, std::string_view lang) {
  if (!IsCountry(code)) return "";
  return ToUtf8(RegionDisplayName(std::string(code).c_str(), ToLocale(lang)));
}

Standing StandingOf(std::string_view code) {
  if (IsItuMemberState(code)) return Standing::kMemberState;
  if (code == "PS") return Standing::kObserver;
  return Standing::kOther;
}

char ItuRegion(std::string_view code) {
  if (!IsCountry(code)) return 0;
  const ItuGroup* group = FindItuGroup(code);
  return group ? group->region : '\0';
}

bool IsItuMemberState(std::string_view code) {
  const ItuGroup* group = FindItuGroup(code);
  return group && group->member;
}

std::string ItuRegionName(char region, std::string_view lang) {
  if (region < 'A' || region > 'E') return "";
  const icu::Locale locale = ToLocale(lang);
  const std::string_view language = locale.getLanguage();
  const RegionNames* found = &kItuRegionNames[0];
  for (const RegionNames& names : kItuRegionNames)
    if (names.lang == language) found = &names;
  return std::string(found->names[region - 'A']);
}

std::optional<M49> M49Region(std::string_view code, std::string_view lang) {
  if (!IsCountry(code)) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Region* region = icu::Region::getInstance(std::string(code).c_str(), status);
  if (U_FAILURE(status) || !region) return std::nullopt;
  const icu::Region* sub = region->getContainingRegion(URGN_SUBCONTINENT);
  const icu::Region* continent = region->getContainingRegion(URGN_CONTINENT);
  if (!sub || !continent || !IsM49Code(sub->getRegionCode()) ||
      !IsM49Code(continent->getRegionCode()))
    return std::nullopt;
  icu::Locale locale = ToLocale(lang);
  return M49{
      .subregion_code = sub->getRegionCode(),
      .subregion_name = ToUtf8(RegionDisplayName(sub->getRegionCode(), locale)),
      .continent_code = continent->getRegionCode(),
      .continent_name = ToUtf8(RegionDisplayName(continent->getRegionCode(), locale)),
  };
}

std::string M49Name(std::string_view code, std::string_view lang) {
  if (code.size() != 3 || !std::all_of(code.begin(), code.end(), ::isdigit)) return "";
  std::string c(code);
  std::string name = ToUtf8(RegionDisplayName(c.c_str(), ToLocale(lang)));
  return name == c ? "" : name;
}

}  // namespace plenary::text

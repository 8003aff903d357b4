// ISO 3166-1 countries and territories: localized names, ITU regions and UN M49 regions.
//
// Names, collation and M49 groupings come from ICU (CLDR data); the ITU regions and ITU membership
// are a static table of our own (see countries.cc for its sources and rules).
//
// `lang` is a language tag such as "en", "zh", "fr", "es", "ru" or "ar" (BCP 47 or an ICU locale
// ID both work); a language ICU has no data for gets ICU's fallback names.
//
// Thread safety: every function may be called concurrently from any thread. Country lists are
// computed on first use per distinct `lang` value and kept for the life of the process, so pass a
// fixed set of UI languages (text::Languages()), not raw request headers.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plenary::text {

struct Country {
  std::string code;  // ISO 3166-1 alpha-2, upper case, e.g. "CH"
  std::string name;  // display name in the requested language, e.g. "瑞士"
};

// Every code ISO 3166-1 assigns to a country or territory (249 codes), with its name in `lang`,
// sorted by ICU collation for `lang` (ties by code). The reference stays valid forever.
const std::vector<Country>& Countries(std::string_view lang);

// True for an ISO 3166-1 assigned alpha-2 code in upper case: "CH", "PS", "AQ". False for
// reserved, user-assigned and grouping codes ICU also knows ("ZZ", "EU", "EZ", "UN", "QO", "XK",
// "AC", "IC", ...) and for lower case ("ch").
bool IsCountry(std::string_view code);

// The ICU display name of `code` in `lang` (icu::Locale("und", code).getDisplayCountry), or ""
// when !IsCountry(code).
std::string CountryName(std::string_view code, std::string_view lang);
// The name of a UN M49 region ("039" → "Southern Europe"); "" for an unknown code.
std::string M49Name(std::string_view code, std::string_view lang);

// ITU's five administrative regions (used for Council and Radio Regulations Board seats):
// 'A' Americas, 'B' Western Europe, 'C' Eastern Europe and Northern Asia, 'D' Africa,
// 'E' Asia and Australasia. Member States get the region ITU assigns them; territories that are not
// Member States get the region of their geography (their UN M49 continent: Americas A, Europe B,
// Africa D, Asia and Oceania E). Returns 0 for Antarctica ("AQ") and for codes that are not
// IsCountry.
char ItuRegion(std::string_view code);

// True for the 194 ITU Member States (193 until Palau acceded on 19 September 2024).
bool IsItuMemberState(std::string_view code);

// The name of ITU region 'A'..'E' in `lang` (English, Chinese, French, Spanish, Russian, Arabic;
// other languages get English). "" for any other `region`.
std::string ItuRegionName(char region, std::string_view lang);

// The UN M49 regions containing a country, per ICU's region data.
struct M49 {
  std::string subregion_code;  // e.g. "039" (IT), "155" (CH), "030" (CN), "005" (BR), "011" (NG)
  std::string subregion_name;  // e.g. "Southern Europe", "南欧"
  // "002" Africa, "009" Oceania, "019" Americas, "142" Asia or "150" Europe.
  std::string continent_code;
  std::string continent_name;  // e.g. "Europe", "欧洲"
};

// The M49 sub-region (icu::Region::getContainingRegion(URGN_SUBCONTINENT)) and continent of
// `code`, named in `lang`; nullopt when !IsCountry(code) or when ICU places the territory in no
// numeric M49 sub-region (Antarctica, which ICU puts in the non-M49 grouping "QO").
std::optional<M49> M49Region(std::string_view code, std::string_view lang);

}  // namespace plenary::text

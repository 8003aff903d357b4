// Dates and times formatted per language by ICU (CLDR patterns).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace plenary::text {

// An instant in a zone: "31 December 2021 at 23:59 (Europe/Zurich)" / "2021年12月31日 23:59 (…)".
std::string FormatDateTime(std::int64_t t, const std::string& zone, std::string_view lang);
// A civil date "2022-01-11": "11 January 2022" / "2022年1月11日".
std::string FormatDate(const std::string& iso_date, std::string_view lang);
// A civil date range: "19–20 January 2022"; a single date when equal.
std::string FormatDateRange(const std::string& from, const std::string& to, std::string_view lang);
// A date or range as it stands in running text, with its preposition (catalogue key
// date_phrase): "on 20–21 January 2022", "du 20 au 21 janvier 2022", "del 20 al 21 de enero de
// 2022", "20–21 января 2022 года", "2022年1月20日至21日". Messages then need no article or
// preposition before a date, and a Russian sentence does not end in "г..".
std::string FormatDatePhrase(const std::string& from, const std::string& to, std::string_view lang);
// A span of months as it stands in running text (catalogue key month_phrase), from two civil
// dates: "from February to September 2021", "entre février et septembre 2021", "de febrero a
// septiembre de 2021", "февраль – сентябрь 2021 года", "2021年2月至9月"; one month when both
// fall in it ("in October 2021"). ICU's interval format gives "February – September 2021",
// which no sentence can take after a preposition.
std::string FormatMonthPhrase(const std::string& from, const std::string& to, std::string_view lang);

}  // namespace plenary::text

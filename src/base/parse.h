// Strict parsing of the integers that come with a request (path segments, query parameters,
// form fields, JSON keys): the whole text must be ASCII digits, with no sign, space, or
// trailing characters ("3abc", " 3", "+3" and "3.0" are refused), and fit the range.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "base/result.h"

namespace plenary {

// The non-negative integer spelled by the whole of `text`, or nullopt.
std::optional<std::int64_t> ParseInt(std::string_view text);

// The integer in `text` when it lies in [min, max]; else 400 naming `field`
// ("page: must be a whole number from 1 to 500").
Result<std::int64_t> ParseIntField(std::string_view field, std::string_view text,
                                   std::int64_t min, std::int64_t max);

// `text` without the spaces and tabs at either end (HTTP's optional whitespace).
std::string_view TrimSpacesAndTabs(std::string_view text);

// The value of hexadecimal digit `c` (0–15, either case), or -1.
int HexDigitValue(char c);

}  // namespace plenary

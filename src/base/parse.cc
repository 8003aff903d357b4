// Strict integer parsing for request input (see parse.h).
#include "base/parse.h"

#include <charconv>
#include <string>

namespace plenary {

std::optional<std::int64_t> ParseInt(std::string_view text) {
  // from_chars alone accepts a leading '-' and stops at the first non-digit ("3abc" → 3).
  if (text.empty() || text.size() > 18) return std::nullopt;
  for (char ch : text)
    if (ch < '0' || ch > '9') return std::nullopt;
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

Result<std::int64_t> ParseIntField(std::string_view field, std::string_view text,
                                   std::int64_t min, std::int64_t max) {
  auto n = ParseInt(text);
  if (!n || *n < min || *n > max)
    return InvalidArgument(std::string(field), std::string(field) +
                                                   ": must be a whole number from " +
                                                   std::to_string(min) + " to " +
                                                   std::to_string(max));
  return *n;
}

std::string_view TrimSpacesAndTabs(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace plenary

// Input checks shared by the capabilities: UTF-8, lengths, multilingual fields, file types.
// All functions are pure and thread-safe.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <string>

#include <boost/json.hpp>

#include "base/result.h"

namespace plenary::site {

// A stored JSON text; a text that is not JSON comes back as a JSON string.
boost::json::value ParseJson(const std::string& s);
// A multilingual value from input: an object of language → text, or a plain string (taken as
// English). Texts are trimmed; each must be valid UTF-8 and at most `max_chars` characters
// (413 otherwise); languages must be the six UN ones. Empty texts are dropped; `required`
// demands at least one. Errors name `field` or `field.lang`.
Result<boost::json::value> Multilingual(const boost::json::value& v, const std::string& field,
                                        bool required, std::size_t max_chars = 5000);
// A numeric id as written in a URL or a form ("42"); nullopt for anything else.
std::optional<std::int64_t> ParseId(std::string_view text);
// Characters (code points) of valid UTF-8 (checked with IsValidUtf8 from base/utf8.h).
std::size_t CountChars(const std::string& s);
std::string Trim(std::string s);
// The media type of `data` judged from its bytes (libmagic), e.g. "application/pdf".
std::string SniffType(const std::string& data);

// True when `s` is one of the values of `list` (an enumerated field).
template <std::size_t N>
bool OneOf(std::string_view s, const char* const (&list)[N]) {
  for (const char* v : list)
    if (s == v) return true;
  return false;
}
// "a, b or c", for the message of an enumerated field's error.
template <std::size_t N>
std::string Alternatives(const char* const (&list)[N]) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    if (i) out += i + 1 == N ? " or " : ", ";
    out += list[i];
  }
  return out;
}

}  // namespace plenary::site

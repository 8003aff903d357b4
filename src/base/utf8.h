// The one definition of well-formed text in Plenary: strict UTF-8 and the control characters
// that no field may carry. Every parser and every use case checks input with these.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace plenary {

// Index of the first byte that does not start a well-formed UTF-8 sequence (Unicode's
// definition, table 3-7: no overlong forms, no surrogates U+D800–U+DFFF, nothing above
// U+10FFFF, so no lead bytes C0, C1 or F5–FF, no truncated sequence), or npos.
std::size_t FindInvalidUtf8(std::string_view s);
inline bool IsValidUtf8(std::string_view s) {
  return FindInvalidUtf8(s) == std::string_view::npos;
}

// Index of the first control character other than tab, line feed and carriage return (C0,
// DEL, and the C1 controls U+0080–U+009F encoded in UTF-8), or npos. Text fields refuse them:
// NUL cuts strings short in C libraries, and the others are invisible, break terminals and
// collide with the markers the search uses internally.
std::size_t FindControlChar(std::string_view s);

// The first rule of plain text that `s` breaks, for an error message, with the byte offset:
// "not valid UTF-8" or "control character U+0001"; nullopt when `s` is fine.
struct TextFault {
  std::size_t at;
  std::string rule;
};
std::optional<TextFault> CheckText(std::string_view s);

}  // namespace plenary

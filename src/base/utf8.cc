// Strict UTF-8 validation and the control characters refused in text.
#include "base/utf8.h"

#include <cstdint>
#include <cstdio>

namespace plenary {

std::size_t FindInvalidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;  // a continuation byte, C0/C1 (always overlong) or F5–FF (beyond U+10FFFF)
    }
    if (s.size() - i < len) return i;
    for (std::size_t k = 1; k < len; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return i;
    if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::size_t FindControlChar(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return i;
    // U+0080–U+009F are C2 80 – C2 9F.
    if (c == 0xC2 && i + 1 < s.size()) {
      const auto d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0x9F) return i;
    }
  }
  return std::string_view::npos;
}

std::optional<TextFault> CheckText(std::string_view s) {
  const std::size_t invalid = FindInvalidUtf8(s);
  const std::size_t control = FindControlChar(s);
  if (invalid == std::string_view::npos && control == std::string_view::npos) return std::nullopt;
  if (invalid <= control) return TextFault{invalid, "not valid UTF-8"};
  unsigned cp = static_cast<unsigned char>(s[control]);
  if (cp == 0xC2) cp = static_cast<unsigned char>(s[control + 1]);
  char name[32];
  std::snprintf(name, sizeof name, "control character U+%04X", cp);
  return TextFault{control, name};
}

}  // namespace plenary

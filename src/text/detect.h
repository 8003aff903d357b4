// Language identification of free text (CLD2), restricted to the six UN languages.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace plenary::text {

// The UN language `text` is written in ("ar", "zh", "en", "fr", "ru", "es"), when CLD2 is
// reliably sure and it is one of those six; nullopt otherwise (too short, mixed, another
// language). `text` must be valid UTF-8. Thread-safe.
std::optional<std::string> DetectLanguage(std::string_view text);

}  // namespace plenary::text

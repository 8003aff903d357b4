// CLD2 behind a small interface.
#include "text/detect.h"

#include <cstdio>  // CLD2's header needs it first

#include <cld2/internal/lang_script.h>
#include <cld2/public/compact_lang_det.h>

#include "text/messages.h"

namespace plenary::text {

std::optional<std::string> DetectLanguage(std::string_view text) {
  if (text.size() < 20) return std::nullopt;
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang = CLD2::DetectLanguageCheckUTF8(
      text.data(), static_cast<int>(text.size()), true, &reliable, &valid_prefix);
  if (!reliable || valid_prefix != static_cast<int>(text.size())) return std::nullopt;
  std::string code = CLD2::LanguageCode(lang);
  if (code == "zh-Hant") code = "zh";
  if (!IsLanguage(code)) return std::nullopt;
  return code;
}

}  // namespace plenary::text

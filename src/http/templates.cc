// ctemplate cache set-up from the embedded files.
#include "http/templates.h"

#include <mutex>
#include <stdexcept>

#include "base/assets.h"

namespace plenary::http {

void LoadTemplates() {
  // Once a process: ctemplate refuses a name already in its cache, as it refuses a template
  // that does not parse (several test suites load them in one test binary).
  static std::once_flag loaded;
  std::call_once(loaded, [] {
    constexpr std::string_view kDir = "web/templates/";
    for (const auto& [path, data] : assets::All()) {
      if (!path.starts_with(kDir)) continue;
      std::string name(path.substr(kDir.size()));
      if (!ctemplate::StringToTemplateCache(name, std::string(data), ctemplate::STRIP_BLANK_LINES))
        throw std::runtime_error("template does not parse: " + name);
    }
  });
}

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string Render(const std::string& name, const ctemplate::TemplateDictionary& dict) {
  std::string out;
  if (!ctemplate::ExpandTemplate(name, ctemplate::STRIP_BLANK_LINES, &dict, &out))
    throw std::runtime_error("template failed to expand: " + name);
  return out;
}

}  // namespace plenary::http

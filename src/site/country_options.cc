// Country fields grouped by standing in the body's organization (see country_options.h).
#include "site/country_options.h"

#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include "http/templates.h"
#include "text/countries.h"
#include "text/messages.h"

namespace plenary::site {
namespace {

// The options of `lang`, none selected, made once a language.
const std::string& OptionsOf(const std::string& lang) {
  static std::mutex mu;
  static auto* const made = new std::map<std::string, std::unique_ptr<const std::string>>;
  std::lock_guard lock(mu);
  auto& slot = (*made)[lang];
  if (slot) return *slot;
  static constexpr std::array<std::pair<text::Standing, const char*>, 3> kGroups = {{
      {text::Standing::kMemberState, "country_group_members"},
      {text::Standing::kObserver, "country_group_observers"},
      {text::Standing::kOther, "country_group_others"},
  }};
  std::string html;
  for (const auto& [standing, label] : kGroups) {
    std::string options;
    for (const auto& country : text::Countries(lang))
      if (text::StandingOf(country.code) == standing)
        options += "<option value=\"" + http::EscapeHtml(country.code) + "\">" +
                   http::EscapeHtml(country.name) + "</option>";
    if (!options.empty())
      html += "<optgroup label=\"" + http::EscapeHtml(text::T(lang, label)) + "\">" + options +
              "</optgroup>";
  }
  slot = std::make_unique<const std::string>(std::move(html));
  return *slot;
}

}  // namespace

void AddCountryOptions(ctemplate::TemplateDictionary* d, const std::string& lang,
                       const std::string& selected) {
  std::string html = OptionsOf(lang);
  if (!selected.empty()) {
    const std::string value = "<option value=\"" + http::EscapeHtml(selected) + "\"";
    if (auto at = html.find(value); at != std::string::npos)
      html.insert(at + value.size(), " selected");
  }
  d->SetValue("COUNTRY_OPTIONS_HTML", html);
}

}  // namespace plenary::site

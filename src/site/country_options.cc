// Country fields grouped by standing in the body's organization (see country_options.h).
#include "site/country_options.h"

#include <array>
#include <utility>

#include "text/countries.h"
#include "text/messages.h"

namespace plenary::site {

void AddCountryOptions(ctemplate::TemplateDictionary* d, const std::string& lang,
                       const std::string& selected) {
  static constexpr std::array<std::pair<text::Standing, const char*>, 3> kGroups = {{
      {text::Standing::kMemberState, "country_group_members"},
      {text::Standing::kObserver, "country_group_observers"},
      {text::Standing::kOther, "country_group_others"},
  }};
  for (const auto& [standing, label] : kGroups) {
    ctemplate::TemplateDictionary* group = nullptr;
    for (const auto& country : text::Countries(lang)) {
      if (text::StandingOf(country.code) != standing) continue;
      if (!group) {
        group = d->AddSectionDictionary("COUNTRY_GROUP");
        group->SetValue("LABEL", text::T(lang, label));
      }
      auto* o = group->AddSectionDictionary("COUNTRIES");
      o->SetValue("CODE", country.code);
      o->SetValue("NAME", country.name);
      if (country.code == selected) o->ShowSection("SEL");
    }
  }
}

}  // namespace plenary::site

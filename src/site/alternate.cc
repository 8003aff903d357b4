// Feed and calendar links of a page (see alternate.h).
#include "site/alternate.h"

namespace plenary::site {

void AddAlternates(Page& page, const std::vector<Alternate>& alternates) {
  if (alternates.empty()) return;
  auto& root = page.root();
  auto* follow = root.AddSectionDictionary("FOLLOW");
  for (const auto& a : alternates) {
    for (auto* d : {root.AddSectionDictionary("ALTERNATE"),
                    follow->AddSectionDictionary("FOLLOW_LINK")}) {
      d->SetValue("TYPE", a.type);
      d->SetValue("HREF", a.href);
      d->SetValue("TITLE", a.title);
    }
  }
}

}  // namespace plenary::site

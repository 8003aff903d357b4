// The secretariat's page of citations that resolve to no known resolution or document
// (/admin/citations).
#include "documents/resolutions.h"
#include "documents/web.h"
#include "site/site.h"
#include "text/messages.h"

namespace plenary::documents {

using http::Request;
using text::T;

void RegisterDesk(http::Router& router, storage::Database& db) {
  router.Add("GET", "/admin/citations", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, false);
    if (g.refusal) return *g.refusal;
    site::Page page(db, req, "admin_citations.tpl", T(req.lang, "citations_unresolved"));
    auto& d = page.body();
    auto list = UnresolvedCitations(db);
    if (list.empty()) d.ShowSection("NONE");
    auto* has = list.empty() ? nullptr : d.AddSectionDictionary("HAS");
    for (const auto& u : list) {
      auto* o = has->AddSectionDictionary("ROWS");
      o->SetValue("URL", u.url);
      o->SetValue("WHERE", u.where);
      o->SetValue("TEXT", u.citation.text);
    }
    return page.Render();
  });
}

}  // namespace plenary::documents

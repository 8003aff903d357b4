// Routes of negotiated texts: JSON API (api.cc), pages (pages.cc) and their forms (forms.cc).
//   POST   /api/v1/texts                         create a text              (secretariat, chair)
//   GET    /api/v1/texts?document=&meeting=      the texts the reader may see
//   GET    /api/v1/texts/{id}?view=brackets|clean|status|compilation&lang=&version=
//   POST   /api/v1/texts/{id}/provisions         add a provision            (secretariat, chair)
//   PATCH  /api/v1/provisions/{id}               edit (with the version)    (editors, facilitator)
//   DELETE /api/v1/provisions/{id}                                          (secretariat, chair)
//   POST   /api/v1/provisions/{id}/brackets      bracket words              (secretariat, chair)
//   POST   /api/v1/brackets/{id}/resolve         retain | delete | alternative N
//   POST   /api/v1/provisions/{id}/proposals, /api/v1/proposals/{id}/withdraw|bracket|merge
//   POST   /api/v1/texts/{id}/revisions, GET /api/v1/texts/{id}/diff?from=&to=
//   POST   /api/v1/texts/{id}/informal, /api/v1/informal/{id}/report, /api/v1/texts/{id}/adopt
//   POST   /api/v1/texts/{id}/under-discussion   the provision on the screen (secretariat, chair)
//   GET    /api/v1/texts/{id}/events             Server-Sent Events: the text changed
//   GET    /texts/{id}, /texts/{id}/clean|status|compilation|diff|screen?lang=   pages
#pragma once
#include <string>

#include <boost/json.hpp>

#include "drafting/drafting.h"
#include "http/router.h"
#include "storage/db.h"

namespace plenary::drafting {

void RegisterRoutes(http::Router& router, storage::Database& db);
void RegisterApi(http::Router& router, storage::Database& db);
void RegisterPages(http::Router& router, storage::Database& db);
void RegisterForms(http::Router& router, storage::Database& db);

boost::json::object BracketJson(const Bracket& b, const Provision& p);
boost::json::object ProvisionJson(const Provision& p);
boost::json::object ProposalJson(const Proposal& p);
// Proposals grouped by Member State: [{member_state, name, proposals}].
boost::json::array CompilationJson(const Text& t, const std::string& lang);
// The diff of versions ?from= and ?to= of a text (404 as for the text).
Result<boost::json::object> Diff(storage::Database& db, std::int64_t id,
                                 const http::Request& req, const documents::Viewer& viewer);

}  // namespace plenary::drafting

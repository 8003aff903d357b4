// The routes of documents and resolutions: JSON API under /api/v1 (api.cc), HTML pages and
// file downloads (pages.cc).
#pragma once
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "documents/documents.h"
#include "documents/resolutions.h"
#include "http/router.h"
#include "site/site.h"
#include "storage/db.h"

namespace plenary::documents {

// Registers every route below. Document paths take an id or a symbol, URL-encoded or not
// (/api/v1/documents/C22%2F32(Rev.1) and /api/v1/documents/C22/32(Rev.1) are the same).
//   GET  /api/v1/documents, /api/v1/documents/{id or symbol}
//   POST /api/v1/documents, /api/v1/documents/{id}/files                 (secretariat)
//   GET  /api/v1/resolutions, /api/v1/resolutions/{instrument}/{number}
//   POST /api/v1/resolutions                                             (secretariat)
//   GET  /documents, /documents/{id or symbol}, /documents/{id}/files/{language}
//   POST /documents/{id}/files                                           (secretariat form)
//   GET  /resolutions, /resolutions/{instrument}/{number}
void RegisterRoutes(http::Router& router, storage::Database& db, Limits limits = {});

void RegisterApi(http::Router& router, storage::Database& db, Limits limits);
// GET /admin/citations: citations that resolve to nothing known (desk.cc).
void RegisterDesk(http::Router& router, storage::Database& db);
void RegisterPages(http::Router& router, storage::Database& db, Limits limits);

// The most path segments a symbol may take in a URL ("A/C.4/77/L.12/Rev.1" takes five).
inline constexpr int kMaxSymbolSegments = 10;
// Route patterns "<prefix>/{p}", "<prefix>/{p}/{p}", … for symbols written with their slashes.
std::vector<std::string> SymbolPatterns(const std::string& prefix);
// The captured segments joined again: "C22/32(Rev.1)".
std::string JoinParams(const std::vector<std::string>& params);

// JSON views shared by the API and tests.
boost::json::object DocumentJson(const Document& d, const std::string& lang, bool detail);
boost::json::object ResolutionJson(const Resolution& r, const std::string& lang, bool detail);
boost::json::array CitingJson(const std::vector<Citing>& items, const std::string& lang);

}  // namespace plenary::documents

// Search routes: GET /api/v1/search and the search page /{lang}/search.
#pragma once
#include "http/router.h"
#include "storage/db.h"

namespace plenary::search {

void RegisterRoutes(http::Router& router, storage::Database& db);

}  // namespace plenary::search

// Public pages that combine capabilities: the home page, the bodies and the meetings, each
// with the consultations related to it.
#pragma once
#include "http/router.h"
#include "storage/db.h"

namespace plenary::portal {

void RegisterPages(http::Router& router, storage::Database& db);

}  // namespace plenary::portal

// Public pages that combine capabilities: the home page, the bodies and the meetings, each
// with the consultations related to it.
#pragma once
#include "http/router.h"
#include "site/throttle.h"
#include "storage/db.h"

namespace plenary::portal {

// `throttles` bounds the public citation extraction; it must outlive the router.
void RegisterPages(http::Router& router, storage::Database& db, site::Throttles& throttles);

}  // namespace plenary::portal

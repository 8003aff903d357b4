// Accounts seen from the web: self sign-up of public participants and the verification link
// (pages and API), and the administrators' user API (create users, change roles).
#pragma once
#include "http/router.h"
#include "site/throttle.h"
#include "storage/db.h"

namespace plenary::site {

void RegisterAccountRoutes(http::Router& router, storage::Database& db, Throttles& throttles);

}  // namespace plenary::site

// Sign-in and sign-out: the login page, POST /login, POST /logout and their API twins.
#pragma once
#include "http/router.h"
#include "site/throttle.h"
#include "storage/db.h"

namespace plenary::site {

void RegisterLoginRoutes(http::Router& router, storage::Database& db, Throttles& throttles);

}  // namespace plenary::site

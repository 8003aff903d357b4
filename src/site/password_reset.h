// Forgotten passwords seen from the web: "Forgot your password?" (the form asking for the
// address and its API twin) and the link of the mail (the form choosing the new password).
#pragma once
#include "http/router.h"
#include "site/throttle.h"
#include "storage/db.h"

namespace plenary::site {

void RegisterPasswordResetRoutes(http::Router& router, storage::Database& db,
                                 Throttles& throttles);

}  // namespace plenary::site

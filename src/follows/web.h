// Routes of following: the follow and unfollow forms of the pages and their API twins, the
// account page that lists what a participant follows, and running the daily digest now (staff).
#pragma once
#include "http/router.h"
#include "storage/db.h"

namespace plenary::follows {

void RegisterRoutes(http::Router& router, storage::Database& db);

}  // namespace plenary::follows

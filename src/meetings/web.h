// Routes for bodies and meetings: JSON API (api.cc) and HTML pages (pages.cc).
#pragma once
#include <boost/json.hpp>

#include "http/router.h"
#include "meetings/meetings.h"
#include "storage/db.h"

namespace plenary::meetings {

void RegisterApi(http::Router& router, storage::Database& db);
void RegisterPages(http::Router& router, storage::Database& db);

boost::json::object BodyJson(const Body& b, const std::string& lang);
boost::json::object MeetingJson(const Meeting& m, const std::string& lang, bool detail);

}  // namespace plenary::meetings

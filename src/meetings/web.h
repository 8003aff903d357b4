// JSON API for bodies and meetings (api.cc). Their pages are in portal/, which can also
// show the consultations a meeting launched or considered.
#pragma once
#include <boost/json.hpp>

#include "http/router.h"
#include "meetings/meetings.h"
#include "storage/db.h"

namespace plenary::meetings {

void RegisterApi(http::Router& router, storage::Database& db);

boost::json::object BodyJson(const Body& b, const std::string& lang);
boost::json::object MeetingJson(const Meeting& m, const std::string& lang, bool detail);

}  // namespace plenary::meetings

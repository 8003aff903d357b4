// The routes of feeds and calendars (all public, GET):
//   /feeds/documents.atom, /feeds/bodies/{key}.atom
//   /calendar/meetings.ics, /calendar/bodies/{key}.ics, /calendar/meetings/{id}.ics,
//   /calendar/consultations/{id or key}.ics
// The language is the reader's (prefix /xx/, cookie, Accept-Language), as for pages.
#pragma once
#include "http/router.h"
#include "storage/db.h"

namespace plenary::feeds {

void RegisterRoutes(http::Router& router, storage::Database& db);

}  // namespace plenary::feeds

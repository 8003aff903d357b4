// The secretariat's forms for bodies, meetings, registration and attendance (/admin/bodies,
// /admin/meetings/...), and the choice of meetings other desk pages offer. Each form calls the
// same use case as the API.
#pragma once
#include <string>

#include "http/router.h"
#include "http/templates.h"
#include "meetings/meetings.h"
#include "storage/db.h"

namespace plenary::meetings {

//   POST /admin/bodies, /admin/meetings, /admin/meetings/{id}/attendance,
//        /admin/meetings/{id}/registrations, /admin/meetings/{id}/attended
void RegisterDesk(http::Router& router, storage::Database& db);

// "16th meeting of CWG-Internet, 19–20 January 2022", in `lang`.
std::string MeetingLabel(const std::string& lang, const Meeting& m);
// Every meeting as a MEETINGS section (MID, MLABEL), for a form's choice of meeting; the one
// whose id is `selected_a` (`selected_b`) shows its section SEL_A (SEL_B): a refused form's
// choice, for the page's first (second) select of a meeting.
void AddMeetings(storage::Database& db, ctemplate::TemplateDictionary& d, const std::string& lang,
                 const std::string& selected_a = "", const std::string& selected_b = "");

}  // namespace plenary::meetings

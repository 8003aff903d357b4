// The consultation routes: JSON API under /api/v1 (api.cc) and HTML pages (pages.cc).
#pragma once
#include <boost/json.hpp>

#include "consultations/campaigns.h"
#include "consultations/consultations.h"
#include "http/router.h"
#include "site/site.h"
#include "site/throttle.h"
#include "storage/db.h"

namespace plenary::consultations {

void RegisterApi(http::Router& router, storage::Database& db, const Limits& limits,
                 site::Throttles& throttles, CampaignTracker& tracker);
// The secretariat's forms of consultations under /admin (desk.cc).
void RegisterDesk(http::Router& router, storage::Database& db, CampaignTracker& tracker);
// Its status forms (status_desk.cc): POST /admin/consultations/{id}/open | close | reopen |
// publish-results, each showing a confirmation page first; called by RegisterDesk.
void RegisterStatusDesk(http::Router& router, storage::Database& db);
// Its edit form (edit_desk.cc): GET and POST /admin/consultations/{id}/edit; called by
// RegisterDesk.
void RegisterEditDesk(http::Router& router, storage::Database& db);
// Fills the desk page's status section: the status and the forms of the actions it allows.
void AddStatusForms(ctemplate::TemplateDictionary& d, const Consultation& c,
                    const std::string& lang);
void RegisterPages(http::Router& router, storage::Database& db, const Limits& limits,
                   site::Throttles& throttles);


// Shared by the API and the pages: JSON views (never personal data unless `staff`).
// With `detail`, the summary's languages and states (`summaries`, `states.summary`) are there once
// the results are published, or for `staff` before.
boost::json::object ConsultationJson(const Consultation& c, const std::string& lang, bool detail,
                                     bool staff = false);
boost::json::object ResponseJson(const Response& r, bool staff);
// The moderators' filters of a query string (status, stakeholder_type, country, language,
// confirmed=yes|no; empty values are no filter). 400 naming `confirmed` for another value;
// the others are checked by CheckFilter.
Result<ModerationFilter> FilterOf(const http::Form& q);
// Bulk moderation: the response ids of a form or a JSON body, each a whole number, 1 to
// kMaxBulk of them (400 naming `responses`).
inline constexpr std::size_t kMaxBulk = 1000;
Result<std::vector<std::int64_t>> BulkIds(const std::vector<std::string>& values);
// A file of a response as a download: its stored media type, `Content-Disposition: attachment`
// with its name (never shown inline), and a sandbox in case a browser renders it anyway
// (the server adds `X-Content-Type-Options: nosniff` to every answer).
http::Response AttachmentDownload(AttachmentFile f);
// Adds the campaign counts of the tracker to statistics (responses not rejected only).
void AddCampaignCounts(storage::Database& db, const CampaignTracker& tracker,
                       std::int64_t consultation_id, Statistics& stats);
// Builds a ResponseInput from a form post or a JSON body.
Result<ResponseInput> ResponseFromInput(const site::Input& in, const std::string& default_lang);
// The proof-of-work check of an anonymous submission (site/pow.h): OK when the check is off,
// not engaged, or the sender is signed-in staff; else the fields (form or JSON)
// `pow_challenge` and `pow` must hold a fresh, unused solution. Errors name the field "pow".
Status CheckPow(storage::Database& db, const http::Request& req, site::Throttles& throttles,
                const site::Input& in);
// The daily allowance of attached bytes of the sender's address (site::Throttles); staff, who
// enter submissions received otherwise, are exempt. Counted when sent, accepted or not.
// Errors: kRateLimited (429) naming the rule.
Status CheckAttachmentQuota(storage::Database& db, const http::Request& req,
                            site::Throttles& throttles, const ResponseInput& in);

}  // namespace plenary::consultations

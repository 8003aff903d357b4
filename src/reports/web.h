// The routes of generated reports (web.cc):
//   GET /bodies/{id or key}/chair-report?meetings=16,17          the Chair's report (HTML;
//       without `meetings`, a form to choose them)
//   GET /api/v1/bodies/{id or key}/chair-report?meetings=16,17   its JSON twin
//   GET /api/v1/bodies/{id or key}/officers                      officers, terms of reference,
//                                                                references
//   PUT /api/v1/bodies/{id or key}/officers                      (secretariat) UpdateOfficers
// and the secretariat's page of the same (desk.cc): GET and POST /admin/bodies/{id}/officers,
// POST /admin/meetings/{id}/report.
#pragma once
#include "http/router.h"
#include "storage/db.h"

namespace plenary::reports {

void RegisterRoutes(http::Router& router, storage::Database& db);
// The desk's forms (desk.cc); called by RegisterRoutes.
void RegisterDesk(http::Router& router, storage::Database& db);

}  // namespace plenary::reports

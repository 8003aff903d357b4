// The routes of the exports (all public, GET):
//   /api/v1/consultations/{id}/statistics.xlsx
//   /api/v1/consultations/{id}/responses.csv, responses.xlsx, responses.json
//   /api/v1/bodies/{id or key}/archive.zip
#pragma once
#include "consultations/campaigns.h"
#include "http/router.h"
#include "storage/db.h"

namespace plenary::exports {

// `tracker` gives the campaign counts the statistics carry; it must outlive the router.
void RegisterRoutes(http::Router& router, storage::Database& db,
                    consultations::CampaignTracker& tracker);

}  // namespace plenary::exports

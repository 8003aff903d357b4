// Wiring: every capability's routes on one router, plus static files and health checks.
#pragma once
#include "consultations/campaigns.h"
#include "consultations/consultations.h"
#include "documents/documents.h"
#include "http/router.h"
#include "http/server.h"
#include "search/search.h"
#include "site/site.h"
#include "site/throttle.h"
#include "storage/db.h"

namespace plenary::app {

struct Config {
  consultations::Limits limits;
  site::ThrottleConfig throttle;
  // Who may read /metrics (--metrics-from): signed-in staff, or the loopback address only.
  site::MetricsFrom metrics_from = site::MetricsFrom::kStaff;
};

// The text each capability hands down to search, by kind of item (the indexer's sources).
search::Sources SearchSources();
// The records above documents that may cite a document or a resolution, in the order "cited
// by" lists them: consultations, actions, agenda items.
documents::CitingSources CitingSources();

// Also sets documents' citing sources.
// `throttles`, `tracker` and `stats` must outlive the router; `stats` (may be null) feeds /metrics.
void BuildRouter(http::Router& router, storage::Database& db, const Config& config,
                 site::Throttles& throttles, consultations::CampaignTracker& tracker,
                 const http::ServerStats* stats = nullptr);

}  // namespace plenary::app

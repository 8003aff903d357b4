// Wiring: every capability's routes on one router, plus static files and health checks.
#pragma once
#include "consultations/campaigns.h"
#include "consultations/consultations.h"
#include "http/router.h"
#include "http/server.h"
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

// `stats` (may be null) feeds /metrics.
// `throttles`, `tracker` and `stats` must outlive the router; `stats` (may be null) feeds /metrics.
void BuildRouter(http::Router& router, storage::Database& db, const Config& config,
                 site::Throttles& throttles, consultations::CampaignTracker& tracker,
                 const http::ServerStats* stats = nullptr);

}  // namespace plenary::app

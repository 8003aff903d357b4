// Wiring: every capability's routes on one router, plus static files and health checks.
#pragma once
#include "consultations/consultations.h"
#include "http/router.h"
#include "http/server.h"
#include "storage/db.h"

namespace plenary::app {

struct Config {
  consultations::Limits limits;
};

// `stats` (may be null) feeds /metrics.
void BuildRouter(http::Router& router, storage::Database& db, const Config& config,
                 const http::ServerStats* stats = nullptr);

}  // namespace plenary::app

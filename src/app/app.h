// Wiring: every capability's routes on one router, plus static files and health checks.
#pragma once
#include "consultations/consultations.h"
#include "http/router.h"
#include "storage/db.h"

namespace plenary::app {

struct Config {
  consultations::Limits limits;
};

void BuildRouter(http::Router& router, storage::Database& db, const Config& config);

}  // namespace plenary::app

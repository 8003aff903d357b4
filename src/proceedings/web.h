// Routes of the proceedings: JSON API (api.cc) and pages (pages.cc).
//   GET  /api/v1/meetings/{id}/agenda            items with documents, speakers, record, decisions
//   POST /api/v1/meetings/{id}/agenda            create an item                      (secretariat)
//   GET  /api/v1/agenda-items/{id}
//   POST /api/v1/agenda-items/{id}/speakers      request the floor for someone  (secretariat, chair)
//   PUT  /api/v1/agenda-items/{id}/speakers      reorder the waiting speakers   (secretariat, chair)
//   POST /api/v1/speakers/{id}/status            done | withdrawn               (secretariat, chair)
//   POST /api/v1/agenda-items/{id}/interventions | decisions | candidatures      (secretariat)
//   GET  /api/v1/actions, /api/v1/actions/{id}
//   POST /api/v1/meetings/{id}/actions, /api/v1/actions/{id}/events              (secretariat)
//   GET  /api/v1/meetings/{id}/record            the summary record (?lang=)
//   PUT  /api/v1/meetings/{id}/record            signatories and symbol          (secretariat)
//   GET  /meetings/{id}/agenda, /meetings/{id}/record, /actions, /actions/{id}   pages
//   POST /meetings/{id}/agenda/speakers…                                          page forms
#pragma once
#include <boost/json.hpp>

#include "http/router.h"
#include "proceedings/proceedings.h"
#include "proceedings/record.h"
#include "storage/db.h"

namespace plenary::proceedings {

void RegisterRoutes(http::Router& router, storage::Database& db);
void RegisterApi(http::Router& router, storage::Database& db);
void RegisterPages(http::Router& router, storage::Database& db);

boost::json::object ItemJson(const AgendaItem& it, const std::string& lang);
// A decision as the agenda item's JSON and GET /api/v1/decisions/{id} show it.
boost::json::object DecisionJson(const Decision& d, const std::string& lang);
boost::json::object ActionJson(const ActionView& a, const std::string& lang);
boost::json::object RecordJson(const SummaryRecord& r);

// The signed-in secretariat, administrator or chair who may run the list of speakers.
bool MayRunSpeakers(const documents::Viewer& viewer);

}  // namespace plenary::proceedings

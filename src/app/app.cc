// Route table assembly and the few routes that belong to no capability.
#include "app/app.h"

#include <fmt/format.h>

#include "consultations/consultations.h"
#include "consultations/sources.h"
#include "consultations/web.h"
#include "desk/desk.h"
#include "documents/resolutions.h"
#include "documents/sources.h"
#include "documents/web.h"
#include "drafting/text_out.h"
#include "drafting/translations.h"
#include "drafting/web.h"
#include "exports/web.h"
#include "feeds/web.h"
#include "follows/web.h"
#include "imports/web.h"
#include "mail/mail.h"
#include "meetings/sources.h"
#include "meetings/web.h"
#include "portal/portal.h"
#include "proceedings/sources.h"
#include "proceedings/translations.h"
#include "proceedings/web.h"
#include "reports/web.h"
#include "search/search.h"
#include "search/web.h"
#include "site/login.h"
#include "site/password_reset.h"
#include "site/signup.h"
#include "site/site.h"
#include "site/static_files.h"

namespace plenary::app {

using http::Request;

search::Sources SearchSources() {
  return {{"response", consultations::ResponseDocs},
          {"consultation", consultations::ConsultationDocs},
          {"meeting", meetings::MeetingDocs},
          {"contribution", meetings::ContributionDocs},
          {"action", meetings::ActionDocs},
          {"document", documents::DocumentDocs},
          {"resolution", documents::ResolutionDocs},
          {"agenda_item", proceedings::AgendaItemDocs}};
}

documents::CitingSources CitingSources() {
  return {{"consultation", consultations::CitingConsultations},
          {"action", proceedings::CitingActions},
          {"agenda_item", proceedings::CitingAgendaItems}};
}

void BuildRouter(http::Router& router, storage::Database& db, const Config& config,
                 site::Throttles& throttles, consultations::CampaignTracker& tracker,
                 const http::ServerStats* stats) {
  documents::SetCitingSources(CitingSources());
  documents::SetCheckedTextSources({consultations::ConsultationTexts});
  meetings::SetConsultationKeys(consultations::KeyOf);
  desk::SetTranslationSources({proceedings::TranslationGroups, drafting::TranslationGroups});
  // Prometheus text format: the writer's queue and batches, the server's load.
  router.Add("GET", "/metrics", [&db, stats, &tracker, &config](Request& req) {
    if (auto refusal = site::MetricsRefusal(db, req, config.metrics_from)) return *refusal;
    auto w = db.writer_stats();
    std::string out = fmt::format(
        "# TYPE plenary_writes_total counter\nplenary_writes_total {}\n"
        "# TYPE plenary_write_transactions_total counter\nplenary_write_transactions_total {}\n"
        "# TYPE plenary_writes_refused_total counter\nplenary_writes_refused_total {}\n"
        "# TYPE plenary_write_queue gauge\nplenary_write_queue {}\n",
        w.writes, w.transactions, w.refused, w.queued);
    out += fmt::format("# TYPE plenary_search_queue gauge\nplenary_search_queue {}\n",
                       search::Lag(db));
    out += fmt::format("# TYPE plenary_search_failed gauge\nplenary_search_failed {}\n",
                       search::Failed(db));
    out += fmt::format("# TYPE plenary_campaign_lag gauge\nplenary_campaign_lag {}\n",
                       tracker.Lag());
    // Confirmation mails still to be composed (consultations::ConfirmationMailer) count too.
    out += fmt::format("# TYPE plenary_mail_outbox_pending gauge\nplenary_mail_outbox_pending {}\n",
                       mail::Pending(db) + consultations::PendingConfirmationMails(db));
    if (stats)
      out += fmt::format(
          "# TYPE plenary_http_requests_total counter\nplenary_http_requests_total {}\n"
          "# TYPE plenary_http_refused_total counter\nplenary_http_refused_total {}\n"
          "# TYPE plenary_http_connections gauge\nplenary_http_connections {}\n"
          "# TYPE plenary_http_pending_reads gauge\nplenary_http_pending_reads {}\n"
          "# TYPE plenary_http_pending_writes gauge\nplenary_http_pending_writes {}\n",
          stats->requests.load(), stats->refused.load(), stats->connections.load(),
          stats->pending_reads.load(), stats->pending_writes.load());
    return http::Text(out, "text/plain; version=0.0.4; charset=utf-8");
  });
  router.Add("GET", "/api/v1/ping", [](Request&) {
    return http::Json(boost::json::object{{"ok", true}});
  });
  router.Add("GET", "/static/{file}", [&db](Request& req) {
    auto file = site::StaticFile(req, req.params[0]);
    if (!file) return site::ErrorResponse(db, req, NotFound("no such file"));
    return *file;
  });
  // Browsers and feed readers ask for /favicon.ico whatever the page links: the same icon.
  router.Add("GET", "/favicon.ico", [](Request& req) { return *site::StaticFile(req, "favicon.svg"); });
  site::RegisterLoginRoutes(router, db, throttles);
  site::RegisterAccountRoutes(router, db, throttles);
  site::RegisterPasswordResetRoutes(router, db, throttles);
  follows::RegisterRoutes(router, db);
  meetings::RegisterApi(router, db);
  consultations::RegisterApi(router, db, config.limits, throttles, tracker);
  consultations::RegisterPages(router, db, config.limits, throttles);
  desk::RegisterRoutes(router, db, tracker);
  documents::RegisterRoutes(router, db);
  proceedings::RegisterRoutes(router, db);
  drafting::RegisterRoutes(router, db);
  drafting::RegisterTextOutput(router, db);
  portal::RegisterPages(router, db, throttles);
  reports::RegisterRoutes(router, db);
  search::RegisterRoutes(router, db);
  feeds::RegisterRoutes(router, db);
  exports::RegisterRoutes(router, db, tracker);
  imports::RegisterRoutes(router, db);
  router.SetErrorHandler([&db](const Request& req, int status, const Error& e) {
    return site::ErrorResponse(db, req, status, e);
  });
}

}  // namespace plenary::app

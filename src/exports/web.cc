// Export routes: translate the request into the export's input and its bytes into a download.
#include "exports/web.h"

#include "consultations/web.h"
#include "exports/exports.h"
#include "exports/xlsx.h"
#include "meetings/meetings.h"
#include "site/site.h"

namespace plenary::exports {

using http::Request;

namespace {

http::Response Download(std::string body, const std::string& type, const std::string& name) {
  return http::Text(std::move(body), type)
      .Header("Content-Disposition", "attachment; filename=\"" + name + "\"");
}

// Consultation keys are letters, digits and dashes; ids digits: safe in a file name. Anything
// else gets the id.
std::string NamePart(const consultations::Consultation& c) { return c.key; }

}  // namespace

void RegisterRoutes(http::Router& router, storage::Database& db,
                    consultations::CampaignTracker& tracker) {
  router.Add("GET", "/api/v1/consultations/{id}/statistics.xlsx", [&db, &tracker](Request& req) {
    auto c = consultations::Get(db, req.params[0]);
    if (!c.ok()) return http::JsonError(c.error());
    auto s = consultations::ComputeStatistics(db, std::to_string(c->id));
    if (!s.ok()) return http::JsonError(s.error());
    consultations::AddCampaignCounts(db, tracker, c->id, *s);
    auto x = StatisticsXlsx(*s);
    if (!x.ok()) return http::JsonError(x.error());
    return Download(std::move(*x), kXlsxType,
                    "consultation-" + NamePart(*c) + "-statistics.xlsx");
  });
  for (const char* format : {"csv", "xlsx", "json"}) {
    std::string f = format;
    router.Add("GET", "/api/v1/consultations/{id}/responses." + f, [&db, f](Request& req) {
      auto c = consultations::Get(db, req.params[0]);
      if (!c.ok()) return http::JsonError(c.error());
      auto t = PublishedResponsesTable(db, std::to_string(c->id),
                                       req.query.Get("lang").value_or(req.lang));
      if (!t.ok()) return http::JsonError(t.error());
      std::string name = "consultation-" + NamePart(*c) + "-responses." + f;
      if (f == "csv") return Download(ResponsesCsv(*t), "text/csv; charset=utf-8", name);
      if (f == "json") return http::Json(t->json);
      auto x = ResponsesXlsx(*t);
      if (!x.ok()) return http::JsonError(x.error());
      return Download(std::move(*x), kXlsxType, name);
    });
  }
  router.Add("GET", "/api/v1/bodies/{id}/archive.zip", [&db](Request& req) {
    auto b = meetings::GetBody(db, req.params[0]);
    if (!b.ok()) return http::JsonError(b.error());
    auto zip = BodyArchive(db, b->key);
    if (!zip.ok()) return http::JsonError(zip.error());
    return Download(std::move(*zip), "application/zip", b->key + "-archive.zip");
  });
}

}  // namespace plenary::exports

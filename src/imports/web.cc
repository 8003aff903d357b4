// Import routes: translate the request into the importer's input and its plan into JSON.
#include "imports/web.h"

#include <memory>

#include "site/site.h"

namespace plenary::imports {

using http::Request;

void RegisterRoutes(http::Router& router, storage::Database& db, ImportLimits limits) {
  auto importer = std::make_shared<Importer>(db, limits);
  router.Add("POST", "/api/v1/imports/documents", [&db, importer](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    http::MultipartLimits ml;
    ml.max_files = 2;
    ml.max_file_bytes = 30u << 20;  // the request body's own limit
    ml.max_field_bytes = 30u << 20;
    auto in = site::ReadInput(req, ml);
    if (!in.ok()) return http::JsonError(in.error());
    if (in->json)
      return http::JsonError(InvalidArgument(
          "body", "body: send multipart/form-data with \"csv\" and, for files, \"files\""));
    std::string csv = in->fields.Get("csv").value_or(""), zip;
    for (auto& p : in->files) {
      if (p.name == "csv") csv = std::move(p.data);
      else if (p.name == "files") zip = std::move(p.data);
      else
        return http::JsonError(
            InvalidArgument(p.name, p.name + ": only \"csv\" and \"files\" are read"));
    }
    if (csv.empty()) return http::JsonError(InvalidArgument("csv", "csv: required"));
    auto plan = importer->Preview(*g.session, csv, zip);
    if (!plan.ok()) return http::JsonError(plan.error());
    return http::Json(plan->Json());
  });
  router.Add("POST", "/api/v1/imports/{id}/confirm", [&db, importer](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    auto plan = importer->Confirm(*g.session, req.params[0]);
    if (!plan.ok()) return http::JsonError(plan.error());
    return http::Json(plan->Json());
  });
}

}  // namespace plenary::imports

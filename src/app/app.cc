// Route table assembly and the few routes that belong to no capability.
#include "app/app.h"

#include "base/assets.h"
#include "consultations/web.h"
#include "desk/desk.h"
#include "meetings/web.h"
#include "portal/portal.h"
#include "site/login.h"
#include "site/site.h"

namespace plenary::app {

using http::Request;

void BuildRouter(http::Router& router, storage::Database& db, const Config& config) {
  router.Add("GET", "/api/v1/ping", [](Request&) {
    return http::Json(boost::json::object{{"ok", true}});
  });
  router.Add("GET", "/static/{file}", [&db](Request& req) {
    auto data = assets::Find("web/static/" + req.params[0]);
    if (!data) return site::ErrorResponse(db, req, NotFound("no such file"));
    std::string type = req.params[0].ends_with(".css")  ? "text/css; charset=utf-8"
                       : req.params[0].ends_with(".js") ? "text/javascript; charset=utf-8"
                       : req.params[0].ends_with(".svg") ? "image/svg+xml"
                                                         : "application/octet-stream";
    return http::Text(std::string(*data), type).Header("Cache-Control", "public, max-age=3600");
  });
  site::RegisterLoginRoutes(router, db);
  meetings::RegisterApi(router, db);
  consultations::RegisterApi(router, db, config.limits);
  consultations::RegisterPages(router, db, config.limits);
  desk::RegisterRoutes(router, db);
  portal::RegisterPages(router, db);
  router.SetErrorHandler([&db](const Request& req, int status, const Error& e) {
    return site::ErrorResponse(db, req, status, e);
  });
}

}  // namespace plenary::app

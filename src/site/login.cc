// Login and logout handlers (pages and API).
#include "site/login.h"

#include <algorithm>

#include "accounts/accounts.h"
#include "site/refusals.h"
#include "site/site.h"
#include "text/messages.h"

namespace plenary::site {

using namespace accounts;

namespace json = boost::json;
using http::Request;

namespace {

// Ends the session of `token`, or with `everywhere` every session of its user.
void SignOut(storage::Database& db, const std::string& token, bool everywhere) {
  if (everywhere)
    LogoutEverywhere(db, token);
  else
    Logout(db, token);
}

std::string SessionCookie(const std::string& token, int max_age) {
  return std::string(kSessionCookie) + "=" + token +
         "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age) +
         CookieSecurity();
}

// Only local paths: never redirect to another site. Without one, staff go to their desk and
// everyone else to the home page. Backslashes and control characters, which browsers drop or
// turn into slashes ("/\t/evil", "/\\evil"), are refused outright.
std::string SafeNext(const std::string& next, const Request& req, const std::string& role) {
  bool plain = std::none_of(next.begin(), next.end(), [](unsigned char c) {
    return c < 0x20 || c == 0x7f || c == '\\';
  });
  if (plain && next.size() > 1 && next[0] == '/' && next[1] != '/' &&
      next.find("://") == std::string::npos)
    return Prefix(req) + next;
  return Prefix(req) + (IsStaff(role) ? "/admin" : "/");
}

http::Response LoginPage(storage::Database& db, const Request& req, const std::string& error,
                         const std::string& email, int status) {
  Page page(db, req, "login.tpl", text::T(req.lang, "login_title"));
  page.body().SetValue("NEXT", req.query.Get("next").value_or(""));
  page.body().SetValue("EMAIL", email);
  // A refused sign-in names no field: which of the two was wrong is not said.
  if (!error.empty()) {
    FormErrors errors(req.lang);
    errors.AddText(error);
    errors.Fill(&page.body());
  }
  return page.Render(status);
}
}  // namespace

void RegisterLoginRoutes(http::Router& router, storage::Database& db, Throttles& throttles) {
  router.Add("GET", "/login", [&db](Request& req) { return LoginPage(db, req, "", "", 200); });

  router.Add("POST", "/login", [&db, &throttles](Request& req) {
    auto in = ReadInput(req);
    if (!in.ok()) return ErrorResponse(db, req, in.error());
    std::string email = in->fields.Get("email").value_or("");
    if (!FormCsrfOk(db, req, in->fields.Get("csrf").value_or("")))
      return LoginPage(db, req, text::T(req.lang, "error_csrf"), email, 403);
    if (auto t = throttles.Login(req.remote_ip, email); !t.ok()) {
      auto r = LoginPage(db, req, text::T(req.lang, "login_throttled"), email, 429);
      r.Header("Retry-After", std::to_string(t.error().retry_after_seconds));
      return r;
    }
    auto r = Login(db, email, in->fields.Get("password").value_or(""));
    if (!r.ok() && r.error().code == Code::kPermissionDenied)
      return LoginPage(db, req, text::T(req.lang, "login_unverified"), email, 403);
    if (!r.ok()) return LoginPage(db, req, text::T(req.lang, "login_failed"), email, 401);
    auto resp = http::Redirect(
        SafeNext(in->fields.Get("next").value_or(""), req, r->second.user.role));
    resp.Header("Set-Cookie", SessionCookie(r->first, kSessionSeconds));
    return resp;
  });

  // The header's button ends this session; the account page's (everywhere=true) every one.
  router.Add("POST", "/logout", [&db](Request& req) {
    auto in = ReadInput(req);
    auto g = RequireSignedIn(db, req, true, in.ok() ? in->fields.Get("csrf").value_or("") : "");
    if (g.refusal) return *g.refusal;
    SignOut(db, req.cookies.at(kSessionCookie), in.ok() && in->fields.Get("everywhere") == "true");
    auto resp = http::Redirect(Prefix(req) + "/");
    resp.Header("Set-Cookie", SessionCookie("", 0));
    return resp;
  });

  router.Add("POST", "/api/v1/login", [&db, &throttles](Request& req) {
    auto in = ReadInput(req);
    if (!in.ok()) return http::JsonError(in.error());
    if (!in->json) return http::JsonError(InvalidArgument("body", "body: send application/json"));
    auto email = JsonString(*in->json, "email");
    auto password = JsonString(*in->json, "password");
    if (!email.ok()) return http::JsonError(email.error());
    if (!password.ok()) return http::JsonError(password.error());
    if (auto t = throttles.Login(req.remote_ip, *email); !t.ok()) return http::JsonError(t.error());
    auto r = Login(db, *email, *password);
    if (!r.ok()) return http::JsonError(r.error());
    json::object user{{"id", r->second.user.id},
                      {"name", r->second.user.name},
                      {"role", r->second.user.role}};
    if (r->second.user.member_state) user["member_state"] = *r->second.user.member_state;
    auto resp = http::Json(json::object{{"user", user}, {"csrf_token", r->second.csrf}});
    resp.Header("Set-Cookie", SessionCookie(r->first, kSessionSeconds));
    return resp;
  });

  // ?everywhere=true ends the sessions of every device.
  router.Add("POST", "/api/v1/logout", [&db](Request& req) {
    auto g = RequireSignedIn(db, req, true);
    if (g.refusal) return *g.refusal;
    SignOut(db, req.cookies.at(kSessionCookie), req.query.Get("everywhere") == "true");
    auto resp = http::Json(json::object{{"signed_out", true}});
    resp.Header("Set-Cookie", SessionCookie("", 0));
    return resp;
  });
}

}  // namespace plenary::site

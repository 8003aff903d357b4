// Sign-up, e-mail verification (where the password is chosen) and the administrators' user API.
#include "site/signup.h"

#include <charconv>

#include "accounts/accounts.h"
#include "site/fields.h"
#include "site/password_link.h"
#include "site/refusals.h"
#include "site/site.h"
#include "text/messages.h"

namespace plenary::site {

namespace json = boost::json;
using http::Request;

namespace {

http::Response SignupPage(storage::Database& db, const Request& req, const FormErrors& errors,
                          const std::string& name, const std::string& email, bool sent,
                          int status) {
  Page page(db, req, "signup.tpl", text::T(req.lang, "signup_title"));
  if (sent) {
    page.body().ShowSection("SENT");
  } else {
    auto* f = page.body().AddSectionDictionary("FORM");
    f->SetValue("NAME", name);
    f->SetValue("EMAIL", email);
    errors.Fill(f);
  }
  return page.Render(status);
}
// The sign-up page refusing with `text` (already in the reader's language), fields kept.
http::Response SignupRefused(storage::Database& db, const Request& req, const std::string& text,
                             const std::string& name, const std::string& email, int status) {
  FormErrors errors(req.lang);
  errors.AddText(text);
  return SignupPage(db, req, errors, name, email, false, status);
}

json::object UserJson(const accounts::User& u) {
  json::object o{{"id", u.id},
                 {"email", u.email},
                 {"name", u.name},
                 {"role", u.role},
                 {"email_verified", u.email_verified}};
  o["member_state"] = u.member_state ? json::value(*u.member_state) : json::value(nullptr);
  return o;
}

// The optional "member_state" member: absent or null → none.
Result<std::optional<std::string>> MemberState(const json::object& o) {
  auto* v = o.if_contains("member_state");
  if (!v || v->is_null()) return std::optional<std::string>();
  if (!v->is_string())
    return InvalidArgument("member_state", "member_state: must be a string such as \"CH\"");
  return std::optional<std::string>(std::string(v->as_string()));
}

Guard RequireAdmin(storage::Database& db, const Request& req, bool state_change) {
  Guard g = RequireStaff(db, req, state_change);
  if (!g.refusal && g.session->user.role != "admin") {
    g.refusal = http::JsonError(PermissionDenied("role: only an administrator may manage users"));
    g.session.reset();
  }
  return g;
}

}  // namespace

void RegisterAccountRoutes(http::Router& router, storage::Database& db, Throttles& throttles) {
  router.Add("GET", "/signup",
             [&db](Request& req) {
               return SignupPage(db, req, FormErrors(req.lang), "", "", false, 200);
             });

  router.Add("POST", "/signup", [&db, &throttles](Request& req) {
    auto in = ReadInput(req);
    if (!in.ok()) return ErrorResponse(db, req, in.error());
    std::string name = in->fields.Get("name").value_or("");
    std::string email = in->fields.Get("email").value_or("");
    if (!FormCsrfOk(db, req, in->fields.Get("csrf").value_or("")))
      return SignupRefused(db, req, text::T(req.lang, "error_csrf"), name, email, 403);
    // Each sign-up sends a mail: limited per address and per recipient.
    if (auto t = throttles.Signup(req.remote_ip, email); !t.ok()) {
      auto r = SignupRefused(db, req, text::T(req.lang, "login_throttled"), name, email, 429);
      r.Header("Retry-After", std::to_string(t.error().retry_after_seconds));
      return r;
    }
    auto s = accounts::SignUp(db, email, name, req.lang);
    if (!s.ok()) {
      FormErrors errors(req.lang);
      errors.Add(s.error());
      return SignupPage(db, req, errors, name, email, false, http::StatusFor(s.error().code));
    }
    return SignupPage(db, req, FormErrors(req.lang), "", "", true, 200);
  });

  router.Add("POST", "/api/v1/signup", [&db, &throttles](Request& req) {
    auto body = ReadJson(req);
    if (!body.ok()) return http::JsonError(body.error());
    auto email = JsonString(*body, "email");
    auto name = JsonString(*body, "name");
    for (const auto* r : {&email, &name})
      if (!r->ok()) return http::JsonError(r->error());
    // Said rather than ignored: a client that sends one must not believe it was set.
    if (body->contains("password"))
      return http::JsonError(InvalidArgument(
          "password", "password: not taken at sign-up; it is chosen when the link of the mail is "
                      "followed (POST /api/v1/verify)"));
    auto lang = JsonString(*body, "language");
    std::string mail_lang = lang.ok() && text::IsLanguage(*lang) ? *lang : req.lang;
    if (auto t = throttles.Signup(req.remote_ip, *email); !t.ok())
      return http::JsonError(t.error());
    auto s = accounts::SignUp(db, *email, *name, mail_lang);
    if (!s.ok()) return http::JsonError(s.error());
    // The same answer whether or not the address already had an account.
    return http::Json(json::object{{"status", "verification_sent"}}, 202);
  });

  RegisterPasswordLink(router, db,
                       {.path = "/verify",
                        .form_template = "verify.tpl",
                        .form_title = "verify_choose_title",
                        .notice_title = "verify_title",
                        .done_heading = "verify_title",
                        .done = "verify_done",
                        .failed = "verify_failed",
                        .offer_new_link = false,
                        .ends_sessions = false,
                        .check = [&db](const std::string& token) {
                          return accounts::CheckVerifyToken(db, token);
                        },
                        .apply = [&db](const std::string& token, const std::string& password) {
                          return accounts::VerifyEmail(db, token, password);
                        }});

  router.Add("POST", "/api/v1/verify", [&db](Request& req) {
    auto body = ReadJson(req);
    if (!body.ok()) return http::JsonError(body.error());
    auto token = JsonString(*body, "token");
    if (!token.ok()) return http::JsonError(token.error());
    auto password = JsonString(*body, "password");
    if (!password.ok()) return http::JsonError(password.error());
    auto u = accounts::VerifyEmail(db, *token, *password);
    if (!u.ok()) return http::JsonError(u.error());
    return http::Json(json::object{{"verified", true}});
  });

  // --- Administrators: users and roles ----------------------------------------------------

  router.Add("GET", "/api/v1/users", [&db](Request& req) {
    auto g = RequireAdmin(db, req, false);
    if (g.refusal) return *g.refusal;
    json::array items;
    for (const auto& u : accounts::ListUsers(db)) items.push_back(UserJson(u));
    return http::Json(json::object{{"items", items}});
  });

  router.Add("POST", "/api/v1/users", [&db](Request& req) {
    auto g = RequireAdmin(db, req, true);
    if (g.refusal) return *g.refusal;
    auto body = ReadJson(req);
    if (!body.ok()) return http::JsonError(body.error());
    auto email = JsonString(*body, "email");
    auto name = JsonString(*body, "name");
    auto role = JsonString(*body, "role");
    auto password = JsonString(*body, "password");
    for (const auto* r : {&email, &name, &role, &password})
      if (!r->ok()) return http::JsonError(r->error());
    auto ms = MemberState(*body);
    if (!ms.ok()) return http::JsonError(ms.error());
    auto u = accounts::AddUser(db, *email, *name, *role, *password, *ms, g.session->user.id);
    if (!u.ok()) return http::JsonError(u.error());
    return http::Json(UserJson(*u), 201);
  });

  router.Add("POST", "/api/v1/users/{id}/role", [&db](Request& req) {
    auto g = RequireAdmin(db, req, true);
    if (g.refusal) return *g.refusal;
    const std::string& p = req.params[0];
    auto parsed = ParseId(p);
    if (!parsed) return http::JsonError(NotFound("user " + p + ": no such user"));
    std::int64_t id = *parsed;
    auto body = ReadJson(req);
    if (!body.ok()) return http::JsonError(body.error());
    auto role = JsonString(*body, "role");
    if (!role.ok()) return http::JsonError(role.error());
    auto ms = MemberState(*body);
    if (!ms.ok()) return http::JsonError(ms.error());
    auto u = accounts::SetRole(db, g.session->user.id, id, *role, *ms);
    if (!u.ok()) return http::JsonError(u.error());
    return http::Json(UserJson(*u));
  });
}

}  // namespace plenary::site

// "Forgot your password?" and the reset link: pages and API.
#include "site/password_reset.h"

#include "accounts/accounts.h"
#include "accounts/password_reset.h"
#include "site/password_link.h"
#include "site/refusals.h"
#include "site/site.h"
#include "text/messages.h"

namespace plenary::site {

namespace json = boost::json;
using http::Request;

namespace {

http::Response ForgotPage(storage::Database& db, const Request& req, const FormErrors& errors,
                          const std::string& email, bool sent, int status) {
  Page page(db, req, "forgot.tpl", text::T(req.lang, "forgot_title"));
  if (sent) {
    page.body().SetValueAndShowSection(
        "SENT_TEXT",
        text::T(req.lang, "forgot_sent",
                {{"minutes",
                  static_cast<std::int64_t>((accounts::ResetTokenSeconds() + 59) / 60)}}),
        "SENT");
  } else {
    auto* f = page.body().AddSectionDictionary("FORM");
    f->SetValue("EMAIL", email);
    errors.Fill(f);
  }
  return page.Render(status);
}

}  // namespace

void RegisterPasswordResetRoutes(http::Router& router, storage::Database& db,
                                 Throttles& throttles) {
  router.Add("GET", "/password/forgot", [&db](Request& req) {
    return ForgotPage(db, req, FormErrors(req.lang), "", false, 200);
  });

  router.Add("POST", "/password/forgot", [&db, &throttles](Request& req) {
    auto in = ReadInput(req);
    if (!in.ok()) return ErrorResponse(db, req, in.error());
    std::string email = in->fields.Get("email").value_or("");
    FormErrors errors(req.lang);
    if (!FormCsrfOk(db, req, in->fields.Get("csrf").value_or(""))) {
      errors.AddText(text::T(req.lang, "error_csrf"));
      return ForgotPage(db, req, errors, email, false, 403);
    }
    // Each request may send a mail: the sign-up limits (per address, per recipient) apply.
    if (auto t = throttles.Signup(req.remote_ip, email); !t.ok()) {
      errors.AddText(text::T(req.lang, "login_throttled"));
      auto r = ForgotPage(db, req, errors, email, false, 429);
      r.Header("Retry-After", std::to_string(t.error().retry_after_seconds));
      return r;
    }
    auto s = accounts::RequestPasswordReset(db, email, req.lang, Now());
    if (!s.ok()) {
      errors.Add(s.error());
      return ForgotPage(db, req, errors, email, false, http::StatusFor(s.error().code));
    }
    // The same page whether or not an account has the address.
    return ForgotPage(db, req, FormErrors(req.lang), "", true, 200);
  });

  router.Add("POST", "/api/v1/password/forgot", [&db, &throttles](Request& req) {
    auto body = ReadJson(req);
    if (!body.ok()) return http::JsonError(body.error());
    auto email = JsonString(*body, "email");
    if (!email.ok()) return http::JsonError(email.error());
    auto lang = JsonString(*body, "language");
    std::string mail_lang = lang.ok() && text::IsLanguage(*lang) ? *lang : req.lang;
    if (auto t = throttles.Signup(req.remote_ip, *email); !t.ok())
      return http::JsonError(t.error());
    auto s = accounts::RequestPasswordReset(db, *email, mail_lang, Now());
    if (!s.ok()) return http::JsonError(s.error());
    return http::Json(json::object{{"status", "reset_sent"}}, 202);
  });

  RegisterPasswordLink(router, db,
                       {.path = "/password/reset",
                        .form_template = "reset.tpl",
                        .form_title = "reset_title",
                        .notice_title = "reset_title",
                        .done_heading = "reset_done_title",
                        .done = "reset_done",
                        .failed = "reset_failed",
                        .offer_new_link = true,
                        .ends_sessions = true,
                        .check = [&db](const std::string& token) {
                          return accounts::CheckResetToken(db, token, Now());
                        },
                        .apply = [&db](const std::string& token, const std::string& password) {
                          return accounts::ResetPassword(db, token, password, Now());
                        }});

  router.Add("POST", "/api/v1/password/reset", [&db](Request& req) {
    auto body = ReadJson(req);
    if (!body.ok()) return http::JsonError(body.error());
    auto token = JsonString(*body, "token");
    if (!token.ok()) return http::JsonError(token.error());
    auto password = JsonString(*body, "password");
    if (!password.ok()) return http::JsonError(password.error());
    auto u = accounts::ResetPassword(db, *token, *password, Now());
    if (!u.ok()) return http::JsonError(u.error());
    return http::Json(json::object{{"reset", true}, {"sessions_ended", true}});
  });
}

}  // namespace plenary::site

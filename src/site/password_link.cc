// The pages of a link that lets the holder of a mailbox choose a password (password_link.h).
#include "site/password_link.h"

#include <memory>
#include <utility>

#include "site/notice.h"
#include "site/refusals.h"
#include "site/site.h"
#include "text/messages.h"

namespace plenary::site {
namespace {

using http::Request;

http::Response FormPage(storage::Database& db, const Request& req, const PasswordLink& link,
                        const std::string& token, const FormErrors& errors, int status) {
  Page page(db, req, link.form_template, text::T(req.lang, link.form_title));
  page.body().SetValue("TOKEN", token);
  errors.Fill(&page.body());
  return page.Render(status);
}

http::Response Notice(storage::Database& db, const Request& req, const PasswordLink& link,
                      bool ok) {
  Page page(db, req, "notice.tpl", text::T(req.lang, link.notice_title));
  SetNotice(&page.body(), text::T(req.lang, ok ? link.done_heading : "error_title"),
            text::T(req.lang, ok ? link.done : link.failed), ok, req.lang);
  if (ok) page.body().ShowSection("LOGIN");
  if (!ok && link.offer_new_link) page.body().ShowSection("FORGOT");
  auto r = page.Render(ok ? 200 : 400);
  if (ok && link.ends_sessions) {
    r.Header("Set-Cookie", std::string(accounts::kSessionCookie) +
                               "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" + CookieSecurity());
  }
  return r;
}

}  // namespace

void RegisterPasswordLink(http::Router& router, storage::Database& db, PasswordLink link) {
  auto l = std::make_shared<const PasswordLink>(std::move(link));
  router.Add("GET", l->path, [&db, l](Request& req) {
    std::string token = req.query.Get("token").value_or("");
    if (!l->check(token).ok()) return Notice(db, req, *l, false);
    return FormPage(db, req, *l, token, FormErrors(req.lang), 200);
  });

  router.Add("POST", l->path, [&db, l](Request& req) {
    auto in = ReadInput(req);
    if (!in.ok()) return ErrorResponse(db, req, in.error());
    std::string token = in->fields.Get("token").value_or("");
    FormErrors errors(req.lang);
    if (!FormCsrfOk(db, req, in->fields.Get("csrf").value_or(""))) {
      errors.AddText(text::T(req.lang, "error_csrf"));
      return FormPage(db, req, *l, token, errors, 403);
    }
    auto u = l->apply(token, in->fields.Get("password").value_or(""));
    if (!u.ok() && u.error().field == "password") {
      errors.Add(u.error());
      return FormPage(db, req, *l, token, errors, 400);
    }
    return Notice(db, req, *l, u.ok());
  });
}

}  // namespace plenary::site

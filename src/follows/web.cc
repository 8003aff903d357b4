// Follow/unfollow forms and API, the account page and the digest's "run now".
#include "follows/web.h"

#include "accounts/accounts.h"
#include "follows/follows.h"
#include "site/desk.h"
#include "site/follow_button.h"
#include "site/site.h"
#include "site/text_html.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::follows {

namespace json = boost::json;
using http::Request;
using text::T;

namespace {

json::object FollowedJson(const Followed& f, bool following) {
  return json::object{{"kind", f.kind},   {"id", f.id},       {"key", f.key},
                      {"label", f.label}, {"path", f.path},   {"following", following},
                      {"since", following ? json::value(FormatIso(f.since)) : json::value()}};
}

// The form of a page: follow or unfollow, then back to the followed thing's page (or to the
// account page when the form says so); the path is built from the database, not the request.
// A refusal goes back there too, said next to the button (site::BackWithError): a thing that
// cannot be found, or a form that cannot be read, goes back to the account page.
http::Response FollowForm(storage::Database& db, Request& req, bool follow) {
  auto g = site::RequireSignedIn(db, req, false);
  if (g.refusal) return *g.refusal;  // not signed in: to the sign-in page
  auto in = site::ReadInput(req);
  const http::Form fields = in.ok() ? in->fields : site::KeptInput(req).fields;
  const std::string kind = fields.Get("kind").value_or("");
  const std::string id = fields.Get("id").value_or("");
  const bool to_account = fields.Get("from").value_or("") == "account";
  // Where the form was: the page of what it follows (or the account page, whose rows name
  // their own button), when the database knows it.
  auto back = [&](const Error& e) {
    auto thing = Describe(db, kind, id, req.lang);
    if (!thing.ok()) return site::BackWithError(db, req, "/account", e);
    if (to_account)
      return site::BackWithError(db, req, "/account", e,
                                 "unfollow-" + thing->kind + "-" + std::to_string(thing->id));
    return site::BackWithError(db, req, thing->path, e, site::kFollowButton);
  };
  if (!in.ok()) return back(in.error());
  if (!site::FormCsrfOk(db, req, fields.Get("csrf").value_or("")))
    return back(Error{Code::kPermissionDenied, "csrf: missing or does not match the session",
                      "csrf"});
  auto r = follow ? Follow(db, g.session->user.id, kind, id, req.lang, Now())
                  : Unfollow(db, g.session->user.id, kind, id, req.lang);
  if (!r.ok()) return back(r.error());
  return http::Redirect(site::Prefix(req) + (to_account ? "/account" : r->path));
}

// The JSON body's "id": a number or a key.
Result<std::string> TargetOf(const json::object& body) {
  auto* v = body.if_contains("id");
  if (v && v->is_int64()) return std::to_string(v->as_int64());
  if (v && v->is_string()) return std::string(v->as_string());
  return InvalidArgument("id", "id: required, the id (or key) of the body, consultation or meeting");
}

}  // namespace

void RegisterRoutes(http::Router& router, storage::Database& db) {
  router.Add("POST", "/follow", [&db](Request& req) { return FollowForm(db, req, true); });
  router.Add("POST", "/unfollow", [&db](Request& req) { return FollowForm(db, req, false); });

  router.Add("GET", "/account", [&db](Request& req) {
    auto g = site::RequireSignedIn(db, req, false);
    if (g.refusal) return *g.refusal;
    const std::string& lang = req.lang;
    site::Page page(db, req, "account.tpl", T(lang, "account_title"));
    auto& d = page.body();
    d.SetValue("NAME", g.session->user.name);
    d.SetValue("EMAIL", g.session->user.email);
    // A refused unfollow of this page: the summary at the top, the message at its row.
    const auto flashed = site::ShowFlash(db, req, d);
    auto list = ListFollowed(db, g.session->user.id, lang);
    if (list.empty()) d.ShowSection("NO_FOLLOWS");
    else d.ShowSection("HAS_FOLLOWS");
    for (const auto& f : list) {
      auto* o = d.AddSectionDictionary("FOLLOWS");
      o->SetValue("KIND", f.kind);
      o->SetValue("KIND_LABEL", T(lang, "follow_kind_" + f.kind));
      o->SetIntValue("ID", f.id);
      site::SetText(o, "LABEL", {f.label, f.label_lang.empty() ? lang : f.label_lang,
                                 !f.label_lang.empty()}, lang);
      o->SetValue("PATH", f.path);
      site::SetSentence(o, "SINCE", text::FormatDateTime(f.since, "UTC", lang), lang);
      o->SetValue("UNFOLLOW_LABEL", T(lang, "unfollow_named", {{"name", f.label}}));
      if (flashed && flashed->input == "unfollow-" + f.kind + "-" + std::to_string(f.id))
        o->AddSectionDictionary("ROW_ERROR")->SetValue("MSG", flashed->message);
    }
    return page.Render();
  });

  router.Add("GET", "/api/v1/follows", [&db](Request& req) {
    auto g = site::RequireSignedIn(db, req, false);
    if (g.refusal) return *g.refusal;
    json::array items;
    for (const auto& f : ListFollowed(db, g.session->user.id, req.lang))
      items.push_back(FollowedJson(f, true));
    return http::Json(json::object{{"items", items}});
  });

  router.Add("POST", "/api/v1/follows", [&db](Request& req) {
    auto g = site::RequireSignedIn(db, req, true);
    if (g.refusal) return *g.refusal;
    auto body = site::ReadJson(req);
    if (!body.ok()) return http::JsonError(body.error());
    auto kind = site::JsonString(*body, "kind");
    if (!kind.ok()) return http::JsonError(kind.error());
    auto target = TargetOf(*body);
    if (!target.ok()) return http::JsonError(target.error());
    // The language of the digest: the body's "language", else the request's.
    auto lang = site::JsonString(*body, "language");
    std::string mail_lang = lang.ok() && text::IsLanguage(*lang) ? *lang : req.lang;
    auto f = Follow(db, g.session->user.id, *kind, *target, mail_lang, Now());
    if (!f.ok()) return http::JsonError(f.error());
    return http::Json(FollowedJson(*f, true), 201);
  });

  router.Add("DELETE", "/api/v1/follows/{kind}/{id}", [&db](Request& req) {
    auto g = site::RequireSignedIn(db, req, true);
    if (g.refusal) return *g.refusal;
    auto f = Unfollow(db, g.session->user.id, req.params[0], req.params[1], req.lang);
    if (!f.ok()) return http::JsonError(f.error());
    return http::Json(FollowedJson(*f, false));
  });

  // Staff: the daily digest now, for whoever has not had today's yet.
  router.Add("POST", "/api/v1/digest", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    auto r = RunDigest(db, Now());
    if (!r.ok()) return http::JsonError(r.error());
    return http::Json(
        json::object{{"sent", r->sent}, {"empty", r->empty}, {"already", r->already}});
  });

  router.Add("POST", "/admin/digest", [&db](Request& req) {
    auto post = site::ReadPost(db, req);
    if (auto* refusal = std::get_if<http::Response>(&post)) return *refusal;
    auto r = RunDigest(db, Now());
    if (!r.ok()) return site::BackWithError(db, req, "/admin", r.error());
    return site::Back(req, "/admin", "digest");
  });
}

}  // namespace plenary::follows

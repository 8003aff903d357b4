// Follow/unfollow forms and API, the account page and the digest's "run now".
#include "follows/web.h"

#include "accounts/accounts.h"
#include "follows/follows.h"
#include "site/desk.h"
#include "site/site.h"
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
http::Response FollowForm(storage::Database& db, Request& req, bool follow) {
  auto in = site::ReadInput(req);
  if (!in.ok()) return site::ErrorResponse(db, req, in.error());
  auto g = site::RequireSignedIn(db, req, true, in->fields.Get("csrf").value_or(""));
  if (g.refusal) return *g.refusal;
  std::string kind = in->fields.Get("kind").value_or("");
  std::string id = in->fields.Get("id").value_or("");
  auto r = follow ? Follow(db, g.session->user.id, kind, id, req.lang, Now())
                  : Unfollow(db, g.session->user.id, kind, id, req.lang);
  if (!r.ok()) return site::ErrorResponse(db, req, r.error());
  bool to_account = in->fields.Get("from").value_or("") == "account";
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
    auto list = ListFollowed(db, g.session->user.id, lang);
    if (list.empty()) d.ShowSection("NO_FOLLOWS");
    else d.ShowSection("HAS_FOLLOWS");
    for (const auto& f : list) {
      auto* o = d.AddSectionDictionary("FOLLOWS");
      o->SetValue("KIND", f.kind);
      o->SetValue("KIND_LABEL", T(lang, "follow_kind_" + f.kind));
      o->SetIntValue("ID", f.id);
      o->SetValue("LABEL", f.label);
      o->SetValue("PATH", f.path);
      o->SetValue("SINCE", text::FormatDateTime(f.since, "UTC", lang));
      o->SetValue("UNFOLLOW_LABEL", T(lang, "unfollow_named", {{"name", f.label}}));
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
    if (!r.ok()) return site::BackWithError(req, "/admin", r.error());
    return site::Back(req, "/admin", "digest");
  });
}

}  // namespace plenary::follows

// The secretariat's desk: its home page (consultations to moderate, the search index, bodies and
// meetings), the administrators' accounts page and the audit log; the forms of each
// capability are registered from the capability's own desk.cc.
#include <charconv>
#include <limits>

#include <fmt/format.h>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "base/parse.h"
#include "base/time.h"
#include "consultations/web.h"
#include "desk/desk.h"
#include "documents/resolutions.h"
#include "documents/web.h"
#include "meetings/desk.h"
#include "meetings/meetings.h"
#include "search/search.h"
#include "site/desk.h"
#include "site/fields.h"
#include "site/refusals.h"
#include "text/countries.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::desk {

using namespace consultations;

namespace json = boost::json;
using ctemplate::TemplateDictionary;
using http::Request;
using site::Back;
using site::BackPath;
using site::BackWithError;
using site::Post;
using site::ReadPost;
using site::ShowFlash;
using site::TwoLanguages;
using meetings::AddMeetings;
using text::T;

namespace {

// The administrator's guard for pages: signed in (else the sign-in page), staff, then admin.
site::Guard RequireAdminPage(storage::Database& db, const Request& req, const std::string& csrf) {
  auto g = site::RequireStaff(db, req, req.method != "GET", csrf);
  if (!g.refusal && g.session->user.role != "admin") {
    g.refusal = site::ErrorResponse(
        db, req, PermissionDenied("role: only an administrator may manage accounts"));
    g.session.reset();
  }
  return g;
}

// A refused change of role: the account's row, why, and what was typed in it.
struct RoleRefusal {
  std::int64_t user = 0;
  const Error* error = nullptr;
  const http::Form* typed = nullptr;
};

// The users page; `error` above the list (a body that could not be read), `refused` the new-user
// form's refusal, shown in its summary and next to its field with what was `typed` kept, or
// `role` a row's refused change of role, likewise (its summary above the list).
http::Response UsersPage(storage::Database& db, const Request& req, const std::string& error,
                         int status, const Error* refused = nullptr,
                         const http::Form* typed = nullptr, const RoleRefusal& role = {}) {
  auto g = RequireAdminPage(db, req, "");
  if (g.refusal && req.method == "GET") return *g.refusal;
  const std::string& lang = req.lang;
  site::Page page(db, req, "admin_users.tpl", T(lang, "users_title"));
  auto& d = page.body();
  if (!error.empty()) d.SetValueAndShowSection("MESSAGE", error, "ERROR");
  if (refused) {
    // The input of the field and the label the form shows for it.
    static const std::pair<const char*, std::pair<const char*, const char*>> kInputs[] = {
        {"email", {"nu-email", "users_email"}}, {"name", {"nu-name", "users_name"}},
        {"role", {"nu-role", "users_role"}},    {"member_state", {"nu-ms", "users_member_state"}},
        {"password", {"nu-pw", "users_password"}}};
    std::string input, label;
    for (const auto& [field, to] : kInputs)
      if (refused->field == field) input = to.first, label = T(lang, to.second);
    site::FormErrors errors(lang);
    errors.Add(*refused, input, label);
    errors.Fill(&d);
  }
  if (typed) {
    d.SetValue("V_NAME", typed->Get("name").value_or(""));
    d.SetValue("V_EMAIL", typed->Get("email").value_or(""));
    d.SetValue("V_MS", typed->Get("member_state").value_or(""));
  }
  auto roles = [&](TemplateDictionary* o, const std::string& chosen) {
    for (const char* r : {"public", "delegate", "chair", "secretariat", "admin"}) {
      auto* x = o->AddSectionDictionary("ROLES");
      x->SetValue("K", r);
      x->SetValue("L", T(lang, std::string("role_") + r));
      if (chosen == r) x->ShowSection("SEL");
    }
  };
  roles(&d, typed ? typed->Get("role").value_or("delegate") : "delegate");
  site::FormErrors role_errors(lang);
  if (role.error) {
    const std::string row = "ur-" + std::to_string(role.user);
    const bool ms = role.error->field == "member_state";
    role_errors.Add(*role.error, ms ? row + "-ms" : row + "-role",
                    T(lang, ms ? "users_member_state" : "users_role"));
    role_errors.Fill(d.AddSectionDictionary("ROLE_REFUSED"));
  }
  for (const auto& u : accounts::ListUsers(db)) {
    auto* o = d.AddSectionDictionary("USERS");
    o->SetIntValue("UID", u.id);
    o->SetValue("EMAIL", u.email);
    o->SetValue("NAME", u.name);
    o->SetValue("VERIFIED", T(lang, u.email_verified ? "users_verified_yes" : "users_verified_no"));
    const bool refused_row = role.error && role.user == u.id && role.typed;
    o->SetValue("MS", refused_row ? role.typed->Get("member_state").value_or("")
                                  : u.member_state.value_or(""));
    roles(o, refused_row ? role.typed->Get("role").value_or("") : u.role);
    const std::string row = "ur-" + std::to_string(u.id);
    for (auto [input, section] : {std::pair{"-role", "E_ROLE"}, {"-ms", "E_MS"}})
      if (auto m = role_errors.MessageFor(row + input))
        o->AddSectionDictionary(section)->SetValue("E_MSG", *m);
  }
  return page.Render(status);
}

}  // namespace

void RegisterRoutes(http::Router& router, storage::Database& db, CampaignTracker& tracker) {
  consultations::RegisterDesk(router, db, tracker);
  meetings::RegisterDesk(router, db);
  documents::RegisterDesk(router, db);
  RegisterTranslations(router, db);

  // The audit log: administrators only (403 for the secretariat role).
  router.Add("GET", "/api/v1/audit", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, false);
    if (g.refusal) return *g.refusal;
    if (g.session->user.role != "admin")
      return http::JsonError(PermissionDenied("role: only an administrator may read the audit log"));
    if (req.query.Get("format") == "csv")
      return http::Text(audit::Csv(db, accounts::EmailOf), "text/csv; charset=utf-8")
          .Header("Content-Disposition", "attachment; filename=\"plenary-audit.csv\"");
    std::optional<std::int64_t> before;
    if (auto b = req.query.Get("before")) {
      auto v = ParseInt(*b);
      if (!v) return http::JsonError(InvalidArgument("before", "before: must be an entry id"));
      before = *v;
    }
    json::array items;
    for (const auto& e : audit::List(db, accounts::EmailOf, 200, before))
      items.push_back({{"id", e.id}, {"at", FormatIso(e.at)}, {"user", e.user_email},
                       {"action", e.action}, {"object_type", e.object_type},
                       {"object_id", e.object_id ? json::value(*e.object_id) : json::value(nullptr)},
                       {"before", e.before ? json::value(*e.before) : json::value(nullptr)},
                       {"after", e.after ? json::value(*e.after) : json::value(nullptr)}});
    return http::Json(json::object{{"items", items}});
  });

  router.Add("GET", "/admin", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, false);
    if (g.refusal) return *g.refusal;
    const std::string& lang = req.lang;
    site::Page page(db, req, "admin.tpl", T(lang, "admin_title"));
    auto& d = page.body();
    // The time zones' default, unless a refused form kept another (ShowFlash sets it then).
    d.SetValue("KEPT_m_tz", "Europe/Zurich");
    d.SetValue("KEPT_c_tz", "Europe/Zurich");
    const auto flashed = ShowFlash(db, req, d);
    // A refused form's choices among bodies and meetings, marked selected again.
    auto kept = [&flashed](const std::string& id) { return flashed ? flashed->Kept(id) : ""; };
    d.SetValue("SEARCH_LAG", T(lang, "search_lag", {{"n", search::Lag(db)}}));
    // Items the indexer set aside: the public search misses them until someone looks.
    if (auto failed = search::Failed(db); failed > 0) {
      auto* f = d.AddSectionDictionary("SEARCH_FAILED");
      f->SetValue("SEARCH_FAILED_TEXT", T(lang, "search_failed", {{"n", failed}}));
      for (const auto& x : search::Failures(db)) {
        auto* o = f->AddSectionDictionary("FAILURES");
        o->SetValue("KIND", x.kind);
        o->SetIntValue("REF_ID", x.ref_id);
        o->SetValue("AT", FormatIso(x.failed_at));
        o->SetValue("ERROR", x.error);
      }
    }
    if (g.session->user.role == "admin") {
      d.ShowSection("ADMIN");
      for (const auto& l : text::Languages()) {
        auto* o = d.AddSectionDictionary("ST_LANGS");
        o->SetValue("CODE", l);
        o->SetValue("NAME", T(l, "language_name"));
        // What a refused form had typed (site::Refill).
        o->SetValue("VALUE", kept("st-label-" + l));
      }
    }
    for (const auto& c : List(db)) {
      auto* o = d.AddSectionDictionary("ITEMS");
      o->SetIntValue("ID", c.id);
      site::SetLocalized(o, "TITLE", c.title, lang);
      o->SetValue("STATUS_LABEL", T(lang, "status_" + StatusOf(c, Now())));
      o->SetIntValue("RECEIVED", CountResponses(db.Read(), c.id, "received"));
      o->SetIntValue("TOTAL", CountResponses(db.Read(), c.id));
    }
    for (const auto& b : meetings::ListBodies(db)) {
      auto* o = d.AddSectionDictionary("BODIES");
      o->SetValue("KEY", b.key);
      o->SetValue("ACRONYM", text::BodyAcronym(b.key, b.acronym, lang));
      if (b.key == kept("m-body")) o->ShowSection("M_BODY_SEL");
      if (b.key == kept("c-body")) o->ShowSection("C_BODY_SEL");
    }
    AddMeetings(db, d, lang, kept("c-launched"), kept("c-meeting"));
    return page.Render();
  });

  // --- Administrators: accounts and roles (the same use cases as /api/v1/users) -------------
  router.Add("GET", "/admin/users", [&db](Request& req) { return UsersPage(db, req, "", 200); });
  router.Add("POST", "/admin/users", [&db](Request& req) {
    auto in = site::ReadInput(req);
    auto g = RequireAdminPage(db, req, in.ok() ? in->fields.Get("csrf").value_or("") : "");
    if (g.refusal) return *g.refusal;
    if (!in.ok()) return UsersPage(db, req, site::RefusalText(in.error(), req.lang),
                                   http::StatusFor(in.error().code));
    const auto& f = in->fields;
    std::string ms = site::Trim(f.Get("member_state").value_or(""));
    auto u = accounts::AddUser(db, site::Trim(f.Get("email").value_or("")),
                               site::Trim(f.Get("name").value_or("")), f.Get("role").value_or(""),
                               f.Get("password").value_or(""),
                               ms.empty() ? std::nullopt : std::optional<std::string>(ms),
                               g.session->user.id);
    if (!u.ok()) return UsersPage(db, req, "", http::StatusFor(u.error().code), &u.error(), &f);
    return http::Redirect(site::Prefix(req) + "/admin/users");
  });
  router.Add("POST", "/admin/users/{id}/role", [&db](Request& req) {
    auto in = site::ReadInput(req);
    auto g = RequireAdminPage(db, req, in.ok() ? in->fields.Get("csrf").value_or("") : "");
    if (g.refusal) return *g.refusal;
    if (!in.ok()) return UsersPage(db, req, site::RefusalText(in.error(), req.lang),
                                   http::StatusFor(in.error().code));
    auto id = site::ParseId(req.params[0]);
    if (!id) return site::ErrorResponse(db, req, NotFound("user: no such user"));
    std::string ms = site::Trim(in->fields.Get("member_state").value_or(""));
    auto u = accounts::SetRole(db, g.session->user.id, *id, in->fields.Get("role").value_or(""),
                               ms.empty() ? std::nullopt : std::optional<std::string>(ms));
    if (!u.ok())
      return UsersPage(db, req, "", http::StatusFor(u.error().code), nullptr, nullptr,
                       {*id, &u.error(), &in->fields});
    return http::Redirect(site::Prefix(req) + "/admin/users");
  });
}

}  // namespace plenary::desk

// Generated documents' lifecycle (draft → approved → issued) and the routes they share.
#include "documents/generated.h"

#include <fmt/format.h>

#include "audit/audit.h"
#include "documents/citation_links.h"
#include "documents/resolutions.h"
#include "render/render.h"
#include "site/desk.h"
#include "site/site.h"
#include "site/text_html.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::documents {

namespace json = boost::json;
using http::Request;
using storage::Connection;
using storage::Stmt;
using text::T;

namespace {

struct Approval {
  Instant at = 0;
  std::optional<std::int64_t> user;
};
std::optional<Approval> ApprovalOn(Connection& c, const std::string& source) {
  Stmt s(c, "SELECT approved_at, user_id FROM document_approvals WHERE source = ?");
  s.Bind(1, source);
  if (!s.Step()) return std::nullopt;
  Approval a{s.Int(0), {}};
  if (!s.IsNull(1)) a.user = s.Int(1);
  return a;
}

Lifecycle Build(std::optional<Issued> latest, std::optional<Approval> approval) {
  Lifecycle l;
  l.latest = std::move(latest);
  if (approval) {
    l.status = "approved";
    l.approved_at = approval->at;
    l.approved_by = approval->user;
  } else {
    l.status = l.latest ? "issued" : "draft";
  }
  return l;
}

// The issued version's number in the registry's own words ("C22/87(Corr.1)").
std::string Named(const Lifecycle& l) { return l.latest ? l.latest->symbol : std::string(); }

}  // namespace

Lifecycle LifecycleOf(storage::Database& db, const std::string& source) {
  return Build(LatestIssued(db, source), ApprovalOn(db.Read(), source));
}

json::object LifecycleJson(const Lifecycle& l) {
  json::object o{{"status", l.status},
                 {"approved_at", l.status == "approved" ? json::value(FormatIso(l.approved_at))
                                                        : json::value(nullptr)},
                 {"issued", nullptr}};
  if (l.latest)
    o["issued"] = json::object{{"id", l.latest->document_id},
                               {"symbol", l.latest->symbol},
                               {"version", l.latest->version},
                               {"issued_at", FormatIso(l.latest->issued_at)},
                               {"url", "/api/v1/documents/" + l.latest->symbol}};
  return o;
}

Result<Lifecycle> Approve(storage::Database& db, std::int64_t user_id, const std::string& source) {
  auto done = db.Write<bool>([&](Connection& c) -> Result<bool> {
    if (ApprovalOn(c, source))
      return Error{Code::kFailedPrecondition,
                   "status: the document is approved already (withdraw the approval to change "
                   "it back to a draft, or issue it)",
                   "status"};
    const Instant now = Now();
    c.Exec("INSERT INTO document_approvals(source, approved_at, user_id) VALUES(?,?,?)", source,
           now, user_id);
    audit::Record(c, user_id, "document.approve", "generated_document", std::nullopt,
                  std::nullopt, json::serialize(json::object{{"source", source}}));
    return true;
  });
  if (!done.ok()) return done.error();
  return LifecycleOf(db, source);
}

Result<Lifecycle> WithdrawApproval(storage::Database& db, std::int64_t user_id,
                                   const std::string& source) {
  auto done = db.Write<bool>([&](Connection& c) -> Result<bool> {
    auto a = ApprovalOn(c, source);
    if (!a)
      return Error{Code::kFailedPrecondition,
                   "status: the document is not approved, so there is no approval to withdraw",
                   "status"};
    c.Exec("DELETE FROM document_approvals WHERE source = ?", source);
    audit::Record(c, user_id, "document.withdraw_approval", "generated_document", std::nullopt,
                  json::serialize(json::object{{"source", source},
                                               {"approved_at", FormatIso(a->at)}}),
                  std::nullopt);
    return true;
  });
  if (!done.ok()) return done.error();
  return LifecycleOf(db, source);
}

namespace {

// The issue's input: every language built with the symbol and date.
Result<IssueInput> IssueInputOf(const Generated& g, const IssueRequest& r) {
  IssueInput in;
  in.source = g.source;
  in.request = r;
  in.body = g.body;
  in.source_kind = g.source_kind;
  in.author = g.author;
  in.access = g.access;
  json::object title;
  for (const auto& l : text::Languages()) {
    auto d = g.build(l, r.symbol, r.date);
    if (!d.ok()) return d.error();
    title[l] = d->title;
    in.versions.push_back(std::move(*d));
  }
  in.title = std::move(title);
  return in;
}

enum class Action { kApprove, kWithdraw, kIssue };
const char* PathOf(Action a) {
  switch (a) {
    case Action::kApprove:
      return "approve";
    case Action::kWithdraw:
      return "withdraw-approval";
    case Action::kIssue:
      return "issue";
  }
  return "";
}
const char* KeyOf(Action a) {
  switch (a) {
    case Action::kApprove:
      return "approve";
    case Action::kWithdraw:
      return "withdraw";
    case Action::kIssue:
      return "issue";
  }
  return "";
}

http::Response ConfirmPage(storage::Database& db, const Request& req, const Generated& g,
                           const Lifecycle& l, Action a, const IssueRequest& issue,
                           const std::string& form_path) {
  const std::string& lang = req.lang;
  const std::string key = KeyOf(a);
  site::Page page(db, req, "generated_confirm.tpl", T(lang, "doc_confirm_" + key + "_heading"));
  auto& d = page.body();
  d.SetValue("PAGE", g.page);
  d.SetValue("LABEL", g.label);
  d.SetValue("HEADING", T(lang, "doc_confirm_" + key + "_heading"));
  site::SetSentence(&d, "WHAT",
                    T(lang, "doc_confirm_" + key + "_text",
                      {{"document", g.label},
                       {"symbol", issue.symbol},
                       {"date", issue.date.empty() ? "" : text::FormatDate(issue.date, lang)},
                       {"previous", Named(l)}}),
                    lang);
  d.SetValue("CONFIRM_LABEL", T(lang, "doc_confirm_" + key + "_yes"));
  d.SetValue("ACTION", form_path);
  if (a == Action::kIssue) {
    auto* s = d.AddSectionDictionary("ISSUE");
    s->SetValue("SYMBOL", issue.symbol);
    s->SetValue("DATE", issue.date);
  }
  return page.Render();
}

// Refuses before asking, with the same rules as the use cases.
std::optional<Error> Refusal(const Lifecycle& l, Action a) {
  if (a == Action::kApprove && l.status == "approved")
    return Error{Code::kFailedPrecondition, "status: the document is approved already", "status"};
  if (a != Action::kApprove && l.status != "approved")
    return Error{Code::kFailedPrecondition,
                 a == Action::kIssue ? "status: approve the document before issuing it"
                                     : "status: the document is not approved",
                 "status"};
  return std::nullopt;
}

}  // namespace

void RegisterGeneratedRoutes(http::Router& router, storage::Database& db, const std::string& api,
                             const std::string& page, Resolver resolve) {
  for (const char* format : render::kFormats) {
    router.Add("GET", api + "." + format, [&db, format, resolve](Request& req) {
      auto viewer = site::CurrentSession(db, req);
      auto g = resolve(req, viewer);
      if (!g.ok()) return http::JsonError(g.error());
      std::string lang = req.query.Get("lang").value_or(req.lang);
      auto dl = DownloadGenerated(db, g->source, lang, format,
                                  [&]() { return g->build(lang, "", ""); },
                                  WantsLiveDraft(req, viewer));
      if (!dl.ok()) return http::JsonError(dl.error());
      http::Response r;
      r.content_type = dl->media_type;
      r.body = std::move(dl->data);
      r.Header("Content-Disposition", "attachment; filename=\"" + dl->filename + "\"");
      return r;
    });
  }
  router.Add("GET", api + "/lifecycle", [&db, resolve](Request& req) {
    auto g = resolve(req, site::CurrentSession(db, req));
    if (!g.ok()) return http::JsonError(g.error());
    return http::Json(LifecycleJson(LifecycleOf(db, g->source)));
  });
  router.Add("POST", api + "/approve", [&db, resolve](Request& req) {
    auto guard = site::RequireStaff(db, req, true);
    if (guard.refusal) return *guard.refusal;
    auto g = resolve(req, guard.session);
    if (!g.ok()) return http::JsonError(g.error());
    auto l = Approve(db, guard.session->user.id, g->source);
    if (!l.ok()) return http::JsonError(l.error());
    return http::Json(LifecycleJson(*l));
  });
  router.Add("POST", api + "/withdraw-approval", [&db, resolve](Request& req) {
    auto guard = site::RequireStaff(db, req, true);
    if (guard.refusal) return *guard.refusal;
    auto g = resolve(req, guard.session);
    if (!g.ok()) return http::JsonError(g.error());
    auto l = WithdrawApproval(db, guard.session->user.id, g->source);
    if (!l.ok()) return http::JsonError(l.error());
    return http::Json(LifecycleJson(*l));
  });
  router.Add("POST", api + "/issue", [&db, resolve](Request& req) {
    auto guard = site::RequireStaff(db, req, true);
    if (guard.refusal) return *guard.refusal;
    auto o = site::ReadJson(req);
    if (!o.ok()) return http::JsonError(o.error());
    auto r = CheckIssueRequest(*o);
    if (!r.ok()) return http::JsonError(r.error());
    auto g = resolve(req, guard.session);
    if (!g.ok()) return http::JsonError(g.error());
    auto in = IssueInputOf(*g, *r);
    if (!in.ok()) return http::JsonError(in.error());
    auto out = IssueAndDescribe(db, guard.session->user.id, *in);
    if (!out.ok()) return http::JsonError(out.error());
    return http::Json(*out, 201);
  });

  for (Action a : {Action::kApprove, Action::kWithdraw, Action::kIssue}) {
    router.Add("POST", page + "/" + PathOf(a), [&db, resolve, a](Request& req) {
      auto post = site::ReadPost(db, req);
      if (auto* r = std::get_if<http::Response>(&post)) return *r;
      auto& p = std::get<site::Post>(post);
      const auto& f = p.input.fields;
      auto g = resolve(req, p.session);
      if (!g.ok()) return site::ErrorResponse(db, req, g.error());
      // The redirect names the page the resolver built from the database, not the path sent.
      const std::string back = g->page;
      auto q = g->page.find('?');
      const std::string form_path =
          site::Prefix(req) + (g->forms.empty() ? g->page.substr(0, q) : g->forms) + "/" +
          PathOf(a) + (q == std::string::npos ? "" : g->page.substr(q));
      // A refused issue goes back to its form with the field named by the form's label and the
      // symbol and date typed; other refusals concern no input.
      auto refuse = [&](const Error& e) {
        const bool date = e.field == "date", symbol = e.field == "symbol";
        return site::BackWithError(
            db, req, back, e, date ? "issue-date" : symbol ? "issue-symbol" : "",
            {.label_key = date ? "doc_issue_date" : symbol ? "doc_issue_symbol" : "",
             .kept = {{"issue-symbol", f.Get("symbol").value_or("")},
                      {"issue-date", f.Get("date").value_or("")}}});
      };
      IssueRequest issue;
      if (a == Action::kIssue) {
        auto r = CheckIssueRequest(json::object{{"symbol", f.Get("symbol").value_or("")},
                                                {"date", f.Get("date").value_or("")}});
        if (!r.ok()) return refuse(r.error());
        issue = *r;
      }
      const Lifecycle now = LifecycleOf(db, g->source);
      if (f.Get("confirm").value_or("") != "yes") {
        if (auto e = Refusal(now, a)) return refuse(*e);
        return ConfirmPage(db, req, *g, now, a, issue, form_path);
      }
      Result<bool> done = true;
      if (a == Action::kApprove) {
        auto l = Approve(db, p.session.user.id, g->source);
        if (!l.ok()) done = l.error();
      } else if (a == Action::kWithdraw) {
        auto l = WithdrawApproval(db, p.session.user.id, g->source);
        if (!l.ok()) done = l.error();
      } else {
        auto in = IssueInputOf(*g, issue);
        if (!in.ok()) return refuse(in.error());
        auto id = Issue(db, p.session.user.id, *in);
        if (!id.ok()) done = id.error();
      }
      if (!done.ok()) return refuse(done.error());
      return site::Back(req, back, std::string("doc_") + KeyOf(a));
    });
  }
}

void FillLifecycle(storage::Database& db, ctemplate::TemplateDictionary& d, const Lifecycle& l,
                   const http::Request& req,
                   bool staff, const std::string& form_base, const std::string& query) {
  const std::string& lang = req.lang;
  auto* o = d.AddIncludeDictionary("LIFECYCLE");
  o->SetFilename("generated_lifecycle.tpl");
  const auto flashed = site::ShowFlash(db, req, *o);
  o->SetValue("STATUS", T(lang, "doc_status_" + l.status));
  o->SetValue("FORM_BASE", form_base);
  o->SetValue("QUERY", query.empty() ? "" : "?" + query);
  if (l.latest) {
    auto* i = o->AddSectionDictionary("ISSUED");
    i->SetValue("SYMBOL", l.latest->symbol);
    i->SetIntValue("DOC_ID", l.latest->document_id);
  }
  if (!staff) return;
  auto* s = o->AddSectionDictionary("STAFF");
  if (l.status == "approved") {
    s->ShowSection("CAN_ISSUE");
    s->ShowSection("CAN_WITHDRAW");
    if (l.latest) {
      s->ShowSection("AMENDS");
      s->SetValue("AMENDS_TEXT", T(lang, "doc_issue_amends", {{"symbol", l.latest->symbol}}));
    }
    // The symbol proposed (the next correction of the issued one), or what a refused form typed.
    const std::string typed = flashed ? flashed->Kept("issue-symbol") : "";
    s->SetValue("SYMBOL_VALUE", !typed.empty() ? typed
                                : l.latest     ? l.latest->symbol + "(Corr.1)"
                                               : "");
    s->SetValue("DATE_VALUE", flashed ? flashed->Kept("issue-date") : "");
    if (!l.latest) s->ShowSection("NO_AMENDS");
  } else {
    s->ShowSection("CAN_APPROVE");
  }
}

void FillIssuedView(storage::Database& db, ctemplate::TemplateDictionary& d, const Issued& issued,
                    const std::string& lang, const std::string& prefix,
                    const std::optional<accounts::Session>& viewer, const std::string& live_url) {
  auto* o = d.AddIncludeDictionary("ISSUED_VIEW");
  o->SetFilename("issued_document.tpl");
  const json::value* model = issued.snapshot.if_contains(lang);
  if (!model) model = issued.snapshot.if_contains("en");
  auto doc = model ? render::FromJson(*model) : Result<render::Document>(render::Document{});
  if (!doc.ok()) doc = render::Document{};
  o->SetValue("LANG", doc->lang.empty() ? lang : doc->lang);
  o->SetValue("SYMBOL", issued.symbol);
  o->SetValue("ORG", doc->organization);
  o->SetValue("DATE", doc->date_text);
  o->SetValue("ORIGIN", doc->origin);
  site::SetSentence(o, "TITLE", doc->title, doc->lang.empty() ? lang : doc->lang);
  o->SetIntValue("DOC_ID", issued.document_id);
  o->SetValue("DL_LANG", doc->lang.empty() ? lang : doc->lang);
  site::SetSentence(o, "NOTE",
                    T(lang, "doc_issued_view",
                      {{"symbol", issued.symbol},
                       {"date", doc->date.empty() ? "" : text::FormatDate(doc->date, lang)}}),
                    lang);
  if (!live_url.empty()) o->SetValueAndShowSection("LIVE_URL", live_url, "LIVE");
  for (const auto& b : doc->blocks) {
    auto* x = o->AddSectionDictionary("BLOCKS");
    const char* section = b.kind == "heading" ? "HEADING" : b.kind == "item" ? "ITEM"
                          : b.kind == "note"  ? "NOTE_BLOCK"
                                              : "PARA";
    auto* y = x->AddSectionDictionary(section);
    y->SetValue("NUMBER", b.number);
    y->SetIntValue("LEVEL", b.level);
    y->SetValue("TLANG", b.lang);
    y->SetValue("TEXT_HTML", LinkCitationsHtml(db, b.text, b.lang, prefix, viewer));
    for (const auto& f : b.footnotes) y->AddSectionDictionary("FOOTNOTES")->SetValue("TEXT", f);
  }
  if (!doc->signatures.empty()) {
    auto* sig = o->AddSectionDictionary("SIGNED");
    for (const auto& s : doc->signatures) {
      auto* c = sig->AddSectionDictionary("SIG");
      c->SetValue("ROLE", s.role);
      c->SetValue("NAME", s.name);
      if (!s.detail.empty()) c->SetValueAndShowSection("DETAIL", s.detail, "HAS_DETAIL");
    }
  }
}

bool WantsLiveDraft(const http::Request& req, const std::optional<accounts::Session>& viewer) {
  return viewer && accounts::IsStaff(viewer->user.role) && req.query.Get("live") == "1";
}

http::Response IssuedPage(storage::Database& db, const http::Request& req,
                          const std::optional<accounts::Session>& viewer, const Lifecycle& l,
                          const std::vector<std::pair<std::string, std::string>>& crumbs,
                          const std::string& page_path, const std::string& query) {
  const std::string& lang = req.lang;
  const json::value* model = l.latest->snapshot.if_contains(lang);
  std::string title = l.latest->symbol;
  if (model && model->is_object())
    if (const auto* t = model->as_object().if_contains("title"); t && t->is_string())
      title = std::string(t->as_string());
  site::Page page(db, req, "issued_page.tpl", title);
  auto& d = page.body();
  for (const auto& [url, text] : crumbs) {
    auto* c = d.AddSectionDictionary("CRUMB");
    c->SetValue("URL", url);
    c->SetValue("TEXT", text);
  }
  const bool staff = viewer && accounts::IsStaff(viewer->user.role);
  std::string live;
  if (staff)
    live = site::Prefix(req) + page_path + (query.empty() ? "?live=1" : "?" + query + "&live=1");
  FillIssuedView(db, d, *l.latest, lang, site::Prefix(req), viewer, live);
  FillLifecycle(db, d, l, req, staff, page_path, query);
  page.CacheForAnonymous();
  return page.Render();
}

}  // namespace plenary::documents

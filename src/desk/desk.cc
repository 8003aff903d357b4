// The secretariat's pages: the dashboard, creating bodies, meetings and consultations,
// moderation, deadline extension, publication, summary, follow-up, registration and attendance.
// Every form posts to a handler that calls the same action as the API.
#include <charconv>
#include <limits>

#include <fmt/format.h>

#include "audit/audit.h"
#include "base/parse.h"
#include "base/time.h"
#include "consultations/web.h"
#include "documents/resolutions.h"
#include "desk/desk.h"
#include "meetings/meetings.h"
#include "search/search.h"
#include "site/fields.h"
#include "text/countries.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::desk {

using namespace consultations;

namespace json = boost::json;
using ctemplate::TemplateDictionary;
using http::Request;
using text::T;

namespace {

std::string MeetingLabel(const std::string& lang, const meetings::Meeting& m) {
  return meetings::Label(m, lang) + ", " + text::FormatDateRange(m.starts_on, m.ends_on, lang);
}

void AddMeetings(storage::Database& db, TemplateDictionary& d, const std::string& lang) {
  for (const auto& m : meetings::ListMeetings(db, std::nullopt)) {
    auto* o = d.AddSectionDictionary("MEETINGS");
    o->SetIntValue("MID", m.id);
    o->SetValue("MLABEL", MeetingLabel(lang, m));
  }
}

// Reads a form post, checks the session and its CSRF token.
struct Post {
  site::Input input;
  accounts::Session session;
};
std::variant<Post, http::Response> ReadPost(storage::Database& db, const Request& req) {
  auto in = site::ReadInput(req);
  if (!in.ok()) return site::ErrorResponse(db, req, in.error());
  auto g = site::RequireStaff(db, req, true, in->fields.Get("csrf").value_or(""));
  if (g.refusal) return *g.refusal;
  return Post{std::move(*in), *g.session};
}

// Back to a page with a message (?done=key) or an error (?error=text) shown there.
http::Response Back(const Request& req, const std::string& path, const std::string& done) {
  return http::Redirect(site::Prefix(req) + path + "?done=" + done);
}
http::Response BackWithError(const Request& req, const std::string& path, const Error& e) {
  auto r = http::Redirect(site::Prefix(req) + path + "?error=" + http::UrlEncode(e.message));
  return r;
}

void ShowFlash(const Request& req, TemplateDictionary& d) {
  if (auto done = req.query.Get("done")) {
    std::string key = "done_" + *done;
    if (text::Catalogue::Get().Pattern("en", key) && key.find('{') == std::string::npos)
      d.SetValueAndShowSection("MESSAGE", T(req.lang, key), "HAS_MESSAGE");
  }
  if (auto err = req.query.Get("error"))
    d.SetValueAndShowSection("ERROR", err->substr(0, 500), "HAS_ERROR");
}

json::value TwoLanguages(const http::Form& f, const std::string& base) {
  json::object o;
  for (const char* l : {"en", "zh", "fr", "es", "ru", "ar"})
    if (auto v = f.Get(base + "_" + l); v && !v->empty()) o[l] = *v;
  return o;
}

// Redirects name what the database knows, never the request's path as given: a path segment
// may decode to anything (%0d%0a included), and a Location header must not carry it. The
// consultation's desk page, as addressed (by id or key), or 404.
Result<std::string> ConsultationDeskPath(storage::Database& db, const std::string& id_or_key) {
  auto c = Get(db, id_or_key);
  if (!c.ok()) return c.error();
  return "/admin/consultations/" + (ParseInt(id_or_key) ? std::to_string(c->id) : c->key);
}

// A meeting's page, or 404.
Result<std::string> MeetingPath(storage::Database& db, const std::string& id) {
  auto m = meetings::GetMeeting(db, id);
  if (!m.ok()) return m.error();
  return "/meetings/" + std::to_string(m->id);
}

std::string BackPath(const http::Form& f, const std::string& fallback) {
  auto back = f.Get("back").value_or("");
  if (!back.empty() && back.size() < 20 && std::all_of(back.begin(), back.end(), ::isdigit))
    return "/admin/consultations/" + back;
  return fallback;
}

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

http::Response UsersPage(storage::Database& db, const Request& req, const std::string& error,
                         int status) {
  auto g = RequireAdminPage(db, req, "");
  if (g.refusal && req.method == "GET") return *g.refusal;
  const std::string& lang = req.lang;
  site::Page page(db, req, "admin_users.tpl", T(lang, "users_title"));
  auto& d = page.body();
  if (!error.empty()) d.SetValueAndShowSection("MESSAGE", error, "ERROR");
  auto roles = [&](TemplateDictionary* o, const std::string& chosen) {
    for (const char* r : {"public", "delegate", "chair", "secretariat", "admin"}) {
      auto* x = o->AddSectionDictionary("ROLES");
      x->SetValue("K", r);
      x->SetValue("L", T(lang, std::string("role_") + r));
      if (chosen == r) x->ShowSection("SEL");
    }
  };
  roles(&d, "delegate");
  for (const auto& u : accounts::ListUsers(db)) {
    auto* o = d.AddSectionDictionary("USERS");
    o->SetIntValue("UID", u.id);
    o->SetValue("EMAIL", u.email);
    o->SetValue("NAME", u.name);
    o->SetValue("MS", u.member_state.value_or(""));
    o->SetValue("VERIFIED", T(lang, u.email_verified ? "users_verified_yes" : "users_verified_no"));
    roles(o, u.role);
  }
  return page.Render(status);
}

}  // namespace

void RegisterRoutes(http::Router& router, storage::Database& db, CampaignTracker& tracker) {
  router.Add("GET", "/admin/citations", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, false);
    if (g.refusal) return *g.refusal;
    site::Page page(db, req, "admin_citations.tpl", T(req.lang, "citations_unresolved"));
    auto& d = page.body();
    auto list = documents::UnresolvedCitations(db);
    if (list.empty()) d.ShowSection("NONE");
    auto* has = list.empty() ? nullptr : d.AddSectionDictionary("HAS");
    for (const auto& u : list) {
      auto* o = has->AddSectionDictionary("ROWS");
      o->SetValue("URL", u.url);
      o->SetValue("WHERE", u.where);
      o->SetValue("TEXT", u.citation.text);
    }
    return page.Render();
  });

  // The audit log: administrators only (403 for the secretariat role).
  router.Add("GET", "/api/v1/audit", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, false);
    if (g.refusal) return *g.refusal;
    if (g.session->user.role != "admin")
      return http::JsonError(PermissionDenied("role: only an administrator may read the audit log"));
    if (req.query.Get("format") == "csv")
      return http::Text(audit::Csv(db), "text/csv; charset=utf-8")
          .Header("Content-Disposition", "attachment; filename=\"plenary-audit.csv\"");
    std::optional<std::int64_t> before;
    if (auto b = req.query.Get("before")) {
      auto v = ParseInt(*b);
      if (!v) return http::JsonError(InvalidArgument("before", "before: must be an entry id"));
      before = *v;
    }
    json::array items;
    for (const auto& e : audit::List(db, 200, before))
      items.push_back({{"id", e.id}, {"at", FormatIso(e.at)}, {"user", e.user_email},
                       {"action", e.action}, {"object_type", e.object_type},
                       {"object_id", e.object_id ? json::value(*e.object_id) : json::value(nullptr)},
                       {"before", e.before ? json::value(*e.before) : json::value(nullptr)},
                       {"after", e.after ? json::value(*e.after) : json::value(nullptr)}});
    return http::Json(json::object{{"items", items}});
  });

  router.Add("GET", "/admin/consultations/{id}/campaigns", [&db, &tracker](Request& req) {
    auto g = site::RequireStaff(db, req, false);
    if (g.refusal) return *g.refusal;
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    const std::string& lang = req.lang;
    auto title = site::Pick(c->title, lang).text;
    site::Page page(db, req, "admin_campaigns.tpl", T(lang, "campaigns") + " · " + title);
    auto& d = page.body();
    ShowFlash(req, d);
    d.SetIntValue("ID", c->id);
    d.SetValue("TITLE", title);
    d.SetValue("HELP", T(lang, "campaigns_help", {{"min", static_cast<std::int64_t>(tracker.min_size())},
                                                  {"lag", tracker.Lag()}}));
    auto list = tracker.Campaigns(c->id);
    if (list.empty()) d.ShowSection("NONE");
    for (const auto& k : list) {
      auto* o = d.AddSectionDictionary("CAMPAIGNS");
      o->SetValue("CID", std::to_string(k.id));
      o->SetValue("SIZE_LABEL", T(lang, "campaign_size", {{"n", static_cast<std::int64_t>(k.size)},
                                                          {"variants", static_cast<std::int64_t>(k.variants.size())}}));
      o->SetValue("REPRESENTATIVE", k.representative);
    }
    return page.Render();
  });

  router.Add("POST", "/admin/consultations/{id}/campaigns/{campaign}", [&db, &tracker](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    auto desk = ConsultationDeskPath(db, req.params[0]);
    if (!desk.ok()) return site::ErrorResponse(db, req, desk.error());
    std::string path = *desk + "/campaigns";
    auto campaign = ParseInt(req.params[1]);
    auto members = campaign ? tracker.Members(c->id, static_cast<std::uint64_t>(*campaign))
                            : std::vector<std::int64_t>{};
    if (members.empty()) return BackWithError(req, path, NotFound("campaign: no such campaign"));
    std::string action = p.input.fields.Get("action").value_or("");
    Moderation m{action == "reject" ? "reject" : "accept", p.input.fields.Get("reason").value_or(""), {}};
    if (action != "reject" && action != "accept" && action != "publish")
      return BackWithError(req, path, InvalidArgument("action", "action: accept, reject or publish"));
    auto changed = ModerateMany(db, p.session.user.id, c->id, members, m);
    if (!changed.ok()) return BackWithError(req, path, changed.error());
    if (action == "publish") {
      auto n = PublishSome(db, p.session.user.id, c->id, members);
      if (!n.ok()) return BackWithError(req, path, n.error());
    }
    return Back(req, path, "campaign");
  });

  router.Add("GET", "/admin", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, false);
    if (g.refusal) return *g.refusal;
    const std::string& lang = req.lang;
    site::Page page(db, req, "admin.tpl", T(lang, "admin_title"));
    auto& d = page.body();
    ShowFlash(req, d);
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
    if (g.session->user.role == "admin") d.ShowSection("ADMIN");
    for (const auto& c : List(db)) {
      auto* o = d.AddSectionDictionary("ITEMS");
      o->SetIntValue("ID", c.id);
      o->SetValue("TITLE", site::Pick(c.title, lang).text);
      o->SetValue("STATUS_LABEL", T(lang, "status_" + StatusOf(c, Now())));
      auto& r = db.Read();
      o->SetIntValue("RECEIVED", r.QueryInt("SELECT count(*) FROM responses WHERE consultation_id = ? "
                                            "AND status = 'received'", c.id).value_or(0));
      o->SetIntValue("TOTAL", r.QueryInt("SELECT count(*) FROM responses WHERE consultation_id = ?",
                                         c.id).value_or(0));
    }
    for (const auto& b : meetings::ListBodies(db)) {
      auto* o = d.AddSectionDictionary("BODIES");
      o->SetValue("KEY", b.key);
      o->SetValue("ACRONYM", b.acronym);
    }
    AddMeetings(db, d, lang);
    return page.Render();
  });

  // --- Administrators: accounts and roles (the same use cases as /api/v1/users) -------------
  router.Add("GET", "/admin/users", [&db](Request& req) { return UsersPage(db, req, "", 200); });
  router.Add("POST", "/admin/users", [&db](Request& req) {
    auto in = site::ReadInput(req);
    auto g = RequireAdminPage(db, req, in.ok() ? in->fields.Get("csrf").value_or("") : "");
    if (g.refusal) return *g.refusal;
    if (!in.ok()) return UsersPage(db, req, in.error().message, http::StatusFor(in.error().code));
    const auto& f = in->fields;
    std::string ms = site::Trim(f.Get("member_state").value_or(""));
    auto u = accounts::AddUser(db, site::Trim(f.Get("email").value_or("")),
                               site::Trim(f.Get("name").value_or("")), f.Get("role").value_or(""),
                               f.Get("password").value_or(""),
                               ms.empty() ? std::nullopt : std::optional<std::string>(ms),
                               g.session->user.id);
    if (!u.ok()) return UsersPage(db, req, u.error().message, http::StatusFor(u.error().code));
    return http::Redirect(site::Prefix(req) + "/admin/users");
  });
  router.Add("POST", "/admin/users/{id}/role", [&db](Request& req) {
    auto in = site::ReadInput(req);
    auto g = RequireAdminPage(db, req, in.ok() ? in->fields.Get("csrf").value_or("") : "");
    if (g.refusal) return *g.refusal;
    if (!in.ok()) return UsersPage(db, req, in.error().message, http::StatusFor(in.error().code));
    auto id = site::ParseId(req.params[0]);
    if (!id) return site::ErrorResponse(db, req, NotFound("user: no such user"));
    std::string ms = site::Trim(in->fields.Get("member_state").value_or(""));
    auto u = accounts::SetRole(db, g.session->user.id, *id, in->fields.Get("role").value_or(""),
                               ms.empty() ? std::nullopt : std::optional<std::string>(ms));
    if (!u.ok()) return UsersPage(db, req, u.error().message, http::StatusFor(u.error().code));
    return http::Redirect(site::Prefix(req) + "/admin/users");
  });

  router.Add("POST", "/admin/consultations", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    const auto& f = p.input.fields;
    ConsultationInput in;
    in.key = f.Get("key").value_or("");
    in.body = f.Get("body").value_or("");
    in.launched_at_meeting = f.Get("launched_at_meeting");
    in.meeting = f.Get("meeting");
    in.title = TwoLanguages(f, "title");
    in.description = TwoLanguages(f, "description");
    std::string qs = f.Get("questions_en").value_or("");
    size_t i = 0;
    while (i <= qs.size()) {
      size_t j = qs.find('\n', i);
      if (j == std::string::npos) j = qs.size();
      std::string line = qs.substr(i, j - i);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (!line.empty()) in.questions.push_back(json::object{{"en", line}});
      i = j + 1;
    }
    in.opens_at = f.Get("opens_at").value_or("");
    in.deadline = f.Get("deadline").value_or("");
    in.timezone = f.Get("timezone").value_or("");
    auto c = Create(db, p.session.user.id, in);
    if (!c.ok()) return BackWithError(req, "/admin", c.error());
    return http::Redirect(site::Prefix(req) + "/admin/consultations/" + std::to_string(c->id) +
                          "?done=created");
  });

  router.Add("GET", "/admin/consultations/{id}", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, false);
    if (g.refusal) return *g.refusal;
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    const std::string& lang = req.lang;
    auto title = site::Pick(c->title, lang).text;
    site::Page page(db, req, "admin_consultation.tpl", T(lang, "moderate") + " · " + title);
    auto& d = page.body();
    ShowFlash(req, d);
    d.SetIntValue("ID", c->id);
    d.SetValue("TITLE", title);
    d.SetValue("TIMEZONE", c->timezone);
    auto stats = ComputeStatistics(db, req.params[0]);
    auto count = [&](const char* s) -> std::int64_t {
      auto it = stats->by_status.find(s);
      return it == stats->by_status.end() ? 0 : it->second;
    };
    d.SetValue("COUNTS", T(lang, "moderation_counts",
                           {{"received", count("received")}, {"accepted", count("accepted")},
                            {"rejected", count("rejected")}, {"published", count("published")}}) +
                           " " + T(lang, "unconfirmed_count", {{"n", UnconfirmedCount(db, c->id)}}));
    int page_no = 1;
    if (auto v = req.query.Get("page")) {
      auto n = ParseIntField("page", *v, 1, 100000);
      if (!n.ok()) return site::ErrorResponse(db, req, n.error());
      page_no = static_cast<int>(*n);
    }
    auto rs = AllResponses(db, c->id, std::nullopt, page_no, 50);
    auto types = StakeholderTypes(db);
    auto type_label = [&](const std::string& k) {
      for (const auto& t : types)
        if (t.key == k) return site::Pick(t.label, lang).text;
      return k;
    };
    for (const auto& r : rs.items) {
      auto* o = d.AddSectionDictionary("RESPONSES");
      o->SetIntValue("RID", r.id);
      o->SetValue("REFERENCE", r.reference);
      o->SetValue("NAME", r.name);
      if (!r.organization.empty()) o->AddSectionDictionary("HAS_ORG")->SetValue("ORGANIZATION", r.organization);
      o->SetValue("STATUS", r.status);
      if (r.status == "received" || r.status == "rejected") o->ShowSection("CAN_ACCEPT");
      o->SetValue("STATUS_LABEL", T(lang, "response_status_" + r.status));
      o->SetValue("TYPE_LABEL", type_label(r.stakeholder_type));
      o->SetValue("COUNTRY", text::CountryName(r.country, lang));
      o->SetValue("EMAIL", r.email);
      o->SetValue("LANGUAGE", r.language);
      o->SetValue("CONSENT_LABEL", T(lang, r.consent_publish ? "consent_yes" : "consent_no"));
      if (r.reject_reason) o->AddSectionDictionary("REASON")->SetValue("REASON_TEXT", *r.reject_reason);
      if (r.ip_address) o->AddSectionDictionary("IP")->SetValue("IP_ADDRESS", *r.ip_address);
      if (r.erased_at) {
        std::string day = text::FormatDate(FormatIso(*r.erased_at).substr(0, 10), lang);
        o->SetValueAndShowSection("ERASED_TEXT", T(lang, "personal_data_erased", {{"date", day}}),
                                  "ERASED");
      } else {
        o->ShowSection("CAN_ERASE");
      }
      for (const auto& [n, t] : r.answers) {
        for (const char* section : {"ANSWER", "REDACT_ANSWER"}) {
          auto* a = o->AddSectionDictionary(section);
          a->SetIntValue("NUMBER", n);
          a->SetValue("TEXT", t);
        }
      }
      if (!r.general_text.empty()) {
        o->AddSectionDictionary("GENERAL")->SetValue("TEXT", r.general_text);
        o->AddSectionDictionary("REDACT_GENERAL")->SetValue("TEXT", r.general_text);
      }
      for (const auto& f : r.attachments) {
        auto* a = o->AddSectionDictionary("FILES");
        a->SetValue("FILENAME", f.filename);
        a->SetValue("MEDIA_TYPE", f.media_type);
        a->SetValue("FILE_SIZE", T(lang, "file_size_kb", {{"kb", (f.size + 1023) / 1024}}));
      }
    }
    if (rs.page > 1) d.AddSectionDictionary("PREV")->SetIntValue("PAGE", rs.page - 1);
    if (static_cast<std::int64_t>(rs.page) * rs.per_page < rs.total)
      d.AddSectionDictionary("NEXT")->SetIntValue("PAGE", rs.page + 1);
    if (c->summary.is_object()) {
      auto& s = c->summary.as_object();
      if (auto* en = s.if_contains("en"); en && en->is_string()) d.SetValue("SUMMARY_EN", std::string(en->as_string()));
      if (auto* zh = s.if_contains("zh"); zh && zh->is_string()) d.SetValue("SUMMARY_ZH", std::string(zh->as_string()));
    }
    if (c->summary_published_at) d.ShowSection("SUMMARY_PUBLISHED");
    AddMeetings(db, d, lang);
    for (const char* k : {"consider_responses", "submit_summary", "launch_consultation",
                          "defer_topic", "report_more", "other"}) {
      auto* o = d.AddSectionDictionary("KINDS");
      o->SetValue("KEY", k);
      o->SetValue("LABEL", T(lang, std::string("action_kind_") + k));
    }
    if (c->meeting_id) {
      auto m = meetings::GetMeeting(db, std::to_string(*c->meeting_id));
      auto* md = d.AddSectionDictionary("HAS_MEETING");
      md->SetIntValue("MEETING_ID", m->id);
      md->SetValue("MEETING_LABEL", MeetingLabel(lang, *m));
      md->SetValue("MEETING_COUNTS", T(lang, "meeting_counts",
                                       {{"registered", m->registered}, {"attended", m->attended}}));
      for (const auto& t : types) {
        if (!t.selectable) continue;
        auto* o = md->AddSectionDictionary("TYPES");
        o->SetValue("KEY", t.key);
        o->SetValue("LABEL", site::Pick(t.label, lang).text);
      }
      for (const auto& country : text::Countries(lang)) {
        auto* o = md->AddSectionDictionary("COUNTRIES");
        o->SetValue("CODE", country.code);
        o->SetValue("NAME", country.name);
      }
      for (const auto& r : meetings::ListRegistrations(db, m->id)) {
        auto* o = md->AddSectionDictionary("REGISTRATIONS");
        o->SetValue("NAME", r.name);
        o->SetValue("ORGANIZATION", r.organization);
        if (r.attended)
          o->ShowSection("ATTENDED");
        else
          o->AddSectionDictionary("NOT_ATTENDED")->SetIntValue("REG_ID", r.id);
      }
    }
    return page.Render();
  });

  router.Add("POST", "/admin/responses/{id}/moderate", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    const auto& f = p.input.fields;
    auto parsed = ParseInt(req.params[0]);
    if (!parsed) return site::ErrorResponse(db, req, NotFound("response: no such response"));
    std::int64_t id = *parsed;
    Moderation m{f.Get("action").value_or(""), f.Get("reason").value_or(""), {}};
    if (m.action == "redact") {
      auto current = GetResponse(db, id);
      if (!current.ok()) return site::ErrorResponse(db, req, current.error());
      // Only fields whose text changed are redactions.
      for (const auto& [k, v] : f.fields()) {
        if (!k.starts_with("replace_")) continue;
        std::string field = k.substr(8);
        std::string old = field == "general" ? current->general_text : "";
        if (field != "general") {
          // Moderate() refuses a field that is not a question number, naming it.
          auto n = ParseInt(field);
          auto it = n ? current->answers.find(static_cast<int>(*n)) : current->answers.end();
          if (it != current->answers.end()) old = it->second;
        }
        if (v != old) m.replacements[field] = v;
      }
    }
    auto r = Moderate(db, p.session.user.id, id, m);
    auto cid = db.Read().QueryInt("SELECT consultation_id FROM responses WHERE id = ?", id);
    std::string path = cid ? "/admin/consultations/" + std::to_string(*cid) : "/admin";
    if (!r.ok()) return BackWithError(req, path, r.error());
    return Back(req, path, m.action);
  });

  // Erasure on request: the same use case as POST /api/v1/responses/{id}/erase.
  router.Add("POST", "/admin/responses/{id}/erase", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto id = site::ParseId(req.params[0]);
    if (!id) return site::ErrorResponse(db, req, NotFound("response: no such response"));
    auto e = EraseRespondent(db, std::get<Post>(post).session.user.id, *id);
    auto cid = db.Read().QueryInt("SELECT consultation_id FROM responses WHERE id = ?", *id);
    std::string path = cid ? "/admin/consultations/" + std::to_string(*cid) : "/admin";
    if (!e.ok()) return BackWithError(req, path, e.error());
    return Back(req, path, "erase");
  });

  router.Add("POST", "/admin/consultations/{id}/publish", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto desk = ConsultationDeskPath(db, req.params[0]);
    if (!desk.ok()) return site::ErrorResponse(db, req, desk.error());
    const std::string& path = *desk;
    auto n = PublishAccepted(db, std::get<Post>(post).session.user.id, req.params[0]);
    if (!n.ok()) return BackWithError(req, path, n.error());
    return Back(req, path, "published");
  });

  router.Add("POST", "/admin/consultations/{id}/extend", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    json::object reason;
    reason[req.lang] = p.input.fields.Get("reason").value_or("");
    auto c = ExtendDeadline(db, p.session.user.id, req.params[0],
                            p.input.fields.Get("deadline").value_or(""), reason);
    auto desk = ConsultationDeskPath(db, req.params[0]);
    if (!desk.ok()) return site::ErrorResponse(db, req, desk.error());
    const std::string& path = *desk;
    if (!c.ok()) return BackWithError(req, path, c.error());
    return Back(req, path, "extended");
  });

  router.Add("POST", "/admin/consultations/{id}/summary", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    auto c = SetSummary(db, p.session.user.id, req.params[0], TwoLanguages(p.input.fields, "summary"),
                        p.input.fields.Get("publish").value_or("") == "yes");
    auto desk = ConsultationDeskPath(db, req.params[0]);
    if (!desk.ok()) return site::ErrorResponse(db, req, desk.error());
    const std::string& path = *desk;
    if (!c.ok()) return BackWithError(req, path, c.error());
    return Back(req, path, "summary");
  });

  router.Add("POST", "/admin/consultations/{id}/follow-up", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    const auto& f = p.input.fields;
    FollowUpInput in;
    in.meeting = f.Get("meeting").value_or("");
    in.number = f.Get("number").value_or("");
    in.kind = f.Get("kind").value_or("");
    json::object owner, text;
    owner[req.lang] = f.Get("owner").value_or("");
    text[req.lang] = f.Get("text").value_or("");
    in.owner = owner;
    in.text = text;
    auto r = AddFollowUp(db, p.session.user.id, req.params[0], in);
    auto desk = ConsultationDeskPath(db, req.params[0]);
    if (!desk.ok()) return site::ErrorResponse(db, req, desk.error());
    const std::string& path = *desk;
    if (!r.ok()) return BackWithError(req, path, r.error());
    return Back(req, path, "follow_up");
  });

  router.Add("POST", "/admin/bodies", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    const auto& f = p.input.fields;
    meetings::BodyInput in;
    in.key = f.Get("key").value_or("");
    in.acronym = f.Get("acronym").value_or("");
    in.membership = f.Get("membership").value_or("");
    in.name = TwoLanguages(f, "name");
    in.description = TwoLanguages(f, "description");
    in.open_consultations = f.Get("open_consultations").value_or("") == "yes";
    auto b = meetings::CreateBody(db, p.session.user.id, in);
    if (!b.ok()) return BackWithError(req, "/admin", b.error());
    return Back(req, "/admin", "body");
  });

  router.Add("POST", "/admin/meetings", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    const auto& f = p.input.fields;
    meetings::MeetingInput in;
    in.body = f.Get("body").value_or("");
    in.kind = f.Get("kind").value_or("working_group");
    if (auto number = f.Get("number"); number && !number->empty()) {
      auto n = ParseIntField("number", *number, 1, 100000);
      if (!n.ok()) return BackWithError(req, "/admin", n.error());
      in.number = static_cast<int>(*n);
    }
    in.title = TwoLanguages(f, "title");
    in.place = TwoLanguages(f, "place");
    in.starts_on = f.Get("starts_on").value_or("");
    in.ends_on = f.Get("ends_on").value_or("");
    in.timezone = f.Get("timezone").value_or("");
    in.mode = f.Get("mode").value_or("");
    auto m = meetings::CreateMeeting(db, p.session.user.id, in);
    if (!m.ok()) return BackWithError(req, "/admin", m.error());
    return Back(req, "/admin", "meeting");
  });

  router.Add("POST", "/admin/meetings/{id}/attendance", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    auto meeting = MeetingPath(db, req.params[0]);
    if (!meeting.ok()) return site::ErrorResponse(db, req, meeting.error());
    std::string path = BackPath(p.input.fields, *meeting);
    std::string csv;
    for (auto& file : p.input.files)
      if (file.name == "file") csv = file.data;
    if (csv.empty())
      return BackWithError(req, path, InvalidArgument("file", "file: attach the attendance export"));
    auto r = meetings::ImportAttendance(db, p.session.user.id, req.params[0], csv);
    if (!r.ok()) return BackWithError(req, path, r.error());
    return Back(req, path, "attendance");
  });

  router.Add("POST", "/admin/meetings/{id}/registrations", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    const auto& f = p.input.fields;
    auto meeting = MeetingPath(db, req.params[0]);
    if (!meeting.ok()) return site::ErrorResponse(db, req, meeting.error());
    std::string path = BackPath(f, *meeting);
    meetings::RegistrationInput in{f.Get("name").value_or(""), f.Get("organization").value_or(""),
                                   f.Get("stakeholder_type").value_or(""),
                                   f.Get("country").value_or(""), f.Get("email").value_or("")};
    auto r = meetings::AddRegistration(db, p.session.user.id, req.params[0], in);
    if (!r.ok()) return BackWithError(req, path, r.error());
    return Back(req, path, "registered");
  });

  router.Add("POST", "/admin/meetings/{id}/attended", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    const auto& f = p.input.fields;
    auto meeting = MeetingPath(db, req.params[0]);
    if (!meeting.ok()) return site::ErrorResponse(db, req, meeting.error());
    std::string path = BackPath(f, *meeting);
    auto reg = ParseIntField("registration_id", f.Get("registration_id").value_or(""), 1,
                             std::numeric_limits<std::int64_t>::max());
    if (!reg.ok()) return BackWithError(req, path, reg.error());
    auto r = meetings::MarkAttended(db, p.session.user.id, req.params[0], *reg);
    if (!r.ok()) return BackWithError(req, path, r.error());
    return Back(req, path, "attended");
  });
}

}  // namespace plenary::desk

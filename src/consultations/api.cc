// JSON API for consultations: /api/v1/consultations/..., /api/v1/responses/..., receipts.
#include <charconv>
#include <limits>
#include <set>

#include <fmt/format.h>

#include "base/parse.h"
#include "base/random.h"
#include "base/time.h"
#include "consultations/internal.h"
#include "consultations/lifecycle.h"
#include "consultations/report_out.h"
#include "consultations/web.h"
#include "site/fields.h"
#include "text/detect.h"
#include "text/messages.h"

namespace plenary::consultations {

namespace json = boost::json;
using http::Request;

json::object ConsultationJson(const Consultation& c, const std::string& lang, bool detail,
                              bool staff) {
  json::object o{
      {"id", c.id},
      {"key", c.key},
      {"title", site::Pick(c.title, lang).text},
      {"status", StatusOf(c, Now())},
      {"opens_at", FormatIso(c.opens_at)},
      {"deadline", FormatIso(c.deadline)},
      {"timezone", c.timezone},
      {"body", {{"id", c.body_id}, {"key", c.body_key}, {"acronym", c.body_acronym}}},
      {"launched_at_meeting",
       c.launched_at_meeting_id
           ? json::value(json::object{{"id", *c.launched_at_meeting_id},
                                      {"number", *c.launched_at_meeting_number}})
           : json::value(nullptr)},
      {"considered_at_meeting",
       c.considered_at_meeting_id
           ? json::value(json::object{{"id", *c.considered_at_meeting_id},
                                      {"number", *c.considered_at_meeting_number}})
           : json::value(nullptr)},
      {"meeting_id", c.meeting_id ? json::value(*c.meeting_id) : json::value(nullptr)},
      {"deadline_extended", !c.extensions.empty()},
      {"illustrative", c.illustrative},
      {"links",
       {{"self", fmt::format("/api/v1/consultations/{}", c.id)},
        {"page", fmt::format("/{}/consultations/{}", lang, c.id)},
        {"responses", fmt::format("/api/v1/consultations/{}/responses", c.id)},
        {"statistics", fmt::format("/api/v1/consultations/{}/statistics", c.id)},
        {"report", fmt::format("/api/v1/consultations/{}/report", c.id)}}},
  };
  if (!detail) return o;
  o["titles"] = c.title;
  o["description"] = site::Pick(c.description, lang).text;
  o["descriptions"] = c.description;
  json::array qs;
  for (const auto& q : c.questions)
    qs.push_back({{"number", q.number}, {"text", site::Pick(q.text, lang).text}, {"texts", q.text}});
  o["questions"] = std::move(qs);
  // Each language's state of the texts: missing (no text), draft or final.
  auto drafts_of = [&c](const std::string& field) -> const std::set<std::string>& {
    static const std::set<std::string> kNone;
    auto it = c.drafts.find(field);
    return it == c.drafts.end() ? kNone : it->second;
  };
  json::array qstates;
  for (const auto& q : c.questions)
    qstates.push_back(site::StatesJson(q.text, drafts_of(fmt::format("questions.{}", q.number))));
  o["states"] = json::object{{"title", site::StatesJson(c.title, drafts_of("title"))},
                             {"description", site::StatesJson(c.description, drafts_of("description"))},
                             {"questions", std::move(qstates)}};
  if (c.summary_published_at || staff) {
    o["summaries"] = c.summary.is_null() ? json::value(json::object()) : c.summary;
    o["states"].as_object()["summary"] = site::StatesJson(c.summary, drafts_of("summary"));
  }
  json::array ext;
  for (const auto& e : c.extensions)
    ext.push_back({{"previous_deadline", FormatIso(e.previous_deadline)},
                   {"new_deadline", FormatIso(e.new_deadline)},
                   {"reason", site::Pick(e.reason, lang).text},
                   {"at", FormatIso(e.at)}});
  o["deadline_history"] = std::move(ext);
  json::array fu;
  for (const auto& f : c.follow_up)
    fu.push_back({{"meeting", {{"id", f.meeting_id}, {"number", f.meeting_number},
                               {"date", f.meeting_starts_on}}},
                  {"number", f.number},
                  {"kind", f.kind},
                  {"owner", site::Pick(f.owner, lang).text},
                  {"text", site::Pick(f.text, lang).text}});
  o["follow_up"] = std::move(fu);
  if (c.summary_published_at) {
    o["summary"] = site::Pick(c.summary, lang).text;
    o["summary_published_at"] = FormatIso(*c.summary_published_at);
  } else {
    o["summary"] = nullptr;
  }
  return o;
}

http::Response AttachmentDownload(AttachmentFile f) {
  std::string safe;
  for (char ch : f.filename)
    safe += (ch == '"' || ch == '\\' || static_cast<unsigned char>(ch) < 0x20) ? '_' : ch;
  return http::Text(std::move(f.data), f.media_type)
      .Header("Content-Disposition",
              "attachment; filename=\"download\"; filename*=UTF-8''" + http::UrlEncode(safe))
      .Header("Content-Security-Policy", "default-src 'none'; sandbox");
}

Result<ModerationFilter> FilterOf(const http::Form& q) {
  ModerationFilter f;
  auto opt = [&](const char* k) -> std::optional<std::string> {
    auto v = q.Get(k);
    if (!v || v->empty()) return std::nullopt;
    return *v;
  };
  f.status = opt("status");
  f.stakeholder_type = opt("stakeholder_type");
  f.country = opt("country");
  f.language = opt("language");
  if (auto v = opt("confirmed")) {
    if (*v != "yes" && *v != "no")
      return InvalidArgument("confirmed", "confirmed: must be yes or no");
    f.confirmed = *v == "yes";
  }
  if (auto v = opt("campaign")) {
    auto n = ParseIntField("campaign", *v, 1, INT64_MAX);
    if (!n.ok()) return n.error();
    f.campaign = static_cast<std::uint64_t>(*n);
  }
  return f;
}

json::object ResponseJson(const Response& r, bool staff) {
  json::object answers;
  for (const auto& [n, t] : r.answers) answers[std::to_string(n)] = t;
  json::array files;
  for (const auto& a : r.attachments)
    files.push_back({{"id", a.id},
                     {"filename", a.filename},
                     {"media_type", a.media_type},
                     {"size", a.size},
                     {"url", std::string(staff ? "/admin/attachments/" : "/attachments/") + std::to_string(a.id)}});
  json::object o{{"reference", r.reference},
                 {"name", r.name},
                 {"organization", r.organization},
                 {"job_title", r.job_title},
                 {"country", r.country},
                 {"stakeholder_type", r.stakeholder_type},
                 {"language", r.language},
                 {"answers", answers},
                 {"general", r.general_text},
                 {"attachments", files},
                 {"redacted", r.redacted},
                 {"illustrative", r.illustrative},
                 {"submitted_at", FormatIso(r.submitted_at)},
                 {"published_at", r.published_at ? json::value(FormatIso(*r.published_at))
                                                 : json::value(nullptr)}};
  if (staff) {
    o["id"] = r.id;
    o["email"] = r.email;
    o["status"] = r.status;
    o["consent_publish"] = r.consent_publish;
    o["reject_reason"] = r.reject_reason ? json::value(*r.reject_reason) : json::value(nullptr);
    o["ip_address"] = r.ip_address ? json::value(*r.ip_address) : json::value(nullptr);
    o["erased_at"] = r.erased_at ? json::value(FormatIso(*r.erased_at)) : json::value(nullptr);
    // Whether the respondent followed the confirmation link (or answered signed in).
    o["confirmed"] = r.email_confirmed_at.has_value();
    o["email_confirmed_at"] =
        r.email_confirmed_at ? json::value(FormatIso(*r.email_confirmed_at)) : json::value(nullptr);
  }
  return o;
}

Result<ResponseInput> ResponseFromInput(const site::Input& in, const std::string& default_lang) {
  ResponseInput r;
  if (in.json) {
    const auto& o = *in.json;
    for (auto [key, dst] : {std::pair{"name", &r.name}, {"organization", &r.organization},
                            {"job_title", &r.job_title}, {"country", &r.country},
                            {"stakeholder_type", &r.stakeholder_type}, {"email", &r.email},
                            {"language", &r.language}, {"general", &r.general_text}}) {
      auto v = site::JsonString(o, key);
      if (!v.ok()) return v.error();
      *dst = *v;
    }
    if (auto* a = o.if_contains("answers")) {
      if (a->is_object()) {
        for (const auto& [k, v] : a->as_object()) {
          auto number = ParseInt(k);
          if (!number || *number < 1 || *number > std::numeric_limits<int>::max())
            return InvalidArgument("answers", "answers: keys must be question numbers");
          int n = static_cast<int>(*number);
          if (!v.is_string())
            return InvalidArgument("answers." + std::string(k),
                                   "answers." + std::string(k) + ": must be a string");
          r.answers[n] = std::string(v.as_string());
        }
      } else if (a->is_array()) {
        int n = 0;
        for (const auto& v : a->as_array()) {
          ++n;
          if (!v.is_string())
            return InvalidArgument(fmt::format("answers.{}", n),
                                   fmt::format("answers.{}: must be a string", n));
          r.answers[n] = std::string(v.as_string());
        }
      } else if (!a->is_null()) {
        return InvalidArgument("answers",
                               "answers: must be an object of question number → text, or an array");
      }
    }
    if (auto* c = o.if_contains("consent_publish")) {
      if (!c->is_bool())
        return InvalidArgument("consent_publish", "consent_publish: must be true or false");
      r.consent_publish = c->as_bool();
    }
  } else {
    const auto& f = in.fields;
    auto get = [&](const char* k) { return f.Get(k).value_or(""); };
    r.name = get("name");
    r.organization = get("organization");
    r.job_title = get("job_title");
    r.country = get("country");
    r.stakeholder_type = get("stakeholder_type");
    r.email = get("email");
    r.language = get("language");
    r.general_text = get("general");
    for (const auto& [k, v] : f.fields()) {
      if (!k.starts_with("answer_")) continue;
      auto number = ParseInt(std::string_view(k).substr(7));
      if (!number || *number < 1 || *number > std::numeric_limits<int>::max())
        return InvalidArgument(k, k + ": not a question field");
      int n = static_cast<int>(*number);
      r.answers[n] = v;
    }
    std::string consent = get("consent_publish");
    if (!consent.empty() && consent != "yes" && consent != "on" && consent != "true" &&
        consent != "no" && consent != "false")
      return InvalidArgument("consent_publish", "consent_publish: must be yes or no");
    r.consent_publish = consent == "yes" || consent == "on" || consent == "true";
    for (const auto& p : in.files) {
      if (p.name != "attachments")
        return InvalidArgument(p.name, p.name + ": files go in the \"attachments\" field");
      r.attachments.push_back({p.filename, p.data});
    }
  }
  if (r.language.empty()) {
    // Not stated: the language the text is written in, else the reader's interface language.
    std::string all = r.general_text;
    for (const auto& [n, t] : r.answers) all += "\n" + t;
    r.language = text::DetectLanguage(all).value_or(default_lang);
  }
  return r;
}

namespace {

// A whole-number query parameter from 1 to `max`, `fallback` when absent; 400 otherwise.
Result<int> IntParam(const Request& req, const char* name, int fallback, int max) {
  auto v = req.query.Get(name);
  if (!v) return fallback;
  auto n = ParseIntField(name, *v, 1, max);
  if (!n.ok()) return n.error();
  return static_cast<int>(*n);
}

http::Response Err(const Error& e) { return http::JsonError(e); }

std::string LangOf(const Request& req) {
  auto l = req.query.Get("lang");
  return l && text::IsLanguage(*l) ? *l : req.lang;
}

}  // namespace

Status CheckPow(storage::Database& db, const http::Request& req, site::Throttles& throttles,
                const site::Input& in) {
  auto& pow = throttles.pow();
  if (!pow.enabled()) return Ok{};
  // Only staff are exempt: a public or delegate session costs an attacker no more than a
  // sign-up, so it proves nothing about the sender's cost.
  if (auto session = site::CurrentSession(db, req); session && accounts::IsStaff(session->user.role))
    return Ok{};
  if (!pow.Required(Now())) return Ok{};
  std::string challenge, counter;
  if (in.json) {
    // A JSON number is accepted for the counter as well as a string.
    if (auto* c = in.json->if_contains("pow_challenge"); c && c->is_string())
      challenge = std::string(c->as_string());
    if (auto* n = in.json->if_contains("pow")) {
      if (n->is_string()) counter = std::string(n->as_string());
      else if (n->is_int64() && n->as_int64() >= 0) counter = std::to_string(n->as_int64());
      else if (n->is_uint64()) counter = std::to_string(n->as_uint64());
    }
  } else {
    challenge = in.fields.Get("pow_challenge").value_or("");
    counter = in.fields.Get("pow").value_or("");
  }
  return pow.Verify(challenge, counter, Now());
}

Status CheckAttachmentQuota(storage::Database& db, const http::Request& req,
                            site::Throttles& throttles, const ResponseInput& in) {
  std::uint64_t bytes = 0;
  for (const auto& a : in.attachments) bytes += a.data.size();
  if (bytes == 0) return Ok{};
  if (auto session = site::CurrentSession(db, req); session && accounts::IsStaff(session->user.role))
    return Ok{};
  return throttles.AttachmentBytes(req.remote_ip, bytes);
}

void AddCampaignCounts(storage::Database& db, const CampaignTracker& tracker,
                       std::int64_t consultation_id, Statistics& stats) {
  auto members = tracker.Membership(consultation_id);
  storage::Stmt s(db.Read(), "SELECT id FROM responses WHERE consultation_id = ? AND status = 'rejected'");
  s.BindAll(consultation_id);
  while (s.Step()) members.erase(s.Int(0));
  std::set<std::uint64_t> texts;
  for (const auto& [response, campaign] : members) texts.insert(campaign);
  stats.campaigns = static_cast<std::int64_t>(texts.size());
  stats.campaign_copies = static_cast<std::int64_t>(members.size());
}

void RegisterApi(http::Router& router, storage::Database& db, const Limits& limits,
                 site::Throttles& throttles, CampaignTracker& tracker) {
  // A proof-of-work challenge for an anonymous submission (site/pow.h); {"enabled": false}
  // when the server runs without --pow-bits.
  router.Add("GET", "/api/v1/pow/challenge", [&throttles](Request&) {
    auto& pow = throttles.pow();
    if (!pow.enabled()) return http::Json(json::object{{"enabled", false}});
    Instant now = Now();
    return http::Json(json::object{{"enabled", true},
                                   {"challenge", pow.Issue(now)},
                                   {"bits", pow.bits()},
                                   {"algorithm", "sha256"},
                                   {"input", "<challenge>:<counter>"},
                                   {"expires_at", FormatIso(now + pow.ttl_seconds())}})
        .Header("Cache-Control", "no-store");
  });

  router.Add("GET", "/api/v1/consultations", [&db](Request& req) {
    json::array items;
    for (const auto& c : List(db)) items.push_back(ConsultationJson(c, LangOf(req), false));
    return http::Json(json::object{{"items", items}});
  });

  router.Add("GET", "/api/v1/consultations/{id}", [&db](Request& req) {
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return Err(c.error());
    const auto viewer = site::CurrentSession(db, req);
    return http::Json(ConsultationJson(*c, LangOf(req), true,
                                       viewer && accounts::IsStaff(viewer->user.role)));
  });

  router.Add("POST", "/api/v1/consultations/{id}/responses", [&db, &limits, &throttles](Request& req) {
    // Throttled per consultation id, whichever of id or key the URL names.
    auto target = internal::SubmissionTarget(db, req.params[0]);
    if (!target) return Err(NotFound("consultation " + req.params[0] + ": no such consultation"));
    if (auto t = throttles.Submission(req.remote_ip, std::to_string(*target)); !t.ok())
      return Err(t.error());
    http::MultipartLimits ml;
    ml.max_files = limits.max_attachments;
    ml.max_file_bytes = limits.max_attachment_bytes;
    auto in = site::ReadInput(req, ml);
    if (!in.ok()) return Err(in.error());
    if (auto p = CheckPow(db, req, throttles, *in); !p.ok()) return Err(p.error());
    auto r = ResponseFromInput(*in, req.lang);
    if (!r.ok()) return Err(r.error());
    if (auto q = CheckAttachmentQuota(db, req, throttles, *r); !q.ok()) return Err(q.error());
    r->ip_address = req.remote_ip;
    r->mail_language = req.lang;
    // A verified account confirms the address at once — only when the request proves it comes
    // from that account's pages (X-CSRF-Token), not from a cookie another site made it send.
    if (auto session = site::CurrentSession(db, req);
        session && session->user.email_verified &&
        SafeEqual(req.Header("x-csrf-token"), session->csrf))
      r->verified_email = session->user.email;
    std::string key = req.Header("idempotency-key");
    if (!key.empty()) r->idempotency_key = key;
    auto receipt = SubmitResponse(db, req.params[0], std::move(*r), limits);
    if (!receipt.ok()) return Err(receipt.error());
    return http::Json(json::object{{"reference", receipt->reference},
                                   {"status", receipt->status},
                                   {"submitted_at", FormatIso(receipt->submitted_at)},
                                   {"consultation_id", receipt->consultation_id},
                                   {"replayed", receipt->replayed}},
                      receipt->replayed ? 200 : 201);
  });

  // The link of a confirmation mail, as JSON (the page is GET /confirm?token=).
  router.Add("POST", "/api/v1/confirm", [&db](Request& req) {
    auto body = site::ReadJson(req);
    if (!body.ok()) return Err(body.error());
    auto token = site::JsonString(*body, "token");
    if (!token.ok()) return Err(token.error());
    auto reference = ConfirmEmail(db, *token);
    if (!reference.ok()) return Err(reference.error());
    return http::Json(json::object{{"reference", *reference}, {"confirmed", true}});
  });

  router.Add("GET", "/api/v1/consultations/{id}/responses", [&db](Request& req) {
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return Err(c.error());
    auto page_no = IntParam(req, "page", 1, 100000);
    if (!page_no.ok()) return Err(page_no.error());
    auto per_page = IntParam(req, "per_page", 50, 200);
    if (!per_page.ok()) return Err(per_page.error());
    // `after` (the `next` of the page before) walks on from there in constant time.
    std::optional<internal::Cursor> after;
    if (auto a = req.query.Get("after")) {
      auto parsed = internal::ParseCursor(*a);
      if (!parsed.ok()) return Err(parsed.error());
      after = *parsed;
    }
    // Readers narrow the published list by stakeholder type, country and language.
    auto filter = FilterOf(req.query);
    if (!filter.ok()) return Err(filter.error());
    filter->status.reset();
    filter->confirmed.reset();
    filter->campaign.reset();  // the moderators' view only
    if (auto ok = CheckFilter(db, *filter); !ok.ok()) return Err(ok.error());
    std::optional<std::pair<std::int64_t, std::int64_t>> from;
    if (after) from = std::pair{after->submitted_at, after->id};
    auto page = filter->narrows()
                    ? PublishedFiltered(db, c->id, *filter, *page_no, *per_page, from)
                : after ? internal::PublishedResponsesAfter(db, c->id, *after, *page_no, *per_page)
                        : PublishedResponses(db, c->id, *page_no, *per_page);
    json::array items;
    for (const auto& r : page.items) items.push_back(ResponseJson(r, false));
    json::value next = nullptr;
    if (static_cast<int>(page.items.size()) == page.per_page)
      next = json::string(internal::CursorText(page.items.back()));
    auto out = http::Json(json::object{{"items", items},
                                       {"total", page.total},
                                       {"page", page.page},
                                       {"per_page", page.per_page},
                                       {"next", next}});
    // Public and the same for every reader: kept until the responses change (page_cache.h).
    out.cache_for_anonymous = true;
    return out;
  });

  auto stats = [&db, &tracker](Request& req, bool csv) {
    auto s = ComputeStatistics(db, req.params[0]);
    if (!s.ok()) return Err(s.error());
    AddCampaignCounts(db, tracker, Get(db, req.params[0])->id, *s);
    if (csv || req.query.Get("format") == "csv")
      return http::Text(StatisticsCsv(*s), "text/csv; charset=utf-8")
          .Header("Content-Disposition",
                  "attachment; filename=\"consultation-" + req.params[0] + "-statistics.csv\"");
    return http::Json(StatisticsJson(*s));
  };
  router.Add("GET", "/api/v1/consultations/{id}/statistics",
             [stats](Request& req) { return stats(req, false); });
  router.Add("GET", "/api/v1/consultations/{id}/statistics.csv",
             [stats](Request& req) { return stats(req, true); });

  // ?campaigns=separate adds how many responses are copies of campaign texts.
  router.Add("GET", "/api/v1/consultations/{id}/report", [&db, &tracker](Request& req) {
    std::optional<Statistics> counts;
    if (req.query.Get("campaigns") == "separate") {
      auto c = Get(db, req.params[0]);
      if (!c.ok()) return Err(c.error());
      counts.emplace();
      AddCampaignCounts(db, tracker, c->id, *counts);
    }
    auto p = ReportParagraph(db, req.params[0], req.query.Get("lang").value_or(req.lang),
                             counts ? &*counts : nullptr);
    if (!p.ok()) return Err(p.error());
    return http::Text(*p + "\n");
  });

  RegisterReportOutput(router, db);  // its DOCX, PDF, AKN and lifecycle (report_out.h)

  router.Add("GET", "/api/v1/receipts/{reference}", [&db](Request& req) {
    auto r = FindReceipt(db, req.params[0]);
    if (!r.ok()) return Err(r.error());
    return http::Json(json::object{{"reference", r->reference},
                                   {"status", r->status},
                                   {"submitted_at", FormatIso(r->submitted_at)},
                                   {"consultation_id", r->consultation_id}});
  });

  router.Add("GET", "/api/v1/stakeholder-types", [&db](Request& req) {
    json::array items;
    for (const auto& t : StakeholderTypes(db))
      items.push_back({{"key", t.key},
                       {"label", site::Pick(t.label, LangOf(req)).text},
                       {"selectable", t.selectable}});
    return http::Json(json::object{{"items", items}});
  });

  router.Add("POST", "/api/v1/stakeholder-types", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    auto body = site::ReadJson(req);
    if (!body.ok()) return Err(body.error());
    auto key = site::JsonString(*body, "key");
    if (!key.ok()) return Err(key.error());
    json::value label = body->contains("label") ? body->at("label") : json::value();
    auto t = AddStakeholderType(db, g.session->user.id, g.session->user.role, *key, label);
    if (!t.ok()) return Err(t.error());
    return http::Json(json::object{{"key", t->key}, {"label", site::Pick(t->label, req.lang).text},
                                   {"selectable", true}}, 201);
  });

  // --- Secretariat -----------------------------------------------------------------------
  auto staff = [&db](Request& req, bool write) { return site::RequireStaff(db, req, write); };

  router.Add("POST", "/api/v1/consultations", [&db, staff](Request& req) {
    auto g = staff(req, true);
    if (g.refusal) return *g.refusal;
    auto body = site::ReadJson(req);
    if (!body.ok()) return Err(body.error());
    const auto& o = *body;
    ConsultationInput ci;
    for (auto [k, dst] : {std::pair{"key", &ci.key}, {"body", &ci.body}, {"opens_at", &ci.opens_at},
                          {"deadline", &ci.deadline}, {"timezone", &ci.timezone}}) {
      auto v = site::JsonString(o, k);
      if (!v.ok()) return Err(v.error());
      *dst = *v;
    }
    for (auto [k, dst] : {std::pair{"launched_at_meeting", &ci.launched_at_meeting},
                          {"meeting", &ci.meeting}}) {
      if (auto* v = o.if_contains(k); v && !v->is_null())
        *dst = v->is_int64() ? std::to_string(v->as_int64())
                             : v->is_string() ? std::string(v->as_string()) : "?";
    }
    if (auto* v = o.if_contains("title")) ci.title = *v;
    if (auto* v = o.if_contains("description")) ci.description = *v;
    if (auto* v = o.if_contains("questions")) {
      if (!v->is_array()) return Err(InvalidArgument("questions", "questions: must be an array"));
      for (const auto& q : v->as_array()) ci.questions.push_back(q);
    }
    auto states = site::ReadStates(o, {"title", "description", "questions[]"});
    if (!states.ok()) return Err(states.error());
    ci.states = std::move(*states);
    auto c = Create(db, g.session->user.id, ci);
    if (!c.ok()) return Err(c.error());
    return http::Json(ConsultationJson(*c, req.lang, true, true), 201);
  });

  router.Add("POST", "/api/v1/consultations/{id}/extend", [&db, staff](Request& req) {
    auto g = staff(req, true);
    if (g.refusal) return *g.refusal;
    auto body = site::ReadJson(req);
    if (!body.ok()) return Err(body.error());
    auto deadline = site::JsonString(*body, "deadline");
    if (!deadline.ok()) return Err(deadline.error());
    json::value reason = body->contains("reason") ? body->at("reason") : json::value();
    auto c = ExtendDeadline(db, g.session->user.id, req.params[0], *deadline, reason);
    if (!c.ok()) return Err(c.error());
    return http::Json(ConsultationJson(*c, req.lang, true, true));
  });

  // An edit (consultations.h, Edit): the fields given replace the stored ones.
  router.Add("PATCH", "/api/v1/consultations/{id}", [&db, staff](Request& req) {
    auto g = staff(req, true);
    if (g.refusal) return *g.refusal;
    auto body = site::ReadJson(req);
    if (!body.ok()) return Err(body.error());
    const auto& o = *body;
    ConsultationPatch patch;
    for (auto [k, dst] : {std::pair{"opens_at", &patch.opens_at}, {"deadline", &patch.deadline},
                          {"timezone", &patch.timezone}}) {
      if (!o.contains(k)) continue;
      auto v = site::JsonString(o, k);
      if (!v.ok()) return Err(v.error());
      *dst = *v;
    }
    // A meeting link: its id (number or text); null or "" unlinks.
    for (auto [k, dst] : {std::pair{"launched_at_meeting", &patch.launched_at_meeting},
                          {"meeting", &patch.meeting}}) {
      auto* v = o.if_contains(k);
      if (!v) continue;
      if (v->is_null()) *dst = "";
      else if (v->is_int64()) *dst = std::to_string(v->as_int64());
      else if (v->is_string()) *dst = std::string(v->as_string());
      else return Err(InvalidArgument(k, std::string(k) + ": must be a meeting id or null"));
    }
    if (auto* v = o.if_contains("title")) patch.title = *v;
    if (auto* v = o.if_contains("description")) patch.description = *v;
    if (auto* v = o.if_contains("questions")) {
      if (!v->is_array()) return Err(InvalidArgument("questions", "questions: must be an array"));
      patch.questions.emplace(v->as_array().begin(), v->as_array().end());
    }
    if (auto* v = o.if_contains("reason")) patch.reason = *v;
    auto states = site::ReadStates(o, {"title", "description", "questions[]"});
    if (!states.ok()) return Err(states.error());
    patch.states = std::move(*states);
    auto c = Edit(db, g.session->user.id, req.params[0], patch);
    if (!c.ok()) return Err(c.error());
    return http::Json(ConsultationJson(*c, req.lang, true, true));
  });

  router.Add("GET", "/api/v1/consultations/{id}/moderation", [&db, staff, &tracker](Request& req) {
    auto g = staff(req, false);
    if (g.refusal) return *g.refusal;
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return Err(c.error());
    auto page_no = IntParam(req, "page", 1, 100000);
    if (!page_no.ok()) return Err(page_no.error());
    auto per_page = IntParam(req, "per_page", 50, 200);
    if (!per_page.ok()) return Err(per_page.error());
    auto filter = FilterOf(req.query);
    if (!filter.ok()) return Err(filter.error());
    if (auto ok = CheckFilter(db, *filter); !ok.ok()) return Err(ok.error());
    if (auto ok = FillCampaign(tracker, c->id, *filter); !ok.ok()) return Err(ok.error());
    auto page = FilteredResponses(db, c->id, *filter, *page_no, *per_page);
    json::array items;
    for (const auto& r : page.items) items.push_back(ResponseJson(r, true));
    return http::Json(json::object{{"items", items},
                                   {"total", page.total},
                                   {"page", page.page},
                                   {"unconfirmed", UnconfirmedCount(db, c->id)}});
  });

  for (const char* action : {"accept", "reject", "redact"}) {
    router.Add("POST", std::string("/api/v1/responses/{id}/") + action,
               [&db, staff, action](Request& req) {
                 auto g = staff(req, true);
                 if (g.refusal) return *g.refusal;
                 auto in = site::ReadInput(req);
                 if (!in.ok()) return Err(in.error());
                 Moderation m{action, "", {}};
                 if (in->json) {
                   auto reason = site::JsonString(*in->json, "reason");
                   if (!reason.ok()) return Err(reason.error());
                   m.reason = *reason;
                   if (auto* rep = in->json->if_contains("replacements")) {
                     if (!rep->is_object())
                       return Err(InvalidArgument("replacements", "replacements: must be an object"));
                     for (const auto& [k, v] : rep->as_object()) {
                       if (!v.is_string())
                         return Err(InvalidArgument(std::string(k), std::string(k) + ": must be a string"));
                       m.replacements[std::string(k)] = std::string(v.as_string());
                     }
                   }
                 }
                 auto id = ParseInt(req.params[0]);
                 if (!id) return Err(NotFound("response: no such response"));
                 auto r = Moderate(db, g.session->user.id, *id, m);
                 if (!r.ok()) return Err(r.error());
                 return http::Json(ResponseJson(*r, true));
               });
  }

  // Many responses accepted or rejected at once, in one transaction (ModerateMany).
  router.Add("POST", "/api/v1/consultations/{id}/moderate", [&db, staff](Request& req) {
    auto g = staff(req, true);
    if (g.refusal) return *g.refusal;
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return Err(c.error());
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    std::vector<std::string> values;
    if (auto* v = o->if_contains("responses")) {
      if (!v->is_array()) return Err(InvalidArgument("responses", "responses: must be a list of response ids"));
      for (const auto& x : v->as_array()) {
        if (!x.is_int64()) return Err(InvalidArgument("responses", "responses: response ids are whole numbers"));
        values.push_back(std::to_string(x.as_int64()));
      }
    }
    auto ids = BulkIds(values);
    if (!ids.ok()) return Err(ids.error());
    Moderation m{"", "", {}};
    for (auto [k, dst] : {std::pair{"action", &m.action}, {"reason", &m.reason}}) {
      auto v = site::JsonString(*o, k);
      if (!v.ok()) return Err(v.error());
      *dst = *v;
    }
    if (m.action != "accept" && m.action != "reject")
      return Err(InvalidArgument("action", "action: must be accept or reject"));
    auto n = ModerateMany(db, g.session->user.id, c->id, *ids, m);
    if (!n.ok()) return Err(n.error());
    return http::Json(json::object{{"responses", ids->size()}, {"changed", *n}});
  });

  // Erasure of a respondent's personal data on request (consultations::EraseRespondent).
  router.Add("POST", "/api/v1/responses/{id}/erase", [&db, staff](Request& req) {
    auto g = staff(req, true);
    if (g.refusal) return *g.refusal;
    auto id = site::ParseId(req.params[0]);
    if (!id) return Err(NotFound("response: no such response"));
    auto e = EraseRespondent(db, g.session->user.id, *id);
    if (!e.ok()) return Err(e.error());
    json::array fields;
    for (const auto& f : e->fields) fields.emplace_back(f);
    auto r = GetResponse(db, *id);
    if (!r.ok()) return Err(r.error());
    auto o = ResponseJson(*r, true);
    o["erased"] = fields;
    return http::Json(o);
  });

  router.Add("GET", "/api/v1/consultations/{id}/campaigns", [&db, staff, &tracker](Request& req) {
    auto g = staff(req, false);
    if (g.refusal) return *g.refusal;
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return Err(c.error());
    json::array items;
    for (const auto& k : tracker.Campaigns(c->id)) {
      json::array variants;
      for (const auto& v : k.variants) variants.push_back(json::object{{"count", v.count}});
      items.push_back({{"id", k.id}, {"size", k.size}, {"representative", k.representative},
                       {"representative_response", k.representative_response},
                       {"variants", variants}});
    }
    return http::Json(json::object{{"items", items}, {"min_size", tracker.min_size()},
                                   {"lag", tracker.Lag()}});
  });

  for (const char* action : {"accept", "reject", "publish"}) {
    router.Add("POST", std::string("/api/v1/consultations/{id}/campaigns/{campaign}/") + action,
               [&db, staff, &tracker, action](Request& req) {
                 auto g = staff(req, true);
                 if (g.refusal) return *g.refusal;
                 auto c = Get(db, req.params[0]);
                 if (!c.ok()) return Err(c.error());
                 auto campaign = ParseInt(req.params[1]);
                 auto members = campaign ? tracker.Members(c->id, static_cast<std::uint64_t>(*campaign))
                                         : std::vector<std::int64_t>{};
                 if (members.empty()) return Err(NotFound("campaign " + req.params[1] + ": no such campaign"));
                 std::string reason;
                 if (!req.body.empty()) {
                   auto in = site::ReadInput(req);
                   if (!in.ok()) return Err(in.error());
                   if (in->json) {
                     auto r = site::JsonString(*in->json, "reason");
                     if (!r.ok()) return Err(r.error());
                     reason = *r;
                   }
                 }
                 std::string what = std::string(action) == "reject" ? "reject" : "accept";
                 auto changed = ModerateMany(db, g.session->user.id, c->id, members, {what, reason, {}});
                 if (!changed.ok()) return Err(changed.error());
                 json::object out{{"responses", members.size()}, {"changed", *changed}};
                 if (std::string(action) == "publish") {
                   auto n = PublishSome(db, g.session->user.id, c->id, members);
                   if (!n.ok()) return Err(n.error());
                   out["published"] = *n;
                 }
                 return http::Json(out);
               });
  }

  router.Add("POST", "/api/v1/consultations/{id}/publish", [&db, staff](Request& req) {
    auto g = staff(req, true);
    if (g.refusal) return *g.refusal;
    auto n = PublishAccepted(db, g.session->user.id, req.params[0]);
    if (!n.ok()) return Err(n.error());
    return http::Json(json::object{{"published", *n}});
  });

  router.Add("POST", "/api/v1/consultations/{id}/summary", [&db, staff](Request& req) {
    auto g = staff(req, true);
    if (g.refusal) return *g.refusal;
    auto body = site::ReadJson(req);
    if (!body.ok()) return Err(body.error());
    json::value summary = body->contains("summary") ? body->at("summary") : json::value();
    if (auto* p = body->if_contains("publish")) {
      if (!p->is_bool()) return Err(InvalidArgument("publish", "publish: must be true or false"));
      // Saving the summary never changes the status: "publish": true is accepted only where
      // the results are already published, and refused (nothing saved) anywhere else.
      if (p->as_bool()) {
        auto current = Get(db, req.params[0]);
        if (!current.ok()) return Err(current.error());
        if (StatusOf(*current, Now()) != "published")
          return Err(Error{Code::kFailedPrecondition,
                           "publish: saving the summary does not publish the results; once the "
                           "consultation is closed, publish them with POST "
                           "/api/v1/consultations/{id}/publish-results",
                           "publish"});
      }
    }
    auto states = site::ReadStates(*body, {"summary"});
    if (!states.ok()) return Err(states.error());
    auto c = SetSummary(db, g.session->user.id, req.params[0], summary, *states);
    if (!c.ok()) return Err(c.error());
    return http::Json(ConsultationJson(*c, req.lang, true, true));
  });

  // The lifecycle (lifecycle.h): open, close, reopen {deadline, reason}, publish-results.
  for (auto t : {Transition::kOpen, Transition::kClose, Transition::kReopen,
                 Transition::kPublishResults}) {
    router.Add("POST", std::string("/api/v1/consultations/{id}/") + TransitionName(t),
               [&db, staff, t](Request& req) {
                 auto g = staff(req, true);
                 if (g.refusal) return *g.refusal;
                 TransitionInput in;
                 if (t == Transition::kReopen) {
                   auto body = site::ReadJson(req);
                   if (!body.ok()) return Err(body.error());
                   auto deadline = site::JsonString(*body, "deadline");
                   if (!deadline.ok()) return Err(deadline.error());
                   in.deadline = *deadline;
                   if (auto* r = body->if_contains("reason")) in.reason = *r;
                 }
                 auto c = Apply(db, g.session->user.id, req.params[0], t, in);
                 if (!c.ok()) return Err(c.error());
                 return http::Json(ConsultationJson(*c, req.lang, true, true));
               });
  }

  router.Add("POST", "/api/v1/consultations/{id}/follow-up", [&db, staff](Request& req) {
    auto g = staff(req, true);
    if (g.refusal) return *g.refusal;
    auto body = site::ReadJson(req);
    if (!body.ok()) return Err(body.error());
    const auto& o = *body;
    FollowUpInput f;
    if (auto* m = o.if_contains("meeting"))
      f.meeting = m->is_int64() ? std::to_string(m->as_int64())
                                : m->is_string() ? std::string(m->as_string()) : "";
    for (auto [k, dst] : {std::pair{"number", &f.number}, {"kind", &f.kind}}) {
      auto v = site::JsonString(o, k);
      if (!v.ok()) return Err(v.error());
      *dst = *v;
    }
    if (auto* v = o.if_contains("owner")) f.owner = *v;
    if (auto* v = o.if_contains("text")) f.text = *v;
    auto r = AddFollowUp(db, g.session->user.id, req.params[0], f);
    if (!r.ok()) return Err(r.error());
    return http::Json(json::object{{"id", r->id}, {"number", r->number}, {"kind", r->kind}}, 201);
  });
}

}  // namespace plenary::consultations

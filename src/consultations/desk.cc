// The secretariat's pages of a consultation: creating it, its desk page (moderation queue,
// figures, forms), moderation, erasure, publication, deadline extension, summary, follow-up
// and campaigns (the status forms are in status_desk.cc). Every form posts to a handler that
// calls the same use case as the API.
#include <charconv>
#include <algorithm>
#include <limits>
#include <set>

#include <fmt/format.h>

#include "base/parse.h"
#include "base/time.h"
#include "consultations/web.h"
#include "meetings/desk.h"
#include "meetings/meetings.h"
#include "site/country_options.h"
#include "site/desk.h"
#include "site/fields.h"
#include "site/refusals.h"
#include "site/text_edit.h"
#include "site/text_html.h"
#include "text/countries.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::consultations {

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

// Redirects name what the database knows, never the request's path as given: a path segment
// may decode to anything (%0d%0a included), and a Location header must not carry it. The
// consultation's desk page, as addressed (by id or key), or 404.
Result<std::string> ConsultationDeskPath(storage::Database& db, const std::string& id_or_key) {
  auto c = Get(db, id_or_key);
  if (!c.ok()) return c.error();
  return "/admin/consultations/" + (ParseInt(id_or_key) ? std::to_string(c->id) : c->key);
}

// The summary in the six-language form (/admin/translations/consultation/{id}, site/text_edit.h),
// written by SetSummary as the API's POST /api/v1/consultations/{id}/summary writes it.
site::TextOwner SummaryTexts() {
  site::TextOwner o;
  o.owner = "consultation";
  o.fields = {{"summary", "field_summary", 50000, true, true}};
  o.read = [](storage::Database& db, std::int64_t id, const std::string& lang,
              const std::optional<accounts::Session>&) -> Result<site::OwnedTexts> {
    auto c = Get(db, std::to_string(id));
    if (!c.ok()) return c.error();
    return site::OwnedTexts{site::Pick(c->title, lang).text + " · " + T(lang, "field_summary"),
                            fmt::format("/admin/consultations/{}", c->id),
                            {{"summary", c->summary}},
                            std::nullopt};
  };
  o.write = [](storage::Database& db, const accounts::Session& who, std::int64_t id,
               const json::object& body) -> Result<json::object> {
    auto asked = site::ReadStates(body, {"summary"});
    if (!asked.ok()) return asked.error();
    const json::value* text = body.if_contains("summary");
    auto c = SetSummary(db, who.user.id, std::to_string(id), text ? *text : json::value(), *asked);
    if (!c.ok()) return c.error();
    return ConsultationJson(*c, "en", true, true);
  };
  return o;
}

}  // namespace

namespace {
// The list's rows a page: the address's `per_page` (kMinPerPage to kMaxPerPage), else 50.
constexpr int kPerPage = 50, kMinPerPage = 1, kMaxPerPage = 200;
// A form's `per_page` when it is a page size (the address named one), else nothing.
std::optional<std::int64_t> PerPageOf(const http::Form& f) {
  auto n = ParseInt(f.Get("per_page").value_or(""));
  if (n && *n >= kMinPerPage && *n <= kMaxPerPage) return n;
  return std::nullopt;
}
// The page of the list a form of the moderation page was sent from, as "&page=N&per_page=M"
// (each left out when the form's is absent or not a whole number in its range).
std::string PagePlace(const http::Form& f) {
  std::string out;
  auto page = ParseInt(f.Get("page").value_or(""));
  if (page && *page >= 2 && *page <= 100000) out += "&page=" + std::to_string(*page);
  if (auto n = PerPageOf(f)) out += "&per_page=" + std::to_string(*n);
  return out;
}
// A confirmation page's form keeps the list's page size of form `f` (section PER_PAGE, N).
void KeepPerPage(TemplateDictionary& d, const http::Form& f) {
  if (auto n = PerPageOf(f)) d.AddSectionDictionary("PER_PAGE")->SetIntValue("N", *n);
}
// The reference of response `id` ("" when there is none).
std::string ReferenceOf(storage::Database& db, std::int64_t response_id) {
  storage::Stmt s(db.Read(), "SELECT reference FROM responses WHERE id = ?");
  s.BindAll(response_id);
  return s.Step() ? s.Text(0) : "";
}
}  // namespace

Result<std::vector<std::int64_t>> BulkIds(const std::vector<std::string>& values) {
  if (values.empty()) return InvalidArgument("responses", "responses: select at least one response");
  if (values.size() > kMaxBulk)
    return InvalidArgument("responses", fmt::format("responses: at most {} at once", kMaxBulk));
  std::vector<std::int64_t> ids;
  for (const auto& v : values) {
    auto n = ParseInt(v);
    if (!n || *n < 1) return InvalidArgument("responses", "responses: response ids are whole numbers");
    ids.push_back(*n);
  }
  return ids;
}

namespace {
// `r` (a redirect back to the moderation page) with the place appended to its Location.
http::Response WithPlace(http::Response r, const std::string& place) {
  for (auto& [k, v] : r.headers)
    if (k == "Location") v += place;
  return r;
}
}  // namespace

namespace {
// A summary refused: the refusal and what was typed, shown in the desk page again (a summary is
// too long to travel in a redirect's query).
struct SummaryRefusal {
  const Error* error = nullptr;
  const http::Form* typed = nullptr;
};

// The desk page of a consultation: moderation queue, figures and forms; `refused` (or null) a
// refused summary, shown in the page's summary of errors and next to its field with what was
// typed.
http::Response DeskPage(storage::Database& db, CampaignTracker& tracker, const Request& req,
                        const SummaryRefusal* refused = nullptr) {
  auto g = site::RequireStaff(db, req, false);
  if (g.refusal) return *g.refusal;
  auto c = Get(db, req.params[0]);
  if (!c.ok()) return site::ErrorResponse(db, req, c.error());
  const std::string& lang = req.lang;
  auto title = site::Pick(c->title, lang).text;
  site::Page page(db, req, "admin_consultation.tpl", T(lang, "moderate") + " · " + title);
  auto& d = page.body();
  // A refused form of the page comes back with its message and what was typed; the forms of
  // the list's rows and the selection of the bulk form are placed here.
  // What the list's own forms did (a bulk action, the publication) is said just above the list,
  // where the page comes back to (kListAnchor); other messages at the top.
  // What a single row's form did is said at the top of that row (or, when the row has left the
  // list, just above it), where the page comes back to (kRowAnchor).
  const std::string done = req.query.Get("done").value_or("");
  const bool list_done = done == "bulk_accept" || done == "bulk_reject" || done == "published";
  const std::string done_row = req.query.Get("row").value_or("");
  const bool row_done = !done_row.empty() && (done == "accept" || done == "reject" ||
                                               done == "redact" || done == "erase");
  const auto flashed = ShowFlash(db, req, d, c->timezone,
                                 list_done  ? "HAS_LIST_MESSAGE"
                                 : row_done ? "HAS_ROW_MESSAGE"
                                            : "HAS_MESSAGE");
  // ShowFlash put it in a section the page does not have; the page places it itself.
  if (row_done) d.SetValue("ROW_MESSAGE", T(lang, "done_" + done));
  bool row_shown = false;
  auto kept = [&](const std::string& input) { return flashed ? flashed->Kept(input) : ""; };
  std::set<std::string> selected;  // the responses ticked for a refused bulk action
  {
    std::string ids = kept("bulk-ids");
    for (std::size_t i = 0; i < ids.size();) {
      std::size_t j = std::min(ids.find(',', i), ids.size());
      selected.insert(ids.substr(i, j - i));
      i = j + 1;
    }
  }
  if (kept("bulk-action") == "reject") d.ShowSection("BULK_REJECT");
  d.SetIntValue("ID", c->id);
  site::SetLocalized(&d, "TITLE", c->title, lang);
  d.SetValue("TIMEZONE", c->timezone);
  auto stats = ComputeStatistics(db, req.params[0]);
  auto count = [&](const char* s) -> std::int64_t {
    auto it = stats->by_status.find(s);
    return it == stats->by_status.end() ? 0 : it->second;
  };
  d.SetValue("COUNTS", T(lang, "moderation_counts",
                         {{"received", count("received")}, {"accepted", count("accepted")},
                          {"rejected", count("rejected")}, {"published", count("published")}}) +
                         // Two sentences: Chinese runs them on without a space.
                         (lang == "zh" ? "" : " ") +
                         T(lang, "unconfirmed_count", {{"n", UnconfirmedCount(db, c->id)}}));
  int page_no = 1;
  if (auto v = req.query.Get("page")) {
    auto n = ParseIntField("page", *v, 1, 100000);
    if (!n.ok()) return site::ErrorResponse(db, req, n.error());
    page_no = static_cast<int>(*n);
  }
  int per_page = kPerPage;
  const auto per_page_asked = req.query.Get("per_page");
  if (per_page_asked) {
    auto n = ParseIntField("per_page", *per_page_asked, kMinPerPage, kMaxPerPage);
    if (!n.ok()) return site::ErrorResponse(db, req, n.error());
    per_page = static_cast<int>(*n);
  }
  auto filter = FilterOf(req.query);
  if (!filter.ok()) return site::ErrorResponse(db, req, filter.error());
  if (auto ok = CheckFilter(db, *filter); !ok.ok()) return site::ErrorResponse(db, req, ok.error());
  if (auto ok = FillCampaign(tracker, c->id, *filter); !ok.ok())
    return site::ErrorResponse(db, req, ok.error());
  auto rs = FilteredResponses(db, c->id, *filter, page_no, per_page);
  // A page the list no longer reaches (its last rows were just accepted or rejected under a
  // filter they no longer match) shows the list's last page instead of nothing.
  if (rs.items.empty() && rs.total > 0 && page_no > 1) {
    page_no = static_cast<int>((rs.total + per_page - 1) / per_page);
    rs = FilteredResponses(db, c->id, *filter, page_no, per_page);
  }
  d.SetIntValue("PAGE_NO", page_no);  // the forms say where the page was (PlaceOf)
  // A page size named in the address: the pager and every form keep it.
  if (per_page_asked) d.AddSectionDictionary("PER_PAGE")->SetIntValue("N", per_page);
  const std::string per_page_qs = per_page_asked ? "&per_page=" + std::to_string(per_page) : "";
  auto types = StakeholderTypes(db);
  // The filters, as chosen; the pager keeps them.
  {
    const std::string qs = filter->QueryString();
    d.SetValue("FILTER_QS", qs + per_page_qs);
    // The bulk form carries the filter, so that the list comes back as it was chosen.
    auto kept_qs = http::Form::Parse(qs.empty() ? "" : qs.substr(1), "query");
    if (kept_qs.ok()) {
      for (const auto& [k, v] : kept_qs->fields()) {
        auto* h = d.AddSectionDictionary("KEEP_FILTER");
        h->SetValue("K", k);
        h->SetValue("V", v);
      }
    }
    auto option = [&](const char* section, const std::string& k, const std::string& label,
                      const std::optional<std::string>& chosen) {
      auto* o = d.AddSectionDictionary(section);
      o->SetValue("K", k);
      o->SetValue("L", label);
      if (chosen && *chosen == k) o->ShowSection("SEL");
      return o;
    };
    for (const char* st : {"received", "accepted", "rejected", "published"})
      option("F_STATUS", st, T(lang, std::string("response_status_") + st), filter->status);
    for (const auto& t : types) {
      const auto l = site::Pick(t.label, lang);
      site::SetTextLanguage(option("F_TYPE", t.key, l.text, filter->stakeholder_type), "L", l, lang);
    }
    for (const auto& k : text::Countries(lang)) option("F_COUNTRY", k.code, k.name, filter->country);
    for (const auto& l : text::Languages()) option("F_LANG", l, T(l, "language_name"), filter->language);
    std::optional<std::string> conf;
    if (filter->confirmed) conf = *filter->confirmed ? "yes" : "no";
    option("F_CONFIRMED", "yes", T(lang, "moderation_confirmed_yes"), conf);
    option("F_CONFIRMED", "no", T(lang, "moderation_confirmed_no"), conf);
    // Campaigns of near-identical responses: their size and the start of their text.
    std::optional<std::string> chosen_campaign;
    if (filter->campaign) chosen_campaign = std::to_string(*filter->campaign);
    for (const auto& k : tracker.Campaigns(c->id)) {
      std::string excerpt = k.representative.substr(0, 60);
      while (!excerpt.empty() && (static_cast<unsigned char>(excerpt.back()) & 0xC0) == 0x80)
        excerpt.pop_back();  // not in the middle of a character
      if (!excerpt.empty() && (static_cast<unsigned char>(excerpt.back()) & 0x80)) excerpt.pop_back();
      option("F_CAMPAIGN", std::to_string(k.id),
             T(lang, "moderation_campaign_option",
               {{"n", static_cast<std::int64_t>(k.size)}, {"text", excerpt}}),
             chosen_campaign);
    }
    d.SetValue("MATCHES", T(lang, "moderation_matches", {{"n", rs.total}}));
  }
  auto type_label = [&](const std::string& k) {
    for (const auto& t : types)
      if (t.key == k) return site::Pick(t.label, lang);
    return site::Localized{k, lang, false};
  };
  for (const auto& r : rs.items) {
    auto* o = d.AddSectionDictionary("RESPONSES");
    o->SetIntValue("RID", r.id);
    site::SetSentence(o, "REFERENCE", r.reference, lang);
    const std::string row_reason = "reason-" + std::to_string(r.id);
    if (flashed && flashed->input == row_reason)
      o->AddSectionDictionary("E_ROW_REASON")->SetValue("E_MSG", flashed->message);
    o->SetValue("ROW_REASON", kept(row_reason));
    if (selected.count(std::to_string(r.id))) o->ShowSection("SELECTED");
    if (row_done && !flashed && r.reference == done_row) {
      o->ShowSection("ROW_NOTICE");
      row_shown = true;
    }
    o->SetValue("NAME", r.name);
    if (!r.organization.empty()) o->AddSectionDictionary("HAS_ORG")->SetValue("ORGANIZATION", r.organization);
    o->SetValue("STATUS", r.status);
    if (r.status == "received" || r.status == "rejected") o->ShowSection("CAN_ACCEPT");
    o->SetValue("STATUS_LABEL", T(lang, "response_status_" + r.status));
    site::SetText(o, "TYPE_LABEL", type_label(r.stakeholder_type), lang);
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
      a->SetIntValue("FILE_ID", f.id);
      a->SetValue("FILENAME", f.filename);
      a->SetValue("MEDIA_TYPE", f.media_type);
      a->SetValue("FILE_SIZE", T(lang, "file_size_kb", {{"kb", (f.size + 1023) / 1024}}));
    }
  }
  if (rs.page > 1) d.AddSectionDictionary("PREV")->SetIntValue("PAGE", rs.page - 1);
  if (static_cast<std::int64_t>(rs.page) * rs.per_page < rs.total)
    d.AddSectionDictionary("NEXT")->SetIntValue("PAGE", rs.page + 1);
  // The summary in the six languages, each with its state (site/text_edit.h's inputs, ids s-<lang>).
  site::FormErrors summary_errors(lang, c->timezone);
  if (refused && refused->error) {
    // Named as the form names each box: the summary's label and its language.
    const Error& e = *refused->error;
    const auto dot = e.field.find('.', e.field.starts_with("states.") ? 7 : 0);
    const std::string l = dot == std::string::npos ? "" : e.field.substr(dot + 1);
    const std::string code = text::IsLanguage(l) ? l : "en";
    summary_errors.Add(e, "s-" + code,
                       T(lang, "field_summary") + " (" + T(lang, "language_in_" + code) + ")");
    summary_errors.Fill(&d);
  }
  const http::Form* typed = refused ? refused->typed : nullptr;
  const site::Drafts summary_drafts = site::DraftsOf(db.Read(), "consultation", c->id);
  const auto sd = summary_drafts.find("summary");
  site::AddLanguageInputs(
      &d, "s", "summary", lang, true, 50000,
      [&](const std::string& l) {
        if (typed) return typed->Get("summary_" + l).value_or("");
        const auto* t = c->summary.is_object() ? c->summary.as_object().if_contains(l) : nullptr;
        return t && t->is_string() ? std::string(t->as_string()) : std::string();
      },
      [&](const std::string& l) {
        if (typed) return typed->Get("summary_draft_" + l).has_value();
        return sd != summary_drafts.end() && sd->second.count(l) > 0;
      },
      summary_errors);
  AddStatusForms(d, *c, lang);
  AddMeetings(db, d, lang, kept("f-meeting"));
  for (const char* k : {"consider_responses", "submit_summary", "launch_consultation",
                        "defer_topic", "report_more", "other"}) {
    auto* o = d.AddSectionDictionary("KINDS");
    o->SetValue("KEY", k);
    if (kept("f-kind") == k) o->ShowSection("SEL");
    o->SetValue("LABEL", T(lang, std::string("action_kind_") + k));
  }
  if (c->meeting_id) {
    auto m = meetings::GetMeeting(db, std::to_string(*c->meeting_id));
    auto* md = d.AddSectionDictionary("HAS_MEETING");
    md->SetIntValue("MEETING_ID", m->id);
    site::SetSentence(md, "MEETING_LABEL", MeetingLabel(lang, *m), lang);
    md->SetValue("MEETING_COUNTS", T(lang, "meeting_counts",
                                     {{"registered", m->registered}, {"attended", m->attended}}));
    for (const auto& t : types) {
      if (!t.selectable) continue;
      auto* o = md->AddSectionDictionary("TYPES");
      o->SetValue("KEY", t.key);
      site::SetText(o, "LABEL", site::Pick(t.label, lang), lang);
      if (kept("r-type") == t.key) o->ShowSection("SEL");
    }
    site::AddCountryOptions(md, lang, kept("r-country"));
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
  // The row acted on is no longer in this page of the list: the notice stands just above it.
  if (row_done && !flashed && !row_shown) d.ShowSection("HAS_ROW_ELSEWHERE");
  return page.Render(refused && refused->error ? http::StatusFor(refused->error->code) : 200);
}
// The place of a refusal: the same page of the list, without the response's anchor: a page
// opened at an anchor gives no element the focus, and the summary at the top must take it (it
// links to the row's field).
std::string Unanchored(const std::string& place) { return place.substr(0, place.find('#')); }
// Where a bulk action or the publication comes back to: the notice of what was done, just above
// the list it concerns (its heading, filters and rows). Focusable (tabindex=-1), so that the
// browser focuses it on arriving and a screen reader says it.
constexpr char kListAnchor[] = "#list-notice";

// Where the moderation list was when a form acting on many responses was sent (the bulk form,
// the publication): its filter, from the form's f_* fields (checked as the list checks it; a bad
// one is left out, `kept` receives the rest), then its page (PagePlace), as
// "&k=v…&page=N&per_page=M" (or "").
std::string ListPlace(storage::Database& db, CampaignTracker& tracker, std::int64_t consultation_id,
                      const http::Form& f, http::Form* kept = nullptr) {
  http::Form q;
  for (const char* k : {"status", "stakeholder_type", "country", "language", "confirmed", "campaign"})
    if (auto v = f.Get(std::string("f_") + k); v && !v->empty()) q.Add(k, *v);
  auto filter = FilterOf(q);
  if (!filter.ok() || !CheckFilter(db, *filter).ok() ||
      !FillCampaign(tracker, consultation_id, *filter).ok())
    q = http::Form();
  std::string place;
  for (const auto& [k, v] : q.fields()) place += "&" + k + "=" + http::UrlEncode(v);
  place += PagePlace(f);
  if (kept) *kept = std::move(q);
  return place;
}

// Where a single row's form (accept, reject, redact, erase) comes back to: the list's place
// (ListPlace: its filter, page and page size), the row acted on (row=REFERENCE) and the notice of
// what was done, which the page puts at the top of that row, or just above the list when the row
// has left it (a rejection under the filter "received"). Like the list's notice, it is
// focusable, so that the browser focuses it on arriving and a screen reader says it.
constexpr char kRowAnchor[] = "#row-notice";
// The row's place itself (#m-REFERENCE), without a notice: where the erasure's confirmation page
// goes back to when cancelled. `kept` as for ListPlace.
std::string RowPlace(storage::Database& db, CampaignTracker& tracker, std::optional<std::int64_t> cid,
                     const http::Form& f, std::int64_t response_id, http::Form* kept = nullptr) {
  std::string out = cid ? ListPlace(db, tracker, *cid, f, kept) : PagePlace(f);
  if (auto ref = ReferenceOf(db, response_id); !ref.empty()) out += "#m-" + ref;
  return out;
}
std::string RowDonePlace(storage::Database& db, CampaignTracker& tracker,
                         std::optional<std::int64_t> cid, const http::Form& f,
                         std::int64_t response_id) {
  std::string out = cid ? ListPlace(db, tracker, *cid, f) : PagePlace(f);
  if (auto ref = ReferenceOf(db, response_id); !ref.empty())
    out += "&row=" + http::UrlEncode(ref) + kRowAnchor;
  return out;
}

}  // namespace

void RegisterDesk(http::Router& router, storage::Database& db, CampaignTracker& tracker) {
  // The summary's six-language form; its API is POST /api/v1/consultations/{id}/summary.
  site::RegisterTextOwner(router, db, SummaryTexts(), "");
  RegisterStatusDesk(router, db);
  RegisterEditDesk(router, db);
  router.Add("GET", "/admin/consultations/{id}/campaigns", [&db, &tracker](Request& req) {
    auto g = site::RequireStaff(db, req, false);
    if (g.refusal) return *g.refusal;
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    const std::string& lang = req.lang;
    auto title = site::Pick(c->title, lang).text;
    site::Page page(db, req, "admin_campaigns.tpl", T(lang, "campaigns") + " · " + title);
    auto& d = page.body();
    ShowFlash(db, req, d);
    d.SetIntValue("ID", c->id);
    site::SetLocalized(&d, "TITLE", c->title, lang);
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
    if (members.empty()) return BackWithError(db, req, path, NotFound("campaign: no such campaign"));
    std::string action = p.input.fields.Get("action").value_or("");
    Moderation m{action == "reject" ? "reject" : "accept", p.input.fields.Get("reason").value_or(""), {}};
    if (action != "reject" && action != "accept" && action != "publish")
      return BackWithError(db, req, path, InvalidArgument("action", "action: accept, reject or publish"));
    auto changed = ModerateMany(db, p.session.user.id, c->id, members, m);
    if (!changed.ok()) return BackWithError(db, req, path, changed.error());
    if (action == "publish") {
      auto n = PublishSome(db, p.session.user.id, c->id, members);
      if (!n.ok()) return BackWithError(db, req, path, n.error());
    }
    return Back(req, path, "campaign");
  });

  // The stakeholder taxonomy (administrators; the use case refuses the secretariat role).
  router.Add("POST", "/admin/stakeholder-types", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    const auto& f = p.input.fields;
    auto t = AddStakeholderType(db, p.session.user.id, p.session.user.role,
                                site::Trim(f.Get("key").value_or("")), TwoLanguages(f, "label"));
    if (!t.ok()) {
      site::Refill kept;
      kept.kept.emplace_back("st-key", f.Get("key").value_or(""));
      for (const auto& l : text::Languages())
        kept.kept.emplace_back("st-label-" + l, f.Get("label_" + l).value_or(""));
      return BackWithError(db, req, "/admin", t.error(),
                           site::InputFor(t.error().field, {{"key", "st-key"}}), kept);
    }
    return Back(req, "/admin", "stakeholder_type");
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
    if (!c.ok())
      return BackWithError(
          db, req, "/admin", c.error(),
          site::InputFor(c.error().field,
                         {{"key", "c-key"}, {"body", "c-body"},
                          {"launched_at_meeting", "c-launched"}, {"title", "c-title-en"},
                          {"description", "c-desc"}, {"questions", "c-q"},
                          {"opens_at", "c-opens"}, {"deadline", "c-deadline"},
                          {"timezone", "c-tz"}, {"meeting", "c-meeting"}}),
          {.label_key = {},
           .kept = {{"c-key", in.key},
                    {"c-title-en", f.Get("title_en").value_or("")},
                    {"c-title-zh", f.Get("title_zh").value_or("")},
                    {"c-desc", f.Get("description_en").value_or("")},
                    {"c-q", qs},
                    {"c-opens", in.opens_at},
                    {"c-deadline", in.deadline},
                    {"c-body", in.body},
                    {"c-launched", in.launched_at_meeting.value_or("")},
                    {"c-meeting", in.meeting.value_or("")},
                    {"c-tz", in.timezone}}});
    return http::Redirect(site::Prefix(req) + "/admin/consultations/" + std::to_string(c->id) +
                          "?done=created");
  });

  // The files of any response, published or not, for the staff who moderate them: downloads
  // only (consultations::AttachmentDownload), never shown in a page, never kept by a cache.
  router.Add("GET", "/admin/attachments/{id}", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, false);
    if (g.refusal) return *g.refusal;
    auto id = site::ParseId(req.params[0]);
    auto f = id ? AnyAttachment(db, *id) : std::nullopt;
    if (!f) return site::ErrorResponse(db, req, NotFound("attachment: no such file"));
    return AttachmentDownload(std::move(*f)).Header("Cache-Control", "private, no-store");
  });

  router.Add("GET", "/admin/consultations/{id}", [&db, &tracker](Request& req) {
    return DeskPage(db, tracker, req);
  });

  router.Add("POST", "/admin/responses/{id}/moderate", [&db, &tracker](Request& req) {
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
    if (!r.ok()) {
      // A rejection's reason is the row's own input.
      const std::string input = r.error().field == "reason" ? fmt::format("reason-{}", id) : "";
      return WithPlace(BackWithError(db, req, path, r.error(), input,
                                     {.label_key = "reject_reason",
                                      .kept = {{fmt::format("reason-{}", id), m.reason}}}),
                       Unanchored(RowPlace(db, tracker, cid, f, id)));
    }
    return WithPlace(Back(req, path, m.action), RowDonePlace(db, tracker, cid, f, id));
  });

  // Erasure on request: the same use case as POST /api/v1/responses/{id}/erase.
  router.Add("POST", "/admin/responses/{id}/erase", [&db, &tracker](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto id = site::ParseId(req.params[0]);
    if (!id) return site::ErrorResponse(db, req, NotFound("response: no such response"));
    // Erasing cannot be undone: the button leads to a page that says whose data goes, and
    // only its own form (confirm=yes) erases.
    if (std::get<Post>(post).input.fields.Get("confirm").value_or("") != "yes") {
      auto r = GetResponse(db, *id);
      if (!r.ok()) return site::ErrorResponse(db, req, r.error());
      const std::string& lang = req.lang;
      site::Page page(db, req, "admin_confirm_delete.tpl", T(lang, "confirm_erase_heading"));
      auto& d = page.body();
      d.SetValue("HEADING", T(lang, "confirm_erase_heading"));
      site::SetSentence(&d, "WHAT", T(lang, "confirm_erase_text", {{"reference", r->reference}}), lang);
      site::SetText(&d, "QUOTE",
                    {r->reference + " — " + r->name, r->language, r->language != lang}, lang);
      d.SetValue("ACTION", fmt::format("/admin/responses/{}/erase", *id));
      http::Form filter;
      std::string place = RowPlace(db, tracker, r->consultation_id, std::get<Post>(post).input.fields,
                                   *id, &filter);
      d.SetValue("BACK", fmt::format("/admin/consultations/{}?{}", r->consultation_id,
                                     place.substr(place.starts_with("&") ? 1 : 0)));
      for (const auto& [k, v] : filter.fields()) {  // the confirmation keeps the list's filter
        auto* h = d.AddSectionDictionary("KEEP_FILTER");
        h->SetValue("K", k);
        h->SetValue("V", v);
      }
      if (auto n = ParseInt(std::get<Post>(post).input.fields.Get("page").value_or(""));
          n && *n >= 2 && *n <= 100000)
        d.AddSectionDictionary("KEEP_PAGE")->SetIntValue("PAGE_NO", *n);
      KeepPerPage(d, std::get<Post>(post).input.fields);
      d.SetValue("CONFIRM_LABEL", T(lang, "confirm_erase_yes"));
      return page.Render();
    }
    auto e = EraseRespondent(db, std::get<Post>(post).session.user.id, *id);
    auto cid = db.Read().QueryInt("SELECT consultation_id FROM responses WHERE id = ?", *id);
    std::string path = cid ? "/admin/consultations/" + std::to_string(*cid) : "/admin";
    const auto& f = std::get<Post>(post).input.fields;
    if (!e.ok())
      return WithPlace(BackWithError(db, req, path, e.error()),
                       Unanchored(RowPlace(db, tracker, cid, f, *id)));
    return WithPlace(Back(req, path, "erase"), RowDonePlace(db, tracker, cid, f, *id));
  });

  // Accepting or rejecting many responses at once: a confirmation page names them, then one
  // use case (ModerateMany: one transaction, an audit entry per response) does it.
  router.Add("POST", "/admin/consultations/{id}/bulk", [&db, &tracker](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    const auto& f = p.input.fields;
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    std::string path = "/admin/consultations/" + std::to_string(c->id);
    http::Form kept;
    const std::string place = ListPlace(db, tracker, c->id, f, &kept);
    Moderation m{f.Get("action").value_or(""), f.Get("reason").value_or(""), {}};
    // A refusal goes back to the list with what was chosen and typed: the action, its reason
    // and the responses ticked.
    auto refuse = [&](const Error& e) {
      std::string ticked;
      for (const auto& v : f.GetAll("ids[]")) ticked += (ticked.empty() ? "" : ",") + v;
      const std::string input = e.field == "reason" ? "bulk-reason" : e.field == "action" ? "bulk-action" : "";
      return WithPlace(BackWithError(db, req, path, e, input,
                                     {.label_key = e.field == "reason"   ? "reject_reason"
                                                   : e.field == "action" ? "bulk_action"
                                                                         : "",
                                      .kept = {{"bulk-action", m.action},
                                               {"bulk-reason", m.reason},
                                               {"bulk-ids", ticked}}}),
                       place);
    };
    auto ids = BulkIds(f.GetAll("ids[]"));
    if (!ids.ok()) return refuse(ids.error());
    if (m.action != "accept" && m.action != "reject")
      return refuse(InvalidArgument("action", "action: must be accept or reject"));
    if (m.action == "reject" && site::Trim(m.reason).empty())
      return refuse(InvalidArgument("reason", "reason: required when rejecting a response"));
    if (f.Get("confirm").value_or("") != "yes") {
      const std::string& lang = req.lang;
      std::string heading = T(lang, "confirm_bulk_" + m.action + "_heading");
      site::Page page(db, req, "admin_confirm_bulk.tpl", heading);
      auto& d = page.body();
      d.SetIntValue("ID", c->id);
      site::SetLocalized(&d, "TITLE", c->title, lang);
      d.SetValue("HEADING", heading);
      d.SetValue("WHAT", T(lang, "confirm_bulk_text", {{"n", static_cast<std::int64_t>(ids->size())}}));
      d.SetValue("ACTION", m.action);
      d.SetValue("REASON_VALUE", m.action == "reject" ? m.reason : "");
      if (m.action == "reject") d.SetValueAndShowSection("REASON_TEXT", m.reason, "REASON");
      d.SetValue("PAGE_NO", f.Get("page").value_or("1"));
      KeepPerPage(d, f);
      d.SetValue("BACK", place.empty() ? "" : "?" + place.substr(1));
      for (const auto& [k, v] : kept.fields()) {
        auto* h = d.AddSectionDictionary("KEEP_FILTER");
        h->SetValue("K", "f_" + k);
        h->SetValue("V", v);
      }
      d.SetValue("CONFIRM_LABEL", T(lang, "confirm_bulk_" + m.action + "_yes"));
      for (auto id : *ids) {
        auto r = GetResponse(db, id);
        if (!r.ok() || r->consultation_id != c->id)
          return refuse(InvalidArgument("responses", fmt::format(
              "responses: {} is not a response of this consultation", id)));
        auto* o = d.AddSectionDictionary("REFS");
        o->SetIntValue("RID", id);
        o->SetValue("REF", r->reference);
        o->SetValue("NAME", r->name);
      }
      return page.Render();
    }
    auto n = ModerateMany(db, p.session.user.id, c->id, *ids, m);
    if (!n.ok()) return refuse(n.error());
    // "The selected responses were accepted", not a row's "The response was accepted".
    return WithPlace(Back(req, path, "bulk_" + m.action), place + kListAnchor);
  });

  router.Add("POST", "/admin/consultations/{id}/publish", [&db, &tracker](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto desk = ConsultationDeskPath(db, req.params[0]);
    if (!desk.ok()) return site::ErrorResponse(db, req, desk.error());
    const std::string& path = *desk;
    // The list comes back with the filter and page it had.
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    const std::string place = ListPlace(db, tracker, c->id, std::get<Post>(post).input.fields);
    auto n = PublishAccepted(db, std::get<Post>(post).session.user.id, req.params[0]);
    if (!n.ok()) return WithPlace(BackWithError(db, req, path, n.error()), place);
    return WithPlace(Back(req, path, "published"), place + kListAnchor);
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
    if (!c.ok()) {
      const std::string& f = c.error().field;
      const char* input = f == "deadline"            ? "x-deadline"
                          : f.starts_with("reason") ? "x-reason"
                                                    : "";
      return BackWithError(
          db, req, path, c.error(), input,
          {.label_key = f.starts_with("reason") ? "extension_reason"
                        : f == "deadline"         ? "new_deadline"
                                                  : "",
           .kept = {{"x-deadline", p.input.fields.Get("deadline").value_or("")},
                    {"x-reason", p.input.fields.Get("reason").value_or("")}}});
    }
    return Back(req, path, "extended");
  });

  router.Add("POST", "/admin/consultations/{id}/summary", [&db, &tracker](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    // Never changes the status, whatever else the form carries (an old page's "publish").
    // The six languages and their boxes marking drafts, as the six-language form sends them.
    site::AskedStates asked;
    site::FormStates(p.input.fields, "summary", "summary", asked);
    auto c = SetSummary(db, p.session.user.id, req.params[0], TwoLanguages(p.input.fields, "summary"),
                        asked);
    auto desk = ConsultationDeskPath(db, req.params[0]);
    if (!desk.ok()) return site::ErrorResponse(db, req, desk.error());
    const std::string& path = *desk;
    if (!c.ok()) {
      SummaryRefusal refused{&c.error(), &p.input.fields};
      return DeskPage(db, tracker, req, &refused);
    }
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
    if (!r.ok())
      return BackWithError(db, req, path, r.error(),
                           site::InputFor(r.error().field,
                                          {{"meeting", "f-meeting"}, {"number", "f-number"},
                                           {"kind", "f-kind"}, {"owner", "f-owner"},
                                           {"text", "f-text"}}),
                           {.label_key = {},
                            .kept = {{"f-number", in.number},
                                     {"f-owner", f.Get("owner").value_or("")},
                                     {"f-text", f.Get("text").value_or("")},
                                     {"f-meeting", in.meeting},
                                     {"f-kind", in.kind}}});
    return Back(req, path, "follow_up");
  });
}

}  // namespace plenary::consultations

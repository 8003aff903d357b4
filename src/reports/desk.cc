// The secretariat's page of a body's officers and of what became of its working-group
// meetings' reports (/admin/bodies/{id}/officers): the same use cases as
// PUT /api/v1/bodies/{id}/officers and PUT /api/v1/meetings/{id}/report.
#include <algorithm>
#include <regex>

#include <fmt/format.h>

#include "meetings/meetings.h"
#include "reports/meeting_report.h"
#include "reports/officers.h"
#include "reports/web.h"
#include "site/desk.h"
#include "site/fields.h"
#include "site/refusals.h"
#include "site/site.h"
#include "site/text_html.h"
#include "text/messages.h"

namespace plenary::reports {

namespace json = boost::json;
using ctemplate::TemplateDictionary;
using http::Request;
using text::T;

namespace {

// Empty rows offered for new vice-chairs beneath those on record (saving offers more), up to
// the 20 the use case allows.
constexpr std::size_t kSpareViceChairRows = 3, kMaxViceChairRows = 20;
std::size_t ViceChairRows(const BodyRecord& r) {
  return std::min(kMaxViceChairRows, r.vice_chairs.size() + kSpareViceChairRows);
}

// The resolutions cited, one a line as "council 1344" (or "council/1344").
std::string ReferencesText(const BodyRecord& r) {
  std::string out;
  for (const auto& c : r.citations) out += fmt::format("{} {}\n", c.instrument, c.number);
  return out;
}

// The lines of the references field as the API's [{instrument, number}]; a line that is not
// "instrument number" is refused naming its place, as the use case names it.
Result<json::array> ReferencesField(const std::string& typed) {
  static const std::regex kLine(R"(\s*([A-Za-z]+)\s*[/ ]\s*(\d{1,5})\s*)");
  json::array out;
  std::size_t start = 0;
  while (start <= typed.size()) {
    std::size_t end = typed.find('\n', start);
    if (end == std::string::npos) end = typed.size();
    std::string line = site::Trim(typed.substr(start, end - start));
    start = end + 1;
    if (line.empty()) continue;
    std::smatch m;
    if (!std::regex_match(line, m, kLine)) {
      std::string f = fmt::format("references[{}]", out.size());
      return InvalidArgument(f, f + ": expected an instrument and a number, e.g. council 1344");
    }
    std::string instrument = m[1];
    std::transform(instrument.begin(), instrument.end(), instrument.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    out.push_back(json::object{{"instrument", instrument}, {"number", std::stoi(m[2])}});
  }
  return out;
}

std::string OfficersPath(const meetings::Body& b) { return "/admin/bodies/" + b.key + "/officers"; }

// {name, member_state} from two fields, or null when the name is empty (no such officer).
json::value OfficerField(const http::Form& f, const std::string& base) {
  std::string name = site::Trim(f.Get(base + "_name").value_or(""));
  std::string ms = site::Trim(f.Get(base + "_ms").value_or(""));
  if (name.empty() && ms.empty()) return nullptr;
  json::object o{{"name", name}};
  if (!ms.empty()) o["member_state"] = ms;
  return o;
}

// A refused officers form, shown again in the answer: the refusal, the input it concerns ("":
// none of the form's), the catalogue key of that input's label, and the form as typed.
struct OfficersRefusal {
  const Error* error = nullptr;
  std::string input;
  std::string label_key;
  const http::Form* typed = nullptr;
};

// The officers page. A refused form (`refused.error`) comes back with everything that was typed
// in it (the officers, the supporting offices, the terms of reference in each language, the
// resolutions cited), whatever its length, and the refusal's status.
http::Response OfficersPage(storage::Database& db, const Request& req,
                            const OfficersRefusal& refused = {}) {
  auto g = site::RequireStaff(db, req, false);
  if (g.refusal && !refused.error) return *g.refusal;
  auto b = meetings::GetBody(db, req.params[0]);
  if (!b.ok()) return site::ErrorResponse(db, req, b.error());
  auto r = GetBodyRecord(db, b->key);
  if (!r.ok()) return site::ErrorResponse(db, req, r.error());
  const std::string& lang = req.lang;
  site::Page page(db, req, "admin_officers.tpl",
                  T(lang, "officers_title", {{"acronym", text::BodyAcronym(b->key, b->acronym, lang)}}));
  auto& d = page.body();
  // A refused meeting report's form: its message shown next to its field below.
  const auto flashed = site::ShowFlash(db, req, d);
  d.SetValue("ACRONYM", text::BodyAcronym(b->key, b->acronym, lang));
  d.SetValue("BODY_KEY", b->key);
  if (refused.error) {
    const std::string label = refused.label_key.empty() ? "" : T(lang, refused.label_key);
    site::FormErrors errors(lang);
    if (refused.input.empty())
      errors.AddText(site::RefusalText(*refused.error, lang, "UTC", label));
    else
      errors.Add(*refused.error, refused.input, label);
    errors.Fill(&d);
  }
  // What the form shows in field `name`: what was typed in a refused form, else `stored`.
  const http::Form* typed = refused.typed;
  auto shown = [typed](const std::string& name, const std::string& stored) {
    return typed ? typed->Get(name).value_or("") : stored;
  };
  d.SetValue("CHAIR_NAME", shown("chair_name", r->chair ? r->chair->name : ""));
  d.SetValue("CHAIR_MS", shown("chair_ms", r->chair ? r->chair->member_state : ""));
  d.SetValue("SECRETARY_NAME", shown("secretary_name", r->secretary ? r->secretary->name : ""));
  d.SetValue("SECRETARY_MS", shown("secretary_ms", r->secretary ? r->secretary->member_state : ""));
  for (std::size_t i = 0; i < ViceChairRows(*r); ++i) {
    auto* o = d.AddSectionDictionary("VICE");
    o->SetIntValue("I", static_cast<long>(i));
    o->SetIntValue("N", static_cast<long>(i + 1));
    const bool on_record = i < r->vice_chairs.size();
    o->SetValue("NAME", shown(fmt::format("vice{}_name", i), on_record ? r->vice_chairs[i].name : ""));
    o->SetValue("MS", shown(fmt::format("vice{}_ms", i), on_record ? r->vice_chairs[i].member_state : ""));
  }
  for (const auto& k : SupportKeys()) {
    auto* o = d.AddSectionDictionary("SUPPORT");
    o->SetValue("K", k);
    o->SetValue("L", T(lang, "support_" + k));
    const bool on_record =
        std::find(r->supported_by.begin(), r->supported_by.end(), k) != r->supported_by.end();
    if (shown("support_" + k, on_record ? "yes" : "") == "yes") o->ShowSection("CHECKED");
  }
  // The terms of reference in the six languages, each its own field (a language whose field a
  // refused form did not send, as the post leaves it: as on record; the single field `terms`
  // stands for its `text_lang`).
  for (const auto& l : text::Languages()) {
    auto* o = d.AddSectionDictionary("LANGS");
    o->SetValue("CODE", l);
    o->SetValue("NAME", T(lang, "language_in_" + l));
    const auto* terms = r->terms_of_reference.is_object()
                            ? r->terms_of_reference.as_object().if_contains(l)
                            : nullptr;
    std::string value = terms && terms->is_string() ? std::string(terms->as_string()) : "";
    if (typed) {
      if (auto v = typed->Get("terms_" + l)) value = *v;
      if (auto v = typed->Get("terms"); v && typed->Get("text_lang").value_or(lang) == l)
        value = *v;
    }
    o->SetValue("TERMS", value);
  }
  d.SetValue("REFERENCES", typed && typed->Get("references") ? *typed->Get("references")
                                                              : ReferencesText(*r));
  for (const auto& m : meetings::ListMeetings(db, b->id)) {
    if (m.kind != "working_group") continue;
    auto rep = GetMeetingReport(db, m.id);
    if (!rep.ok()) continue;
    auto* o = d.AddSectionDictionary("MEETINGS");
    o->SetIntValue("MID", m.id);
    site::SetSentence(o, "MLABEL", meetings::Label(m, lang), lang);
    // This meeting's form refused (the redirect's input r-<id>-…): its message next to the
    // field (the summary at the top of the page links to it), and what was typed.
    const std::string prefix = fmt::format("r-{}-", m.id);
    const bool refused = flashed && flashed->input.starts_with(prefix);
    if (refused) {
      o->AddSectionDictionary("E_" + flashed->input.substr(prefix.size()))
          ->SetValue("E_MSG", flashed->message);
    }
    const bool approved = refused ? flashed->Kept(prefix + "approved") == "yes" : rep->approved;
    if (approved) o->ShowSection("APPROVED");
    for (const char* k : {"", "itu_members", "itu_members_and_stakeholders"}) {
      auto* x = o->AddSectionDictionary("DIST");
      x->SetValue("K", k);
      x->SetValue("L", T(lang, std::string("distribution_") + (*k ? k : "none")));
      if (rep->distribution == k) x->ShowSection("SEL");
    }
  }
  return page.Render(refused.error ? http::StatusFor(refused.error->code) : 200);
}

}  // namespace

void RegisterDesk(http::Router& router, storage::Database& db) {
  router.Add("GET", "/admin/bodies/{id}/officers",
             [&db](Request& req) { return OfficersPage(db, req); });

  router.Add("POST", "/admin/bodies/{id}/officers", [&db](Request& req) {
    auto post = site::ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<site::Post>(post);
    auto b = meetings::GetBody(db, req.params[0]);
    if (!b.ok()) return site::ErrorResponse(db, req, b.error());
    auto current = GetBodyRecord(db, b->key);
    if (!current.ok()) return site::ErrorResponse(db, req, current.error());
    const auto& f = p.input.fields;
    json::object patch;
    patch["chair"] = OfficerField(f, "chair");
    patch["secretary"] = OfficerField(f, "secretary");
    // Rows left empty are dropped; the order on the page is the order on record.
    json::array vice;
    for (std::size_t i = 0; i < ViceChairRows(*current); ++i)
      if (auto v = OfficerField(f, fmt::format("vice{}", i)); !v.is_null()) vice.push_back(v);
    patch["vice_chairs"] = std::move(vice);
    json::array support;
    for (const auto& k : SupportKeys())
      if (f.Get("support_" + k).value_or("") == "yes") support.push_back(json::string(k));
    patch["supported_by"] = std::move(support);
    // The terms of reference: each language's field given replaces that language (empty removes
    // it); the single field `terms` of language `text_lang` is still taken.
    json::object terms = current->terms_of_reference.is_object()
                             ? current->terms_of_reference.as_object()
                             : json::object{};
    // A browser sends a textarea's lines as CRLF; they are stored one paragraph a "\n" line.
    auto set_terms = [&terms](const std::string& l, std::string typed) {
      std::erase(typed, '\r');
      if (typed.empty()) terms.erase(l); else terms[l] = typed;
    };
    for (const auto& l : text::Languages())
      if (auto v = f.Get("terms_" + l)) set_terms(l, site::Trim(*v));
    std::string path = OfficersPath(*b);
    if (auto v = f.Get("terms")) {
      std::string text_lang = f.Get("text_lang").value_or(req.lang);
      if (!text::IsLanguage(text_lang)) {
        const Error e =
            InvalidArgument("text_lang", "text_lang: must be one of ar, zh, en, fr, ru, es");
        return OfficersPage(db, req, {&e, "", "", &f});
      }
      set_terms(text_lang, site::Trim(*v));
    }
    patch["terms_of_reference"] = std::move(terms);
    if (auto typed_refs = f.Get("references")) {
      auto refs = ReferencesField(*typed_refs);
      if (!refs.ok())
        return OfficersPage(db, req, {&refs.error(), "o-refs", "officers_references", &f});
      patch["references"] = std::move(*refs);
    }
    auto r = UpdateOfficers(db, p.session.user.id, b->key, patch);
    if (!r.ok()) {
      // The input of the refused field ("chair.member_state" → o-chair-ms) and its label.
      const std::string& field = r.error().field;
      std::string input, label_key;
      for (auto [who, prefix] : {std::pair{"chair", "o-chair"}, {"secretary", "o-sec"}}) {
        if (field == std::string(who) + ".member_state")
          input = std::string(prefix) + "-ms", label_key = "proc_member_state_code";
        if (field == std::string(who) + ".name")
          input = std::string(prefix) + "-name", label_key = "field_name";
      }
      if (field.starts_with("references"))
        input = "o-refs", label_key = "officers_references";
      return OfficersPage(db, req, {&r.error(), input, label_key, &f});
    }
    return site::Back(req, path, "officers");
  });

  router.Add("POST", "/admin/meetings/{id}/report", [&db](Request& req) {
    auto post = site::ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<site::Post>(post);
    auto m = meetings::GetMeeting(db, req.params[0]);
    if (!m.ok()) return site::ErrorResponse(db, req, m.error());
    auto b = meetings::GetBody(db, m->body_key);
    if (!b.ok()) return site::ErrorResponse(db, req, b.error());
    const auto& f = p.input.fields;
    std::string distribution = f.Get("distribution").value_or("");
    json::object patch{{"approved", f.Get("approved").value_or("") == "yes"},
                       {"distribution", distribution.empty() ? json::value(nullptr)
                                                             : json::value(distribution)}};
    auto r = UpdateMeetingReport(db, p.session.user.id, std::to_string(m->id), patch);
    std::string path = OfficersPath(*b);
    if (!r.ok()) {
      // The field refused (approved or distribution), named by the form's label.
      const std::string prefix = fmt::format("r-{}-", m->id);
      const bool dist = r.error().field == "distribution";
      const bool box = r.error().field == "approved";
      return site::BackWithError(
          db, req, path, r.error(), dist ? prefix + "dist" : box ? prefix + "approved" : "",
          {.label_key = dist ? "meeting_report_distribution" : box ? "meeting_report_approved" : "",
           .kept = {{prefix + "approved", f.Get("approved").value_or("")}}});
    }
    return site::Back(req, path, "meeting_report");
  });
}

}  // namespace plenary::reports

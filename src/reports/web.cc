// HTML page and JSON API of the Chair's report; the API of body officers and of what became
// of a working-group meeting's report.
#include "reports/web.h"

#include <algorithm>

#include <fmt/format.h>

#include "documents/citation_links.h"
#include "documents/generated.h"
#include "documents/resolutions.h"
#include "meetings/meetings.h"
#include "reports/chair_report.h"
#include "reports/meeting_report.h"
#include "reports/officers.h"
#include "reports/report_out.h"
#include "site/site.h"
#include "site/text_html.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::reports {

namespace json = boost::json;
using http::Request;
using text::T;

namespace {

// A paragraph into the template: its number, its text with citations linked and its language
// (the section's head says once which paragraphs are not in the reader's language).
void FillParagraph(storage::Database& db, const Request& req, const site::Page& page,
                   ctemplate::TemplateDictionary* o, const Paragraph& p) {
  o->SetValue("PNUM", p.number);
  std::string id = p.number;  // "2.5.1" → "para-2-5-1": ids of letters, digits and dashes
  std::replace(id.begin(), id.end(), '.', '-');
  o->SetValue("PID", "para-" + id);
  // In the paragraph's own language: Latin runs are isolated only in right-to-left text.
  // A stored text of another language it names (a consultation's title) in <span lang dir>.
  auto linked = [&](const std::string& t) {
    return documents::LinkCitationsHtml(db, t, p.lang, site::Prefix(req), page.session());
  };
  o->SetValue("TEXT_HTML", p.marked.spans.empty() ? linked(p.text) : p.marked.Html(linked));
  if (p.lang != req.lang) site::SetParagraphLanguage(o->AddSectionDictionary("PLANG"),
                                                     {p.text, p.lang, p.fallback});
  if (!p.items.empty()) {
    auto* s = o->AddSectionDictionary("HAS_ITEMS");
    for (const auto& i : p.items)
      s->AddSectionDictionary("ITEMS")->SetValue(
          "ITEM_HTML", documents::LinkCitationsHtml(db, i, p.lang, site::Prefix(req), page.session()));
  }
}

http::Response ChooseMeetings(storage::Database& db, const Request& req, const meetings::Body& b) {
  site::Page page(db, req, "chair_report.tpl",
                  T(req.lang, "chair_report_title",
                    {{"name", site::Pick(b.name, req.lang).text},
                     {"acronym", text::BodyAcronym(b.key, b.acronym, req.lang)}}));
  auto& d = page.body();
  d.SetValue("BODY_KEY", b.key);
  d.SetValue("BODY_ACRONYM", text::BodyAcronym(b.key, b.acronym, req.lang));
  auto* f = d.AddSectionDictionary("CHOOSE");
  std::vector<int> wg;
  for (const auto& m : meetings::ListMeetings(db, b.id)) {
    if (m.kind != "working_group") continue;
    wg.push_back(m.number);
    auto* o = f->AddSectionDictionary("MEETINGS");
    o->SetIntValue("MNUMBER", m.number);
    site::SetSentence(o, "MLABEL", meetings::Label(m, req.lang), req.lang);
    o->SetValue("MDATE", text::FormatDateRange(m.starts_on, m.ends_on, req.lang));
  }
  // Suggest the two latest meetings (a Chair reports to each annual session on about two).
  std::sort(wg.begin(), wg.end());
  std::string suggestion;
  for (std::size_t i = wg.size() > 2 ? wg.size() - 2 : 0; i < wg.size(); ++i)
    suggestion += (suggestion.empty() ? "" : ",") + std::to_string(wg[i]);
  f->SetValue("SUGGESTION", suggestion);
  return page.Render();
}

}  // namespace

void RegisterRoutes(http::Router& router, storage::Database& db) {
  RegisterDesk(router, db);
  RegisterReportOutput(router, db);
  router.Add("GET", "/bodies/{id}/chair-report", [&db](Request& req) {
    auto b = meetings::GetBody(db, req.params[0]);
    if (!b.ok()) return site::ErrorResponse(db, req, b.error());
    auto param = req.query.Get("meetings");
    if (!param) return ChooseMeetings(db, req, *b);
    auto r = BuildChairReport(db, req.params[0], *param, req.lang);
    if (!r.ok()) return site::ErrorResponse(db, req, r.error());
    // Once issued, the page shows the issued text; staff may ask for the live draft (live=1).
    std::vector<int> numbers;
    std::string list;
    for (const auto& m : r->meetings) {
      numbers.push_back(m.number);
      list += (list.empty() ? "" : ",") + std::to_string(m.number);
    }
    const auto viewer = site::CurrentSession(db, req);
    const auto life = documents::LifecycleOf(db, ReportSource(r->body_key, numbers));
    const std::string path = "/bodies/" + r->body_key + "/chair-report";
    if (life.latest && !documents::WantsLiveDraft(req, viewer))
      return documents::IssuedPage(db, req, viewer, life,
                                   {{"/bodies/" + r->body_key,
                                     text::BodyAcronym(r->body_key, r->body_acronym, req.lang)}},
                                   path,
                                   "meetings=" + list);
    site::Page page(db, req, "chair_report.tpl", r->title);
    auto& d = page.body();
    documents::FillLifecycle(db, d, life, req, viewer && accounts::IsStaff(viewer->user.role),
                             path, "meetings=" + list);
    d.SetValue("BODY_KEY", r->body_key);
    d.SetValue("BODY_ACRONYM", text::BodyAcronym(r->body_key, r->body_acronym, req.lang));
    auto* doc = d.AddSectionDictionary("REPORT");
    site::SetSentence(doc, "TITLE", r->title_sentence);
    // The downloads (report_out.h): the same meetings in the page's language.
    doc->SetValue("DL_LANG", req.lang);
    doc->SetValue("DL_MEETINGS", *param);
    doc->SetValue("SUMMARY_HTML", r->summary_sentence.Html([&](const std::string& t) {
      return documents::LinkCitationsHtml(db, t, req.lang, site::Prefix(req), page.session());
    }));
    site::SetSentence(doc, "ACTION", r->action_required, req.lang);
    // No resolution on record: no References heading either.
    if (!r->references.empty()) doc->ShowSection("HAS_REFS");
    for (const auto& ref : r->references)
      doc->AddSectionDictionary("REFS")->SetValue(
          "REF_HTML", documents::LinkCitationsHtml(db, ref, req.lang, site::Prefix(req), page.session()));
    for (const auto& s : r->sections) {
      auto* sd = doc->AddSectionDictionary("SECTIONS");
      sd->SetValue("SNUM", s.number);
      site::SetSentence(sd, "SHEADING", s.heading, req.lang);
      // Untranslated paragraphs are marked once, at the head of the section.
      std::vector<site::Localized> picked;
      for (const auto& p : s.paragraphs) {
        picked.push_back({p.text, p.lang, p.fallback});
        for (const auto& sp : p.sub) picked.push_back({sp.text, sp.lang, sp.fallback});
      }
      if (auto note = site::UntranslatedSectionNote(picked, req.lang); !note.empty())
        sd->SetValueAndShowSection("UNOTE", note, "UNTRANSLATED_NOTE");
      for (const auto& p : s.paragraphs) {
        auto* pd = sd->AddSectionDictionary("PARAS");
        FillParagraph(db, req, page, pd, p);
        for (const auto& sp : p.sub) FillParagraph(db, req, page, pd->AddSectionDictionary("SUBS"), sp);
      }
    }
    if (!r->signature.empty()) {
      auto* sig = doc->AddSectionDictionary("SIGNATURE");
      sig->SetValue("SIGNED", r->signature);
      if (!r->member_state_line.empty())
        sig->AddSectionDictionary("STATE")->SetValue("STATE_LINE", r->member_state_line);
    }
    for (const auto& l : text::Languages()) {
      if (l == req.lang) continue;
      auto* o = d.AddSectionDictionary("OTHER");
      o->SetValue("CODE", l);
      o->SetValue("NAME", T(l, "language_name"));
      o->SetValue("QUERY", *param);
    }
    return page.Render();
  });

  router.Add("GET", "/api/v1/bodies/{id}/chair-report", [&db](Request& req) {
    auto lang = req.query.Get("lang").value_or(req.lang);
    auto r = BuildChairReport(db, req.params[0], req.query.Get("meetings").value_or(""), lang);
    if (!r.ok()) return http::JsonError(r.error());
    return http::Json(ChairReportJson(*r));
  });

  router.Add("GET", "/api/v1/meetings/{id}/report", [&db](Request& req) {
    const std::string& id = req.params[0];
    if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos)
      return http::JsonError(NotFound("meeting " + id + ": no such meeting"));
    auto r = GetMeetingReport(db, std::stoll(id));
    if (!r.ok()) return http::JsonError(r.error());
    return http::Json(MeetingReportJson(*r));
  });

  router.Add("PUT", "/api/v1/meetings/{id}/report", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    auto o = site::ReadJson(req);
    if (!o.ok()) return http::JsonError(o.error());
    auto r = UpdateMeetingReport(db, g.session->user.id, req.params[0], *o);
    if (!r.ok()) return http::JsonError(r.error());
    return http::Json(MeetingReportJson(*r));
  });

  router.Add("GET", "/api/v1/bodies/{id}/officers", [&db](Request& req) {
    auto r = GetBodyRecord(db, req.params[0]);
    if (!r.ok()) return http::JsonError(r.error());
    return http::Json(BodyRecordJson(*r));
  });

  router.Add("PUT", "/api/v1/bodies/{id}/officers", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    auto o = site::ReadJson(req);
    if (!o.ok()) return http::JsonError(o.error());
    auto r = UpdateOfficers(db, g.session->user.id, req.params[0], *o);
    if (!r.ok()) return http::JsonError(r.error());
    return http::Json(BodyRecordJson(*r));
  });
}

}  // namespace plenary::reports

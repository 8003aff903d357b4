// Public pages that combine capabilities: the home page, bodies and meetings with the
// consultations they launched, considered or held; and the citation extraction API.
#include <algorithm>

#include <fmt/format.h>

#include "base/time.h"
#include "consultations/consultations.h"
#include "documents/citation_links.h"
#include "documents/resolutions.h"
#include "meetings/meetings.h"
#include "portal/portal.h"
#include "proceedings/proceedings.h"
#include "site/alternate.h"
#include "site/follow_button.h"
#include "site/site.h"
#include "site/text_html.h"
#include "text/citations.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::portal {

using namespace meetings;

using http::Request;
using text::T;

namespace {
void MeetingRow(ctemplate::TemplateDictionary* o, const std::string& lang, const Meeting& m) {
  o->SetIntValue("MID", m.id);
  site::SetSentence(o, "MLABEL", meetings::Label(m, lang), lang);
  o->SetValue("MDATE", text::FormatDateRange(m.starts_on, m.ends_on, lang));
  o->SetValue("MMODE", T(lang, "mode_" + m.mode));
  o->SetValue("BODY", text::BodyAcronym(m.body_key, m.body_acronym, lang));
}
void RegisterHome(http::Router& router, storage::Database& db) {
  router.Add("GET", "/", [&db](Request& req) {
    const std::string& lang = req.lang;
    site::Page page(db, req, "home.tpl", T(lang, "home_title"));
    site::AddAlternates(page, {{"application/atom+xml", site::Prefix(req) + "/feeds/documents.atom",
                                T(lang, "feed_atom_site")},
                               {"text/calendar", site::Prefix(req) + "/calendar/meetings.ics",
                                T(lang, "calendar_ics_site")}});
    auto& d = page.body();
    bool any = false;
    Instant now = Now();
    Instant until = 0;  // the next opening or closing of a consultation, which changes the list
    auto next = [&until](Instant t) { until = until == 0 ? t : std::min(until, t); };
    for (const auto& c : consultations::List(db)) {
      std::string status = consultations::StatusOf(c, now);
      if (status == "upcoming") next(c.opens_at);
      if (status == "open") next(c.deadline + 1);
      if (status != "open") continue;
      any = true;
      auto* o = d.AddSectionDictionary("OPEN");
      o->SetIntValue("ID", c.id);
      site::SetLocalized(o, "TITLE", c.title, lang);
      o->SetValue("BODY", text::BodyAcronym(c.body_key, c.body_acronym, lang));
      site::SetSentence(
          o, "DEADLINE_LABEL",
          T(lang, "deadline_on", {{"date", text::FormatDateTime(c.deadline, c.timezone, lang)}}), lang);
    }
    if (!any) d.ShowSection("NO_OPEN");
    for (const auto& b : ListBodies(db)) {
      auto* o = d.AddSectionDictionary("BODIES");
      o->SetValue("KEY", b.key);
      site::SetLocalized(o, "NAME", b.name, lang);
      o->SetValue("ACRONYM", text::BodyAcronym(b.key, b.acronym, lang));
      o->SetValue("MEMBERSHIP", T(lang, "membership_" + b.membership));
    }
    page.CacheForAnonymous(until);
    return page.Render();
  });

}

}  // namespace

void RegisterPages(http::Router& router, storage::Database& db, site::Throttles& throttles) {
  RegisterHome(router, db);

  // Citation extraction for any text: document symbols and resolution citations.
  // Public, so bounded four ways: per address (throttle), in input (1 MiB), in output
  // (`citations_max_results`, then "truncated": true) and in extractions running at once,
  // which together bound the memory.
  router.Add("POST", "/api/v1/citations/extract", [&throttles](Request& req) {
    if (auto t = throttles.Citations(req.remote_ip); !t.ok()) return http::JsonError(t.error());
    auto in = site::ReadInput(req);
    if (!in.ok()) return http::JsonError(in.error());
    std::string text;
    if (in->json) {
      auto t = site::JsonString(*in->json, "text");
      if (!t.ok()) return http::JsonError(t.error());
      text = *t;
    } else {
      text = in->fields.Get("text").value_or("");
    }
    if (text.size() > 1 << 20)
      return http::JsonError({Code::kTooLarge, "text: at most 1 MiB", "text"});
    auto slot = throttles.CitationSlot();
    if (!slot.ok()) return http::JsonError(slot.error());
    bool truncated = false;
    boost::json::array items;
    for (const auto& c :
         text::ExtractCitations(text, throttles.citations_max_results(), &truncated))
      items.push_back({{"begin", c.begin}, {"end", c.end}, {"kind", c.kind},
                       {"instrument", c.instrument}, {"number", c.number}, {"place", c.place},
                       {"year", c.year}, {"revised", c.revised}, {"symbol", c.symbol},
                       {"text", c.text}});
    return http::Json(boost::json::object{{"items", items}, {"truncated", truncated}});
  });
  router.Add("GET", "/bodies", [&db](Request& req) {
    site::Page page(db, req, "bodies.tpl", T(req.lang, "nav_bodies"));
    for (const auto& b : ListBodies(db)) {
      auto* o = page.body().AddSectionDictionary("BODIES");
      o->SetValue("KEY", b.key);
      site::SetLocalized(o, "NAME", b.name, req.lang);
      o->SetValue("ACRONYM", text::BodyAcronym(b.key, b.acronym, req.lang));
      o->SetValue("MEMBERSHIP", T(req.lang, "membership_" + b.membership));
      site::SetLocalized(o, "DESCRIPTION", b.description, req.lang);
    }
    return page.Render();
  });

  router.Add("GET", "/bodies/{id}", [&db](Request& req) {
    auto b = GetBody(db, req.params[0]);
    if (!b.ok()) return site::ErrorResponse(db, req, b.error());
    const std::string& lang = req.lang;
    site::Page page(db, req, "body.tpl", site::Pick(b->name, lang).text);
    site::AddAlternates(
        page, {{"application/atom+xml", site::Prefix(req) + "/feeds/bodies/" + b->key + ".atom",
                T(lang, "feed_atom_body", {{"body", text::BodyAcronym(b->key, b->acronym, lang)}})},
               {"text/calendar", site::Prefix(req) + "/calendar/bodies/" + b->key + ".ics",
                T(lang, "calendar_ics_body", {{"body", text::BodyAcronym(b->key, b->acronym, lang)}})}});
    site::AddFollowButton(page, db, req, "body", b->id, "/bodies/" + b->key);
    auto& d = page.body();
    site::SetLocalized(&d, "NAME", b->name, lang);
    d.SetValue("ACRONYM", text::BodyAcronym(b->key, b->acronym, lang));
    d.SetValue("MEMBERSHIP", T(lang, "membership_" + b->membership));
    if (b->open_consultations) d.ShowSection("OPEN_CONSULTATIONS");
    site::SetLocalized(&d, "DESCRIPTION", b->description, lang);
    bool working_group = false;
    for (const auto& m : ListMeetings(db, b->id)) {
      MeetingRow(d.AddSectionDictionary("MEETINGS"), lang, m);
      working_group = working_group || m.kind == "working_group";
    }
    // The Chair's report (reports/) is generated from the working group's meetings.
    if (working_group) d.AddSectionDictionary("CHAIR_REPORT")->SetValue("KEY", b->key);
    for (const auto& c : consultations::List(db, b->id)) {
      auto* o = d.AddSectionDictionary("CONSULTATIONS");
      o->SetIntValue("ID", c.id);
      site::SetLocalized(o, "TITLE", c.title, lang);
      std::string st = consultations::StatusOf(c, Now());
      o->SetValue("STATUS", st);
      o->SetValue("STATUS_LABEL", T(lang, "status_" + st));
    }
    return page.Render();
  });

  router.Add("GET", "/meetings", [&db](Request& req) {
    site::Page page(db, req, "meetings.tpl", T(req.lang, "nav_meetings"));
    const std::string& lang = req.lang;
    site::AddAlternates(page, {{"application/atom+xml", site::Prefix(req) + "/feeds/documents.atom",
                                T(lang, "feed_atom_site")},
                               {"text/calendar", site::Prefix(req) + "/calendar/meetings.ics",
                                T(lang, "calendar_ics_site")}});
    for (const auto& m : ListMeetings(db, std::nullopt))
      MeetingRow(page.body().AddSectionDictionary("MEETINGS"), req.lang, m);
    return page.Render();
  });

  router.Add("GET", "/meetings/{id}", [&db](Request& req) {
    auto m = GetMeeting(db, req.params[0]);
    if (!m.ok()) return site::ErrorResponse(db, req, m.error());
    const std::string& lang = req.lang;
    site::Page page(db, req, "meeting.tpl", meetings::Label(*m, lang));
    site::AddAlternates(
        page, {{"text/calendar",
                site::Prefix(req) + "/calendar/meetings/" + std::to_string(m->id) + ".ics",
                T(lang, "calendar_ics_meeting")}});
    site::AddFollowButton(page, db, req, "meeting", m->id, "/meetings/" + std::to_string(m->id));
    auto& d = page.body();
    MeetingRow(&d, lang, *m);
    d.SetValue("BODY_KEY", m->body_key);
    d.SetValue("BODY_ACRONYM", text::BodyAcronym(m->body_key, m->body_acronym, lang));
    if (proceedings::HasAgenda(db, m->id)) d.ShowSection("HAS_AGENDA");
    if (!m->starts_at.empty()) {
      auto* t = d.AddSectionDictionary("HAS_TIME");
      t->SetValue("STARTS_AT", m->starts_at);
      t->SetValue("TIMEZONE_HTML", site::TextHtml(m->timezone, lang));
    }
    if (!site::Pick(m->place, lang).text.empty())
      site::SetLocalized(d.AddSectionDictionary("HAS_PLACE"), "PLACE", m->place, lang);
    if (m->kind == "open_consultation") {
      auto* o = d.AddSectionDictionary("OCM");
      o->SetIntValue("REGISTERED", m->registered);
      o->SetIntValue("ATTENDED", m->attended);
    }
    if (!m->contributions.empty()) {
      auto* s = d.AddSectionDictionary("HAS_CONTRIBUTIONS");
      s->SetValue("CONTRIBUTIONS_LABEL",
                  T(lang, "contributions_received",
                    {{"n", static_cast<std::int64_t>(m->contributions.size())}}));
      for (const auto& c : m->contributions) {
        auto* o = s->AddSectionDictionary("CONTRIBUTIONS");
        o->SetValue("SYMBOL", c.symbol);
        site::SetLocalized(o, "CTITLE", c.title, lang);
        site::SetLocalized(o, "SOURCE", c.source, lang);
      }
    }
    if (!m->actions.empty()) {
      auto* s = d.AddSectionDictionary("HAS_ACTIONS");
      for (const auto& a : m->actions) {
        auto* o = s->AddSectionDictionary("ACTIONS");
        o->SetValue("NUMBER", a.number);
        site::SetLocalized(o, "TEXT", a.text, lang, [&](const site::Localized& l) {
          return documents::LinkCitationsHtml(db, l.text, l.lang, site::Prefix(req),
                                              page.session());
        });
        site::SetLocalized(o, "OWNER", a.owner, lang);
        if (!a.consultation_key.empty())
          o->AddSectionDictionary("CONSULTATION")->SetValue("CKEY", a.consultation_key);
      }
    }
    for (const auto& c : consultations::List(db, m->body_id)) {
      std::string relation;
      if (c.launched_at_meeting_id == m->id) relation = T(lang, "relation_launched");
      else if (c.considered_at_meeting_id == m->id) relation = T(lang, "relation_considered");
      else if (c.meeting_id == m->id) relation = T(lang, "relation_meeting");
      else continue;
      auto* o = d.AddSectionDictionary("CONSULTATIONS");
      o->SetIntValue("ID", c.id);
      site::SetLocalized(o, "TITLE", c.title, lang);
      o->SetValue("RELATION", relation);
    }
    return page.Render();
  });
}

}  // namespace plenary::portal

// The secretariat's "translations needed" page (GET /admin/translations): for every multilingual
// text, which of the six languages are missing (no text) and which are drafts
// (site/text_states.h). It covers the titles, descriptions and questions of consultations, the
// titles and language files of documents, the summaries of consultations, the titles and places
// of meetings, the names and descriptions of bodies, and what the capabilities
// above the desk hand it (desk::SetTranslationSources): agenda items, record paragraphs,
// decisions, actions, negotiated texts. Each row links to the page where its texts are edited:
// for most, the six-language form of site/text_edit.h, where each language's state is set.
#include <fmt/format.h>

#include "consultations/consultations.h"
#include "desk/desk.h"
#include "documents/documents.h"
#include "meetings/desk.h"
#include "meetings/meetings.h"
#include "site/site.h"
#include "site/desk.h"
#include "site/text_edit.h"
#include "site/text_html.h"
#include "site/text_states.h"
#include "text/messages.h"

namespace plenary::desk {

namespace json = boost::json;
using ctemplate::TemplateDictionary;
using http::Request;
using text::T;

namespace {

std::vector<site::TranslationSource>& Sources() {
  static std::vector<site::TranslationSource> sources;
  return sources;
}

std::set<std::string> DraftsOf(const site::Drafts& drafts, const std::string& field) {
  auto it = drafts.find(field);
  return it == drafts.end() ? std::set<std::string>() : it->second;
}

// One row: per language, the texts missing and the texts that are drafts. A text written in no
// language is not a translation to make. Returns whether the row is shown.
// The group's heading is added with its first row: a heading without rows is not shown.
bool Row(TemplateDictionary& d, TemplateDictionary*& group, const std::string& heading,
         const site::TranslationRecord& r, const std::string& lang) {
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> by_lang;
  bool any = false;
  for (const auto& code : text::Languages()) {
    std::vector<std::string> missing, drafts;
    for (const auto& t : r.texts) {
      bool written = false;
      for (const auto& l : text::Languages())
        written |= site::StateOf(t.text, t.drafts, l) != "missing";
      if (!written) continue;
      const std::string state = site::StateOf(t.text, t.drafts, code);
      if (state == "missing") missing.push_back(t.label);
      if (state == "draft") drafts.push_back(t.label);
    }
    any |= !missing.empty() || !drafts.empty();
    by_lang.push_back({std::move(missing), std::move(drafts)});
  }
  if (!any) return false;
  if (!group) {
    group = d.AddSectionDictionary("GROUP");
    group->SetValue("HEADING", heading);
  }
  auto* row = group->AddSectionDictionary("ROW");
  // A row named by its first text (a consultation's or a negotiated text's title), shown in
  // another language than the reader's, carries that language.
  site::Localized named{r.label, lang, false};
  if (!r.texts.empty())
    if (auto first = site::Pick(r.texts.front().text, lang);
        first.fallback && !first.text.empty() && r.label.find(first.text) != std::string::npos)
      named = {r.label, first.lang, true};
  site::SetText(row, "LABEL", named, lang);
  row->SetValue("HREF", r.href);
  for (std::size_t i = 0; i < by_lang.size(); ++i) {
    const auto& [missing, drafts] = by_lang[i];
    if (missing.empty() && drafts.empty()) continue;
    auto* l = row->AddSectionDictionary("LANG");
    l->SetValue("LNAME", T(lang, "language_in_" + text::Languages()[i]));
    if (!missing.empty())
      l->SetValueAndShowSection(
          "MISSING_TEXT",
          T(lang, "translations_missing_fields", {{"fields", text::FormatList(missing, lang)}}),
          "MISSING");
    if (!missing.empty() && !drafts.empty()) l->ShowSection("SEP");
    if (!drafts.empty())
      l->SetValueAndShowSection(
          "DRAFT_TEXT",
          T(lang, "translations_draft_fields", {{"fields", text::FormatList(drafts, lang)}}),
          "DRAFT");
  }
  return true;
}

// A heading and its rows; nothing when none of its records lacks a language.
int Group(TemplateDictionary& d, const site::TranslationGroup& g, const std::string& lang) {
  TemplateDictionary* group = nullptr;
  int rows = 0;
  for (const auto& r : g.records) rows += Row(d, group, g.heading, r, lang);
  return rows;
}

}  // namespace

void SetTranslationSources(std::vector<site::TranslationSource> sources) {
  Sources() = std::move(sources);
}

void RegisterTranslations(http::Router& router, storage::Database& db) {
  site::RegisterTextEditForm(router, db);
  router.Add("GET", "/admin/translations", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, false);
    if (g.refusal) return *g.refusal;
    const std::string& lang = req.lang;
    site::Page page(db, req, "admin_translations.tpl", T(lang, "translations_title"));
    auto& d = page.body();
    site::ShowFlash(db, req, d);
    const std::string title = T(lang, "field_title"), description = T(lang, "field_description");

    site::TranslationGroup cs{T(lang, "nav_consultations"), {}};
    for (const auto& c : consultations::List(db)) {
      site::TranslationRecord r{site::Pick(c.title, lang).text,
                                fmt::format("/admin/consultations/{}/edit", c.id), {}};
      r.texts.push_back({title, c.title, DraftsOf(c.drafts, "title")});
      r.texts.push_back({description, c.description, DraftsOf(c.drafts, "description")});
      for (const auto& q : c.questions)
        r.texts.push_back({T(lang, "form_error_answer", {{"number", std::to_string(q.number)}}),
                           q.text, DraftsOf(c.drafts, fmt::format("questions.{}", q.number))});
      cs.records.push_back(std::move(r));
      // The participants' summary, once written in some language, in its own six-language form.
      cs.records.push_back({site::Pick(c.title, lang).text + " · " + T(lang, "field_summary"),
                            site::TextFormPath("consultation", c.id),
                            {{T(lang, "field_summary"), c.summary, DraftsOf(c.drafts, "summary")}}});
    }

    site::TranslationGroup ds{T(lang, "nav_documents"), {}};
    const auto doc_drafts = site::AllDrafts(db.Read(), "document");
    auto docs = documents::List(db, {}, g.session);
    if (docs.ok())
      for (const auto& doc : *docs) {
        site::TranslationRecord r{doc.symbol, site::TextFormPath("document", doc.id), {}};
        r.texts.push_back({title, doc.title, site::DraftLanguages(doc_drafts, doc.id, "title")});
        // The files: a document with a file in some language lacks the others'.
        json::object files;
        for (const auto& f : doc.files) files[f.language] = "1";
        r.texts.push_back({T(lang, "translations_file"), files, {}});
        ds.records.push_back(std::move(r));
      }

    site::TranslationGroup ms{T(lang, "nav_meetings"), {}};
    const auto meeting_drafts = site::AllDrafts(db.Read(), "meeting");
    for (const auto& m : meetings::ListMeetings(db, std::nullopt))
      ms.records.push_back({meetings::MeetingLabel(lang, m), site::TextFormPath("meeting", m.id),
                            {{title, m.title, site::DraftLanguages(meeting_drafts, m.id, "title")},
                             {T(lang, "field_place"), m.place,
                              site::DraftLanguages(meeting_drafts, m.id, "place")}}});

    site::TranslationGroup bs{T(lang, "nav_bodies"), {}};
    const auto body_drafts = site::AllDrafts(db.Read(), "body");
    const std::string name = T(lang, "field_body_name");
    for (const auto& b : meetings::ListBodies(db))
      bs.records.push_back({b.acronym, site::TextFormPath("body", b.id),
                            {{name, b.name, site::DraftLanguages(body_drafts, b.id, "name")},
                             {description, b.description,
                              site::DraftLanguages(body_drafts, b.id, "description")}}});

    int rows = Group(d, cs, lang) + Group(d, ds, lang) + Group(d, ms, lang) + Group(d, bs, lang);
    for (const auto& source : Sources())
      for (const auto& group : source(db, lang, g.session)) rows += Group(d, group, lang);
    d.SetValue("COUNT", T(lang, "translations_count", {{"n", static_cast<std::int64_t>(rows)}}));
    return page.Render();
  });
}

}  // namespace plenary::desk

// The secretariat's "translations needed" page (GET /admin/translations): which texts lack which
// of the six languages. A start: it covers the titles, descriptions and questions of
// consultations, the titles of documents and their files, and the titles of meetings; the page
// says so, and what it does not cover yet (record paragraphs, decisions, agenda items, actions,
// negotiated texts), so that an empty list is not read as "everything is translated".
#include <fmt/format.h>

#include "consultations/consultations.h"
#include "desk/desk.h"
#include "documents/documents.h"
#include "meetings/desk.h"
#include "meetings/meetings.h"
#include "site/site.h"
#include "text/messages.h"

namespace plenary::desk {

namespace json = boost::json;
using ctemplate::TemplateDictionary;
using http::Request;
using text::T;

namespace {

bool Has(const json::value& v, const std::string& lang) {
  if (!v.is_object()) return false;
  auto* t = v.as_object().if_contains(lang);
  return t && t->is_string() && !t->as_string().empty();
}
bool Empty(const json::value& v) {
  return !v.is_object() || v.as_object().empty();
}

// What one item lacks: per language, the names of the fields without that language's text.
struct Lacks {
  std::vector<std::pair<std::string, std::vector<std::string>>> by_lang;  // in UN order
  void Add(const std::string& lang, const std::string& field) {
    for (auto& [l, fields] : by_lang)
      if (l == lang) return fields.push_back(field);
    by_lang.push_back({lang, {field}});
  }
};

// Adds to `lacks` the languages `v` lacks, as field `field` (a multilingual text that exists in
// at least one language; a text written in none is not a translation to make).
void Check(Lacks& lacks, const json::value& v, const std::string& field) {
  if (Empty(v)) return;
  for (const auto& l : text::Languages())
    if (!Has(v, l)) lacks.Add(l, field);
}

void Row(TemplateDictionary* section, const std::string& label, const std::string& href,
         const Lacks& lacks, const std::string& lang) {
  if (lacks.by_lang.empty()) return;
  auto* r = section->AddSectionDictionary("ROW");
  r->SetValue("LABEL", label);
  r->SetValue("HREF", href);
  for (const auto& code : text::Languages())
    for (const auto& [l, fields] : lacks.by_lang) {
      if (l != code) continue;
      auto* m = r->AddSectionDictionary("MISSING");
      m->SetValue("LNAME", T(lang, "language_in_" + l));
      m->SetValue("FIELDS", text::FormatList(fields, lang));
    }
}

}  // namespace

void RegisterTranslations(http::Router& router, storage::Database& db) {
  router.Add("GET", "/admin/translations", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, false);
    if (g.refusal) return *g.refusal;
    const std::string& lang = req.lang;
    site::Page page(db, req, "admin_translations.tpl", T(lang, "translations_title"));
    auto& d = page.body();
    const std::string title = T(lang, "field_title"), description = T(lang, "field_description");
    int rows = 0;

    auto* cs = d.AddSectionDictionary("CONSULTATIONS");
    for (const auto& c : consultations::List(db)) {
      Lacks lacks;
      Check(lacks, c.title, title);
      Check(lacks, c.description, description);
      for (const auto& q : c.questions)
        Check(lacks, q.text, T(lang, "form_error_answer", {{"number", std::to_string(q.number)}}));
      Row(cs, site::Pick(c.title, lang).text, fmt::format("/admin/consultations/{}/edit", c.id),
          lacks, lang);
      rows += !lacks.by_lang.empty();
    }

    auto* ds = d.AddSectionDictionary("DOCUMENTS");
    auto docs = documents::List(db, {}, g.session);
    if (docs.ok())
      for (const auto& doc : *docs) {
        Lacks lacks;
        Check(lacks, doc.title, title);
        // The files: a document with a file in some language lacks the others'.
        if (!doc.files.empty())
          for (const auto& l : text::Languages()) {
            bool found = false;
            for (const auto& f : doc.files) found |= f.language == l;
            if (!found) lacks.Add(l, T(lang, "translations_file"));
          }
        Row(ds, doc.symbol, "/documents/" + doc.symbol, lacks, lang);
        rows += !lacks.by_lang.empty();
      }

    auto* ms = d.AddSectionDictionary("MEETINGS");
    for (const auto& m : meetings::ListMeetings(db, std::nullopt)) {
      Lacks lacks;
      Check(lacks, m.title, title);
      Row(ms, meetings::MeetingLabel(lang, m), fmt::format("/meetings/{}", m.id), lacks, lang);
      rows += !lacks.by_lang.empty();
    }
    d.SetValue("COUNT", T(lang, "translations_count", {{"n", static_cast<std::int64_t>(rows)}}));
    return page.Render();
  });
}

}  // namespace plenary::desk

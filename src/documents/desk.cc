// The secretariat's documents desk: registering a document (an original, a revision, a
// corrigendum or an addendum; /admin/documents, the same use case as POST /api/v1/documents)
// and the page of citations that resolve to no known resolution or document (/admin/citations).
#include <tuple>

#include <fmt/format.h>

#include "base/parse.h"

#include "documents/documents.h"
#include "documents/resolutions.h"
#include "documents/web.h"
#include "meetings/meetings.h"
#include "site/desk.h"
#include "site/fields.h"
#include "site/refusals.h"
#include "site/site.h"
#include "site/form_states.h"
#include "text/messages.h"

namespace plenary::documents {

namespace json = boost::json;
using ctemplate::TemplateDictionary;
using http::Request;
using text::T;

namespace {

// The input of the document form that a refused field concerns, and the catalogue key of the
// label the form shows for it (the field's own label where the form's says more).
std::pair<std::string, std::string> DocumentInputOf(const std::string& field,
                                                    const std::string& lang) {
  const std::string base = field.substr(0, field.find_first_of(".["));
  if (base == "symbol") return {"d-symbol", "col_symbol"};
  if (base == "body") return {"d-body", "col_body"};
  if (base == "date") return {"d-date", "col_date"};
  if (base == "title") {
    const auto dot = field.find('.');
    const std::string l = dot == std::string::npos ? lang : field.substr(dot + 1);
    return {"d-title-" + (text::IsLanguage(l) ? l : lang), "doc_col_title"};
  }
  if (base == "source_kind") return {"d-source-kind", "doc_source_kind"};
  if (base == "source") return {"d-source", "doc_source"};
  if (base == "relations" || base == "relation") return {"d-relation-symbol", "doc_relation_symbol"};
  if (base == "access") return {"d-access", "doc_access"};
  if (base == "status") return {"d-status", "col_status"};
  return {"", ""};
}

// The input of the resolution form that a refused field concerns, and the catalogue key of its
// label: the form's own fields (res_*) and the use case's (revisions.1 is the adoption,
// revisions.2 the last revision when one is given).
std::pair<std::string, std::string> ResolutionInputOf(const std::string& field,
                                                      const std::string& lang) {
  const std::string base = field.substr(0, field.find_first_of(".["));
  if (base == "res_instrument" || base == "instrument") return {"r-instrument", "res_adopted_by"};
  if (base == "res_number" || base == "number") return {"r-number", "res_number"};
  if (base == "title") {
    const auto dot = field.find('.');
    const std::string l = dot == std::string::npos ? lang : field.substr(dot + 1);
    return {"r-title-" + (text::IsLanguage(l) ? l : lang), "doc_col_title"};
  }
  if (base == "res_adopted_year" || field == "revisions.1.year") return {"r-adopted-year", "res_year"};
  if (base == "res_revised_year" || field == "revisions.2.year") return {"r-revised-year", "res_year"};
  if (field.starts_with("revisions.1.place")) return {"r-adopted-place", "res_place"};
  if (field.starts_with("revisions.2.place")) return {"r-revised-place", "res_place"};
  return {"", ""};
}

// The registration form, empty or with what was typed and the reason it was refused.
// `which` says which form was refused ("document" or "resolution"): the document form's refusal
// is shown in the summary at the top and next to its field (site/refusals.h); the resolution
// form's above that form.
http::Response RegisterPage(storage::Database& db, const Request& req, const http::Form* typed,
                            const Error* refusal, int status,
                            const std::string& which = "document") {
  const std::string& lang = req.lang;
  site::Page page(db, req, "admin_documents.tpl", T(lang, "doc_register"));
  auto& d = page.body();
  auto value = [&](const std::string& k, const std::string& fallback = "") {
    return typed ? typed->Get(k).value_or(fallback) : fallback;
  };
  site::FormErrors errors(lang);
  // The resolution form: its own summary and messages (section RES).
  auto* res = d.AddSectionDictionary("RES");
  site::FormErrors res_errors(lang);
  if (refusal && which == "resolution") {
    auto [input, label] = ResolutionInputOf(refusal->field, lang);
    res_errors.Add(*refusal, input, label.empty() ? "" : T(lang, label));
    res_errors.Fill(res);
    // Its own summary: the page's other form's summary would otherwise be seen here too.
    res->ShowSection("RES_SUMMARY");
  } else if (refusal) {
    auto [input, label] = DocumentInputOf(refusal->field, lang);
    errors.Add(*refusal, input, label.empty() ? "" : T(lang, label));
    errors.Fill(&d);
  }
  d.SetValue("SYMBOL", value("symbol"));
  d.SetValue("DATE", value("date"));
  d.SetValue("SOURCE", value("source"));
  d.SetValue("RELATION_SYMBOL", value("relation_symbol"));
  std::string body = value("body");
  for (const auto& b : meetings::ListBodies(db)) {
    auto* o = d.AddSectionDictionary("BODIES");
    o->SetValue("K", b.key);
    o->SetValue("L", b.acronym);
    if (b.key == body) o->ShowSection("SEL");
  }
  // Each language's title and summary in one form; the reader's language first.
  std::vector<std::string> order{lang};
  for (const auto& l : text::Languages())
    if (l != lang) order.push_back(l);
  for (const auto& l : order) {
    auto* o = d.AddSectionDictionary("TEXTS");
    o->SetValue("CODE", l);
    o->SetValue("NAME", T(lang, "language_in_" + l));
    o->SetValue("TITLE", value("title_" + l));
    o->SetValue("SUMMARY", value("summary_" + l));
    // The box marking this language's title and summary drafts (their state otherwise final).
    o->SetValue("DRAFT_LABEL",
                T(lang, "text_state_mark_draft", {{"language", T(lang, "language_in_" + l)}}));
    if (!value("texts_draft_" + l).empty()) o->ShowSection("DRAFT");
    if (auto m = errors.MessageFor("d-title-" + l)) o->SetValueAndShowSection("TITLE_MSG", *m, "TITLE_ERR");
  }
  auto options = [&](const char* section, const char* prefix, const auto& keys,
                     const std::string& chosen) {
    for (const char* k : keys) {
      auto* o = d.AddSectionDictionary(section);
      o->SetValue("K", k);
      o->SetValue("L", T(lang, std::string(prefix) + k));
      if (chosen == k) o->ShowSection("SEL");
    }
  };
  options("SOURCE_KINDS", "doc_source_", kSourceKinds, value("source_kind", "secretariat"));
  options("ACCESS", "doc_access_", kAccessLevels, value("access", "public"));
  static constexpr const char* kNewStatuses[] = {"issued", "draft"};
  options("STATUSES", "doc_status_", kNewStatuses, value("status", "issued"));
  static constexpr const char* kRelations[] = {"derived", "none", "revises", "corrects",
                                               "adds_to"};
  options("RELATIONS", "doc_relation_", kRelations, value("relation", "derived"));
  // The resolution form.
  for (const char* k : kInstruments) {
    auto* o = res->AddSectionDictionary("INSTRUMENTS");
    o->SetValue("K", k);
    o->SetValue("L", T(lang, std::string("res_instrument_") + k));
    if (value("res_instrument", "council") == k) o->ShowSection("SEL");
  }
  for (const char* k : {"res_number", "res_adopted_year", "res_adopted_place", "res_revised_year",
                        "res_revised_place"})
    d.SetValue(k, value(k));
  for (const auto& l : order) {
    auto* o = res->AddSectionDictionary("RES_TITLES");
    o->SetValue("CODE", l);
    o->SetValue("NAME", T(lang, "language_in_" + l));
    o->SetValue("TITLE", value("res_title_" + l));
    if (auto m = res_errors.MessageFor("r-title-" + l))
      o->SetValueAndShowSection("TITLE_MSG", *m, "TITLE_ERR");
  }
  return page.Render(status);
}

}  // namespace

void RegisterDesk(http::Router& router, storage::Database& db) {
  router.Add("GET", "/admin/documents", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, false);
    if (g.refusal) return *g.refusal;
    return RegisterPage(db, req, nullptr, nullptr, 200);
  });

  router.Add("POST", "/admin/documents", [&db](Request& req) {
    auto post = site::ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<site::Post>(post);
    const auto& f = p.input.fields;
    DocumentInput in;
    in.symbol = site::Trim(f.Get("symbol").value_or(""));
    in.body = f.Get("body").value_or("");
    in.title = site::TwoLanguages(f, "title");
    in.summary = site::TwoLanguages(f, "summary");
    if (in.summary.as_object().empty()) in.summary = nullptr;
    // One box a language marks its title and summary drafts.
    site::FormStatesWithBox(f, "title", "title", "texts", in.states);
    site::FormStatesWithBox(f, "summary", "summary", "texts", in.states);
    in.date = f.Get("date").value_or("");
    in.source_kind = f.Get("source_kind").value_or("");
    if (auto source = site::Trim(f.Get("source").value_or("")); !source.empty())
      in.source = boost::json::object{{req.lang, source}};
    in.access = f.Get("access").value_or("");
    in.status = f.Get("status").value_or("");
    // "derived": the symbol says (Rev.N revises, Corr.N corrects, Add.N adds to); "none": an
    // original; else the relation to the document the secretariat names.
    std::string relation = f.Get("relation").value_or("derived");
    if (relation == "none") {
      in.relations.emplace();
    } else if (relation != "derived") {
      in.relations.emplace();
      in.relations->push_back({relation, site::Trim(f.Get("relation_symbol").value_or(""))});
    }
    auto created = Create(db, p.session.user.id, in);
    if (!created.ok())
      return RegisterPage(db, req, &f, &created.error(), http::StatusFor(created.error().code));
    return http::Redirect(fmt::format("{}/documents/{}?registered=1", site::Prefix(req),
                                      created->id));
  });

  // A resolution of the registry: the same use case as POST /api/v1/resolutions, in force,
  // with the year and place it was adopted and, when it was revised since, its last revision.
  router.Add("POST", "/admin/resolutions", [&db](Request& req) {
    auto post = site::ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<site::Post>(post);
    const auto& f = p.input.fields;
    auto refuse = [&](const Error& e) {
      return RegisterPage(db, req, &f, &e, http::StatusFor(e.code), "resolution");
    };
    ResolutionInput in;
    in.instrument = f.Get("res_instrument").value_or("");
    auto number = ParseIntField("res_number", f.Get("res_number").value_or(""), 1, 99999);
    if (!number.ok()) return refuse(number.error());
    in.number = static_cast<int>(*number);
    json::object title;
    for (const auto& l : text::Languages())
      if (auto t = site::Trim(f.Get("res_title_" + l).value_or("")); !t.empty()) title[l] = t;
    in.title = std::move(title);
    for (auto [year_field, place_field, revised] :
         {std::tuple{"res_adopted_year", "res_adopted_place", false},
          {"res_revised_year", "res_revised_place", true}}) {
      std::string year = site::Trim(f.Get(year_field).value_or(""));
      std::string place = site::Trim(f.Get(place_field).value_or(""));
      if (revised && year.empty() && place.empty()) continue;  // never revised
      auto y = ParseIntField(year_field, year, 1865, 2200);
      if (!y.ok()) return refuse(y.error());
      RevisionInput r;
      r.year = static_cast<int>(*y);
      if (!place.empty()) r.place = json::object{{"en", place}};
      r.revised = revised;
      in.revisions.push_back(std::move(r));
    }
    auto created = CreateResolution(db, p.session.user.id, in);
    if (!created.ok()) return refuse(created.error());
    return http::Redirect(fmt::format("{}/resolutions/{}/{}", site::Prefix(req),
                                      created->instrument, created->number));
  });

  router.Add("GET", "/admin/citations", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, false);
    if (g.refusal) return *g.refusal;
    site::Page page(db, req, "admin_citations.tpl", T(req.lang, "citations_unresolved"));
    auto& d = page.body();
    auto list = UnresolvedCitations(db);
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
}

}  // namespace plenary::documents

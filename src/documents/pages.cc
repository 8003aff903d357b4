// HTML pages for documents and resolutions, the secretariat's upload form, and file downloads.
#include <limits>
#include <variant>

#include <fmt/format.h>

#include "base/time.h"
#include "documents/web.h"
#include "http/form.h"
#include "site/alternate.h"
#include "site/fields.h"
#include "site/refusals.h"
#include "site/form_states.h"
#include "site/text_html.h"
#include "text/dates.h"
#include "text/messages.h"
#include "text/symbols.h"

namespace plenary::documents {

namespace json = boost::json;
using ctemplate::TemplateDictionary;
using http::Request;
using text::T;

namespace {

// One <option> per key of `keys` in section `section` of `d`, labelled by the catalogue's
// <prefix><key>, the one equal to `selected` selected.
template <std::size_t N>
void AddChoices(ctemplate::TemplateDictionary* d, const char* section, const char* const (&keys)[N],
                const std::string& prefix, const std::string& selected, const std::string& lang) {
  for (const char* k : keys) {
    auto* o = d->AddSectionDictionary(section);
    o->SetValue("K", k);
    o->SetValue("L", T(lang, prefix + k));
    if (selected == k) o->ShowSection("SEL");
  }
}

std::string TypeLabel(const std::string& media_type) {
  if (media_type == "application/pdf") return "PDF";
  if (media_type == "text/plain") return "TXT";
  return "DOCX";
}

std::string SourceText(const Document& d, const std::string& lang) {
  auto s = site::Pick(d.source, lang).text;
  return s.empty() ? T(lang, "doc_source_" + d.source_kind) : s;
}

// A document's source as `{{SOURCE}}` (site::SetText): its own, or without one the kind
// ("Secretariat") in the reader's language. Whether it has its own.
bool SetSource(TemplateDictionary* d, const Document& doc, const std::string& lang) {
  auto source = site::Pick(doc.source, lang);
  const bool own = !source.text.empty();
  site::SetText(d, "SOURCE", own ? source : site::Localized{SourceText(doc, lang), lang, false},
                lang);
  return own;
}

void CitedBySection(TemplateDictionary& d, const std::vector<Citing>& items,
                    const std::string& lang) {
  if (items.empty()) d.ShowSection("NO_CITED_BY");
  for (const auto& c : items) {
    auto* o = d.AddSectionDictionary("CITED_BY");
    o->SetValue("CB_KIND_LABEL", T(lang, "doc_kind_" + c.kind));
    o->SetValue("CB_URL", c.url);
    if (c.kind == "document") {
      // The symbol, then the title.
      site::SetText(o, "CB_LINK", {c.label, lang, false}, lang);
      site::SetLocalized(o->AddSectionDictionary("CB_DETAIL"), "CB_TITLE", c.title, lang);
    } else if (c.kind == "consultation") {
      site::SetLocalized(o, "CB_LINK", c.title, lang);
    } else {
      site::SetText(o, "CB_LINK",
                    {T(lang, c.kind == "action" ? "doc_action_label" : "doc_record_item_label",
                       {{"meeting", meetings::Label(c.meeting, lang)}, {"number", c.label}}),
                     lang, false},
                    lang);
    }
    site::SetLocalized(o, "CB_TEXT", c.texts, lang);
  }
}

void LanguageOptions(TemplateDictionary* d, const std::string& section, const std::string& chosen) {
  for (const auto& l : text::Languages()) {
    auto* o = d->AddSectionDictionary(section);
    o->SetValue("CODE", l);
    o->SetValue("NAME", T(l, "language_name"));
    if (l == chosen) o->ShowSection("SEL");
  }
}

// A refused form of the document page: which ("edit" or "upload"), what was typed, and why.
struct Refused {
  std::string form;
  const http::Form* typed = nullptr;
  Error error;
};

// The input of the refused form that `field` concerns and the catalogue key of its label.
std::pair<std::string, std::string> InputOf(const std::string& form, const std::string& field) {
  const std::string base = field.substr(0, field.find_first_of(".["));
  if (form == "upload")
    return base == "language" ? std::pair{"up-language", "doc_upload_language"}
                              : std::pair{"up-file", "doc_upload_file"};  // the file, the body
  if (base == "title") return {"ed-title", "doc_col_title"};
  if (base == "summary") return {"ed-summary", "doc_summary"};
  if (base == "access") return {"ed-access", "doc_access"};
  if (base == "status") return {"ed-status", "col_status"};
  if (base == "text_lang") return {"ed-lang", "proc_text_lang"};
  if (base == "date") return {"ed-date", "col_date"};
  if (base == "source_kind") return {"ed-source-kind", "doc_source_kind"};
  if (base == "source") return {"ed-source", "doc_source"};
  return {"", ""};
}

http::Response DocumentPage(storage::Database& db, const Request& req, const Document& doc,
                            const Limits& limits, const Refused* refused, int status_code) {
  const std::string& lang = req.lang;
  auto viewer = site::CurrentSession(db, req);
  auto title = site::Pick(doc.title, lang);
  site::Page page(db, req, "document.tpl", doc.symbol + " · " + title.text);
  auto& d = page.body();
  d.SetIntValue("ID", doc.id);
  d.SetValue("SYMBOL", doc.symbol);
  if (auto parsed = text::ParseSymbol(doc.symbol);
      parsed.ok() && (parsed->revision || parsed->addendum || parsed->corrigendum))
    d.SetValueAndShowSection("AMENDS", text::RevisionHeader(*parsed, lang), "HAS_AMENDS");
  site::SetLocalized(&d, "TITLE", doc.title, lang);
  if (doc.illustrative) d.ShowSection("ILLUSTRATIVE");
  if (doc.access != "public")
    d.SetValueAndShowSection("RESTRICTED_NOTE",
                             T(lang, "doc_restricted_note", {{"access", doc.access}}), "RESTRICTED");
  d.SetValue("STATUS", doc.status);
  d.SetValue("STATUS_LABEL", T(lang, "doc_status_" + doc.status));
  d.SetValue("ACCESS_LABEL", T(lang, "doc_access_" + doc.access));
  d.SetValue("DATE", text::FormatDate(doc.date, lang));
  d.SetValue("DATE_ISO", doc.date);
  if (doc.body_id) {
    auto* b = d.AddSectionDictionary("BODY");
    b->SetValue("BODY_KEY", doc.body_key);
    b->SetValue("BODY_ACRONYM", text::BodyAcronym(doc.body_key, doc.body_acronym, lang));
  }
  if (SetSource(&d, doc, lang))  // else SOURCE already is the kind ("Secretariat")
    d.SetValueAndShowSection("SOURCE_KIND_LABEL", T(lang, "doc_source_" + doc.source_kind),
                             "SOURCE_KIND");
  if (!site::Pick(doc.summary, lang).text.empty())
    site::SetLocalized(d.AddSectionDictionary("SUMMARY"), "SUM", doc.summary, lang);
  if (!doc.relations.empty() || !doc.related_by.empty()) {
    auto* rel = d.AddSectionDictionary("RELATIONS");
    for (const auto& r : doc.relations) {
      auto* o = rel->AddSectionDictionary("REL");
      o->SetValue("REL_LABEL", T(lang, "doc_rel_" + r.kind));
      o->SetIntValue("REL_ID", r.id);
      o->SetValue("REL_SYMBOL", r.symbol);
    }
    for (const auto& r : doc.related_by) {
      auto* o = rel->AddSectionDictionary("REL");
      o->SetValue("REL_LABEL", T(lang, "doc_rel_by_" + r.kind));
      o->SetIntValue("REL_ID", r.id);
      o->SetValue("REL_SYMBOL", r.symbol);
    }
  }
  if (doc.files.empty()) d.ShowSection("NO_FILES");
  for (const auto& f : doc.files) {
    auto* o = d.AddSectionDictionary("FILES");
    o->SetValue("FILE_LANG", f.language);
    o->SetValue("FILE_LANG_NAME", T(f.language, "language_name"));
    o->SetValue("FILE_TYPE", TypeLabel(f.media_type));
    o->SetValue("FILE_SIZE", T(lang, "file_size_kb", {{"kb", (f.size + 1023) / 1024}}));
    o->SetValue("FILE_NAME", DownloadName(doc.symbol, f.language, f.media_type));
  }
  if (page.session() && accounts::IsStaff(page.session()->user.role)) {
    // A refused form: the summary at its top and the message next to its field
    // (site/refusals.h), with what was typed.
    site::FormErrors errors(lang);
    if (refused) {
      auto [input, label] = InputOf(refused->form, refused->error.field);
      errors.Add(refused->error, input, label.empty() ? "" : T(lang, label));
    }
    auto typed = [&](const char* form, const std::string& k,
                     const std::string& stored) -> std::string {
      if (refused && refused->typed && refused->form == form)
        return refused->typed->Get(k).value_or("");
      return stored;
    };
    // The secretariat edits the text in the reader's language, the access level and the status.
    auto* e = d.AddSectionDictionary("EDIT");
    if (refused && refused->form == "edit") errors.Fill(e);
    LanguageOptions(e, "ED_LANGUAGES", typed("edit", "text_lang", lang));
    e->SetValue("ED_TITLE", typed("edit", "title",
                                  site::Pick(doc.title, lang).fallback ? "" : site::Pick(doc.title, lang).text));
    e->SetValue("ED_SUMMARY",
                typed("edit", "summary",
                      site::Pick(doc.summary, lang).fallback ? "" : site::Pick(doc.summary, lang).text));
    // Whether the title shown is a draft in the reader's language (a refused form: the box as
    // it was ticked).
    if (refused && refused->form == "edit") {
      if (refused->typed && refused->typed->Get("draft")) e->ShowSection("ED_DRAFT");
    } else if (!site::Pick(doc.title, lang).fallback) {
      const auto drafts = site::DraftsOf(db.Read(), "document", doc.id);
      if (auto t = drafts.find("title"); t != drafts.end() && t->second.count(lang))
        e->ShowSection("ED_DRAFT");
    }
    e->SetValue("ED_SOURCE", typed("edit", "source",
                                   site::Pick(doc.source, lang).fallback ? "" : site::Pick(doc.source, lang).text));
    e->SetValue("ED_DATE", typed("edit", "date", doc.date));
    const std::string source_kind = typed("edit", "source_kind", doc.source_kind);
    AddChoices(e, "ED_SOURCE_KINDS", kSourceKinds, "doc_source_", source_kind, lang);
    const std::string access = typed("edit", "access", doc.access);
    AddChoices(e, "ED_ACCESS", kAccessLevels, "doc_access_", access, lang);
    const std::string status = typed("edit", "status", doc.status);
    AddChoices(e, "ED_STATUS", kStatuses, "doc_status_", status, lang);
    auto* u = d.AddSectionDictionary("UPLOAD");
    if (refused && refused->form == "upload") {
      // A browser never sends a file again: the summary says so.
      errors.AddText(T(lang, "form_error_files_again"));
      errors.Fill(u);
    }
    std::string chosen = typed("upload", "language", req.query.Get("language").value_or(lang));
    LanguageOptions(u, "UP_LANGUAGES", chosen);
    const auto mb = static_cast<std::int64_t>(limits.max_file_bytes >> 20);
    u->SetValue("UPLOAD_HELP", T(lang, "doc_upload_help", {{"mb", mb}}));
    // The server's limit and types, for the check the browser makes before uploading (form.js).
    u->SetIntValue("MAX_FILE_BYTES", static_cast<long>(limits.max_file_bytes));
    u->SetValue("FILE_SIZE_MESSAGE",
                T(lang, "form_error_file_js", {{"name", "{name}"}, {"reason", "large"}, {"mb", mb}}));
    u->SetValue("FILE_TYPE_MESSAGE",
                T(lang, "form_error_file_js", {{"name", "{name}"}, {"reason", "type"}, {"mb", "0"}}));
  }
  if (auto uploaded = req.query.Get("uploaded"); uploaded && text::IsLanguage(*uploaded))
    d.SetValueAndShowSection("DONE",
                             T(lang, "doc_uploaded", {{"language", T(lang, "language_in_" + *uploaded)}}),
                             "HAS_DONE");
  else if (req.query.Get("registered") == "1")
    d.SetValueAndShowSection("DONE", T(lang, "doc_registered"), "HAS_DONE");
  // What it cites, linked when registered (and visible).
  auto cites = Cites(db, doc);
  if (!cites.empty()) {
    auto* section = d.AddSectionDictionary("CITES");
    for (const auto& c : cites) {
      if (c.kind == "resolution" && !IsInstrument(c.instrument)) continue;
      auto* o = section->AddSectionDictionary("CITE");
      o->SetValue("CITE_LABEL", c.kind == "resolution"
                                    ? ResolutionName(lang, c.instrument, c.number)
                                    : c.symbol);
      auto url = c.kind == "resolution" ? ResolutionUrl(db, c) : DocumentUrl(db, c, viewer);
      if (url) o->AddSectionDictionary("CITE_LINK")->SetValue("CITE_URL", *url);
      else o->ShowSection("CITE_PLAIN");
    }
  }
  CitedBySection(d, CitedBy(db, doc, viewer), lang);
  // What an anonymous reader sees of a public document changes only with the database.
  if (!refused) page.CacheForAnonymous();
  return page.Render(status_code);
}

http::Response DocumentsPage(storage::Database& db, const Request& req) {
  const std::string& lang = req.lang;
  site::Page page(db, req, "documents.tpl", T(lang, "doc_documents_title"));
  site::AddAlternates(page, {{"application/atom+xml", site::Prefix(req) + "/feeds/documents.atom",
                              T(lang, "feed_atom_site")}});
  auto& d = page.body();
  std::string body = req.query.Get("body").value_or("");
  std::string q = req.query.Get("q").value_or("");
  d.SetValue("Q", q);
  {
    storage::Stmt s(db.Read(), "SELECT key, acronym FROM bodies ORDER BY acronym");
    while (s.Step()) {
      auto* o = d.AddSectionDictionary("BODIES");
      o->SetValue("KEY", s.Text(0));
      o->SetValue("ACRONYM", text::BodyAcronym(s.Text(0), s.Text(1), lang));
      if (s.Text(0) == body) o->ShowSection("SEL");
    }
  }
  auto docs = List(db, {body, q, std::nullopt}, page.session());
  if (!docs.ok()) {
    d.SetValueAndShowSection("ERROR", site::RefusalText(docs.error(), req.lang), "HAS_ERROR");
    return page.Render(http::StatusFor(docs.error().code));
  }
  if (docs->empty()) d.ShowSection("NONE");
  else d.ShowSection("TABLE");
  for (const auto& doc : *docs) {
    auto* o = d.AddSectionDictionary("ITEMS");
    o->SetIntValue("ID", doc.id);
    o->SetValue("SYMBOL", doc.symbol);
    site::SetLocalized(o, "TITLE", doc.title, lang);
    o->SetValue("DATE", text::FormatDate(doc.date, lang));
    o->SetValue("DATE_ISO", doc.date);
    SetSource(o, doc, lang);
    o->SetValue("STATUS", doc.status);
    o->SetValue("STATUS_LABEL", T(lang, "doc_status_" + doc.status));
    if (doc.access != "public")
      o->SetValueAndShowSection("ACCESS_LABEL", T(lang, "doc_access_" + doc.access), "RESTRICTED");
    for (const auto& f : doc.files) {
      auto* l = o->AddSectionDictionary("LANGS");
      l->SetIntValue("ID", doc.id);
      l->SetValue("FILE_LANG", f.language);
      l->SetValue("FILE_LANG_NAME", T(f.language, "language_name"));
    }
  }
  return page.Render();
}

http::Response ResolutionsPage(storage::Database& db, const Request& req) {
  const std::string& lang = req.lang;
  site::Page page(db, req, "resolutions.tpl", T(lang, "res_title"));
  auto& d = page.body();
  std::string instrument = req.query.Get("instrument").value_or("");
  for (const char* i : kInstruments) {
    auto* o = d.AddSectionDictionary("INSTRUMENTS");
    o->SetValue("KEY", i);
    o->SetValue("LABEL", T(lang, std::string("res_instrument_") + i));
    if (instrument == i) o->ShowSection("SEL");
  }
  auto list = ListResolutions(db, instrument, std::nullopt);
  if (!list.ok()) {
    d.SetValueAndShowSection("ERROR", site::RefusalText(list.error(), req.lang), "HAS_ERROR");
    return page.Render(http::StatusFor(list.error().code));
  }
  if (list->empty()) d.ShowSection("NONE");
  TemplateDictionary* group = nullptr;
  std::string current;
  for (const auto& r : *list) {
    if (!group || r.instrument != current) {
      current = r.instrument;
      group = d.AddSectionDictionary("GROUPS");
      group->SetValue("GROUP_KEY", r.instrument);
      group->SetValue("GROUP_LABEL", T(lang, "res_instrument_" + r.instrument));
    }
    auto* o = group->AddSectionDictionary("ITEMS");
    o->SetValue("INSTRUMENT", r.instrument);
    o->SetIntValue("NUMBER", r.number);
    o->SetValue("NAME", ResolutionName(lang, r.instrument, r.number));
    site::SetLocalized(o, "TITLE", r.title, lang);
    site::SetSentence(o, "VERSION", r.revisions.empty() ? "" : RevisionLabel(lang, r.revisions.back()), lang);
    o->SetValue("STATUS", r.status);
    o->SetValue("STATUS_LABEL", T(lang, "res_status_" + r.status));
  }
  return page.Render();
}

http::Response ResolutionPage(storage::Database& db, const Request& req, const Resolution& r) {
  const std::string& lang = req.lang;
  std::string name = ResolutionName(lang, r.instrument, r.number);
  std::string full = r.revisions.empty()
                         ? name
                         : T(lang, "res_full_name",
                             {{"name", name}, {"version", RevisionLabel(lang, r.revisions.back())}});
  site::Page page(db, req, "resolution.tpl", full);
  auto& d = page.body();
  d.SetValue("INSTRUMENT", r.instrument);
  d.SetIntValue("NUMBER", r.number);
  site::SetSentence(&d, "FULL_NAME", full, lang);
  d.SetValue("INSTRUMENT_LABEL", T(lang, "res_instrument_" + r.instrument));
  site::SetLocalized(&d, "TITLE", r.title, lang);
  d.SetValue("STATUS", r.status);
  d.SetValue("STATUS_LABEL", T(lang, "res_status_" + r.status));
  if (r.status == "merged" && r.merged_into) {
    auto* m = d.AddSectionDictionary("MERGED");
    std::string target = ResolutionName(lang, r.merged_into->instrument, r.merged_into->number);
    m->SetValue("MERGED_SENTENCE",
                T(lang, "res_merged_sentence",
                  {{"target", target}, {"year", std::to_string(r.status_year.value_or(0))}}));
    m->SetValue("MERGED_INSTRUMENT", r.merged_into->instrument);
    m->SetIntValue("MERGED_NUMBER", r.merged_into->number);
  } else if (r.status == "abrogated") {
    d.SetValueAndShowSection(
        "ABROGATED_SENTENCE",
        T(lang, "res_abrogated_sentence", {{"year", std::to_string(r.status_year.value_or(0))}}),
        "ABROGATED");
  }
  for (auto it = r.revisions.rbegin(); it != r.revisions.rend(); ++it)
    site::SetSentence(d.AddSectionDictionary("VERSIONS"), "VERSION", RevisionLabel(lang, *it), lang);
  if (!r.merged_from.empty()) {
    auto* s = d.AddSectionDictionary("MERGED_FROM");
    for (const auto& m : r.merged_from) {
      auto* o = s->AddSectionDictionary("MF");
      o->SetValue("MF_INSTRUMENT", m.instrument);
      o->SetIntValue("MF_NUMBER", m.number);
      o->SetValue("MF_NAME", ResolutionName(lang, m.instrument, m.number));
    }
  }
  CitedBySection(d, ResolutionCitedBy(db, r, site::CurrentSession(db, req)), lang);
  page.CacheForAnonymous();
  return page.Render();
}

http::Response Download(storage::Database& db, const Request& req, const std::string& document,
                        const std::string& language) {
  auto f = GetFile(db, document, language, site::CurrentSession(db, req));
  if (!f.ok()) return site::ErrorResponse(db, req, f.error());
  std::string name = DownloadName(f->symbol, language, f->info.media_type);
  auto r = http::Text(std::move(f->data), f->info.media_type)
               .Header("Content-Disposition", "attachment; filename=\"" + name +
                                                  "\"; filename*=UTF-8''" + http::UrlEncode(name))
               .Header("Content-Security-Policy", "default-src 'none'; sandbox")
               .Header("X-Content-Type-Options", "nosniff");
  // Restricted files must not be kept by shared caches.
  r.Header("Cache-Control", f->access == "public" ? "public, max-age=300" : "private, no-store");
  return r;
}

// A staff form post of a document's page, read once for every form of the page: its input,
// the signed-in staff member and the document.
struct DocumentPost {
  Result<site::Input> in;  // refused when the body cannot be read (a file over the limit)
  accounts::Session session;
  Document doc;
};

// The post to the page of `document`, or the answer refusing it (not signed in, not staff, a
// wrong token, no such document). A body that cannot be read writes nothing, so its CSRF token
// is not asked for: the page says why to a signed-in user, with what could be read of the form
// (RefusedInput), instead of complaining about the token.
std::variant<DocumentPost, http::Response> ReadDocumentPost(storage::Database& db,
                                                            const Request& req,
                                                            const std::string& document,
                                                            const http::MultipartLimits& ml = {}) {
  auto in = site::ReadInput(req, ml);
  auto g = site::RequireStaff(db, req, in.ok(), in.ok() ? in->fields.Get("csrf").value_or("") : "");
  if (g.refusal) return *g.refusal;
  auto doc = Get(db, document, g.session);
  if (!doc.ok()) return site::ErrorResponse(db, req, doc.error());
  return DocumentPost{std::move(in), std::move(*g.session), std::move(*doc)};
}

// The refused form `form` shown again on the document's page: what could be read of its post
// (site::KeptInput: without the file limits, from a body cut at the server's limit too).
http::Response RefusedInput(storage::Database& db, const Request& req, const Document& doc,
                            const Limits& limits, const std::string& form, const Error& e) {
  const site::Input kept = site::KeptInput(req);
  Refused r{form, &kept.fields, e};
  return DocumentPage(db, req, doc, limits, &r, http::StatusFor(e.code));
}

}  // namespace

void RegisterPages(http::Router& router, storage::Database& db, Limits limits) {
  router.Add("GET", "/documents", [&db](Request& req) { return DocumentsPage(db, req); });

  // Downloads before the symbol pages: /documents/{id}/files/{language} is not a symbol.
  router.Add("GET", "/documents/{id}/files/{language}", [&db](Request& req) {
    return Download(db, req, req.params[0], req.params[1]);
  });

  for (const auto& pattern : SymbolPatterns("/documents")) {
    router.Add("GET", pattern, [&db, limits](Request& req) {
      auto doc = Get(db, JoinParams(req.params), site::CurrentSession(db, req));
      if (!doc.ok()) return site::ErrorResponse(db, req, doc.error());
      return DocumentPage(db, req, *doc, limits, nullptr, 200);
    });
    // The secretariat's upload form on the document page.
    router.Add("POST", pattern + "/files", [&db, limits](Request& req) {
      http::MultipartLimits ml;
      ml.max_files = 1;
      ml.max_file_bytes = limits.max_file_bytes;
      auto post = ReadDocumentPost(db, req, JoinParams(req.params), ml);
      if (auto* refusal = std::get_if<http::Response>(&post)) return std::move(*refusal);
      auto& [in, session, doc] = std::get<DocumentPost>(post);
      if (!in.ok()) return RefusedInput(db, req, doc, limits, "upload", in.error());
      FileInput f;
      f.language = in->fields.Get("language").value_or("");
      for (auto& p : in->files) {
        f.filename = p.filename;
        f.data = std::move(p.data);
      }
      auto info = UploadFile(db, session.user.id, std::to_string(doc.id), f, limits);
      if (!info.ok()) {
        Refused r{"upload", &in->fields, info.error()};
        return DocumentPage(db, req, doc, limits, &r, http::StatusFor(info.error().code));
      }
      return http::Redirect(fmt::format("{}/documents/{}?uploaded={}", site::Prefix(req), doc.id,
                                        info->language));
    });
  }

  // The secretariat's edit form: one language's title, summary and source (with a box marking
  // the title and summary typed a draft), the date, the kind of source, access level and status.
  router.Add("POST", "/documents/{id}/edit", [&db, limits](Request& req) {
    auto post = ReadDocumentPost(db, req, req.params[0]);
    if (auto* refusal = std::get_if<http::Response>(&post)) return std::move(*refusal);
    auto& [in, session, doc] = std::get<DocumentPost>(post);
    if (!in.ok()) return RefusedInput(db, req, doc, limits, "edit", in.error());
    const auto& f = in->fields;
    std::string text_lang = f.Get("text_lang").value_or(req.lang);
    if (!text::IsLanguage(text_lang)) {
      Refused r{"edit", &f,
                InvalidArgument("text_lang", "text_lang: must be one of ar, zh, en, fr, ru, es")};
      return DocumentPage(db, req, doc, limits, &r, 400);
    }
    // The other languages' texts stay as they are; an empty summary removes this language's.
    auto merged = [&](const json::value& current, const std::string& typed) {
      json::object o = current.is_object() ? current.as_object() : json::object{};
      if (typed.empty()) o.erase(text_lang); else o[text_lang] = typed;
      return json::value(o);
    };
    DocumentPatch patch;
    patch.title = merged(doc.title, site::Trim(f.Get("title").value_or("")));
    patch.summary = merged(doc.summary, site::Trim(f.Get("summary").value_or("")));
    // The text typed in that language is a draft when its box is ticked, else final.
    site::TypedState(f, "title", "title", text_lang, patch.states);
    site::TypedState(f, "summary", "summary", text_lang, patch.states);
    if (f.Get("source")) patch.source = merged(doc.source, site::Trim(*f.Get("source")));
    patch.date = f.Get("date");
    patch.source_kind = f.Get("source_kind");
    patch.access = f.Get("access");
    patch.status = f.Get("status");
    auto updated = Update(db, session.user.id, std::to_string(doc.id), patch);
    if (!updated.ok()) {
      Refused r{"edit", &f, updated.error()};
      return DocumentPage(db, req, doc, limits, &r, http::StatusFor(updated.error().code));
    }
    return http::Redirect(fmt::format("{}/documents/{}", site::Prefix(req), doc.id));
  });

  router.Add("GET", "/resolutions", [&db](Request& req) { return ResolutionsPage(db, req); });

  router.Add("GET", "/resolutions/{instrument}/{number}", [&db](Request& req) {
    auto r = GetResolution(db, req.params[0], req.params[1]);
    if (!r.ok()) return site::ErrorResponse(db, req, r.error());
    return ResolutionPage(db, req, *r);
  });
}

}  // namespace plenary::documents

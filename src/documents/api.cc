// JSON API for documents and resolutions: /api/v1/documents/..., /api/v1/resolutions/...
#include <charconv>

#include <fmt/format.h>

#include "base/time.h"
#include "documents/internal.h"
#include "documents/issued.h"
#include "documents/texts.h"
#include "documents/web.h"
#include "http/form.h"
#include "render/render.h"
#include "text/messages.h"

namespace plenary::documents {

namespace json = boost::json;
using http::Request;

std::vector<std::string> SymbolPatterns(const std::string& prefix) {
  std::vector<std::string> out;
  std::string p = prefix;
  for (int i = 0; i < kMaxSymbolSegments; ++i) {
    p += "/{p}";
    out.push_back(p);
  }
  return out;
}

std::string JoinParams(const std::vector<std::string>& params) {
  std::string out;
  for (const auto& p : params) {
    if (!out.empty()) out += "/";
    out += p;
  }
  return out;
}

namespace {

json::value Picked(const json::value& v, const std::string& lang) {
  auto l = site::Pick(v, lang);
  return l.text.empty() ? json::value(nullptr) : json::value(l.text);
}

json::object RelationJson(const Relation& r, const std::string& lang) {
  return {{"kind", r.kind},
          {"id", r.id},
          {"symbol", r.symbol},
          {"links",
           {{"self", fmt::format("/api/v1/documents/{}", r.id)},
            {"page", fmt::format("/{}/documents/{}", lang, r.id)}}}};
}

json::object RefJson(const ResolutionRef& r, const std::string& lang) {
  return {{"instrument", r.instrument},
          {"number", r.number},
          {"name", ResolutionName(lang, r.instrument, r.number)},
          {"links",
           {{"self", fmt::format("/api/v1/resolutions/{}/{}", r.instrument, r.number)},
            {"page", fmt::format("/{}/resolutions/{}/{}", lang, r.instrument, r.number)}}}};
}

std::string LangOf(const Request& req) {
  auto l = req.query.Get("lang");
  return l && text::IsLanguage(*l) ? *l : req.lang;
}

http::Response Err(const Error& e) { return http::JsonError(e); }

// A JSON member that may be given as a number or a string ("body": 2 or "council").
std::string IdString(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  if (!v || v->is_null()) return "";
  if (v->is_int64()) return std::to_string(v->as_int64());
  if (v->is_string()) return std::string(v->as_string());
  return "?";  // rejected as unknown by the use case
}

Result<DocumentInput> DocumentFromJson(const json::object& o) {
  DocumentInput in;
  for (auto [k, dst] : {std::pair{"symbol", &in.symbol}, {"date", &in.date},
                        {"source_kind", &in.source_kind}, {"access", &in.access},
                        {"status", &in.status}}) {
    auto v = site::JsonString(o, k);
    if (!v.ok()) return v.error();
    *dst = *v;
  }
  in.body = IdString(o, "body");
  if (in.body == "?") return InvalidArgument("body", "body: must be a body id or key");
  if (auto* v = o.if_contains("title")) in.title = *v;
  if (auto* v = o.if_contains("summary")) in.summary = *v;
  if (auto* v = o.if_contains("source")) in.source = *v;
  auto states = site::ReadStates(o, {"title", "summary"});
  if (!states.ok()) return states.error();
  in.states = std::move(*states);
  if (auto* v = o.if_contains("illustrative"); v && !v->is_null()) {
    if (!v->is_bool()) return InvalidArgument("illustrative", "illustrative: must be true or false");
    in.illustrative = v->as_bool();
  }
  if (auto* v = o.if_contains("relations"); v && !v->is_null()) {
    if (!v->is_array())
      return InvalidArgument("relations", "relations: must be an array of {kind, symbol}");
    in.relations.emplace();
    int i = 0;
    for (const auto& r : v->as_array()) {
      ++i;
      std::string field = fmt::format("relations.{}", i);
      if (!r.is_object())
        return InvalidArgument(field, field + ": must be an object {kind, symbol}");
      RelationInput ri;
      for (auto [k, dst] : {std::pair{"kind", &ri.kind}, {"symbol", &ri.symbol}}) {
        auto* m = r.as_object().if_contains(k);
        if (m && !m->is_string())
          return InvalidArgument(field + "." + k, field + "." + k + ": must be a string");
        if (m) *dst = std::string(m->as_string());
      }
      in.relations->push_back(ri);
    }
  }
  return in;
}

Result<ResolutionRef> RefFromJson(const json::value& v) {
  // {"instrument": "council", "number": 1336} or "council/1336"
  ResolutionRef r;
  if (v.is_object()) {
    const auto& o = v.as_object();
    auto i = site::JsonString(o, "instrument");
    if (!i.ok()) return InvalidArgument("merged_into", "merged_into.instrument: must be a string");
    r.instrument = *i;
    auto* n = o.if_contains("number");
    if (!n || !n->is_int64())
      return InvalidArgument("merged_into", "merged_into.number: must be a whole number");
    r.number = static_cast<int>(n->as_int64());
    return r;
  }
  if (v.is_string()) {
    std::string s(v.as_string());
    auto slash = s.find('/');
    int n = 0;
    if (slash != std::string::npos) {
      auto [p, ec] = std::from_chars(s.data() + slash + 1, s.data() + s.size(), n);
      if (ec == std::errc() && p == s.data() + s.size()) return ResolutionRef{s.substr(0, slash), n};
    }
  }
  return InvalidArgument("merged_into",
                         "merged_into: {\"instrument\", \"number\"} or \"instrument/number\"");
}

Result<ResolutionInput> ResolutionFromJson(const json::object& o) {
  ResolutionInput in;
  auto instrument = site::JsonString(o, "instrument");
  if (!instrument.ok()) return instrument.error();
  in.instrument = *instrument;
  auto* n = o.if_contains("number");
  if (!n || !n->is_int64() || n->as_int64() < 1 || n->as_int64() > 99999)
    return InvalidArgument("number", "number: a whole number from 1 to 99999");
  in.number = static_cast<int>(n->as_int64());
  if (auto* v = o.if_contains("title")) in.title = *v;
  auto status = site::JsonString(o, "status");
  if (!status.ok()) return status.error();
  if (!status->empty()) in.status = *status;
  if (auto* v = o.if_contains("merged_into"); v && !v->is_null()) {
    auto r = RefFromJson(*v);
    if (!r.ok()) return r.error();
    in.merged_into = *r;
  }
  if (auto* v = o.if_contains("status_year"); v && !v->is_null()) {
    if (!v->is_int64()) return InvalidArgument("status_year", "status_year: must be a year");
    in.status_year = static_cast<int>(v->as_int64());
  }
  auto* revs = o.if_contains("revisions");
  if (revs && !revs->is_null()) {
    if (!revs->is_array())
      return InvalidArgument("revisions", "revisions: must be an array of {year, place, revised}");
    int i = 0;
    for (const auto& r : revs->as_array()) {
      ++i;
      std::string field = fmt::format("revisions.{}", i);
      if (!r.is_object())
        return InvalidArgument(field, field + ": must be an object {year, place, revised}");
      const auto& ro = r.as_object();
      RevisionInput ri;
      auto* y = ro.if_contains("year");
      if (!y || !y->is_int64())
        return InvalidArgument(field + ".year", field + ".year: must be a year");
      ri.year = static_cast<int>(y->as_int64());
      if (auto* p = ro.if_contains("place")) ri.place = *p;
      ri.revised = i > 1;  // by default the first is the adoption, the others revisions
      if (auto* rv = ro.if_contains("revised"); rv && !rv->is_null()) {
        if (!rv->is_bool())
          return InvalidArgument(field + ".revised", field + ".revised: must be true or false");
        ri.revised = rv->as_bool();
      }
      in.revisions.push_back(ri);
    }
  }
  return in;
}

}  // namespace

json::array CitingJson(const std::vector<Citing>& items, const std::string& lang) {
  json::array out;
  for (const auto& c : items) {
    json::object o{{"kind", c.kind},
                   {"id", c.id},
                   {"label", c.label},
                   {"title", Picked(c.title, lang)},
                   {"text", Picked(c.texts, lang)},
                   {"texts", c.texts},
                   {"url", "/" + lang + c.url}};
    if (c.kind == "document") o["api"] = fmt::format("/api/v1/documents/{}", c.id);
    if (c.kind == "consultation") o["api"] = fmt::format("/api/v1/consultations/{}", c.id);
    if (c.kind == "action" || c.kind == "agenda_item")
      o["meeting"] = {{"id", c.meeting.id},
                      {"number", c.meeting.number},
                      {"body", c.meeting.body_acronym},
                      {"label", meetings::Label(c.meeting, lang)}};
    out.push_back(std::move(o));
  }
  return out;
}

json::object DocumentJson(const Document& d, const std::string& lang, bool detail) {
  json::array languages;
  for (const auto& f : d.files) languages.push_back(json::value(f.language));
  json::object o{
      {"id", d.id},
      {"symbol", d.symbol},
      {"title", Picked(d.title, lang)},
      {"titles", d.title},
      {"date", d.date},
      {"body", d.body_id ? json::value(json::object{{"id", *d.body_id},
                                                    {"key", d.body_key},
                                                    {"acronym", d.body_acronym}})
                         : json::value(nullptr)},
      {"source_kind", d.source_kind},
      {"source", Picked(d.source, lang)},
      {"sources", d.source},
      {"access", d.access},
      {"status", d.status},
      {"illustrative", d.illustrative},
      {"languages", languages},
      {"links",
       {{"self", fmt::format("/api/v1/documents/{}", d.id)},
        {"page", fmt::format("/{}/documents/{}", lang, d.id)}}},
  };
  if (!detail) return o;
  o["summary"] = Picked(d.summary, lang);
  o["summaries"] = d.summary;
  json::array rel, by, files;
  for (const auto& r : d.relations) rel.push_back(RelationJson(r, lang));
  for (const auto& r : d.related_by) by.push_back(RelationJson(r, lang));
  for (const auto& f : d.files)
    files.push_back({{"language", f.language},
                     {"filename", DownloadName(d.symbol, f.language, f.media_type)},
                     {"media_type", f.media_type},
                     {"size", f.size},
                     {"digest", f.digest},
                     {"uploaded_at", FormatIso(f.uploaded_at)},
                     {"url", fmt::format("/documents/{}/files/{}", d.id, f.language)}});
  o["relations"] = std::move(rel);
  o["related_by"] = std::move(by);
  o["files"] = std::move(files);
  return o;
}

json::object ResolutionJson(const Resolution& r, const std::string& lang, bool detail) {
  json::array revisions, merged_from;
  for (const auto& v : r.revisions)
    revisions.push_back({{"year", v.year},
                         {"place", v.place.empty() ? json::value(nullptr) : json::value(v.place)},
                         {"place_name", Picked(v.place_names, lang)},
                         {"revised", v.revised},
                         {"label", RevisionLabel(lang, v)}});
  for (const auto& m : r.merged_from) merged_from.push_back(RefJson(m, lang));
  json::object o{
      {"id", r.id},
      {"instrument", r.instrument},
      {"number", r.number},
      {"name", ResolutionName(lang, r.instrument, r.number)},
      {"title", Picked(r.title, lang)},
      {"titles", r.title},
      {"status", r.status},
      {"status_year", r.status_year ? json::value(*r.status_year) : json::value(nullptr)},
      {"merged_into", r.merged_into ? json::value(RefJson(*r.merged_into, lang))
                                    : json::value(nullptr)},
      {"merged_from", merged_from},
      {"revisions", revisions},
      {"current", r.revisions.empty() ? json::value(nullptr)
                                      : json::value(RevisionLabel(lang, r.revisions.back()))},
      // The document it was adopted from, when public (the registry is public).
      {"document", r.document_id && r.document_access == "public"
                       ? json::value(r.document_symbol)
                       : json::value(nullptr)},
      {"links",
       {{"self", fmt::format("/api/v1/resolutions/{}/{}", r.instrument, r.number)},
        {"page", fmt::format("/{}/resolutions/{}/{}", lang, r.instrument, r.number)}}},
  };
  (void)detail;
  return o;
}

void RegisterApi(http::Router& router, storage::Database& db, Limits limits) {
  // The title and summary in the six languages with their states, on the desk's form
  // (site/text_edit.h); the API's PATCH below takes `states` too.
  site::RegisterTextOwner(router, db, DocumentTexts(), "");
  // The files of an issued generated document (documents/issued.h), registered before the
  // symbol routes below, whose last segment would take "issued.pdf" as part of a symbol.
  for (const char* format : render::kFormats)
    for (const auto& pattern : SymbolPatterns("/api/v1/documents"))
      router.Add("GET", pattern + "/issued." + format, [&db, format](Request& req) {
        auto d = Get(db, JoinParams(req.params), site::CurrentSession(db, req));
        if (!d.ok()) return Err(d.error());
        std::string lang = req.query.Get("lang").value_or(req.lang);
        if (!text::IsLanguage(lang))
          return Err(InvalidArgument("lang", "lang: must be one of ar, zh, en, fr, ru, es"));
        auto data = Rendition(db, d->id, lang, format);
        if (!data) return Err(NotFound("document " + d->symbol + ": not an issued generated "
                                       "document with a " + format + " file"));
        http::Response r;
        r.content_type = render::MediaType(format);
        r.body = std::move(*data);
        r.Header("Content-Disposition",
                 "attachment; filename=\"" + RenditionName(d->symbol, lang, format) + "\"");
        return r;
      });

  router.Add("GET", "/api/v1/documents", [&db](Request& req) {
    ListQuery q{req.query.Get("body"), req.query.Get("q"), req.query.Get("status")};
    auto docs = List(db, q, site::CurrentSession(db, req));
    if (!docs.ok()) return Err(docs.error());
    json::array items;
    for (const auto& d : *docs) items.push_back(DocumentJson(d, LangOf(req), false));
    return http::Json(json::object{{"items", items}});
  });

  // Upload a language version: /api/v1/documents/{id or symbol}/files.
  auto upload = [&db, limits](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    http::MultipartLimits ml;
    ml.max_files = 1;
    ml.max_file_bytes = limits.max_file_bytes;
    auto in = site::ReadInput(req, ml);
    if (!in.ok()) return Err(in.error());
    if (in->json)
      return Err(InvalidArgument("body", "body: send multipart/form-data with \"file\" and "
                                         "\"language\""));
    FileInput f;
    f.language = in->fields.Get("language").value_or("");
    for (auto& p : in->files) {
      if (p.name != "file")
        return Err(InvalidArgument(p.name, p.name + ": the file goes in the \"file\" field"));
      f.filename = p.filename;
      f.data = std::move(p.data);
    }
    std::string document = JoinParams(req.params);
    auto info = UploadFile(db, g.session->user.id, document, f, limits);
    if (!info.ok()) return Err(info.error());
    auto d = Get(db, document, g.session);
    if (!d.ok()) return Err(d.error());
    auto text = internal::TextOf(db.Read(), d->id, info->language);
    return http::Json(
        json::object{{"language", info->language},
                     {"filename", DownloadName(d->symbol, info->language, info->media_type)},
                     {"media_type", info->media_type},
                     {"size", info->size},
                     {"digest", info->digest},
                     {"url", fmt::format("/documents/{}/files/{}", d->id, info->language)},
                     {"text", {{"pages", text.pages},
                               {"error", text.error ? json::value(*text.error)
                                                    : json::value(nullptr)}}},
                     {"document", DocumentJson(*d, req.lang, true)}},
        201);
  };
  for (const auto& pattern : SymbolPatterns("/api/v1/documents"))
    router.Add("POST", pattern + "/files", upload);

  for (const auto& pattern : SymbolPatterns("/api/v1/documents")) {
    router.Add("GET", pattern, [&db](Request& req) {
      auto viewer = site::CurrentSession(db, req);
      auto d = Get(db, JoinParams(req.params), viewer);
      if (!d.ok()) return Err(d.error());
      std::string lang = LangOf(req);
      json::object o = DocumentJson(*d, lang, true);
      json::array cites;
      for (const auto& c : Cites(db, *d)) {
        auto url = c.kind == "resolution" ? ResolutionUrl(db, c) : DocumentUrl(db, c, viewer);
        json::object x{{"kind", c.kind},
                       {"url", url ? json::value("/" + lang + *url) : json::value(nullptr)}};
        if (c.kind == "resolution") {
          x["instrument"] = c.instrument;
          x["number"] = c.number;
          if (IsInstrument(c.instrument))
            x["name"] = ResolutionName(lang, c.instrument, c.number);
        } else {
          x["symbol"] = c.symbol;
        }
        cites.push_back(std::move(x));
      }
      o["cites"] = std::move(cites);
      o["cited_by"] = CitingJson(CitedBy(db, *d, viewer), lang);
      // An issued generated document answers its snapshot and its files too.
      if (auto issued = IssuedOf(db, d->id)) o["issued"] = IssuedJson(db, *issued);
      o["states"] = TextStatesJson(db, *d);
      return http::Json(o);
    });
  }

  for (const auto& pattern : SymbolPatterns("/api/v1/documents")) {
    router.Add("PATCH", pattern, [&db](Request& req) {
      auto g = site::RequireStaff(db, req, true);
      if (g.refusal) return *g.refusal;
      auto o = site::ReadJson(req);
      if (!o.ok()) return Err(o.error());
      DocumentPatch patch;
      for (auto [k, dst] : {std::pair{"title", &patch.title}, {"summary", &patch.summary},
                            {"source", &patch.source}})
        if (auto* v = o->if_contains(k)) *dst = *v;
      for (auto [k, dst] : {std::pair{"date", &patch.date}, {"source_kind", &patch.source_kind},
                            {"access", &patch.access}, {"status", &patch.status}})
        if (auto* v = o->if_contains(k)) {
          if (!v->is_string()) return Err(InvalidArgument(k, std::string(k) + ": must be a string"));
          *dst = std::string(v->as_string());
        }
      auto states = site::ReadStates(*o, {"title", "summary"});
      if (!states.ok()) return Err(states.error());
      patch.states = std::move(*states);
      for (const auto& [k, v] : *o)
        if (k != "title" && k != "summary" && k != "source" && k != "date" && k != "source_kind" &&
            k != "access" && k != "status" && k != "states")
          return Err(InvalidArgument(std::string(k), std::string(k) +
                                                         ": cannot be changed (a revision is a "
                                                         "new document)"));
      auto d = Update(db, g.session->user.id, JoinParams(req.params), patch);
      if (!d.ok()) return Err(d.error());
      json::object out = DocumentJson(*d, req.lang, true);
      out["states"] = TextStatesJson(db, *d);
      return http::Json(out);
    });
  }

  router.Add("POST", "/api/v1/documents", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    auto in = site::ReadInput(req);
    if (!in.ok()) return Err(in.error());
    if (!in->json) return Err(InvalidArgument("body", "body: send application/json"));
    auto d = DocumentFromJson(*in->json);
    if (!d.ok()) return Err(d.error());
    auto created = Create(db, g.session->user.id, *d);
    if (!created.ok()) return Err(created.error());
    json::object out = DocumentJson(*created, req.lang, true);
    out["states"] = TextStatesJson(db, *created);
    return http::Json(out, 201);
  });

  router.Add("GET", "/api/v1/resolutions", [&db](Request& req) {
    auto list = ListResolutions(db, req.query.Get("instrument"), req.query.Get("status"));
    if (!list.ok()) return Err(list.error());
    json::array items;
    for (const auto& r : *list) items.push_back(ResolutionJson(r, LangOf(req), false));
    return http::Json(json::object{{"items", items}});
  });

  router.Add("GET", "/api/v1/resolutions/{instrument}/{number}", [&db](Request& req) {
    // "102.akn.xml": the resolution as an Akoma Ntoso statement (ResolutionStatement).
    constexpr std::string_view kAkn = ".akn.xml";
    std::string number = req.params[1];
    const bool akn = number.ends_with(kAkn);
    if (akn) number.resize(number.size() - kAkn.size());
    auto r = GetResolution(db, req.params[0], number);
    if (!r.ok()) return Err(r.error());
    if (akn) {
      std::string lang = req.query.Get("lang").value_or(req.lang);
      if (!text::IsLanguage(lang))
        return Err(InvalidArgument("lang", "lang: must be one of ar, zh, en, fr, ru, es"));
      auto xml = render::RenderAkn(ResolutionStatement(*r, lang));
      if (!xml.ok()) return Err(xml.error());
      http::Response out;
      out.content_type = render::kAknType;
      out.body = std::move(*xml);
      out.Header("Content-Disposition",
                 fmt::format("attachment; filename=\"{}-{}-{}.akn.xml\"", r->instrument, r->number,
                             render::LanguageLetter(lang)));
      return out;
    }
    std::string lang = LangOf(req);
    json::object o = ResolutionJson(*r, lang, true);
    o["cited_by"] = CitingJson(ResolutionCitedBy(db, *r, site::CurrentSession(db, req)), lang);
    return http::Json(o);
  });

  router.Add("POST", "/api/v1/resolutions", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    auto in = site::ReadInput(req);
    if (!in.ok()) return Err(in.error());
    if (!in->json) return Err(InvalidArgument("body", "body: send application/json"));
    auto r = ResolutionFromJson(*in->json);
    if (!r.ok()) return Err(r.error());
    auto created = CreateResolution(db, g.session->user.id, *r);
    if (!created.ok()) return Err(created.error());
    return http::Json(ResolutionJson(*created, req.lang, true), 201);
  });
}

void RegisterRoutes(http::Router& router, storage::Database& db, Limits limits) {
  RegisterApi(router, db, limits);
  RegisterPages(router, db, limits);
}

}  // namespace plenary::documents

// JSON API of negotiated texts: texts, provisions, brackets and their resolution, and the three
// views of a text (with brackets, clean, status with the summary record's sentence).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdint>

#include "base/parse.h"
#include "drafting/web.h"
#include "site/fields.h"
#include "site/site.h"
#include "text/messages.h"

namespace plenary::drafting {

namespace json = boost::json;
using http::Request;

namespace {

http::Response Err(const Error& e) { return http::JsonError(e); }

json::array Arr(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

// The guard of every write: signed in (401), allowed to edit (403). Whether the editor may see
// the text is the use case's 404.
site::Guard Editor(storage::Database& db, const Request& req) {
  auto g = site::RequireSignedIn(db, req, true);
  if (!g.refusal && !MayEdit(g.session)) {
    g.refusal = http::JsonError(
        PermissionDenied("only the secretariat or the chair edits negotiated texts"));
    g.session.reset();
  }
  return g;
}

// Members of a JSON body, each checked for its type; absent members leave `dst` unchanged.
Status Str(const json::object& o, const char* k, std::string* dst) {
  auto v = site::JsonString(o, k);
  if (!v.ok()) return v.error();
  *dst = *v;
  return Ok{};
}
Status Int(const json::object& o, const char* k, std::optional<std::int64_t>* dst) {
  if (auto* v = o.if_contains(k); v && !v->is_null()) {
    if (!v->is_int64() && !v->is_uint64())
      return InvalidArgument(k, std::string(k) + ": must be a whole number");
    if (v->is_uint64() && v->as_uint64() > static_cast<std::uint64_t>(INT64_MAX))
      return InvalidArgument(k, std::string(k) + ": too large");
    *dst = v->is_int64() ? v->as_int64() : static_cast<std::int64_t>(v->as_uint64());
  }
  return Ok{};
}
Status Codes(const json::object& o, const char* k, std::vector<std::string>* dst) {
  auto* v = o.if_contains(k);
  if (!v || v->is_null()) return Ok{};
  if (!v->is_array())
    return InvalidArgument(k, std::string(k) + ": must be a list of strings");
  for (const auto& e : v->as_array()) {
    if (!e.is_string()) return InvalidArgument(k, std::string(k) + ": must be a list of strings");
    dst->emplace_back(e.as_string());
  }
  return Ok{};
}

std::optional<std::int64_t> PathId(const Request& req) { return site::ParseId(req.params[0]); }

// The language a view shows: ?lang= (one of the text's), else the reader's when the text has
// it, else the text's first.
Result<std::string> ViewLang(const Text& t, const Request& req) {
  auto has = [&](const std::string& l) {
    return std::find(t.languages.begin(), t.languages.end(), l) != t.languages.end();
  };
  if (auto l = req.query.Get("lang")) {
    if (!has(*l))
      return InvalidArgument("lang", fmt::format("lang: the text is drafted in {} only",
                                                 fmt::format("{}", fmt::join(t.languages, ", "))));
    return *l;
  }
  if (has(req.lang)) return req.lang;
  return t.languages.empty() ? std::string("en") : t.languages.front();
}

std::string Words(const Provision& p, const Bracket& b) {
  if (!p.body.is_object()) return {};
  auto* v = p.body.as_object().if_contains(b.lang);
  if (!v || !v->is_string()) return {};
  std::string s(v->as_string());
  auto from = ByteOffset(s, b.start), to = ByteOffset(s, b.end);
  return s.substr(from, to - from);
}

json::object TextHead(const Text& t, const std::string& lang) {
  return {{"id", t.id},
          {"document", t.document},
          {"agenda_item", t.agenda_item_id},
          {"meeting", t.meeting_id},
          {"title", site::Pick(t.title, lang).text},
          {"titles", t.title},
          {"languages", Arr(t.languages)},
          {"status", t.status},
          {"version", t.version},
          {"access", t.access},
          {"illustrative", t.illustrative},
          {"open_brackets", t.OpenBrackets()}};
}

http::Response VersionConflict(storage::Database& db, const Error& e, std::int64_t provision_id,
                               const accounts::Session& who) {
  auto resp = http::JsonError(e);
  auto text_id = TextOfProvision(db, provision_id);
  if (!text_id.ok()) return resp;
  auto t = Get(db, *text_id, who);
  if (!t.ok()) return resp;
  auto o = json::parse(resp.body).as_object();
  o["version"] = t->version;
  for (const auto& p : t->provisions)
    if (p.id == provision_id) o["current"] = ProvisionJson(p);
  resp.body = json::serialize(o);
  return resp;
}

}  // namespace

json::object BracketJson(const Bracket& b, const Provision& p) {
  return {{"id", b.id},
          {"provision", p.id},
          {"label", p.label},
          {"lang", b.lang},
          {"start", b.start},
          {"end", b.end},
          {"words", Words(p, b)},
          {"kind", b.kind},
          {"alternatives", Arr(b.alternatives)},
          {"proposed_by", b.proposed_by},
          {"supported_by", Arr(b.supported_by)},
          {"objected_by", Arr(b.objected_by)},
          {"note", b.note},
          {"state", b.state}};
}

json::object ProvisionJson(const Provision& p) {
  json::array brackets;
  for (const auto& b : p.brackets) brackets.push_back(BracketJson(b, p));
  return {{"id", p.id},         {"position", p.position}, {"kind", p.kind},
          {"label", p.label},   {"text", p.body},         {"brackets", brackets},
          {"open_brackets", p.OpenBrackets()}};
}

void RegisterApi(http::Router& router, storage::Database& db) {
  router.Add("POST", "/api/v1/texts", [&db](Request& req) {
    auto g = Editor(db, req);
    if (g.refusal) return *g.refusal;
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    TextInput in;
    if (auto s = Str(*o, "document", &in.document); !s.ok()) return Err(s.error());
    if (in.document.empty())
      return Err(InvalidArgument("document", "document: required, a document symbol"));
    std::optional<std::int64_t> item;
    if (auto s = Int(*o, "agenda_item", &item); !s.ok()) return Err(s.error());
    in.agenda_item = item.value_or(0);
    if (auto* v = o->if_contains("title")) in.title = *v;
    if (auto s = Codes(*o, "languages", &in.languages); !s.ok()) return Err(s.error());
    if (o->contains("access")) {
      std::string access;
      if (auto s = Str(*o, "access", &access); !s.ok()) return Err(s.error());
      in.access = access;
    }
    auto t = CreateText(db, *g.session, in);
    if (!t.ok()) return Err(t.error());
    return http::Json(TextHead(*t, req.lang), 201);
  });

  router.Add("GET", "/api/v1/texts", [&db](Request& req) {
    ListQuery q;
    q.document = req.query.Get("document");
    if (auto m = req.query.Get("meeting")) {
      auto id = ParseIntField("meeting", *m, 1, INT64_MAX);
      if (!id.ok()) return Err(id.error());
      q.meeting = *id;
    }
    auto list = List(db, q, site::CurrentSession(db, req));
    if (!list.ok()) return Err(list.error());
    json::array items;
    for (const auto& t : *list)
      items.push_back({{"id", t.id},
                       {"document", t.document},
                       {"title", site::Pick(t.title, req.lang).text},
                       {"status", t.status},
                       {"open_brackets", t.OpenBrackets()}});
    return http::Json(json::object{{"items", items}});
  });

  router.Add("GET", "/api/v1/texts/{id}", [&db](Request& req) {
    auto id = PathId(req);
    if (!id) return Err(NotFound("text " + req.params[0] + ": no such text"));
    auto t = Get(db, *id, site::CurrentSession(db, req));
    if (!t.ok()) return Err(t.error());
    if (auto v = req.query.Get("version")) {
      auto n = ParseIntField("version", *v, 1, INT64_MAX);
      if (!n.ok()) return Err(n.error());
      // Earlier versions are recorded in the history but not rebuilt yet.
      if (*n != t->version)
        return Err(NotFound(fmt::format("text {} version {}: only the current version ({}) can "
                                        "be shown",
                                        t->id, *n, t->version)));
    }
    std::string view = req.query.Get("view").value_or("brackets");
    if (view != "brackets" && view != "clean" && view != "status")
      return Err(InvalidArgument("view", "view: must be brackets, clean or status"));
    auto lang = ViewLang(*t, req);
    if (!lang.ok()) return Err(lang.error());
    json::object o = TextHead(*t, *lang);
    o["view"] = view;
    o["lang"] = *lang;
    json::array provisions;
    for (const auto& p : t->provisions) {
      if (view == "status") {
        provisions.push_back(
            {{"id", p.id}, {"label", p.label}, {"open_brackets", p.OpenBrackets()}});
        continue;
      }
      json::object j = ProvisionJson(p);
      auto* raw = p.body.is_object() ? p.body.as_object().if_contains(*lang) : nullptr;
      j["text"] = view == "clean" ? (raw ? *raw : json::value(""))
                                  : json::value(BracketedText(p, *lang));
      j["texts"] = p.body;
      if (view == "clean") j.erase("brackets");
      provisions.push_back(std::move(j));
    }
    o["provisions"] = std::move(provisions);
    if (view == "status") {
      o["bracketed"] = Arr(t->BracketedLabels());
      o["sentence"] = BracketsSentence(*t, *lang);
      json::object all;
      for (const auto& l : text::Languages()) all[l] = BracketsSentence(*t, l);
      o["sentences"] = std::move(all);
    }
    return http::Json(o);
  });

  router.Add("POST", "/api/v1/texts/{id}/provisions", [&db](Request& req) {
    auto g = Editor(db, req);
    if (g.refusal) return *g.refusal;
    auto id = PathId(req);
    if (!id) return Err(NotFound("text " + req.params[0] + ": no such text"));
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    ProvisionInput in;
    if (auto s = Str(*o, "kind", &in.kind); !s.ok()) return Err(s.error());
    if (in.kind.empty()) in.kind = "paragraph";
    if (auto* v = o->if_contains("text")) in.text = *v;
    std::optional<std::int64_t> pos;
    if (auto s = Int(*o, "position", &pos); !s.ok()) return Err(s.error());
    if (pos) {
      if (*pos < 1 || *pos > static_cast<std::int64_t>(kMaxProvisions))
        return Err(InvalidArgument("position", fmt::format("position: must be 1 to {}",
                                                           kMaxProvisions)));
      in.position = static_cast<int>(*pos);
    }
    if (auto s = Int(*o, "version", &in.version); !s.ok()) return Err(s.error());
    auto p = AddProvision(db, *g.session, *id, in);
    if (!p.ok()) return Err(p.error());
    return http::Json(ProvisionJson(*p), 201);
  });

  router.Add("PATCH", "/api/v1/provisions/{id}", [&db](Request& req) {
    auto g = Editor(db, req);
    if (g.refusal) return *g.refusal;
    auto id = PathId(req);
    if (!id) return Err(NotFound("provision " + req.params[0] + ": no such provision"));
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    ProvisionPatch in;
    if (auto s = Int(*o, "version", &in.version); !s.ok()) return Err(s.error());
    if (auto* v = o->if_contains("text")) in.text = *v;
    if (o->contains("kind")) {
      std::string kind;
      if (auto s = Str(*o, "kind", &kind); !s.ok()) return Err(s.error());
      in.kind = kind;
    }
    auto p = UpdateProvision(db, *g.session, *id, in);
    if (!p.ok()) {
      if (p.error().code == Code::kConflict && p.error().field == "version")
        return VersionConflict(db, p.error(), *id, *g.session);
      return Err(p.error());
    }
    return http::Json(ProvisionJson(*p));
  });

  router.Add("DELETE", "/api/v1/provisions/{id}", [&db](Request& req) {
    auto g = Editor(db, req);
    if (g.refusal) return *g.refusal;
    auto id = PathId(req);
    if (!id) return Err(NotFound("provision " + req.params[0] + ": no such provision"));
    std::optional<std::int64_t> version;
    if (auto v = req.query.Get("version")) {
      auto n = ParseIntField("version", *v, 1, INT64_MAX);
      if (!n.ok()) return Err(n.error());
      version = *n;
    }
    auto s = DeleteProvision(db, *g.session, *id, version);
    if (!s.ok()) return Err(s.error());
    http::Response r;
    r.status = 204;
    r.content_type = "application/json";
    return r;
  });

  router.Add("POST", "/api/v1/provisions/{id}/brackets", [&db](Request& req) {
    auto g = Editor(db, req);
    if (g.refusal) return *g.refusal;
    auto id = PathId(req);
    if (!id) return Err(NotFound("provision " + req.params[0] + ": no such provision"));
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    BracketInput in;
    for (auto [k, dst] : {std::pair{"lang", &in.lang}, {"proposed_by", &in.proposed_by},
                          {"note", &in.note}})
      if (auto s = Str(*o, k, dst); !s.ok()) return Err(s.error());
    for (auto [k, dst] : {std::pair{"start", &in.start}, {"end", &in.end},
                          {"version", &in.version}})
      if (auto s = Int(*o, k, dst); !s.ok()) return Err(s.error());
    for (auto [k, dst] : {std::pair{"alternatives", &in.alternatives},
                          {"supported_by", &in.supported_by}, {"objected_by", &in.objected_by}})
      if (auto s = Codes(*o, k, dst); !s.ok()) return Err(s.error());
    auto b = AddBracket(db, *g.session, *id, in);
    if (!b.ok()) return Err(b.error());
    auto t = Get(db, *TextOfProvision(db, *id), *g.session);
    if (!t.ok()) return Err(t.error());
    for (const auto& p : t->provisions)
      if (p.id == *id) return http::Json(BracketJson(*b, p), 201);
    return Err(NotFound("provision " + req.params[0] + ": no such provision"));
  });

  router.Add("POST", "/api/v1/brackets/{id}/resolve", [&db](Request& req) {
    auto g = Editor(db, req);
    if (g.refusal) return *g.refusal;
    auto id = PathId(req);
    if (!id) return Err(NotFound("bracket " + req.params[0] + ": no such bracket"));
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    ResolveInput in;
    if (auto s = Str(*o, "outcome", &in.outcome); !s.ok()) return Err(s.error());
    if (auto s = Int(*o, "alternative", &in.alternative); !s.ok()) return Err(s.error());
    if (auto s = Int(*o, "version", &in.version); !s.ok()) return Err(s.error());
    auto b = ResolveBracket(db, *g.session, *id, in);
    if (!b.ok()) return Err(b.error());
    auto t = Get(db, *TextOfBracket(db, *id), *g.session);
    if (!t.ok()) return Err(t.error());
    for (const auto& p : t->provisions)
      if (p.id == b->provision_id) {
        json::object j = BracketJson(*b, p);
        j["version"] = t->version;
        j["provision_text"] = p.body;
        return http::Json(j);
      }
    return Err(NotFound("bracket " + req.params[0] + ": no such bracket"));
  });
}

void RegisterRoutes(http::Router& router, storage::Database& db) {
  RegisterApi(router, db);
  RegisterPages(router, db);
}

}  // namespace plenary::drafting

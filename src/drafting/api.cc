// JSON API of negotiated texts: texts, provisions, brackets and their resolution, and the three
// views of a text (with brackets, clean, status with the summary record's sentence).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdint>

#include "base/parse.h"
#include "base/time.h"
#include "drafting/texts.h"
#include "drafting/web.h"
#include "site/fields.h"
#include "site/site.h"
#include "text/countries.h"
#include "text/messages.h"

namespace plenary::drafting {

namespace json = boost::json;
using http::Request;

namespace {

http::Response Err(const Error& e) { return http::JsonError(e); }

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

json::array RevisionsJson(const Text& t) {
  json::array out;
  for (const auto& r : t.revisions)
    out.push_back({{"revision", r.number}, {"version", r.version},
                   {"document", r.document}, {"document_id", r.document_id}});
  return out;
}

json::array InformalJson(const Text& t) {
  json::array out;
  for (const auto& i : t.informal) {
    json::array ids, labels;
    for (auto p : i.provisions) {
      ids.emplace_back(p);
      for (const auto& v : t.provisions)
        if (v.id == p) labels.emplace_back(v.label);
    }
    out.push_back({{"id", i.id},
                   {"provisions", ids},
                   {"labels", labels},
                   {"facilitator", {{"user", i.facilitator_user_id},
                                    {"name", i.facilitator_name},
                                    {"member_state", i.member_state}}},
                   {"report_to_meeting", i.report_to_meeting},
                   {"deadline", i.deadline},
                   {"decision", i.decision_id},
                   {"sent_version", i.sent_version},
                   {"report", i.report_agenda_item
                                  ? json::value(json::object{
                                        {"agenda_item", *i.report_agenda_item},
                                        {"intervention", i.report_intervention
                                                             ? json::value(*i.report_intervention)
                                                             : json::value(nullptr)},
                                        {"version", i.reported_version.value_or(0)},
                                        {"at", FormatIso(i.reported_at)}})
                                  : json::value(nullptr)}});
  }
  return out;
}

// The 201 answer of a write on informal consultation `id`: its entry of `informal`, with the
// text's version.
http::Response InformalCreated(const json::array& informal, std::int64_t id,
                               std::int64_t version) {
  for (const auto& j : informal)
    if (j.as_object().at("id").as_int64() == id) {
      json::object out = j.as_object();
      out["version"] = version;
      return http::Json(out, 201);
    }
  return Err(NotFound("informal consultation: not found"));
}

// The informal consultations of `t` with what each changed ("changes": DiffTexts of their
// provisions since they were sent).
Result<json::array> InformalWithChanges(storage::Database& db, const Text& t,
                                        const documents::Viewer& viewer) {
  json::array out = InformalJson(t);
  for (std::size_t k = 0; k < t.informal.size(); ++k) {
    auto changes = InformalChanges(db, t, t.informal[k], viewer);
    if (!changes.ok()) return changes.error();
    out[k].as_object()["changes"] = std::move(*changes);
  }
  return out;
}

// An optional {"version": N} body (or none at all).
Result<std::optional<std::int64_t>> OptionalVersion(Request& req) {
  std::optional<std::int64_t> version;
  if (req.body.empty()) return version;
  auto o = site::ReadJson(req);
  if (!o.ok()) return o.error();
  if (auto s = Int(*o, "version", &version); !s.ok()) return s.error();
  return version;
}

json::object TextHead(const Text& t, const std::string& lang) {
  return {{"id", t.id},
          {"document", t.document},
          {"agenda_item", t.agenda_item_id},
          {"meeting", t.meeting_id},
          {"title", site::Pick(t.title, lang).text},
          {"titles", t.title},
          {"languages", json::value_from(t.languages)},
          {"status", t.status},
          {"version", t.version},
          {"access", t.access},
          {"illustrative", t.illustrative},
          {"open_brackets", t.OpenBrackets()},
          {"under_discussion",
           t.under_discussion ? json::value(*t.under_discussion) : json::value(nullptr)},
          {"on_screen", OnScreen(t) ? json::value(OnScreen(t)) : json::value(nullptr)},
          {"revisions", RevisionsJson(t)},
          {"informal", InformalJson(t)},
          {"adopted", t.adopted_meeting ? json::value(json::object{
                                              {"meeting", *t.adopted_meeting},
                                              {"decision", *t.adopted_decision},
                                              {"version", *t.adopted_version},
                                              {"resolution",
                                               t.adopted_resolution
                                                   ? json::value(json::object{
                                                         {"instrument",
                                                          t.adopted_resolution->instrument},
                                                         {"number", t.adopted_resolution->number},
                                                         {"name", documents::ResolutionName(
                                                                      lang,
                                                                      t.adopted_resolution->instrument,
                                                                      t.adopted_resolution->number)}})
                                                   : json::value(nullptr)}})
                                        : json::value(nullptr)}};
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
          {"question", b.question},
          {"provision", p.id},
          {"label", p.label},
          {"lang", b.lang},
          {"start", b.start},
          {"end", b.end},
          {"words", Words(p, b)},
          {"kind", b.kind},
          {"alternatives", json::value_from(b.alternatives)},
          {"proposed_by", b.proposed_by},
          {"supported_by", json::value_from(b.supported_by)},
          {"objected_by", json::value_from(b.objected_by)},
          {"note", b.note},
          {"state", b.state}};
}

json::object ProposalJson(const Proposal& p) {
  json::object o{{"id", p.id},
                 {"text", p.text_id},
                 {"provision", p.provision_id},
                 {"label", p.label},
                 {"member_state", p.member_state},
                 {"kind", p.kind},
                 {"lang", p.lang},
                 {"start", p.start ? json::value(*p.start) : json::value(nullptr)},
                 {"end", p.end ? json::value(*p.end) : json::value(nullptr)},
                 {"words", p.words},
                 {"justification", p.justification},
                 {"state", p.state},
                 {"bracket", p.bracket_id ? json::value(*p.bracket_id) : json::value(nullptr)}};
  if (p.kind == "add_provision") o["provision_kind"] = p.provision_kind;
  return o;
}

json::object ProvisionJson(const Provision& p) {
  json::array brackets;
  for (const auto& b : p.brackets) brackets.push_back(BracketJson(b, p));
  return {{"id", p.id},         {"position", p.position}, {"kind", p.kind},
          {"label", p.label},   {"text", p.body},         {"brackets", brackets},
          {"open_brackets", p.OpenBrackets()}};
}

Result<json::object> Diff(storage::Database& db, std::int64_t id, const Request& req,
                          const documents::Viewer& viewer) {
  auto cur = Get(db, id, viewer);
  if (!cur.ok()) return cur.error();
  std::int64_t v[2];
  const char* names[2] = {"from", "to"};
  for (int i = 0; i < 2; ++i) {
    auto q = req.query.Get(names[i]);
    if (!q) return InvalidArgument(names[i], std::string(names[i]) + ": required, a version");
    auto n = ParseIntField(names[i], *q, 1, INT64_MAX);
    if (!n.ok()) return n.error();
    v[i] = *n;
  }
  auto from = GetVersion(db, id, v[0], viewer);
  if (!from.ok()) return from.error();
  auto to = GetVersion(db, id, v[1], viewer);
  if (!to.ok()) return to.error();
  return json::object{{"id", id},
                      {"from", {{"version", v[0]}, {"document", from->document}}},
                      {"to", {{"version", v[1]}, {"document", to->document}}},
                      {"provisions", DiffTexts(*from, *to)}};
}

json::array CompilationJson(const Text& t, const std::string& lang) {
  json::array out;
  for (const auto& p : t.proposals) {
    if (out.empty() || out.back().as_object().at("member_state").as_string() != p.member_state)
      out.push_back({{"member_state", p.member_state},
                     {"name", text::CountryName(p.member_state, lang)},
                     {"proposals", json::array()}});
    out.back().as_object()["proposals"].as_array().push_back(ProposalJson(p));
  }
  return out;
}

void RegisterApi(http::Router& router, storage::Database& db) {
  // A text's title in the six languages with their states (site/text_edit.h).
  site::RegisterTextOwner(router, db, TitleTexts(), "/api/v1/texts/{id}");
  site::RegisterTextOwner(router, db, ProvisionTexts(), "");
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
    auto states = site::ReadStates(*o, {"title"});
    if (!states.ok()) return Err(states.error());
    in.states = std::move(*states);
    auto t = CreateText(db, *g.session, in);
    if (!t.ok()) return Err(t.error());
    json::object out = TextHead(*t, req.lang);
    out["states"] = site::StatesOf(db.Read(), "text", t->id, {{"title", t->title}});
    return http::Json(out, 201);
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
    auto viewer = site::CurrentSession(db, req);
    auto t = Get(db, *id, viewer);
    if (!t.ok()) return Err(t.error());
    if (auto v = req.query.Get("version")) {
      auto n = ParseIntField("version", *v, 1, INT64_MAX);
      if (!n.ok()) return Err(n.error());
      t = GetVersion(db, *id, *n, viewer);
      if (!t.ok()) return Err(t.error());
    }
    std::string view = req.query.Get("view").value_or("brackets");
    if (view != "brackets" && view != "clean" && view != "status" && view != "compilation")
      return Err(InvalidArgument("view", "view: must be brackets, clean, compilation or status"));
    auto lang = ViewLang(*t, req);
    if (!lang.ok()) return Err(lang.error());
    json::object o = TextHead(*t, *lang);
    o["view"] = view;
    o["lang"] = *lang;
    // Each language's state, of the text as it stands (a past version's drafts are not kept).
    const bool current = !req.query.Get("version");
    if (current) o["states"] = site::StatesOf(db.Read(), "text", t->id, {{"title", t->title}});
    if (!req.query.Get("version")) {
      auto informal = InformalWithChanges(db, *t, viewer);
      if (!informal.ok()) return Err(informal.error());
      o["informal"] = std::move(*informal);
    }
    if (view == "compilation") {
      o["member_states"] = CompilationJson(*t, *lang);
      return http::Json(o);
    }
    json::array provisions;
    const auto missing = MissingPassages(*t);
    for (const auto& p : t->provisions) {
      if (view == "status") {
        json::array lacking;
        for (const auto& m : missing)
          if (m.provision == p.id) lacking.push_back({{"question", m.question}, {"lang", m.lang}});
        provisions.push_back({{"id", p.id},
                              {"label", p.label},
                              {"open_brackets", p.OpenBrackets()},
                              {"proposed_by", json::value_from(p.OpenBracketProponents())},
                              {"missing_passages", std::move(lacking)}});
        continue;
      }
      json::object j = ProvisionJson(p);
      auto* raw = p.body.is_object() ? p.body.as_object().if_contains(*lang) : nullptr;
      j["text"] = view == "clean" ? (raw ? *raw : json::value(""))
                                  : json::value(BracketedText(p, *lang));
      j["texts"] = p.body;
      if (current) j["states"] = site::StatesOf(db.Read(), "provision", p.id, {{"text", p.body}});
      if (view == "clean") j.erase("brackets");
      provisions.push_back(std::move(j));
    }
    o["provisions"] = std::move(provisions);
    if (view == "status") {
      // The language versions lacking the passage of an open question: a revision and the
      // adoption wait for them.
      json::array lacking;
      for (const auto& m : missing)
        lacking.push_back({{"provision", m.provision}, {"label", m.label},
                           {"question", m.question}, {"lang", m.lang},
                           {"bracketed_in", json::value_from(m.bracketed_in)}});
      o["missing_passages"] = std::move(lacking);
      o["bracketed"] = json::value_from(t->BracketedLabels());
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
    auto states = site::ReadStates(*o, {"text"});
    if (!states.ok()) return Err(states.error());
    in.states = std::move(*states);
    auto p = AddProvision(db, *g.session, *id, in);
    if (!p.ok()) return Err(p.error());
    json::object out = ProvisionJson(*p);
    out["states"] = site::StatesOf(db.Read(), "provision", p->id, {{"text", p->body}});
    return http::Json(out, 201);
  });

  // A facilitator of informal consultations edits the provisions given to them: the use case
  // decides (403 for anyone else who is not an editor).
  router.Add("PATCH", "/api/v1/provisions/{id}", [&db](Request& req) {
    auto g = site::RequireSignedIn(db, req, true);
    if (g.refusal) return *g.refusal;
    auto id = PathId(req);
    if (!id) return Err(NotFound("provision " + req.params[0] + ": no such provision"));
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    ProvisionPatch in;
    if (auto s = Int(*o, "version", &in.version); !s.ok()) return Err(s.error());
    if (auto* v = o->if_contains("text")) in.text = *v;
    auto states = site::ReadStates(*o, {"text"});
    if (!states.ok()) return Err(states.error());
    in.states = std::move(*states);
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
    json::object out = ProvisionJson(*p);
    const auto drafts = site::DraftsOf(db.Read(), "provision", p->id);
    auto d = drafts.find("text");
    out["states"] = json::object{
        {"text", site::StatesJson(p->body, d == drafts.end() ? std::set<std::string>()
                                                              : d->second)}};
    return http::Json(out);
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
                          {"version", &in.version}, {"question", &in.question}})
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

  router.Add("POST", "/api/v1/provisions/{id}/proposals", [&db](Request& req) {
    auto g = site::RequireSignedIn(db, req, true);
    if (g.refusal) return *g.refusal;
    auto id = PathId(req);
    if (!id) return Err(NotFound("provision " + req.params[0] + ": no such provision"));
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    ProposalInput in;
    for (auto [k, dst] : {std::pair{"member_state", &in.member_state}, {"kind", &in.kind},
                          {"lang", &in.lang}, {"text", &in.text},
                          {"justification", &in.justification},
                          {"provision_kind", &in.provision_kind}})
      if (auto s = Str(*o, k, dst); !s.ok()) return Err(s.error());
    if (in.provision_kind.empty()) in.provision_kind = "paragraph";
    for (auto [k, dst] : {std::pair{"start", &in.start}, {"end", &in.end}})
      if (auto s = Int(*o, k, dst); !s.ok()) return Err(s.error());
    auto p = Propose(db, *g.session, *id, in);
    if (!p.ok()) return Err(p.error());
    return http::Json(ProposalJson(*p), 201);
  });

  router.Add("POST", "/api/v1/proposals/{id}/withdraw", [&db](Request& req) {
    auto g = site::RequireSignedIn(db, req, true);
    if (g.refusal) return *g.refusal;
    auto id = PathId(req);
    if (!id) return Err(NotFound("proposal " + req.params[0] + ": no such proposal"));
    auto p = WithdrawProposal(db, *g.session, *id);
    if (!p.ok()) return Err(p.error());
    return http::Json(ProposalJson(*p));
  });

  for (const char* action : {"bracket", "merge"}) {
    bool bracket = std::string(action) == "bracket";
    router.Add("POST", fmt::format("/api/v1/proposals/{{id}}/{}", action),
               [&db, bracket](Request& req) {
      auto g = Editor(db, req);
      if (g.refusal) return *g.refusal;
      auto id = PathId(req);
      if (!id) return Err(NotFound("proposal " + req.params[0] + ": no such proposal"));
      auto version = OptionalVersion(req);
      if (!version.ok()) return Err(version.error());
      auto p = bracket ? BracketProposal(db, *g.session, *id, *version)
                       : MergeProposal(db, *g.session, *id, *version);
      if (!p.ok()) return Err(p.error());
      json::object j = ProposalJson(*p);
      if (auto t = Get(db, p->text_id, *g.session); t.ok()) j["version"] = t->version;
      return http::Json(j);
    });
  }

  router.Add("POST", "/api/v1/texts/{id}/revisions", [&db](Request& req) {
    auto g = Editor(db, req);
    if (g.refusal) return *g.refusal;
    auto id = PathId(req);
    if (!id) return Err(NotFound("text " + req.params[0] + ": no such text"));
    auto version = OptionalVersion(req);
    if (!version.ok()) return Err(version.error());
    auto r = IssueRevision(db, *g.session, *id, *version);
    if (!r.ok()) return Err(r.error());
    auto t = Get(db, *id, *g.session);
    if (!t.ok()) return Err(t.error());
    std::string revises = t->revisions.size() > 1
                              ? t->revisions[t->revisions.size() - 2].document
                              : std::string();
    if (revises.empty())
      if (auto d = documents::Get(db, std::to_string(r->document_id), *g.session); d.ok())
        for (const auto& rel : d->relations)
          if (rel.kind == "revises") revises = rel.symbol;
    return http::Json(json::object{{"revision", r->number},
                                   {"version", r->version},
                                   {"document", {{"id", r->document_id},
                                                 {"symbol", r->document},
                                                 {"revises", revises}}}},
                      201);
  });

  router.Add("GET", "/api/v1/texts/{id}/diff", [&db](Request& req) {
    auto id = PathId(req);
    if (!id) return Err(NotFound("text " + req.params[0] + ": no such text"));
    auto viewer = site::CurrentSession(db, req);
    auto d = Diff(db, *id, req, viewer);
    if (!d.ok()) return Err(d.error());
    return http::Json(*d);
  });

  router.Add("POST", "/api/v1/texts/{id}/informal", [&db](Request& req) {
    auto g = Editor(db, req);
    if (g.refusal) return *g.refusal;
    auto id = PathId(req);
    if (!id) return Err(NotFound("text " + req.params[0] + ": no such text"));
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    InformalInput in;
    if (auto* v = o->if_contains("provisions"); v && !v->is_null()) {
      if (!v->is_array())
        return Err(InvalidArgument("provisions", "provisions: must be a list of provision ids"));
      for (const auto& e : v->as_array()) {
        if (!e.is_int64())
          return Err(InvalidArgument("provisions", "provisions: must be a list of provision ids"));
        in.provisions.push_back(e.as_int64());
      }
    }
    std::optional<std::int64_t> facilitator, meeting;
    if (auto s = Int(*o, "facilitator", &facilitator); !s.ok()) return Err(s.error());
    if (auto s = Int(*o, "report_to_meeting", &meeting); !s.ok()) return Err(s.error());
    if (auto s = Int(*o, "decision", &in.decision); !s.ok()) return Err(s.error());
    if (!facilitator)
      return Err(InvalidArgument("facilitator", "facilitator: required, the facilitator's "
                                                "account id"));
    in.facilitator = *facilitator;
    in.report_to_meeting = meeting.value_or(0);
    for (auto [k, dst] : {std::pair{"member_state", &in.member_state},
                          {"deadline", &in.deadline}})
      if (auto s = Str(*o, k, dst); !s.ok()) return Err(s.error());
    auto i = SendToInformal(db, *g.session, *id, in);
    if (!i.ok()) return Err(i.error());
    auto t = Get(db, *id, *g.session);
    if (!t.ok()) return Err(t.error());
    return InformalCreated(InformalJson(*t), i->id, t->version);
  });

  router.Add("POST", "/api/v1/informal/{id}/report", [&db](Request& req) {
    auto g = Editor(db, req);
    if (g.refusal) return *g.refusal;
    auto id = PathId(req);
    if (!id) return Err(NotFound("informal consultation " + req.params[0] + ": no such one"));
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    ReportInput in;
    std::optional<std::int64_t> item;
    if (auto s = Int(*o, "agenda_item", &item); !s.ok()) return Err(s.error());
    in.agenda_item = item.value_or(0);
    if (auto* v = o->if_contains("text")) in.text = *v;
    auto i = ReportInformal(db, *g.session, *id, in);
    if (!i.ok()) return Err(i.error());
    auto t = Get(db, i->text_id, *g.session);
    if (!t.ok()) return Err(t.error());
    auto informal = InformalWithChanges(db, *t, *g.session);
    if (!informal.ok()) return Err(informal.error());
    return InformalCreated(*informal, i->id, t->version);
  });

  // The summary record's sentence on the brackets left, added to the record of the text's
  // agenda item (drafting.h, RecordSentence).
  router.Add("POST", "/api/v1/texts/{id}/record", [&db](Request& req) {
    auto g = Editor(db, req);
    if (g.refusal) return *g.refusal;
    auto id = PathId(req);
    if (!id) return Err(NotFound("text " + req.params[0] + ": no such text"));
    auto r = RecordSentence(db, *g.session, *id);
    if (!r.ok()) return Err(r.error());
    return http::Json(json::object{{"intervention", r->intervention},
                                   {"agenda_item", r->agenda_item},
                                   {"summary", r->summary}},
                      201);
  });

  // The provision under discussion, shown on the room's screen ({"provision": null}: the
  // screen chooses again).
  router.Add("POST", "/api/v1/texts/{id}/under-discussion", [&db](Request& req) {
    auto g = Editor(db, req);
    if (g.refusal) return *g.refusal;
    auto id = PathId(req);
    if (!id) return Err(NotFound("text " + req.params[0] + ": no such text"));
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    if (!o->contains("provision"))
      return Err(InvalidArgument("provision", "provision: required, a provision id of the text "
                                              "or null"));
    std::optional<std::int64_t> provision;
    if (auto s = Int(*o, "provision", &provision); !s.ok()) return Err(s.error());
    auto t = SetUnderDiscussion(db, *g.session, *id, provision);
    if (!t.ok()) return Err(t.error());
    return http::Json(TextHead(*t, req.lang));
  });

  // The room's screen follows the text: an event within 100 ms of each change (drafting.h,
  // http/watchers.h). The same 404 as the text for a reader who may not see it; 503 beyond
  // --max-screen-watchers.
  router.Add("GET", "/api/v1/texts/{id}/events", [&db](Request& req) {
    auto id = PathId(req);
    if (!id) return Err(NotFound("text " + req.params[0] + ": no such text"));
    auto t = Get(db, *id, site::CurrentSession(db, req));
    if (!t.ok()) return Err(t.error());
    auto events = WatchText(t->id);
    if (!events) {
      Error e{Code::kResourceExhausted,
              fmt::format("watchers: at most {} screens may follow texts at once; reload the "
                          "page to see changes",
                          MaxScreenWatchers()),
              "watchers"};
      e.retry_after_seconds = 30;
      return Err(e);
    }
    return http::EventStreamResponse(std::move(events));
  });

  router.Add("POST", "/api/v1/texts/{id}/adopt", [&db](Request& req) {
    auto g = Editor(db, req);
    if (g.refusal) return *g.refusal;
    auto id = PathId(req);
    if (!id) return Err(NotFound("text " + req.params[0] + ": no such text"));
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    AdoptInput in;
    std::optional<std::int64_t> meeting, decision;
    if (auto s = Int(*o, "meeting", &meeting); !s.ok()) return Err(s.error());
    if (auto s = Int(*o, "decision", &decision); !s.ok()) return Err(s.error());
    if (auto s = Int(*o, "version", &in.version); !s.ok()) return Err(s.error());
    if (auto s = Int(*o, "resolution", &in.resolution); !s.ok()) return Err(s.error());
    if (!meeting) return Err(InvalidArgument("meeting", "meeting: required, a meeting id"));
    if (!decision)
      return Err(InvalidArgument("decision", "decision: required, the id of the meeting's "
                                             "decision to adopt the text"));
    in.meeting = *meeting;
    in.decision = *decision;
    auto t = Adopt(db, *g.session, *id, in);
    if (!t.ok()) return Err(t.error());
    return http::Json(TextHead(*t, req.lang));
  });
}

void RegisterRoutes(http::Router& router, storage::Database& db) {
  RegisterApi(router, db);
  RegisterPages(router, db);
  RegisterForms(router, db);
  RegisterEditForms(router, db);
}

}  // namespace plenary::drafting

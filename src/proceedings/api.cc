// JSON API of the proceedings: agenda items, speakers, the record, decisions, candidatures,
// actions with their history, and the summary record.
#include <set>

#include <fmt/format.h>

#include "base/time.h"
#include "proceedings/floor.h"
#include "proceedings/record_out.h"
#include "proceedings/states.h"
#include "proceedings/texts.h"
#include "proceedings/web.h"
#include "site/fields.h"
#include "site/site.h"

namespace plenary::proceedings {

namespace json = boost::json;
using http::Request;

namespace {

http::Response Err(const Error& e) { return http::JsonError(e); }

json::value Opt(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object DocJson(const DocumentRef& d, const std::string& lang) {
  return {{"id", d.id}, {"symbol", d.symbol}, {"title", site::Pick(d.title, lang).text}};
}

json::object MeetingRef(const meetings::Meeting& m, const std::string& lang) {
  return {{"id", m.id}, {"kind", m.kind}, {"number", m.number}, {"session", m.session},
          {"body", m.body_key}, {"label", meetings::Label(m, lang)}};
}

// Optional fields of a JSON object, each checked for its type.
Status Str(const json::object& o, const char* k, std::string* dst) {
  auto v = site::JsonString(o, k);
  if (!v.ok()) return v.error();
  *dst = *v;
  return Ok{};
}
Status OptId(const json::object& o, const char* k, std::optional<std::int64_t>* dst) {
  if (auto* v = o.if_contains(k); v && !v->is_null()) {
    if (!v->is_int64() || v->as_int64() < 1)
      return InvalidArgument(k, std::string(k) + ": must be a positive whole number");
    *dst = v->as_int64();
  }
  return Ok{};
}
json::value Field(const json::object& o, const char* k) {
  auto* v = o.if_contains(k);
  return v ? *v : json::value();
}

std::optional<std::int64_t> PathId(const Request& req) { return site::ParseId(req.params[0]); }
Error NoSuch(const char* what, const std::string& id) {
  return NotFound(fmt::format("{} {}: no such {}", what, id, what));
}

// The speakers guard: staff or chair; with `delegates`, also a Member State's delegate (who
// requests the floor for themselves).
site::Guard Speakers(storage::Database& db, const Request& req, bool delegates = false) {
  auto g = site::RequireSignedIn(db, req, true);
  if (!g.refusal && !MayRunSpeakers(g.session) &&
      !(delegates && g.session->user.role == "delegate")) {
    g.refusal = http::JsonError({Code::kPermissionDenied,
                                 "only the secretariat or the chair runs the list of speakers", {}});
    g.session.reset();
  }
  return g;
}

// The prelude of a write on one object of the path ({id}): the guard (`who` may), the id, the
// JSON body; then `fn`.
enum class Who { kSecretariat, kSpeakers, kSpeakersAndDelegates };
template <class F>
http::Response Write(storage::Database& db, Request& req, const char* what, Who who, F&& fn) {
  auto g = who == Who::kSecretariat ? site::RequireStaff(db, req, true)
                                    : Speakers(db, req, who == Who::kSpeakersAndDelegates);
  if (g.refusal) return *g.refusal;
  auto id = PathId(req);
  if (!id) return Err(NoSuch(what, req.params[0]));
  auto o = site::ReadJson(req);
  if (!o.ok()) return Err(o.error());
  return fn(*g.session, *id, *o);
}

}  // namespace

bool MayRunSpeakers(const documents::Viewer& viewer) {
  return viewer && (viewer->user.role == "admin" || viewer->user.role == "secretariat" ||
                    viewer->user.role == "chair");
}

json::object ItemJson(const AgendaItem& it, const std::string& lang) {
  json::array docs, speakers, interventions, decisions, candidatures, actions;
  for (const auto& d : it.documents) docs.push_back(DocJson(d, lang));
  for (const auto& s : it.speakers)
    speakers.push_back({{"id", s.id}, {"position", s.position}, {"name", s.name},
                        {"capacity", s.capacity}, {"member_state", s.member_state},
                        {"status", s.status}, {"has_floor", s.id == it.floor_speaker_id}});
  json::value floor = nullptr;
  if (it.floor_speaker_id) {
    std::int64_t left = it.floor_since + it.speaking_seconds - Now();
    floor = json::object{{"speaker_id", it.floor_speaker_id},
                         {"since", FormatIso(it.floor_since)},
                         {"remaining_seconds", left}};
  }
  for (const auto& i : it.interventions)
    interventions.push_back({{"id", i.id}, {"position", i.position}, {"kind", i.kind},
                             {"capacity", i.capacity}, {"member_state", i.member_state},
                             {"bureau", i.bureau}, {"anonymous", i.anonymous},
                             {"speaker", site::Pick(i.speaker, lang).text},
                             {"summary", site::Pick(i.summary, lang).text},
                             {"summaries", i.summary}});
  for (const auto& d : it.decisions) decisions.push_back(DecisionJson(d, lang));
  for (const auto& c : it.candidatures)
    candidatures.push_back({{"id", c.id}, {"post", c.post}, {"election", c.election},
                            {"candidate", c.candidate}, {"member_state", c.member_state},
                            {"intervention_id", Opt(c.intervention_id)}});
  for (const auto& a : it.actions) actions.push_back(ActionJson(a, lang));
  return {{"id", it.id},
          {"meeting_id", it.meeting_id},
          {"number", it.number},
          {"title", site::Pick(it.title, lang).text},
          {"titles", it.title},
          {"documents", docs},
          {"under_discussion", it.under_discussion},
          {"speaking_seconds", it.speaking_seconds},
          {"floor", floor},
          {"speakers", speakers},
          {"interventions", interventions},
          {"decisions", decisions},
          {"candidatures", candidatures},
          {"actions", actions}};
}

json::object DecisionJson(const Decision& d, const std::string& lang) {
  return {{"id", d.id},
          {"kind", d.kind},
          {"forwarded_to", d.forwarded_to},
          {"accompanied_by", site::Pick(d.accompanied_by, lang).text},
          {"report_back", site::Pick(d.report_back, lang).text},
          {"wording", d.wording}};
}

json::object ActionJson(const ActionView& a, const std::string& lang) {
  json::array events;
  for (const auto& e : a.events)
    events.push_back(
        {{"at", e.at},
         {"status", e.status},
         {"meeting", e.meeting ? json::value(MeetingRef(*e.meeting, lang)) : json::value(nullptr)},
         {"document", e.document ? json::value(DocJson(*e.document, lang)) : json::value(nullptr)},
         {"note", site::Pick(e.note, lang).text}});
  return {{"id", a.id},
          {"number", a.number},
          {"kind", a.kind},
          {"status", a.status},
          {"owner", site::Pick(a.owner, lang).text},
          {"text", site::Pick(a.text, lang).text},
          {"due", site::Pick(a.due, lang).text},
          {"meeting", MeetingRef(a.meeting, lang)},
          {"decision_id", Opt(a.decision_id)},
          {"agenda_item_id", Opt(a.agenda_item_id)},
          {"consultation", a.consultation_key.empty() ? json::value(nullptr)
                                                      : json::value(a.consultation_key)},
          {"events", events}};
}

json::object RecordJson(const SummaryRecord& r) {
  json::array items;
  for (const auto& it : r.items) {
    json::array paragraphs;
    for (const auto& p : it.paragraphs)
      paragraphs.push_back({{"number", p.number}, {"text", p.text}, {"language", p.lang},
                            {"fallback", p.fallback}, {"decision", p.decision},
                            {"generated", p.generated}});
    items.push_back({{"number", it.number}, {"heading", it.heading}, {"paragraphs", paragraphs}});
  }
  return {{"title", r.title},
          {"symbol", r.symbol},
          {"date", r.date},
          {"items", items},
          {"secretary_general", r.secretary_general},
          {"chair", r.chair}};
}

namespace {
// An item's JSON with each language's state of its texts: its title's (`states`), and each
// decision's wording and each paragraph's summary beside them.
json::object ItemWithStates(storage::Database& db, const AgendaItem& it, const std::string& lang) {
  json::object o = ItemJson(it, lang);
  auto& c = db.Read();
  o["states"] = site::StatesOf(c, "agenda_item", it.id, {{"title", it.title}});
  auto& decisions = o["decisions"].as_array();
  for (std::size_t k = 0; k < it.decisions.size(); ++k)
    decisions[k].as_object()["states"] =
        site::StatesOf(c, "decision", it.decisions[k].id, {{"wording", it.decisions[k].wording}});
  auto& paragraphs = o["interventions"].as_array();
  for (std::size_t k = 0; k < it.interventions.size(); ++k)
    paragraphs[k].as_object()["states"] = site::StatesOf(
        c, "intervention", it.interventions[k].id, {{"summary", it.interventions[k].summary}});
  return o;
}

// A paragraph's summary in each language: missing, draft or final.
json::object InterventionStates(storage::Database& db, const Intervention& i) {
  const auto drafts = site::DraftsOf(db.Read(), "intervention", i.id);
  auto d = drafts.find("summary");
  return site::StatesJson(i.summary, d == drafts.end() ? std::set<std::string>() : d->second);
}
}  // namespace

void RegisterApi(http::Router& router, storage::Database& db) {
  // The titles, wordings and texts in the six languages with their states (site/text_edit.h).
  site::RegisterTextOwner(router, db, ItemTexts(), "/api/v1/agenda-items/{id}");
  site::RegisterTextOwner(router, db, DecisionTexts(), "/api/v1/decisions/{id}");
  site::RegisterTextOwner(router, db, ActionTexts(), "/api/v1/actions/{id}");
  site::RegisterTextOwner(router, db, ParagraphTexts(), "");
  router.Add("GET", "/api/v1/meetings/{id}/agenda", [&db](Request& req) {
    auto viewer = site::CurrentSession(db, req);
    auto p = Get(db, req.params[0], viewer);
    if (!p.ok()) return Err(p.error());
    json::array items;
    for (const auto& it : p->items) items.push_back(ItemJson(it, req.lang));
    json::object o{{"meeting", MeetingRef(p->meeting, req.lang)}, {"items", items}};
    if (viewer && accounts::IsStaff(viewer->user.role)) {
      json::array warnings;
      for (const auto& w : Warnings(*p))
        warnings.push_back({{"item", w.item_number}, {"paragraph", w.paragraph},
                            {"language", w.language}, {"cited", w.cited},
                            {"expected", json::value_from(w.expected)}});
      o["warnings"] = std::move(warnings);
    }
    return http::Json(o);
  });

  router.Add("POST", "/api/v1/meetings/{id}/agenda", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    ItemInput in;
    if (auto s = Str(*o, "number", &in.number); !s.ok()) return Err(s.error());
    in.title = Field(*o, "title");
    auto states = site::ReadStates(*o, {"title"});
    if (!states.ok()) return Err(states.error());
    in.states = std::move(*states);
    if (auto* v = o->if_contains("documents"); v && !v->is_null()) {
      if (!v->is_array())
        return Err(InvalidArgument("documents", "documents: must be a list of symbols"));
      for (const auto& d : v->as_array()) {
        if (!d.is_string())
          return Err(InvalidArgument("documents", "documents: must be a list of symbols"));
        in.documents.emplace_back(d.as_string());
      }
    }
    auto created = CreateItem(db, g.session->user.id, req.params[0], in);
    if (!created.ok()) return Err(created.error());
    auto it = GetItem(db, created->id, g.session);  // as the secretariat sees it
    if (!it.ok()) return Err(it.error());
    return http::Json(ItemWithStates(db, *it, req.lang), 201);
  });

  router.Add("GET", "/api/v1/agenda-items/{id}", [&db](Request& req) {
    auto id = PathId(req);
    if (!id) return Err(NoSuch("agenda item", req.params[0]));
    auto it = GetItem(db, *id, site::CurrentSession(db, req));
    if (!it.ok()) return Err(it.error());
    return http::Json(ItemWithStates(db, *it, req.lang));
  });

  router.Add("POST", "/api/v1/agenda-items/{id}/speakers", [&db](Request& req) {
    return Write(db, req, "agenda item", Who::kSpeakersAndDelegates, [&](auto& session, auto id,
                                                                         auto& o) {
      SpeakerInput in;
      for (auto [k, dst] : {std::pair{"name", &in.name}, {"capacity", &in.capacity},
                            {"member_state", &in.member_state}})
        if (auto s = Str(o, k, dst); !s.ok()) return Err(s.error());
      // A delegate asks for the floor for themselves, as their Member State's councillor.
      if (session.user.role == "delegate") {
        std::string own = session.user.member_state.value_or("");
        if ((!in.name.empty() && in.name != session.user.name) ||
            (!in.member_state.empty() && in.member_state != own))
          return Err(PermissionDenied("name: a delegate asks for the floor for themselves only"));
        in = {session.user.name, "councillor", own, true, session.user.id};
      }
      auto s = AddSpeaker(db, session.user.id, id, in);
      if (!s.ok()) return Err(s.error());
      return http::Json(json::object{{"id", s->id}, {"position", s->position},
                                     {"status", s->status}},
                        201);
    });
  });

  router.Add("PUT", "/api/v1/agenda-items/{id}/speakers", [&db](Request& req) {
    return Write(db, req, "agenda item", Who::kSpeakers, [&](auto& session, auto id, auto& o) {
      std::vector<std::int64_t> order;
      auto* v = o.if_contains("order");
      if (!v || !v->is_array())
        return Err(InvalidArgument("order", "order: required, the list of speaker ids"));
      for (const auto& x : v->as_array()) {
        if (!x.is_int64()) return Err(InvalidArgument("order", "order: speaker ids are numbers"));
        order.push_back(x.as_int64());
      }
      if (auto s = ReorderSpeakers(db, session.user.id, id, order); !s.ok()) return Err(s.error());
      auto it = GetItem(db, id, session);
      if (!it.ok()) return Err(it.error());
      return http::Json(ItemJson(*it, req.lang));
    });
  });

  // A delegate may withdraw the request they made for themselves; the rest is the staff's.
  router.Add("POST", "/api/v1/speakers/{id}/status", [&db](Request& req) {
    return Write(db, req, "speaker", Who::kSpeakersAndDelegates, [&](auto& session, auto id,
                                                                     auto& o) {
      std::string status;
      if (auto s = Str(o, "status", &status); !s.ok()) return Err(s.error());
      auto item = SetSpeakerStatus(db, session.user.id, id, status, !MayRunSpeakers(session));
      if (!item.ok()) return Err(item.error());
      return http::Json(json::object{{"id", id}, {"status", status}, {"agenda_item_id", *item}});
    });
  });

  router.Add("POST", "/api/v1/agenda-items/{id}/discussion", [&db](Request& req) {
    return Write(db, req, "agenda item", Who::kSpeakers, [&](auto& session, auto id, auto& o) {
      bool under = true;
      if (auto* v = o.if_contains("under_discussion"); v && !v->is_null()) {
        if (!v->is_bool())
          return Err(InvalidArgument("under_discussion", "under_discussion: must be true or false"));
        under = v->as_bool();
      }
      std::optional<int> seconds;
      if (auto* v = o.if_contains("speaking_seconds"); v && !v->is_null()) {
        if (!v->is_int64() || v->as_int64() < kMinSpeakingSeconds ||
            v->as_int64() > kMaxSpeakingSeconds)
          return Err(InvalidArgument(
              "speaking_seconds",
              fmt::format("speaking_seconds: must be a whole number from {} to {}",
                          kMinSpeakingSeconds, kMaxSpeakingSeconds)));
        seconds = static_cast<int>(v->as_int64());
      }
      if (auto s = SetDiscussion(db, session.user.id, id, under, seconds); !s.ok())
        return Err(s.error());
      auto it = GetItem(db, id, session);
      if (!it.ok()) return Err(it.error());
      return http::Json(ItemJson(*it, req.lang));
    });
  });

  // Watchers of the agenda page: an event each time the meeting's list of speakers changes.
  router.Add("GET", "/api/v1/meetings/{id}/speakers/events", [&db](Request& req) {
    auto m = meetings::GetMeeting(db, req.params[0]);
    if (!m.ok()) return Err(m.error());
    auto events = Watch(m->id);
    if (!events) {
      Error e{Code::kResourceExhausted,
              fmt::format("watchers: at most {} pages may watch lists of speakers at once; "
                          "reload the page to see changes",
                          MaxWatchers()),
              "watchers"};
      e.retry_after_seconds = 30;
      return Err(e);
    }
    return http::EventStreamResponse(std::move(events));
  });

  router.Add("POST", "/api/v1/agenda-items/{id}/interventions", [&db](Request& req) {
    return Write(db, req, "agenda item", Who::kSecretariat, [&](auto& session, auto id, auto& o) {
      InterventionInput in;
      for (auto [k, dst] : {std::pair{"kind", &in.kind}, {"capacity", &in.capacity},
                            {"member_state", &in.member_state}, {"bureau", &in.bureau}})
        if (auto s = Str(o, k, dst); !s.ok()) return Err(s.error());
      if (in.kind.empty()) in.kind = "intervention";
      if (auto* v = o.if_contains("anonymous"); v && !v->is_null()) {
        if (!v->is_bool()) return Err(InvalidArgument("anonymous", "anonymous: must be true or false"));
        in.anonymous = v->as_bool();
      }
      in.speaker = Field(o, "speaker");
      in.summary = Field(o, "summary");
      auto states = site::ReadStates(o, {"summary"});
      if (!states.ok()) return Err(states.error());
      in.states = std::move(*states);
      auto i = AddIntervention(db, session.user.id, id, in);
      if (!i.ok()) return Err(i.error());
      return http::Json(json::object{{"id", i->id},
                                     {"position", i->position},
                                     {"states", {{"summary", InterventionStates(db, *i)}}}},
                        201);
    });
  });

  // Corrects a paragraph's text (the old text stays in the audit log).
  router.Add("PATCH", "/api/v1/interventions/{id}", [&db](Request& req) {
    return Write(db, req, "intervention", Who::kSecretariat, [&](auto& session, auto id, auto& o) {
      for (const auto& [k, v] : o)
        if (k != "summary" && k != "states")
          return Err(InvalidArgument(std::string(k), std::string(k) +
                                                         ": cannot be changed; only summary can"));
      auto states = site::ReadStates(o, {"summary"});
      if (!states.ok()) return Err(states.error());
      auto i = EditIntervention(db, session.user.id, id, Field(o, "summary"), *states);
      if (!i.ok()) return Err(i.error());
      return http::Json(json::object{{"id", i->id},
                                     {"position", i->position},
                                     {"summary", i->summary},
                                     {"states", {{"summary", InterventionStates(db, *i)}}}});
    });
  });

  // Deletes a paragraph (its text stays in the audit log); 204.
  router.Add("DELETE", "/api/v1/interventions/{id}", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    auto id = PathId(req);
    if (!id) return Err(NoSuch("intervention", req.params[0]));
    if (auto s = DeleteIntervention(db, g.session->user.id, *id); !s.ok()) return Err(s.error());
    http::Response r;
    r.status = 204;
    r.content_type = "application/json";
    return r;
  });

  router.Add("POST", "/api/v1/agenda-items/{id}/decisions", [&db](Request& req) {
    return Write(db, req, "agenda item", Who::kSecretariat, [&](auto& session, auto id, auto& o) {
      DecisionInput in;
      for (auto [k, dst] : {std::pair{"kind", &in.kind}, {"forwarded_to", &in.forwarded_to}})
        if (auto s = Str(o, k, dst); !s.ok()) return Err(s.error());
      in.accompanied_by = Field(o, "accompanied_by");
      in.report_back = Field(o, "report_back");
      in.wording = Field(o, "wording");
      auto states = site::ReadStates(o, {"wording"});
      if (!states.ok()) return Err(states.error());
      in.states = std::move(*states);
      auto d = AddDecision(db, session.user.id, id, in);
      if (!d.ok()) return Err(d.error());
      return http::Json(
          json::object{{"id", d->id},
                       {"kind", d->kind},
                       {"states", site::StatesOf(db.Read(), "decision", d->id,
                                                 {{"wording", d->wording}})}},
          201);
    });
  });

  // A decision as its agenda item's JSON shows it, with its item and each language's state of
  // its wording; whoever may read the item may read it (404 otherwise, as for the item).
  router.Add("GET", "/api/v1/decisions/{id}", [&db](Request& req) {
    auto id = PathId(req);
    if (!id) return Err(NoSuch("decision", req.params[0]));
    auto item = db.Read().QueryInt("SELECT agenda_item_id FROM decisions WHERE id = ?", *id);
    if (!item) return Err(NoSuch("decision", req.params[0]));
    auto it = GetItem(db, *item, site::CurrentSession(db, req));
    if (!it.ok()) return Err(it.error());
    for (const auto& d : it->decisions) {
      if (d.id != *id) continue;
      json::object out = DecisionJson(d, req.lang);
      out["agenda_item_id"] = it->id;
      out["meeting_id"] = it->meeting_id;
      out["states"] = site::StatesOf(db.Read(), "decision", d.id, {{"wording", d.wording}});
      return http::Json(out);
    }
    return Err(NoSuch("decision", req.params[0]));
  });

  router.Add("POST", "/api/v1/agenda-items/{id}/candidatures", [&db](Request& req) {
    return Write(db, req, "agenda item", Who::kSecretariat, [&](auto& session, auto id, auto& o) {
      CandidatureInput in;
      for (auto [k, dst] : {std::pair{"post", &in.post}, {"election", &in.election},
                            {"candidate", &in.candidate}, {"member_state", &in.member_state}})
        if (auto s = Str(o, k, dst); !s.ok()) return Err(s.error());
      if (auto s = OptId(o, "intervention_id", &in.intervention_id); !s.ok()) return Err(s.error());
      auto c = AddCandidature(db, session.user.id, id, in);
      if (!c.ok()) return Err(c.error());
      return http::Json(json::object{{"id", c->id}, {"post", c->post}}, 201);
    });
  });

  router.Add("GET", "/api/v1/actions", [&db](Request& req) {
    ActionQuery q;
    q.status = req.query.Get("status");
    q.body = req.query.Get("body");
    auto list = ListActions(db, q, site::CurrentSession(db, req));
    if (!list.ok()) return Err(list.error());
    json::array items;
    for (const auto& a : *list) items.push_back(ActionJson(a, req.lang));
    return http::Json(json::object{{"items", items}});
  });

  router.Add("GET", "/api/v1/actions/{id}", [&db](Request& req) {
    auto id = PathId(req);
    if (!id) return Err(NoSuch("action", req.params[0]));
    auto a = GetAction(db, *id, site::CurrentSession(db, req));
    if (!a.ok()) return Err(a.error());
    json::object out = ActionJson(*a, req.lang);
    out["states"] = site::StatesOf(db.Read(), "action", a->id, {{"text", a->text}});
    return http::Json(out);
  });

  router.Add("POST", "/api/v1/meetings/{id}/actions", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    ActionInput in;
    if (auto s = Str(*o, "number", &in.number); !s.ok()) return Err(s.error());
    if (auto s = Str(*o, "kind", &in.kind); !s.ok()) return Err(s.error());
    if (in.kind.empty()) in.kind = "other";
    in.owner = Field(*o, "owner");
    in.text = Field(*o, "text");
    in.due = Field(*o, "due");
    if (auto s = OptId(*o, "decision_id", &in.decision_id); !s.ok()) return Err(s.error());
    if (auto s = OptId(*o, "agenda_item_id", &in.agenda_item_id); !s.ok()) return Err(s.error());
    auto states = site::ReadStates(*o, {"text"});
    if (!states.ok()) return Err(states.error());
    in.states = std::move(*states);
    auto a = CreateAction(db, g.session->user.id, req.params[0], in);
    if (!a.ok()) return Err(a.error());
    json::object out = ActionJson(*a, req.lang);
    out["states"] = site::StatesOf(db.Read(), "action", a->id, {{"text", a->text}});
    return http::Json(out, 201);
  });

  router.Add("POST", "/api/v1/actions/{id}/events", [&db](Request& req) {
    return Write(db, req, "action", Who::kSecretariat, [&](auto& session, auto id, auto& o) {
      ActionEventInput in;
      std::string meeting, document;
      for (auto [k, dst] : {std::pair{"status", &in.status}, {"meeting", &meeting},
                            {"document", &document}})
        if (auto s = Str(o, k, dst); !s.ok()) {
          // A meeting may be given as a number too.
          auto* v = o.if_contains(k);
          if (!(v && v->is_int64() && dst == &meeting)) return Err(s.error());
          meeting = std::to_string(v->as_int64());
        }
      if (!meeting.empty()) in.meeting = meeting;
      if (!document.empty()) in.document = document;
      in.note = Field(o, "note");
      auto a = RecordActionEvent(db, session.user.id, id, in);
      if (!a.ok()) return Err(a.error());
      return http::Json(ActionJson(*a, req.lang));
    });
  });

  router.Add("GET", "/api/v1/meetings/{id}/record", [&db](Request& req) {
    auto p = Get(db, req.params[0], site::CurrentSession(db, req));
    if (!p.ok()) return Err(p.error());
    return http::Json(RecordJson(BuildRecord(*p, req.lang)));
  });

  router.Add("PUT", "/api/v1/meetings/{id}/record", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    SignatoriesInput in;
    in.secretary_general = Field(*o, "secretary_general");
    in.chair = Field(*o, "chair");
    std::string doc;
    if (auto s = Str(*o, "document", &doc); !s.ok()) return Err(s.error());
    if (!doc.empty()) in.document = doc;
    if (auto s = SetSignatories(db, g.session->user.id, req.params[0], in); !s.ok())
      return Err(s.error());
    auto p = Get(db, req.params[0], g.session);
    if (!p.ok()) return Err(p.error());
    return http::Json(RecordJson(BuildRecord(*p, req.lang)));
  });
}

void RegisterRoutes(http::Router& router, storage::Database& db) {
  RegisterApi(router, db);
  RegisterRecordOutput(router, db);
  RegisterPages(router, db);
}

}  // namespace plenary::proceedings

// JSON API for bodies and meetings, registrations and attendance.
#include <charconv>

#include <fmt/format.h>

#include "meetings/texts.h"
#include "meetings/web.h"
#include "site/site.h"
#include "site/text_states.h"
#include "text/messages.h"

namespace plenary::meetings {

namespace json = boost::json;
using http::Request;

json::object BodyJson(const Body& b, const std::string& lang) {
  return {{"id", b.id},
          {"key", b.key},
          {"acronym", b.acronym},
          {"name", site::Pick(b.name, lang).text},
          {"names", b.name},
          {"description", site::Pick(b.description, lang).text},
          {"descriptions", b.description},
          {"membership", b.membership},
          {"open_consultations", b.open_consultations}};
}

json::object MeetingJson(const Meeting& m, const std::string& lang, bool detail) {
  json::object o{{"id", m.id},
                 {"body", {{"id", m.body_id}, {"key", m.body_key}, {"acronym", m.body_acronym}}},
                 {"kind", m.kind},
                 {"number", m.number},
                 {"session", m.session},
                 {"label", Label(m, lang)},
                 {"title", site::Pick(m.title, lang).text},
                 {"starts_on", m.starts_on},
                 {"ends_on", m.ends_on},
                 {"starts_at", m.starts_at.empty() ? json::value(nullptr) : json::value(m.starts_at)},
                 {"timezone", m.timezone},
                 {"mode", m.mode},
                 {"place", site::Pick(m.place, lang).text},
                 {"places", m.place},
                 {"registered", m.registered},
                 {"attended", m.attended}};
  if (!detail) return o;
  // Whether `registered` and `attended` are lower bounds ("more than"), as created.
  o["registered_more_than"] = m.registered_more_than;
  o["attended_more_than"] = m.attended_more_than;
  json::array contributions;
  for (const auto& c : m.contributions)
    contributions.push_back({{"symbol", c.symbol},
                             {"title", site::Pick(c.title, lang).text},
                             {"source", site::Pick(c.source, lang).text}});
  o["contributions"] = std::move(contributions);
  json::array actions;
  for (const auto& a : m.actions)
    actions.push_back({{"number", a.number},
                       {"kind", a.kind},
                       {"consultation", a.consultation_key.empty() ? json::value(nullptr)
                                                                   : json::value(a.consultation_key)},
                       {"owner", site::Pick(a.owner, lang).text},
                       {"text", site::Pick(a.text, lang).text}});
  o["actions"] = std::move(actions);
  return o;
}

namespace {
http::Response Err(const Error& e) { return http::JsonError(e); }


Result<Ok> Strings(const json::object& o,
                   std::initializer_list<std::pair<const char*, std::string*>> fields) {
  for (auto [k, dst] : fields) {
    auto v = site::JsonString(o, k);
    if (!v.ok()) return v.error();
    *dst = *v;
  }
  return Ok{};
}
}  // namespace

void RegisterApi(http::Router& router, storage::Database& db) {
  // A meeting's title and place in the six languages with their states (site/text_edit.h).
  site::RegisterTextOwner(router, db, MeetingTexts(), "/api/v1/meetings/{id}");
  // A body's name and description, the same way.
  site::RegisterTextOwner(router, db, BodyTexts(), "/api/v1/bodies/{id}");
  router.Add("GET", "/api/v1/bodies", [&db](Request& req) {
    json::array items;
    for (const auto& b : ListBodies(db)) items.push_back(BodyJson(b, req.lang));
    return http::Json(json::object{{"items", items}});
  });
  router.Add("GET", "/api/v1/bodies/{id}", [&db](Request& req) {
    auto b = GetBody(db, req.params[0]);
    if (!b.ok()) return Err(b.error());
    auto o = BodyJson(*b, req.lang);
    o["states"] = site::StatesOf(db.Read(), "body", b->id,
                                 {{"name", b->name}, {"description", b->description}});
    json::array meetings;
    for (const auto& m : ListMeetings(db, b->id)) meetings.push_back(MeetingJson(m, req.lang, false));
    o["meetings"] = std::move(meetings);
    return http::Json(o);
  });
  router.Add("GET", "/api/v1/meetings", [&db](Request& req) {
    json::array items;
    for (const auto& m : ListMeetings(db, std::nullopt)) items.push_back(MeetingJson(m, req.lang, false));
    return http::Json(json::object{{"items", items}});
  });
  router.Add("GET", "/api/v1/meetings/{id}", [&db](Request& req) {
    auto m = GetMeeting(db, req.params[0]);
    if (!m.ok()) return Err(m.error());
    json::object out = MeetingJson(*m, req.lang, true);
    out["states"] = site::StatesOf(db.Read(), "meeting", m->id,
                                   {{"title", m->title}, {"place", m->place}});
    return http::Json(out);
  });

  router.Add("POST", "/api/v1/bodies", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    BodyInput in;
    if (auto s = Strings(*o, {{"key", &in.key}, {"acronym", &in.acronym}, {"membership", &in.membership}});
        !s.ok())
      return Err(s.error());
    if (auto* v = o->if_contains("name")) in.name = *v;
    if (auto* v = o->if_contains("description")) in.description = *v;
    if (auto* v = o->if_contains("open_consultations")) {
      if (!v->is_bool())
        return Err(InvalidArgument("open_consultations", "open_consultations: must be true or false"));
      in.open_consultations = v->as_bool();
    }
    auto b = CreateBody(db, g.session->user.id, in);
    if (!b.ok()) return Err(b.error());
    return http::Json(BodyJson(*b, req.lang), 201);
  });

  router.Add("POST", "/api/v1/meetings", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    MeetingInput in;
    if (auto* v = o->if_contains("body"))
      in.body = v->is_int64() ? std::to_string(v->as_int64())
                              : v->is_string() ? std::string(v->as_string()) : "";
    if (auto s = Strings(*o, {{"kind", &in.kind}, {"starts_on", &in.starts_on},
                              {"ends_on", &in.ends_on}, {"starts_at", &in.starts_at},
                              {"timezone", &in.timezone}, {"mode", &in.mode},
                              {"session", &in.session}});
        !s.ok())
      return Err(s.error());
    if (in.kind.empty()) in.kind = "working_group";
    if (auto* v = o->if_contains("number")) {
      if (!v->is_int64()) return Err(InvalidArgument("number", "number: must be a whole number"));
      in.number = static_cast<int>(v->as_int64());
    }
    if (auto* v = o->if_contains("title")) in.title = *v;
    // `places` (keyed by language, as the GET gives it) or `place`: the same text.
    if (o->contains("place") && o->contains("places"))
      return Err(InvalidArgument("places", "places: give either place or places, not both"));
    if (auto* v = o->if_contains("place")) in.place = *v;
    if (auto* v = o->if_contains("places")) in.place = *v;
    for (auto [k, dst] : {std::pair{"registered_more_than", &in.registered_more_than},
                          {"attended_more_than", &in.attended_more_than}})
      if (auto* v = o->if_contains(k)) {
        if (!v->is_bool()) return Err(InvalidArgument(k, std::string(k) + ": must be true or false"));
        *dst = v->as_bool();
      }
    auto states = site::ReadStates(*o, {"title", "place"});
    if (!states.ok()) return Err(states.error());
    in.states = std::move(*states);
    auto m = CreateMeeting(db, g.session->user.id, in);
    if (!m.ok()) return Err(m.error());
    json::object out = MeetingJson(*m, req.lang, true);
    out["states"] = site::StatesOf(db.Read(), "meeting", m->id,
                                   {{"title", m->title}, {"place", m->place}});
    return http::Json(out, 201);
  });

  router.Add("POST", "/api/v1/meetings/{id}/registrations", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    auto o = site::ReadJson(req);
    if (!o.ok()) return Err(o.error());
    RegistrationInput in;
    if (auto s = Strings(*o, {{"name", &in.name}, {"organization", &in.organization},
                              {"stakeholder_type", &in.stakeholder_type}, {"country", &in.country},
                              {"email", &in.email}});
        !s.ok())
      return Err(s.error());
    auto r = AddRegistration(db, g.session->user.id, req.params[0], in);
    if (!r.ok()) return Err(r.error());
    return http::Json(json::object{{"id", r->id}, {"name", r->name}}, 201);
  });

  router.Add("GET", "/api/v1/meetings/{id}/registrations", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, false);
    if (g.refusal) return *g.refusal;
    auto m = GetMeeting(db, req.params[0]);
    if (!m.ok()) return Err(m.error());
    json::array items;
    for (const auto& r : ListRegistrations(db, m->id))
      items.push_back({{"id", r.id}, {"name", r.name}, {"organization", r.organization},
                       {"stakeholder_type", r.stakeholder_type}, {"country", r.country},
                       {"attended", r.attended}});
    return http::Json(json::object{{"items", items}, {"registered", m->registered},
                                   {"attended", m->attended}});
  });

  // The attendance export: the CSV as the body (text/csv) or as the "file" of a form.
  router.Add("POST", "/api/v1/meetings/{id}/attendance", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    std::string csv;
    std::string type = req.Header("content-type");
    if (type.starts_with("multipart/form-data")) {
      auto in = site::ReadInput(req);
      if (!in.ok()) return Err(in.error());
      for (auto& f : in->files)
        if (f.name == "file") csv = std::move(f.data);
      if (csv.empty()) return Err(InvalidArgument("file", "file: attach the attendance export"));
    } else if (type.starts_with("text/csv") || type.starts_with("text/plain")) {
      csv = req.body;
    } else if (type.starts_with("application/json")) {
      auto o = site::ReadJson(req);
      if (!o.ok()) return Err(o.error());
      auto* id = o->if_contains("registration_id");
      if (!id || !id->is_int64())
        return Err(InvalidArgument("registration_id", "registration_id: required, a number"));
      auto n = MarkAttended(db, g.session->user.id, req.params[0], id->as_int64());
      if (!n.ok()) return Err(n.error());
      return http::Json(json::object{{"attended", *n}});
    } else {
      return Err(InvalidArgument("Content-Type", "Content-Type: send text/csv, multipart/form-data "
                                                 "or application/json {registration_id}"));
    }
    auto r = ImportAttendance(db, g.session->user.id, req.params[0], csv);
    if (!r.ok()) return Err(r.error());
    json::array warnings;
    for (const auto& w : r->warnings) warnings.push_back(json::string(w));
    return http::Json(json::object{{"rows", r->rows},
                                   {"persons", r->persons},
                                   {"new_attendees", r->new_attendees},
                                   {"matched_registrations", r->matched_registrations},
                                   {"attended", r->attended},
                                   {"warnings", warnings}});
  });
}

}  // namespace plenary::meetings

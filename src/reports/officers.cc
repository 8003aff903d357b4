// Body officers, terms of reference and cited resolutions on the SQL store (bodies' columns
// added by migration 0009).
#include "reports/officers.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "audit/audit.h"
#include "base/utf8.h"
#include "meetings/meetings.h"
#include "site/fields.h"
#include "text/countries.h"

namespace plenary::reports {

namespace json = boost::json;
using storage::Connection;

namespace {

std::optional<Officer> OfficerFrom(const json::value* v) {
  if (!v || !v->is_object()) return std::nullopt;
  Officer o;
  if (auto* n = v->as_object().if_contains("name"); n && n->is_string()) o.name = n->as_string();
  if (auto* m = v->as_object().if_contains("member_state"); m && m->is_string())
    o.member_state = m->as_string();
  if (o.name.empty()) return std::nullopt;
  return o;
}

json::value OfficerJson(const std::optional<Officer>& o) {
  if (!o) return nullptr;
  return json::object{{"name", o->name},
                      {"member_state", o->member_state.empty() ? json::value(nullptr)
                                                               : json::value(o->member_state)}};
}

// Validates an officer given in input; `field` is its path ("chair", "vice_chairs[0]").
Result<Officer> ParseOfficer(const json::value& v, const std::string& field) {
  if (!v.is_object())
    return InvalidArgument(field, field + ": must be an object {name, member_state}");
  Officer o;
  for (const auto& [k, val] : v.as_object()) {
    std::string f = field + "." + std::string(k);
    if (k == "name") {
      if (!val.is_string()) return InvalidArgument(f, f + ": must be a string");
      o.name = site::Trim(std::string(val.as_string()));
    } else if (k == "member_state") {
      if (val.is_null()) continue;
      if (!val.is_string() || !text::IsCountry(val.as_string()))
        return InvalidArgument(f, f + ": must be an ISO 3166-1 alpha-2 code such as SA");
      o.member_state = val.as_string();
    } else {
      return InvalidArgument(f, f + ": unknown member; expected name and member_state");
    }
  }
  std::string f = field + ".name";
  if (!IsValidUtf8(o.name)) return InvalidArgument(f, f + ": not valid UTF-8");
  if (o.name.empty() || site::CountChars(o.name) > 200)
    return InvalidArgument(f, f + ": required, 1 to 200 characters");
  return o;
}

}  // namespace

const std::vector<std::string>& SupportKeys() {
  static const std::vector<std::string> kKeys = {"secretary_general", "deputy_secretary_general",
                                                 "bureau_directors", "general_secretariat"};
  return kKeys;
}

namespace {
// The keys of `v` that SupportKeys() knows, in its order, each once.
std::vector<std::string> SupportFrom(const json::value* v) {
  std::vector<std::string> out;
  if (!v || !v->is_array()) return out;
  for (const auto& k : SupportKeys())
    for (const auto& e : v->as_array())
      if (e.is_string() && std::string_view(e.as_string()) == k) {
        out.push_back(k);
        break;
      }
  return out;
}
}  // namespace

json::object BodyRecordJson(const BodyRecord& r) {
  json::array vice;
  for (const auto& v : r.vice_chairs) vice.push_back(OfficerJson(v));
  json::array refs;
  for (const auto& c : r.citations)
    refs.push_back(json::object{{"instrument", c.instrument}, {"number", c.number}});
  json::array support;
  for (const auto& k : r.supported_by) support.push_back(json::value(k));
  return {{"chair", OfficerJson(r.chair)},
          {"vice_chairs", std::move(vice)},
          {"secretary", OfficerJson(r.secretary)},
          {"supported_by", std::move(support)},
          {"terms_of_reference", r.terms_of_reference},
          {"references", std::move(refs)}};
}

namespace {
BodyRecord GetBodyRecordOn(Connection& c, std::int64_t id) {
  auto columns = meetings::ReadBodyRecord(c, id).value_or(meetings::BodyRecordColumns{});
  BodyRecord r;
  r.body_id = id;
  r.body_key = columns.key;
  json::value officers = site::ParseJson(columns.officers);
  if (const auto* o = officers.if_object()) {
    r.chair = OfficerFrom(o->if_contains("chair"));
    r.secretary = OfficerFrom(o->if_contains("secretary"));
    r.supported_by = SupportFrom(o->if_contains("supported_by"));
    if (auto* v = o->if_contains("vice_chairs"); v && v->is_array())
      for (const auto& e : v->as_array())
        if (auto off = OfficerFrom(&e)) r.vice_chairs.push_back(*off);
  }
  r.terms_of_reference = site::ParseJson(columns.terms_of_reference);
  json::value cites = site::ParseJson(columns.citations);
  if (const auto* a = cites.if_array())
    for (const auto& e : *a) {
      const auto* o = e.if_object();
      if (!o) continue;
      auto* i = o->if_contains("instrument");
      auto* n = o->if_contains("number");
      if (i && i->is_string() && n && n->is_int64())
        r.citations.push_back({std::string(i->as_string()), static_cast<int>(n->as_int64())});
    }
  return r;
}

// What a patch sets; a member left empty stays as it is.
struct Patch {
  std::optional<std::optional<Officer>> chair, secretary;
  std::optional<std::vector<Officer>> vice_chairs;
  std::optional<std::vector<std::string>> supported_by;
  std::optional<json::value> terms_of_reference;
  std::optional<std::vector<documents::ResolutionRef>> citations;
};
}  // namespace

Result<BodyRecord> GetBodyRecord(storage::Database& db, const std::string& body) {
  auto id = meetings::BodyId(db.Read(), body);
  if (!id) return NotFound("body " + body + ": no such body");
  return GetBodyRecordOn(db.Read(), *id);
}

Result<BodyRecord> UpdateOfficers(storage::Database& db, std::int64_t user_id,
                                  const std::string& body, const json::object& patch) {
  if (!meetings::BodyId(db.Read(), body)) return NotFound("body " + body + ": no such body");
  Patch p;
  for (const auto& [k, v] : patch) {
    if (k == "chair" || k == "secretary") {
      std::optional<Officer> o;
      if (!v.is_null()) {
        auto p = ParseOfficer(v, std::string(k));
        if (!p.ok()) return p.error();
        o = *p;
      }
      (k == "chair" ? p.chair : p.secretary) = o;
    } else if (k == "vice_chairs") {
      if (!v.is_array()) return InvalidArgument("vice_chairs", "vice_chairs: must be an array");
      if (v.as_array().size() > 20)
        return InvalidArgument("vice_chairs", "vice_chairs: at most 20");
      p.vice_chairs.emplace();
      for (std::size_t i = 0; i < v.as_array().size(); ++i) {
        auto o = ParseOfficer(v.as_array()[i], fmt::format("vice_chairs[{}]", i));
        if (!o.ok()) return o.error();
        p.vice_chairs->push_back(*o);
      }
    } else if (k == "supported_by") {
      if (!v.is_array())
        return InvalidArgument("supported_by", "supported_by: must be an array");
      std::set<std::string> seen;
      for (std::size_t i = 0; i < v.as_array().size(); ++i) {
        std::string f = fmt::format("supported_by[{}]", i);
        const auto& e = v.as_array()[i];
        const auto& keys = SupportKeys();
        const std::string key = e.is_string() ? std::string(e.as_string()) : "";
        if (std::find(keys.begin(), keys.end(), key) == keys.end())
          return InvalidArgument(f, f + ": one of secretary_general, deputy_secretary_general, "
                                        "bureau_directors, general_secretariat");
        if (!seen.insert(key).second) return InvalidArgument(f, f + ": " + key + " is listed twice");
      }
      p.supported_by = SupportFrom(&v);
    } else if (k == "terms_of_reference") {
      auto t = site::Multilingual(v, "terms_of_reference", false, 20000);
      if (!t.ok()) return t.error();
      p.terms_of_reference = *t;
    } else if (k == "references") {
      if (!v.is_array()) return InvalidArgument("references", "references: must be an array");
      if (v.as_array().size() > 50) return InvalidArgument("references", "references: at most 50");
      p.citations.emplace();
      std::set<std::pair<std::string, int>> seen;
      for (std::size_t i = 0; i < v.as_array().size(); ++i) {
        std::string f = fmt::format("references[{}]", i);
        const auto* o = v.as_array()[i].if_object();
        const json::value* ins = o ? o->if_contains("instrument") : nullptr;
        const json::value* num = o ? o->if_contains("number") : nullptr;
        if (!o || o->size() != 2 || !ins || !num)
          return InvalidArgument(f, f + ": must be an object {instrument, number}");
        if (!ins->is_string() || !documents::IsInstrument(ins->as_string()))
          return InvalidArgument(f + ".instrument",
                                 f + ".instrument: one of pp, council, wtdc, wtsa, wrc, ra");
        if (!num->is_int64() || num->as_int64() < 1 || num->as_int64() > 99999)
          return InvalidArgument(f + ".number", f + ".number: a positive whole number");
        std::string instrument(ins->as_string());
        int number = static_cast<int>(num->as_int64());
        if (!documents::GetResolution(db, instrument, std::to_string(number)).ok())
          return InvalidArgument(f, fmt::format("{}: no resolution {}/{} in the registry", f,
                                                instrument, number));
        if (!seen.insert({instrument, number}).second)
          return InvalidArgument(f, fmt::format("{}: {}/{} is listed twice", f, instrument, number));
        p.citations->push_back({instrument, number});
      }
    } else {
      std::string f(k);
      return InvalidArgument(f, f + ": unknown member; expected chair, vice_chairs, secretary, "
                                    "supported_by, terms_of_reference or references");
    }
  }
  auto done = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    // Read and change the row inside the transaction, so that concurrent updates of other
    // members are kept.
    auto id = meetings::BodyId(c, body);
    if (!id) return NotFound("body " + body + ": no such body");
    BodyRecord current = GetBodyRecordOn(c, *id), next = current;
    if (p.chair) next.chair = *p.chair;
    if (p.secretary) next.secretary = *p.secretary;
    if (p.vice_chairs) next.vice_chairs = *p.vice_chairs;
    if (p.supported_by) next.supported_by = *p.supported_by;
    if (p.terms_of_reference) next.terms_of_reference = *p.terms_of_reference;
    if (p.citations) next.citations = *p.citations;
    json::object before = BodyRecordJson(current), after = BodyRecordJson(next);
    json::object officers{{"chair", after.at("chair")},
                          {"vice_chairs", after.at("vice_chairs")},
                          {"secretary", after.at("secretary")},
                          {"supported_by", after.at("supported_by")}};
    meetings::WriteBodyRecord(c, next.body_id, json::serialize(officers),
                              json::serialize(next.terms_of_reference),
                              json::serialize(after.at("references")));
    audit::Record(c, user_id, "body.update_officers", "body", next.body_id,
                  json::serialize(before), json::serialize(after));
    return next.body_id;
  });
  if (!done.ok()) return done.error();
  return GetBodyRecordOn(db.Read(), *done);
}

}  // namespace plenary::reports

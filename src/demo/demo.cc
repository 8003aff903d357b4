// Loading demo_corpus.json into the store, generating the participant lists it counts.
#include "demo/demo.h"

#include <map>
#include <vector>

#include <boost/json.hpp>

#include "audit/audit.h"
#include "base/assets.h"
#include "base/random.h"
#include "base/time.h"
#include "demo/council2022.h"
#include "documents/documents.h"
#include "drafting/drafting.h"
#include "proceedings/proceedings.h"
#include "proceedings/sources.h"
#include "documents/resolutions.h"
#include "search/search.h"
#include "site/fields.h"

namespace plenary::demo {

namespace json = boost::json;
using storage::Connection;

bool IsEmpty(storage::Database& db) {
  return db.Read().QueryInt("SELECT count(*) FROM bodies").value_or(0) == 0;
}

namespace {
std::string S(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }
std::string J(const json::value& v) { return v.is_null() ? "{}" : json::serialize(v); }

std::int64_t Time(const json::value& v, const std::string& zone) {
  auto t = ParseIso(S(v), zone);
  if (!t) throw std::runtime_error("demo corpus: bad time " + S(v));
  return *t;
}

// `clock` ("HH:MM") in `zone` on the day (UTC) `days` after `now`: a consultation that is open
// whenever the demo is loaded gives its dates relative to that moment, not as fixed dates.
std::int64_t DaysFrom(Instant now, std::int64_t days, const std::string& clock,
                      const std::string& zone) {
  std::string day = FormatIso(now + days * 86400).substr(0, 10);  // "YYYY-MM-DD"
  return Time(json::value(day + "T" + clock), zone);
}

// Fixed dates ("opens_at", "deadline") or dates relative to the load ("opens_days_before_load",
// "deadline_days_after_load").
std::int64_t OpensAt(const json::object& k, Instant now, const std::string& zone) {
  if (auto* d = k.if_contains("opens_days_before_load"))
    return DaysFrom(now, -d->as_int64(), "00:00", zone);
  return Time(k.at("opens_at"), zone);
}
std::int64_t DeadlineOf(const json::object& k, Instant now, const std::string& zone) {
  if (auto* d = k.if_contains("deadline_days_after_load"))
    return DaysFrom(now, d->as_int64(), "23:59", zone);
  return Time(k.at("deadline"), zone);
}

const char* kStakeholders[] = {"government", "private_sector", "civil_society",
                               "academia_technical", "international_organization",
                               "industry_association", "individual"};
const char* kCountries[] = {"CH", "BR", "KE", "IN", "DE", "CN", "US", "EG", "FR", "RU",
                            "MX", "NG", "JP", "SA", "AR", "ZA", "ID", "PL", "CA", "SN"};

// Registrations and attendance for a consultation meeting: `registered` invented people,
// the first `attended` of them present.
void AddParticipants(Connection& c, std::int64_t meeting_id, const json::object& corpus,
                     std::int64_t registered, std::int64_t attended, int salt, Instant now) {
  const auto& given = corpus.at("participant_names").at("given").as_array();
  const auto& family = corpus.at("participant_names").at("family").as_array();
  const auto& orgs = corpus.at("organizations").as_array();
  for (std::int64_t i = 0; i < registered; ++i) {
    std::size_t k = static_cast<std::size_t>(i * 7 + salt);
    std::string name = S(given[k % given.size()]) + " " + S(family[(k * 13 + 5) % family.size()]);
    std::string org = S(orgs[(k * 3) % orgs.size()]);
    std::string email = "participant" + std::to_string(salt) + "-" + std::to_string(i) + "@example.org";
    c.Exec("INSERT INTO registrations(meeting_id, name, organization, stakeholder_type, country, "
           "email, attended, created_at) VALUES(?,?,?,?,?,?,?,?)",
           meeting_id, name, org, kStakeholders[k % 7], kCountries[(k * 11) % 20], email,
           i < attended, now);
    std::int64_t reg = c.LastInsertId();
    if (i < attended)
      c.Exec("INSERT INTO attendance(meeting_id, person_key, name, minutes, source, "
             "registration_id) VALUES(?,?,?,?,'import',?)",
             meeting_id, email, name, static_cast<std::int64_t>(45 + (k % 90)), reg);
  }
}
// Queues for the index what the corpus wrote directly (the documents, the registry and the
// proceedings queue their own rows as they create them).
void EnqueueForSearch(Connection& c) {
  for (const auto& [kind, sql] : std::vector<std::pair<const char*, const char*>>{
           {"consultation", "SELECT id FROM consultations"},
           {"meeting", "SELECT id FROM meetings"},
           {"contribution", "SELECT id FROM contributions"},
           {"action", "SELECT id FROM actions"},
           {"response", "SELECT id FROM responses WHERE status = 'published'"}}) {
    std::vector<std::int64_t> ids;
    storage::Stmt s(c, sql);
    while (s.Step()) ids.push_back(s.Int(0));
    for (auto id : ids) search::Enqueue(c, kind, id);
  }
}
}  // namespace

void RecordCitations(Connection& c) {
  // Read first, written after: a statement must not be stepping while the table changes.
  struct Row {
    std::int64_t id;
    json::value a, b, summary;
  };
  std::vector<Row> rows;
  {
    storage::Stmt s(c, "SELECT id, title, description, summary, summary_published_at "
                       "FROM consultations ORDER BY id");
    while (s.Step())
      rows.push_back({s.Int(0), site::ParseJson(s.Text(1)), site::ParseJson(s.Text(2)),
                      s.IsNull(4) || s.IsNull(3) ? json::value() : site::ParseJson(s.Text(3))});
  }
  for (const auto& r : rows)
    documents::RecordCitationsOf(c, "consultation", r.id, {&r.a, &r.b, &r.summary});
  rows.clear();
  {
    storage::Stmt s(c, "SELECT id, text FROM actions ORDER BY id");
    while (s.Step()) rows.push_back({s.Int(0), site::ParseJson(s.Text(1)), {}, {}});
  }
  for (const auto& r : rows) documents::RecordCitationsOf(c, "action", r.id, {&r.a});
  std::vector<std::int64_t> items;
  {
    storage::Stmt s(c, "SELECT id FROM agenda_items ORDER BY id");
    while (s.Step()) items.push_back(s.Int(0));
  }
  for (auto id : items) proceedings::RecordItemCitations(c, id);
}

Status Load(storage::Database& db, Instant now) {
  auto data = assets::Find("src/demo/demo_corpus.json");
  if (!data) return Error{Code::kInternal, "demo corpus missing from the binary", {}};
  json::object corpus = json::parse(*data).as_object();
  return db.Write<Ok>([&](Connection& c) -> Result<Ok> {
    if (c.QueryInt("SELECT count(*) FROM bodies").value_or(0) > 0)
      return Error{Code::kConflict, "database: not empty; the demo loads only into an empty one", {}};
    std::map<std::string, std::int64_t> bodies, meetings;
    for (const auto& bv : corpus.at("bodies").as_array()) {
      const auto& b = bv.as_object();
      // Officers, terms of reference and cited resolutions: for the Chair's report (reports/).
      c.Exec("INSERT INTO bodies(key, acronym, name, description, membership, open_consultations, "
             "officers, terms_of_reference, citations) VALUES(?,?,?,?,?,?,?,?,?)",
             S(b.at("key")), S(b.at("acronym")), J(b.at("name")), J(b.at("description")),
             S(b.at("membership")), b.at("open_consultations").as_bool(),
             J(b.contains("officers") ? b.at("officers") : json::object()),
             J(b.contains("terms_of_reference") ? b.at("terms_of_reference") : json::object()),
             J(b.contains("references") ? b.at("references") : json::array()));
      bodies[S(b.at("key"))] = c.LastInsertId();
    }
    for (const auto& mv : corpus.at("meetings").as_array()) {
      const auto& m = mv.as_object();
      std::string starts_at = m.contains("starts_at") ? S(m.at("starts_at")) : "";
      c.Exec("INSERT INTO meetings(body_id, kind, number, title, starts_on, ends_on, starts_at, "
             "timezone, mode, place) VALUES(?,?,?,?,?,?,?,?,?,?)",
             bodies.at(S(m.at("body"))), S(m.at("kind")), m.at("number").as_int64(),
             J(m.at("title")), S(m.at("starts_on")), S(m.at("ends_on")),
             starts_at.empty() ? std::optional<std::string>() : starts_at, S(m.at("timezone")),
             S(m.at("mode")), J(m.contains("place") ? m.at("place") : json::value()));
      std::int64_t id = c.LastInsertId();
      meetings[S(m.at("key"))] = id;
      // What became of the meeting's own report, for the Chair's report (migration 0010).
      if (auto* rep = m.if_contains("report"))
        c.Exec("UPDATE meetings SET report_approved = ?, report_distribution = ? WHERE id = ?",
               rep->at("approved").as_bool(), S(rep->at("distribution")), id);
      if (auto* contribs = m.if_contains("contributions"))
        for (const auto& kv : contribs->as_array())
          c.Exec("INSERT INTO contributions(meeting_id, symbol, title, source) VALUES(?,?,?,?)", id,
                 S(kv.at("symbol")), J(kv.at("title")), J(kv.at("source")));
    }
    std::map<std::string, std::int64_t> consultations;
    int salt = 0;
    for (const auto& cv : corpus.at("consultations").as_array()) {
      const auto& k = cv.as_object();
      std::string tz = S(k.at("timezone"));
      std::optional<std::int64_t> meeting_id;
      if (auto* m = k.if_contains("meeting"); m && m->is_object()) {
        const auto& mo = m->as_object();
        std::string key = S(mo.at("key"));
        if (!meetings.count(key)) {
          c.Exec("INSERT INTO meetings(body_id, kind, number, title, starts_on, ends_on, starts_at, "
                 "timezone, mode) VALUES(?, 'open_consultation', ?, ?, ?, ?, ?, ?, ?)",
                 bodies.at(S(k.at("body"))), mo.at("number").as_int64(), J(mo.at("title")),
                 S(mo.at("date")), S(mo.at("date")), S(mo.at("starts_at")), S(mo.at("timezone")),
                 S(mo.at("mode")));
          meetings[key] = c.LastInsertId();
        }
        meeting_id = meetings.at(key);
        c.Exec("UPDATE meetings SET registered_more_than = ?, attended_more_than = ? WHERE id = ?",
               mo.at("registered_more_than").as_bool(), mo.at("attended_more_than").as_bool(),
               *meeting_id);
        AddParticipants(c, *meeting_id, corpus, mo.at("registered").as_int64(),
                        mo.at("attended").as_int64(), ++salt, now);
      }
      auto meeting_ref = [&](const char* field) -> std::optional<std::int64_t> {
        auto* v = k.if_contains(field);
        if (!v || v->is_null()) return std::nullopt;
        return meetings.at(S(*v));
      };
      std::int64_t opens = OpensAt(k, now, tz), deadline = DeadlineOf(k, now, tz);
      bool has_summary = k.contains("summary") && k.at("summary").is_object();
      c.Exec("INSERT INTO consultations(key, body_id, launched_at_meeting_id, "
             "considered_at_meeting_id, meeting_id, title, description, opens_at, deadline, "
             "timezone, summary, summary_published_at, illustrative, created_at) "
             "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,1,?)",
             S(k.at("key")), bodies.at(S(k.at("body"))), meeting_ref("launched_at"),
             meeting_ref("considered_at"), meeting_id, J(k.at("title")), J(k.at("description")),
             opens, deadline, tz,
             has_summary ? std::optional<std::string>(J(k.at("summary"))) : std::nullopt,
             has_summary ? std::optional<std::int64_t>(deadline + 40 * 86400) : std::nullopt,
             now);
      std::int64_t cid = c.LastInsertId();
      consultations[S(k.at("key"))] = cid;
      std::int64_t n = 1;
      for (const auto& qv : k.at("questions").as_array())
        c.Exec("INSERT INTO questions(consultation_id, number, text) VALUES(?,?,?)", cid, n++, J(qv));
      if (auto* ext = k.if_contains("extensions"))
        for (const auto& ev : ext->as_array())
          c.Exec("INSERT INTO deadline_extensions(consultation_id, previous_deadline, new_deadline, "
                 "reason, at) VALUES(?,?,?,?,?)",
                 cid, Time(ev.at("from"), tz), Time(ev.at("to"), tz), J(ev.at("reason")),
                 Time(ev.at("from"), tz) - 3 * 86400);
      const auto& responses = k.at("responses").as_array();
      std::int64_t span = std::max<std::int64_t>(std::min(deadline, now) - opens, 3600);
      std::int64_t i = 0;
      for (const auto& rv : responses) {
        const auto& r = rv.as_object();
        std::int64_t at = opens + span * (i + 1) / static_cast<std::int64_t>(responses.size() + 1);
        std::string status = S(r.at("status"));
        c.Exec("INSERT INTO responses(consultation_id, reference, name, organization, job_title, "
               "country, stakeholder_type, email, language, general_text, consent_publish, status, "
               "illustrative, submitted_at, published_at, email_confirmed_at) "
               "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?)",
               cid, RandomReference(), S(r.at("name")), S(r.at("organization")),
               S(r.at("job_title")), S(r.at("country")), S(r.at("stakeholder_type")),
               S(r.at("email")), S(r.at("language")), S(r.at("general")),
               r.at("consent").as_bool(), status, at,
               status == "published" ? std::optional<std::int64_t>(std::min(deadline, now))
                                     : std::nullopt,
               at);  // the demo's respondents count as having confirmed their addresses
        std::int64_t rid = c.LastInsertId();
        std::int64_t q = 1;
        for (const auto& a : r.at("answers").as_array()) {
          if (!S(a).empty())
            c.Exec("INSERT INTO answers(response_id, question_number, text) VALUES(?,?,?)", rid, q,
                   S(a));
          ++q;
        }
        ++i;
      }
    }
    for (const auto& av : corpus.at("actions").as_array()) {
      const auto& a = av.as_object();
      std::optional<std::int64_t> cid;
      if (a.at("consultation").is_string()) cid = consultations.at(S(a.at("consultation")));
      c.Exec("INSERT INTO actions(meeting_id, consultation_id, number, kind, owner, text, "
             "created_at) VALUES(?,?,?,?,?,?,?)",
             meetings.at(S(a.at("meeting"))), cid, S(a.at("number")), S(a.at("kind")),
             J(a.at("owner")), J(a.at("text")), now);
    }
    if (auto s = documents::LoadRegistry(c); !s.ok()) return s.error();
    if (auto s = documents::LoadDemoDocuments(c); !s.ok()) return s.error();
    if (auto s = LoadCouncil2022(c); !s.ok()) return s.error();
    if (auto s = drafting::LoadDemo(c); !s.ok()) return s.error();
    if (auto s = LoadInformalReport(c); !s.ok()) return s.error();
    EnqueueForSearch(c);
    RecordCitations(c);
    audit::Record(c, std::nullopt, "demo.load", "database", std::nullopt, std::nullopt,
                  json::serialize(json::object{{"note", corpus.at("note")}}));
    return Ok{};
  });
}

}  // namespace plenary::demo

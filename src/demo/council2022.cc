// The demo proceedings: the Council 2022 plenary meeting of the first source document (and the
// later plenary its informal consultations report back to), loaded
// from src/demo/council2022.json inside the demo loader's transaction (trusted data: rows of
// meetings and proceedings are written directly, as the rest of the demo is).
#include "demo/council2022.h"

#include <map>

#include "base/assets.h"
#include "base/time.h"
#include "documents/documents.h"
#include "drafting/drafting.h"
#include "proceedings/proceedings.h"
#include "search/search.h"

namespace plenary::demo {

namespace json = boost::json;
using storage::Connection;

namespace {
std::string S(const json::object& o, const char* k) {
  auto* v = o.if_contains(k);
  return v && v->is_string() ? std::string(v->as_string()) : "";
}
std::string J(const json::object& o, const char* k) {
  auto* v = o.if_contains(k);
  return v ? json::serialize(*v) : "{}";
}
Error Broken(const std::string& what) { return Error{Code::kInternal, "council2022.json: " + what, {}}; }
}  // namespace

Status LoadCouncil2022(Connection& c) {
  auto text = assets::Find("src/demo/council2022.json");
  if (!text) return Broken("missing");
  const json::object corpus = json::parse(*text).as_object();
  const auto& m = corpus.at("meeting").as_object();
  auto body = c.QueryInt("SELECT id FROM bodies WHERE key = ?", S(m, "body"));
  if (!body) return Broken("no body " + S(m, "body"));
  std::int64_t now = Now();
  c.Exec("INSERT INTO meetings(body_id, kind, number, session, title, starts_on, ends_on, "
         "timezone, mode, place) VALUES(?,?,?,?,?,?,?,?,?,?)",
         *body, S(m, "kind"), m.at("number").as_int64(), S(m, "session"), J(m, "title"),
         S(m, "starts_on"), S(m, "ends_on"), S(m, "timezone"), S(m, "mode"), J(m, "place"));
  std::int64_t meeting = c.LastInsertId();
  search::Enqueue(c, "meeting", meeting);

  auto doc = [&](const std::string& symbol) -> Result<std::int64_t> {
    auto id = documents::DocumentId(c, symbol);
    if (!id) return Broken("no document " + symbol);
    return *id;
  };
  std::map<std::string, std::int64_t> items, paragraphs, decisions;  // by number
  int position = 0;
  for (const auto& iv : corpus.at("items").as_array()) {
    const auto& it = iv.as_object();
    c.Exec("INSERT INTO agenda_items(meeting_id, number, position, title, created_at) "
           "VALUES(?,?,?,?,?)",
           meeting, S(it, "number"), ++position, J(it, "title"), now);
    std::int64_t item = c.LastInsertId();
    items[S(it, "number")] = item;
    int i = 0;
    for (const auto& d : it.at("documents").as_array()) {
      auto id = doc(std::string(d.as_string()));
      if (!id.ok()) return id.error();
      c.Exec("INSERT INTO agenda_item_documents(agenda_item_id, document_id, position) "
             "VALUES(?,?,?)",
             item, *id, ++i);
    }
    int p = 0;
    for (const auto& pv : it.at("paragraphs").as_array()) {
      const auto& para = pv.as_object();
      bool anonymous = !para.contains("anonymous") || para.at("anonymous").as_bool();
      c.Exec("INSERT INTO interventions(agenda_item_id, position, kind, capacity, speaker, "
             "member_state, bureau, anonymous, summary, created_at) VALUES(?,?,?,?,?,?,?,?,?,?)",
             item, ++p, S(para, "kind"), S(para, "capacity"), J(para, "speaker"),
             S(para, "member_state"), S(para, "bureau"), anonymous, J(para, "summary"), now);
      paragraphs[S(para, "number")] = c.LastInsertId();
    }
    if (auto* ds = it.if_contains("decisions"))
      for (const auto& dv : ds->as_array()) {
        const auto& d = dv.as_object();
        c.Exec("INSERT INTO decisions(agenda_item_id, position, kind, forwarded_to, "
               "accompanied_by, report_back, wording, created_at) VALUES(?,?,?,?,?,?,?,?)",
               item, ++p, S(d, "kind"), S(d, "forwarded_to"), J(d, "accompanied_by"),
               J(d, "report_back"), J(d, "wording"), now);
        decisions[S(d, "number")] = c.LastInsertId();
      }
    search::Enqueue(c, "agenda_item", item);
  }
  for (const auto& cv : corpus.at("candidatures").as_array()) {
    const auto& k = cv.as_object();
    c.Exec("INSERT INTO candidatures(agenda_item_id, intervention_id, post, election, candidate, "
           "member_state, created_at) VALUES(?,?,?,?,?,?,?)",
           items.at(S(k, "item")), paragraphs.at(S(k, "paragraph")), S(k, "post"),
           S(k, "election"), S(k, "candidate"), S(k, "member_state"), now);
  }
  for (const auto& av : corpus.at("actions").as_array()) {
    const auto& a = av.as_object();
    std::optional<std::int64_t> decision;
    if (a.contains("decision")) decision = decisions.at(S(a, "decision"));
    c.Exec("INSERT INTO actions(meeting_id, number, kind, owner, text, due, decision_id, "
           "agenda_item_id, created_at) VALUES(?,?,?,?,?,?,?,?,?)",
           meeting, S(a, "number"), S(a, "kind"), J(a, "owner"), J(a, "text"), J(a, "due"),
           decision, items.at(S(a, "item")), now);
    std::int64_t action = c.LastInsertId();
    c.Exec("INSERT INTO action_events(action_id, at, status, meeting_id) VALUES(?,?,'open',?)",
           action, now, meeting);
    if (auto* es = a.if_contains("events"))
      for (const auto& ev : es->as_array()) {
        const auto& e = ev.as_object();
        auto d = doc(S(e, "document"));
        if (!d.ok()) return d.error();
        c.Exec("INSERT INTO action_events(action_id, at, status, document_id, note) "
               "VALUES(?,?,?,?,?)",
               action, now, S(e, "status"), *d, J(e, "note"));
      }
    search::Enqueue(c, "action", action);
  }
  // Every earlier action starts its history at the meeting that approved it.
  c.Exec("INSERT INTO action_events(action_id, at, status, meeting_id) SELECT id, created_at, "
         "'open', meeting_id FROM actions WHERE id NOT IN (SELECT action_id FROM action_events)");
  // Actions of earlier meetings that this session fulfilled ("report more on Resolution 133").
  for (const auto& fv : corpus.at("follow_up").as_array()) {
    const auto& f = fv.as_object();
    storage::Stmt s(c, "SELECT a.id FROM actions a JOIN meetings m ON m.id = a.meeting_id "
                       "JOIN bodies b ON b.id = m.body_id WHERE b.key = 'cwg-internet' AND "
                       "m.kind = 'working_group' AND m.number = ? AND a.number = ?");
    s.BindAll(static_cast<std::int64_t>(std::stoll(S(f, "meeting").substr(3))), S(f, "number"));
    if (!s.Step()) return Broken("no action " + S(f, "number"));
    std::int64_t action = s.Int(0);
    auto d = doc(S(f, "document"));
    if (!d.ok()) return d.error();
    c.Exec("INSERT INTO action_events(action_id, at, status, meeting_id, document_id, note) "
           "VALUES(?,?,?,?,?,?)",
           action, now, S(f, "status"), meeting, *d, J(f, "note"));
  }
  const auto& sig = corpus.at("signatories").as_object();
  auto record = doc(S(sig, "document"));
  if (!record.ok()) return record.error();
  c.Exec("INSERT INTO summary_records(meeting_id, document_id, secretary_general, chair, "
         "updated_at) VALUES(?,?,?,?,?)",
         meeting, *record, J(sig, "secretary_general"), J(sig, "chair"), now);
  return Ok{};
}

Status LoadInformalReport(Connection& c) {
  auto file = assets::Find("src/demo/council2022.json");
  if (!file) return Broken("missing");
  const json::object corpus = json::parse(*file).as_object();
  auto* rv = corpus.if_contains("informal_report");
  if (!rv) return Ok{};
  const auto& r = rv->as_object();
  const auto& m = corpus.at("meeting").as_object();
  const auto& later = r.at("meeting").as_object();
  std::int64_t now = Now();
  auto body = c.QueryInt("SELECT id FROM bodies WHERE key = ?", S(m, "body"));
  // The decision of paragraph 5.8 at the plenary of the record: its referral.
  auto referral = c.QueryInt(
      "SELECT d.id FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id "
      "JOIN meetings m ON m.id = a.meeting_id WHERE m.kind = 'plenary' AND m.session = ? AND "
      "m.number = ? AND d.kind = 'referred_informal'",
      S(m, "session"), m.at("number").as_int64());
  auto document = documents::DocumentId(c, S(r, "text"));
  if (!body || !referral || !document) return Broken("informal_report: no body, decision or text");
  auto text = c.QueryInt("SELECT id FROM texts WHERE document_id = ?", *document);
  if (!text) return Broken("informal_report: no text on " + S(r, "text"));
  std::int64_t version = *c.QueryInt("SELECT version FROM texts WHERE id = ?", *text);

  // The later plenary meeting of the session and its item where the report is recorded.
  c.Exec("INSERT INTO meetings(body_id, kind, number, session, title, starts_on, ends_on, "
         "timezone, mode, place) VALUES(?,?,?,?,?,?,?,?,?,?)",
         *body, S(m, "kind"), later.at("number").as_int64(), S(m, "session"),
         J(later, "title"), S(later, "starts_on"), S(later, "starts_on"), S(m, "timezone"),
         S(m, "mode"), J(m, "place"));
  std::int64_t meeting = c.LastInsertId();
  search::Enqueue(c, "meeting", meeting);
  const auto& it = later.at("item").as_object();
  c.Exec("INSERT INTO agenda_items(meeting_id, number, position, title, created_at) "
         "VALUES(?,?,1,?,?)",
         meeting, S(it, "number"), J(it, "title"), now);
  std::int64_t item = c.LastInsertId();
  int position = 0;
  for (const auto& d : it.at("documents").as_array()) {
    auto id = documents::DocumentId(c, std::string(d.as_string()));
    if (!id) return Broken("informal_report: no document " + std::string(d.as_string()));
    c.Exec("INSERT INTO agenda_item_documents(agenda_item_id, document_id, position) "
           "VALUES(?,?,?)",
           item, *id, ++position);
  }
  json::array provisions;
  for (const auto& l : r.at("provisions").as_array()) {
    auto id = c.QueryInt("SELECT id FROM provisions WHERE text_id = ? AND label = ?", *text,
                         std::string(l.as_string()));
    if (!id) return Broken("informal_report: no provision " + std::string(l.as_string()));
    provisions.emplace_back(*id);
  }
  // The report back: the facilitator's paragraph of that item's record, as
  // drafting::ReportInformal records it (a councillor of their Member State, named; the demo's
  // illustrative facilitator is named in the six languages).
  const auto& f = r.at("facilitator").as_object();
  c.Exec("INSERT INTO interventions(agenda_item_id, position, kind, capacity, speaker, "
         "member_state, bureau, anonymous, summary, created_at) "
         "VALUES(?,1,'intervention','councillor',?,?,'',0,?,?)",
         item,
         f.contains("speaker") ? J(f, "speaker")
                               : json::serialize(json::object{{"en", S(f, "name")}}),
         S(f, "member_state"),
         J(r, "report"), now);
  std::int64_t paragraph = c.LastInsertId();
  search::Enqueue(c, "agenda_item", item);
  // Sent at version + 1, reported at version + 2 (reported_version: the version the report
  // found, as the use case records it); the consultations changed no words.
  c.Exec("INSERT INTO informal_consultations(text_id, provisions, facilitator_user_id, "
         "facilitator_name, member_state, report_to_meeting_id, deadline, decision_id, "
         "sent_version, report_agenda_item_id, report_intervention_id, reported_version, "
         "reported_at, created_at) VALUES(?,?,NULL,?,?,?,?,?,?,?,?,?,?,?)",
         *text, json::serialize(provisions), S(f, "name"), S(f, "member_state"), meeting,
         S(r, "deadline"), *referral, version + 1, item, paragraph, version + 1, now, now);
  std::int64_t informal = c.LastInsertId();
  for (const char* action : {"text.informal", "text.informal_report"}) {
    ++version;
    c.Exec("UPDATE texts SET version = ? WHERE id = ?", version, *text);
    c.Exec("INSERT INTO text_history(text_id, version, user_id, action, object_type, "
           "object_id, detail, snapshot, at) VALUES(?,?,NULL,?,'informal_consultation',?,?,?,?)",
           *text, version, action, informal,
           json::serialize(json::object{{"note", r.at("note")}}), drafting::SnapshotOn(c, *text),
           now);
  }
  return Ok{};
}

}  // namespace plenary::demo

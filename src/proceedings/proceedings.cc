// Proceedings on the SQL store: agenda items, speakers, interventions, decisions, candidatures,
// actions and their history, signatories; and the record's consistency warnings.
#include "proceedings/proceedings.h"

#include <algorithm>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "audit/audit.h"
#include "proceedings/floor.h"
#include "proceedings/sources.h"
#include "proceedings/states.h"
#include "base/time.h"
#include "base/utf8.h"
#include "search/search.h"
#include "site/fields.h"
#include "text/citations.h"
#include "text/countries.h"
#include "text/symbols.h"

namespace plenary::proceedings {

namespace json = boost::json;
using site::Alternatives;
using site::Multilingual;
using site::OneOf;
using site::ParseJson;
using storage::Connection;
using storage::Stmt;

namespace {

std::string J(const json::value& v) { return json::serialize(v); }
bool Empty(const json::value& v) { return !v.is_object() || v.as_object().empty(); }

std::optional<DocumentRef> DocRef(Connection& c, std::optional<std::int64_t> id,
                                  const documents::Viewer& viewer) {
  if (!id) return std::nullopt;
  Stmt s(c, "SELECT id, symbol, title, access FROM documents WHERE id = ?");
  s.BindAll(*id);
  if (!s.Step() || !documents::CanSee(viewer, s.Text(3))) return std::nullopt;
  return DocumentRef{s.Int(0), s.Text(1), ParseJson(s.Text(2))};
}

void LoadEvents(Connection& c, ActionView& a, const documents::Viewer& viewer) {
  Stmt e(c, std::string("SELECT e.id, e.at, e.status, e.document_id, e.note, ") +
                meetings::kLabelColumns +
                " FROM action_events e LEFT JOIN meetings m ON m.id = e.meeting_id "
                "LEFT JOIN bodies b ON b.id = m.body_id WHERE e.action_id = ? ORDER BY e.id");
  e.BindAll(a.id);
  while (e.Step()) {
    ActionEvent ev;
    ev.id = e.Int(0);
    ev.at = e.Int(1);
    ev.status = e.Text(2);
    ev.document = DocRef(c, e.OptInt(3), viewer);
    ev.note = ParseJson(e.Text(4));
    if (!e.IsNull(5)) ev.meeting = meetings::LabelFromRow(e, 5);
    a.events.push_back(std::move(ev));
  }
}

// An action's status: its latest event's (open when it has none).
constexpr char kActionStatus[] =
    "coalesce((SELECT e.status FROM action_events e WHERE e.action_id = a.id "
    "ORDER BY e.id DESC LIMIT 1), 'open')";

const std::string kActionSelect =
    std::string("SELECT a.id, a.number, a.kind, ") + kActionStatus +
    ", a.owner, a.text, a.due, a.decision_id, a.agenda_item_id, a.consultation_id, " +
    meetings::kLabelColumns +
    " FROM actions a JOIN meetings m ON m.id = a.meeting_id JOIN bodies b ON b.id = m.body_id ";

ActionView RowToAction(Connection& c, Stmt& s, const documents::Viewer& viewer) {
  ActionView a;
  a.id = s.Int(0);
  a.number = s.Text(1);
  a.kind = s.Text(2);
  a.status = s.Text(3);
  a.owner = ParseJson(s.Text(4));
  a.text = ParseJson(s.Text(5));
  a.due = ParseJson(s.Text(6));
  a.decision_id = s.OptInt(7);
  a.agenda_item_id = s.OptInt(8);
  a.consultation_key = s.IsNull(9) ? std::string() : meetings::ConsultationKey(c, s.Int(9));
  a.meeting = meetings::LabelFromRow(s, 10);
  LoadEvents(c, a, viewer);
  return a;
}

Result<AgendaItem> ItemOn(Connection& c, std::int64_t item_id, const documents::Viewer& viewer) {
  Stmt s(c,
         "SELECT id, meeting_id, number, position, title, under_discussion, speaking_seconds, "
         "floor_speaker_id, floor_since FROM agenda_items WHERE id = ?");
  s.BindAll(item_id);
  if (!s.Step()) return NotFound(fmt::format("agenda item {}: no such agenda item", item_id));
  AgendaItem it;
  it.id = s.Int(0);
  it.meeting_id = s.Int(1);
  it.number = s.Text(2);
  it.position = static_cast<int>(s.Int(3));
  it.title = ParseJson(s.Text(4));
  it.under_discussion = s.Int(5) != 0;
  it.speaking_seconds = static_cast<int>(s.Int(6));
  it.floor_speaker_id = s.OptInt(7).value_or(0);
  it.floor_since = s.OptInt(8).value_or(0);
  Stmt d(c,
         "SELECT d.id, d.symbol, d.title, d.access FROM agenda_item_documents x "
         "JOIN documents d ON d.id = x.document_id WHERE x.agenda_item_id = ? ORDER BY x.position");
  d.BindAll(it.id);
  while (d.Step())
    if (documents::CanSee(viewer, d.Text(3)))
      it.documents.push_back({d.Int(0), d.Text(1), ParseJson(d.Text(2))});
  Stmt sp(c,
          "SELECT id, position, name, capacity, member_state, status, requested_at, user_id "
          "FROM speakers WHERE agenda_item_id = ? "
          "ORDER BY id <> ?, status <> 'waiting', position, id");
  sp.BindAll(it.id, it.floor_speaker_id);
  while (sp.Step())
    it.speakers.push_back({sp.Int(0), static_cast<int>(sp.Int(1)), sp.Text(2), sp.Text(3),
                           sp.Text(4), sp.Text(5), sp.Int(6), sp.OptInt(7).value_or(0)});
  Stmt iv(c,
          "SELECT id, position, kind, capacity, member_state, bureau, speaker, anonymous, summary "
          "FROM interventions WHERE agenda_item_id = ? ORDER BY position, id");
  iv.BindAll(it.id);
  while (iv.Step())
    it.interventions.push_back({iv.Int(0), static_cast<int>(iv.Int(1)), iv.Text(2), iv.Text(3),
                                iv.Text(4), iv.Text(5), ParseJson(iv.Text(6)), iv.Int(7) != 0,
                                ParseJson(iv.Text(8))});
  Stmt de(c,
          "SELECT id, position, kind, forwarded_to, accompanied_by, report_back, wording "
          "FROM decisions WHERE agenda_item_id = ? ORDER BY position, id");
  de.BindAll(it.id);
  while (de.Step())
    it.decisions.push_back({de.Int(0), static_cast<int>(de.Int(1)), de.Text(2), de.Text(3),
                            ParseJson(de.Text(4)), ParseJson(de.Text(5)), ParseJson(de.Text(6))});
  Stmt ca(c,
          "SELECT id, intervention_id, post, election, candidate, member_state FROM candidatures "
          "WHERE agenda_item_id = ? ORDER BY id");
  ca.BindAll(it.id);
  while (ca.Step())
    it.candidatures.push_back(
        {ca.Int(0), ca.OptInt(1), ca.Text(2), ca.Text(3), ca.Text(4), ca.Text(5)});
  Stmt a(c, std::string(kActionSelect) + "WHERE a.agenda_item_id = ? ORDER BY a.number, a.id");
  a.BindAll(it.id);
  while (a.Step()) it.actions.push_back(RowToAction(c, a, viewer));
  return it;
}

// Checks common to the use cases on an item: it exists; returns its meeting.
std::optional<std::int64_t> ItemMeeting(Connection& c, std::int64_t item_id) {
  return c.QueryInt("SELECT meeting_id FROM agenda_items WHERE id = ?", item_id);
}
Error NoSuchItem(std::int64_t id) {
  return NotFound(fmt::format("agenda item {}: no such agenda item", id));
}

Status CheckMemberState(const std::string& code, const char* field, bool required) {
  if (code.empty() && !required) return Ok{};
  if (!text::IsCountry(code))
    return InvalidArgument(field, std::string(field) +
                                      ": must be an ISO 3166-1 alpha-2 code such as GH");
  return Ok{};
}

Status CheckName(const std::string& s, const char* field, std::size_t max) {
  if (s.empty() || site::CountChars(s) > max || !IsValidUtf8(s))
    return InvalidArgument(field, fmt::format("{}: required, 1 to {} characters", field, max));
  return Ok{};
}

int NextPosition(Connection& c, const char* table, std::int64_t item_id) {
  return static_cast<int>(
      c.QueryInt(fmt::format("SELECT coalesce(max(position), 0) + 1 FROM {} "
                             "WHERE agenda_item_id = ?",
                             table),
                 item_id)
          .value_or(1));
}

}  // namespace

// --- Queries ---------------------------------------------------------------------------------

Result<Proceedings> Get(storage::Database& db, const std::string& meeting,
                        const documents::Viewer& viewer) {
  auto m = meetings::GetMeeting(db, meeting);
  if (!m.ok()) return m.error();
  Proceedings p{*m, {}, {}};
  auto& c = db.Read();
  Stmt s(c, "SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position, id");
  s.BindAll(m->id);
  std::vector<std::int64_t> ids;
  while (s.Step()) ids.push_back(s.Int(0));
  for (auto id : ids) {
    auto it = ItemOn(c, id, viewer);
    if (!it.ok()) return it.error();
    p.items.push_back(std::move(*it));
  }
  Stmt r(c, "SELECT secretary_general, chair, document_id FROM summary_records WHERE meeting_id = ?");
  r.BindAll(m->id);
  if (r.Step())
    p.signatories = {ParseJson(r.Text(0)), ParseJson(r.Text(1)), DocRef(c, r.OptInt(2), viewer)};
  return p;
}

bool HasAgenda(storage::Database& db, std::int64_t meeting_id) {
  return db.Read().QueryInt("SELECT 1 FROM agenda_items WHERE meeting_id = ? LIMIT 1", meeting_id)
      .has_value();
}

Result<AgendaItem> GetItem(storage::Database& db, std::int64_t item_id,
                           const documents::Viewer& viewer) {
  return ItemOn(db.Read(), item_id, viewer);
}

std::vector<Warning> Warnings(const Proceedings& p) {
  std::vector<Warning> out;
  for (const auto& it : p.items) {
    std::set<std::string> have;
    std::vector<std::string> expected;
    for (const auto& d : it.documents) {
      have.insert(d.symbol);
      expected.push_back(d.symbol);
    }
    auto check = [&](const json::value& texts, const std::string& paragraph) {
      if (!texts.is_object()) return;
      for (const auto& [lang, v] : texts.as_object()) {
        if (!v.is_string()) continue;
        std::set<std::string> seen;
        for (const auto& cit : text::ExtractCitations(v.as_string())) {
          if (cit.kind != "document") continue;
          auto sym = text::ParseSymbol(cit.symbol);
          if (!sym.ok()) continue;
          sym->language.clear();
          std::string canonical = text::FormatSymbol(*sym);
          if (have.count(canonical) || !seen.insert(canonical).second) continue;
          out.push_back({it.number, paragraph, std::string(lang), canonical, expected});
        }
      }
    };
    check(it.title, "");
    int n = 0;
    for (const auto& iv : it.interventions) check(iv.summary, fmt::format("{}.{}", it.number, ++n));
    for (const auto& d : it.decisions) check(d.wording, fmt::format("{}.{}", it.number, ++n));
  }
  return out;
}

Result<std::vector<ActionView>> ListActions(storage::Database& db, const ActionQuery& q,
                                            const documents::Viewer& viewer) {
  auto& c = db.Read();
  std::string where = "WHERE 1 = 1 ";  // a boolean on PostgreSQL too
  std::optional<std::int64_t> body;
  if (q.body && !q.body->empty()) {
    body = meetings::BodyId(c, *q.body);
    if (!body) return InvalidArgument("body", "body: no such body " + *q.body);
    where += "AND m.body_id = ?1 ";
  }
  if (q.status && !q.status->empty()) {
    if (!OneOf(*q.status, kActionStatuses))
      return InvalidArgument("status", "status: must be " + Alternatives(kActionStatuses));
    where += std::string("AND ") + kActionStatus + " = ?2 ";
  }
  Stmt s(c, std::string(kActionSelect) + where +
                "ORDER BY m.starts_on DESC, m.id DESC, a.number, a.id");
  if (body) s.Bind(1, *body);
  if (q.status && !q.status->empty()) s.Bind(2, *q.status);
  std::vector<ActionView> out;
  while (s.Step()) out.push_back(RowToAction(c, s, viewer));
  return out;
}

Result<ActionView> GetAction(storage::Database& db, std::int64_t id,
                             const documents::Viewer& viewer) {
  auto& c = db.Read();
  Stmt s(c, std::string(kActionSelect) + "WHERE a.id = ?");
  s.BindAll(id);
  if (!s.Step()) return NotFound(fmt::format("action {}: no such action", id));
  return RowToAction(c, s, viewer);
}

// --- Use cases -------------------------------------------------------------------------------

Result<AgendaItem> CreateItem(storage::Database& db, std::int64_t user_id,
                              const std::string& meeting, const ItemInput& in) {
  static const std::regex kNumber(R"([A-Za-z0-9.]{1,10})");
  if (!std::regex_match(in.number, kNumber))
    return InvalidArgument("number", "number: 1 to 10 letters, digits or dots, e.g. 5 or 5bis");
  auto title = Multilingual(in.title, "title", true, 1000);
  if (!title.ok()) return title.error();
  if (in.documents.size() > 50) return InvalidArgument("documents", "documents: at most 50");
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    auto mid = meetings::MeetingId(c, meeting);
    if (!mid) return NotFound("meeting " + meeting + ": no such meeting");
    if (c.QueryInt("SELECT 1 FROM agenda_items WHERE meeting_id = ? AND number = ?", *mid,
                   in.number))
      return Error{Code::kConflict, "number: this meeting already has an item " + in.number,
                   "number"};
    std::vector<std::int64_t> docs;
    for (const auto& sym : in.documents) {
      auto d = documents::DocumentId(c, sym);
      if (!d) return InvalidArgument("documents", "documents: no such document " + sym);
      if (std::find(docs.begin(), docs.end(), *d) != docs.end())
        return InvalidArgument("documents", "documents: " + sym + " is listed twice");
      docs.push_back(*d);
    }
    int position = in.position.value_or(static_cast<int>(
        c.QueryInt("SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?",
                   *mid)
            .value_or(1)));
    c.Exec("INSERT INTO agenda_items(meeting_id, number, position, title, created_at) "
           "VALUES(?,?,?,?,?)",
           *mid, in.number, position, J(*title), Now());
    std::int64_t id = c.LastInsertId();
    auto states =
        site::WriteTextStates(c, "agenda_item", id, {{"title", json::value(), *title}}, in.states);
    if (!states.ok()) return states.error();
    int i = 0;
    for (auto d : docs)
      c.Exec("INSERT INTO agenda_item_documents(agenda_item_id, document_id, position) "
             "VALUES(?,?,?)",
             id, d, ++i);
    search::Enqueue(c, "agenda_item", id);
    RecordItemCitations(c, id);
    audit::Record(c, user_id, "agenda_item.create", "agenda_item", id, std::nullopt,
                  J(json::object{{"meeting_id", *mid}, {"number", in.number},
                                 {"documents", json::value_from(in.documents)}}));
    return id;
  });
  if (!id.ok()) return id.error();
  return ItemOn(db.Read(), *id, std::nullopt);
}

Result<Speaker> AddSpeaker(storage::Database& db, std::int64_t user_id, std::int64_t item_id,
                           const SpeakerInput& in) {
  if (auto s = CheckName(in.name, "name", 200); !s.ok()) return s.error();
  if (!OneOf(in.capacity, kCapacities))
    return InvalidArgument("capacity", "capacity: must be " + Alternatives(kCapacities));
  if (auto s = CheckMemberState(in.member_state, "member_state", false); !s.ok())
    return s.error();
  std::int64_t meeting = 0;
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    auto m = ItemMeeting(c, item_id);
    if (!m) return NoSuchItem(item_id);
    meeting = *m;
    // A delegate asks for the floor on the item the meeting is discussing, as the page offers.
    if (in.own_request &&
        c.QueryInt("SELECT under_discussion FROM agenda_items WHERE id = ?", item_id).value_or(0) == 0)
      return Error{Code::kFailedPrecondition,
                   "under_discussion: this item is not under discussion; a delegate asks for the "
                   "floor on the item under discussion only",
                   "under_discussion"};
    if (in.own_request &&
        (c.QueryInt("SELECT 1 FROM speakers WHERE agenda_item_id = ? AND status = 'waiting' "
                    "AND name = ? AND member_state = ?",
                    item_id, in.name, in.member_state) ||
         (in.requested_by &&
          c.QueryInt("SELECT 1 FROM speakers WHERE agenda_item_id = ? AND user_id = ? "
                     "AND status = 'waiting'",
                     item_id, in.requested_by))))
      return Error{Code::kConflict,
                   "speakers: you are already on this item's list of speakers; one waiting "
                   "request per delegate",
                   "speakers"};
    if (c.QueryInt("SELECT count(*) FROM speakers WHERE agenda_item_id = ? AND status = 'waiting'",
                   item_id)
            .value_or(0) >= 500)
      return Error{Code::kResourceExhausted, "speakers: at most 500 waiting speakers per item",
                   "speakers"};
    std::optional<std::int64_t> by;
    if (in.own_request && in.requested_by) by = in.requested_by;
    c.Exec("INSERT INTO speakers(agenda_item_id, position, name, capacity, member_state, status, "
           "requested_at, user_id) VALUES(?,?,?,?,?,'waiting',?,?)",
           item_id, NextPosition(c, "speakers", item_id), in.name, in.capacity, in.member_state,
           Now(), by);
    std::int64_t id = c.LastInsertId();
    audit::Record(c, user_id, "speaker.add", "speaker", id, std::nullopt,
                  J(json::object{{"agenda_item_id", item_id}, {"name", in.name},
                                 {"capacity", in.capacity}, {"member_state", in.member_state}}));
    return id;
  });
  if (!id.ok()) return id.error();
  FloorChanged(meeting);
  auto it = ItemOn(db.Read(), item_id, std::nullopt);
  if (!it.ok()) return it.error();
  for (auto& s : it->speakers)
    if (s.id == *id) return s;
  return NotFound("speaker: vanished");
}

namespace {
// Writes positions 1..n to the waiting speakers of `item_id` in the order `order`.
Status WriteOrder(Connection& c, std::int64_t user_id, std::int64_t item_id,
                  const std::vector<std::int64_t>& order) {
  std::vector<std::int64_t> before;
  Stmt s(c, "SELECT id FROM speakers WHERE agenda_item_id = ? AND status = 'waiting' "
            "ORDER BY position, id");
  s.BindAll(item_id);
  while (s.Step()) before.push_back(s.Int(0));
  std::vector<std::int64_t> a = before, b = order;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  if (a != b)
    return InvalidArgument("order", "order: must list each waiting speaker of the item once");
  int pos = 0;
  for (auto id : order) c.Exec("UPDATE speakers SET position = ? WHERE id = ?", ++pos, id);
  audit::Record(c, user_id, "speakers.reorder", "agenda_item", item_id,
                J(json::value_from(before)), J(json::value_from(order)));
  return Ok{};
}
}  // namespace

Status ReorderSpeakers(storage::Database& db, std::int64_t user_id, std::int64_t item_id,
                       const std::vector<std::int64_t>& order) {
  std::int64_t meeting = 0;
  auto r = db.Write<Ok>([&](Connection& c) -> Result<Ok> {
    auto m = ItemMeeting(c, item_id);
    if (!m) return NoSuchItem(item_id);
    meeting = *m;
    return WriteOrder(c, user_id, item_id, order);
  });
  if (r.ok()) FloorChanged(meeting);
  return r;
}

Status MoveSpeaker(storage::Database& db, std::int64_t user_id, std::int64_t speaker_id, int by) {
  if (by != -1 && by != 1) return InvalidArgument("move", "move: must be up or down");
  std::int64_t meeting = 0;
  auto r = db.Write<Ok>([&](Connection& c) -> Result<Ok> {
    Stmt s(c, "SELECT agenda_item_id, status FROM speakers WHERE id = ?");
    s.BindAll(speaker_id);
    if (!s.Step()) return NotFound(fmt::format("speaker {}: no such speaker", speaker_id));
    std::int64_t item = s.Int(0);
    meeting = ItemMeeting(c, item).value_or(0);
    if (s.Text(1) != "waiting")
      return Error{Code::kConflict, "status: only a waiting speaker can be moved", "status"};
    std::vector<std::int64_t> order;
    Stmt w(c, "SELECT id FROM speakers WHERE agenda_item_id = ? AND status = 'waiting' "
              "ORDER BY position, id");
    w.BindAll(item);
    while (w.Step()) order.push_back(w.Int(0));
    auto at = std::find(order.begin(), order.end(), speaker_id) - order.begin();
    auto to = at + by;
    if (to < 0 || to >= static_cast<long>(order.size())) return Ok{};  // already first / last
    std::swap(order[at], order[to]);
    return WriteOrder(c, user_id, item, order);
  });
  if (r.ok()) FloorChanged(meeting);
  return r;
}

Result<std::int64_t> SetSpeakerStatus(storage::Database& db, std::int64_t user_id,
                                      std::int64_t speaker_id, const std::string& status,
                                      bool own_only) {
  if (status != "done" && status != "withdrawn" && status != "floor")
    return InvalidArgument("status", "status: must be floor, done or withdrawn");
  if (own_only && status != "withdrawn")
    return PermissionDenied("status: a delegate may only withdraw their own request");
  std::int64_t meeting = 0;
  auto item = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    Stmt s(c, "SELECT agenda_item_id, status, user_id FROM speakers WHERE id = ?");
    s.BindAll(speaker_id);
    if (!s.Step()) return NotFound(fmt::format("speaker {}: no such speaker", speaker_id));
    std::int64_t item = s.Int(0);
    std::string before = s.Text(1);
    if (own_only && s.OptInt(2).value_or(0) != user_id)
      return PermissionDenied("status: a delegate may only withdraw their own request");
    if (before != "waiting")
      return Error{Code::kConflict, "status: this speaker is already " + before, "status"};
    meeting = ItemMeeting(c, item).value_or(0);
    auto holder = c.QueryInt("SELECT floor_speaker_id FROM agenda_items WHERE id = ?", item);
    std::int64_t now = Now();
    if (status == "floor") {
      if (holder && *holder == speaker_id)
        return Error{Code::kConflict, "status: this speaker already has the floor", "status"};
      // Whoever had the floor on the item has spoken.
      if (holder) {
        c.Exec("UPDATE speakers SET status = 'done', done_at = ? WHERE id = ?", now, *holder);
        audit::Record(c, user_id, "speaker.status", "speaker", *holder,
                      J(json::object{{"status", "waiting"}, {"floor", true}}),
                      J(json::object{{"status", "done"}}));
      }
      c.Exec("UPDATE agenda_items SET floor_speaker_id = ?, floor_since = ? WHERE id = ?",
             speaker_id, now, item);
      audit::Record(c, user_id, "speaker.floor", "speaker", speaker_id,
                    J(json::object{{"status", before}}),
                    J(json::object{{"status", before}, {"floor", true}, {"since", now}}));
      return item;
    }
    if (holder && *holder == speaker_id)
      c.Exec("UPDATE agenda_items SET floor_speaker_id = NULL, floor_since = NULL WHERE id = ?",
             item);
    c.Exec("UPDATE speakers SET status = ?, done_at = ? WHERE id = ?", status, now, speaker_id);
    audit::Record(c, user_id, "speaker.status", "speaker", speaker_id,
                  J(json::object{{"status", before}, {"floor", holder && *holder == speaker_id}}),
                  J(json::object{{"status", status}}));
    return item;
  });
  if (item.ok()) FloorChanged(meeting);
  return item;
}

Status SetDiscussion(storage::Database& db, std::int64_t user_id, std::int64_t item_id,
                     bool under_discussion, std::optional<int> speaking_seconds) {
  if (speaking_seconds &&
      (*speaking_seconds < kMinSpeakingSeconds || *speaking_seconds > kMaxSpeakingSeconds))
    return InvalidArgument("speaking_seconds",
                           fmt::format("speaking_seconds: must be a whole number from {} to {}",
                                       kMinSpeakingSeconds, kMaxSpeakingSeconds));
  std::int64_t meeting = 0;
  auto r = db.Write<Ok>([&](Connection& c) -> Result<Ok> {
    Stmt s(c, "SELECT meeting_id, under_discussion, speaking_seconds FROM agenda_items "
              "WHERE id = ?");
    s.BindAll(item_id);
    if (!s.Step()) return NoSuchItem(item_id);
    meeting = s.Int(0);
    json::object before{{"under_discussion", s.Int(1) != 0}, {"speaking_seconds", s.Int(2)}};
    std::int64_t seconds = speaking_seconds.value_or(static_cast<int>(s.Int(2)));
    if (under_discussion)
      c.Exec("UPDATE agenda_items SET under_discussion = 0 WHERE meeting_id = ? AND id <> ?",
             meeting, item_id);
    c.Exec("UPDATE agenda_items SET under_discussion = ?, speaking_seconds = ? WHERE id = ?",
           under_discussion ? 1 : 0, seconds, item_id);
    audit::Record(c, user_id, "agenda_item.discussion", "agenda_item", item_id, J(before),
                  J(json::object{{"under_discussion", under_discussion},
                                 {"speaking_seconds", seconds}}));
    return Ok{};
  });
  if (r.ok()) FloorChanged(meeting);
  return r;
}

Result<std::int64_t> AddInterventionOn(storage::Connection& c, std::int64_t user_id,
                                       std::int64_t item_id, const InterventionInput& in) {
  if (in.kind != "intervention" && in.kind != "statement")
    return InvalidArgument("kind", "kind: must be intervention or statement");
  if (!OneOf(in.capacity, kCapacities))
    return InvalidArgument("capacity", "capacity: must be " + Alternatives(kCapacities));
  if (!in.bureau.empty() && !OneOf(in.bureau, kBureaux))
    return InvalidArgument("bureau", "bureau: must be " + Alternatives(kBureaux));
  if (in.capacity == "bureau" && in.bureau.empty())
    return InvalidArgument("bureau", "bureau: required when capacity is bureau");
  if (auto s = CheckMemberState(in.member_state, "member_state", false); !s.ok())
    return s.error();
  auto speaker = Multilingual(in.speaker, "speaker", !in.anonymous, 300);
  if (!speaker.ok()) return speaker.error();
  if (in.anonymous && !Empty(*speaker))
    return InvalidArgument("speaker", "speaker: an anonymous intervention names no speaker");
  auto summary = Multilingual(in.summary, "summary", true, 20000);
  if (!summary.ok()) return summary.error();
  if (!ItemMeeting(c, item_id)) return NoSuchItem(item_id);
  c.Exec("INSERT INTO interventions(agenda_item_id, position, kind, capacity, speaker, "
         "member_state, bureau, anonymous, summary, created_at) VALUES(?,?,?,?,?,?,?,?,?,?)",
         item_id, NextPosition(c, "interventions", item_id), in.kind, in.capacity, J(*speaker),
         in.member_state, in.bureau, in.anonymous, J(*summary), Now());
  std::int64_t id = c.LastInsertId();
  auto states = site::WriteTextStates(c, "intervention", id, {{"summary", nullptr, *summary}},
                                      in.states);
  if (!states.ok()) return states.error();
  search::Enqueue(c, "agenda_item", item_id);
  RecordItemCitations(c, item_id);
  audit::Record(c, user_id, "intervention.add", "intervention", id, std::nullopt,
                J(json::object{{"agenda_item_id", item_id}, {"kind", in.kind},
                               {"capacity", in.capacity}, {"member_state", in.member_state}}));
  return id;
}

Result<Intervention> AddIntervention(storage::Database& db, std::int64_t user_id,
                                     std::int64_t item_id, const InterventionInput& in) {
  auto id = db.Write<std::int64_t>(
      [&](Connection& c) { return AddInterventionOn(c, user_id, item_id, in); });
  if (!id.ok()) return id.error();
  auto it = ItemOn(db.Read(), item_id, std::nullopt);
  if (!it.ok()) return it.error();
  for (auto& i : it->interventions)
    if (i.id == *id) return i;
  return NotFound("intervention: vanished");
}

std::optional<std::int64_t> InterventionItem(storage::Database& db, std::int64_t intervention_id) {
  return db.Read().QueryInt("SELECT agenda_item_id FROM interventions WHERE id = ?",
                            intervention_id);
}

namespace {
// The paragraph as the audit log keeps it: everything needed to read it again.
std::optional<json::object> InterventionRow(Connection& c, std::int64_t id) {
  Stmt s(c, "SELECT agenda_item_id, kind, capacity, speaker, member_state, bureau, anonymous, "
            "summary FROM interventions WHERE id = ?");
  s.BindAll(id);
  if (!s.Step()) return std::nullopt;
  return json::object{{"agenda_item_id", s.Int(0)},     {"kind", s.Text(1)},
                      {"capacity", s.Text(2)},          {"speaker", json::parse(s.Text(3))},
                      {"member_state", s.Text(4)},      {"bureau", s.Text(5)},
                      {"anonymous", s.Int(6) != 0},     {"summary", json::parse(s.Text(7))}};
}
Error NoSuchIntervention(std::int64_t id) {
  return NotFound("intervention " + std::to_string(id) + ": no such paragraph of the record");
}
}  // namespace

Result<Intervention> EditIntervention(storage::Database& db, std::int64_t user_id,
                                      std::int64_t intervention_id, const json::value& summary) {
  return EditIntervention(db, user_id, intervention_id, summary, site::AskedStates{});
}

Result<Intervention> EditIntervention(storage::Database& db, std::int64_t user_id,
                                      std::int64_t intervention_id, const json::value& summary,
                                      const site::AskedStates& states) {
  auto text = Multilingual(summary, "summary", true, 20000);
  if (!text.ok()) return text.error();
  auto item = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    auto before = InterventionRow(c, intervention_id);
    if (!before) return NoSuchIntervention(intervention_id);
    c.Exec("UPDATE interventions SET summary = ? WHERE id = ?", J(*text), intervention_id);
    auto written = site::WriteTextStates(c, "intervention", intervention_id,
                                         {{"summary", before->at("summary"), *text}}, states);
    if (!written.ok()) return written.error();
    std::int64_t item_id = before->at("agenda_item_id").as_int64();
    // A form saved as it stood changes nothing and is not an edit.
    if (before->at("summary") == *text && !*written) return item_id;
    search::Enqueue(c, "agenda_item", item_id);
    RecordItemCitations(c, item_id);
    audit::Record(c, user_id, "intervention.edit", "intervention", intervention_id,
                  J(json::object{{"summary", before->at("summary")}}),
                  J(json::object{{"summary", *text}}));
    return item_id;
  });
  if (!item.ok()) return item.error();
  auto it = ItemOn(db.Read(), *item, std::nullopt);
  if (!it.ok()) return it.error();
  for (auto& i : it->interventions)
    if (i.id == intervention_id) return i;
  return NoSuchIntervention(intervention_id);
}

Status DeleteIntervention(storage::Database& db, std::int64_t user_id,
                          std::int64_t intervention_id) {
  return db.Write<Ok>([&](Connection& c) -> Result<Ok> {
    auto before = InterventionRow(c, intervention_id);
    if (!before) return NoSuchIntervention(intervention_id);
    if (c.QueryInt("SELECT 1 FROM candidatures WHERE intervention_id = ?", intervention_id))
      return Error{Code::kConflict,
                   "intervention: a candidature refers to this paragraph; it cannot be deleted",
                   "intervention"};
    c.Exec("DELETE FROM interventions WHERE id = ?", intervention_id);
    site::DeleteStates(c, "intervention", intervention_id);
    search::Enqueue(c, "agenda_item", before->at("agenda_item_id").as_int64());
    RecordItemCitations(c, before->at("agenda_item_id").as_int64());
    audit::Record(c, user_id, "intervention.delete", "intervention", intervention_id, J(*before),
                  std::nullopt);
    return Ok{};
  });
}

Result<Decision> AddDecision(storage::Database& db, std::int64_t user_id, std::int64_t item_id,
                             const DecisionInput& in) {
  if (!OneOf(in.kind, kDecisionKinds))
    return InvalidArgument("kind", "kind: must be " + Alternatives(kDecisionKinds));
  if (!in.forwarded_to.empty() && !OneOf(in.forwarded_to, kRecipients))
    return InvalidArgument("forwarded_to", "forwarded_to: must be " + Alternatives(kRecipients));
  if (in.kind == "forwarded" && in.forwarded_to.empty())
    return InvalidArgument("forwarded_to", "forwarded_to: required when kind is forwarded");
  auto with = Multilingual(in.accompanied_by, "accompanied_by", false, 1000);
  if (!with.ok()) return with.error();
  auto back = Multilingual(in.report_back, "report_back", false, 500);
  if (!back.ok()) return back.error();
  if (in.kind == "referred_informal" && Empty(*back))
    return InvalidArgument("report_back",
                           "report_back: required when kind is referred_informal (the meeting "
                           "to report back to)");
  auto wording = Multilingual(in.wording, "wording", false, 5000);
  if (!wording.ok()) return wording.error();
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    if (!ItemMeeting(c, item_id)) return NoSuchItem(item_id);
    c.Exec("INSERT INTO decisions(agenda_item_id, position, kind, forwarded_to, accompanied_by, "
           "report_back, wording, created_at) VALUES(?,?,?,?,?,?,?,?)",
           item_id, NextPosition(c, "decisions", item_id), in.kind, in.forwarded_to, J(*with),
           J(*back), J(*wording), Now());
    std::int64_t id = c.LastInsertId();
    auto states =
        site::WriteTextStates(c, "decision", id, {{"wording", json::value(), *wording}}, in.states);
    if (!states.ok()) return states.error();
    search::Enqueue(c, "agenda_item", item_id);
    RecordItemCitations(c, item_id);
    audit::Record(c, user_id, "decision.add", "decision", id, std::nullopt,
                  J(json::object{{"agenda_item_id", item_id}, {"kind", in.kind},
                                 {"forwarded_to", in.forwarded_to}}));
    return id;
  });
  if (!id.ok()) return id.error();
  auto it = ItemOn(db.Read(), item_id, std::nullopt);
  if (!it.ok()) return it.error();
  for (auto& d : it->decisions)
    if (d.id == *id) return d;
  return NotFound("decision: vanished");
}

Result<Candidature> AddCandidature(storage::Database& db, std::int64_t user_id,
                                   std::int64_t item_id, const CandidatureInput& in) {
  if (!OneOf(in.post, kPosts))
    return InvalidArgument("post", "post: must be " + Alternatives(kPosts));
  if (auto s = CheckName(in.candidate, "candidate", 200); !s.ok()) return s.error();
  if (auto s = CheckMemberState(in.member_state, "member_state", true); !s.ok()) return s.error();
  if (site::CountChars(in.election) > 50)
    return InvalidArgument("election", "election: at most 50 characters, e.g. PP-22");
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    if (!ItemMeeting(c, item_id)) return NoSuchItem(item_id);
    if (in.intervention_id &&
        !c.QueryInt("SELECT 1 FROM interventions WHERE id = ? AND agenda_item_id = ?",
                    *in.intervention_id, item_id))
      return InvalidArgument("intervention_id",
                             "intervention_id: not an intervention of this agenda item");
    c.Exec("INSERT INTO candidatures(agenda_item_id, intervention_id, post, election, candidate, "
           "member_state, created_at) VALUES(?,?,?,?,?,?,?)",
           item_id, in.intervention_id, in.post, in.election, in.candidate, in.member_state,
           Now());
    std::int64_t id = c.LastInsertId();
    audit::Record(c, user_id, "candidature.add", "candidature", id, std::nullopt,
                  J(json::object{{"post", in.post}, {"candidate", in.candidate},
                                 {"member_state", in.member_state}}));
    return id;
  });
  if (!id.ok()) return id.error();
  return Candidature{*id, in.intervention_id, in.post, in.election, in.candidate,
                     in.member_state};
}

Result<ActionView> CreateAction(storage::Database& db, std::int64_t user_id,
                                const std::string& meeting, const ActionInput& in) {
  static const std::regex kNumber(R"([A-Za-z0-9.]{1,20})");
  if (!std::regex_match(in.number, kNumber))
    return InvalidArgument("number", "number: 1 to 20 letters, digits or dots, e.g. 2.7.3");
  if (!OneOf(in.kind, kActionKinds))
    return InvalidArgument("kind", "kind: must be " + Alternatives(kActionKinds));
  auto owner = Multilingual(in.owner, "owner", true, 300);
  if (!owner.ok()) return owner.error();
  auto text = Multilingual(in.text, "text", true, 5000);
  if (!text.ok()) return text.error();
  auto due = Multilingual(in.due, "due", false, 300);
  if (!due.ok()) return due.error();
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    auto mid = meetings::MeetingId(c, meeting);
    if (!mid) return NotFound("meeting " + meeting + ": no such meeting");
    if (c.QueryInt("SELECT 1 FROM actions WHERE meeting_id = ? AND number = ?", *mid, in.number))
      return Error{Code::kConflict, "number: this meeting already has an action " + in.number,
                   "number"};
    std::optional<std::int64_t> item = in.agenda_item_id;
    if (in.decision_id) {
      auto of = c.QueryInt("SELECT agenda_item_id FROM decisions WHERE id = ?", *in.decision_id);
      if (!of || ItemMeeting(c, *of) != mid)
        return InvalidArgument("decision_id", "decision_id: not a decision of this meeting");
      if (item && *item != *of)
        return InvalidArgument("agenda_item_id", "agenda_item_id: the decision is on another item");
      item = of;
    }
    if (item && ItemMeeting(c, *item) != mid)
      return InvalidArgument("agenda_item_id", "agenda_item_id: not an item of this meeting");
    meetings::NewAction action;
    action.meeting_id = *mid;
    action.decision_id = in.decision_id;
    action.agenda_item_id = item;
    action.number = in.number;
    action.kind = in.kind;
    action.owner = *owner;
    action.text = *text;
    action.due = *due;
    action.created_at = Now();
    std::int64_t id = meetings::InsertAction(c, action);
    auto states = site::WriteTextStates(c, "action", id, {{"text", json::value(), *text}}, in.states);
    if (!states.ok()) return states.error();
    c.Exec("INSERT INTO action_events(action_id, at, status, meeting_id, user_id) "
           "VALUES(?,?,'open',?,?)",
           id, Now(), *mid, user_id);
    search::Enqueue(c, "action", id);
    documents::RecordCitationsOf(c, "action", id, {&action.text});
    audit::Record(c, user_id, "action.create", "action", id, std::nullopt,
                  J(json::object{{"meeting_id", *mid}, {"number", in.number}, {"kind", in.kind}}));
    return id;
  });
  if (!id.ok()) return id.error();
  return GetAction(db, *id, std::nullopt);
}

Result<ActionView> RecordActionEvent(storage::Database& db, std::int64_t user_id,
                                     std::int64_t action_id, const ActionEventInput& in) {
  if (!OneOf(in.status, kActionStatuses))
    return InvalidArgument("status", "status: must be " + Alternatives(kActionStatuses));
  auto note = Multilingual(in.note, "note", false, 2000);
  if (!note.ok()) return note.error();
  auto ok = db.Write<Ok>([&](Connection& c) -> Result<Ok> {
    Stmt s(c, std::string("SELECT ") + kActionStatus + " FROM actions a WHERE a.id = ?");
    s.BindAll(action_id);
    if (!s.Step()) return NotFound(fmt::format("action {}: no such action", action_id));
    std::string before = s.Text(0);
    std::optional<std::int64_t> mid, doc;
    if (in.meeting && !in.meeting->empty()) {
      mid = meetings::MeetingId(c, *in.meeting);
      if (!mid) return InvalidArgument("meeting", "meeting: no such meeting " + *in.meeting);
    }
    if (in.document && !in.document->empty()) {
      doc = documents::DocumentId(c, *in.document);
      if (!doc) return InvalidArgument("document", "document: no such document " + *in.document);
    }
    if (before == in.status && !mid && !doc && Empty(*note))
      return InvalidArgument("status", "status: the action is already " + before +
                                           "; give a note, meeting or document to record");
    c.Exec("INSERT INTO action_events(action_id, at, status, meeting_id, document_id, note, "
           "user_id) VALUES(?,?,?,?,?,?,?)",
           action_id, Now(), in.status, mid, doc, J(*note), user_id);
    search::Enqueue(c, "action", action_id);
    audit::Record(c, user_id, "action.event", "action", action_id,
                  J(json::object{{"status", before}}),
                  J(json::object{{"status", in.status},
                                 {"meeting_id", mid ? json::value(*mid) : json::value(nullptr)},
                                 {"document_id", doc ? json::value(*doc) : json::value(nullptr)}}));
    return Ok{};
  });
  if (!ok.ok()) return ok.error();
  return GetAction(db, action_id, std::nullopt);
}

Status SetSignatories(storage::Database& db, std::int64_t user_id, const std::string& meeting,
                      const SignatoriesInput& in) {
  auto sg = Multilingual(in.secretary_general, "secretary_general", false, 200);
  if (!sg.ok()) return sg.error();
  auto chair = Multilingual(in.chair, "chair", false, 200);
  if (!chair.ok()) return chair.error();
  return db.Write<Ok>([&](Connection& c) -> Result<Ok> {
    auto mid = meetings::MeetingId(c, meeting);
    if (!mid) return NotFound("meeting " + meeting + ": no such meeting");
    std::optional<std::int64_t> doc;
    if (in.document && !in.document->empty()) {
      doc = documents::DocumentId(c, *in.document);
      if (!doc) return InvalidArgument("document", "document: no such document " + *in.document);
    }
    c.Exec("INSERT INTO summary_records(meeting_id, document_id, secretary_general, chair, "
           "updated_at) VALUES(?,?,?,?,?) ON CONFLICT(meeting_id) DO UPDATE SET "
           "document_id = excluded.document_id, secretary_general = excluded.secretary_general, "
           "chair = excluded.chair, updated_at = excluded.updated_at",
           *mid, doc, J(*sg), J(*chair), Now());
    audit::Record(c, user_id, "summary_record.signatories", "meeting", *mid, std::nullopt,
                  J(json::object{{"secretary_general", *sg}, {"chair", *chair}}));
    return Ok{};
  });
}

}  // namespace plenary::proceedings

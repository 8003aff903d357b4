// Bodies, meetings, registrations and attendance on the SQL store.
#include "meetings/meetings.h"

#include <algorithm>
#include <mutex>
#include <regex>

#include <fmt/format.h>

#include "audit/audit.h"
#include "base/time.h"
#include "meetings/attendance_csv.h"
#include "search/search.h"
#include "site/fields.h"
#include "site/text_states.h"
#include "text/countries.h"
#include "text/messages.h"

namespace plenary::meetings {

namespace json = boost::json;
using site::Multilingual;
using site::ParseJson;
using storage::Connection;
using storage::Stmt;

namespace {






Body RowToBody(Stmt& s) {
  return {s.Int(0),
          s.Text(1),
          s.Text(2),
          ParseJson(s.Text(3)),
          ParseJson(s.Text(4)),
          s.Text(5),
          s.Int(6) != 0};
}

constexpr char kBodySelect[] =
    "SELECT id, key, acronym, name, description, membership, open_consultations FROM bodies ";
constexpr char kMeetingSelect[] =
    "SELECT m.id, m.body_id, b.key, b.acronym, m.kind, m.number, m.title, m.place, m.starts_on, "
    "m.ends_on, m.starts_at, m.timezone, m.mode, m.registered_more_than, m.attended_more_than, "
    "(SELECT count(*) FROM registrations r WHERE r.meeting_id = m.id), "
    "(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id), m.session "
    "FROM meetings m JOIN bodies b ON b.id = m.body_id ";

Meeting RowToMeeting(Stmt& s) {
  Meeting m;
  m.id = s.Int(0);
  m.body_id = s.Int(1);
  m.body_key = s.Text(2);
  m.body_acronym = s.Text(3);
  m.kind = s.Text(4);
  m.number = static_cast<int>(s.Int(5));
  m.title = ParseJson(s.Text(6));
  m.place = ParseJson(s.Text(7));
  m.starts_on = s.Text(8);
  m.ends_on = s.Text(9);
  m.starts_at = s.Text(10);
  m.timezone = s.Text(11);
  m.mode = s.Text(12);
  m.registered_more_than = s.Int(13) != 0;
  m.attended_more_than = s.Int(14) != 0;
  m.registered = s.Int(15);
  m.attended = s.Int(16);
  m.session = s.Text(17);
  return m;
}

Result<Meeting> GetMeetingOn(Connection& c, std::int64_t id) {
  Stmt s(c, std::string(kMeetingSelect) + "WHERE m.id = ?");
  s.BindAll(id);
  if (!s.Step()) return NotFound(fmt::format("meeting {}: no such meeting", id));
  Meeting m = RowToMeeting(s);
  Stmt k(c, "SELECT symbol, title, source FROM contributions WHERE meeting_id = ? ORDER BY id");
  k.BindAll(id);
  while (k.Step()) m.contributions.push_back({k.Text(0), ParseJson(k.Text(1)), ParseJson(k.Text(2))});
  Stmt a(c,
         "SELECT id, number, kind, consultation_id, owner, text FROM actions "
         "WHERE meeting_id = ? ORDER BY number");
  a.BindAll(id);
  while (a.Step()) {
    auto consultation = a.OptInt(3);
    m.actions.push_back({a.Int(0), a.Text(1), a.Text(2), consultation,
                         consultation ? ConsultationKey(c, *consultation) : std::string(),
                         ParseJson(a.Text(4)), ParseJson(a.Text(5))});
  }
  return m;
}

std::string PersonKey(const Attendee& a) {
  std::string key = a.email.empty() ? a.name : a.email;
  // ICU-free lower-casing is enough for keys: the parser already case-folded names it merged.
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char ch) { return ch < 0x80 ? std::tolower(ch) : ch; });
  return key;
}

}  // namespace

std::string Label(const Meeting& m, const std::string& lang) {
  // A plenary meeting is best named by its title ("8th plenary meeting of the Council 2022").
  if (m.kind == "plenary")
    if (const auto* o = m.title.if_object())
      if (const auto* t = o->if_contains(lang); t && t->is_string() && !t->as_string().empty())
        return std::string(t->as_string());
  const char* key = m.kind == "open_consultation" ? "meeting_label_ocm"
                    : m.kind == "plenary"           ? "meeting_label_plenary"
                                                    : "meeting_label_wg";
  return text::T(lang, key,
                 {{"number", static_cast<std::int64_t>(m.number)}, {"body", text::BodyAcronym(m.body_key, m.body_acronym, lang)},
                  // The Council is named in the reader's language, not by its acronym.
                  {"council", m.body_key == "council" ? "yes" : "no"},
                  {"mode", m.mode}, {"session", m.session}});
}

Meeting LabelFromRow(Stmt& s, int col) {
  Meeting m{};
  m.id = s.Int(col);
  m.kind = s.Text(col + 1);
  m.number = static_cast<int>(s.Int(col + 2));
  m.session = s.Text(col + 3);
  m.mode = s.Text(col + 4);
  m.body_acronym = s.Text(col + 5);
  m.body_key = s.Text(col + 6);
  m.title = ParseJson(s.Text(col + 7));
  return m;
}

std::optional<std::int64_t> BodyId(Connection& c, const std::string& id_or_key) {
  if (auto id = site::ParseId(id_or_key)) return c.QueryInt("SELECT id FROM bodies WHERE id = ?", *id);
  return c.QueryInt("SELECT id FROM bodies WHERE key = ?", id_or_key);
}

std::optional<std::int64_t> MeetingId(Connection& c, const std::string& id) {
  auto n = site::ParseId(id);
  return n ? c.QueryInt("SELECT id FROM meetings WHERE id = ?", *n) : std::nullopt;
}

bool MeetingIsOfKind(Connection& c, std::int64_t meeting_id, const std::string& kind) {
  return c.QueryInt("SELECT 1 FROM meetings WHERE id = ? AND kind = ?", meeting_id, kind)
      .has_value();
}

std::optional<BodyKey> BodyKeyOf(Connection& c, std::int64_t body_id) {
  Stmt s(c, "SELECT key, acronym FROM bodies WHERE id = ?");
  s.BindAll(body_id);
  if (!s.Step()) return std::nullopt;
  return BodyKey{s.Text(0), s.Text(1)};
}

std::optional<int> MeetingNumber(Connection& c, std::int64_t meeting_id) {
  auto n = c.QueryInt("SELECT number FROM meetings WHERE id = ?", meeting_id);
  if (!n) return std::nullopt;
  return static_cast<int>(*n);
}

std::vector<Body> ListBodies(storage::Database& db) {
  std::vector<Body> out;
  Stmt s(db.Read(), std::string(kBodySelect) + "ORDER BY id");
  while (s.Step()) out.push_back(RowToBody(s));
  return out;
}

Result<Body> GetBody(storage::Database& db, const std::string& id_or_key) {
  auto id = BodyId(db.Read(), id_or_key);
  if (!id) return NotFound("body " + id_or_key + ": no such body");
  Stmt s(db.Read(), std::string(kBodySelect) + "WHERE id = ?");
  s.BindAll(*id);
  s.Step();
  return RowToBody(s);
}

std::vector<Meeting> ListMeetings(storage::Database& db, std::optional<std::int64_t> body_id) {
  std::vector<Meeting> out;
  Stmt s(db.Read(),
         std::string(kMeetingSelect) + "WHERE (?1 IS NULL OR m.body_id = ?1) ORDER BY m.starts_on DESC, m.id");
  s.BindAll(body_id);
  while (s.Step()) out.push_back(RowToMeeting(s));
  return out;
}

std::vector<ConsultationAction> ActionsFollowing(Connection& c, std::int64_t consultation_id) {
  std::vector<ConsultationAction> out;
  Stmt f(c,
         "SELECT a.id, a.meeting_id, m.number, m.starts_on, a.number, a.kind, a.owner, a.text "
         "FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE a.consultation_id = ? "
         "ORDER BY m.starts_on, a.number");
  f.BindAll(consultation_id);
  while (f.Step())
    out.push_back({f.Int(0), f.Int(1), static_cast<int>(f.Int(2)), f.Text(3), f.Text(4),
                   f.Text(5), ParseJson(f.Text(6)), ParseJson(f.Text(7))});
  return out;
}

namespace {
std::mutex keys_mu;
ConsultationKeyOf& RegisteredKeys() {
  static ConsultationKeyOf key_of;
  return key_of;
}
}  // namespace

void SetConsultationKeys(ConsultationKeyOf key_of) {
  std::lock_guard lock(keys_mu);
  RegisteredKeys() = std::move(key_of);
}

std::string ConsultationKey(Connection& c, std::int64_t id) {
  ConsultationKeyOf key_of;
  {
    std::lock_guard lock(keys_mu);
    key_of = RegisteredKeys();
  }
  return key_of ? key_of(c, id) : std::string();
}

std::vector<StakeholderType> StakeholderTypes(storage::Database& db) {
  std::vector<StakeholderType> out;
  Stmt s(db.Read(),
         "SELECT key, label, selectable FROM stakeholder_types ORDER BY position");
  while (s.Step()) out.push_back({s.Text(0), ParseJson(s.Text(1)), s.Int(2) != 0});
  return out;
}

Result<StakeholderType> AddStakeholderType(storage::Database& db, std::int64_t user_id,
                                           const std::string& role, const std::string& key,
                                           const json::value& label) {
  if (role != "admin")
    return PermissionDenied("role: only an administrator may change the stakeholder taxonomy");
  static const std::regex kKey(R"([a-z][a-z0-9_]{1,39})");
  if (!std::regex_match(key, kKey))
    return InvalidArgument("key", "key: 2-40 lower-case letters, digits and underscores");
  auto l = Multilingual(label, "label", true, 200);
  if (!l.ok()) return l.error();
  return db.Write<StakeholderType>([&](Connection& c) -> Result<StakeholderType> {
    if (c.QueryInt("SELECT 1 FROM stakeholder_types WHERE key = ?", key))
      return Error{Code::kConflict, "key: this stakeholder type exists", "key"};
    auto position = c.QueryInt("SELECT coalesce(max(position), 0) + 1 FROM stakeholder_types "
                               "WHERE selectable = 1");
    c.Exec("INSERT INTO stakeholder_types(key, position, label, selectable) VALUES(?,?,?,1)", key,
           *position, json::serialize(*l));
    audit::Record(c, user_id, "stakeholder_type.add", "stakeholder_type", std::nullopt,
                  std::nullopt, json::serialize(json::object{{"key", key}, {"label", *l}}));
    return StakeholderType{key, *l, true};
  });
}

bool IsStakeholderType(Connection& c, const std::string& key, bool selectable_only) {
  return c.QueryInt("SELECT 1 FROM stakeholder_types WHERE key = ? AND (selectable = 1 OR NOT ?)",
                    key, selectable_only ? 1 : 0).has_value();
}

std::vector<ActionText> ActionTexts(Connection& c) {
  std::vector<ActionText> out;
  Stmt s(c, "SELECT meeting_id, number, text FROM actions ORDER BY id");
  while (s.Step()) out.push_back({s.Int(0), s.Text(1), s.Text(2)});
  return out;
}

std::int64_t InsertAction(Connection& c, const NewAction& a) {
  c.Exec("INSERT INTO actions(meeting_id, consultation_id, number, kind, owner, text, due, "
         "decision_id, agenda_item_id, created_at) VALUES(?,?,?,?,?,?,?,?,?,?)",
         a.meeting_id, a.consultation_id, a.number, a.kind, json::serialize(a.owner),
         json::serialize(a.text), json::serialize(a.due), a.decision_id, a.agenda_item_id,
         a.created_at);
  return c.LastInsertId();
}

std::optional<BodyRecordColumns> ReadBodyRecord(Connection& c, std::int64_t body_id) {
  Stmt s(c, "SELECT key, officers, terms_of_reference, citations FROM bodies WHERE id = ?");
  s.BindAll(body_id);
  if (!s.Step()) return std::nullopt;
  return BodyRecordColumns{s.Text(0), s.Text(1), s.Text(2), s.Text(3)};
}

void WriteBodyRecord(Connection& c, std::int64_t body_id, const std::string& officers,
                     const std::string& terms_of_reference, const std::string& citations) {
  c.Exec("UPDATE bodies SET officers = ?, terms_of_reference = ?, citations = ? WHERE id = ?",
         officers, terms_of_reference, citations, body_id);
}

std::optional<MeetingReportColumns> ReadMeetingReport(Connection& c, std::int64_t meeting_id) {
  Stmt s(c, "SELECT kind, report_approved, report_distribution FROM meetings WHERE id = ?");
  s.BindAll(meeting_id);
  if (!s.Step()) return std::nullopt;
  return MeetingReportColumns{s.Text(0), s.Int(1) != 0, s.Text(2)};
}

void WriteMeetingReport(Connection& c, std::int64_t meeting_id, bool approved,
                        const std::string& distribution) {
  c.Exec("UPDATE meetings SET report_approved = ?, report_distribution = ? WHERE id = ?",
         approved, distribution, meeting_id);
}

Result<Meeting> GetMeeting(storage::Database& db, const std::string& id) {
  auto mid = MeetingId(db.Read(), id);
  if (!mid) return NotFound("meeting " + id + ": no such meeting");
  return GetMeetingOn(db.Read(), *mid);
}

Result<Body> CreateBody(storage::Database& db, std::int64_t user_id, const BodyInput& in) {
  static const std::regex kKey(R"([a-z0-9][a-z0-9-]{1,62})");
  if (!std::regex_match(in.key, kKey))
    return InvalidArgument("key", "key: 2-63 lower-case letters, digits and hyphens");
  if (in.acronym.empty() || in.acronym.size() > 40)
    return InvalidArgument("acronym", "acronym: 1 to 40 characters");
  if (in.membership != "member_states" && in.membership != "open")
    return InvalidArgument("membership", "membership: must be member_states or open");
  auto name = Multilingual(in.name, "name", true);
  if (!name.ok()) return name.error();
  auto description = Multilingual(in.description, "description", false);
  if (!description.ok()) return description.error();
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    if (c.QueryInt("SELECT 1 FROM bodies WHERE key = ?", in.key))
      return Error{Code::kConflict, "key: a body with this key exists", "key"};
    c.Exec("INSERT INTO bodies(key, acronym, name, description, membership, open_consultations) "
           "VALUES(?,?,?,?,?,?)",
           in.key, in.acronym, json::serialize(*name), json::serialize(*description), in.membership,
           in.open_consultations);
    std::int64_t id = c.LastInsertId();
    audit::Record(c, user_id, "body.create", "body", id, std::nullopt,
                  json::serialize(json::object{{"key", in.key}, {"membership", in.membership}}));
    return id;
  });
  if (!id.ok()) return id.error();
  return GetBody(db, std::to_string(*id));
}

Result<Meeting> CreateMeeting(storage::Database& db, std::int64_t user_id, const MeetingInput& in) {
  if (in.kind != "working_group" && in.kind != "open_consultation" && in.kind != "plenary")
    return InvalidArgument("kind", "kind: must be working_group, open_consultation or plenary");
  static const std::regex kSession(R"([A-Za-z0-9-]{1,20})");
  if (in.kind == "plenary" && !std::regex_match(in.session, kSession))
    return InvalidArgument("session", "session: required for a plenary meeting, 1 to 20 letters, "
                                      "digits or hyphens, e.g. C22");
  if (in.kind != "plenary" && !in.session.empty())
    return InvalidArgument("session", "session: only plenary meetings belong to a session");
  if (in.number < 1 || in.number > 100000)
    return InvalidArgument("number", "number: a positive whole number");
  if (!IsIsoDate(in.starts_on)) return InvalidArgument("starts_on", "starts_on: expected YYYY-MM-DD");
  std::string ends_on = in.ends_on.empty() ? in.starts_on : in.ends_on;
  if (!IsIsoDate(ends_on)) return InvalidArgument("ends_on", "ends_on: expected YYYY-MM-DD");
  if (ends_on < in.starts_on) return InvalidArgument("ends_on", "ends_on: before starts_on");
  static const std::regex kTime(R"(([01]\d|2[0-3]):[0-5]\d)");
  if (!in.starts_at.empty() && !std::regex_match(in.starts_at, kTime))
    return InvalidArgument("starts_at", "starts_at: expected HH:MM");
  std::string tz = in.timezone.empty() ? "UTC" : in.timezone;
  if (!IsTimeZone(tz))
    return InvalidArgument("timezone", "timezone: not an IANA time zone such as Europe/Zurich");
  if (in.mode != "physical" && in.mode != "virtual" && in.mode != "hybrid")
    return InvalidArgument("mode", "mode: must be physical, virtual or hybrid");
  auto title = Multilingual(in.title, "title", false);
  if (!title.ok()) return title.error();
  auto place = Multilingual(in.place, "place", false, kPlaceMaxChars);
  if (!place.ok()) return place.error();
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    auto body = BodyId(c, in.body);
    if (!body) return InvalidArgument("body", "body: no such body " + in.body);
    if (c.QueryInt("SELECT 1 FROM meetings WHERE body_id = ? AND kind = ? AND number = ? AND "
                   "session = ?",
                   *body, in.kind, in.number, in.session))
      return Error{Code::kConflict, "number: this body already has that meeting", "number"};
    c.Exec("INSERT INTO meetings(body_id, kind, number, title, starts_on, ends_on, starts_at, "
           "timezone, mode, place, registered_more_than, attended_more_than, session) "
           "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
           *body, in.kind, in.number, json::serialize(*title), in.starts_on, ends_on,
           in.starts_at.empty() ? std::optional<std::string>() : in.starts_at, tz, in.mode,
           json::serialize(*place), in.registered_more_than, in.attended_more_than, in.session);
    std::int64_t id = c.LastInsertId();
    auto states = site::WriteTextStates(c, "meeting", id,
                                        {{"title", json::value(), *title},
                                         {"place", json::value(), *place}},
                                        in.states);
    if (!states.ok()) return states.error();
    search::Enqueue(c, "meeting", id);
    audit::Record(c, user_id, "meeting.create", "meeting", id, std::nullopt,
                  json::serialize(json::object{{"kind", in.kind}, {"number", in.number},
                                               {"session", in.session},
                                               {"starts_on", in.starts_on}}));
    return id;
  });
  if (!id.ok()) return id.error();
  return GetMeetingOn(db.Read(), *id);
}

Result<Registration> AddRegistration(storage::Database& db, std::optional<std::int64_t> user_id,
                                     const std::string& meeting, const RegistrationInput& in) {
  if (in.name.empty() || in.name.size() > 200)
    return InvalidArgument("name", "name: 1 to 200 characters");
  if (in.organization.size() > 300)
    return InvalidArgument("organization", "organization: at most 300 characters");
  if (!text::IsCountry(in.country))
    return InvalidArgument("country", "country: must be an ISO 3166-1 alpha-2 code such as CH");
  static const std::regex kEmail(R"([^@\s]+@[^@\s]+\.[^@\s]+)");
  if (!in.email.empty() && !std::regex_match(in.email, kEmail))
    return InvalidArgument("email", "email: not a valid e-mail address");
  return db.Write<Registration>([&](Connection& c) -> Result<Registration> {
    auto mid = MeetingId(c, meeting);
    if (!mid) return NotFound("meeting " + meeting + ": no such meeting");
    if (!IsStakeholderType(c, in.stakeholder_type, false))
      return InvalidArgument("stakeholder_type", "stakeholder_type: unknown");
    c.Exec("INSERT INTO registrations(meeting_id, name, organization, stakeholder_type, country, "
           "email, created_at) VALUES(?,?,?,?,?,?,?)",
           *mid, in.name, in.organization, in.stakeholder_type, in.country, in.email, Now());
    std::int64_t id = c.LastInsertId();
    audit::Record(c, user_id, "meeting.register", "registration", id, std::nullopt,
                  json::serialize(json::object{{"meeting", *mid}, {"name", in.name}}));
    return Registration{id, in.name, in.organization, in.stakeholder_type, in.country, false};
  });
}

std::vector<Registration> ListRegistrations(storage::Database& db, std::int64_t meeting_id) {
  std::vector<Registration> out;
  Stmt s(db.Read(),
         "SELECT id, name, organization, stakeholder_type, country, attended FROM registrations "
         "WHERE meeting_id = ? ORDER BY name, id");
  s.BindAll(meeting_id);
  while (s.Step())
    out.push_back({s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Int(5) != 0});
  return out;
}

Result<ImportResult> ImportAttendance(storage::Database& db, std::int64_t user_id,
                                      const std::string& meeting, const std::string& csv) {
  auto parsed = ParseAttendanceCsv(csv);
  if (!parsed.ok()) return parsed.error();
  return db.Write<ImportResult>([&](Connection& c) -> Result<ImportResult> {
    auto mid = MeetingId(c, meeting);
    if (!mid) return NotFound("meeting " + meeting + ": no such meeting");
    ImportResult r{parsed->rows, static_cast<int>(parsed->attendees.size()), 0, 0,
                   parsed->warnings, 0};
    for (const auto& a : parsed->attendees) {
      std::string key = PersonKey(a);
      // Match a registration by e-mail first, then by exact name.
      std::optional<std::int64_t> reg;
      if (!a.email.empty())
        reg = c.QueryInt("SELECT id FROM registrations WHERE meeting_id = ? AND lower(email) = lower(?)",
                         *mid, a.email);
      if (!reg)
        reg = c.QueryInt("SELECT id FROM registrations WHERE meeting_id = ? AND lower(name) = lower(?)",
                         *mid, a.name);
      if (reg) {
        ++r.matched_registrations;
        c.Exec("UPDATE registrations SET attended = 1 WHERE id = ?", *reg);
      }
      if (auto existing = c.QueryInt("SELECT id FROM attendance WHERE meeting_id = ? AND person_key = ?",
                                     *mid, key)) {
        c.Exec("UPDATE attendance SET minutes = max(minutes, ?), registration_id = "
               "coalesce(registration_id, ?) WHERE id = ?",
               a.minutes, reg, *existing);
      } else {
        c.Exec("INSERT INTO attendance(meeting_id, person_key, name, minutes, source, "
               "registration_id) VALUES(?,?,?,?,'import',?)",
               *mid, key, a.name, a.minutes, reg);
        ++r.new_attendees;
      }
    }
    r.attended = c.QueryInt("SELECT count(*) FROM attendance WHERE meeting_id = ?", *mid).value_or(0);
    audit::Record(c, user_id, "meeting.import_attendance", "meeting", *mid, std::nullopt,
                  json::serialize(json::object{{"rows", r.rows},
                                               {"persons", r.persons},
                                               {"new_attendees", r.new_attendees}}));
    return r;
  });
}

Result<std::int64_t> MarkAttended(storage::Database& db, std::int64_t user_id,
                                  const std::string& meeting, std::int64_t registration_id) {
  return db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    auto mid = MeetingId(c, meeting);
    if (!mid) return NotFound("meeting " + meeting + ": no such meeting");
    Stmt s(c, "SELECT name, email FROM registrations WHERE id = ? AND meeting_id = ?");
    s.BindAll(registration_id, *mid);
    if (!s.Step())
      return InvalidArgument("registration_id", "registration_id: not registered for this meeting");
    Attendee a{s.Text(0), s.Text(1), 0, 1, false, {}, {}};
    c.Exec("UPDATE registrations SET attended = 1 WHERE id = ?", registration_id);
    c.Exec("INSERT INTO attendance(meeting_id, person_key, name, minutes, source, registration_id) "
           "VALUES(?,?,?,0,'manual',?) ON CONFLICT(meeting_id, person_key) DO UPDATE SET "
           "registration_id = excluded.registration_id",
           *mid, PersonKey(a), a.name, registration_id);
    audit::Record(c, user_id, "meeting.mark_attended", "registration", registration_id,
                  std::nullopt, "{\"attended\":true}");
    return c.QueryInt("SELECT count(*) FROM attendance WHERE meeting_id = ?", *mid).value_or(0);
  });
}

}  // namespace plenary::meetings

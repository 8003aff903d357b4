// Bodies, their meetings, the contributions and actions of each meeting, and the
// registration and attendance of open consultation meetings.
//
// Each action (Create*, AddRegistration, ImportAttendance, MarkAttended) validates, writes
// its rows and its audit entry in one transaction, and changes nothing on error.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "base/result.h"
#include "site/text_states.h"
#include "storage/db.h"

namespace plenary::meetings {

struct Body {
  std::int64_t id;
  std::string key, acronym;
  boost::json::value name, description;
  std::string membership;  // "member_states" | "open"
  bool open_consultations;
};

struct Contribution {
  std::string symbol;
  boost::json::value title, source;
};

struct Action {
  std::int64_t id;
  std::string number, kind;
  std::optional<std::int64_t> consultation_id;
  std::string consultation_key;
  boost::json::value owner, text;
};

// The most characters of a meeting's place in one language, at creation and in its edit.
inline constexpr std::size_t kPlaceMaxChars = 500;

struct Meeting {
  std::int64_t id;
  std::int64_t body_id;
  std::string body_key, body_acronym;
  std::string kind;  // "working_group" | "open_consultation" | "plenary"
  int number;
  std::string session;  // plenary meetings: the session, e.g. "C22"; otherwise ""
  boost::json::value title, place;
  std::string starts_on, ends_on, starts_at, timezone, mode;
  bool registered_more_than, attended_more_than;
  std::int64_t registered, attended;
  std::vector<Contribution> contributions;
  std::vector<Action> actions;  // approved at this meeting
};

// "16th meeting of CWG-Internet", "10th virtual open consultation meeting", "7th plenary meeting
// of Council (C22)", in `lang`.
std::string Label(const Meeting& m, const std::string& lang);

// The columns a meeting's label needs, for a query joining `meetings m` and `bodies b`, and the
// Meeting (those fields only) read back from them, starting at column `col`.
inline constexpr char kLabelColumns[] =
    "m.id, m.kind, m.number, m.session, m.mode, b.acronym, b.key, m.title";
Meeting LabelFromRow(storage::Stmt& s, int col);

// The id of a body given its numeric id or key, and of a meeting given its id; on `c` so that
// use cases can resolve inside their transaction.
std::optional<std::int64_t> BodyId(storage::Connection& c, const std::string& id_or_key);
std::optional<std::int64_t> MeetingId(storage::Connection& c, const std::string& id);
// Whether meeting `meeting_id` exists and is of `kind` ("open_consultation", ...); on `c`.
bool MeetingIsOfKind(storage::Connection& c, std::int64_t meeting_id, const std::string& kind);
// A body's key and acronym, and a meeting's number, for the modules above that label their rows
// with them (consultations) without reading these tables; on `c`.
struct BodyKey {
  std::string key, acronym;
};
std::optional<BodyKey> BodyKeyOf(storage::Connection& c, std::int64_t body_id);
std::optional<int> MeetingNumber(storage::Connection& c, std::int64_t meeting_id);

// The actions that follow up one consultation, in the order of their meetings (date, then
// action number), with each meeting's number and date; on `c`.
struct ConsultationAction {
  std::int64_t id;
  std::int64_t meeting_id;
  int meeting_number;
  std::string meeting_starts_on, number, kind;
  boost::json::value owner, text;
};
std::vector<ConsultationAction> ActionsFollowing(storage::Connection& c,
                                                 std::int64_t consultation_id);
// Every action's meeting, number and text (multilingual JSON as stored), in order of id: for
// documents' list of unresolved citations, which reads no meetings table; on `c`.
struct ActionText {
  std::int64_t meeting_id;
  std::string number, text;
};
std::vector<ActionText> ActionTexts(storage::Connection& c);
// The key of consultation `id`, "" when there is none. Consultations sit above meetings and
// hand it down (consultations::KeyOf); app::BuildRouter sets it once at start, so that meetings
// and proceedings show the consultation an action follows without reading that table.
using ConsultationKeyOf = std::function<std::string(storage::Connection& c, std::int64_t id)>;
void SetConsultationKeys(ConsultationKeyOf key_of);
std::string ConsultationKey(storage::Connection& c, std::int64_t id);
// The configured stakeholder taxonomy, in order: registrations (here) and responses
// (consultations) both use it.
struct StakeholderType {
  std::string key;
  boost::json::value label;  // multilingual
  bool selectable;           // offered on the response form
};
std::vector<StakeholderType> StakeholderTypes(storage::Database& db);
// Adds a selectable type at the end of the taxonomy. Administrators only (403 otherwise).
Result<StakeholderType> AddStakeholderType(storage::Database& db, std::int64_t user_id,
                                           const std::string& role, const std::string& key,
                                           const boost::json::value& label);
// Whether `key` is a type of the taxonomy (and offered on the response form, if
// `selectable_only`); on `c`, inside the caller's transaction.
bool IsStakeholderType(storage::Connection& c, const std::string& key, bool selectable_only);
// Writes an action a meeting approved (about a consultation, or decided in the record), in the
// caller's transaction: the caller's use case validates it and writes the audit entry. Returns
// its id.
struct NewAction {
  std::int64_t meeting_id = 0;
  std::optional<std::int64_t> consultation_id, decision_id, agenda_item_id;
  std::string number, kind;
  boost::json::value owner, text;
  boost::json::value due = boost::json::object();  // multilingual, {} when none
  std::int64_t created_at = 0;
};
std::int64_t InsertAction(storage::Connection& c, const NewAction& a);
// Replaces an action's text in the caller's transaction (proceedings' edit of its texts, which
// validates it, records its citations and writes the audit entry).
void SetActionText(storage::Connection& c, std::int64_t id, const boost::json::value& text);

// The columns of a body's record and of a working-group meeting's report that reports/ reads
// and whose use cases (reports::UpdateBodyRecord, reports::SetMeetingReport) validate, audit
// and write through these, in their transaction. Officers, terms of reference and citations are
// JSON as stored; nullopt when there is no such body or meeting.
struct BodyRecordColumns {
  std::string key, officers, terms_of_reference, citations;
};
std::optional<BodyRecordColumns> ReadBodyRecord(storage::Connection& c, std::int64_t body_id);
void WriteBodyRecord(storage::Connection& c, std::int64_t body_id, const std::string& officers,
                     const std::string& terms_of_reference, const std::string& citations);
struct MeetingReportColumns {
  std::string kind;
  bool approved = false;
  std::string distribution;
};
std::optional<MeetingReportColumns> ReadMeetingReport(storage::Connection& c,
                                                      std::int64_t meeting_id);
void WriteMeetingReport(storage::Connection& c, std::int64_t meeting_id, bool approved,
                        const std::string& distribution);

std::vector<Body> ListBodies(storage::Database& db);
Result<Body> GetBody(storage::Database& db, const std::string& id_or_key);
std::vector<Meeting> ListMeetings(storage::Database& db, std::optional<std::int64_t> body_id);
Result<Meeting> GetMeeting(storage::Database& db, const std::string& id);

struct BodyInput {
  std::string key, acronym, membership;
  boost::json::value name, description;
  bool open_consultations = false;
};
Result<Body> CreateBody(storage::Database& db, std::int64_t user_id, const BodyInput& in);

struct MeetingInput {
  std::string body;  // id or key
  std::string kind = "working_group";
  int number = 0;
  std::string session;  // required for plenary meetings: letters and digits, e.g. "C22"
  boost::json::value title, place;
  std::string starts_on, ends_on, starts_at, timezone, mode;
  bool registered_more_than = false, attended_more_than = false;
  // Each language's state of the title (site/text_states.h), written with it.
  site::AskedStates states;
};
Result<Meeting> CreateMeeting(storage::Database& db, std::int64_t user_id, const MeetingInput& in);

struct RegistrationInput {
  std::string name, organization, stakeholder_type, country, email;
};
struct Registration {
  std::int64_t id;
  std::string name, organization, stakeholder_type, country;
  bool attended;
};
Result<Registration> AddRegistration(storage::Database& db, std::optional<std::int64_t> user_id,
                                     const std::string& meeting, const RegistrationInput& in);
// Registrations with attendance, for the secretariat (no e-mail either: not needed there).
std::vector<Registration> ListRegistrations(storage::Database& db, std::int64_t meeting_id);

struct ImportResult {
  int rows;            // CSV rows read
  int persons;         // distinct persons in the file
  int new_attendees;   // persons not recorded before for this meeting
  int matched_registrations;
  std::vector<std::string> warnings;
  std::int64_t attended;  // the meeting's attendance count afterwards
};
// Imports a video-conference attendance export (Zoom participant report). A person already
// recorded is not counted twice, also across repeated imports.
Result<ImportResult> ImportAttendance(storage::Database& db, std::int64_t user_id,
                                      const std::string& meeting, const std::string& csv);
// Marks a registered person as attended by hand.
Result<std::int64_t> MarkAttended(storage::Database& db, std::int64_t user_id,
                                  const std::string& meeting, std::int64_t registration_id);

}  // namespace plenary::meetings

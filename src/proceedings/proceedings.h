// Proceedings of a meeting: agenda items tied to their documents, the list of speakers, the
// record of each item (interventions and statements), typed decisions, candidatures, and action
// items followed across sessions; the summary record's signatories.
//
// Each action (Create*, Add*, Set*, Reorder*, Record*) is a use case: it validates, writes its
// rows and its audit entry in one transaction, and changes nothing when it returns an error.
// Only the secretariat writes (the callers check the role). Queries take a documents::Viewer:
// documents the viewer may not see are left out of items, as everywhere else.
//
// Lifecycles:
//   speaker: waiting → (has the floor →) done | withdrawn        (SetSpeakerStatus)
//   item:    under discussion, one per meeting, with its speaking time  (SetDiscussion)
//   action:  open → done | dropped, and back to open             (RecordActionEvent)
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "base/result.h"
#include "documents/documents.h"
#include "meetings/meetings.h"
#include "site/text_states.h"
#include "storage/db.h"

namespace plenary::proceedings {

inline constexpr const char* kCapacities[] = {"chair",      "secretariat", "bureau",
                                              "councillor", "councillors", "group_chair",
                                              "minister",   "observer",    "other"};
inline constexpr const char* kBureaux[] = {"GS", "BR", "TSB", "BDT"};
inline constexpr const char* kDecisionKinds[] = {"took_note", "approved", "endorsed",
                                                 "agreed",    "forwarded", "deferred",
                                                 "referred_informal"};
inline constexpr const char* kRecipients[] = {"un_secretary_general", "plenipotentiary_conference",
                                              "council", "working_group", "member_states"};
inline constexpr const char* kPosts[] = {"council_member", "secretary_general",
                                         "deputy_secretary_general", "director_br",
                                         "director_tsb", "director_bdt", "rrb_member"};
inline constexpr const char* kActionStatuses[] = {"open", "done", "dropped"};
inline constexpr const char* kActionKinds[] = {"launch_consultation", "submit_summary",
                                               "consider_responses",  "defer_topic",
                                               "report_more",         "other"};

struct DocumentRef {
  std::int64_t id = 0;
  std::string symbol;
  boost::json::value title;
};

struct Speaker {
  std::int64_t id = 0;
  int position = 0;
  std::string name, capacity, member_state, status;
  std::int64_t requested_at = 0;
  std::int64_t user_id = 0;  // the account that asked for the floor for itself; 0 otherwise
};

struct Intervention {
  std::int64_t id = 0;
  int position = 0;
  std::string kind;  // intervention | statement
  std::string capacity, member_state, bureau;
  boost::json::value speaker;  // multilingual; empty when anonymous
  bool anonymous = true;
  boost::json::value summary;  // multilingual: the paragraph of the record
};

struct Decision {
  std::int64_t id = 0;
  int position = 0;
  std::string kind, forwarded_to;
  boost::json::value accompanied_by, report_back, wording;  // multilingual, may be empty
};

struct Candidature {
  std::int64_t id = 0;
  std::optional<std::int64_t> intervention_id;
  std::string post, election, candidate, member_state;
};

struct ActionEvent {
  std::int64_t id = 0, at = 0;
  std::string status;
  std::optional<meetings::Meeting> meeting;  // where it was reported (label fields only)
  std::optional<DocumentRef> document;
  boost::json::value note;
};

struct ActionView {
  std::int64_t id = 0;
  std::string number, kind, status;  // status: the latest event's (open without one)
  boost::json::value owner, text, due;
  meetings::Meeting meeting;  // the meeting that approved it (label fields only)
  std::optional<std::int64_t> decision_id, agenda_item_id;
  std::string consultation_key;
  std::vector<ActionEvent> events;  // oldest first
};

struct AgendaItem {
  std::int64_t id = 0;
  std::int64_t meeting_id = 0;
  std::string number;
  int position = 0;
  boost::json::value title;
  bool under_discussion = false;  // the item the meeting is discussing now (one at most)
  int speaking_seconds = 180;     // the time each speaker has on this item
  std::int64_t floor_speaker_id = 0;  // the waiting speaker who has the floor; 0: nobody
  std::int64_t floor_since = 0;       // Unix seconds
  std::vector<DocumentRef> documents;  // visible to the viewer, in the record's order
  std::vector<Speaker> speakers;  // the one with the floor first, then waiting, then the rest
  std::vector<Intervention> interventions;
  std::vector<Decision> decisions;
  std::vector<Candidature> candidatures;
  std::vector<ActionView> actions;
};

struct Signatories {
  boost::json::value secretary_general, chair;  // multilingual, may be empty
  std::optional<DocumentRef> document;           // the record's own symbol, e.g. C22/87
};

// A symbol that a text of an item cites but that is not among the item's documents (the
// Council record's item 1 introduces "C21/33" in an item about C22/33). For the secretariat.
struct Warning {
  std::string item_number;
  std::string paragraph;  // "1.1", or "" for the item's title
  std::string language;
  std::string cited;                  // the symbol as cited, canonical
  std::vector<std::string> expected;  // the item's documents
};

struct Proceedings {
  meetings::Meeting meeting;
  std::vector<AgendaItem> items;
  Signatories signatories;
};

// The proceedings of a meeting (id). NotFound when there is no such meeting.
Result<Proceedings> Get(storage::Database& db, const std::string& meeting,
                        const documents::Viewer& viewer);
// Whether the meeting has an agenda (its page links to the proceedings).
bool HasAgenda(storage::Database& db, std::int64_t meeting_id);
// One agenda item with everything recorded on it.
Result<AgendaItem> GetItem(storage::Database& db, std::int64_t item_id,
                           const documents::Viewer& viewer);
// Consistency warnings of the record (titles, paragraphs and decisions in every language).
std::vector<Warning> Warnings(const Proceedings& p);

struct ActionQuery {
  std::optional<std::string> status;  // open | done | dropped
  std::optional<std::string> body;    // id or key
};
// Actions of every meeting, newest meeting first, each with its history. 400 for a bad filter.
Result<std::vector<ActionView>> ListActions(storage::Database& db, const ActionQuery& q,
                                            const documents::Viewer& viewer);
Result<ActionView> GetAction(storage::Database& db, std::int64_t id,
                             const documents::Viewer& viewer);

// --- Secretariat use cases ------------------------------------------------------------------

struct ItemInput {
  std::string number;  // "1", "5bis": 1 to 10 letters or digits
  boost::json::value title;
  std::vector<std::string> documents;  // symbols or ids of existing documents
  std::optional<int> position;         // default: after the last item
  // Each language's state of the title (site/text_states.h), written with it.
  site::AskedStates states;
};
Result<AgendaItem> CreateItem(storage::Database& db, std::int64_t user_id,
                              const std::string& meeting, const ItemInput& in);

struct SpeakerInput {
  std::string name, capacity, member_state;
  // A delegate asking for the floor for themselves (name and Member State of their account):
  // one waiting request per delegate per item, so that no delegate can fill the list.
  bool own_request = false;
  std::int64_t requested_by = 0;  // with `own_request`: the delegate's account
};
// Errors: 400 naming the field; 404 unknown item; 409 (field "under_discussion") when
// `own_request` on an item that is not under discussion; 409 (field "speakers") when
// `own_request` and the same account, or the same name and Member State, already wait on the item;
// kResourceExhausted beyond 500 waiting.
Result<Speaker> AddSpeaker(storage::Database& db, std::int64_t user_id, std::int64_t item_id,
                           const SpeakerInput& in);
// `order`: the ids of the item's waiting speakers in their new order (each exactly once).
Status ReorderSpeakers(storage::Database& db, std::int64_t user_id, std::int64_t item_id,
                       const std::vector<std::int64_t>& order);
// Moves one waiting speaker one place up (-1) or down (+1) among the waiting speakers.
Status MoveSpeaker(storage::Database& db, std::int64_t user_id, std::int64_t speaker_id, int by);
// waiting → floor (gives the speaker the floor and starts their clock; whoever had it on the
// item is done) | done | withdrawn. With `own_only` (a delegate), only `withdrawn` of a request
// the same account made (else PermissionDenied). Returns the item's id.
Result<std::int64_t> SetSpeakerStatus(storage::Database& db, std::int64_t user_id,
                                      std::int64_t speaker_id, const std::string& status,
                                      bool own_only = false);

inline constexpr int kMinSpeakingSeconds = 10;
inline constexpr int kMaxSpeakingSeconds = 3600;
// Marks the item as the one under discussion (no other item of its meeting is any more) and,
// when given, sets its speaking time (kMinSpeakingSeconds to kMaxSpeakingSeconds, else 400
// naming `speaking_seconds`). With `under_discussion` false, the item is no longer discussed.
Status SetDiscussion(storage::Database& db, std::int64_t user_id, std::int64_t item_id,
                     bool under_discussion, std::optional<int> speaking_seconds);

struct InterventionInput {
  std::string kind = "intervention";
  std::string capacity, member_state, bureau;
  boost::json::value speaker;  // multilingual or a string; empty when anonymous
  bool anonymous = true;
  boost::json::value summary;  // required
  // Each language's state of the summary (site/text_states.h): {"summary": {lang: state}}.
  site::AskedStates states;
};
Result<Intervention> AddIntervention(storage::Database& db, std::int64_t user_id,
                                     std::int64_t item_id, const InterventionInput& in);
// The same inside the caller's transaction (a capability above that records a paragraph with
// its own rows, e.g. the report back of informal consultations): the new paragraph's id.
Result<std::int64_t> AddInterventionOn(storage::Connection& c, std::int64_t user_id,
                                       std::int64_t item_id, const InterventionInput& in);

// Corrects a paragraph of the record: its text (multilingual, required, ≤ 20,000 characters a
// language) replaces the one on record, which the audit entry keeps. NotFound for an unknown
// paragraph.
Result<Intervention> EditIntervention(storage::Database& db, std::int64_t user_id,
                                      std::int64_t intervention_id,
                                      const boost::json::value& summary);
// Deletes a paragraph of the record; its whole text stays in the audit entry. Conflict when a
// candidature refers to it; NotFound for an unknown paragraph.
Status DeleteIntervention(storage::Database& db, std::int64_t user_id,
                          std::int64_t intervention_id);
// The agenda item (and through it, the meeting) a paragraph belongs to.
std::optional<std::int64_t> InterventionItem(storage::Database& db, std::int64_t intervention_id);

struct DecisionInput {
  std::string kind, forwarded_to;
  boost::json::value accompanied_by, report_back, wording;
  // Each language's state of the wording (site/text_states.h), written with it.
  site::AskedStates states;
};
Result<Decision> AddDecision(storage::Database& db, std::int64_t user_id, std::int64_t item_id,
                             const DecisionInput& in);

struct CandidatureInput {
  std::string post, election, candidate, member_state;
  std::optional<std::int64_t> intervention_id;
};
Result<Candidature> AddCandidature(storage::Database& db, std::int64_t user_id,
                                   std::int64_t item_id, const CandidatureInput& in);

struct ActionInput {
  std::string number, kind = "other";
  boost::json::value owner, text, due;
  std::optional<std::int64_t> decision_id, agenda_item_id;  // of the same meeting
  // Each language's state of the text (site/text_states.h), written with it.
  site::AskedStates states;
};
Result<ActionView> CreateAction(storage::Database& db, std::int64_t user_id,
                                const std::string& meeting, const ActionInput& in);

struct ActionEventInput {
  std::string status;               // open | done | dropped
  std::optional<std::string> meeting;   // where it was reported (id)
  std::optional<std::string> document;  // what fulfilled it (symbol or id)
  boost::json::value note;
};
Result<ActionView> RecordActionEvent(storage::Database& db, std::int64_t user_id,
                                     std::int64_t action_id, const ActionEventInput& in);

struct SignatoriesInput {
  boost::json::value secretary_general, chair;
  std::optional<std::string> document;  // the record's symbol
};
Status SetSignatories(storage::Database& db, std::int64_t user_id, const std::string& meeting,
                      const SignatoriesInput& in);

}  // namespace plenary::proceedings

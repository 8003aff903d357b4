// Negotiated texts: a draft (e.g. the guidelines of C22/32(Rev.1)) as numbered provisions in
// several languages, with the square brackets that mark what is not yet agreed.
//
// A text belongs to a document (its symbol) and has an access level (member_states by default,
// never looser than the document's; a reader without the right gets 404, as for documents) and to the agenda item that considers it.
// Provisions are sections ("2") and the lettered paragraphs of the section before them ("2.b");
// labels are derived from the order and rewritten when a provision is inserted or removed, while
// a provision's id stays. A bracket is one open question of a provision, bracketed in each
// language version: its passages lie on the languages' texts ([start, end) in Unicode code
// points of that language; one passage per language, sharing the question's id), may nest but
// not overlap within a language, nest alike in every language (a question inside another in
// one language is inside it in each language that has both), and are resolved together. A
// bracket is `retain_or_delete` (the words may stay or go) or `alternatives` (two or more texts,
// one of which will stand; as many in every language, alternative N of one language translating
// alternative N of another). A language with no text of the provision has nothing to bracket
// and needs no passage.
//
// Lifecycles:
//   text:     draft → adopted (at a meeting, by one of its decisions, when no bracket is open;
//             an adopted text refuses every edit with 409)
//   bracket:  open → agreed (retained, or an alternative chosen) | deleted (its words removed)
//   proposal: open → bracketed (turned into a bracket) | merged (applied) | withdrawn
//
// Every change that alters the text stores the whole text as it then stood in text_history
// (`snapshot`): any version can be shown and two versions compared without rebuilding them.
// A proposal does not alter the text: it is recorded in the history without raising the version.
//
// Each action validates its whole input, then writes its rows, a text_history row and an audit
// entry in one transaction, and raises the text's version; on error nothing changes. Edits of a
// provision carry the version they were made on: a stale version is refused (409) so that two
// people editing at once cannot overwrite each other.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "base/result.h"
#include "documents/documents.h"
#include "documents/resolutions.h"
#include "http/event_stream.h"
#include "site/text_states.h"
#include "storage/db.h"

namespace plenary::drafting {

inline constexpr const char* kTextStatuses[] = {"draft", "adopted"};
inline constexpr const char* kProvisionKinds[] = {"section", "paragraph"};
inline constexpr const char* kBracketKinds[] = {"retain_or_delete", "alternatives"};
inline constexpr const char* kBracketStates[] = {"open", "agreed", "deleted"};
inline constexpr const char* kOutcomes[] = {"retain", "delete", "alternative"};
inline constexpr const char* kProposalKinds[] = {"insert", "delete", "replace", "add_provision",
                                                 "delete_provision"};
inline constexpr const char* kProposalStates[] = {"open", "bracketed", "merged", "withdrawn"};

// Limits of the input (explicit so that one request cannot grow a text without bound).
inline constexpr std::size_t kMaxProvisionChars = 20000;  // per language
inline constexpr std::size_t kMaxProvisions = 500;        // per text
inline constexpr std::size_t kMaxAlternatives = 10;
inline constexpr std::size_t kMaxCountries = 200;         // supported_by, objected_by
inline constexpr std::size_t kMaxNoteChars = 2000;         // notes, justifications
inline constexpr std::size_t kMaxInformalProvisions = 100;  // per informal consultation

// One language's passage of a bracket (an open question of a provision).
struct Bracket {
  std::int64_t id = 0, provision_id = 0;
  // The question it brackets: the id of the question's first passage (its own id for that one).
  std::int64_t question = 0;
  std::string lang;
  std::int64_t start = 0, end = 0;  // code points of the provision's text in `lang`
  std::string kind;                 // retain_or_delete | alternatives
  std::vector<std::string> alternatives;
  std::string proposed_by;  // Member State code, or "" when the secretariat placed it
  std::vector<std::string> supported_by, objected_by;
  std::string note;
  std::string state;  // open | agreed | deleted
};

struct Provision {
  std::int64_t id = 0, text_id = 0;
  int position = 0;
  std::string kind;             // section | paragraph
  std::string label;            // "2", "2.b"
  boost::json::value body;      // {lang: text}
  std::vector<Bracket> brackets;  // every state, ordered by language, then start, then outer first
  // Open questions: the questions with an open passage (each language version carries the same
  // brackets, so they are not added up over languages).
  int OpenBrackets() const;
  // The Member States that proposed its open brackets, each once, in code order (a bracket the
  // secretariat placed has none).
  std::vector<std::string> OpenBracketProponents() const;
};

struct Proposal {
  std::int64_t id = 0, text_id = 0, provision_id = 0;
  std::string label;  // of the provision ("" when it was removed)
  std::string member_state, kind, lang;
  std::optional<std::int64_t> start, end;
  std::string words, justification, state;
  std::string provision_kind;  // of the provision that add_provision proposes
  std::optional<std::int64_t> bracket_id;
  std::int64_t created_at = 0;
};

struct Informal {
  std::int64_t id = 0, text_id = 0;
  std::vector<std::int64_t> provisions;
  std::int64_t facilitator_user_id = 0;
  std::string facilitator_name, member_state;
  std::int64_t report_to_meeting = 0;
  std::string deadline;
  std::int64_t decision_id = 0;
  std::int64_t sent_version = 0;  // the text's version once the provisions were sent
  // The report back (absent until made): the agenda item of the meeting reported to and the
  // paragraph of its record, and the text's version when it was made.
  std::optional<std::int64_t> report_agenda_item, report_intervention, reported_version;
  std::int64_t reported_at = 0;
};

struct Revision {
  std::int64_t number = 0, version = 0, document_id = 0;
  std::string document;  // symbol
  std::int64_t created_at = 0;
};

struct Text {
  std::int64_t id = 0;
  std::int64_t document_id = 0;
  std::string document;  // the symbol, canonical
  std::string access;    // who may read it: never looser than the document's level
  std::int64_t agenda_item_id = 0, meeting_id = 0;
  boost::json::value title;  // multilingual
  std::vector<std::string> languages;
  std::string status;
  std::int64_t version = 0;
  bool illustrative = false;  // written for the demo
  std::vector<Provision> provisions;  // in order
  std::vector<Proposal> proposals;    // by Member State, then oldest first
  std::vector<Informal> informal;     // oldest first
  std::vector<Revision> revisions;    // oldest first
  std::optional<std::int64_t> adopted_meeting, adopted_decision, adopted_version;
  // The resolution it was registered as, when the adopting body numbers what it adopts.
  std::optional<documents::ResolutionRef> adopted_resolution;
  // The provision the secretariat or the chair put under discussion (SetUnderDiscussion);
  // absent: the room's screen chooses (OnScreen).
  std::optional<std::int64_t> under_discussion;
  int OpenBrackets() const;
  // Labels of the provisions with at least one open bracket, in order ("2.b", "6.c").
  std::vector<std::string> BracketedLabels() const;
};

// Whether a viewer may edit texts (the secretariat, administrators, the chair).
bool MayEdit(const documents::Viewer& viewer);

// --- Queries (NotFound, with one message, when the text does not exist or the viewer may not
// see its document) ---------------------------------------------------------------------------

Result<Text> Get(storage::Database& db, std::int64_t id, const documents::Viewer& viewer);
struct ListQuery {
  std::optional<std::string> document;  // symbol or id
  std::optional<std::int64_t> meeting;
};
// The texts the viewer may see, oldest first (without their provisions' brackets' details).
Result<std::vector<Text>> List(storage::Database& db, const ListQuery& q,
                               const documents::Viewer& viewer);
// The text of a provision and the id of its text (for routes that start from a provision).
Result<std::int64_t> TextOfProvision(storage::Database& db, std::int64_t provision_id);
Result<std::int64_t> TextOfBracket(storage::Database& db, std::int64_t bracket_id);

// The clean text of a provision in `lang`: open brackets removed as marks, their words kept.
// The bracketed text: each open bracket's words between "[" and "]".
std::string BracketedText(const Provision& p, const std::string& lang);

// The summary record's sentence on the brackets left ("Only two provisions retain square
// brackets (2.b and 6.c)."), in `lang`, from the catalogue (ICU plural and list patterns).
std::string BracketsSentence(const Text& t, const std::string& lang);

// A language version of a provision that lacks the passage of an open question: the provision
// has text in `lang` but the question is bracketed in other languages only.
struct MissingPassage {
  std::int64_t provision = 0;
  std::string label;
  std::int64_t question = 0;
  std::string lang;
  std::vector<std::string> bracketed_in;  // the languages that have its passage
};
// In the order of the provisions, then of the questions, then of the text's languages.
std::vector<MissingPassage> MissingPassages(const Text& t);

// Whether `who` may edit provision `provision_id` of text `t` as the facilitator of one of its
// informal consultations (an editor needs no such right).
bool Facilitates(const Text& t, const accounts::Session& who, std::int64_t provision_id);

// The text as it stood at `version` (from the history's snapshots). NotFound when the text is
// not visible or that version was not recorded.
Result<Text> GetVersion(storage::Database& db, std::int64_t id, std::int64_t version,
                        const documents::Viewer& viewer);
// The snapshot of a text (what the history stores), and a text read back from one.
boost::json::object Snapshot(const Text& t);
Text FromSnapshot(const boost::json::value& v);
// The snapshot of text `text_id` as serialized JSON, inside the caller's transaction (demo).
std::string SnapshotOn(storage::Connection& c, std::int64_t text_id);

// A diff of two strings by words (CJK characters one by one): segments {op: equal | insert |
// delete, text}, consecutive segments of one op joined.
boost::json::array DiffWords(const std::string& from, const std::string& to);
// Per provision (matched by id) and language: {id, label_from, label_to, change: added |
// removed | changed | same, texts: {lang: segments}}.
boost::json::array DiffTexts(const Text& from, const Text& to);

// --- Use cases (the caller checked MayEdit; `viewer` is used for the 404 rule) --------------

struct TextInput {
  std::string document;     // symbol or id
  std::int64_t agenda_item = 0;
  boost::json::value title;  // multilingual or a string (English)
  std::vector<std::string> languages;  // at least one of the six
  // Default: member_states, or the document's level when that is stricter; never looser.
  std::optional<std::string> access;
  // Each language's state of the title (site/text_states.h), written with it.
  site::AskedStates states;
};
Result<Text> CreateText(storage::Database& db, const accounts::Session& who, const TextInput& in);

struct ProvisionInput {
  std::string kind = "paragraph";
  boost::json::value text;          // {lang: text}; languages of the text only
  std::optional<int> position;      // 1-based place among the provisions; default: last
  std::optional<std::int64_t> version;  // when given, must be the current one
  // Each language's state of the text (site/text_states.h), written with it.
  site::AskedStates states;
};
Result<Provision> AddProvision(storage::Database& db, const accounts::Session& who,
                               std::int64_t text_id, const ProvisionInput& in);

struct ProvisionPatch {
  std::optional<std::int64_t> version;  // required: the version the edit was made on
  boost::json::value text;              // {lang: text}: the languages to replace
  std::optional<std::string> kind;
  // Each language's state of the text as the edit leaves it (site/text_states.h): "text".
  site::AskedStates states;
};
// Replaces the text of some languages. Brackets follow the edit (an edit before a bracket
// shifts it, inside it grows or shrinks it); an edit across an open bracket's edge is refused.
// Open proposals follow it too (an edit before one shifts its passage); one whose passage the
// edit touches keeps no passage, and merging or bracketing it is then refused (409, `start`).
// A language the provision has, given empty, is refused (400 `text.<lang>`, "must not be empty;
// a language of a provision, once written, is not removed"): its text is changed, not removed.
// 409 (field "version") when `version` is not the current one.
// The title of a text in the six languages with their states (site/text_edit.h's body:
// {title: {lang: text}, states: {title: {lang: state}}, version?}): the whole title replaced
// when given, a new version of the text (409 for a stale `version`, as for provisions), the
// secretariat or the chair only. Answers {id, title, states: {title: {lang: state}}}.
Result<boost::json::object> EditTitle(storage::Database& db, const accounts::Session& who,
                                      std::int64_t text_id, const boost::json::object& body);
Result<Provision> UpdateProvision(storage::Database& db, const accounts::Session& who,
                                  std::int64_t provision_id, const ProvisionPatch& in);
Status DeleteProvision(storage::Database& db, const accounts::Session& who,
                       std::int64_t provision_id, std::optional<std::int64_t> version);

struct BracketInput {
  // The passage of another language of an existing bracket: the id of the question (or of any
  // of its passages). Its Member States are the question's (proposed_by, supported_by and
  // objected_by may be left empty, or must name the same), its alternatives as many.
  std::optional<std::int64_t> question;
  std::string lang;
  std::optional<std::int64_t> start, end;
  std::vector<std::string> alternatives;  // empty: retain_or_delete
  std::string proposed_by;
  std::vector<std::string> supported_by, objected_by;
  std::string note;
  std::optional<std::int64_t> version;
};
// A new bracket (a question with its passage in `lang`), or, with `question`, the passage of
// another language of an open question: 400 (question) when it is no bracket of the provision,
// 409 (question) when it is no longer open, 400 (lang) when that language has its passage
// already, 400 (alternatives) when their number differs from the question's, 400 (start) when it
// would lie to an open bracket of another question otherwise (inside, around, on the same words,
// apart) than the question's passage lies to that question's in another language.
Result<Bracket> AddBracket(storage::Database& db, const accounts::Session& who,
                           std::int64_t provision_id, const BracketInput& in);

struct ResolveInput {
  std::string outcome;                  // retain | delete | alternative
  std::optional<std::int64_t> alternative;  // 1-based, for "alternative"
  std::optional<std::int64_t> version;
};
// Resolves the question of bracket `bracket_id` in every language at once (its open passages),
// in one transaction and one history entry. retain: the words stay, the bracket is agreed.
// delete: the words go (with any bracket inside them), the bracket is deleted. alternative N: the
// words of each language are replaced by that language's alternative N, the bracket is agreed.
// Brackets after a passage in the same language shift. Deleting or replacing the words is
// refused (409 outcome) while an open question inside them has its passage in a language where
// this one has none (it would stay open there only).
Result<Bracket> ResolveBracket(storage::Database& db, const accounts::Session& who,
                               std::int64_t bracket_id, const ResolveInput& in);

struct ProposalInput {
  std::string member_state, kind, lang;
  std::optional<std::int64_t> start, end;
  std::string text, justification;
  std::string provision_kind = "paragraph";  // add_provision
};
// A delegate proposes for their own Member State only (403 otherwise); the secretariat, an
// administrator and the chair record proposals made in the room for any. Other roles: 403.
Result<Proposal> Propose(storage::Database& db, const accounts::Session& who,
                         std::int64_t provision_id, const ProposalInput& in);
// The proponent's delegates and the editors withdraw an open proposal (409 when it is not open).
Result<Proposal> WithdrawProposal(storage::Database& db, const accounts::Session& who,
                                  std::int64_t proposal_id);
// Editors: turn an open proposal into a bracket proposed by its Member State (insert: the words
// are inserted and bracketed; delete: the passage is bracketed to retain or delete; replace:
// alternatives [the current words, the proposed ones]; add_provision: the provision is added
// after and bracketed; delete_provision: its whole text bracketed), or merge it into the text.
Result<Proposal> BracketProposal(storage::Database& db, const accounts::Session& who,
                                 std::int64_t proposal_id, std::optional<std::int64_t> version);
Result<Proposal> MergeProposal(storage::Database& db, const accounts::Session& who,
                               std::int64_t proposal_id, std::optional<std::int64_t> version);
Result<std::int64_t> TextOfProposal(storage::Database& db, std::int64_t proposal_id);

// Freezes the current version as the next revision and registers its document (the next
// "(Rev.N)" of the text's document, which it revises); the text then belongs to that document.
// 409 (brackets) while a language version lacks the passage of an open question
// (MissingPassages), naming the provision and the language.
Result<Revision> IssueRevision(storage::Database& db, const accounts::Session& who,
                               std::int64_t text_id, std::optional<std::int64_t> version);

struct InformalInput {
  std::vector<std::int64_t> provisions;
  std::int64_t facilitator = 0;  // the facilitator's account
  std::string member_state;
  std::int64_t report_to_meeting = 0;
  std::string deadline;  // YYYY-MM-DD
  std::optional<std::int64_t> decision;  // default: the item's last referred_informal decision
};
Result<Informal> SendToInformal(storage::Database& db, const accounts::Session& who,
                                std::int64_t text_id, const InformalInput& in);
Result<std::int64_t> TextOfInformal(storage::Database& db, std::int64_t informal_id);

struct ReportInput {
  std::int64_t agenda_item = 0;  // an item of the meeting the consultations report to
  boost::json::value text;       // multilingual: the paragraph of that meeting's record
};
// Records the facilitator's report back as a paragraph of the record of that agenda item (the
// facilitator speaking as councillor of their Member State) and closes the consultations: the
// text shows what they changed from then on. 409 when already reported; 400 (agenda_item)
// for an item of another meeting than the one named when they were sent.
Result<Informal> ReportInformal(storage::Database& db, const accounts::Session& who,
                                std::int64_t informal_id, const ReportInput& in);

// What informal consultations changed: the diff (DiffTexts) of their provisions between the
// version they were sent at and the version of their report back (or the current one while
// they still work). Provisions removed meanwhile are listed as removed.
Result<boost::json::array> InformalChanges(storage::Database& db, const Text& t,
                                           const Informal& i, const documents::Viewer& viewer);

struct AdoptInput {
  std::int64_t meeting = 0, decision = 0;
  std::optional<std::int64_t> version;
  // The number the body gives what it adopts (Council Resolution 1407): the text then enters
  // the resolutions registry, its instrument the meeting's body (which must be one that numbers
  // its resolutions: documents::kInstruments), its year the meeting's, citing the text's
  // document (its last revision).
  std::optional<std::int64_t> resolution;
};
// 409 while a bracket is open (first naming any language version that lacks the passage of an
// open question, as IssueRevision); the decision must be one of that meeting's.
Result<Text> Adopt(storage::Database& db, const accounts::Session& who, std::int64_t text_id,
                   const AdoptInput& in);

// The summary record's sentence on the brackets left (BracketsSentence in the six languages),
// offered to the record of the text's agenda item: recorded as a paragraph of the secretariat
// after the item's others, which the secretariat may then edit or delete as any paragraph.
// Editors only (403). The text is unchanged (its version stays); its history and the audit log
// record who added which paragraph.
struct RecordedSentence {
  std::int64_t intervention = 0, agenda_item = 0;
  boost::json::object summary;  // {lang: sentence}
};
Result<RecordedSentence> RecordSentence(storage::Database& db, const accounts::Session& who,
                                        std::int64_t text_id);

// --- The room's screen ---------------------------------------------------------------------

// The provision the room's screen shows: the one under discussion, else the first with an open
// bracket, else the first; 0 for a text without provisions.
std::int64_t OnScreen(const Text& t);

// Puts provision `provision` of the text under discussion (the room's screen shows it), or,
// without one, lets the screen choose again. Editors only (403); 400 (provision) for a
// provision of another text; 409 (status) for an adopted text. The text itself is unchanged:
// its version stays (an editor's edit in flight is not refused for it), the history and the
// audit log record who chose what.
Result<Text> SetUnderDiscussion(storage::Database& db, const accounts::Session& who,
                                std::int64_t text_id, std::optional<std::int64_t> provision);

// Watchers of texts (GET /api/v1/texts/{id}/events; http/watchers.h): every use case above
// calls TextChanged after its transaction committed; each watcher hears of it within 100 ms
// (`event: change`, data {"text": id, "change": n}, n counting the changes this server
// announced). At most MaxScreenWatchers at once (`plenary serve --max-screen-watchers`):
// beyond, WatchText gives nullptr.
inline constexpr int kDefaultMaxScreenWatchers = 1000;
void TextChanged(std::int64_t text_id);
std::uint64_t TextChanges(std::int64_t text_id);
std::shared_ptr<http::EventStream> WatchText(std::int64_t text_id);
void SetMaxScreenWatchers(int n);
int MaxScreenWatchers();
int ScreenWatchers();

// The demo: the illustrative draft guidelines of C22/32(Rev.1) under item 5 of the Council 2022
// plenary (the "texts" of src/demo/council2022.json; brackets given by their words), inside the
// demo loader's transaction, after the proceedings.
Status LoadDemo(storage::Connection& c);

// --- Pure helpers (exposed for tests) -------------------------------------------------------

// Code points of valid UTF-8.
std::int64_t CodePoints(const std::string& s);
// The byte offset of code point `cp` in `s` (cp <= CodePoints(s)).
std::size_t ByteOffset(const std::string& s, std::int64_t cp);
// Labels of provisions of these kinds, in order: sections 1, 2, …; paragraphs a, b, … after
// the section before them ("2.b"); after "z", "aa". A paragraph before any section is "a".
std::vector<std::string> Labels(const std::vector<std::string>& kinds);

}  // namespace plenary::drafting

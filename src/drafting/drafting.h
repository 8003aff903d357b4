// Negotiated texts: a draft (e.g. the guidelines of C22/32(Rev.1)) as numbered provisions in
// several languages, with the square brackets that mark what is not yet agreed.
//
// A text belongs to a document (its symbol) and has an access level (member_states by default,
// never looser than the document's; a reader without the right gets 404, as for documents) and to the agenda item that considers it.
// Provisions are sections ("2") and the lettered paragraphs of the section before them ("2.b");
// labels are derived from the order and rewritten when a provision is inserted or removed, while
// a provision's id stays. A bracket lies on one language's text of a provision: [start, end) in
// Unicode code points; brackets may nest but not overlap. A bracket is `retain_or_delete` (the
// words may stay or go) or `alternatives` (two or more texts, one of which will stand).
//
// Lifecycles:
//   text:    draft → adopted (adoption is not built yet; an adopted text refuses every edit)
//   bracket: open → agreed (retained, or an alternative chosen) | deleted (its words removed)
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
#include "storage/db.h"

namespace plenary::drafting {

inline constexpr const char* kTextStatuses[] = {"draft", "adopted"};
inline constexpr const char* kProvisionKinds[] = {"section", "paragraph"};
inline constexpr const char* kBracketKinds[] = {"retain_or_delete", "alternatives"};
inline constexpr const char* kBracketStates[] = {"open", "agreed", "deleted"};
inline constexpr const char* kOutcomes[] = {"retain", "delete", "alternative"};

// Limits of the input (explicit so that one request cannot grow a text without bound).
inline constexpr std::size_t kMaxProvisionChars = 20000;  // per language
inline constexpr std::size_t kMaxProvisions = 500;        // per text
inline constexpr std::size_t kMaxAlternatives = 10;
inline constexpr std::size_t kMaxCountries = 200;         // supported_by, objected_by
inline constexpr std::size_t kMaxNoteChars = 2000;

struct Bracket {
  std::int64_t id = 0, provision_id = 0;
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
  int OpenBrackets() const;
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

// --- Use cases (the caller checked MayEdit; `viewer` is used for the 404 rule) --------------

struct TextInput {
  std::string document;     // symbol or id
  std::int64_t agenda_item = 0;
  boost::json::value title;  // multilingual or a string (English)
  std::vector<std::string> languages;  // at least one of the six
  // Default: member_states, or the document's level when that is stricter; never looser.
  std::optional<std::string> access;
};
Result<Text> CreateText(storage::Database& db, const accounts::Session& who, const TextInput& in);

struct ProvisionInput {
  std::string kind = "paragraph";
  boost::json::value text;          // {lang: text}; languages of the text only
  std::optional<int> position;      // 1-based place among the provisions; default: last
  std::optional<std::int64_t> version;  // when given, must be the current one
};
Result<Provision> AddProvision(storage::Database& db, const accounts::Session& who,
                               std::int64_t text_id, const ProvisionInput& in);

struct ProvisionPatch {
  std::optional<std::int64_t> version;  // required: the version the edit was made on
  boost::json::value text;              // {lang: text}: the languages to replace
  std::optional<std::string> kind;
};
// Replaces the text of some languages. Brackets follow the edit (an edit before a bracket
// shifts it, inside it grows or shrinks it); an edit across an open bracket's edge is refused.
// 409 (field "version") when `version` is not the current one.
Result<Provision> UpdateProvision(storage::Database& db, const accounts::Session& who,
                                  std::int64_t provision_id, const ProvisionPatch& in);
Status DeleteProvision(storage::Database& db, const accounts::Session& who,
                       std::int64_t provision_id, std::optional<std::int64_t> version);

struct BracketInput {
  std::string lang;
  std::optional<std::int64_t> start, end;
  std::vector<std::string> alternatives;  // empty: retain_or_delete
  std::string proposed_by;
  std::vector<std::string> supported_by, objected_by;
  std::string note;
  std::optional<std::int64_t> version;
};
Result<Bracket> AddBracket(storage::Database& db, const accounts::Session& who,
                           std::int64_t provision_id, const BracketInput& in);

struct ResolveInput {
  std::string outcome;                  // retain | delete | alternative
  std::optional<std::int64_t> alternative;  // 1-based, for "alternative"
  std::optional<std::int64_t> version;
};
// retain: the words stay, the bracket is agreed. delete: the words go (with any bracket inside
// them), the bracket is deleted. alternative N: the words are replaced by alternative N, the
// bracket is agreed. Brackets after it in the same language shift.
Result<Bracket> ResolveBracket(storage::Database& db, const accounts::Session& who,
                               std::int64_t bracket_id, const ResolveInput& in);

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

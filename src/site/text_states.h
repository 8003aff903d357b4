// The state of each language's text of a multilingual field: missing (no text), draft or final.
// The text lives in its owner's JSON column; the drafts are rows of `text_states` (migration
// 0029), written in the transaction of the use case that writes the text. A text written
// without a state is the secretariat's and final; a text removed is missing and loses its row.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "base/result.h"
#include "storage/db.h"

namespace plenary::site {

inline constexpr const char* kTextStates[] = {"missing", "draft", "final"};

// The states a write asks for, per field and language: "draft" or "final". A field's key is its
// name in the write ("title", "summary"; "questions.2" for the second question).
using AskedStates = std::map<std::string, std::map<std::string, std::string>>;
// The drafts of one record: field → its languages marked draft.
using Drafts = std::map<std::string, std::set<std::string>>;

// Reads the `states` member of a JSON body (absent: nothing asked):
// {field: {lang: "draft" | "final"}}, where `fields` are the multilingual fields the write takes;
// a field listed as "questions[]" takes an array of such objects, aligned with the questions
// ("questions.1", …). 400 naming `states`, `states.<field>` or `states.<field>.<lang>` and the
// rule; an unknown field or language is refused.
Result<AskedStates> ReadStates(const boost::json::object& body,
                               std::initializer_list<std::string_view> fields);
Result<AskedStates> ReadStates(const boost::json::object& body,
                               const std::vector<std::string_view>& fields);
// A state asked for a language without text is refused (400 naming `states.<field>.<lang>`: a
// missing text has no state); `text` is the field's text as the write leaves it.
Status CheckStates(const AskedStates& asked, const std::string& field,
                   const boost::json::value& text);

// The drafts of (owner, id), read on `c`.
Drafts DraftsOf(storage::Connection& c, std::string_view owner, std::int64_t owner_id);
// Every draft of every record of kind `owner`: id → field → languages.
std::map<std::int64_t, Drafts> AllDrafts(storage::Connection& c, std::string_view owner);
// The languages of `field` of record `id` marked draft in `all` (AllDrafts): none when absent.
std::set<std::string> DraftLanguages(const std::map<std::int64_t, Drafts>& all, std::int64_t id,
                                     const std::string& field);

// Writes the states of `field` of (owner, id) whose text goes from `old_text` to `text`, in the
// caller's transaction: a language without text has no row (missing); one with a state in
// `asked` takes it; one whose text changed without a state asked becomes final (typed by the
// secretariat); an unchanged text keeps its state. Returns whether a state changed.
bool WriteStates(storage::Connection& c, std::string_view owner, std::int64_t owner_id,
                 const std::string& field, const boost::json::value& old_text,
                 const boost::json::value& text, const AskedStates& asked);
// One field of a write: its key in `text_states` and its text before and after the write (null
// for a text the record did not have, or no longer has).
struct TextChange {
  std::string field;
  boost::json::value old_text;
  boost::json::value text;
};
// The one rule for a write's states, in the caller's transaction: every state asked names a
// field of `changes` and a language with text as the write leaves it (else 400 naming
// `states.<field>.<lang>`, nothing written), then WriteStates for each field. Returns whether a
// state changed.
Result<bool> WriteTextStates(storage::Connection& c, std::string_view owner, std::int64_t owner_id,
                             const std::vector<TextChange>& changes, const AskedStates& asked);
// Deletes every row of (owner, id), with the record.
void DeleteStates(storage::Connection& c, std::string_view owner, std::int64_t owner_id);

// The six languages' states of `text`: {lang: "missing" | "draft" | "final"}.
boost::json::object StatesJson(const boost::json::value& text, const std::set<std::string>& drafts);
// The states of a record's texts as the API answers them, {field: {lang: state}}: each field of
// `texts` (its name and its text) with the drafts of (owner, id) read on `c`.
boost::json::object StatesOf(storage::Connection& c, std::string_view owner, std::int64_t id,
                             const std::vector<std::pair<std::string, boost::json::value>>& texts);
// One language's state of `text`.
std::string StateOf(const boost::json::value& text, const std::set<std::string>& drafts,
                    const std::string& lang);

// --- The "translations needed" page ---------------------------------------------------------
// Each capability above the desk hands it its multilingual texts through a TranslationSource
// (desk::SetTranslationSources, wired by app/app.cc), as text flows down elsewhere.

// One multilingual text of a record: its label (in the reader's language), the text and the
// languages marked draft.
struct TranslatedText {
  std::string label;
  boost::json::value text;
  std::set<std::string> drafts;
};
// A record whose texts the page checks: how its row is named, and the page where its texts are
// edited (a path without the language prefix, with its fragment).
struct TranslationRecord {
  std::string label;
  std::string href;
  std::vector<TranslatedText> texts;
};
// A heading of the page (in the reader's language) and its records.
struct TranslationGroup {
  std::string heading;
  std::vector<TranslationRecord> records;
};
using TranslationSource = std::function<std::vector<TranslationGroup>(
    storage::Database& db, const std::string& lang,
    const std::optional<accounts::Session>& viewer)>;

}  // namespace plenary::site

// The one mechanism that edits a record's multilingual texts in the six languages, each with its
// state (text_states.h): the use case (EditTexts), the API's PATCH route of each kind of record
// and the desk's form (/admin/translations/{owner}/{id}, every field in six languages with a box
// per language marking it a draft), and the form's six inputs shared with the other forms that
// edit multilingual texts (AddLanguageInputs, FormStates). Each capability describes its records
// (TextOwner: fields, how to read them, how to store them in its own table) and registers them;
// the rules — validation, states, audit, one transaction — are here only.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <ctemplate/template.h>

#include "accounts/accounts.h"
#include "base/result.h"
#include "http/form.h"
#include "http/router.h"
#include "site/refusals.h"
#include "site/text_states.h"
#include "storage/db.h"

namespace plenary::site {

// A multilingual field of a record: its name (in the API's body, in `text_states` and in the
// form), the catalogue key of its label, its limit per language, whether a text is required
// and whether it is long (a text area rather than a line).
struct TextField {
  std::string name;
  std::string label_key;
  std::size_t max_chars = 500;
  bool required = true;
  bool long_text = false;
};

// A record's texts as its owner stores them: how the reader knows the record and the page it
// belongs to (a path without the language prefix).
struct OwnedTexts {
  std::string label;
  std::string back;
  std::map<std::string, boost::json::value> texts;
  // The version of the record the form is made on, when its owner refuses an edit made on a
  // stale one (a negotiated text): the form carries it and sends it back as `version`.
  std::optional<std::int64_t> version;
};

// A kind of record whose texts this mechanism edits, described by the capability that owns it.
struct TextOwner {
  std::string owner;  // the record's kind in `text_states` ("agenda_item") and in the audit log
  std::vector<TextField> fields;
  // The record as `viewer` may see it, for the form; NotFound otherwise.
  std::function<Result<OwnedTexts>(storage::Database& db, std::int64_t id, const std::string& lang,
                                   const std::optional<accounts::Session>& viewer)>
      read;
  // In the caller's write transaction: the stored texts of every field; NotFound for no record.
  std::function<Result<std::map<std::string, boost::json::value>>(storage::Connection& c,
                                                                 std::int64_t id)>
      stored;
  // In the caller's write transaction: stores the texts given (every field, as the edit leaves
  // them) in the owner's table, with what follows from them there (search, citations).
  std::function<void(storage::Connection& c, std::int64_t id,
                     const std::map<std::string, boost::json::value>& texts)>
      store;
  // When set, the capability's own use case edits the texts (the one its API's PATCH calls,
  // taking the same body and answering the same shape); `stored` and `store` are then unused.
  std::function<Result<boost::json::object>(storage::Database& db, const accounts::Session& who,
                                            std::int64_t id, const boost::json::object& body)>
      write;
  // Who may use the form and the PATCH route; unset: the secretariat and administrators. An
  // owner whose use case admits others (the chair of a negotiated text) says so here, and its
  // use case still decides.
  std::function<bool(const accounts::Session& who)> may_edit;
};

// The edit: `body` is {<field>: {lang: text}, states: {<field>: {lang: "draft" | "final"}}};
// a field given replaces its stored text whole (a language left out is removed), a field absent
// keeps it; `states` alone changes the states of the stored texts. 400 naming `<field>`,
// `<field>.<lang>`, `states.<field>.<lang>` or an unknown member; 404 for no record. Texts,
// states and the audit entry `<owner>.edit` (before and after: the texts that changed and the
// drafts) in one transaction. Answers {id, <field>: text…, states: {<field>: {lang: state}}}.
Result<boost::json::object> EditTexts(storage::Database& db, std::int64_t user_id,
                                      const TextOwner& owner, std::int64_t id,
                                      const boost::json::object& body);
// The texts and states of a record as the API answers them (the shape EditTexts returns).
boost::json::object TextsJson(storage::Connection& c, const TextOwner& owner, std::int64_t id,
                              const std::map<std::string, boost::json::value>& texts);

// Registers `owner` for the desk's form and, when `api_path` is not empty, `PATCH <api_path>` (a
// path with `{id}`) for staff (or whom the owner's `may_edit` admits; 403 for others), both
// calling EditTexts (or the owner's `write`).
void RegisterTextOwner(http::Router& router, storage::Database& db, TextOwner owner,
                       const std::string& api_path);
// The desk's form of every registered kind: GET and POST /admin/translations/{owner}/{id}.
// Saving goes back to the translations page (to the record's page for a reader who is not staff,
// e.g. the chair, who has no translations page).
void RegisterTextEditForm(http::Router& router, storage::Database& db);
// The form's path of a record (without the language prefix).
std::string TextFormPath(const std::string& owner, std::int64_t id);

// --- The six inputs of a multilingual field, shared by every form that edits one ------------
// One input per language in the section LANGS of `d` (included as {{>LANGUAGES}} from
// text_languages.tpl): id <prefix>-<code>, name <name>_<code>, its value, language and
// direction, its state (missing, draft, final; in the reader's language) with the box that
// marks it a draft (<name>_draft_<code>), and its error when `errors` has one for that input.
// A one-line input (not `long_text`) carries the field's limit `max_chars` as its maxlength.
void AddLanguageInputs(ctemplate::TemplateDictionary* d, const std::string& prefix,
                       const std::string& name, const std::string& lang, bool long_text,
                       std::size_t max_chars,
                       const std::function<std::string(const std::string&)>& value,
                       const std::function<bool(const std::string&)>& draft,
                       const FormErrors& errors);
// The states a form asks for field `field` from its inputs <name>_<code> and boxes
// <name>_draft_<code>: a ticked box a draft, a text without it final.
void FormStates(const http::Form& f, const std::string& name, const std::string& field,
                AskedStates& out);

}  // namespace plenary::site

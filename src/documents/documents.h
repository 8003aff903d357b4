// Official documents: the model, the use cases that change it, and the queries that read it.
//
// A document has a symbol (text/symbols.h, stored in canonical form without a language suffix,
// unique), a title per language, a date, a source (secretariat, chair, a Member State's
// contribution, other), an access level, a status, relations to other documents (revises,
// corrects, adds to), and one file per language version (ar zh en fr ru es).
//
// Access: `public` documents are for everyone; `member_states` documents for Member State
// delegates and the secretariat; `secretariat` documents for the secretariat. Someone who may
// not see a document cannot learn that it exists: every query answers as if it did not
// (404 "no such document"), and lists, relations and "cited by" leave it out. The one rule is
// CanSee().
//
// Lifecycle: draft → issued → superseded (when an issued revision of it is created).
// Each action validates its input, writes its rows and its audit entry in one transaction,
// and changes nothing when it returns an error.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "base/result.h"
#include "meetings/meetings.h"
#include "site/text_states.h"
#include "storage/db.h"
#include "text/citations.h"

namespace plenary::documents {

// Who is reading: a signed-in session, or nullopt for an anonymous reader.
using Viewer = std::optional<accounts::Session>;

// Whether `viewer` may see a document with this access level (its existence, metadata and
// files). Staff (admin, secretariat) see everything; anonymous readers see public documents.
// Member State delegate accounts (issue 6) will see `member_states` documents: add their role
// here and nowhere else.
bool CanSee(const Viewer& viewer, std::string_view access);

// Configurable limits (plenary serve flags).
struct Limits {
  std::size_t max_file_bytes = 20 << 20;  // 20 MiB per language version
};

inline constexpr const char* kSourceKinds[] = {"secretariat", "chair", "member_state", "other"};
inline constexpr const char* kAccessLevels[] = {"public", "member_states", "secretariat"};
inline constexpr const char* kStatuses[] = {"draft", "issued", "superseded"};
inline constexpr const char* kRelationKinds[] = {"revises", "corrects", "adds_to"};

struct Relation {
  std::string kind;    // "revises" | "corrects" | "adds_to", read from the citing side
  std::int64_t id;     // the other document
  std::string symbol;  // the other document's symbol
};

struct FileInfo {
  std::string language;
  std::string filename;    // as uploaded
  std::string media_type;  // judged by content
  std::int64_t size = 0;
  std::string digest;
  std::int64_t uploaded_at = 0;
};

struct Document {
  std::int64_t id = 0;
  std::string symbol;  // canonical
  std::optional<std::int64_t> body_id;
  std::string body_key, body_acronym;
  boost::json::value title;    // multilingual
  boost::json::value summary;  // multilingual, may be empty
  std::string date;            // YYYY-MM-DD
  std::string source_kind;
  boost::json::value source;   // multilingual, may be empty
  std::string access;
  std::string status;
  bool illustrative = false;
  std::int64_t created_at = 0;
  std::vector<Relation> relations;   // this document revises / corrects / adds to …
  std::vector<Relation> related_by;  // … documents that revise / correct / add to this one
  std::vector<FileInfo> files;       // in the order of text::Languages()
};

// Something whose text cites a document or a resolution.
struct Citing {
  std::string kind;  // "document" | "consultation" | "action" | "agenda_item"
  std::int64_t id = 0;
  std::string label;  // document symbol; consultation key; action or agenda item number
  boost::json::value title;   // multilingual: document or consultation title; action text
  std::string url;            // page path without the language prefix
  boost::json::value texts;   // multilingual: the citation as written, per language found
  // For actions and agenda items: the meeting (the fields its label needs).
  meetings::Meeting meeting{};
};

// Whether a citation found in a text is the one looked for.
using CitationMatch = std::function<bool(const text::Citation&)>;
// Records of the capabilities above documents whose texts may cite a document or a resolution
// (consultations, actions, agenda items). Their citations are written at write time, as
// documents' own are: the owner calls RecordCitationsOf in the transaction that changes the
// record's text, so "cited by" reads rows of `citations` and scans no text. What documents
// cannot read (the record's label, title, meeting and page) each such capability hands down
// through a CitingSource: its records of `kind` with the given ids, read from its own tables
// by id, in the order it lists them (ids no longer there are left out). The app sets the
// sources once at start (SetCitingSources), and "cited by" lists them after the citing
// documents, in the order given.
struct CitingSource {
  std::string kind;  // the records' source_kind in `citations` ("consultation", "action", …)
  std::function<std::vector<Citing>(storage::Connection& c, const std::vector<std::int64_t>& ids)>
      describe;
};
using CitingSources = std::vector<CitingSource>;
void SetCitingSources(CitingSources sources);
// Replaces the citations of the record (`source_kind`, `source_id`) with the resolutions and
// documents cited in each language version of `fields` (multilingual JSON values, in the order
// their first citation should be quoted); in the caller's transaction.
void RecordCitationsOf(storage::Connection& c, const std::string& source_kind,
                       std::int64_t source_id, const std::vector<const boost::json::value*>& fields);
// The first citation `match` accepts in each language version of `fields`, as written, with
// the whole list it belongs to ({"zh": "第133号决议（2018年，迪拜，修订版）"}); empty if none.
boost::json::object CitationsIn(const std::vector<const boost::json::value*>& fields,
                                const CitationMatch& match);

// Finds a document by numeric id or by symbol (any accepted spelling: "C22/32 (Rev.1)").
// NotFound, with the same message, when it does not exist or the viewer may not see it.
Result<Document> Get(storage::Database& db, const std::string& id_or_symbol,
                     const Viewer& viewer);

struct ListQuery {
  std::optional<std::string> body;    // id or key
  std::optional<std::string> q;       // prefix of the canonical symbol ("C22/3")
  std::optional<std::string> status;  // draft | issued | superseded
};
// The documents the viewer may see, in natural symbol order. 400 for an unknown body or status.
Result<std::vector<Document>> List(storage::Database& db, const ListQuery& query,
                                   const Viewer& viewer);

// Documents (visible to the viewer), consultations and meeting actions whose texts cite `d`.
std::vector<Citing> CitedBy(storage::Database& db, const Document& d, const Viewer& viewer);

// What the document's title and summary cite, once each, in order of first appearance:
// resolutions (kind, instrument, number) and documents (kind, symbol, canonical).
std::vector<text::Citation> Cites(storage::Database& db, const Document& d);

// --- Secretariat use cases -----------------------------------------------------------------

struct RelationInput {
  std::string kind;    // revises | corrects | adds_to
  std::string symbol;  // the other document
};

struct DocumentInput {
  std::string symbol;
  std::string body;  // id or key; optional
  boost::json::value title;    // multilingual or plain string (English)
  boost::json::value summary;  // optional
  std::string date;            // YYYY-MM-DD
  std::string source_kind;     // secretariat | chair | member_state | other
  boost::json::value source;   // required for member_state, chair and other
  std::string access;          // public | member_states | secretariat (required)
  std::string status;          // default issued
  // nullopt: derived from the symbol when the amended document exists (C22/32(Rev.1) revises
  // C22/32, C22/33(Add.1) adds to C22/33, C22/33(Corr.1) corrects C22/33); an empty list:
  // none.
  std::optional<std::vector<RelationInput>> relations;
  bool illustrative = false;
  // Each language's state of the title and summary (site/text_states.h), written with them.
  site::AskedStates states;
};

// Creates a document. Errors: 400 naming the field, 409 duplicate symbol. When the new
// document is issued and revises an issued document, that one becomes superseded.
Result<Document> Create(storage::Database& db, std::optional<std::int64_t> user_id,
                        const DocumentInput& in);
// The same inside a transaction the caller holds (demo loader); the caller rolls back on error.
Result<std::int64_t> CreateOn(storage::Connection& c, std::optional<std::int64_t> user_id,
                              const DocumentInput& in);

// The fields of an issued or draft document the secretariat may change; nullopt keeps the value.
// The symbol, body and relations are fixed once created (a revision is a new document).
struct DocumentPatch {
  std::optional<boost::json::value> title, summary, source;
  std::optional<std::string> date, source_kind, access, status;
  // Each language's state of the title and summary (site/text_states.h).
  site::AskedStates states;
};
// Edits a document. Status moves forward only (draft → issued → superseded; 409 otherwise).
// Errors: 404 unknown document, 400 naming the field (same rules as Create), 400 "body" for an
// empty patch. Citations and the search index follow the new text and access level.
Result<Document> Update(storage::Database& db, std::int64_t user_id, const std::string& document,
                        const DocumentPatch& patch);

struct FileInput {
  std::string language;  // ar zh en fr ru es
  std::string filename;
  std::string data;
};
// Stores (or replaces) a language version. Type judged by content: PDF, DOCX, ODT or plain text.
// Errors: 404 unknown document, 400 language or type, 413 size.
Result<FileInfo> UploadFile(storage::Database& db, std::optional<std::int64_t> user_id,
                            const std::string& document, const FileInput& in,
                            const Limits& limits);
Result<FileInfo> UploadFileOn(storage::Connection& c, std::optional<std::int64_t> user_id,
                              std::int64_t document_id, const FileInput& in, const Limits& limits);

struct FileContent {
  FileInfo info;
  std::string data;
  std::string symbol;
  std::string access;
};
// A language version's bytes, under the same access rule as the document (404 otherwise).
Result<FileContent> GetFile(storage::Database& db, const std::string& document,
                            const std::string& language, const Viewer& viewer);

// The download name of a language version: "C22-32(Rev.1)-E.pdf".
std::string DownloadName(const std::string& symbol, const std::string& language,
                         const std::string& media_type);

// A document's id from its id or symbol (any accepted spelling), on `c` so that use cases can
// resolve inside their transaction. No access check: the caller is the secretariat.
std::optional<std::int64_t> DocumentId(storage::Connection& c, const std::string& id_or_symbol);

// The page of the document a citation names ("/documents/42", without the language prefix),
// when it is registered and the viewer may see it (default: an anonymous reader).
std::optional<std::string> DocumentUrl(storage::Database& db, const text::Citation& citation,
                                       const Viewer& viewer = std::nullopt);

// The Council 2022 documents of the summary record (C22/33, C22/18, C22/18(Rev.1), C22/51,
// C22/58, C22/32, C22/32(Rev.1), C22/71, C22/8, C22/60), the record itself (C22/87) and one
// illustrative restricted document (C22/DT/5). Idempotent (existing symbols are skipped). Runs on
// the caller's transaction; bodies "council" and "cwg-internet" are used when they exist.
Status LoadDemoDocuments(storage::Connection& c);

}  // namespace plenary::documents

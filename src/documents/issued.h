// Issued generated documents: a summary record or a Chair's report issued under a symbol and a
// date is registered in the documents registry (a document row, through CreateOn) with a
// snapshot of its content in each of the six languages (render/model.h) and its DOCX, PDF and
// Akoma Ntoso files rendered from that snapshot, all in one transaction. Nothing changes them
// afterwards (triggers of migration 0013 refuse it): a correction or a revision is issued as a
// new document (C22/87(Corr.1), C22/87(Rev.1)) that corrects or revises the first, with the
// next version number of the same source, and shows what changed.
#pragma once
#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "documents/documents.h"
#include "render/model.h"
#include "site/text_html.h"
#include "storage/db.h"

namespace plenary::documents {

struct IssueRequest {
  std::string symbol;  // canonical after CheckIssueRequest
  std::string date;    // YYYY-MM-DD
};
// Reads {"symbol", "date"} (both required; other keys refused) and checks them: the symbol
// parses (text/symbols.h) and is put in canonical form; the date is a real calendar date.
// 400 naming the field.
Result<IssueRequest> CheckIssueRequest(const boost::json::object& body);

struct IssueInput {
  std::string source;  // "meeting-record:12", "chair-report:cwg-internet:16,17"
  IssueRequest request;
  std::string body;           // the body's key
  std::string source_kind;    // "secretariat" | "chair"
  boost::json::value author;  // multilingual, who issues it ("Chair of CWG-Internet"); may be empty
  boost::json::value title;   // multilingual: the registry's title
  std::string access = "public";  // of the registered document (documents.h access levels)
  std::vector<render::Document> versions;  // one per language, with the symbol and date set
};

// Renders every version in every format, then in one transaction registers the document
// (status issued, with `access`), stores snapshot and files, uses up the source's approval
// (generated.h) and writes the audit entry. Errors: 409 when the source is not approved; 409
// when the symbol is taken, or when the source was already issued and the symbol is not a
// correction or revision of its first issue (the message names the expected form); 400 from
// the registry's checks; 500 when a renderer fails. The new document's id.
Result<std::int64_t> Issue(storage::Database& db, std::int64_t user_id, const IssueInput& in);

struct Issued {
  std::int64_t document_id = 0;
  std::string symbol;
  std::string source;
  int version = 0;
  std::int64_t issued_at = 0;
  boost::json::object snapshot;  // lang → model
};
// The latest issued version of a source, if any.
std::optional<Issued> LatestIssued(storage::Database& db, const std::string& source);
// The issued snapshot of a registered document, if it is one.
std::optional<Issued> IssuedOf(storage::Database& db, std::int64_t document_id);
// The stored file of an issued document in one language and format (render::kFormats).
std::optional<std::string> Rendition(storage::Database& db, std::int64_t document_id,
                                     const std::string& lang, const std::string& format);

// {"source", "version", "issued_at", "snapshot", "files": [{language, format, url, size,
// digest}], "previous": symbol|null, "changes": {lang: [...]}} for GET /api/v1/documents/{symbol}.
boost::json::object IssuedJson(storage::Database& db, const Issued& issued);

// Issues `in` (Issue) and describes the result as the issue routes answer it:
// {"id", "symbol", "date", "issued": IssuedJson}.
Result<boost::json::object> IssueAndDescribe(storage::Database& db, std::int64_t user_id,
                                             const IssueInput& in);

// "Original: English" in `lang` (the language's name in `lang`, from ICU).
std::string OriginLine(const std::string& original, const std::string& lang);

// The links of a text's citations of registered public documents ("/documents/42"), for the
// PDF's link annotations and the Akoma Ntoso <ref>s.
std::vector<render::Link> CitationLinks(storage::Database& db, const std::string& text);
// The parts of a sentence built for a document (site::Sentence: a stored title picked in another
// language than the document's) that are in another language, as a block's `languages`; the
// block's text is the sentence's text.
std::vector<render::LanguageSpan> LanguageSpans(const site::Sentence& s);

// A generated download: the stored file of the latest issued version of `source` when there
// is one (so an issued document never changes), else `draft` rendered now. `format` is one of
// render::kFormats; `lang` one of the six.
struct Download {
  std::string data;
  std::string media_type;
  std::string filename;
};
// `live`: the draft rendered from the live data even when an issue exists (staff preparing a
// correction; the caller checks the role).
Result<Download> DownloadGenerated(storage::Database& db, const std::string& source,
                                   const std::string& lang, const std::string& format,
                                   const std::function<Result<render::Document>()>& draft,
                                   bool live = false);

// The file name of a rendition: "C22-87-E.pdf", "C22-87-E.akn.xml".
std::string RenditionName(const std::string& symbol, const std::string& lang,
                          const std::string& format);

}  // namespace plenary::documents

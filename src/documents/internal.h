// Helpers shared by documents.cc, resolutions.cc and the routes; not part of the interface.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "base/result.h"
#include "documents/documents.h"
#include "storage/db.h"
#include "text/citations.h"
#include "text/symbols.h"

#include "base/utf8.h"
#include "site/fields.h"

namespace plenary::documents::internal {

using site::CountChars;
using site::Multilingual;
using site::ParseJson;
using site::SniffType;
using site::Trim;

using site::Alternatives;
using site::OneOf;


// "C22/8" < "C22/33" < "C22/DT/5": digit runs compare as numbers.
bool NaturalLess(const std::string& a, const std::string& b);

// A parsed symbol without its language suffix, in canonical form; nullopt when not a symbol.
std::optional<std::string> CanonicalSymbol(std::string_view text);

// A body id from its id or key; nullopt when unknown.
std::optional<std::int64_t> ResolveBody(storage::Connection& c, const std::string& id_or_key);

// Records the citations in a document's title and summary (every language version).
void RecordCitations(storage::Connection& c, std::int64_t document_id,
                     const boost::json::value& title, const boost::json::value& summary);

// Records the citations in the text of one uploaded language version (source_kind
// 'document_file', replaced with the file), so that "cited by" and "cites" include what the
// uploaded files cite. At most `max_citations` are kept per file.
void RecordFileCitations(storage::Connection& c, std::int64_t document_id,
                         const std::string& language, const std::vector<std::string>& pages,
                         std::size_t max_citations = 5000);

// What was read from one language version: its pages of text (PDF: one per page; otherwise 1)
// and, when none could be read from a kept file, why.
struct FileText {
  std::int64_t pages = 0;
  std::optional<std::string> error;
};
FileText TextOf(storage::Connection& c, std::int64_t document_id, const std::string& language);

// Documents citing something, from the citations table: rows matching `where` (SQL on
// table alias `c`, bound to `bind`), visible to the viewer, `exclude_id` left out.
std::vector<Citing> CitingDocuments(storage::Connection& c, const std::string& where,
                                    const std::function<void(storage::Stmt&)>& bind,
                                    const Viewer& viewer, std::int64_t exclude_id);

// The records of the citing sources (SetCitingSources) whose rows of `citations` (alias `c`)
// satisfy `where`, as CitingDocuments takes it; read from the table, no text is scanned.
std::vector<Citing> CitingRecords(storage::Connection& c, const std::string& where,
                                  const std::function<void(storage::Stmt&)>& bind);
// The first citation `match` accepts in each language version of `fields` (CitationsIn).
boost::json::object FirstCitations(const std::vector<const boost::json::value*>& fields,
                                   const CitationMatch& match);

}  // namespace plenary::documents::internal

// Import of an existing list of documents, or of resolutions, in two phases. The preview reads
// a CSV — documents: symbol, date, access, title per language, files per language, with a ZIP
// of the files beside it; resolutions: instrument, number, title per language, revisions,
// status, merged_into, status_year — and says what would be created, updated (new or changed
// files of a registered document), left unchanged, or refused and why, writing nothing. Only the confirmation writes: every row of the
// preview in one transaction, with one audit entry; if the data changed since the preview, it
// is refused (409) and nothing is written. Importing the same files again changes nothing.
#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "base/result.h"
#include "documents/documents.h"
#include "storage/db.h"
#include "text/messages.h"

namespace plenary::imports {

struct ImportLimits {
  std::size_t max_rows = 5000;             // CSV rows
  std::size_t max_zip_entries = 2000;      // files in the ZIP
  std::size_t max_zip_bytes = 256u << 20;  // inflated bytes of the ZIP's files together
  std::size_t max_ratio = 100;             // compression ratio of one ZIP entry
  std::size_t max_previews = 16;           // previews waiting for confirmation (oldest dropped)
  int preview_seconds = 3600;              // how long a preview can be confirmed
};

struct RowPlan {
  int row = 0;  // CSV line of the record, the header being line 1
  std::string symbol;
  std::vector<std::string> files;  // languages whose file is new or changed
};
struct Refusal {
  int row = 0;
  std::string field, reason;  // the CSV column; the rule in English (the API's "reason")
  // The catalogue sentence a page says it with, when the import has one of its own; else the
  // page words `reason` like any refusal (site::RefusalText).
  std::string key = {};
  text::Args args = {};
  // The line of the earlier planned row for the same document or resolution, when this row
  // repeats it (the API's "duplicate_of"); 0 otherwise.
  int duplicate_of = 0;
};
// What a CSV lists: "documents" or "resolutions".
inline constexpr const char* kImportKinds[] = {"documents", "resolutions"};

struct Plan {
  std::string preview_id;
  std::string kind = "documents";
  std::vector<RowPlan> create, update, unchanged;
  std::vector<Refusal> refuse;
  boost::json::object Json() const;
};

// Keeps the previews (with their files) in memory until confirmed or expired.
class Importer {
 public:
  Importer(storage::Database& db, ImportLimits limits = {}) : db_(db), limits_(limits) {}
  // Errors: 400 "csv" (not UTF-8, no header, no symbol column, unterminated quote), 400 "files"
  // (not a ZIP), 413 "csv"/"files" beyond the limits.
  Result<Plan> Preview(const accounts::Session& staff, const std::string& csv,
                       const std::string& zip, const std::string& kind = "documents");
  // Errors: 404 unknown or expired preview (or another user's), 409 the data changed.
  Result<Plan> Confirm(const accounts::Session& staff, const std::string& preview_id);

 private:
  struct Pending {
    std::int64_t user_id;
    std::string kind;
    std::string csv;
    std::map<std::string, std::string> files;  // ZIP entry name → bytes
    Plan plan;
    std::chrono::steady_clock::time_point expires;
  };
  storage::Database& db_;
  ImportLimits limits_;
  std::mutex mu_;
  std::map<std::string, Pending> pending_;
};

}  // namespace plenary::imports

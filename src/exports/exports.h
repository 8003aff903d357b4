// Public exports for analysis and archiving: a consultation's statistics and published responses
// as CSV, XLSX and JSON, and a body's public archive as one ZIP (documents' files and a JSON
// index). Only what the public site shows goes out: published responses without e-mail, phone
// or IP address; documents an anonymous reader may see (restricted ones never).
#pragma once
#include <cstddef>
#include <string>

#include <boost/json.hpp>

#include "base/result.h"
#include "consultations/consultations.h"
#include "storage/db.h"

namespace plenary::exports {

// The statistics (with the campaign counts the caller added) as a workbook of one sheet with the
// rows of the CSV export: dimension, key, count.
Result<std::string> StatisticsXlsx(const consultations::Statistics& s);

// Every published response of a consultation, oldest first: reference, name, organization,
// job title, country, stakeholder type, language, submitted and published (UTC), the general
// text, one column per question, attachments' names.
struct ResponsesTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  boost::json::object json;  // {consultation: {id, key, title}, total, items: [...]}
};
Result<ResponsesTable> PublishedResponsesTable(storage::Database& db,
                                               const std::string& consultation,
                                               const std::string& lang);
std::string ResponsesCsv(const ResponsesTable& t);
Result<std::string> ResponsesXlsx(const ResponsesTable& t);

// The public archive of a body: `index.json` ({body, generated_from (the newest item's time,
// so the same data gives the same bytes), documents: [{symbol,
// titles, date, status, source_kind, files: [{language, path, media_type, size, digest}]}]})
// and `documents/<download name>` for every language version. kTooLarge when the files
// together exceed `max_bytes`; NotFound for an unknown body.
inline constexpr std::size_t kMaxArchiveBytes = 256u << 20;
Result<std::string> BodyArchive(storage::Database& db, const std::string& body,
                                std::size_t max_bytes = kMaxArchiveBytes);

}  // namespace plenary::exports

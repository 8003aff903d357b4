// The summary record as an official document: the record (record.h) converted into the one
// document model every renderer takes (render/model.h), issued under a symbol and a date
// (documents/issued.h), and downloaded as DOCX, PDF or Akoma Ntoso in any of the six languages.
//   POST /api/v1/meetings/{id}/record/approve | withdraw-approval | issue {symbol, date}
//   GET  /api/v1/meetings/{id}/record.docx | .pdf | .akn.xml ?lang=, …/record/lifecycle
// and the forms of the same on the record's page (documents/generated.h: draft → approved →
// issued). A download is the issued file once the record is issued (the latest version), else
// a draft rendered from the live record.
#pragma once
#include <cstdint>
#include <string>

#include "http/router.h"
#include "proceedings/proceedings.h"
#include "render/model.h"
#include "storage/db.h"

namespace plenary::proceedings {

// "meeting-record:12": the source key of a meeting's record in the issued documents.
std::string RecordSource(std::int64_t meeting_id);

// The record of `p` in `lang` as a document. `symbol`/`date` empty: a draft (the record's own
// symbol if set, the meeting's last day).
render::Document RecordDocument(storage::Database& db, const Proceedings& p,
                                const std::string& lang, const std::string& symbol = "",
                                const std::string& date = "");

void RegisterRecordOutput(http::Router& router, storage::Database& db);

}  // namespace plenary::proceedings

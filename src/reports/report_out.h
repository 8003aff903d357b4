// The Chair's report as an official document: the report (chair_report.h) converted into the
// document model every renderer takes (render/model.h), issued under a symbol and a date
// (documents/issued.h), and downloaded as DOCX, PDF or Akoma Ntoso in the six languages.
//   POST /api/v1/bodies/{key}/chair-report/approve | withdraw-approval | issue ?meetings=16,17
//   GET  /api/v1/bodies/{key}/chair-report.docx | .pdf | .akn.xml ?meetings=16,17&lang=
// and the forms of the same on the report's page (documents/generated.h).
// A download is the issued file once that report (same body, same meetings) is issued, else a
// draft built from the live record.
#pragma once
#include <string>

#include "http/router.h"
#include "render/model.h"
#include "reports/chair_report.h"
#include "storage/db.h"

namespace plenary::reports {

// "chair-report:cwg-internet:16,17": the source key of a report in the issued documents.
std::string ReportSource(const std::string& body_key, const std::vector<int>& meetings);

// The report as a document; `symbol`/`date` empty for a draft (dated its last meeting's end).
render::Document ReportDocument(storage::Database& db, const ChairReport& r,
                                const std::string& symbol = "", const std::string& date = "");

void RegisterReportOutput(http::Router& router, storage::Database& db);

}  // namespace plenary::reports

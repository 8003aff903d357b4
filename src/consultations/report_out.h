// A consultation's report as an official document: the report paragraph (ReportParagraph, the
// figures written exact or "more than" as the source gives them) and the statistics of its
// responses (ComputeStatistics), in the one document model every renderer takes
// (render/model.h), with the lifecycle every generated document shares (documents/generated.h):
//   GET  /api/v1/consultations/{id}/report.docx | .pdf | .akn.xml ?lang=, …/report/lifecycle
//   POST /api/v1/consultations/{id}/report/approve | withdraw-approval | issue {symbol, date}
// and the forms of the same on the report's page (/consultations/{id}/report).
#pragma once
#include <cstdint>
#include <string>

#include "base/result.h"
#include "http/router.h"
#include "render/model.h"
#include "storage/db.h"

namespace plenary::consultations {

// "consultation-report:7": the source key of a consultation's report in the issued documents.
std::string ConsultationReportSource(std::int64_t consultation_id);

// The report of the consultation `id_or_key` in `lang`; `symbol`/`date` empty for a draft
// (dated the deadline's day in the consultation's zone). 404 for an unknown consultation.
Result<render::Document> ConsultationReportDocument(storage::Database& db,
                                                    const std::string& id_or_key,
                                                    const std::string& lang,
                                                    const std::string& symbol = "",
                                                    const std::string& date = "");

void RegisterReportOutput(http::Router& router, storage::Database& db);

}  // namespace plenary::consultations

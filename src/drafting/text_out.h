// A negotiated text as an official document: its provisions with the square brackets still
// open ("[…]", BracketedText) in the one document model every renderer takes (render/model.h),
// with the lifecycle every generated document shares (documents/generated.h):
//   GET  /api/v1/texts/{id}/document.docx | .pdf | .akn.xml ?lang=, …/document/lifecycle
//   POST /api/v1/texts/{id}/document/approve | withdraw-approval | issue {symbol, date}
// and the forms of the same under /texts/{id}/document. The issued document keeps the text's
// access level: a text for Member States is issued for Member States.
#pragma once
#include <cstdint>
#include <string>

#include "drafting/drafting.h"
#include "http/router.h"
#include "render/model.h"
#include "storage/db.h"

namespace plenary::drafting {

// "negotiated-text:5": the source key of a negotiated text in the issued documents.
std::string NegotiatedTextSource(std::int64_t text_id);

// The text `t` in `lang` as a document; `symbol`/`date` empty for a draft (the text's own
// symbol, dated its meeting's first day). A provision without `lang` is given in the text's
// first language, with a footnote saying so.
render::Document NegotiatedTextDocument(storage::Database& db, const Text& t,
                                        const std::string& lang, const std::string& symbol = "",
                                        const std::string& date = "");

void RegisterTextOutput(http::Router& router, storage::Database& db);

}  // namespace plenary::drafting

// Helpers shared by the files of consultations (consultations.cc, responses.cc,
// moderation.cc); not part of the interface.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "consultations/consultations.h"
#include "storage/db.h"

namespace plenary::consultations::internal {

// A consultation's id from its numeric id or key; nullopt when unknown.
std::optional<std::int64_t> ConsultationId(storage::Connection& c, const std::string& id_or_key);
// The id of the consultation a submission names (by id or key) as SubmitResponse finds it:
// from what this thread last read, while the content has not changed since.
std::optional<std::int64_t> SubmissionTarget(storage::Database& db, const std::string& id_or_key);
// A consultation with its questions, extensions and follow-up, on `conn` (inside a use case's
// transaction or on a read connection); 404 naming it when unknown.
Result<Consultation> GetOn(storage::Connection& conn, const std::string& id_or_key);
// Writes the states of a consultation's texts (site/text_states.h) as a write leaves them, in
// its transaction: `asked` from the request, checked against the texts (400 naming
// `states.<field>.<lang>`). Returns whether a state changed.
Result<bool> WriteTextStates(storage::Connection& c, std::int64_t id,
                             const boost::json::value& old_title, const boost::json::value& title,
                             const boost::json::value& old_description,
                             const boost::json::value& description,
                             const std::vector<boost::json::value>& old_questions,
                             const std::vector<boost::json::value>& questions,
                             const site::AskedStates& asked);
// The media types accepted for attachments → their short names.
const std::map<std::string, std::string>& AllowedTypes();
// The receipt of a stored response.
Receipt ReceiptFor(storage::Connection& c, std::int64_t response_id, bool replayed);

// Where a list of published responses goes on: after the response submitted at
// `submitted_at` with `id` (the order of the lists). As text "<submitted_at>.<id>", the `after`
// parameter of the list's URLs, beside the page number.
struct Cursor {
  std::int64_t submitted_at = 0;
  std::int64_t id = 0;
};
// Parses `after`; 400 naming the field unless it is two whole numbers joined by a dot.
Result<Cursor> ParseCursor(std::string_view text);
std::string CursorText(const Response& r);
// The `per_page` published responses following `after`, found through the index without
// stepping over those before (constant time at any depth). `page` is kept as given (the
// number the reader's links show); `total` as for PublishedResponses.
Page PublishedResponsesAfter(storage::Database& db, std::int64_t consultation_id,
                             const Cursor& after, int page, int per_page);

}  // namespace plenary::consultations::internal

// Helpers shared by the files of consultations (consultations.cc, responses.cc,
// moderation.cc); not part of the interface.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "base/result.h"
#include "consultations/consultations.h"
#include "storage/db.h"

namespace plenary::consultations::internal {

// A consultation's id from its numeric id or key; nullopt when unknown.
std::optional<std::int64_t> ConsultationId(storage::Connection& c, const std::string& id_or_key);
// A consultation with its questions, extensions and follow-up, on `conn` (inside a use case's
// transaction or on a read connection); 404 naming it when unknown.
Result<Consultation> GetOn(storage::Connection& conn, const std::string& id_or_key);
// The media types accepted for attachments → their short names.
const std::map<std::string, std::string>& AllowedTypes();
// The receipt of a stored response.
Receipt ReceiptFor(storage::Connection& c, std::int64_t response_id, bool replayed);

}  // namespace plenary::consultations::internal

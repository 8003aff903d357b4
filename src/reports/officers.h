// A body's officers, terms of reference and the resolutions it works under: what a Chair's
// report needs of its body that the rest of the record does not hold (migration 0009).
//
// UpdateOfficers is a use case: it validates its whole input, then writes the body's row and an
// audit entry in one transaction, and changes nothing on error. Thread-safe (the database is).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "base/result.h"
#include "documents/resolutions.h"
#include "storage/db.h"

namespace plenary::reports {

struct Officer {
  std::string name;
  std::string member_state;  // ISO 3166-1 alpha-2, or "" when not stated
};

struct BodyRecord {
  std::int64_t body_id = 0;
  std::string body_key;
  std::optional<Officer> chair;
  std::vector<Officer> vice_chairs;
  std::optional<Officer> secretary;
  // Who supported the group's meetings besides its officers, in the order a report thanks them:
  // "secretary_general", "deputy_secretary_general", "bureau_directors", "general_secretariat".
  std::vector<std::string> supported_by;
  boost::json::value terms_of_reference;  // multilingual; one paragraph a line
  std::vector<documents::ResolutionRef> citations;  // in the order the report cites them
};

// The record of a body given its id or key. NotFound for an unknown body.
Result<BodyRecord> GetBodyRecord(storage::Database& db, const std::string& body);

// The keys of `supported_by`, in the order a report thanks them.
const std::vector<std::string>& SupportKeys();

// The JSON of a record, as the API gives and takes it: {chair, vice_chairs, secretary,
// supported_by, terms_of_reference, references: [{instrument, number}]}.
boost::json::object BodyRecordJson(const BodyRecord& r);

// Replaces the members present in `patch` (keys of BodyRecordJson; a member absent stays as it
// is; `chair` or `secretary` null removes the officer). Rules, each a 400 naming the field:
// an officer is {name: 1–200 characters, member_state: ISO 3166-1 alpha-2 (optional)}; at most
// 20 vice-chairs; supported_by lists keys of SupportKeys(), each once; terms_of_reference is multilingual (≤ 20,000 characters a language);
// references are at most 50 resolutions of the registry, each once. Unknown members are refused.
Result<BodyRecord> UpdateOfficers(storage::Database& db, std::int64_t user_id,
                                  const std::string& body, const boost::json::object& patch);

}  // namespace plenary::reports

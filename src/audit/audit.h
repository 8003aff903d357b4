// The audit log: who did what to which object, before and after, written in the same
// transaction as the change it records. The table refuses updates and deletes.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/db.h"

namespace plenary::audit {

// Appends one entry on `c`, which must be inside the write transaction of the change.
// `before` / `after` are JSON texts (or nullopt).
void Record(storage::Connection& c, std::optional<std::int64_t> user_id, const std::string& action,
            const std::string& object_type, std::optional<std::int64_t> object_id,
            const std::optional<std::string>& before, const std::optional<std::string>& after);

struct Entry {
  std::int64_t id, at;
  std::optional<std::int64_t> user_id;
  std::string user_email, action, object_type;
  std::optional<std::int64_t> object_id;
  std::optional<std::string> before, after;
};
// The e-mail of the account `user_id` ("" when it has none): accounts sit above audit, so the
// log's readers hand it in (desk/ passes accounts::EmailOf) and audit reads no accounts table.
using EmailOf = std::function<std::string(storage::Connection& c, std::int64_t user_id)>;
// Newest first; `before_id` pages backwards (entries with a smaller id).
std::vector<Entry> List(storage::Database& db, const EmailOf& email_of, int limit,
                        std::optional<std::int64_t> before_id = std::nullopt);
// The whole log as CSV (RFC 4180): id,at,user,action,object_type,object_id,before,after.
std::string Csv(storage::Database& db, const EmailOf& email_of);

}  // namespace plenary::audit

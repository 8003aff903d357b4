// Writing audit entries.
#include "audit/audit.h"

#include "base/time.h"

namespace plenary::audit {

void Record(storage::Connection& c, std::optional<std::int64_t> user_id, const std::string& action,
            const std::string& object_type, std::optional<std::int64_t> object_id,
            const std::optional<std::string>& before, const std::optional<std::string>& after) {
  c.Exec("INSERT INTO audit_log(at, user_id, action, object_type, object_id, before, after) "
         "VALUES(?,?,?,?,?,?,?)",
         Now(), user_id, action, object_type, object_id, before, after);
}

}  // namespace plenary::audit

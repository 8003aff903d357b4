// Writes whose outcome is needed only at the end of the write that makes them: on PostgreSQL
// they are sent without waiting for the server's answer (libpq's pipeline mode), so that
// several cost one round trip; SQLite, in the same process, runs them at once. The writer
// thread reads their answers when the write's function returns (Database::Write), and any
// statement of the connection that waits for an answer reads them first, so they run in the
// order sent and before it. docs/STORAGE.md ("Round trips").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/db.h"

namespace plenary::storage {

namespace deferred_internal {
inline Value ToValue(std::nullptr_t) { return nullptr; }
inline Value ToValue(std::int64_t v) { return v; }
inline Value ToValue(int v) { return static_cast<std::int64_t>(v); }
inline Value ToValue(bool v) { return static_cast<std::int64_t>(v); }
inline Value ToValue(double v) { return v; }
inline Value ToValue(std::string_view v) { return std::string(v); }
inline Value ToValue(const char* v) { return std::string(v); }
inline Value ToValue(const std::string& v) { return v; }
inline Value ToValue(const std::optional<std::string>& v) {
  return v ? Value(*v) : Value(nullptr);
}
inline Value ToValue(const std::optional<std::int64_t>& v) {
  return v ? Value(*v) : Value(nullptr);
}
}  // namespace deferred_internal

// Runs an INSERT, UPDATE or DELETE whose result the caller does not read. Its error, if any,
// is thrown later: by FlushDeferred (the writer calls it at the end of each write, so the
// error fails that write as its own statements' would) or by the connection's next statement
// that waits for an answer. LastInsertId() and Changes() do not follow deferred statements.
void ExecDeferredValues(Connection& c, std::string_view sql, const std::vector<Value>& values);
template <typename... Args>
void ExecDeferred(Connection& c, std::string_view sql, const Args&... args) {
  ExecDeferredValues(c, sql, {deferred_internal::ToValue(args)...});
}

// An `INSERT … RETURNING id` (`insert`, which may insert nothing) and the insert of a row that
// refers to the row it inserted (`follow`, reading `inserted`: "INSERT INTO t(ref, x) SELECT
// id, ? FROM inserted", its parameters after the first's) as one statement, which answers the
// ids inserted as the insert alone would: PostgreSQL's data-changing WITH, one execution
// instead of two on the writer's connection. SQLite has none: nothing (the caller writes the
// follower's row itself once it has the id; there it costs no round trip).
std::optional<std::string> InsertWithFollower(const Connection& c, std::string_view insert,
                                              std::string_view follow);

// Reads the answers of the statements ExecDeferred sent on `c`; throws the first error (a
// TransientWriteError for a deadlock or serialization failure). SQLite: nothing to do.
void FlushDeferred(Connection& c);

}  // namespace plenary::storage

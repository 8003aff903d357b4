// The PostgreSQL side of Connection and Stmt (libpq): connecting, running scripts, and one
// prepared statement's parameters and result. Only db.cc includes this header.
#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/db.h"

struct pg_result;

namespace plenary::storage {

// Connects to `spec` (a libpq URI or keyword string); throws std::runtime_error on failure.
pg_conn* PgConnect(const std::string& spec);
void PgClose(pg_conn* conn);
// Runs SQL text without parameters (several statements allowed), already in PostgreSQL's
// spelling; throws on an error.
void PgExecScript(pg_conn* conn, std::string_view sql);

// PostgreSQL has no update hook: the Database asks its writer connection to call `hook` with the
// table each INSERT, UPDATE or DELETE changed (at least one row), or "" when a statement or
// script may have changed tables it does not name. Forgotten when the connection closes.
void SetPgChangeHook(const Connection& c, std::function<void(std::string_view table)> hook);
// Calls the connection's hook, if it has one.
void NotePgChange(const Connection& c, std::string_view table);
bool HasPgChangeHook(const Connection& c);
void ForgetPgChangeHook(const Connection& c);

// The writer's pipeline (Database::WriterLoop). Between two writes of a batch the writer sends
// the end of the first (its savepoint's RELEASE, the next SAVEPOINT) without waiting; the
// answers come back with the next write's first statement that waits for one (PgStatement::
// Step sends it behind them), so that each write of a batch costs one round trip.
// A statement's error that belongs to an earlier write than the current one (PgSetJob) fails
// that earlier write, not the current one, whose statements did not run (docs/STORAGE.md).
struct PgFailure {
  int job = -1;          // the write (its index in the batch) whose statement failed
  bool control = false;  // a transaction control statement failed: the transaction is lost
  std::exception_ptr error;
};
// The write of the batch that the statements sent from now on belong to (-1: none).
void PgSetJob(Connection& c, int job);
// Sends transaction control statements (without parameters) without waiting for the answers.
void PgSendControl(Connection& c, const std::vector<std::string_view>& control);
// The first error read for an earlier write or a control statement since the last call, which
// the current write's statement that waited for an answer also threw.
std::optional<PgFailure> PgTakeEarlierFailure(Connection& c);
// Statements sent and not yet answered.
std::size_t PgPending(const Connection& c);
// Whether the current write (since PgSetJob) may have changed rows: a statement that changed
// rows, a deferred write sent (its answer unread), or a script run (NotePgJobWrite).
bool PgJobMayHaveWritten(const Connection& c);
void NotePgJobWrite(const Connection& c);
// Whether PostgreSQL is known to have failed the transaction: nothing unanswered, and its last
// answer says the transaction is no longer usable (a statement failed in it).
bool PgTransactionFailed(const Connection& c);
// The end of the writer's batch or of one of its writes, in one round trip: sends the
// transaction control statements `control` (`RELEASE job; COMMIT`, or none) behind what was
// sent before, and reads every answer. Returns the first failure of a deferred statement (of
// this write or an earlier one still unanswered): none of what follows it ran, and the
// transaction waits for `ROLLBACK TO job`. Throws when a control statement itself failed.
std::optional<PgFailure> PgEndJob(Connection& c, const std::vector<std::string_view>& control);

// The table a data-changing statement writes: `INSERT [OR …] INTO t`, `UPDATE [OR …] t`,
// `DELETE FROM t` (any case, leading spaces); "" for anything else (WITH …, DDL, SELECT): the
// caller then cannot tell which tables it changes. (dialect.cc)
std::string WrittenTable(std::string_view sql);
// The tables a statement writes: WrittenTable's, or for `WITH a AS (…), b AS (…) main` those
// of each part and of the main statement (parts that are a SELECT write none); {""} when a
// part writes a table it cannot name; none for a SELECT. (dialect.cc)
std::vector<std::string> WrittenTables(std::string_view sql);
// BEGIN (with the writer's `SELECT pg_current_xact_id()`), COMMIT, ROLLBACK, SAVEPOINT and
// RELEASE: they change no table. (dialect.cc)
bool IsTransactionControl(std::string_view sql);

// One execution of a statement prepared on the server (once per connection and SQL text).
// Values are sent as text (blobs in binary) and the server infers their types from the SQL, as
// SQLite's affinity would; the whole result is fetched at the first Step().
struct PgStatement {
  PgStatement(Connection& c, std::string_view sql);
  ~PgStatement();
  PgStatement(const PgStatement&) = delete;
  PgStatement& operator=(const PgStatement&) = delete;

  void Bind(int i, std::nullptr_t);
  void Bind(int i, std::int64_t v);
  void Bind(int i, double v);
  void Bind(int i, std::string_view v, bool binary);
  bool Step();
  // Sends the execution without waiting for its answer (pipeline mode; see deferred.h).
  void Send();
  // The same; `deferred`: a statement whose answer is read later (a write counts for
  // PgJobMayHaveWritten at once), not Step's own, whose rows changed are read at once.
  void SendExecution(bool deferred);
  static bool TransactionFailed(const Connection& c);
  // Reads the answers of the statements Send sent on `c`, if any, and throws the first error;
  // called before anything that waits for an answer on the connection.
  static void Flush(Connection& c);
  // The same; `control_failed`, when given, tells whether the error thrown was that of a
  // control statement (EndJob) rather than a deferred statement's; `own`, when given,
  // receives the answer of the last statement sent (Step's), which the caller then owns.
  static void FlushSent(Connection& c, bool* control_failed, pg_result** own);
  // PgSendControl's and PgEndJob's work.
  static void SendControl(Connection& c, const std::vector<std::string_view>& control);
  static std::optional<PgFailure> EndJob(Connection& c,
                                         const std::vector<std::string_view>& control);
  std::int64_t Int(int col) const;
  double Real(int col) const;
  std::string Text(int col) const;
  bool IsNull(int col) const;

  Connection& conn;
  std::string name;
  // WrittenTables of the SQL, when the connection has a change hook
  std::vector<std::string> written_tables;
  bool writes = false;        // an INSERT, UPDATE or DELETE (or a statement it cannot tell)
  std::vector<std::string> values;
  std::vector<char> present;  // 0: NULL
  std::vector<int> binary;
  pg_result* result = nullptr;
  int row = -1, rows = 0;
};

}  // namespace plenary::storage

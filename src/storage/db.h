// The database: one SQLite file in WAL mode (the default) or a PostgreSQL database, one writer
// thread and per-thread readers.
//
// Thread safety: Database is shared by all threads. Read() hands out this thread's own
// read connection; Write() hands a function to the writer thread, which runs every write
// waiting at that moment in one IMMEDIATE transaction (on SQLite each in a savepoint) and one
// COMMIT, which with synchronous=FULL has reached the disk before any of them returns (group
// commit). Readers never wait for the writer (WAL).
// All SQL goes through prepared statements (Stmt); values are bound, never spliced.
//
// Backends: a Connection is either SQLite (sqlite3*) or PostgreSQL (libpq, see postgres.cc).
// Stmt keeps SQLite's calls inline and branches once per call to the PostgreSQL side, which
// translates the SQL (dialect.h) when it first prepares it. docs/STORAGE.md has the design.
#pragma once
#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <future>
#include <thread>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/result.h"
#include "storage/dialect.h"

struct pg_conn;  // libpq's PGconn, kept out of this header

namespace plenary::storage {

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

class Connection;
struct PgStatement;

// A prepared statement. Bind values by position (1-based) or pass them all to Exec/Query.
class Stmt {
 public:
  // Prepares through the connection's cache: the statement is kept for the next use of the
  // same SQL (unless that one is still running, e.g. in a nested loop).
  Stmt(Connection& c, std::string_view sql);
  // Borrows a prepared statement kept by a Connection's cache; it is reset, not finalized.
  Stmt(sqlite3* db, sqlite3_stmt* cached);
  // A statement of its own, finalized at the end (for one-off SQL).
  Stmt(sqlite3* db, std::string_view sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& Bind(int i, std::nullptr_t);
  Stmt& Bind(int i, std::int64_t v);
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<std::int64_t>(v)); }
  Stmt& Bind(int i, bool v) { return Bind(i, static_cast<std::int64_t>(v)); }
  Stmt& Bind(int i, double v);
  Stmt& Bind(int i, std::string_view v);
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const std::optional<std::string>& v);
  Stmt& BindBlob(int i, std::string_view bytes);
  Stmt& Bind(int i, const std::optional<std::int64_t>& v);
  template <typename... Args>
  Stmt& BindAll(const Args&... args) {
    int i = 0;
    (Bind(++i, args), ...);
    return *this;
  }

  // Advances to the next row; false when done. Throws on an SQL error (a bug or I/O failure).
  bool Step();
  std::int64_t Int(int col) const;
  double Real(int col) const;
  std::string Text(int col) const;  // TEXT or BLOB bytes
  std::optional<std::string> OptText(int col) const;
  std::optional<std::int64_t> OptInt(int col) const;
  bool IsNull(int col) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  bool cached_ = false;
  std::unique_ptr<PgStatement> pg_;  // set on a PostgreSQL connection only
};

class Connection {
 public:
  // `spec`: a SQLite file (optionally `sqlite:FILE`) or a PostgreSQL connection string
  // (dialect.h's DialectOf).
  Connection(const std::string& spec, bool writer);
  ~Connection();
  // The SQLite handle; nullptr on PostgreSQL.
  sqlite3* handle() { return db_; }
  Dialect dialect() const { return pg_ ? Dialect::kPostgres : Dialect::kSqlite; }
  // Runs SQL text with no parameters (schema scripts, pragmas).
  void ExecScript(std::string_view sql);
  // One-shot statement helpers.
  // One-shot statements; the prepared statement is kept for the next call with the same SQL.
  template <typename... Args>
  void Exec(std::string_view sql, const Args&... args) {
    Stmt s(*this, sql);
    s.BindAll(args...);
    while (s.Step()) {
    }
  }
  template <typename... Args>
  std::optional<std::int64_t> QueryInt(std::string_view sql, const Args&... args) {
    Stmt s(*this, sql);
    s.BindAll(args...);
    if (!s.Step() || s.IsNull(0)) return std::nullopt;
    return s.Int(0);
  }
  // The id of the row the last INSERT made (PostgreSQL: lastval(), the last identity drawn).
  std::int64_t LastInsertId() {
    if (pg_) [[unlikely]] return PgLastInsertId();
    return sqlite3_last_insert_rowid(db_);
  }
  // Rows the last INSERT, UPDATE or DELETE changed.
  int Changes() {
    if (pg_) [[unlikely]] return pg_changes_;
    return sqlite3_changes(db_);
  }

 private:
  friend class Stmt;
  friend struct PgStatement;
  // The cached statement for `sql`, or nullptr when it is in use right now.
  sqlite3_stmt* Cached(std::string_view sql);
  std::int64_t PgLastInsertId();
  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
  pg_conn* pg_ = nullptr;
  // PostgreSQL: SQL text → name of the server-side prepared statement and its parameter count.
  std::map<std::string, std::pair<std::string, int>, std::less<>> pg_prepared_;
  int pg_changes_ = 0;
};

// What a statement throws when PostgreSQL failed its transaction to break a deadlock (SQLSTATE
// 40P01) or a serialization conflict (40001) with another server's: running the transaction
// again may succeed, and the writer does (Database::Write).
struct TransientWriteError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Limits and switches of the writer (configurable from `plenary serve`).
struct WriterOptions {
  // Gather every write waiting at that moment into one transaction and one sync. Off: one
  // transaction per write (the naive baseline the benchmarks compare with).
  bool group_commit = true;
  std::size_t max_batch = 512;     // writes per transaction at most
  std::size_t max_queue = 10000;   // writes waiting at most; beyond, Write fails fast
};

// How many times the writer runs a transaction that PostgreSQL failed as transient.
inline constexpr int kWriteAttempts = 5;

class Database {
 public:
  // Opens (creating if needed) the database `path` names (a SQLite file, or a PostgreSQL
  // connection string whose database exists), applies pending migrations and starts the
  // writer thread.
  explicit Database(std::string path, WriterOptions options = {});
  // Finishes the writes already queued, then stops the writer.
  ~Database();

  // This thread's read connection (created on first use).
  Connection& Read();

  // Runs `fn` on the writer connection inside a transaction shared with the other writes
  // waiting at the same moment (group commit). If `fn` returns an error or throws, nothing of
  // it is written; the others are not affected (SQLite: each write in its own savepoint;
  // PostgreSQL: without savepoints first, and a write that fails after changing something is
  // set aside and the others run again without it, docs/STORAGE.md). Returns only after the
  // COMMIT reached the disk (synchronous=FULL).
  // On PostgreSQL a transaction failed to break a deadlock or a serialization conflict
  // (TransientWriteError) is rolled back whole and run again, up to kWriteAttempts times, and a
  // batch runs again without a write that failed: `fn` may run more than once, so it keeps
  // what it learns in its return value or overwrites it.
  // When `max_queue` writes are already waiting, returns kResourceExhausted at once.
  // Thread-safe; must not be called from inside another Write's `fn`.
  template <typename T>
  Result<T> Write(const std::function<Result<T>(Connection&)>& fn) {
    std::optional<Result<T>> result;
    auto status = Submit([&](Connection& c) {
      result.emplace(fn(c));
      return result->ok();
    });
    if (!status.ok()) return status.error();
    return std::move(*result);
  }

  // Copies the whole write-ahead log into the database file and truncates the log to zero
  // bytes (PRAGMA wal_checkpoint(TRUNCATE)), on the writer thread after the writes queued
  // before it. Used after an erasure: the log keeps the old versions of the pages until then.
  // PostgreSQL: nothing to do here (its own checkpoints and VACUUM); returns Ok.
  // Waits for readers up to the busy timeout; kResourceExhausted if they still hold the log.
  Status Checkpoint();

  // Applies every migration not yet applied; returns how many ran.
  int Migrate();
  // The highest applied migration number.
  int SchemaVersion();
  const std::string& path() const { return path_; }
  Dialect dialect() const { return dialect_; }

  struct WriterStats {
    // retried: transactions run again after PostgreSQL failed them to break a deadlock or a
    // serialization conflict (TransientWriteError).
    std::uint64_t writes = 0, transactions = 0, refused = 0, retried = 0;
    std::size_t queued = 0;
  };
  WriterStats writer_stats();

  // The content generation: raised after every COMMIT that changed a table not declared
  // unshown, before any write of that transaction returns. A page rendered from what was read
  // after Generation() returned G is still what the database shows while Generation() is G
  // (page_cache.h); the tables come from SQLite's update hook on the writer connection.
  std::uint64_t Generation() const { return generation_.load(std::memory_order_acquire); }
  // Tables that no cached page shows (queues, sessions, the audit log, the search index):
  // writes to only those leave the generation alone. A name ending in '*' is a prefix. Call
  // before serving.
  void SetUnshownTables(std::vector<std::string> tables);

 private:
  struct Job;
  // Queues `body` (returns true to keep its changes) and waits for its transaction.
  Status Submit(std::function<bool(Connection&)> body);
  Status Enqueue(const std::shared_ptr<Job>& job);
  void WriterLoop();

  std::string path_;
  Dialect dialect_;
  WriterOptions options_;
  std::unique_ptr<Connection> writer_;
  std::mutex queue_mu_;
  std::condition_variable queue_cv_;
  std::deque<std::shared_ptr<Job>> queue_;
  bool stopping_ = false;
  WriterStats stats_;
  std::thread writer_thread_;
  std::mutex readers_mu_;
  std::vector<std::unique_ptr<Connection>> readers_;  // owned here, one per thread
  std::uint64_t id_;
  std::atomic<std::uint64_t> generation_{1};
  std::vector<std::string> unshown_;         // under queue_mu_
  bool unshown_set_ = false;                 // under queue_mu_
  std::vector<std::string> writer_unshown_;  // writer thread's copy, taken under queue_mu_
  bool shown_changed_ = false;  // writer thread only: this transaction changed a shown table
  static void OnUpdate(void* self, int op, const char* database, const char* table,
                       sqlite3_int64 rowid);
};

}  // namespace plenary::storage

// The database: one SQLite file in WAL mode, a single writer and per-thread readers.
//
// Thread safety: Database is shared by all threads. Read() hands out this thread's own
// read connection; Write() runs a function inside one IMMEDIATE transaction on the single
// writer connection, serialised by a mutex, and returns only after COMMIT, which with
// synchronous=FULL has reached the disk. Readers never wait for the writer (WAL).
// All SQL goes through prepared statements (Stmt); values are bound, never spliced.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/result.h"

namespace plenary::storage {

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

class Connection;

// A prepared statement. Bind values by position (1-based) or pass them all to Exec/Query.
class Stmt {
 public:
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
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Connection {
 public:
  Connection(const std::string& path, bool writer);
  ~Connection();
  sqlite3* handle() { return db_; }
  // Runs SQL text with no parameters (schema scripts, pragmas).
  void ExecScript(std::string_view sql);
  // One-shot statement helpers.
  template <typename... Args>
  void Exec(std::string_view sql, const Args&... args) {
    Stmt s(db_, sql);
    s.BindAll(args...);
    while (s.Step()) {
    }
  }
  template <typename... Args>
  std::optional<std::int64_t> QueryInt(std::string_view sql, const Args&... args) {
    Stmt s(db_, sql);
    s.BindAll(args...);
    if (!s.Step() || s.IsNull(0)) return std::nullopt;
    return s.Int(0);
  }
  std::int64_t LastInsertId() { return sqlite3_last_insert_rowid(db_); }
  int Changes() { return sqlite3_changes(db_); }

 private:
  sqlite3* db_ = nullptr;
};

class Database {
 public:
  // Opens (creating if needed) the database at `path` and applies pending migrations.
  explicit Database(std::string path);
  ~Database();

  // This thread's read connection (created on first use).
  Connection& Read();

  // Runs `fn` in one write transaction. If `fn` returns an error or throws, the
  // transaction rolls back and nothing is written. Otherwise it commits durably.
  template <typename T>
  Result<T> Write(const std::function<Result<T>(Connection&)>& fn) {
    std::lock_guard lock(write_mu_);
    writer_->ExecScript("BEGIN IMMEDIATE");
    try {
      Result<T> r = fn(*writer_);
      writer_->ExecScript(r.ok() ? "COMMIT" : "ROLLBACK");
      return r;
    } catch (...) {
      writer_->ExecScript("ROLLBACK");
      throw;
    }
  }

  // Applies every migration not yet applied; returns how many ran.
  int Migrate();
  // The highest applied migration number.
  int SchemaVersion();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::mutex write_mu_;
  std::unique_ptr<Connection> writer_;
  std::mutex readers_mu_;
  std::vector<std::unique_ptr<Connection>> readers_;  // owned here, one per thread
  std::uint64_t id_;
};

}  // namespace plenary::storage

// The PostgreSQL side of Connection and Stmt (libpq): connecting, running scripts, and one
// prepared statement's parameters and result. Only db.cc includes this header.
#pragma once

#include <cstdint>
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
  std::int64_t Int(int col) const;
  double Real(int col) const;
  std::string Text(int col) const;
  bool IsNull(int col) const;

  Connection& conn;
  std::string name;
  std::vector<std::string> values;
  std::vector<char> present;  // 0: NULL
  std::vector<int> binary;
  pg_result* result = nullptr;
  int row = -1, rows = 0;
};

}  // namespace plenary::storage

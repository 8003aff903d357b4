// PostgreSQL connections and statements through libpq; see postgres.h and docs/STORAGE.md.
#include "storage/postgres.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <map>
#include <optional>
#include <mutex>
#include <stdexcept>
#include <type_traits>
#include <variant>

#include <fmt/format.h>

#include "storage/deferred.h"

namespace plenary::storage {

namespace {

constexpr Oid kByteaOid = 17;
constexpr Oid kBoolOid = 16;

[[noreturn]] void FailResult(PGresult* res, std::string_view what) {
  std::string msg = PQresultErrorMessage(res);
  const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
  bool transient = state != nullptr && (std::string_view(state) == "40P01" ||  // deadlock
                                        std::string_view(state) == "40001");   // serialization
  PQclear(res);
  while (!msg.empty() && msg.back() == '\n') msg.pop_back();
  std::string text = fmt::format("postgresql: {}: {}", what, msg);
  if (transient) throw TransientWriteError(text);
  throw std::runtime_error(text);
}

// NOTICEs ("relation already exists, skipping") are not errors; keep them off stderr.
void IgnoreNotice(void*, const char*) {}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

}  // namespace

pg_conn* PgConnect(const std::string& spec) {
  PGconn* conn = PQconnectdb(spec.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn);
    PQfinish(conn);
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    throw std::runtime_error(fmt::format("cannot connect to PostgreSQL: {}", msg));
  }
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  // Instants are Unix seconds in integer columns; text compares by code point as in SQLite.
  PgExecScript(conn, "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'");
  return conn;
}

void PgClose(pg_conn* conn) { PQfinish(conn); }

void PgExecScript(pg_conn* conn, std::string_view sql) {
  std::string s(sql);
  PGresult* res = PQexec(conn, s.c_str());
  auto st = PQresultStatus(res);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY)
    FailResult(res, fmt::format("[{}]", sql.substr(0, 200)));
  PQclear(res);
}

namespace {
std::mutex hooks_mu;
std::map<const Connection*, std::function<void(std::string_view)>>& Hooks() {
  static std::map<const Connection*, std::function<void(std::string_view)>> hooks;
  return hooks;
}
}  // namespace

namespace {
// More deferred statements than this are read first: their answers, unread, must not fill the
// socket's buffers while the client is still sending (each side would wait for the other).
constexpr std::size_t kMaxDeferred = 256;
// What was sent on a connection in pipeline mode and not yet answered, in the order sent.
struct Sent {
  std::vector<std::string> tables;  // the tables it writes, for the change hook ("": unnamed)
  bool writes = false;   // an INSERT, UPDATE or DELETE (or a statement it cannot tell)
  bool control = false;  // the writer's transaction control (PgSendControl, PgEndJob)
  int job = -1;          // the writer's job that sent it (PgSetJob), -1 outside the writer
};
// A connection's pipeline: what was sent and not yet answered, the writer's current job, and
// the first error of an earlier job (or of a control statement) read since the writer last
// asked (PgTakeEarlierFailure).
struct Pipeline {
  std::vector<Sent> sent;
  int job = -1;
  std::optional<PgFailure> earlier;
  bool job_wrote = false;  // the current job may have changed rows (PgJobMayHaveWritten)
};
std::mutex deferred_mu;
std::map<const Connection*, Pipeline>& Pipelines() {
  static std::map<const Connection*, Pipeline> pipelines;
  return pipelines;
}
std::size_t Pending(const Connection& c) {
  std::lock_guard lock(deferred_mu);
  auto it = Pipelines().find(&c);
  return it == Pipelines().end() ? 0 : it->second.sent.size();
}
// `wrote`: a deferred write, whose rows changed are not known until its answer is read.
void NoteSent(const Connection& c, Sent sent, bool wrote) {
  std::lock_guard lock(deferred_mu);
  auto& p = Pipelines()[&c];
  sent.job = p.job;
  if (wrote) p.job_wrote = true;
  p.sent.push_back(std::move(sent));
}
void EnterPipeline(pg_conn* conn) {
  if (PQpipelineStatus(conn) == PQ_PIPELINE_OFF && PQenterPipelineMode(conn) != 1)
    throw std::runtime_error(fmt::format("postgresql: pipeline mode: {}", PQerrorMessage(conn)));
}
}  // namespace

void SetPgChangeHook(const Connection& c, std::function<void(std::string_view)> hook) {
  std::lock_guard lock(hooks_mu);
  Hooks()[&c] = std::move(hook);
}

bool HasPgChangeHook(const Connection& c) {
  std::lock_guard lock(hooks_mu);
  return Hooks().count(&c) > 0;
}

void NotePgChange(const Connection& c, std::string_view table) {
  std::function<void(std::string_view)> hook;
  {
    std::lock_guard lock(hooks_mu);
    auto it = Hooks().find(&c);
    if (it == Hooks().end()) return;
    hook = it->second;
  }
  hook(table);
}

void ForgetPgChangeHook(const Connection& c) {
  {
    std::lock_guard lock(hooks_mu);
    Hooks().erase(&c);
  }
  std::lock_guard lock(deferred_mu);
  Pipelines().erase(&c);  // the connection closes: its unread answers go with it
}

PgStatement::PgStatement(Connection& c, std::string_view sql) : conn(c) {
  auto it = c.pg_prepared_.find(sql);
  if (it == c.pg_prepared_.end()) {
    Flush(c);  // preparing waits for an answer, which pipeline mode does not allow
    int params = 0;
    std::string translated = ToPostgres(sql, &params);
    std::string stmt_name = fmt::format("s{}", c.pg_prepared_.size() + 1);
    // The server infers each parameter's type from where it stands. Where it cannot, as in
    // SQLite's idiom `?1 IS NULL OR x = ?1` (the first use tells nothing), the parameter is
    // declared, trying the kinds Plenary binds in turn until the statement prepares; this
    // happens once per connection and statement.
    constexpr Oid kCandidates[] = {20 /* int8 */, 25 /* text */, 701 /* float8 */, kByteaOid};
    std::vector<Oid> types(params, 0);
    std::vector<int> tried(params, 0);
    int last = -1;  // the parameter whose declared type the last attempt tried
    for (;;) {
      PGresult* res = PQprepare(c.pg_, stmt_name.c_str(), translated.c_str(), params,
                                params ? types.data() : nullptr);
      if (PQresultStatus(res) == PGRES_COMMAND_OK) {
        PQclear(res);
        break;
      }
      std::string_view msg = PQresultErrorMessage(res);
      constexpr std::string_view kUnknown = "could not determine data type of parameter $";
      int p = -1;
      if (auto at = msg.find(kUnknown); at != std::string_view::npos)
        p = std::atoi(msg.data() + at + kUnknown.size()) - 1;
      else
        p = last;  // that type did not fit (e.g. no operator text = bigint): the next one
      if (p < 0 || p >= params || tried[p] >= static_cast<int>(std::size(kCandidates)))
        FailResult(res, fmt::format("prepare [{}]", translated));
      PQclear(res);
      types[p] = kCandidates[tried[p]++];
      last = p;
    }
    it = c.pg_prepared_.emplace(std::string(sql), std::make_pair(stmt_name, params)).first;
  }
  name = it->second.first;
  int n = it->second.second;
  if (HasPgChangeHook(c)) {
    written_tables = WrittenTables(sql);
    writes = !written_tables.empty();
  }
  values.resize(n);
  present.assign(n, 0);
  binary.assign(n, 0);
}

PgStatement::~PgStatement() {
  if (result) PQclear(result);
}

void PgStatement::Bind(int i, std::nullptr_t) {
  if (i < 1 || i > static_cast<int>(values.size())) return;  // like SQLite: out of range
  present[i - 1] = 0;
}
void PgStatement::Bind(int i, std::int64_t v) {
  if (i < 1 || i > static_cast<int>(values.size())) return;
  values[i - 1] = std::to_string(v);
  present[i - 1] = 1;
  binary[i - 1] = 0;
}
void PgStatement::Bind(int i, double v) {
  if (i < 1 || i > static_cast<int>(values.size())) return;
  values[i - 1] = fmt::format("{}", v);
  present[i - 1] = 1;
  binary[i - 1] = 0;
}
void PgStatement::Bind(int i, std::string_view v, bool is_binary) {
  if (i < 1 || i > static_cast<int>(values.size())) return;
  values[i - 1].assign(v);
  present[i - 1] = 1;
  binary[i - 1] = is_binary;
}

// --- Deferred statements (deferred.h) ----------------------------------------------------


void PgStatement::Send() { SendExecution(true); }

void PgStatement::SendExecution(bool deferred) {
  if (Pending(conn) >= kMaxDeferred) Flush(conn);
  EnterPipeline(conn.pg_);
  std::size_t n = values.size();
  std::vector<const char*> ptrs(n);
  std::vector<int> lengths(n);
  for (std::size_t i = 0; i < n; ++i) {
    ptrs[i] = present[i] ? values[i].c_str() : nullptr;
    lengths[i] = static_cast<int>(values[i].size());
  }
  if (PQsendQueryPrepared(conn.pg_, name.c_str(), static_cast<int>(n), ptrs.data(),
                          lengths.data(), binary.data(), 0) != 1)
    throw std::runtime_error(fmt::format("postgresql: send: {}", PQerrorMessage(conn.pg_)));
  NoteSent(conn, {written_tables, writes, false}, deferred && writes);
}

void PgStatement::Flush(Connection& c) { FlushSent(c, nullptr, nullptr); }

void PgStatement::FlushSent(Connection& c, bool* control_failed, pg_result** own) {
  if (control_failed) *control_failed = false;
  if (PQpipelineStatus(c.pg_) == PQ_PIPELINE_OFF) return;
  std::vector<Sent> sent;
  int job = -1;
  {
    std::lock_guard lock(deferred_mu);
    auto it = Pipelines().find(&c);
    if (it != Pipelines().end()) {
      sent = std::move(it->second.sent);
      it->second.sent.clear();
      job = it->second.job;
    }
  }
  if (PQpipelineSync(c.pg_) != 1)
    throw std::runtime_error(fmt::format("postgresql: pipeline sync: {}", PQerrorMessage(c.pg_)));
  // Each statement's answer followed by a null result (PGRES_PIPELINE_ABORTED for those after
  // an error), then the sync.
  PGresult* error = nullptr;
  std::size_t failed = 0;  // the statement whose answer is `error`
  std::size_t k = 0;
  for (;;) {
    PGresult* res = PQgetResult(c.pg_);
    if (!res) {
      // A lost connection answers null from then on: stop rather than wait for the sync.
      if (++k > sent.size() || PQstatus(c.pg_) == CONNECTION_BAD) break;
      continue;
    }
    auto st = PQresultStatus(res);
    if (st == PGRES_PIPELINE_SYNC) {
      PQclear(res);
      break;
    }
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
      if (own && k + 1 == sent.size()) {
        *own = res;  // the caller's statement (Step): it reads the rows and notes the change
        continue;
      }
      const char* tuples = PQcmdTuples(res);
      if (k < sent.size() && sent[k].writes && *tuples && std::atoi(tuples) > 0)
        for (const auto& table : sent[k].tables) NotePgChange(c, table);
      PQclear(res);
    } else if (st == PGRES_PIPELINE_ABORTED || error) {
      PQclear(res);
    } else {
      error = res;  // the first error; the statements after it did not run
      failed = k;
      if (control_failed) *control_failed = k < sent.size() && sent[k].control;
    }
  }
  bool exited = PQexitPipelineMode(c.pg_) == 1;
  if (error) {
    if (own && *own) {
      PQclear(*own);
      *own = nullptr;
    }
    bool control = failed < sent.size() && sent[failed].control;
    int owner = failed < sent.size() ? sent[failed].job : -1;
    try {
      FailResult(error, "deferred statement");
    } catch (...) {
      // A statement of an earlier job of the writer's batch, or its transaction control, failed
      // while this job waited for an answer: the writer must know even if this job's function
      // catches what is thrown here (its own statement did not run either).
      if (control || owner != job) {
        std::lock_guard lock(deferred_mu);
        auto& p = Pipelines()[&c];
        if (!p.earlier) p.earlier = PgFailure{owner, control, std::current_exception()};
      }
      throw;
    }
  }
  if (!exited)
    throw std::runtime_error(fmt::format("postgresql: pipeline: {}", PQerrorMessage(c.pg_)));
}

void PgSetJob(Connection& c, int job) {
  std::lock_guard lock(deferred_mu);
  auto& p = Pipelines()[&c];
  p.job = job;
  p.job_wrote = false;
}

void NotePgJobWrite(const Connection& c) {
  std::lock_guard lock(deferred_mu);
  auto it = Pipelines().find(&c);
  if (it != Pipelines().end()) it->second.job_wrote = true;
}

bool PgJobMayHaveWritten(const Connection& c) {
  std::lock_guard lock(deferred_mu);
  auto it = Pipelines().find(&c);
  return it != Pipelines().end() && it->second.job_wrote;
}

bool PgTransactionFailed(const Connection& c) { return PgStatement::TransactionFailed(c); }

bool PgStatement::TransactionFailed(const Connection& c) {
  return Pending(c) == 0 && PQpipelineStatus(c.pg_) == PQ_PIPELINE_OFF &&
         PQtransactionStatus(c.pg_) != PQTRANS_INTRANS;
}

void PgSendControl(Connection& c, const std::vector<std::string_view>& control) {
  PgStatement::SendControl(c, control);
}

std::optional<PgFailure> PgTakeEarlierFailure(Connection& c) {
  std::lock_guard lock(deferred_mu);
  auto it = Pipelines().find(&c);
  if (it == Pipelines().end() || !it->second.earlier) return std::nullopt;
  auto f = std::move(it->second.earlier);
  it->second.earlier.reset();
  return f;
}

std::size_t PgPending(const Connection& c) { return Pending(c); }

std::optional<PgFailure> PgEndJob(Connection& c, const std::vector<std::string_view>& control) {
  return PgStatement::EndJob(c, control);
}

void PgStatement::SendControl(Connection& c, const std::vector<std::string_view>& control) {
  EnterPipeline(c.pg_);
  for (std::string_view statement : control) {
    std::string s(statement);
    if (PQsendQueryParams(c.pg_, s.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) != 1)
      throw std::runtime_error(fmt::format("postgresql: send: {}", PQerrorMessage(c.pg_)));
    NoteSent(c, {{}, false, true}, false);
  }
}

std::optional<PgFailure> PgStatement::EndJob(Connection& c,
                                             const std::vector<std::string_view>& control) {
  SendControl(c, control);
  int job = -1;
  {
    std::lock_guard lock(deferred_mu);
    job = Pipelines()[&c].job;
  }
  bool control_failed = false;
  try {
    FlushSent(c, &control_failed, nullptr);
  } catch (...) {
    if (control_failed) throw;
    // A deferred statement: of this job, or of an earlier one (noted by FlushSent).
    if (auto earlier = PgTakeEarlierFailure(c)) return earlier;
    return PgFailure{job, false, std::current_exception()};
  }
  return std::nullopt;
}

bool PgStatement::Step() {
  if (!result) {
    PGresult* res = nullptr;
    std::size_t n = values.size();
    std::vector<const char*> ptrs(n);
    std::vector<int> lengths(n);
    for (std::size_t i = 0; i < n; ++i) {
      ptrs[i] = present[i] ? values[i].c_str() : nullptr;
      lengths[i] = static_cast<int>(values[i].size());
    }
    if (PQpipelineStatus(conn.pg_) != PQ_PIPELINE_OFF) {
      // Statements were sent without waiting (deferred ones, the writer's control between two
      // jobs): this one goes behind them in the same round trip, and its answer comes after
      // theirs (after their first error, it did not run).
      SendExecution(false);
      FlushSent(conn, nullptr, &res);
      if (!res) throw std::runtime_error("postgresql: step: no answer");
    } else {
      res = PQexecPrepared(conn.pg_, name.c_str(), static_cast<int>(n), ptrs.data(),
                           lengths.data(), binary.data(), 0);
    }
    auto st = PQresultStatus(res);
    if (st == PGRES_COMMAND_OK) {
      const char* tuples = PQcmdTuples(res);
      conn.pg_changes_ = *tuples ? std::atoi(tuples) : 0;
    } else if (st == PGRES_TUPLES_OK) {
      const char* tuples = PQcmdTuples(res);  // "" for SELECT; the count for … RETURNING
      if (*tuples) conn.pg_changes_ = std::atoi(tuples);
    } else {
      FailResult(res, "step");
    }
    if (writes && conn.pg_changes_ > 0) {
      for (const auto& table : written_tables) NotePgChange(conn, table);
      NotePgJobWrite(conn);
    }
    result = res;
    rows = PQntuples(res);
    row = -1;
  }
  if (row + 1 >= rows) {
    row = rows;
    return false;
  }
  ++row;
  return true;
}

std::int64_t PgStatement::Int(int col) const {
  if (PQgetisnull(result, row, col)) return 0;
  const char* v = PQgetvalue(result, row, col);
  if (PQftype(result, col) == kBoolOid) return *v == 't';
  return std::strtoll(v, nullptr, 10);
}

double PgStatement::Real(int col) const {
  if (PQgetisnull(result, row, col)) return 0;
  return std::strtod(PQgetvalue(result, row, col), nullptr);
}

std::string PgStatement::Text(int col) const {
  if (PQgetisnull(result, row, col)) return {};
  const char* v = PQgetvalue(result, row, col);
  int len = PQgetlength(result, row, col);
  if (PQftype(result, col) == kByteaOid && len >= 2 && v[0] == '\\' && v[1] == 'x') {
    std::string bytes;
    bytes.reserve((len - 2) / 2);
    for (int i = 2; i + 1 < len; i += 2)
      bytes += static_cast<char>(HexDigit(v[i]) << 4 | HexDigit(v[i + 1]));
    return bytes;
  }
  if (PQftype(result, col) == kBoolOid) return *v == 't' ? "1" : "0";
  return std::string(v, len);
}

bool PgStatement::IsNull(int col) const { return PQgetisnull(result, row, col); }

std::int64_t Connection::PgLastInsertId() {
  PgStatement::Flush(*this);
  PGresult* res = PQexec(pg_, "SELECT lastval()");
  if (PQresultStatus(res) != PGRES_TUPLES_OK) FailResult(res, "lastval()");
  std::int64_t id = std::strtoll(PQgetvalue(res, 0, 0), nullptr, 10);
  PQclear(res);
  return id;
}

void ExecDeferredValues(Connection& c, std::string_view sql, const std::vector<Value>& values) {
  if (c.dialect() == Dialect::kSqlite) {  // at once
    Stmt s(c, sql);
    for (std::size_t i = 0; i < values.size(); ++i) {
      int at = static_cast<int>(i + 1);
      std::visit([&](const auto& v) { s.Bind(at, v); }, values[i]);
    }
    while (s.Step()) {
    }
    return;
  }
  PgStatement s(c, sql);
  for (std::size_t i = 0; i < values.size(); ++i) {
    int at = static_cast<int>(i + 1);
    std::visit(
        [&](const auto& v) {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>)
            s.Bind(at, std::string_view(v), false);
          else
            s.Bind(at, v);
        },
        values[i]);
  }
  s.Send();
}

void FlushDeferred(Connection& c) {
  if (c.dialect() == Dialect::kPostgres) PgStatement::Flush(c);
}

std::optional<std::string> InsertWithFollower(const Connection& c, std::string_view insert,
                                              std::string_view follow) {
  if (c.dialect() != Dialect::kPostgres) return std::nullopt;
  return fmt::format("WITH inserted AS ({}), following AS ({}) SELECT id FROM inserted", insert,
                     follow);
}

}  // namespace plenary::storage

// Connections (SQLite, or PostgreSQL through postgres.cc), prepared statements, the writer
// thread with group commit, and migrations.
#include "storage/db.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "base/assets.h"
#include "base/thread_name.h"
#include "storage/deferred.h"
#include "storage/fts5_tokenizer.h"
#include "storage/postgres.h"
#include "storage/table_generations.h"

namespace plenary::storage {

namespace {
[[noreturn]] void Fail(sqlite3* db, std::string_view what) {
  throw std::runtime_error(fmt::format("sqlite: {}: {}", what, sqlite3_errmsg(db)));
}
}  // namespace

Stmt::Stmt(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
      SQLITE_OK)
    Fail(db, fmt::format("prepare [{}]", sql));
}
Stmt::Stmt(sqlite3* db, sqlite3_stmt* cached) : db_(db), stmt_(cached), cached_(true) {}
Stmt::~Stmt() {
  if (pg_) [[unlikely]]
    return;
  if (cached_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  } else {
    sqlite3_finalize(stmt_);
  }
}

Stmt::Stmt(Connection& c, std::string_view sql) : db_(c.handle()) {
  if (c.pg_) [[unlikely]] {
    pg_ = std::make_unique<PgStatement>(c, sql);
    return;
  }
  stmt_ = c.Cached(sql);
  if (stmt_) {
    cached_ = true;
  } else if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
             SQLITE_OK) {
    Fail(db_, fmt::format("prepare [{}]", sql));
  }
}

sqlite3_stmt* Connection::Cached(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return sqlite3_stmt_busy(it->second) ? nullptr : it->second;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt, nullptr) != SQLITE_OK)
    Fail(db_, fmt::format("prepare [{}]", sql));
  cache_.emplace(std::string(sql), stmt);
  return stmt;
}

Stmt& Stmt::Bind(int i, std::nullptr_t) {
  if (pg_) [[unlikely]] {
    pg_->Bind(i, nullptr);
    return *this;
  }
  sqlite3_bind_null(stmt_, i);
  return *this;
}
Stmt& Stmt::Bind(int i, std::int64_t v) {
  if (pg_) [[unlikely]] {
    pg_->Bind(i, v);
    return *this;
  }
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Stmt& Stmt::Bind(int i, double v) {
  if (pg_) [[unlikely]] {
    pg_->Bind(i, v);
    return *this;
  }
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Stmt& Stmt::Bind(int i, std::string_view v) {
  if (pg_) [[unlikely]] {
    pg_->Bind(i, v, false);
    return *this;
  }
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::BindBlob(int i, std::string_view v) {
  if (pg_) [[unlikely]] {
    pg_->Bind(i, v, true);
    return *this;
  }
  sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::Bind(int i, const std::optional<std::string>& v) {
  return v ? Bind(i, std::string_view(*v)) : Bind(i, nullptr);
}
Stmt& Stmt::Bind(int i, const std::optional<std::int64_t>& v) {
  return v ? Bind(i, *v) : Bind(i, nullptr);
}

bool Stmt::Step() {
  if (pg_) [[unlikely]]
    return pg_->Step();
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Fail(db_, "step");
}
std::int64_t Stmt::Int(int col) const {
  if (pg_) [[unlikely]]
    return pg_->Int(col);
  return sqlite3_column_int64(stmt_, col);
}
double Stmt::Real(int col) const {
  if (pg_) [[unlikely]]
    return pg_->Real(col);
  return sqlite3_column_double(stmt_, col);
}
std::string Stmt::Text(int col) const {
  if (pg_) [[unlikely]]
    return pg_->Text(col);
  if (sqlite3_column_type(stmt_, col) == SQLITE_BLOB) {
    const auto* b = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
    return b ? std::string(b, sqlite3_column_bytes(stmt_, col)) : std::string();
  }
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p ? std::string(p, sqlite3_column_bytes(stmt_, col)) : std::string();
}
std::optional<std::string> Stmt::OptText(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Text(col);
}
std::optional<std::int64_t> Stmt::OptInt(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Int(col);
}
bool Stmt::IsNull(int col) const {
  if (pg_) [[unlikely]]
    return pg_->IsNull(col);
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

Connection::Connection(const std::string& spec, bool writer) {
  // Before SQLite's first use in the process: no statistics of its memory, which took a global
  // mutex on every allocation of every connection (a seventh of a search's time on the demo,
  // with futex waits between threads; docs/PROFILE.md). Nothing reads those statistics.
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)configured;
  if (DialectOf(spec) == Dialect::kPostgres) {
    pg_ = PgConnect(spec);
    return;
  }
  const std::string path = SqlitePath(spec);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (writer ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error(fmt::format("cannot open database {}: {}", path, msg));
  }
  sqlite3_busy_timeout(db_, 10000);
  RegisterTokenizer(db_);  // full-text tables use it (migration 0003)
  ExecScript("PRAGMA foreign_keys=ON");
  if (writer) {
    ExecScript("PRAGMA journal_mode=WAL");
    // FULL: a committed transaction survives power loss before the response leaves.
    ExecScript("PRAGMA synchronous=FULL");
    // Deleted and overwritten content is zeroed, not left in free space where a copy of the
    // file would still show it (erasure of personal data; sessions, mail once sent).
    ExecScript("PRAGMA secure_delete=ON");
    // 64 MiB of page cache for the writer (SQLite's default is 2 MB): a group-commit batch of
    // up to 512 submissions touches more pages than that, and the default cache spilled dirty
    // pages to the log in the middle of the transaction (pwrite under sqlite3BtreeInsert was
    // 16 % of the server's samples under submissions, docs/PROFILE.md).
    ExecScript("PRAGMA cache_size=-65536");
    // Statement journals in memory: each write runs in a savepoint (group commit), and SQLite
    // copies every page a savepoint first changes to its statement journal, which beyond 64 KiB
    // is a temporary file: those pwrite calls were half of the writer thread's CPU time under
    // submissions (docs/PROFILE.md). A savepoint's journal is emptied at its RELEASE.
    ExecScript("PRAGMA temp_store=MEMORY");
  } else {
    // 16 MiB of page cache for each reader (SQLite's default is 2 MB): a filtered search tests a
    // few hundred documents against the filters (index search_docs_filters, 32 MiB at 1,000,000
    // documents), and with the default cache each test read its pages from the file again
    // (pread was a third of a filtered query's time, docs/PROFILE.md).
    ExecScript("PRAGMA cache_size=-16384");
  }
}
Connection::~Connection() {
  if (pg_) {
    ForgetPgChangeHook(*this);
    PgClose(pg_);
    return;
  }
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

void Connection::ExecScript(std::string_view sql) {
  if (pg_) [[unlikely]] {
    PgStatement::Flush(*this);  // the deferred statements first (and their errors)
    if (!IsTransactionControl(sql)) NotePgJobWrite(*this);  // it may change anything
    PgExecScript(pg_, ToPostgres(sql));
    // A script may change any table (the writer's own transaction control changes none).
    if (!IsTransactionControl(sql)) NotePgChange(*this, "");
    return;
  }
  char* err = nullptr;
  std::string s(sql);
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw std::runtime_error(fmt::format("sqlite: {}", msg));
  }
}

namespace {
std::atomic<std::uint64_t> next_db_id{1};
}

struct Database::Job {
  std::function<bool(Connection&)> body;
  std::promise<void> done;  // set after COMMIT; carries the exception of `body` or COMMIT
  bool checkpoint = false;  // then, after the COMMIT: PRAGMA wal_checkpoint(TRUNCATE)
  Status checkpointed = Ok{};
};

namespace {
// Wakes the callers of committed batches, off the writer threads: each wake-up is a system call
// per caller, and was a tenth of the writer thread's time under submissions (docs/PROFILE.md).
// One thread for the process, in the order the batches were handed over; it holds only the jobs
// (never a Database), so a Database may be destroyed while its last batch is being woken.
// Never destroyed: its thread waits for work until the process ends.
class Waker {
 public:
  using Batch = std::function<void()>;  // wakes the callers of one batch
  static Waker& Get() {
    static Waker* waker = new Waker;
    return *waker;
  }
  void Hand(Batch batch) {
    {
      std::lock_guard lock(mu_);
      batches_.push_back(std::move(batch));
    }
    cv_.notify_one();
  }

 private:
  Waker() {
    std::thread([this] { Loop(); }).detach();
  }
  void Loop() {
    NameThisThread("plenary-wake");
    for (;;) {
      Batch b;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return !batches_.empty(); });
        b = std::move(batches_.front());
        batches_.pop_front();
      }
      b();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Batch> batches_;
};
}  // namespace

Database::Database(std::string path, WriterOptions options)
    : path_(std::move(path)),
      dialect_(DialectOf(path_)),
      options_(options),
      writer_(std::make_unique<Connection>(path_, true)),
      id_(next_db_id++) {
  Migrate();
  // The tables each transaction changed: SQLite's update hook; on PostgreSQL the writer
  // connection names the table of each INSERT, UPDATE or DELETE that changed rows.
  if (dialect_ == Dialect::kSqlite)
    sqlite3_update_hook(writer_->handle(), &Database::OnUpdate, this);
  else
    SetPgChangeHook(*writer_, [this](std::string_view table) {
      std::string name(table);
      OnUpdate(this, 0, nullptr, name.c_str(), 0);
    });
  writer_thread_ = std::thread([this] { WriterLoop(); });
}

void Database::SetUnshownTables(std::vector<std::string> tables) {
  // Read by the writer thread inside its transactions: handed over through the queue's lock.
  std::lock_guard lock(queue_mu_);
  unshown_ = std::move(tables);
  unshown_set_ = true;
}

namespace {
// The tables the writer's current transaction changed ("" for one it cannot name), noted by
// OnUpdate, which runs on the writer thread only; and each Database's per-table counters
// (table_generations.h), raised after the COMMIT.
thread_local std::vector<std::string> changed_tables;
struct TableCounters {
  std::map<std::string, std::uint64_t, std::less<>> by_table;
  std::uint64_t unnamed = 0;
};
std::mutex table_counters_mu;
std::map<const Database*, TableCounters>& AllTableCounters() {
  static auto* counters = new std::map<const Database*, TableCounters>;
  return *counters;
}
}  // namespace

std::uint64_t TablesGeneration(const Database& db, std::initializer_list<std::string_view> tables) {
  std::lock_guard lock(table_counters_mu);
  auto it = AllTableCounters().find(&db);
  if (it == AllTableCounters().end()) return 0;
  std::uint64_t sum = it->second.unnamed;
  for (std::string_view t : tables)
    if (auto at = it->second.by_table.find(t); at != it->second.by_table.end()) sum += at->second;
  return sum;
}

// Also called for PostgreSQL's writer (SetPgChangeHook), with "" for a table it cannot name.
// SQLite calls it for every row: the table is noted once per transaction (its writes go to a
// few tables).
void Database::OnUpdate(void* self, int, const char*, const char* table, sqlite3_int64) {
  auto* db = static_cast<Database*>(self);
  std::string_view name(table);
  if (std::find(changed_tables.rbegin(), changed_tables.rend(), name) == changed_tables.rend())
    changed_tables.emplace_back(name);
  if (db->shown_changed_) return;
  if (!name.empty())
    for (const auto& u : db->writer_unshown_) {
      if (u.ends_with('*') ? name.starts_with(std::string_view(u).substr(0, u.size() - 1))
                           : name == u)
        return;
    }
  db->shown_changed_ = true;
}

Database::~Database() {
  {
    std::lock_guard lock(queue_mu_);
    stopping_ = true;
  }
  queue_cv_.notify_all();
  writer_thread_.join();
  std::lock_guard lock(table_counters_mu);
  AllTableCounters().erase(this);
}

namespace {
bool IsTransient(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const TransientWriteError&) {
    return true;
  } catch (...) {
    return false;
  }
}

// An attempt at a batch on PostgreSQL runs in one transaction with one round trip per job
// (postgres.h): the transaction's start and the end of each job are sent without waiting and
// answered with the next job's first statement that waits for an answer; the last job's end,
// with the COMMIT, is read at once. A job fails alone: whatever it changed is undone and the
// other jobs' changes are kept. `run(i)` runs the body of job i and returns whether to keep its
// changes; `settled[i]`: job i has already failed alone in an earlier run of this attempt (its
// outcome is in `failures[i]`, or in the body's own result) and does not run again.
using RunJob = std::function<bool(std::size_t)>;

// More answers unread than this are read first: they must not fill the socket's buffers while
// the writer is still sending (jobs that never wait for an answer).
constexpr std::size_t kMaxUnanswered = 256;

// Rethrows what fails the whole transaction: a control statement's error, one that belongs to
// no job, or (unless this is the last attempt) a deadlock or serialization failure to retry.
void ThrowIfTransactionFails(const PgFailure& f, bool last) {
  if (f.control || f.job < 0 || (!last && IsTransient(f.error))) std::rethrow_exception(f.error);
}

// Reads what is still unanswered (its errors no longer matter) and rolls the transaction back.
void PgRollBack(Connection& c) {
  PgSetJob(c, -1);
  try {
    FlushDeferred(c);
  } catch (...) {
  }
  PgTakeEarlierFailure(c);
  c.ExecScript("ROLLBACK");
}

// Runs the body of job i: returns whether to keep its changes. Its failure is kept in
// `failures[i]`; a deadlock or serialization failure, which PostgreSQL makes fail the whole
// transaction, is rethrown (the batch runs again) unless this is the last attempt.
bool RunOneJob(Connection& c, std::size_t i, const RunJob& run,
               std::vector<std::exception_ptr>& failures, bool last) {
  PgSetJob(c, static_cast<int>(i));
  failures[i] = nullptr;
  try {
    return run(i);
  } catch (const TransientWriteError&) {
    if (!last) throw;
    failures[i] = std::current_exception();
  } catch (...) {
    failures[i] = std::current_exception();
  }
  return false;
}

// The batch without savepoints (a savepoint and its release are two statements more per job,
// and each write inside one draws a subtransaction id). Where a savepoint would have been
// rolled back (a job that failed, or refused its changes, after changing rows; or whose
// statement failed, after which PostgreSQL fails the whole transaction), the transaction is
// rolled back and that job settled with its failure: returns it, and the batch runs again
// without it. A job that fails before changing anything, with its transaction intact, fails
// alone at once. Returns nothing once committed.
std::optional<std::size_t> RunPgPlain(Connection& c, std::size_t jobs, const RunJob& run,
                                      std::vector<std::exception_ptr>& failures, bool last,
                                      const std::vector<char>& settled) {
  std::size_t end = jobs;  // the last job to run: its end carries the COMMIT
  while (end > 0 && settled[end - 1]) --end;
  if (end == 0) return std::nullopt;  // every job failed alone: nothing to commit
  PgSetJob(c, -1);
  PgTakeEarlierFailure(c);  // of a transaction rolled back since
  // The transaction takes its id before any write draws an identity, so that a reader who sees
  // a later id knows, from its snapshot, when this one has ended (storage::IdFeed).
  PgSendControl(c, {"BEGIN", "SELECT pg_current_xact_id()"});
  // Job `job` failed: the transaction is rolled back and the batch runs again without it.
  auto set_aside = [&](std::size_t job, std::exception_ptr error) {
    if (error && !failures[job]) failures[job] = error;
    PgRollBack(c);
    return job;
  };
  auto earlier = [&](PgFailure f) {
    ThrowIfTransactionFails(f, last);
    return set_aside(static_cast<std::size_t>(f.job), f.error);
  };
  for (std::size_t i = 0; i < end; ++i) {
    if (settled[i]) continue;
    bool keep = RunOneJob(c, i, run, failures, last);
    // An earlier job's statement failed, answered with this job's first one (which did not
    // run): this job's outcome does not count.
    if (auto f = PgTakeEarlierFailure(c)) return earlier(std::move(*f));
    if (PgTransactionFailed(c)) {
      // A statement of this job failed (even if the job went on, or caught the error).
      if (!failures[i])
        failures[i] = std::make_exception_ptr(
            std::runtime_error("postgresql: a write went on after its statement failed"));
      return set_aside(i, nullptr);
    }
    if (!keep && PgJobMayHaveWritten(c)) return set_aside(i, nullptr);
    if (i + 1 < end) {
      if (PgPending(c) >= kMaxUnanswered)
        if (auto f = PgEndJob(c, {})) return earlier(std::move(*f));
      continue;
    }
    if (auto f = PgEndJob(c, {"COMMIT"})) {
      ThrowIfTransactionFails(*f, last);
      return set_aside(static_cast<std::size_t>(f->job), f->error);
    }
  }
  PgSetJob(c, -1);
  return std::nullopt;
}

// The batch with a savepoint per job (after more than one job of it failed): a job that fails
// has its savepoint rolled back, and the jobs after it, whose statements did not run behind the
// error, run again. Throws what fails the whole transaction.
void RunPgSavepoints(Connection& c, std::size_t jobs, const RunJob& run,
                     std::vector<std::exception_ptr>& failures, bool last,
                     const std::vector<char>& settled) {
  std::size_t end = jobs;
  while (end > 0 && settled[end - 1]) --end;
  if (end == 0) return;
  PgSetJob(c, -1);
  PgTakeEarlierFailure(c);
  PgSendControl(c, {"BEGIN", "SELECT pg_current_xact_id()", "SAVEPOINT job"});
  // The job that failed: its savepoint rolled back (none of what was sent after the error ran,
  // its RELEASE either); returns the next job to run.
  auto fail = [&](PgFailure f) -> std::size_t {
    ThrowIfTransactionFails(f, last);
    auto job = static_cast<std::size_t>(f.job);
    if (!failures[job]) failures[job] = f.error;
    bool done = job + 1 >= end;
    PgSetJob(c, -1);
    try {
      FlushDeferred(c);  // what the jobs after it sent since: it did not run either
    } catch (...) {
    }
    PgTakeEarlierFailure(c);
    c.ExecScript(std::string("ROLLBACK TO job; RELEASE job; ") +
                 (done ? "COMMIT" : "SAVEPOINT job"));
    return job + 1;
  };
  for (std::size_t i = 0; i < end;) {
    if (settled[i]) {
      ++i;
      continue;
    }
    bool keep = RunOneJob(c, i, run, failures, last);
    if (auto f = PgTakeEarlierFailure(c)) {
      i = fail(std::move(*f));
      continue;
    }
    std::vector<std::string_view> ending;
    if (!keep) ending.push_back("ROLLBACK TO job");
    ending.push_back("RELEASE job");
    if (i + 1 < end) {
      ending.push_back("SAVEPOINT job");
      PgSendControl(c, ending);
      ++i;
      if (PgPending(c) >= kMaxUnanswered)
        if (auto f = PgEndJob(c, {})) i = fail(std::move(*f));
      continue;
    }
    ending.push_back("COMMIT");
    if (auto f = PgEndJob(c, ending)) {
      i = fail(std::move(*f));
      continue;
    }
    break;
  }
  PgSetJob(c, -1);
}

// One attempt at a batch on PostgreSQL: without savepoints, a job that fails after changing
// something set aside and the rest run again; with a savepoint per job once a second job has
// failed so (each run without savepoints runs the jobs before the failed one again). Throws
// what fails the whole transaction (a control statement, or a deadlock or serialization
// failure to retry).
void RunPgBatch(Connection& c, std::size_t jobs, const RunJob& run,
                std::vector<std::exception_ptr>& failures, bool last) {
  constexpr int kRunsWithoutSavepoints = 2;
  std::vector<char> settled(jobs, 0);
  for (int n = 0; n < kRunsWithoutSavepoints; ++n) {
    auto failed = RunPgPlain(c, jobs, run, failures, last, settled);
    if (!failed) return;
    settled[*failed] = 1;
  }
  RunPgSavepoints(c, jobs, run, failures, last, settled);
}

}  // namespace

Status Database::Submit(std::function<bool(Connection&)> body) {
  auto job = std::make_shared<Job>();
  job->body = std::move(body);
  return Enqueue(job);
}

Status Database::Enqueue(const std::shared_ptr<Job>& job) {
  auto done = job->done.get_future();
  {
    std::lock_guard lock(queue_mu_);
    if (stopping_) return Error{Code::kResourceExhausted, "server: shutting down", {}};
    if (queue_.size() >= options_.max_queue) {
      ++stats_.refused;
      return Error{Code::kResourceExhausted,
                   "server: too many writes waiting; retry in a few seconds", {}};
    }
    queue_.push_back(job);
  }
  queue_cv_.notify_one();
  done.get();  // rethrows what the body or the COMMIT threw
  return Ok{};
}

Status Database::Checkpoint() {
  if (dialect_ == Dialect::kPostgres) return Ok{};
  auto job = std::make_shared<Job>();
  job->body = [](Connection&) { return true; };
  job->checkpoint = true;
  if (auto s = Enqueue(job); !s.ok()) return s;
  return job->checkpointed;
}

void Database::WriterLoop() {
  // Named so that a profile (perf report --comms) or top -H tells the writer from the rest.
  NameThisThread("plenary-writer");
  for (;;) {
    std::vector<std::shared_ptr<Job>> batch;
    {
      std::unique_lock lock(queue_mu_);
      queue_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      if (unshown_set_) {
        writer_unshown_ = unshown_;
        unshown_set_ = false;
      }
      std::size_t n = options_.group_commit ? std::min(options_.max_batch, queue_.size()) : 1;
      for (std::size_t i = 0; i < n; ++i) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    std::vector<std::exception_ptr> failures(batch.size());
    std::exception_ptr commit_failure;
    // SQLite's transaction control between two jobs: each statement goes through the
    // connection's cache of prepared statements, as sqlite3_exec would parse the savepoints
    // again for every write of the batch (docs/PROFILE.md).
    auto control_script = [&](const std::string& script) {
      for (std::size_t from = 0; from < script.size();) {
        std::size_t end = script.find("; ", from);
        if (end == std::string::npos) end = script.size();
        std::string_view statement(script.data() + from, end - from);
        if (statement.starts_with("SAVEPOINT") || statement.starts_with("RELEASE") ||
            statement.starts_with("ROLLBACK TO"))
          writer_->Exec(statement);
        else
          writer_->ExecScript(statement);
        from = end + 2;
      }
    };
    for (int attempt = 1;; ++attempt) {
      std::fill(failures.begin(), failures.end(), nullptr);
      commit_failure = nullptr;
      shown_changed_ = false;
      changed_tables.clear();
      bool last = attempt == kWriteAttempts;
      try {
        if (dialect_ == Dialect::kPostgres) {
          RunPgBatch(
              *writer_, batch.size(), [&](std::size_t i) { return batch[i]->body(*writer_); },
              failures, last);
        } else {
          // The transaction control between two jobs (the end of one savepoint and the start
          // of the next) goes in one script (docs/PROFILE.md).
          std::string control = "BEGIN IMMEDIATE";
          for (std::size_t i = 0; i < batch.size(); ++i) {
            control_script(control + "; SAVEPOINT job");
            bool keep = false;
            try {
              keep = batch[i]->body(*writer_);
            } catch (...) {
              failures[i] = std::current_exception();
            }
            control = keep ? "RELEASE job" : "ROLLBACK TO job; RELEASE job";
            if (i + 1 == batch.size()) control_script(control + "; COMMIT");
          }
        }
      } catch (...) {
        commit_failure = std::current_exception();
        if (dialect_ == Dialect::kPostgres) {
          try {
            FlushDeferred(*writer_);  // answers still unread; their errors no longer matter
          } catch (...) {
          }
          PgSetJob(*writer_, -1);
          PgTakeEarlierFailure(*writer_);
        }
        try {
          writer_->ExecScript("ROLLBACK");
        } catch (...) {
        }
      }
      if (!commit_failure || last || !IsTransient(commit_failure)) break;
      {
        std::lock_guard lock(queue_mu_);
        ++stats_.retried;
      }
      // The other transaction of the deadlock goes on meanwhile; a pause that grows with each
      // attempt keeps the two from meeting again at once.
      std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt));
    }
    // Outside any transaction, as SQLite requires; waits (busy timeout) for readers to leave
    // the log, so that it can be emptied.
    if (!commit_failure &&
        std::any_of(batch.begin(), batch.end(), [](const auto& j) { return j->checkpoint; })) {
      int log = 0, done = 0;
      int rc = sqlite3_wal_checkpoint_v2(writer_->handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE,
                                         &log, &done);
      Status result = Ok{};
      if (rc != SQLITE_OK)
        result = Error{Code::kResourceExhausted,
                       fmt::format("checkpoint: {} ({} of {} log frames copied)",
                                   sqlite3_errstr(rc), done, log),
                       {}};
      for (auto& j : batch)
        if (j->checkpoint) j->checkpointed = result;
    }
    {
      std::lock_guard lock(queue_mu_);
      stats_.writes += batch.size();
      ++stats_.transactions;
    }
    // Before any caller is woken: once a write is acknowledged, no page rendered before it is
    // served again. (A rolled-back savepoint may raise it for nothing; that only costs a
    // rendering.)
    if (shown_changed_) generation_.fetch_add(1, std::memory_order_acq_rel);
    if (!changed_tables.empty()) {
      std::lock_guard lock(table_counters_mu);
      auto& counters = AllTableCounters()[this];
      for (const auto& name : changed_tables) {
        if (name.empty())
          ++counters.unnamed;
        else if (auto it = counters.by_table.find(name); it != counters.by_table.end())
          ++it->second;
        else
          counters.by_table.emplace(name, 1);
      }
    }
    Waker::Get().Hand([batch = std::move(batch), failures = std::move(failures), commit_failure] {
      for (std::size_t i = 0; i < batch.size(); ++i) {
        if (commit_failure)
          batch[i]->done.set_exception(commit_failure);
        else if (failures[i])
          batch[i]->done.set_exception(failures[i]);
        else
          batch[i]->done.set_value();
      }
    });
  }
}

Database::WriterStats Database::writer_stats() {
  std::lock_guard lock(queue_mu_);
  WriterStats s = stats_;
  s.queued = queue_.size();
  return s;
}

Connection& Database::Read() {
  // A thread may use several Database objects (tests); key the cache by database id.
  thread_local std::map<std::uint64_t, Connection*> mine;
  auto it = mine.find(id_);
  if (it != mine.end()) return *it->second;
  auto conn = std::make_unique<Connection>(path_, false);
  Connection* raw = conn.get();
  {
    std::lock_guard lock(readers_mu_);
    readers_.push_back(std::move(conn));
  }
  mine[id_] = raw;
  return *raw;
}

int Database::SchemaVersion() {
  return static_cast<int>(
      Read().QueryInt("SELECT coalesce(max(version),0) FROM schema_migrations").value_or(0));
}

// Runs before the writer thread starts. Each migration file is one script for both dialects:
// ForDialect keeps its common lines and those of this dialect's blocks, and on PostgreSQL
// ExecScript translates the spelling (dialect.h).
int Database::Migrate() {
  const bool pg = dialect_ == Dialect::kPostgres;
  // Servers sharing a PostgreSQL database may start together: one migrates, the others wait
  // for it here and then find nothing left to do.
  if (pg) writer_->ExecScript("SELECT pg_advisory_lock(1347175757)");
  struct Unlock {
    Connection* c;
    bool pg;
    ~Unlock() {
      if (!pg) return;
      try {
        c->ExecScript("SELECT pg_advisory_unlock(1347175757)");
      } catch (...) {
      }
    }
  } unlock{writer_.get(), pg};
  writer_->ExecScript(
      "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, "
      "applied_at INTEGER NOT NULL)");
  // Every version not yet recorded is applied, not only those above the highest: a migration
  // merged after a later-numbered one still reaches databases that already have the later one.
  std::set<std::int64_t> applied;
  {
    Stmt s(*writer_, "SELECT version FROM schema_migrations");
    while (s.Step()) applied.insert(s.Int(0));
  }
  std::vector<std::pair<int, std::string_view>> pending;
  constexpr std::string_view kDir = "src/storage/migrations/";
  for (const auto& [path, sql] : assets::All()) {
    if (!path.starts_with(kDir)) continue;
    int n = std::stoi(std::string(path.substr(kDir.size(), 4)));
    if (!applied.contains(n)) pending.emplace_back(n, sql);
  }
  std::sort(pending.begin(), pending.end());
  for (const auto& [n, file] : pending) {
    const std::string sql = ForDialect(file, dialect_);
    // A migration that rebuilds a referenced table (SQLite's way to change a constraint) says so
    // on its first line; it runs with foreign keys off, which SQLite allows only outside a
    // transaction, and must leave every reference valid. PostgreSQL alters constraints in place
    // (the file's `-- dialect: postgresql` block) and keeps its foreign keys on.
    const bool fk_off = !pg && file.starts_with("-- migrate: foreign_keys off");
    if (fk_off) writer_->ExecScript("PRAGMA foreign_keys=OFF");
    writer_->ExecScript("BEGIN IMMEDIATE");
    try {
      writer_->ExecScript(sql);
      if (fk_off && writer_->QueryInt("SELECT count(*) FROM pragma_foreign_key_check").value_or(0))
        throw std::runtime_error("migration " + std::to_string(n) + " broke foreign keys");
      writer_->Exec("INSERT INTO schema_migrations(version, applied_at) VALUES(?, unixepoch())",
                    n);
      writer_->ExecScript("COMMIT");
    } catch (...) {
      writer_->ExecScript("ROLLBACK");
      if (fk_off) writer_->ExecScript("PRAGMA foreign_keys=ON");
      throw;
    }
    if (fk_off) writer_->ExecScript("PRAGMA foreign_keys=ON");
  }
  return static_cast<int>(pending.size());
}

}  // namespace plenary::storage

// Online backup (a pinned WAL snapshot copied with SQLite's backup API) and atomic restore.
#include "storage/backup.h"

#include "storage/dialect.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "storage/fts5_tokenizer.h"

namespace plenary::storage {

namespace {

Error Internal(std::string field, std::string message) {
  return {Code::kInternal, std::move(message), std::move(field)};
}

std::string ErrnoText() { return std::strerror(errno); }

// One raw connection, closed at the end of the scope.
class Handle {
 public:
  Handle() = default;
  ~Handle() { Close(); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;

  // Opens `path` with `flags`; on failure returns SQLite's message.
  bool Open(const std::string& path, int flags, std::string* message) {
    Close();
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      *message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
      Close();
      return false;
    }
    sqlite3_busy_timeout(db_, 10000);
    sqlite3_extended_result_codes(db_, 1);
    try {
      // Integrity checks of newer SQLite versions also check full-text tables, which need it.
      RegisterTokenizer(db_);
    } catch (const std::exception& e) {
      *message = e.what();
      Close();
      return false;
    }
    return true;
  }
  void Close() {
    if (db_ != nullptr) sqlite3_close_v2(db_);
    db_ = nullptr;
  }
  sqlite3* get() { return db_; }
  std::string errmsg() { return db_ != nullptr ? sqlite3_errmsg(db_) : "not open"; }

  // Runs `sql` (no parameters) and returns the first column of every row; false on error, with
  // the message in `*message`.
  bool Query(std::string_view sql, std::vector<std::string>* rows, std::string* message) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
        SQLITE_OK) {
      *message = errmsg();
      return false;
    }
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      if (rows == nullptr) continue;
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
      rows->emplace_back(text != nullptr ? text : "");
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
      *message = errmsg();
      return false;
    }
    return true;
  }
  bool Exec(std::string_view sql, std::string* message) { return Query(sql, nullptr, message); }

 private:
  sqlite3* db_ = nullptr;
};

bool Exists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

// The folder holding `path` ("." for a bare file name).
std::string DirOf(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// fsync of a file or folder; false with errno set on failure.
bool SyncPath(const std::string& path, bool directory) {
  int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
  if (fd < 0) return false;
  int rc = ::fsync(fd);
  int saved = errno;
  ::close(fd);
  errno = saved;
  return rc == 0;
}

void RemoveQuietly(const std::string& path) {
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) ::unlink((path + suffix).c_str());
}

// Copies every page of `src` (whose read transaction, if any, stays open) into `dst`, `pages` at
// a time (-1: all at once). Returns SQLite's message on failure.
bool CopyPages(sqlite3* src, sqlite3* dst, int pages, std::string* message) {
  sqlite3_backup* backup = sqlite3_backup_init(dst, "main", src, "main");
  if (backup == nullptr) {
    *message = sqlite3_errmsg(dst);
    return false;
  }
  int rc;
  do {
    rc = sqlite3_backup_step(backup, pages);
    // BUSY/LOCKED: only the destination can be locked (the source snapshot is ours); retry.
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(5);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  int finish = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE || finish != SQLITE_OK) {
    *message = sqlite3_errmsg(dst);
    if (message->empty() || *message == "not an error") *message = sqlite3_errstr(rc);
    return false;
  }
  return true;
}

// PRAGMA integrity_check on an open connection: "" when "ok", else the problems found.
std::string IntegrityProblems(Handle& db) {
  std::vector<std::string> rows;
  std::string message;
  if (!db.Query("PRAGMA integrity_check", &rows, &message)) return message;
  if (rows.size() == 1 && rows[0] == "ok") return "";
  std::string out;
  for (std::size_t i = 0; i < rows.size() && i < 5; ++i) out += (i ? "; " : "") + rows[i];
  return out.empty() ? "integrity_check returned nothing" : out;
}

// Opens `path` read-only and checks it: "" when it is an intact database, else why not.
std::string CheckCopy(const std::string& path) {
  Handle db;
  std::string message;
  if (!db.Open(path, SQLITE_OPEN_READONLY, &message)) return message;
  return IntegrityProblems(db);
}

// True when a process other than this one holds a lock in the WAL index of `db_path`, i.e. has a
// connection open to it (SQLite's unix VFS keeps a shared lock on byte 128 of the -shm file, the
// "DMS" slot, for as long as a connection uses the WAL index).
bool OpenElsewhere(const std::string& db_path) {
  int fd = ::open((db_path + "-shm").c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return false;
  struct flock lock {};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = 128;
  lock.l_len = 1;
  bool held = ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  // Closing our descriptor would drop this process's own POSIX locks on the file; a Database of
  // this process on `db_path` is a caller error anyway (Restore needs the server stopped).
  ::close(fd);
  return held;
}

// PostgreSQL keeps its data in its own server; its tools copy it consistently.
Error UsePgTools(std::string_view what) {
  return Error{Code::kFailedPrecondition,
               fmt::format("{}: the database is on PostgreSQL; use {} (docs/DEPLOYMENT.md)", what,
                           what == "backup" ? "pg_dump --format=custom" : "pg_restore --clean"),
               "db"};
}

}  // namespace

Status Backup(const std::string& db_spec, const std::string& dest_path, int pages_per_step) {
  if (DialectOf(db_spec) == Dialect::kPostgres) return UsePgTools("backup");
  const std::string db_path = SqlitePath(db_spec);
  if (Exists(dest_path))
    return Error{Code::kFailedPrecondition,
                 fmt::format("destination: {} already exists; choose a new file name", dest_path),
                 "destination"};
  if (!Exists(db_path))
    return Error{Code::kNotFound, fmt::format("source: no database at {}", db_path), "source"};

  // The source: a connection that only reads (query_only). It is opened read-write, not
  // read-only, so that when it is the last one to close (server stopped) it removes the -wal and
  // -shm files it needed, like any other connection; SQLite opens a write-protected file
  // read-only anyway.
  Handle src;
  std::string message;
  if (!src.Open(db_path, SQLITE_OPEN_READWRITE, &message) ||
      !src.Exec("PRAGMA query_only=1", &message))
    return Internal("source", fmt::format("source: cannot open {}: {}", db_path, message));
  // Pin one WAL snapshot for the whole copy (see the header): BEGIN alone takes no snapshot, the
  // first read does.
  if (!src.Exec("BEGIN", &message) || !src.Exec("SELECT count(*) FROM sqlite_schema", &message)) {
    return Internal("source", fmt::format("source: cannot read {}: {}", db_path, message));
  }

  std::string tmp = fmt::format("{}.tmp-{}", dest_path, ::getpid());
  RemoveQuietly(tmp);
  auto fail = [&](std::string text) -> Status {
    RemoveQuietly(tmp);
    return Internal("destination", "destination: " + std::move(text));
  };
  {
    Handle dst;
    if (!dst.Open(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &message))
      return fail(fmt::format("cannot create {}: {}", tmp, message));
    if (!dst.Exec("PRAGMA synchronous=FULL", &message))
      return fail(fmt::format("cannot write {}: {}", tmp, message));
    if (!CopyPages(src.get(), dst.get(), pages_per_step > 0 ? pages_per_step : -1, &message))
      return fail(fmt::format("copy failed: {}", message));
    // The copy carries the source's WAL flag; make it a self-contained rollback-journal file.
    std::vector<std::string> mode;
    if (!dst.Query("PRAGMA journal_mode=DELETE", &mode, &message))
      return fail(fmt::format("cannot finish {}: {}", tmp, message));
  }
  src.Exec("COMMIT", &message);  // ends the read transaction; nothing to fail
  src.Close();

  if (!SyncPath(tmp, false)) return fail(fmt::format("cannot sync {}: {}", tmp, ErrnoText()));
  if (std::string problems = CheckCopy(tmp); !problems.empty())
    return fail(fmt::format("the copy fails the integrity check: {}", problems));
  // link() never replaces an existing file, unlike rename(): a file created at dest_path since
  // the check above is kept and we fail.
  if (::link(tmp.c_str(), dest_path.c_str()) != 0) {
    int saved = errno;
    RemoveQuietly(tmp);
    if (saved == EEXIST)
      return Error{Code::kFailedPrecondition,
                   fmt::format("destination: {} already exists; choose a new file name", dest_path),
                   "destination"};
    return Internal("destination", fmt::format("destination: cannot create {}: {}", dest_path,
                                               std::strerror(saved)));
  }
  ::unlink(tmp.c_str());
  if (!SyncPath(DirOf(dest_path), true))
    return Internal("destination",
                    fmt::format("destination: cannot sync {}: {}", DirOf(dest_path), ErrnoText()));
  return Ok{};
}

Status Restore(const std::string& backup_path, const std::string& db_spec) {
  if (DialectOf(db_spec) == Dialect::kPostgres) return UsePgTools("restore");
  const std::string db_path = SqlitePath(db_spec);
  struct stat backup_st, db_st;
  if (::stat(backup_path.c_str(), &backup_st) != 0)
    return Error{Code::kNotFound, fmt::format("backup: no file at {}", backup_path), "backup"};
  bool db_exists = ::stat(db_path.c_str(), &db_st) == 0;
  if (db_exists && db_st.st_dev == backup_st.st_dev && db_st.st_ino == backup_st.st_ino)
    return Error{Code::kFailedPrecondition,
                 fmt::format("backup: {} is the database itself", backup_path), "backup"};
  auto invalid = [&](std::string why) -> Status {
    return InvalidArgument(
        "backup", fmt::format("backup: {} is not a usable Plenary backup: {}", backup_path, why));
  };

  // 1. The backup.
  {
    Handle b;
    std::string message;
    if (!b.Open(backup_path, SQLITE_OPEN_READONLY, &message)) return invalid(message);
    if (std::string problems = IntegrityProblems(b); !problems.empty()) return invalid(problems);
    std::vector<std::string> rows;
    if (!b.Query("SELECT name FROM sqlite_schema WHERE type='table' AND name='schema_migrations'",
                 &rows, &message))
      return invalid(message);
    if (rows.empty()) return invalid("it has no schema_migrations table");
  }
  if (OpenElsewhere(db_path))
    return Error{Code::kFailedPrecondition,
                 fmt::format("database: {} is open in another process; stop `plenary serve` "
                             "before restoring",
                             db_path),
                 "database"};

  // 2. The copy beside the database.
  std::string tmp = db_path + ".restore-tmp";
  RemoveQuietly(tmp);
  auto fail = [&](std::string text) -> Status {
    RemoveQuietly(tmp);
    return Internal("database", "database: " + std::move(text));
  };
  {
    Handle b, dst;
    std::string message;
    if (!b.Open(backup_path, SQLITE_OPEN_READONLY, &message)) return invalid(message);
    if (!dst.Open(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &message))
      return fail(fmt::format("cannot create {}: {}", tmp, message));
    if (!b.Exec("BEGIN", &message) || !b.Exec("SELECT count(*) FROM sqlite_schema", &message))
      return invalid(message);
    if (!CopyPages(b.get(), dst.get(), -1, &message))
      return fail(fmt::format("copy failed: {}", message));
    b.Exec("COMMIT", &message);
    std::vector<std::string> mode;
    if (!dst.Exec("PRAGMA synchronous=FULL", &message) ||
        !dst.Query("PRAGMA journal_mode=WAL", &mode, &message))
      return fail(fmt::format("cannot finish {}: {}", tmp, message));
    // Closing the last connection checkpoints the WAL into the file and removes it.
  }
  if (db_exists) {
    if (::chmod(tmp.c_str(), db_st.st_mode & 07777) != 0)
      return fail(fmt::format("cannot set the mode of {}: {}", tmp, ErrnoText()));
    if (::chown(tmp.c_str(), db_st.st_uid, db_st.st_gid) != 0 && errno != EPERM)
      return fail(fmt::format("cannot set the owner of {}: {}", tmp, ErrnoText()));
  }
  if (!SyncPath(tmp, false)) return fail(fmt::format("cannot sync {}: {}", tmp, ErrnoText()));
  if (std::string problems = CheckCopy(tmp); !problems.empty())
    return fail(fmt::format("the restored copy fails the integrity check: {}", problems));
  // The read-only check of a WAL file leaves an empty -wal and the -shm behind.
  ::unlink((tmp + "-wal").c_str());
  ::unlink((tmp + "-shm").c_str());

  // 3. The switch.
  if (db_exists) {
    // Fold the old WAL into the old file, so that removing the WAL loses nothing of it should we
    // stop before the rename. A damaged old database (perhaps why we restore) is replaced anyway.
    Handle old;
    std::string message;
    if (old.Open(db_path, SQLITE_OPEN_READWRITE, &message)) {
      std::vector<std::string> busy;
      old.Query("PRAGMA wal_checkpoint(TRUNCATE)", &busy, &message);
      if (!busy.empty() && busy[0] == "1") {
        RemoveQuietly(tmp);
        return Error{Code::kFailedPrecondition,
                     fmt::format("database: {} is in use (its WAL cannot be checkpointed); stop "
                                 "`plenary serve` before restoring",
                                 db_path),
                     "database"};
      }
    }
  }
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    std::string stale = db_path + suffix;
    if (::unlink(stale.c_str()) != 0 && errno != ENOENT)
      return fail(fmt::format("cannot remove {}: {}", stale, ErrnoText()));
  }
  if (::rename(tmp.c_str(), db_path.c_str()) != 0)
    return fail(fmt::format("cannot rename {} to {}: {}", tmp, db_path, ErrnoText()));
  if (!SyncPath(DirOf(db_path), true))
    return Internal("database",
                    fmt::format("database: cannot sync {}: {}", DirOf(db_path), ErrnoText()));
  return Ok{};
}

}  // namespace plenary::storage

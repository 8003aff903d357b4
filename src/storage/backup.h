// Online backup of the live database into one self-contained file, and restore from such a file.
//
// Backup takes a consistent snapshot while `plenary serve` keeps writing:
//   SQLite's online backup API restarts a backup whenever another connection writes the source
//   between two sqlite3_backup_step() calls, so under a steady write load a backup in several
//   steps may never finish. Copying every page in one step (-1) is consistent, but only because
//   that step holds one read transaction from start to end. Backup makes that explicit and
//   independent of the step size: it opens its own connection (PRAGMA query_only) and starts a
//   read transaction on it (BEGIN; SELECT) before the first step. In WAL mode that transaction
//   pins a snapshot of the database; backup_step() reuses the open transaction instead of opening
//   (and closing) its own, so every step reads the same snapshot, nothing restarts, and the copy
//   holds exactly the transactions committed before the snapshot was taken, none after. Every
//   write acknowledged before Backup was called is therefore in the copy (the server acknowledges
//   only after COMMIT reached the disk). Readers never block the writer in WAL mode; the only cost
//   to the server is that checkpoints cannot pass the snapshot, so its -wal file grows until the
//   backup ends. `pages_per_step` only bounds the work of one step; any value gives the same copy.
//
// The backup is written beside `dest_path` under a temporary name, switched to rollback-journal
// mode (so the file is complete on its own: no -wal, readable from read-only media), synced,
// checked with PRAGMA integrity_check, and only then linked to `dest_path` (link(2), which never
// replaces a file) with the directory synced. A failed or interrupted backup leaves no file at
// `dest_path`, only possibly a stale "<dest_path>.tmp-<pid>".
//
// Restore must run with the server stopped: SQLite cannot tell for certain whether another
// process uses a database. Restore refuses when it sees one (every connection to a WAL database
// holds a shared lock on a byte of its -shm file; a lock held by another process is visible to
// fcntl(F_GETLK) on local file systems, not reliably on network ones). It then
//   1. verifies the backup: a SQLite database, PRAGMA integrity_check "ok", a schema_migrations
//      table (a Plenary database);
//   2. copies it (backup API) into "<db_path>.restore-tmp", switches the copy to WAL mode, gives it
//      the mode and owner of the database it replaces, syncs it and checks its integrity;
//   3. if `db_path` exists, checkpoints its WAL into it (so that the old file is complete on its
//      own should the restore stop here) and removes its -wal and -shm files (a stale WAL would
//      otherwise be replayed onto the restored file and corrupt it); then renames the copy over
//      `db_path` and syncs the directory.
// Any failure before the rename leaves `db_path` as it was. Migrations are not applied here; the
// next `plenary serve` or `plenary migrate` applies those the backup lacks.
//
// Errors (Error::field; each message starts with the field):
//   "source"      kNotFound: `db_path` missing; kInternal: not readable as a database.
//   "destination" kFailedPrecondition: `dest_path` exists; kInternal: cannot be written.
//   "backup"      kNotFound: missing; kInvalidArgument: not a SQLite database, fails the
//                 integrity check, or has no schema_migrations table; kFailedPrecondition: it is
//                 the database itself.
//   "database"    kFailedPrecondition: another process has `db_path` open; kInternal: I/O errors.
//
// Thread safety: both functions use only their own connections. Backup may run while a Database
// on the same file is open in this process or another. Restore must not run while any connection
// to `db_path` is open, in this process either: its check sees other processes only.
#pragma once
#include <string>

#include "base/result.h"

namespace plenary::storage {

// Copies the database at `db_path` into the new file `dest_path` (see above). `pages_per_step`
// <= 0 copies every page in one step. A PostgreSQL `db_path` (dialect.h) is refused with
// kFailedPrecondition naming pg_dump; Restore likewise names pg_restore.
Status Backup(const std::string& db_path, const std::string& dest_path, int pages_per_step = 256);

// Replaces the database at `db_path` (created if missing) by the backup at `backup_path`
// (see above). The server must be stopped.
Status Restore(const std::string& backup_path, const std::string& db_path);

}  // namespace plenary::storage

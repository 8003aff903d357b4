// Tests of the online backup and the restore: round trips, a consistent snapshot under a running
// write load, and every refusal leaving the files as they were.
#include "storage/backup.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "storage/db.h"

namespace plenary::storage {
namespace {

namespace fs = std::filesystem;

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/plenary-backup-test-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// Creates the test table and `rows` rows of padding (about 1 KB each), so that the database spans
// many pages.
void Fill(Database& db, int rows) {
  auto s = db.Write<Ok>([&](Connection& c) -> Status {
    c.ExecScript(
        "CREATE TABLE IF NOT EXISTS counter(id INTEGER PRIMARY KEY, n INTEGER NOT NULL);"
        "INSERT OR IGNORE INTO counter VALUES(1, 0);"
        "CREATE TABLE IF NOT EXISTS item(id INTEGER PRIMARY KEY, tag TEXT NOT NULL, pad TEXT);");
    for (int i = 0; i < rows; ++i)
      c.Exec("INSERT INTO item(tag, pad) VALUES(?, ?)", "fill-" + std::to_string(i),
             std::string(1000, 'a' + i % 26));
    return Ok{};
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
}

// One acknowledged write: an item and the counter's increment, in one transaction.
bool AddItem(Database& db, const std::string& tag) {
  auto s = db.Write<Ok>([&](Connection& c) -> Status {
    c.Exec("INSERT INTO item(tag, pad) VALUES(?, ?)", tag, std::string(300, 'x'));
    c.Exec("UPDATE counter SET n = n + 1 WHERE id = 1");
    return Ok{};
  });
  return s.ok();
}

// Opens `path` read-only with a plain connection.
struct Reader {
  explicit Reader(const std::string& path) {
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  }
  ~Reader() { sqlite3_close(db); }
  std::optional<std::string> One(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return std::nullopt;
    std::optional<std::string> out;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
      out = t ? t : "";
    }
    sqlite3_finalize(stmt);
    return out;
  }
  std::set<std::string> Tags() {
    std::set<std::string> tags;
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT tag FROM item", -1, &stmt, nullptr);
    while (sqlite3_step(stmt) == SQLITE_ROW)
      tags.insert(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    return tags;
  }
  sqlite3* db = nullptr;
};

TEST_F(BackupTest, CopiesTheDatabaseIntoOneSelfContainedFile) {
  std::string src = Path("plenary.db"), dest = Path("copy.db");
  {
    Database db(src);
    Fill(db, 50);
    ASSERT_TRUE(AddItem(db, "kept"));
    auto s = Backup(src, dest);  // while the Database is open, its WAL not yet checkpointed
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  EXPECT_FALSE(fs::exists(dest + "-wal"));
  EXPECT_FALSE(fs::exists(dest + "-journal"));
  for (const auto& entry : fs::directory_iterator(dir_))
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
  Reader r(dest);
  EXPECT_EQ(r.One("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(r.One("PRAGMA journal_mode"), "delete");
  EXPECT_EQ(r.One("SELECT count(*) FROM item"), "51");
  EXPECT_EQ(r.One("SELECT n FROM counter"), "1");
  EXPECT_EQ(r.One("SELECT count(*) > 0 FROM schema_migrations"), "1");
}

TEST_F(BackupTest, LeavesNothingBesideAStoppedDatabase) {
  std::string src = Path("plenary.db");
  { Database db(src); }
  ASSERT_FALSE(fs::exists(src + "-wal"));
  ASSERT_TRUE(Backup(src, Path("copy.db")).ok());
  EXPECT_FALSE(fs::exists(src + "-wal"));
  EXPECT_FALSE(fs::exists(src + "-shm"));
  EXPECT_FALSE(fs::exists(Path("copy.db-wal")));
  EXPECT_FALSE(fs::exists(Path("copy.db-shm")));
}

TEST_F(BackupTest, OneStepAndSmallStepsGiveTheSameContent) {
  std::string src = Path("plenary.db");
  Database db(src);
  Fill(db, 300);
  ASSERT_TRUE(Backup(src, Path("all.db"), -1).ok());
  ASSERT_TRUE(Backup(src, Path("small.db"), 1).ok());
  Reader all(Path("all.db")), small(Path("small.db"));
  EXPECT_EQ(all.Tags(), small.Tags());
  EXPECT_EQ(all.Tags().size(), 300u);
}

TEST_F(BackupTest, RefusesAnExistingDestinationAndLeavesItAlone) {
  std::string src = Path("plenary.db"), dest = Path("exists.db");
  { Database db(src); }
  WriteFile(dest, "precious");
  auto s = Backup(src, dest);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "destination");
  EXPECT_EQ(s.error().code, Code::kFailedPrecondition);
  EXPECT_NE(s.error().message.find("already exists"), std::string::npos) << s.error().message;
  EXPECT_EQ(ReadFile(dest), "precious");
}

TEST_F(BackupTest, RefusesAMissingSourceWithoutCreatingIt) {
  auto s = Backup(Path("missing.db"), Path("copy.db"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "source");
  EXPECT_EQ(s.error().code, Code::kNotFound);
  EXPECT_FALSE(fs::exists(Path("missing.db")));
  EXPECT_FALSE(fs::exists(Path("copy.db")));
}

TEST_F(BackupTest, ReportsASourceThatIsNotADatabase) {
  WriteFile(Path("junk.db"), std::string(4096, 'j'));
  auto s = Backup(Path("junk.db"), Path("copy.db"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "source");
  EXPECT_FALSE(fs::exists(Path("copy.db")));
}

// Eight writers keep committing while the backup copies one page per step. Every write
// acknowledged before Backup was called must be in the copy, and the copy must be one snapshot:
// the counter equals the number of items the writers added (each write changes both at once).
TEST_F(BackupTest, IsAConsistentSnapshotUnderAWriteLoad) {
  std::string src = Path("plenary.db"), dest = Path("copy.db");
  Database db(src);
  Fill(db, 2000);  // ~2 MB: many steps of one page
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::vector<std::pair<std::string, std::chrono::steady_clock::time_point>> acked;
  std::vector<std::thread> writers;
  for (int w = 0; w < 8; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; !stop; ++i) {
        std::string tag = "w" + std::to_string(w) + "-" + std::to_string(i);
        if (!AddItem(db, tag)) continue;
        auto now = std::chrono::steady_clock::now();
        std::lock_guard lock(mu);
        acked.emplace_back(tag, now);
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto began = std::chrono::steady_clock::now();
  auto s = Backup(src, dest, 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  stop = true;
  for (auto& t : writers) t.join();
  ASSERT_TRUE(s.ok()) << s.error().message;

  Reader r(dest);
  EXPECT_EQ(r.One("PRAGMA integrity_check"), "ok");
  auto tags = r.Tags();
  std::size_t before = 0, after = 0;
  for (const auto& [tag, at] : acked) {
    if (at < began) {
      ++before;
      EXPECT_TRUE(tags.count(tag)) << tag << " was acknowledged before the backup began";
    } else {
      ++after;
    }
  }
  EXPECT_GT(before, 0u);
  EXPECT_GT(after, 0u) << "the load should have gone on during the backup";
  std::size_t added = tags.size() - 2000;
  EXPECT_EQ(r.One("SELECT n FROM counter"), std::to_string(added));
}

TEST_F(BackupTest, RestoreRoundTripIntoANewPath) {
  std::string src = Path("plenary.db"), backup = Path("backup.db"), restored = Path("new.db");
  {
    Database db(src);
    Fill(db, 20);
    ASSERT_TRUE(AddItem(db, "kept"));
  }
  ASSERT_TRUE(Backup(src, backup).ok());
  auto s = Restore(backup, restored);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_FALSE(fs::exists(restored + ".restore-tmp"));
  {
    Reader r(restored);
    EXPECT_EQ(r.One("PRAGMA integrity_check"), "ok");
    EXPECT_EQ(r.One("PRAGMA journal_mode"), "wal");
    EXPECT_TRUE(r.Tags().count("kept"));
  }
  Database db(restored);  // opens, finds its migrations applied
  EXPECT_EQ(db.Read().QueryInt("SELECT count(*) FROM item"), 21);
  EXPECT_TRUE(AddItem(db, "after restore"));
}

TEST_F(BackupTest, RestoreReplacesAnExistingDatabaseAndItsWal) {
  std::string db_path = Path("plenary.db"), backup = Path("backup.db");
  {
    Database db(db_path);
    Fill(db, 10);
  }
  ASSERT_TRUE(Backup(db_path, backup).ok());
  {
    Database db(db_path);
    ASSERT_TRUE(AddItem(db, "later"));
  }
  // A crashed server leaves a WAL with committed frames behind; simulate one.
  {
    sqlite3* c = nullptr;
    ASSERT_EQ(sqlite3_open(db_path.c_str(), &c), SQLITE_OK);
    sqlite3_db_config(c, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    sqlite3_exec(c, "PRAGMA wal_autocheckpoint=0; INSERT INTO item(tag) VALUES('in wal')", nullptr,
                 nullptr, nullptr);
    sqlite3_close(c);
  }
  ASSERT_GT(fs::file_size(db_path + "-wal"), 0u);
  ::chmod(db_path.c_str(), 0600);
  auto s = Restore(backup, db_path);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(fs::status(db_path).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  Reader r(db_path);
  EXPECT_EQ(r.One("PRAGMA integrity_check"), "ok");
  auto tags = r.Tags();
  EXPECT_EQ(tags.size(), 10u);
  EXPECT_FALSE(tags.count("later"));
  EXPECT_FALSE(tags.count("in wal"));
}

TEST_F(BackupTest, RestoreRefusesAFileThatIsNotADatabaseAndKeepsTheOriginal) {
  std::string db_path = Path("plenary.db"), junk = Path("junk.bin");
  {
    Database db(db_path);
    Fill(db, 5);
  }
  std::string before = ReadFile(db_path);
  WriteFile(junk, "this is not a database, just some text that fills a page or so\n");
  auto s = Restore(junk, db_path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "backup");
  EXPECT_EQ(s.error().code, Code::kInvalidArgument);
  EXPECT_NE(s.error().message.find("not a usable Plenary backup"), std::string::npos);
  EXPECT_EQ(ReadFile(db_path), before);
  EXPECT_FALSE(fs::exists(db_path + ".restore-tmp"));
}

TEST_F(BackupTest, RestoreRefusesASqliteFileThatIsNotPlenarys) {
  std::string other = Path("other.db"), db_path = Path("plenary.db");
  sqlite3* c = nullptr;
  ASSERT_EQ(sqlite3_open(other.c_str(), &c), SQLITE_OK);
  sqlite3_exec(c, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
  sqlite3_close(c);
  auto s = Restore(other, db_path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "backup");
  EXPECT_NE(s.error().message.find("schema_migrations"), std::string::npos) << s.error().message;
  EXPECT_FALSE(fs::exists(db_path));
}

TEST_F(BackupTest, RestoreRefusesAMissingBackupAndTheDatabaseItself) {
  std::string db_path = Path("plenary.db");
  { Database db(db_path); }
  auto missing = Restore(Path("nope.db"), db_path);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Code::kNotFound);
  auto itself = Restore(db_path, db_path);
  ASSERT_FALSE(itself.ok());
  EXPECT_EQ(itself.error().code, Code::kFailedPrecondition);
}

// Another process (a running server) with the database open: Restore refuses and changes nothing.
TEST_F(BackupTest, RestoreRefusesADatabaseOpenInAnotherProcess) {
  std::string db_path = Path("plenary.db"), backup = Path("backup.db");
  {
    Database db(db_path);
    Fill(db, 5);
  }
  ASSERT_TRUE(Backup(db_path, backup).ok());
  int ready[2], release[2];
  ASSERT_EQ(::pipe(ready), 0);
  ASSERT_EQ(::pipe(release), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(ready[0]);
    ::close(release[1]);
    sqlite3* c = nullptr;
    sqlite3_open(db_path.c_str(), &c);
    sqlite3_exec(c, "SELECT count(*) FROM item", nullptr, nullptr, nullptr);
    char byte = 'r';
    (void)!::write(ready[1], &byte, 1);
    (void)!::read(release[0], &byte, 1);  // until the parent closes its end
    sqlite3_close(c);
    ::_exit(0);
  }
  ::close(ready[1]);
  ::close(release[0]);
  char byte;
  ASSERT_EQ(::read(ready[0], &byte, 1), 1);
  std::string before = ReadFile(db_path);
  auto s = Restore(backup, db_path);
  ::close(release[1]);
  int status = 0;
  ::waitpid(child, &status, 0);
  ::close(ready[0]);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "database");
  EXPECT_EQ(s.error().code, Code::kFailedPrecondition);
  EXPECT_NE(s.error().message.find("open in another process"), std::string::npos)
      << s.error().message;
  EXPECT_EQ(ReadFile(db_path), before);
  // Once the other process is gone, the same restore goes through.
  auto again = Restore(backup, db_path);
  EXPECT_TRUE(again.ok()) << again.error().message;
}

TEST(BackupOnPostgres, NamesPgDumpAndPgRestore) {
  // Refused before anything is touched: no connection is made, no file is written.
  auto b = Backup("postgresql://plenary@db.invalid/council", "/nonexistent/copy.db");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, Code::kFailedPrecondition);
  EXPECT_NE(b.error().message.find("pg_dump"), std::string::npos) << b.error().message;
  auto r = Restore("/nonexistent/copy.db", "host=/run/postgresql dbname=council");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Code::kFailedPrecondition);
  EXPECT_NE(r.error().message.find("pg_restore"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace plenary::storage

// The storage layer behaves the same on both backends: SQLite (a temporary file) and PostgreSQL
// (a fresh database in the test cluster, see postgres_testing.h). Every test here runs on both.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "base/assets.h"
#include "base/random.h"
#include "storage/db.h"
#include "storage/deferred.h"
#include "storage/postgres_testing.h"
#include "storage/table_generations.h"

namespace plenary::storage {
namespace {

class Backends : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    InitCrypto();
    if (GetParam() == Dialect::kPostgres) PLENARY_REQUIRE_POSTGRES();
    temp_ = std::make_unique<plenary::testing::TempDatabase>(GetParam(), "plenary-be-");
    db_ = std::make_unique<Database>(temp_->spec());
  }
  void TearDown() override {
    db_.reset();
    temp_.reset();
  }
  std::unique_ptr<plenary::testing::TempDatabase> temp_;
  std::unique_ptr<Database> db_;
};

INSTANTIATE_TEST_SUITE_P(Dialects, Backends,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const auto& info) {
                           return info.param == Dialect::kSqlite ? "Sqlite" : "Postgres";
                         });

TEST_P(Backends, MigratesFromEmptyToTheLastVersion) {
  EXPECT_EQ(db_->dialect(), GetParam());
  // Numbers are reserved per line of work: the series may have gaps.
  int files = 0, highest = 0;
  for (const auto& [name, sql] : assets::All())
    if (name.starts_with("src/storage/migrations/")) {
      ++files;
      highest = std::max(highest, std::stoi(std::string(name.substr(23, 4))));
    }
  EXPECT_GE(files, 14);
  EXPECT_EQ(db_->SchemaVersion(), highest);
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM schema_migrations"), files);
  EXPECT_EQ(db_->Migrate(), 0) << "a second run finds nothing left to do";
  // The seed rows of the migrations are there.
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM stakeholder_types"), 8);
  EXPECT_EQ(db_->Read().QueryInt("SELECT length(value) FROM secrets WHERE name = ?",
                                 "mail_token_key"),
            32);
}

TEST_P(Backends, InsertsReadsAndCountsChanges) {
  auto id = db_->Write<std::int64_t>([](Connection& c) -> Result<std::int64_t> {
    c.Exec("INSERT INTO users(email, name, role, password_hash, created_at) VALUES(?,?,?,?,?)",
           "a@example.int", "Ada", "admin", "x", std::int64_t{1700000000});
    std::int64_t first = c.LastInsertId();
    c.Exec("INSERT INTO users(email, name, role, password_hash, created_at) VALUES(?,?,?,?,?)",
           "b@example.int", "Bo", "secretariat", "x", 1700000001);
    EXPECT_EQ(c.LastInsertId(), first + 1);
    c.Exec("UPDATE users SET name = name || '!' WHERE created_at >= ?", 1700000000);
    EXPECT_EQ(c.Changes(), 2);
    return first;
  });
  ASSERT_TRUE(id.ok());
  auto& r = db_->Read();
  // Numbered placeholders, reused; NULL binds; text and integers come back as written.
  Stmt s(r, "SELECT id, name, created_at, member_state FROM users "
            "WHERE (?1 IS NULL OR role = ?1) AND id >= ?2 ORDER BY id");
  s.Bind(1, nullptr).Bind(2, *id);
  ASSERT_TRUE(s.Step());
  EXPECT_EQ(s.Int(0), *id);
  EXPECT_EQ(s.Text(1), "Ada!");
  EXPECT_EQ(s.Int(2), 1700000000);
  EXPECT_TRUE(s.IsNull(3));
  EXPECT_EQ(s.OptText(3), std::nullopt);
  ASSERT_TRUE(s.Step());
  EXPECT_EQ(s.Text(1), "Bo!");
  EXPECT_FALSE(s.Step());
  // A comparison reads as 0 or 1 on both.
  EXPECT_EQ(r.QueryInt("SELECT count(*) > 1 FROM users"), 1);
  EXPECT_EQ(r.QueryInt("SELECT count(*) = 0 FROM users"), 0);
}

TEST_P(Backends, BlobsAndTextKeepEveryByte) {
  const std::string bytes("\x00\x01\xff\xfe binary\n", 12);
  const std::string text = "Résumé — 概要 — موجز";
  auto ok = db_->Write<Ok>([&](Connection& c) -> Result<Ok> {
    Stmt s(c, "INSERT INTO secrets(name, value) VALUES(?, ?)");
    s.Bind(1, text).BindBlob(2, bytes);
    s.Step();
    return Ok{};
  });
  ASSERT_TRUE(ok.ok());
  Stmt s(db_->Read(), "SELECT name, value FROM secrets WHERE name = ?");
  s.Bind(1, text);
  ASSERT_TRUE(s.Step());
  EXPECT_EQ(s.Text(0), text);
  EXPECT_EQ(s.Text(1), bytes);
}

TEST_P(Backends, AFailedWriteChangesNothingAndOthersCommit) {
  std::vector<std::thread> threads;
  std::atomic<int> committed{0}, refused{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      auto r = db_->Write<Ok>([i](Connection& c) -> Result<Ok> {
        c.Exec("INSERT INTO users(email, name, role, password_hash, created_at) "
               "VALUES(?, 'N', 'admin', 'x', 0)",
               "u" + std::to_string(i) + "@example.int");
        if (i % 2) return Error{Code::kInvalidArgument, "odd", {}};
        return Ok{};
      });
      (r.ok() ? committed : refused)++;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(committed, 4);
  EXPECT_EQ(refused, 4);
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM users"), 4);
  // A statement that fails inside a write rolls back that write only (and the caller sees the
  // exception).
  EXPECT_THROW(db_->Write<Ok>([](Connection& c) -> Result<Ok> {
    c.Exec("INSERT INTO users(email, name, role, password_hash, created_at) "
           "VALUES('z@example.int', 'Z', 'admin', 'x', 0)");
    c.Exec("INSERT INTO users(email, name, role, password_hash, created_at) "
           "VALUES('z@example.int', 'Z', 'admin', 'x', 0)");  // UNIQUE
    return Ok{};
  }),
               std::exception);
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM users WHERE email = 'z@example.int'"), 0);
  auto good = db_->Write<Ok>([](Connection& c) -> Result<Ok> {
    c.Exec("INSERT INTO users(email, name, role, password_hash, created_at) "
           "VALUES('y@example.int', 'Y', 'admin', 'x', 0)");
    return Ok{};
  });
  EXPECT_TRUE(good.ok());
}

// Two servers on one PostgreSQL database whose writes lock the same rows in opposite orders:
// PostgreSQL breaks the deadlock by failing one transaction, and its writer runs that batch
// again, so that both writes commit and neither caller sees the deadlock.
TEST_P(Backends, WritesOfTwoServersThatDeadlockBothCommit) {
  if (GetParam() == Dialect::kSqlite) GTEST_SKIP() << "one writer per SQLite file: no deadlock";
  ASSERT_TRUE(db_->Write<Ok>([](Connection& c) -> Result<Ok> {
                c.Exec("CREATE TABLE pair(id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
                c.Exec("INSERT INTO pair(id, n) VALUES(1, 0), (2, 0)");
                return Ok{};
              }).ok());
  Database other(temp_->spec());
  // Each holds its first row until the other holds its own: the first attempts deadlock.
  std::atomic<int> holding{0};
  auto cross = [&](Database& db, int first, int second) {
    return db.Write<Ok>([&, first, second](Connection& c) -> Result<Ok> {
      c.Exec("UPDATE pair SET n = n + 1 WHERE id = ?", first);
      holding++;
      for (int i = 0; i < 200 && holding < 2; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      c.Exec("UPDATE pair SET n = n + 1 WHERE id = ?", second);
      return Ok{};
    });
  };
  std::string failed;
  std::mutex mu;
  auto run = [&](Database& db, int first, int second) {
    try {
      if (!cross(db, first, second).ok()) failed += "refused ";
    } catch (const std::exception& e) {
      std::lock_guard lock(mu);
      failed += e.what();
    }
  };
  std::thread a(run, std::ref(*db_), 1, 2), b(run, std::ref(other), 2, 1);
  a.join();
  b.join();
  EXPECT_EQ(failed, "");
  EXPECT_EQ(db_->Read().QueryInt("SELECT n FROM pair WHERE id = 1"), 2);
  EXPECT_EQ(db_->Read().QueryInt("SELECT n FROM pair WHERE id = 2"), 2);
  EXPECT_GE(db_->writer_stats().retried + other.writer_stats().retried, 1u);
}

TEST_P(Backends, TranslatedFunctionsAndUpsertAgree) {
  auto ok = db_->Write<Ok>([](Connection& c) -> Result<Ok> {
    c.Exec("INSERT INTO bodies(key, acronym, name, description, membership) "
           "VALUES('cwg', 'CWG', '{}', '{}', 'open')");
    std::int64_t body = c.LastInsertId();
    for (int n : {1, 2})
      c.Exec("INSERT INTO meetings(body_id, kind, number, title, starts_on, ends_on, timezone, "
             "mode) VALUES(?, 'working_group', ?, ?, '2024-01-01', '2024-01-01', 'UTC', "
             "'virtual')",
             body, n, "M" + std::to_string(n));
    std::int64_t meeting = c.LastInsertId();
    for (int k = 0; k < 2; ++k)
      c.Exec("INSERT INTO attendance(meeting_id, person_key, name, minutes, source) "
             "VALUES(?, 'p', 'P', ?, 'manual') ON CONFLICT(meeting_id, person_key) DO UPDATE "
             "SET minutes = attendance.minutes + excluded.minutes",
             meeting, 10);
    return Ok{};
  });
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  auto& r = db_->Read();
  EXPECT_EQ(r.QueryInt("SELECT minutes FROM attendance WHERE person_key = 'p'"), 20);
  Stmt s(r, "SELECT group_concat(title, char(10)) FROM (SELECT title FROM meetings ORDER BY "
            "number) t");
  ASSERT_TRUE(s.Step());
  EXPECT_EQ(s.Text(0), "M1\nM2");
  // An aggregate of JSON over no rows is an empty array on both (json_agg alone gives NULL).
  Stmt j(r, "SELECT json_group_array(json(title)) FROM meetings WHERE number > ?");
  j.Bind(1, 99);
  ASSERT_TRUE(j.Step());
  EXPECT_EQ(j.Text(0), "[]");
  auto now = r.QueryInt("SELECT unixepoch()");
  ASSERT_TRUE(now.has_value());
  EXPECT_GT(*now, 1700000000);
}

TEST_P(Backends, TheAuditLogIsAppendOnly) {
  auto ok = db_->Write<Ok>([](Connection& c) -> Result<Ok> {
    c.Exec("INSERT INTO audit_log(at, action, object_type) VALUES(0, 'x', 'y')");
    return Ok{};
  });
  ASSERT_TRUE(ok.ok());
  for (const char* sql : {"UPDATE audit_log SET action = 'z'", "DELETE FROM audit_log"}) {
    EXPECT_THROW(db_->Write<Ok>([sql](Connection& c) -> Result<Ok> {
      c.Exec(sql);
      return Ok{};
    }),
                 std::exception)
        << sql;
  }
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM audit_log WHERE action = 'x'"), 1);
}

// The cache of anonymous pages is valid while the generation holds: a transaction that wrote
// only unshown tables (queues, the search index) must leave it, one that wrote a shown table
// raise it, on both backends (PostgreSQL used to raise it on every COMMIT).
TEST_P(Backends, OnlyWritesToShownTablesRaiseTheGeneration) {
  db_->SetUnshownTables({"search_*", "mail_outbox"});
  auto write = [&](const char* sql) {
    ASSERT_TRUE(db_->Write<Ok>([sql](Connection& c) -> Result<Ok> {
                     c.Exec(sql);
                     return Ok{};
                   }).ok())
        << sql;
  };
  write("INSERT INTO search_queue(kind, ref_id, at) VALUES('response', 1, 0)");  // takes the list
  auto g = db_->Generation();
  write("INSERT INTO search_queue(kind, ref_id, at) VALUES('response', 2, 0)");
  write("DELETE FROM search_queue WHERE ref_id = 1");
  write("UPDATE stakeholder_types SET position = position WHERE key = 'no such type'");  // no row changed
  EXPECT_EQ(db_->Generation(), g) << "only unshown tables (or no row) changed";
  write("UPDATE stakeholder_types SET position = position WHERE key = 'individual'");
  EXPECT_GT(db_->Generation(), g) << "a shown table changed";
  g = db_->Generation();
  write("INSERT INTO search_log(kind, ref_id, at) VALUES('response', 2, 0)");
  EXPECT_EQ(db_->Generation(), g);
}

// A table's generation moves with the commits that changed that table only (or a table the
// writer could not name, such as a script's), on both backends: a cache of the questions must
// outlive the responses written meanwhile, and see a question added at once.
TEST_P(Backends, ATablesGenerationMovesOnlyWithItsTables) {
  auto write = [&](const std::function<void(Connection&)>& body) {
    ASSERT_TRUE(db_->Write<Ok>([&](Connection& c) -> Result<Ok> {
                     body(c);
                     return Ok{};
                   }).ok());
  };
  constexpr const char* kQueue = "INSERT INTO search_queue(kind, ref_id, at) VALUES('x', 1, 0)";
  write([&](Connection& c) { c.Exec(kQueue); });
  const auto g = TablesGeneration(*db_, {"questions", "stakeholder_types"});
  const auto shown = db_->Generation();
  write([&](Connection& c) {
    c.Exec("INSERT INTO audit_log(at, action, object_type) VALUES(0, 'x', 'y')");
    ExecDeferred(c, kQueue);
    c.Exec("UPDATE stakeholder_types SET position = position WHERE key = 'no such type'");
  });
  EXPECT_EQ(TablesGeneration(*db_, {"questions", "stakeholder_types"}), g)
      << "other tables (or no row of its own) changed";
  EXPECT_GT(db_->Generation(), shown) << "no table is declared unshown here";
  write([](Connection& c) {
    ExecDeferred(c, "UPDATE stakeholder_types SET position = position WHERE key = 'individual'");
  });
  EXPECT_GT(TablesGeneration(*db_, {"questions", "stakeholder_types"}), g)
      << "a deferred change of one of its tables";
  EXPECT_EQ(TablesGeneration(*db_, {"questions"}), 0u) << "no question changed";
  write([](Connection& c) { c.ExecScript("DELETE FROM search_queue"); });
  // SQLite's hook names the rows' table; PostgreSQL cannot tell what a script changed.
  EXPECT_EQ(TablesGeneration(*db_, {"questions"}) > 0, GetParam() == Dialect::kPostgres);
}

// Statements deferred by ExecDeferred (pipelined on PostgreSQL) run in order, before the next
// statement that waits for an answer; the first error fails the write that sent it, which
// changes nothing, while the other writes of the same batch commit; a deferred change of a
// shown table raises the generation.
TEST_P(Backends, DeferredStatementsRunInOrderAndTheirErrorsFailTheirWrite) {
  constexpr const char* kInsert =
      "INSERT INTO users(email, name, role, password_hash, created_at) "
      "VALUES(?, ?, 'admin', 'x', 0)";
  auto g = db_->Generation();
  auto ok = db_->Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    ExecDeferred(c, kInsert, "a@example.int", "A");
    ExecDeferred(c, "UPDATE users SET name = 'A2' WHERE email = 'a@example.int'");
    // A statement that waits for its answer sees the deferred ones done.
    return *c.QueryInt("SELECT count(*) FROM users WHERE name = 'A2'");
  });
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 1);
  EXPECT_GT(db_->Generation(), g) << "a deferred write to a shown table";
  // Deferred statements are the last of the write: the writer reads their answers.
  ASSERT_TRUE(db_->Write<Ok>([&](Connection& c) -> Result<Ok> {
                   ExecDeferred(c, kInsert, "b@example.int", "B");
                   return Ok{};
                 }).ok());
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM users WHERE email = 'b@example.int'"), 1);
  // Eight writes at once (one batch, or a few): the odd ones defer a duplicate e-mail address.
  std::vector<std::thread> threads;
  std::atomic<int> committed{0}, failed{0};
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&, i] {
      try {
        auto r = db_->Write<Ok>([&, i](Connection& c) -> Result<Ok> {
          std::string mine = "w" + std::to_string(i) + "@example.int";
          ExecDeferred(c, kInsert, mine, "W");
          ExecDeferred(c, kInsert, i % 2 ? "a@example.int" : "x" + mine, "W");  // odd: UNIQUE
          ExecDeferred(c, "UPDATE users SET name = 'W2' WHERE email = ?", mine);
          return Ok{};
        });
        (r.ok() ? committed : failed)++;
      } catch (const std::exception&) {
        ++failed;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(committed, 4);
  EXPECT_EQ(failed, 4);
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM users WHERE email LIKE 'w%'"), 4);
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM users WHERE name = 'W2'"), 4);
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM users WHERE email LIKE 'xw%'"), 4);
  // The connection is usable after a failed pipeline.
  EXPECT_TRUE(db_->Write<Ok>([&](Connection& c) -> Result<Ok> {
                   c.Exec(kInsert, "c@example.int", "C");
                   return Ok{};
                 }).ok());
  // A write alone in its transaction whose deferred statement fails: nothing of it is kept,
  // and the next write commits.
  EXPECT_ANY_THROW((void)db_->Write<Ok>([&](Connection& c) -> Result<Ok> {
    ExecDeferred(c, kInsert, "d@example.int", "D");
    ExecDeferred(c, kInsert, "c@example.int", "C");  // UNIQUE
    return Ok{};
  }));
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM users WHERE email = 'd@example.int'"), 0);
  // A write that returns an error after deferring statements that succeed keeps none of them.
  auto refused = db_->Write<Ok>([&](Connection& c) -> Result<Ok> {
    ExecDeferred(c, kInsert, "e@example.int", "E");
    return Error{Code::kInvalidArgument, "refused", {}};
  });
  EXPECT_FALSE(refused.ok());
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM users WHERE email = 'e@example.int'"), 0);
  EXPECT_TRUE(db_->Write<Ok>([&](Connection& c) -> Result<Ok> {
                   c.Exec(kInsert, "f@example.int", "F");
                   return Ok{};
                 }).ok());
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM users WHERE email = 'f@example.int'"), 1);
}

// One batch of writes queued in a known order (the first write holds the writer until the
// others wait): a write whose deferred statement fails, answered on PostgreSQL with the next
// write's first statement that waits for an answer, fails alone; the writes after it, whose
// statements did not run behind the error, run again and commit, with what they read right.
using plenary::testing::RunInOneBatch;

constexpr const char* kInsertUser =
    "INSERT INTO users(email, name, role, password_hash, created_at) VALUES(?, ?, 'admin', 'x', 0)";

// One batch of writes queued in a known order: a write whose deferred statement fails,
// answered on PostgreSQL with the next write's first statement that waits for an answer, fails
// alone; the writes after it, whose statements did not run behind the error, run again and
// commit, with what they read right.
TEST_P(Backends, AFailedWriteOfABatchLeavesTheWritesAfterItWhole) {
  ASSERT_TRUE(db_->Write<Ok>([&](Connection& c) -> Result<Ok> {
                   c.Exec(kInsertUser, "taken@example.int", "T");
                   return Ok{};
                 }).ok());
  std::atomic<int> third_runs{0};
  std::optional<Result<Ok>> first, second, fourth;
  std::optional<Result<std::int64_t>> third;
  std::exception_ptr second_threw;
  RunInOneBatch(*db_, {[&] {
                         first = db_->Write<Ok>([&](Connection& c) -> Result<Ok> {
                           ExecDeferred(c, kInsertUser, "first@example.int", "1");
                           return Ok{};
                         });
                       },
                       [&] {
                         try {
                           second = db_->Write<Ok>([&](Connection& c) -> Result<Ok> {
                             ExecDeferred(c, kInsertUser, "second@example.int", "2");
                             ExecDeferred(c, kInsertUser, "taken@example.int", "2");  // UNIQUE
                             return Ok{};
                           });
                         } catch (...) {
                           second_threw = std::current_exception();
                         }
                       },
                       [&] {
                         third = db_->Write<std::int64_t>(
                             [&](Connection& c) -> Result<std::int64_t> {
                               ++third_runs;
                               // Waits for an answer: on PostgreSQL, sent behind the second
                               // write's statements.
                               auto n = c.QueryInt(
                                   "SELECT count(*) FROM users WHERE name IN ('1', '2')");
                               c.Exec(kInsertUser, "third@example.int", "3");
                               return *n;
                             });
                       },
                       [&] {
                         fourth = db_->Write<Ok>([&](Connection& c) -> Result<Ok> {
                           ExecDeferred(c, kInsertUser, "fourth@example.int", "4");
                           return Ok{};
                         });
                       }});
  ASSERT_TRUE(first && first->ok());
  EXPECT_TRUE(second_threw) << "the second write's deferred statement failed";
  ASSERT_TRUE(third && third->ok());
  EXPECT_EQ(**third, 1) << "the first write's row, none of the second's";
  ASSERT_TRUE(fourth && fourth->ok());
  // PostgreSQL: the third write's first run read nothing (its statement did not run behind
  // the second's error) and ran again; SQLite ran the second's statements at once.
  EXPECT_EQ(third_runs, GetParam() == Dialect::kPostgres ? 2 : 1);
  Stmt s(db_->Read(), "SELECT email FROM users WHERE name IN ('1', '2', '3', '4') ORDER BY name");
  std::vector<std::string> stored;
  while (s.Step()) stored.push_back(s.Text(0));
  EXPECT_EQ(stored, (std::vector<std::string>{"first@example.int", "third@example.int",
                                              "fourth@example.int"}));
}

// A write of a batch that refuses before changing anything fails alone without the others
// running again; on PostgreSQL the batch's rows then share their transaction's id (no
// savepoint, whose writes would each draw a subtransaction's).
TEST_P(Backends, AWriteRefusedBeforeChangingAnythingLeavesItsBatchAsItRan) {
  std::atomic<int> runs[3] = {0, 0, 0};
  std::optional<Result<Ok>> results[3];
  auto write = [&](int i) {
    return [&, i] {
      results[i] = db_->Write<Ok>([&, i](Connection& c) -> Result<Ok> {
        ++runs[i];
        if (i == 1) {  // reads, then refuses
          if (c.QueryInt("SELECT count(*) FROM users WHERE email = 'r0@example.int'") != 1)
            return Error{Code::kInternal, "the first write's row unseen", {}};
          return Error{Code::kInvalidArgument, "refused", {}};
        }
        c.Exec(kInsertUser, "r" + std::to_string(i) + "@example.int", "R");
        return Ok{};
      });
    };
  };
  RunInOneBatch(*db_, {write(0), write(1), write(2)});
  ASSERT_TRUE(results[0] && results[0]->ok());
  ASSERT_TRUE(results[1]);
  EXPECT_EQ(results[1]->error().message, "refused");
  ASSERT_TRUE(results[2] && results[2]->ok());
  for (auto& n : runs) EXPECT_EQ(n, 1);
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM users WHERE name = 'R'"), 2);
  if (GetParam() == Dialect::kPostgres)
    EXPECT_EQ(db_->Read().QueryInt(
                  "SELECT count(DISTINCT CAST(CAST(xmin AS text) AS bigint)) FROM users "
                  "WHERE name = 'R'"),
              1);
}

// A write that goes on after one of its statements failed (it caught the error) fails alone:
// the others of its batch commit (on PostgreSQL its transaction can run nothing more after the
// error; SQLite carries on, and the write keeps what it did).
TEST_P(Backends, AWriteThatCatchesItsFailedStatementFailsAlone) {
  ASSERT_TRUE(db_->Write<Ok>([&](Connection& c) -> Result<Ok> {
                   c.Exec(kInsertUser, "held@example.int", "H");
                   return Ok{};
                 }).ok());
  std::optional<Result<Ok>> results[3];
  std::exception_ptr threw[3];
  auto write = [&](int i) {
    return [&, i] {
      try {
        results[i] = db_->Write<Ok>([&, i](Connection& c) -> Result<Ok> {
          c.Exec(kInsertUser, "c" + std::to_string(i) + "@example.int", "C");
          if (i == 1) try {
              c.Exec(kInsertUser, "held@example.int", "C");  // UNIQUE
            } catch (const std::exception&) {
            }
          return Ok{};
        });
      } catch (...) {
        threw[i] = std::current_exception();
      }
    };
  };
  RunInOneBatch(*db_, {write(0), write(1), write(2)});
  EXPECT_TRUE(results[0] && results[0]->ok());
  EXPECT_TRUE(results[2] && results[2]->ok());
  std::vector<std::string> stored;
  Stmt s(db_->Read(), "SELECT email FROM users WHERE name = 'C' ORDER BY email");
  while (s.Step()) stored.push_back(s.Text(0));
  if (GetParam() == Dialect::kPostgres) {
    EXPECT_TRUE(threw[1]) << "its transaction failed after the error";
    EXPECT_EQ(stored, (std::vector<std::string>{"c0@example.int", "c2@example.int"}));
  } else {
    EXPECT_TRUE(results[1] && results[1]->ok());
    EXPECT_EQ(stored,
              (std::vector<std::string>{"c0@example.int", "c1@example.int", "c2@example.int"}));
  }
}

}  // namespace
}  // namespace plenary::storage

// Upgrading a database made before the tables that later migrations rebuild (users in 0007,
// meetings in 0006): every row and every reference survives, and nobody is signed out. And the
// one series of migrations gives SQLite and PostgreSQL the same tables and columns.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/assets.h"
#include "base/random.h"
#include "storage/db.h"
#include "storage/postgres_testing.h"

namespace plenary::storage {
namespace {

TEST(Migrations, UpgradeFromVersion5KeepsRowsAndReferences) {
  InitCrypto();
  auto path = (std::filesystem::temp_directory_path() / ("plenary-mig-" + RandomToken(8) + ".db"))
                  .string();
  {
    // The schema as version 5 left it, with a little of everything that points at the tables
    // that are rebuilt later.
    Connection c(path, true);
    c.ExecScript("CREATE TABLE schema_migrations(version INTEGER PRIMARY KEY, "
                 "applied_at INTEGER NOT NULL)");
    for (int v = 1; v <= 5; ++v) {
      for (const auto& [name, sql] : assets::All())
        if (name.starts_with("src/storage/migrations/") &&
            std::stoi(std::string(name.substr(23, 4))) == v)
          c.ExecScript(ForDialect(sql, Dialect::kSqlite));
      c.Exec("INSERT INTO schema_migrations VALUES(?, 0)", v);
    }
    c.ExecScript(
        "INSERT INTO users VALUES(1, 'a@example.int', 'A', 'admin', 'x', 0);"
        "INSERT INTO sessions(token_hash, user_id, csrf, created_at, expires_at, last_seen) "
        "  VALUES('t', 1, 'c', 0, 9999999999, 0);"
        "INSERT INTO audit_log(at, user_id, action, object_type) VALUES(0, 1, 'x', 'y');"
        "INSERT INTO bodies VALUES(1, 'council', 'Council', '{}', '{}', 'member_states', 0);"
        "INSERT INTO meetings(id, body_id, kind, number, title, starts_on, ends_on, timezone, "
        "  mode) VALUES(4, 1, 'working_group', 16, '{}', '2021-09-23', '2021-09-23', 'UTC', "
        "  'virtual');"
        "INSERT INTO actions(meeting_id, number, kind, owner, text, created_at) "
        "  VALUES(4, '2.5.1', 'other', '{}', '{}', 0);");
  }
  {
    Database db(path);
    auto& r = db.Read();
    EXPECT_GE(db.SchemaVersion(), 9);
    EXPECT_EQ(r.QueryInt("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    EXPECT_EQ(r.QueryInt("PRAGMA foreign_keys"), 1);
    EXPECT_EQ(r.QueryInt("SELECT count(*) FROM sessions WHERE user_id = 1"), 1);
    EXPECT_EQ(r.QueryInt("SELECT count(*) FROM audit_log WHERE user_id = 1"), 1);
    EXPECT_EQ(r.QueryInt("SELECT meeting_id FROM actions WHERE number = '2.5.1'"), 4);
    // Its history starts at the meeting that approved it.
    EXPECT_EQ(r.QueryInt("SELECT count(*) FROM action_events e JOIN actions a ON a.id = "
                         "e.action_id WHERE a.number = '2.5.1' AND e.status = 'open' AND "
                         "e.meeting_id = 4"),
              1);
    EXPECT_EQ(r.QueryInt("SELECT count(*) FROM meetings WHERE id = 4 AND session = ''"), 1);
    // The rebuilt tables take what the new constraints allow, and still refuse the rest.
    auto ok = db.Write<Ok>([](Connection& c) -> Result<Ok> {
      c.Exec("INSERT INTO meetings(body_id, kind, number, session, title, starts_on, ends_on, "
             "timezone, mode) VALUES(1, 'plenary', 8, 'C22', '{}', '2022-03-29', '2022-03-29', "
             "'UTC', 'hybrid')");
      c.Exec("INSERT INTO users(email, name, role, password_hash, created_at) "
             "VALUES('p@example.int', 'P', 'public', 'x', 0)");
      return Ok{};
    });
    EXPECT_TRUE(ok.ok());
  }
  {
    Connection c(path, true);
    EXPECT_THROW(c.Exec("INSERT INTO actions(meeting_id, number, kind, owner, text, created_at) "
                        "VALUES(999, '1', 'other', '{}', '{}', 0)"),
                 std::exception)
        << "foreign keys are enforced again after the rebuild";
    EXPECT_THROW(c.Exec("INSERT INTO users(email, name, role, password_hash, created_at) "
                        "VALUES('k@example.int', 'K', 'king', 'x', 0)"),
                 std::exception);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

// A migration merged after a later-numbered one (0016 landed after 0017) still reaches a
// database that already has the later one: every version not recorded is applied, in order.
TEST(Migrations, AppliesAGapBelowTheHighestVersion) {
  InitCrypto();
  auto path = (std::filesystem::temp_directory_path() / ("plenary-gap-" + RandomToken(8) + ".db"))
                  .string();
  constexpr int kGap = 16;
  {
    Connection c(path, true);
    c.ExecScript("CREATE TABLE schema_migrations(version INTEGER PRIMARY KEY, "
                 "applied_at INTEGER NOT NULL)");
    for (const auto& [name, sql] : assets::All()) {
      if (!name.starts_with("src/storage/migrations/")) continue;
      const int v = std::stoi(std::string(name.substr(23, 4)));
      if (v == kGap) continue;
      if (sql.starts_with("-- migrate: foreign_keys off")) c.ExecScript("PRAGMA foreign_keys=OFF");
      c.ExecScript(ForDialect(sql, Dialect::kSqlite));
      c.ExecScript("PRAGMA foreign_keys=ON");
      c.Exec("INSERT INTO schema_migrations VALUES(?, 0)", v);
    }
    ASSERT_EQ(c.QueryInt("SELECT count(*) FROM sqlite_master WHERE name = 'proposals'"), 0);
  }
  {
    Database db(path);
    auto& r = db.Read();
    EXPECT_EQ(r.QueryInt("SELECT count(*) FROM schema_migrations WHERE version = ?", kGap), 1);
    EXPECT_EQ(r.QueryInt("SELECT count(*) FROM sqlite_master WHERE name = 'proposals'"), 1);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

// Table → its columns in order, each with its kind: integer, real, text or blob.
using Schema = std::map<std::string, std::vector<std::pair<std::string, std::string>>>;

std::string Kind(std::string declared) {
  for (char& ch : declared) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (declared == "integer" || declared == "bigint") return "integer";
  if (declared == "text") return "text";
  if (declared == "blob" || declared == "bytea") return "blob";
  if (declared == "real" || declared == "double precision") return "real";
  return "unexpected type " + declared;
}

Schema SchemaOf(Connection& c) {
  Schema schema;
  // SQLite's full-text index (search_fts_* and the tables FTS5 keeps for them, and the lists of
  // frequent terms beside them: search_terms, search_top*, migration 0043) exists on SQLite
  // only; docs/STORAGE.md says what PostgreSQL does instead.
  const char* sql =
      c.dialect() == Dialect::kSqlite
          ? "SELECT m.name, p.name, p.type FROM sqlite_master m, pragma_table_info(m.name) p "
            "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%' AND "
            "m.name NOT LIKE 'search_fts%' AND m.name NOT LIKE 'search_top%' AND "
            "m.name != 'search_terms' ORDER BY m.name, p.cid"
          : "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position";
  Stmt s(c, sql);
  while (s.Step()) schema[s.Text(0)].emplace_back(s.Text(1), Kind(s.Text(2)));
  return schema;
}

TEST(Migrations, SqliteAndPostgresGetTheSameTablesAndColumns) {
  PLENARY_REQUIRE_POSTGRES();
  InitCrypto();
  auto path = (std::filesystem::temp_directory_path() / ("plenary-mig-" + RandomToken(8) + ".db"))
                  .string();
  Schema sqlite, postgres;
  {
    Database db(path);
    sqlite = SchemaOf(db.Read());
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  {
    plenary::testing::TempPostgres pg;
    Database db(pg.spec());
    EXPECT_EQ(db.SchemaVersion(), Database(path).SchemaVersion());
    postgres = SchemaOf(db.Read());
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  EXPECT_GE(sqlite.size(), 30u);
  ASSERT_TRUE(sqlite.contains("users"));
  EXPECT_EQ(sqlite["users"].back().first, "language");  // the last column added (0027)
  for (const auto& [table, columns] : sqlite) {
    ASSERT_TRUE(postgres.contains(table)) << table << " is missing on PostgreSQL";
    EXPECT_EQ(postgres[table], columns) << table;
  }
  for (const auto& [table, columns] : postgres)
    EXPECT_TRUE(sqlite.contains(table)) << table << " is missing on SQLite";
}

// Each submission writes one entry per index of `responses`: the index that was only a prefix
// of responses_by_consultation_order is gone (migration 0036), and the queries of a
// consultation's responses search the longer one with the same terms.
TEST(Migrations, ResponsesOfAConsultationAreSearchedByTheOrderIndex) {
  InitCrypto();
  auto path = (std::filesystem::temp_directory_path() / ("plenary-mig-" + RandomToken(8) + ".db"))
                  .string();
  {
    Database db(path);
    auto& r = db.Read();
    EXPECT_EQ(r.QueryInt("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = "
                         "'responses_by_consultation'"),
              0);
    for (const char* sql :
         {"SELECT id FROM responses WHERE consultation_id = 1 AND status = 'rejected'",
          "SELECT count(*) FROM responses WHERE consultation_id = 1 AND status <> 'rejected' "
          "AND email_confirmed_at IS NULL",
          "SELECT id FROM responses WHERE consultation_id = 1 AND status = 'accepted' "
          "AND consent_publish = 1"}) {
      Stmt plan(r, std::string("EXPLAIN QUERY PLAN ") + sql);
      std::string details;
      while (plan.Step()) details += plan.Text(3) + "\n";
      EXPECT_NE(details.find("INDEX responses_by_consultation_order (consultation_id=?"),
                std::string::npos)
          << sql << "\n" << details;
    }
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

}  // namespace
}  // namespace plenary::storage

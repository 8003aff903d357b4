// A fresh, empty PostgreSQL database for one test, made in the cluster that
// $PLENARY_TEST_POSTGRES names (scripts/pg-test-cluster.sh starts one and sets it; scripts/test.sh
// runs the storage tests under it) and dropped at the end. Only unit tests include this header.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "base/random.h"
#include "storage/db.h"

namespace plenary::testing {

// The connection string of the test cluster's maintenance database, or "" when none is set.
inline std::string PostgresCluster() {
  const char* env = std::getenv("PLENARY_TEST_POSTGRES");
  return env ? env : "";
}

class TempPostgres {
 public:
  // Requires PostgresCluster() to be set (tests skip before making one otherwise).
  TempPostgres() : name_("plenary_t_" + ToLower(RandomToken(10))) {
    storage::Connection admin(PostgresCluster(), true);
    admin.ExecScript("CREATE DATABASE " + name_);
    spec_ = PostgresCluster() + " dbname=" + name_;  // a later keyword wins in libpq
  }
  ~TempPostgres() {
    try {
      storage::Connection admin(PostgresCluster(), true);
      admin.ExecScript("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception& e) {
      ADD_FAILURE() << "dropping " << name_ << ": " << e.what();
    }
  }
  TempPostgres(const TempPostgres&) = delete;
  TempPostgres& operator=(const TempPostgres&) = delete;
  const std::string& spec() const { return spec_; }

 private:
  static std::string ToLower(std::string s) {
    for (char& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      else if (c == '-') c = '_';
    return s;
  }
  std::string name_, spec_;
};

// A fresh database on either backend for one test, by its connection string: a temporary SQLite
// file (removed with its log at the end) or a TempPostgres. Destroy every storage::Database
// opened on it first. On PostgreSQL, call PLENARY_REQUIRE_POSTGRES() before making one.
class TempDatabase {
 public:
  TempDatabase(storage::Dialect dialect, const std::string& prefix) {
    if (dialect == storage::Dialect::kPostgres) {
      pg_ = std::make_unique<TempPostgres>();
      spec_ = pg_->spec();
    } else {
      file_ = (std::filesystem::temp_directory_path() / (prefix + RandomToken(8) + ".db")).string();
      spec_ = "sqlite:" + file_;
    }
  }
  ~TempDatabase() {
    if (!file_.empty())
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file_ + suffix);
  }
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;
  const std::string& spec() const { return spec_; }

 private:
  std::unique_ptr<TempPostgres> pg_;
  std::string file_, spec_;
};

// Runs `writes` (each calls db.Write once) in one batch of the writer, queued in their order:
// a first write holds the writer until all of them wait behind it.
inline void RunInOneBatch(storage::Database& db, const std::vector<std::function<void()>>& writes) {
  std::atomic<bool> holding{false}, release{false};
  std::vector<std::thread> threads;
  threads.emplace_back([&] {
    (void)db.Write<Ok>([&](storage::Connection&) -> Result<Ok> {
      holding = true;
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      return Ok{};
    });
  });
  for (int i = 0; i < 10000 && !holding; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  EXPECT_TRUE(holding);
  for (std::size_t n = 1; n <= writes.size(); ++n) {
    threads.emplace_back(writes[n - 1]);
    for (int i = 0; i < 10000 && db.writer_stats().queued < n; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    EXPECT_EQ(db.writer_stats().queued, n);
  }
  auto transactions = db.writer_stats().transactions;
  release = true;
  for (auto& t : threads) t.join();
  EXPECT_EQ(db.writer_stats().transactions, transactions + 2) << "the writes in one batch";
}

}  // namespace plenary::testing

// Skips the running test when no test cluster is set (a developer's plain run of plenary_tests);
// scripts/test.sh always sets one.
#define PLENARY_REQUIRE_POSTGRES()                                                      \
  if (::plenary::testing::PostgresCluster().empty())                                    \
  GTEST_SKIP() << "no PostgreSQL cluster: run under scripts/pg-test-cluster.sh"

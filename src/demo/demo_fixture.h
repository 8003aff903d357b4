// For unit tests: a fresh SQLite file with the demo corpus loaded and a secretariat user
// (id kDemoSecretariat), removed after each test. Header-only; include it from *_test.cc only.
#pragma once
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "base/random.h"
#include "demo/demo.h"
#include "storage/db.h"

namespace plenary::demo {

inline constexpr std::int64_t kDemoSecretariat = 7;

class DemoDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InitCrypto();
    path_ = std::filesystem::temp_directory_path() / ("plenary-demo-" + RandomToken(8) + ".db");
    db_ = std::make_unique<storage::Database>(path_.string());
    ASSERT_TRUE(Load(*db_).ok());
    ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                     c.Exec("INSERT INTO users(id, email, name, role, password_hash, created_at) "
                            "VALUES(?, 'sec@example.int', 'Secretariat', 'secretariat', 'x', 0)",
                            kDemoSecretariat);
                     return Ok{};
                   })
                    .ok());
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }

  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
};

}  // namespace plenary::demo

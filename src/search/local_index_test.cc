// The search of a PostgreSQL deployment: each server's own SQLite index (LocalIndex) follows the
// shared database, sees what another server indexed, is rebuilt when missing, made for another
// database or behind a pruned log, and answers exactly as SQLite's own index does.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "base/random.h"
#include "search/search.h"
#include "storage/db.h"
#include "storage/postgres_testing.h"

namespace plenary::search {
namespace {

class LocalIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InitCrypto();
    PLENARY_REQUIRE_POSTGRES();
    pg_ = std::make_unique<plenary::testing::TempPostgres>();
    // Two servers on one database.
    a_ = std::make_unique<storage::Database>(pg_->spec());
    b_ = std::make_unique<storage::Database>(pg_->spec());
    sqlite_ = std::make_unique<storage::Database>("sqlite:" + File("sqlite"));
    sources_["note"] = [this](storage::Connection&, std::int64_t id) {
      auto it = notes_.find(id);
      return it == notes_.end() ? std::vector<Doc>{} : it->second;
    };
  }
  void TearDown() override {
    index_a_.reset();
    index_b_.reset();
    a_.reset();
    b_.reset();
    sqlite_.reset();
    pg_.reset();
    for (const auto& f : files_)
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(f + suffix);
  }
  std::string File(const std::string& name) {
    files_.push_back((std::filesystem::temp_directory_path() /
                      ("plenary-li-" + name + "-" + RandomToken(8) + ".db"))
                         .string());
    return files_.back();
  }
  // A note in the given languages, queued on `db` and on the SQLite reference.
  void Note(storage::Database& db, std::int64_t id,
            const std::vector<std::pair<std::string, std::string>>& versions) {
    notes_[id].clear();
    for (const auto& [lang, text] : versions)
      notes_[id].push_back(Doc{lang, std::nullopt, std::nullopt, "2022-01-01",
                               "/notes/" + std::to_string(id), "Note " + lang, text});
    for (auto* d : {&db, sqlite_.get()})
      ASSERT_TRUE(d->Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
                     Enqueue(c, "note", id);
                     return Ok{};
                   }).ok());
  }
  void IndexAll() {
    for (auto* d : {a_.get(), b_.get(), sqlite_.get()})
      while (IndexBatch(*d, sources_) > 0) {
      }
  }
  static void Follow(LocalIndex& index) {
    for (int i = 0; i < 10 && index.Behind() > 0; ++i) index.CatchUp();
    ASSERT_EQ(index.Behind(), 0);
  }
  // The hits as a comparable text: kind, id, language, title, snippet and score of each.
  static std::string Hits(storage::Database& db, const std::string& q) {
    auto r = Search(db, {.q = q});
    if (!r.ok()) return "error: " + r.error().message;
    std::string out;
    for (const auto& h : r->items)
      out += h.kind + " " + std::to_string(h.ref_id) + " " + h.language + " " + h.title + " | " +
             h.snippet_html + " | " + std::to_string(h.score) + "\n";
    return out;
  }

  std::unique_ptr<plenary::testing::TempPostgres> pg_;
  std::unique_ptr<storage::Database> a_, b_, sqlite_;
  std::unique_ptr<LocalIndex> index_a_, index_b_;
  std::vector<std::string> files_;
  std::map<std::int64_t, std::vector<Doc>> notes_;
  Sources sources_;
};

TEST_F(LocalIndexTest, WithoutALocalIndexSearchOnPostgresqlIsRefused) {
  auto r = Search(*a_, {.q = "internet"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Code::kResourceExhausted);
}

TEST_F(LocalIndexTest, EveryServerSeesWhatAnyServerIndexedAndAnswersAsSqlite) {
  index_a_ = std::make_unique<LocalIndex>(*a_, File("a"));
  index_b_ = std::make_unique<LocalIndex>(*b_, File("b"));
  Note(*a_, 1, {{"en", "The open internet and its governance"}, {"fr", "L'internet ouvert"}});
  Note(*b_, 2, {{"en", "Internet governance forums meet every year"}});
  Note(*a_, 3, {{"zh", "互联网治理论坛每年举行"}});
  IndexAll();
  Follow(*index_a_);
  Follow(*index_b_);
  for (const char* q : {"internet", "governance", "ouvert", "互联网", "forums"}) {
    std::string expected = Hits(*sqlite_, q);
    ASSERT_FALSE(expected.empty()) << q;
    EXPECT_EQ(Hits(*a_, q), expected) << q;
    EXPECT_EQ(Hits(*b_, q), expected) << q;
  }
  // A change made through b replaces the old text in a's index too.
  Note(*b_, 1, {{"en", "Spectrum for satellites"}});
  IndexAll();
  Follow(*index_a_);
  EXPECT_EQ(Hits(*a_, "ouvert"), "");
  EXPECT_EQ(Hits(*a_, "satellites"), Hits(*sqlite_, "satellites"));
  EXPECT_EQ(Lag(*a_), 0);
}

TEST_F(LocalIndexTest, AMissingFileOrOneOfAnotherDatabaseIsRebuilt) {
  std::string path = File("a");
  Note(*a_, 1, {{"en", "The open internet"}});
  IndexAll();
  {
    LocalIndex index(*a_, path);
    Follow(index);
    EXPECT_EQ(Hits(*a_, "internet"), Hits(*sqlite_, "internet"));
  }
  Note(*a_, 2, {{"en", "Internet exchange points"}});
  IndexAll();
  // Kept: the file resumes where it was and applies what it missed.
  {
    LocalIndex index(*a_, path);
    Follow(index);
    EXPECT_EQ(Hits(*a_, "internet"), Hits(*sqlite_, "internet"));
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  {
    LocalIndex index(*a_, path);  // missing: rebuilt from search_docs
    EXPECT_GT(Lag(*a_), 0) << "nothing searchable before the rebuild";
    Follow(index);
    EXPECT_EQ(Hits(*a_, "exchange"), Hits(*sqlite_, "exchange"));
  }
  // The same file given to a server of another database: rebuilt for that one.
  plenary::testing::TempPostgres other_pg;
  storage::Database other(other_pg.spec());
  {
    LocalIndex index(other, path);
    Follow(index);
    EXPECT_EQ(Hits(other, "internet"), "");
  }
}

TEST_F(LocalIndexTest, AnIndexBehindAPrunedLogIsRebuilt) {
  std::string path = File("a");
  Note(*a_, 1, {{"en", "The open internet"}});
  IndexAll();
  {
    LocalIndex index(*a_, path);
    Follow(index);
  }
  Note(*a_, 2, {{"en", "Internet exchange points"}});
  IndexAll();
  // The log entry of note 2 is deleted before this file applied it.
  EXPECT_EQ(PruneLog(*a_, 4102444800), 2);
  LocalIndex index(*a_, path);
  Follow(index);
  EXPECT_EQ(Hits(*a_, "exchange"), Hits(*sqlite_, "exchange"));
  EXPECT_NE(Hits(*a_, "exchange"), "");
}

}  // namespace
}  // namespace plenary::search

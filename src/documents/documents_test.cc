// Unit tests of documents: symbols, access, relations, files and "cited by", on a real SQLite file.
#include "documents/documents.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <set>

#include "base/random.h"
#include "documents/resolutions.h"
#include "text/messages.h"

namespace plenary::documents {
namespace {

namespace json = boost::json;

class DocumentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InitCrypto();
    path_ = std::filesystem::temp_directory_path() / ("plenary-doc-" + RandomToken(8) + ".db");
    db_ = std::make_unique<storage::Database>(path_.string());
    ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                     c.Exec("INSERT INTO users(id, email, name, role, password_hash, created_at) "
                            "VALUES(7, 'sec@example.int', 'Secretariat', 'secretariat', 'x', 0)");
                     c.Exec("INSERT INTO bodies(id, key, acronym, name, description, membership) "
                            "VALUES(1, 'council', 'Council', '{\"en\":\"Council\"}', '{}', "
                            "'member_states')");
                     return Ok{};
                   })
                    .ok());
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }

  static DocumentInput Valid(const std::string& symbol, const std::string& access = "public") {
    DocumentInput in;
    in.symbol = symbol;
    in.body = "council";
    in.title = json::object{{"en", "Guidelines"}, {"zh", "导则"}};
    in.date = "2022-02-08";
    in.source_kind = "secretariat";
    in.access = access;
    return in;
  }

  Document Make(const DocumentInput& in) {
    auto d = Create(*db_, kUser, in);
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().message);
    return d.ok() ? *d : Document{};
  }

  std::int64_t Count(const char* table) {
    return db_->Read().QueryInt(std::string("SELECT count(*) FROM ") + table).value_or(-1);
  }

  static Viewer Staff() {
    accounts::Session s;
    s.user = {7, "sec@example.int", "Sec", "secretariat", std::nullopt, true};
    s.csrf = "x";
    return s;
  }
  static Viewer Anonymous() { return std::nullopt; }

  static constexpr std::int64_t kUser = 7;
  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
};

TEST_F(DocumentTest, StoresTheSymbolCanonicallyAndOnce) {
  Document d = Make(Valid(" C22/32 (Rev. 1) "));
  EXPECT_EQ(d.symbol, "C22/32(Rev.1)");
  // Any accepted spelling finds it; a second document with the same symbol is refused.
  EXPECT_TRUE(Get(*db_, "C22/32 (Rev.1)", Anonymous()).ok());
  EXPECT_TRUE(Get(*db_, std::to_string(d.id), Anonymous()).ok());
  auto again = Create(*db_, kUser, Valid("C22/32(Rev.1)"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, Code::kConflict);
  EXPECT_EQ(again.error().field, "symbol");
  EXPECT_EQ(Count("documents"), 1);
}

TEST_F(DocumentTest, RecordsTheResolutionsAndDocumentsItCitesButNotDecisions) {
  // The citations table holds resolutions and documents only: a decision or a recommendation
  // in the summary must not make the creation fail.
  auto in = Valid("C22/40");
  in.summary = json::object{
      {"en", "Under Decision 5 (Rev. Busan, 2014), Resolution 71 (Rev. Dubai, 2018) and "
             "Recommendation ITU-T X.509, see C22/32."}};
  auto d = Create(*db_, kUser, in);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM citations WHERE kind = 'resolution'")
                .value_or(-1),
            1);
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM citations WHERE kind = 'document'")
                .value_or(-1),
            1);
  EXPECT_EQ(Count("citations"), 2);
}

TEST_F(DocumentTest, RefusesALanguageSuffixInTheSymbol) {
  auto d = Create(*db_, kUser, Valid("C22/33-E"));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().field, "symbol");
  EXPECT_NE(d.error().message.find("language suffix"), std::string::npos) << d.error().message;
}

TEST_F(DocumentTest, EachBadFieldIsNamedAndNothingIsWritten) {
  struct Case {
    std::string field;
    std::function<void(DocumentInput&)> spoil;
  };
  const std::vector<Case> cases = {
      {"symbol", [](DocumentInput& in) { in.symbol = "C22/033"; }},
      {"symbol", [](DocumentInput& in) { in.symbol = ""; }},
      {"title", [](DocumentInput& in) { in.title = json::object{}; }},
      {"title", [](DocumentInput& in) { in.title = json::object{{"de", "Richtlinien"}}; }},
      {"date", [](DocumentInput& in) { in.date = "2022-02-30"; }},
      {"date", [](DocumentInput& in) { in.date = ""; }},
      {"source_kind", [](DocumentInput& in) { in.source_kind = "delegate"; }},
      {"source", [](DocumentInput& in) { in.source_kind = "member_state"; }},
      {"access", [](DocumentInput& in) { in.access = ""; }},
      {"access", [](DocumentInput& in) { in.access = "private"; }},
      {"status", [](DocumentInput& in) { in.status = "final"; }},
      {"body", [](DocumentInput& in) { in.body = "no-such-body"; }},
      {"relations.1.kind",
       [](DocumentInput& in) { in.relations = std::vector<RelationInput>{{"replaces", "C22/1"}}; }},
      {"relations.1.symbol",
       [](DocumentInput& in) { in.relations = std::vector<RelationInput>{{"revises", "C22/1"}}; }},
      {"relations.1.symbol",
       [](DocumentInput& in) { in.relations = std::vector<RelationInput>{{"revises", "C22/X"}}; }},
  };
  for (const auto& c : cases) {
    DocumentInput in = Valid("C22/32");
    c.spoil(in);
    auto d = Create(*db_, kUser, in);
    ASSERT_FALSE(d.ok()) << c.field;
    EXPECT_EQ(d.error().field, c.field) << d.error().message;
    EXPECT_TRUE(d.error().message.starts_with(c.field)) << d.error().message;
  }
  EXPECT_EQ(Count("documents"), 0);
  EXPECT_EQ(Count("audit_log"), 0);
  EXPECT_EQ(Count("search_queue"), 0);
}

TEST_F(DocumentTest, RestrictedDocumentsAreInvisibleToAnonymousReaders) {
  Document pub = Make(Valid("C22/32(Rev.1)"));
  DocumentInput secret = Valid("C22/DT/5", "member_states");
  secret.title = json::object{{"en", "Compilation of proposals on Document C22/32(Rev.1)"}};
  Document dt = Make(secret);
  ASSERT_TRUE(UploadFile(*db_, kUser, "C22/DT/5", {"en", "p.txt", "Proposals\n"}, Limits{}).ok());

  // Anonymous: the same answer as for a document that does not exist.
  auto hidden = Get(*db_, "C22/DT/5", Anonymous());
  auto missing = Get(*db_, "C22/DT/6", Anonymous());
  ASSERT_FALSE(hidden.ok());
  EXPECT_EQ(hidden.error().code, Code::kNotFound);
  EXPECT_EQ(hidden.error().message, "document C22/DT/5: no such document");
  EXPECT_EQ(missing.error().message, "document C22/DT/6: no such document");
  EXPECT_FALSE(Get(*db_, std::to_string(dt.id), Anonymous()).ok());
  EXPECT_EQ(GetFile(*db_, "C22/DT/5", "en", Anonymous()).error().code, Code::kNotFound);
  auto list = List(*db_, {}, Anonymous());
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().symbol, "C22/32(Rev.1)");
  EXPECT_TRUE(CitedBy(*db_, pub, Anonymous()).empty());
  text::Citation cit;
  cit.kind = "document";
  cit.symbol = "C22/DT/5";
  EXPECT_FALSE(DocumentUrl(*db_, cit));
  EXPECT_FALSE(CanSee(Anonymous(), "member_states"));
  EXPECT_FALSE(CanSee(Anonymous(), "secretariat"));

  // Staff see everything.
  auto seen = Get(*db_, "C22/DT/5", Staff());
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->access, "member_states");
  ASSERT_EQ(seen->files.size(), 1u);
  auto file = GetFile(*db_, "C22/DT/5", "en", Staff());
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->data, "Proposals\n");
  EXPECT_EQ(List(*db_, {}, Staff())->size(), 2u);
  auto cited = CitedBy(*db_, pub, Staff());
  ASSERT_EQ(cited.size(), 1u);
  EXPECT_EQ(cited[0].label, "C22/DT/5");
  EXPECT_EQ(DocumentUrl(*db_, cit, Staff()).value_or(""), "/documents/" + std::to_string(dt.id));
  // Only public documents go to the search index.
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM search_queue WHERE ref_id = ?", dt.id), 0);
}

TEST_F(DocumentTest, ARevisionRevisesAndSupersedesTheOriginal) {
  Document original = Make(Valid("C22/32"));
  EXPECT_EQ(original.status, "issued");
  Document rev = Make(Valid("C22/32(Rev.1)"));  // the relation is read from the symbol
  ASSERT_EQ(rev.relations.size(), 1u);
  EXPECT_EQ(rev.relations[0].kind, "revises");
  EXPECT_EQ(rev.relations[0].symbol, "C22/32");
  auto now = Get(*db_, "C22/32", Anonymous());
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(now->status, "superseded");
  ASSERT_EQ(now->related_by.size(), 1u);
  EXPECT_EQ(now->related_by[0].symbol, "C22/32(Rev.1)");
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM audit_log WHERE action = 'document.supersede' "
                                 "AND object_id = ?",
                                 original.id),
            1);
  // Explicit relations win; an addendum adds to its document.
  DocumentInput add = Valid("C22/32(Add.1)");
  Document addendum = Make(add);
  ASSERT_EQ(addendum.relations.size(), 1u);
  EXPECT_EQ(addendum.relations[0].kind, "adds_to");
  DocumentInput none = Valid("C22/32(Corr.1)");
  none.relations = std::vector<RelationInput>{};
  EXPECT_TRUE(Make(none).relations.empty());
}

TEST_F(DocumentTest, FilesAreJudgedByContentAndLimited) {
  Make(Valid("C22/33"));
  Limits limits;
  limits.max_file_bytes = 64;
  auto png = UploadFile(*db_, kUser, "C22/33",
                        {"en", "x.pdf", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)}, limits);
  ASSERT_FALSE(png.ok());
  EXPECT_EQ(png.error().field, "file");
  auto lang = UploadFile(*db_, kUser, "C22/33", {"de", "x.txt", "Text\n"}, limits);
  EXPECT_EQ(lang.error().field, "language");
  auto big = UploadFile(*db_, kUser, "C22/33", {"en", "x.txt", std::string(65, 'a')}, limits);
  EXPECT_EQ(big.error().code, Code::kTooLarge);
  EXPECT_EQ(UploadFile(*db_, kUser, "C22/99", {"en", "x.txt", "Text\n"}, limits).error().code,
            Code::kNotFound);
  EXPECT_EQ(Count("document_files"), 0);
  auto ok = UploadFile(*db_, kUser, "C22/33", {"zh", "x.txt", "文本\n"}, limits);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->media_type, "text/plain");
  // Uploading again replaces the language version.
  ASSERT_TRUE(UploadFile(*db_, kUser, "C22/33", {"zh", "y.txt", "新文本\n"}, limits).ok());
  EXPECT_EQ(Count("document_files"), 1);
  EXPECT_EQ(GetFile(*db_, "C22/33", "zh", Anonymous())->data, "新文本\n");
  EXPECT_EQ(DownloadName("C22/32(Rev.1)", "zh", "text/plain"), "C22-32(Rev.1)-C.txt");
  EXPECT_EQ(DownloadName("CWG-Internet 16/1", "en", "application/pdf"), "CWG-Internet_16-1-E.pdf");
}

TEST_F(DocumentTest, ListsInNaturalOrderWithFilters) {
  for (const char* s : {"C22/33", "C22/8", "C22/DT/5", "C22/18"}) Make(Valid(s));
  auto all = List(*db_, {}, Anonymous());
  std::vector<std::string> symbols;
  for (const auto& d : *all) symbols.push_back(d.symbol);
  EXPECT_EQ(symbols, (std::vector<std::string>{"C22/8", "C22/18", "C22/33", "C22/DT/5"}));
  EXPECT_EQ(List(*db_, {std::nullopt, "C22/3", std::nullopt}, Anonymous())->size(), 1u);
  EXPECT_EQ(List(*db_, {"council", std::nullopt, std::nullopt}, Anonymous())->size(), 4u);
  EXPECT_EQ(List(*db_, {"nobody", std::nullopt, std::nullopt}, Anonymous()).error().field, "body");
}

TEST_F(DocumentTest, DemoDocumentsLoadOnceWithTheirRelations) {
  for (int i = 0; i < 2; ++i)
    ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                     if (auto s = LoadRegistry(c); !s.ok()) return s.error();
                     return LoadDemoDocuments(c);
                   }).ok());
  EXPECT_EQ(Count("documents"), 12);
  EXPECT_EQ(Get(*db_, "C22/32", Anonymous())->status, "superseded");
  EXPECT_EQ(Get(*db_, "C22/18", Anonymous())->status, "superseded");
  EXPECT_EQ(Get(*db_, "C22/18(Rev.1)", Anonymous())->relations.at(0).symbol, "C22/18");
  EXPECT_EQ(Get(*db_, "C22/32(Rev.1)", Anonymous())->relations.at(0).symbol, "C22/32");
  EXPECT_FALSE(Get(*db_, "C22/DT/5", Anonymous()).ok());
  EXPECT_EQ(Get(*db_, "C22/DT/5", Staff())->files.size(), 1u);
  EXPECT_EQ(Get(*db_, "C22/51", Anonymous())->files.at(0).language, "zh");
  EXPECT_EQ(Get(*db_, "C22/71", Anonymous())->source_kind, "member_state");
  // C22/71 cites the revision; the restricted compilation does too, for staff only.
  auto rev = *Get(*db_, "C22/32(Rev.1)", Staff());
  auto anon = CitedBy(*db_, rev, Anonymous());
  ASSERT_EQ(anon.size(), 2u);
  std::set<std::string> labels;
  for (const auto& c : anon) labels.insert(c.label);
  EXPECT_EQ(labels, (std::set<std::string>{"C22/71", "C22/87"}));
  EXPECT_EQ(CitedBy(*db_, rev, Staff()).size(), 3u);
}

// The upload's help names the formats its refusal of a wrong type names (PDF, DOCX, ODT; plain
// text is worded in each language): a format taken but left out of the help is never tried.
TEST(DocumentUploadHelp, NamesEveryFormatTheUploadTakesInEveryLanguage) {
  for (const char* lang : {"en", "fr", "es", "ru", "zh", "ar"}) {
    const std::string help = text::T(lang, "doc_upload_help", {{"mb", std::int64_t{20}}});
    const std::string refusal = text::T(lang, "form_error_file_type_field",
                                        {{"field", "F"}, {"name", "x.png"}});
    for (const char* format : {"PDF", "DOCX", "ODT"}) {
      EXPECT_NE(refusal.find(format), std::string::npos) << lang << " refusal lacks " << format;
      EXPECT_NE(help.find(format), std::string::npos) << lang << " help lacks " << format;
    }
  }
}

}  // namespace
}  // namespace plenary::documents

// The analyzer as an SQLite FTS5 custom tokenizer, registered through fts5_api version 2.
#include "storage/fts5_tokenizer.h"

#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "text/analyzer.h"

namespace plenary::storage {
namespace {

// One per FTS5 table: the language named in its `tokenize` option.
struct Tokenizer {
  std::string lang;
};

int Create(void* /*context*/, const char** argv, int argc, Fts5Tokenizer** out) {
  *out = nullptr;
  if (argc > 1) return SQLITE_ERROR;  // 'plenary' or 'plenary <lang>'
  try {
    *out = reinterpret_cast<Fts5Tokenizer*>(new Tokenizer{argc == 1 ? argv[0] : ""});
    return SQLITE_OK;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  }
}

void Delete(Fts5Tokenizer* tokenizer) { delete reinterpret_cast<Tokenizer*>(tokenizer); }

int Tokenize(Fts5Tokenizer* tokenizer, void* context, int flags, const char* text, int length,
             int (*emit)(void*, int, const char*, int, int, int)) {
  const std::string& lang = reinterpret_cast<Tokenizer*>(tokenizer)->lang;
  std::string_view input =
      text == nullptr || length <= 0 ? std::string_view() : std::string_view(text, length);
  try {
    // Documents (and FTS5_TOKENIZE_AUX, which re-reads them for highlight() and snippet()) get
    // the index analysis; queries the plain one.
    std::vector<text::Token> tokens = (flags & FTS5_TOKENIZE_QUERY) != 0
                                          ? text::Analyze(input, lang)
                                          : text::AnalyzeForIndex(input, lang);
    int previous = -1;
    for (const text::Token& token : tokens) {
      int token_flags = token.position == previous ? FTS5_TOKEN_COLOCATED : 0;
      previous = token.position;
      int rc = emit(context, token_flags, token.text.data(), static_cast<int>(token.text.size()),
                    token.begin, token.end);
      if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

}  // namespace

void RegisterTokenizer(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) {
    std::string message = sqlite3_errmsg(db);
    sqlite3_finalize(stmt);
    throw std::runtime_error("FTS5 is not available: " + message);
  }
  sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (api == nullptr || api->iVersion < 2)
    throw std::runtime_error("FTS5 is not available: no fts5_api version 2");
  fts5_tokenizer tokenizer = {Create, Delete, Tokenize};  // FTS5 copies the struct
  int rc = api->xCreateTokenizer(api, "plenary", nullptr, &tokenizer, nullptr);
  if (rc != SQLITE_OK)
    throw std::runtime_error(std::string("cannot register FTS5 tokenizer: ") + sqlite3_errstr(rc));
}

}  // namespace plenary::storage

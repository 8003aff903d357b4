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

thread_local TokenTap* tap = nullptr;
thread_local TokenSupply* supply = nullptr;

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
    // A raw term (an index term already analysed) goes through as it is.
    if ((flags & FTS5_TOKENIZE_QUERY) != 0 && !input.empty() && input[0] == kRawTerm) {
      std::string_view term = input.substr(1);
      return emit(context, 0, term.data(), static_cast<int>(term.size()), 0,
                  static_cast<int>(input.size()));
    }
    // Documents get the index analysis, queries the plain one. FTS5_TOKENIZE_AUX re-reads a
    // hit's column for highlight() and snippet(), which use only where each token is (offsets,
    // colocation), not its text: the index's places without stemming, and snippet() reading
    // the same column twice (to find sentences, then to mark) analyses it once.
    std::vector<text::Token> analysed;
    const std::vector<text::Token>* kept = &analysed;
    if ((flags & FTS5_TOKENIZE_AUX) != 0) {
      thread_local std::string last_text, last_lang;
      thread_local std::vector<text::Token> last_tokens;
      if (input != last_text || lang != last_lang) {
        last_tokens = text::AnalyzeForOffsets(input, lang);
        last_text.assign(input);
        last_lang = lang;
      }
      kept = &last_tokens;
    } else if ((flags & FTS5_TOKENIZE_QUERY) != 0) {
      analysed = text::Analyze(input, lang);
    } else if (const auto* supplied = supply != nullptr ? supply->find(lang, input) : nullptr) {
      kept = supplied;
    } else {
      analysed = text::AnalyzeForIndex(input, lang);
    }
    const std::vector<text::Token>& tokens = *kept;
    TokenTap::Call* call = nullptr;
    if (tap != nullptr && (flags & FTS5_TOKENIZE_DOCUMENT) != 0) {
      tap->calls.emplace_back();
      call = &tap->calls.back();
      call->terms.reserve(tokens.size());
      call->positions.reserve(tokens.size());
    }
    int previous = -1;
    for (const text::Token& token : tokens) {
      int token_flags = token.position == previous ? FTS5_TOKEN_COLOCATED : 0;
      previous = token.position;
      if (call != nullptr) {
        call->terms.push_back(token.text);
        // FTS5's column size counts the tokens that are not colocated (and a first one that is).
        if (token_flags == 0 || call->size == 0) ++call->size;
        call->positions.push_back(call->size - 1);  // as FTS5 numbers them (fts5_storage.c)
      }
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

// plenary_freq(t, w0, w1, …): the query's instances in this row, each weighted by its column's
// weight (1.0 beyond those given), as bm25() sums them.
void Freq(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int n,
          sqlite3_value** args) {
  int count = 0;
  int rc = api->xInstCount(fts, &count);
  double freq = 0.0;
  for (int i = 0; rc == SQLITE_OK && i < count; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK) freq += n > column ? sqlite3_value_double(args[column]) : 1.0;
  }
  if (rc != SQLITE_OK) return sqlite3_result_error_code(ctx, rc);
  sqlite3_result_double(ctx, freq);
}

void Size(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int,
          sqlite3_value**) {
  int size = 0;
  int rc = api->xColumnSize(fts, -1, &size);
  if (rc != SQLITE_OK) return sqlite3_result_error_code(ctx, rc);
  sqlite3_result_int(ctx, size);
}

void Rows(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int,
          sqlite3_value**) {
  sqlite3_int64 rows = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc != SQLITE_OK) return sqlite3_result_error_code(ctx, rc);
  sqlite3_result_int64(ctx, rows);
}

void Tokens(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int,
            sqlite3_value**) {
  sqlite3_int64 tokens = 0;
  int rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return sqlite3_result_error_code(ctx, rc);
  sqlite3_result_int64(ctx, tokens);
}

}  // namespace

TokenTap::TokenTap() : outer_(tap) { tap = this; }
TokenTap::~TokenTap() { tap = outer_; }

TokenSupply::TokenSupply(Find find) : find(std::move(find)), outer_(supply) { supply = this; }
TokenSupply::~TokenSupply() { supply = outer_; }

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
  for (auto [name, fn] : {std::pair{"plenary_freq", &Freq}, std::pair{"plenary_size", &Size},
                          std::pair{"plenary_rows", &Rows}, std::pair{"plenary_tokens", &Tokens}}) {
    rc = api->xCreateFunction(api, name, nullptr, fn, nullptr);
    if (rc != SQLITE_OK)
      throw std::runtime_error(std::string("cannot register ") + name + ": " + sqlite3_errstr(rc));
  }
}

}  // namespace plenary::storage

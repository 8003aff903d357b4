// Search on the PostgreSQL deployment, two designs side by side over the same N generated
// responses (campaigns::GenerateCorpus, seed 7, as bench/search/search_bench.cc):
//  (a) local: each server's own SQLite FTS5 index (search::LocalIndex), rebuilt from the shared
//      search_docs and queried through search::Search, exactly as `plenary serve` does;
//  (b) PostgreSQL itself: a tsvector per document made from the same analyzer's terms
//      (text::AnalyzeForIndex, title weighted A), one partial index per language, queried for
//      the top 21 with a headline, first with GIN ordering by ts_rank, then with RUM (Debian's
//      postgresql-15-rum) ordering by the index's own distance (<=>).
// The shared search_docs are written in bulk (the production indexer's cost is the SQLite
// benchmark's). Prints one JSON line; exits 1 without it when a write or a query fails or a
// design does not hold every document.
//   PLENARY_BENCH_POSTGRES='host=… dbname=…' build/plenary_bench_search_pg [responses] [per_term]
// The database must exist and be empty; bench/run.mjs makes one in a throwaway cluster.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/random.h"
#include "base/time.h"
#include "campaigns/corpus.h"
#include "search/search.h"
#include "storage/db.h"
#include "text/analyzer.h"
#include "text/messages.h"

using namespace plenary;
using Clock = std::chrono::steady_clock;

namespace {

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
}

std::string Quoted(const std::string& lexeme) {
  std::string out = "'";
  for (char ch : lexeme) {
    if (ch == '\'' || ch == '\\') out += ch;
    out += ch;
  }
  return out + "'";
}

// The tsvector literal of a document: the analyzer's terms with their positions (1-based,
// PostgreSQL keeps up to 16383), the title's weighted A.
std::string TsVector(const std::string& title, const std::string& body, const std::string& lang) {
  std::map<std::string, std::vector<std::string>> at;
  int offset = 0;
  for (const auto* part : {&title, &body}) {
    int last = 0;
    for (const auto& t : text::AnalyzeForIndex(*part, lang)) {
      int pos = std::min(16383, offset + t.position + 1);
      last = std::max(last, t.position + 1);
      auto& list = at[t.text];
      if (list.size() < 256) list.push_back(std::to_string(pos) + (part == &title ? "A" : ""));
    }
    offset += last + 1;
  }
  std::string out;
  for (const auto& [lexeme, positions] : at) {
    if (!out.empty()) out += ' ';
    out += Quoted(lexeme) + ':';
    for (std::size_t i = 0; i < positions.size(); ++i) out += (i ? "," : "") + positions[i];
  }
  return out;
}

// The tsquery of a query in one language: its terms in a row (<->) for a phrase or Chinese,
// all of them (&) otherwise. Empty when no term.
std::string TsQuery(const std::string& q, const std::string& lang) {
  bool phrase = q.find('"') != std::string::npos || lang == "zh";
  std::string out;
  for (const auto& t : text::Analyze(q, lang)) {
    if (!out.empty()) out += phrase ? " <-> " : " & ";
    out += Quoted(t.text);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t n = argc > 1 ? std::stoul(argv[1]) : 1000000;
  int per_term = argc > 2 ? std::stoi(argv[2]) : 20;
  const char* spec = std::getenv("PLENARY_BENCH_POSTGRES");
  if (!spec) {
    std::fprintf(stderr, "search pg bench: set PLENARY_BENCH_POSTGRES\n");
    return 2;
  }
  InitCrypto();
  auto dir = std::filesystem::temp_directory_path() / ("plenary-search-pg-" + RandomToken(6));
  std::filesystem::create_directories(dir);
  auto failed = [&](const std::string& what) {
    std::fprintf(stderr, "search pg bench: %s\n", what.c_str());
    std::filesystem::remove_all(dir);
    return 1;
  };
  storage::Database db(spec);
  auto t0 = Clock::now();
  auto corpus = campaigns::GenerateCorpus({.seed = 7, .responses = n});
  double generate_s = Seconds(t0);
  // The shared documents, as the indexer leaves them: one per response, logged.
  t0 = Clock::now();
  constexpr std::size_t kRows = 200;
  for (std::size_t i = 0; i < n; i += 5000) {
    auto w = db.Write<Ok>([&](storage::Connection& c) -> Status {
      for (std::size_t j = i; j < std::min(n, i + 5000); j += kRows) {
        std::size_t rows = std::min(kRows, std::min(n, i + 5000) - j);
        std::string sql = "INSERT INTO search_docs(kind, ref_id, language, consultation_id, "
                          "body_id, date, url, title, body) VALUES";
        for (std::size_t r = 0; r < rows; ++r)
          sql += std::string(r ? "," : "") + "('response', ?, ?, 1, 1, '2026-01-01', ?, ?, ?)";
        storage::Stmt s(c, sql);
        int p = 0;
        for (std::size_t r = j; r < j + rows; ++r) {
          s.Bind(++p, static_cast<std::int64_t>(r + 1));
          s.Bind(++p, std::string(corpus.languages[r]));
          s.Bind(++p, "/consultations/k/responses/R" + std::to_string(r + 1));
          s.Bind(++p, "Response R" + std::to_string(r + 1));
          s.Bind(++p, corpus.responses[r].second);
        }
        while (s.Step()) {
        }
      }
      c.Exec("INSERT INTO search_log(kind, ref_id, at) SELECT kind, ref_id, 0 FROM search_docs "
             "WHERE id > ?", static_cast<std::int64_t>(i));
      return Ok{};
    });
    if (!w.ok()) return failed("documents: " + w.error().message);
  }
  double shared_s = Seconds(t0);

  const std::vector<std::pair<std::string, std::vector<std::string>>> mix = {
      {"common", {"internet", "Internet", "互联网", "الإنترنت", "интернет", "données"}},
      {"medium", {"energy", "gouvernements", "privacidad", "безопасность", "数据中心", "الشبكات"}},
      {"rare", {"neutrality", "interopérabilité", "espectro", "цензура", "网络安全", "التشفير"}},
      {"phrase", {"\"open internet\"", "access human right", "互联网治理", "accès universel"}},
  };
  std::string out = "{";
  // Runs each query of the mix once, then `query` per_term times over the mix; appends
  // "name":{class:{p50,p95,p99,queries,first}}: the percentiles of the timed runs and the
  // slowest first run of the class (as bench/search/search_bench.cc, whose first run of each
  // query checks it against the reference ranking; a phrase is listed by its first query).
  auto measure = [&](const std::string& name, auto&& query) -> bool {
    out += "\"" + name + "\":{";
    for (const auto& [cls, terms] : mix) {
      double first = 0;
      for (const auto& t : terms) {
        auto q0 = Clock::now();
        if (!query(t)) return false;
        first = std::max(first, std::chrono::duration<double, std::milli>(Clock::now() - q0).count());
      }
      std::vector<double> ms;
      for (int r = 0; r < per_term; ++r)
        for (const auto& t : terms) {
          auto q0 = Clock::now();
          if (!query(t)) return false;
          ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - q0).count());
        }
      char buf[240];
      std::snprintf(buf, sizeof buf,
                    "\"%s\":{\"p50\":%.2f,\"p95\":%.2f,\"p99\":%.2f,\"queries\":%zu,\"first\":%.2f},",
                    cls.c_str(), Percentile(ms, .5), Percentile(ms, .95), Percentile(ms, .99),
                    ms.size(), first);
      out += buf;
    }
    out.back() = '}';
    out += ",";
    return true;
  };

  // (a) This server's own FTS5 index, rebuilt from the shared documents.
  t0 = Clock::now();
  double local_s = 0, local_mib = 0;
  {
    auto path = (dir / "search-index.db").string();
    search::LocalIndex local(db, path);
    while (local.CatchUp(20000) > 0) {
    }
    local_s = Seconds(t0);
    auto held = local.index().Read().QueryInt("SELECT count(*) FROM search_docs").value_or(-1);
    if (held != static_cast<std::int64_t>(n) || local.Behind() != 0)
      return failed("local index holds " + std::to_string(held) + " of " + std::to_string(n));
    local_mib = std::filesystem::file_size(path) / 1048576.0;
    std::string error;
    if (!measure("local", [&](const std::string& q) {
          auto r = search::Search(db, {.q = q, .per_page = 20});
          if (!r.ok()) error = q + ": " + r.error().message;
          return r.ok();
        }))
      return failed("local query " + error);
  }

  // (b) PostgreSQL: the same terms in a tsvector column.
  t0 = Clock::now();
  auto made = db.Write<Ok>([](storage::Connection& c) -> Status {
    c.ExecScript("CREATE TABLE bench_tsv (id BIGINT PRIMARY KEY, language TEXT NOT NULL, "
                 "tsv TSVECTOR NOT NULL)");
    return Ok{};
  });
  if (!made.ok()) return failed("bench_tsv: " + made.error().message);
  for (std::int64_t after = 0;;) {
    std::vector<std::tuple<std::int64_t, std::string, std::string>> rows;
    {
      storage::Stmt s(db.Read(), "SELECT id, language, title, body FROM search_docs WHERE id > ? "
                                 "ORDER BY id LIMIT 5000");
      s.BindAll(after);
      while (s.Step()) {
        rows.emplace_back(s.Int(0), s.Text(1), TsVector(s.Text(2), s.Text(3), s.Text(1)));
        after = s.Int(0);
      }
    }
    if (rows.empty()) break;
    auto w = db.Write<Ok>([&](storage::Connection& c) -> Status {
      for (const auto& [id, lang, tsv] : rows)
        c.Exec("INSERT INTO bench_tsv(id, language, tsv) VALUES(?, ?, CAST(? AS tsvector))", id,
               lang, tsv);
      return Ok{};
    });
    if (!w.ok()) return failed("tsvector: " + w.error().message);
  }
  double tsv_s = Seconds(t0);
  auto index_all = [&](const std::string& method, const std::string& ops) -> Status {
    return db.Write<Ok>([&](storage::Connection& c) -> Status {
      for (const auto& lang : text::Languages())
        c.ExecScript("CREATE INDEX bench_tsv_" + method + "_" + lang + " ON bench_tsv USING " +
                     method + " (tsv " + ops + ") WHERE language = '" + lang + "'");
      c.ExecScript("ANALYZE bench_tsv");
      return Ok{};
    });
  };
  // One query through every language, as search::Search does with its six tables; the top 21 of
  // each with a headline of the body, merged by rank.
  auto pg_query = [&](const std::string& order, bool descending) {
    return [&, order, descending](const std::string& q) {
      std::vector<std::pair<double, std::string>> hits;
      for (const auto& lang : text::Languages()) {
        std::string tq = TsQuery(q, lang);
        if (tq.empty()) continue;
        storage::Stmt s(db.Read(),
                        "SELECT d.title, ts_headline('simple', d.body, CAST(?1 AS tsquery)), t.r "
                        "FROM (SELECT id, " + order + " AS r FROM bench_tsv WHERE language = ?2 "
                        "AND tsv @@ CAST(?1 AS tsquery) ORDER BY r " +
                            (descending ? "DESC" : "") + " LIMIT 21) t "
                        "JOIN search_docs d ON d.id = t.id");
        s.BindAll(tq, lang);
        while (s.Step()) hits.emplace_back(descending ? -s.Real(2) : s.Real(2), s.Text(0));
      }
      std::sort(hits.begin(), hits.end());
      return true;
    };
  };
  t0 = Clock::now();
  if (auto s = index_all("gin", ""); !s.ok()) return failed("gin: " + s.error().message);
  double gin_s = Seconds(t0);
  if (!measure("gin", pg_query("ts_rank(tsv, CAST(?1 AS tsquery))", true)))
    return failed("gin query");
  auto dropped = db.Write<Ok>([](storage::Connection& c) -> Status {
    for (const auto& lang : text::Languages()) c.ExecScript("DROP INDEX bench_tsv_gin_" + lang);
    c.ExecScript("CREATE EXTENSION IF NOT EXISTS rum");
    return Ok{};
  });
  if (!dropped.ok()) return failed("rum: " + dropped.error().message);
  t0 = Clock::now();
  if (auto s = index_all("rum", "rum_tsvector_ops"); !s.ok())
    return failed("rum: " + s.error().message);
  double rum_s = Seconds(t0);
  if (!measure("rum", pg_query("tsv <=> CAST(?1 AS tsquery)", false))) return failed("rum query");

  char tail[600];
  std::snprintf(tail, sizeof tail,
                "\"responses\":%zu,\"generate_s\":%.1f,\"shared_docs_s\":%.1f,"
                "\"local_rebuild_s\":%.1f,\"local_mib\":%.0f,\"tsvector_s\":%.1f,"
                "\"gin_index_s\":%.1f,\"rum_index_s\":%.1f}",
                n, generate_s, shared_s, local_s, local_mib, tsv_s, gin_s, rum_s);
  out += tail;
  std::printf("%s\n", out.c_str());
  std::filesystem::remove_all(dir);
  return 0;
}

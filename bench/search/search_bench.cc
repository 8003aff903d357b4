// Search benchmark: indexes N generated multilingual responses (campaigns::GenerateCorpus, six
// languages, realistic campaign share) into Plenary's own FTS5 tables through the production
// path (search::IndexBatch from the queue), then runs a mix of rare and common queries through
// search::Search and prints one JSON line: index rate, p50/p95/p99 latency per query class,
// peak RSS. It checks its own work and exits 1 without that line when a write fails, when not
// every response was indexed or the queue is not empty afterwards, or when a query fails.
// Built by bench/run.sh as the target plenary_bench_search (not part of CI).
//   build/plenary_bench_search [responses=1000000] [queries_per_term=20]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "app/app.h"
#include "base/random.h"
#include "base/time.h"
#include "campaigns/corpus.h"
#include "search/search.h"
#include "storage/db.h"

using namespace plenary;
using Clock = std::chrono::steady_clock;

static long PeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

static double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
}

int main(int argc, char** argv) {
  std::size_t n = argc > 1 ? std::stoul(argv[1]) : 1000000;
  int per_term = argc > 2 ? std::stoi(argv[2]) : 20;
  InitCrypto();
  auto dir = std::filesystem::temp_directory_path() / ("plenary-search-bench-" + RandomToken(6));
  std::filesystem::create_directories(dir);
  auto path = (dir / "bench.db").string();
  double index_seconds = 0, generate_seconds = 0;
  std::string languages_json = "{";
  std::int64_t indexed = 0;
  auto failed = [&](const std::string& what) {
    std::fprintf(stderr, "search bench: %s\n", what.c_str());
    std::filesystem::remove_all(dir);
    return 1;
  };
  {
    storage::Database db(path);
    auto t0 = Clock::now();
    auto corpus = campaigns::GenerateCorpus({.seed = 7, .responses = n});
    generate_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    std::map<std::string, std::size_t> by_lang;
    // One consultation to hold them; responses inserted published, then queued for indexing.
    auto setup = db.Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
      c.Exec("INSERT INTO bodies(key, acronym, name, description, membership) "
             "VALUES('b', 'B', '{\"en\":\"Body\"}', '{}', 'open')");
      c.Exec("INSERT INTO consultations(key, body_id, title, description, opens_at, deadline, "
             "timezone, created_at) VALUES('k', 1, '{\"en\":\"Bench\"}', '{}', 0, 1, 'UTC', 0)");
      return Ok{};
    });
    if (!setup.ok()) return failed("consultation: " + setup.error().message);
    for (std::size_t i = 0; i < corpus.responses.size(); i += 20000) {
      auto batch = db.Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
        for (std::size_t j = i; j < std::min(corpus.responses.size(), i + 20000); ++j) {
          std::string lang = corpus.languages[j];
          ++by_lang[lang];
          c.Exec("INSERT INTO responses(consultation_id, reference, name, country, "
                 "stakeholder_type, email, language, general_text, consent_publish, status, "
                 "submitted_at, published_at) VALUES(1, ?, 'Respondent', 'CH', 'individual', "
                 "'x@example.org', ?, ?, 1, 'published', ?, ?)",
                 "R" + std::to_string(j), lang, corpus.responses[j].second,
                 static_cast<std::int64_t>(j), static_cast<std::int64_t>(j));
          search::Enqueue(c, "response", c.LastInsertId());
        }
        return Ok{};
      });
      if (!batch.ok()) return failed("responses: " + batch.error().message);
    }
    for (const auto& [l, k] : by_lang)
      languages_json += (languages_json.size() > 1 ? "," : "") + ("\"" + l + "\":" + std::to_string(k));
    auto t1 = Clock::now();
    const auto sources = app::SearchSources();
    while (search::IndexBatch(db, sources, 5000) > 0) {
    }
    index_seconds = std::chrono::duration<double>(Clock::now() - t1).count();
    indexed = db.Read()
                  .QueryInt("SELECT count(*) FROM search_docs WHERE kind = 'response'")
                  .value_or(-1);
    auto left = db.Read().QueryInt("SELECT count(*) FROM search_queue").value_or(-1);
    if (indexed != static_cast<std::int64_t>(n) || left != 0)
      return failed(std::to_string(indexed) + " of " + std::to_string(n) + " responses indexed, " +
                    std::to_string(left) + " left in the queue");
  }
  languages_json += "}";
  storage::Database db(path);
  // Common topic words in each language, rarer words, a Chinese phrase, a multi-word query.
  const std::vector<std::pair<std::string, std::vector<std::string>>> mix = {
      {"common", {"internet", "Internet", "互联网", "الإنترنت", "интернет", "données"}},
      {"medium", {"energy", "gouvernements", "privacidad", "безопасность", "数据中心", "الشبكات"}},
      {"rare", {"neutrality", "interopérabilité", "espectro", "цензура", "网络安全", "التشفير"}},
      {"phrase", {"\"open internet\"", "access human right", "互联网治理", "accès universel"}},
  };
  std::string out = "{";
  for (const auto& [cls, terms] : mix) {
    std::vector<double> ms;
    for (int r = 0; r < per_term; ++r)
      for (const auto& t : terms) {
        auto q0 = Clock::now();
        auto res = search::Search(db, {.q = t, .per_page = 20});
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - q0).count());
        if (!res.ok()) return failed("query " + t + ": " + res.error().message);
      }
    char buf[256];
    std::snprintf(buf, sizeof buf, "\"%s\":{\"p50\":%.2f,\"p95\":%.2f,\"p99\":%.2f,\"queries\":%zu},",
                  cls.c_str(), Percentile(ms, .5), Percentile(ms, .95), Percentile(ms, .99), ms.size());
    out += buf;
  }
  std::uintmax_t bytes = std::filesystem::file_size(path);
  char tail[512];
  std::snprintf(tail, sizeof tail,
                "\"responses\":%zu,\"indexed\":%lld,\"generate_s\":%.1f,\"index_s\":%.1f,"
                "\"index_per_s\":%.0f,\"db_mib\":%.0f,\"peak_rss_mib\":%.0f,\"languages\":%s}",
                n, static_cast<long long>(indexed), generate_seconds, index_seconds,
                n / index_seconds, bytes / 1048576.0, PeakRssKb() / 1024.0, languages_json.c_str());
  out += tail;
  std::printf("%s\n", out.c_str());
  std::filesystem::remove_all(dir);
}

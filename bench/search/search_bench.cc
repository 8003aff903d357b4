// Search benchmark: indexes N generated multilingual responses (campaigns::GenerateCorpus, six
// languages, realistic campaign share) into Plenary's own FTS5 tables through the production
// path (search::IndexBatch from the queue), then runs a mix of query classes through
// search::Search and prints one JSON line: time of each phase, index rate, p50/p95/p99 latency
// per query class (and p50/p99 of the querying thread's CPU time) for two designs timed in the same run (the lists of the best documents of
// frequent terms, which Plenary runs, at the top level; FTS5's bm25() over every match alone
// under "fts5"), peak RSS. Every query of the mix must find something. The corpus is generated and inserted by a child process (fork
// before anything else), so the benchmark's own memory is that of indexing and searching.
// It checks its own work and exits 1 without that line when a write fails, when not every
// response was indexed or the queue is not empty afterwards, when a query fails, or when a
// query's first page differs from the reference ranking (every match of each language scored
// by bm25 in SQL, sorted, the first 20 kept).
// Built by bench/run.sh as the target plenary_bench_search (not part of CI).
//   build/plenary_bench_search [responses=1000000] [queries_per_term=20] [--keep FILE]
// --keep FILE: build the database in FILE and keep it, or reuse FILE when it exists (for
// profiling the queries without indexing again; the JSON then has no indexing figures).
// --only CLASS (or CLASS:fts5): time that class alone with one design (the lists, or FTS5
// alone), without the checks, for `perf record`.
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "app/app.h"
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

double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// This thread's CPU time (Search runs its reads on the calling thread): on a shared machine the
// clock measures the load as much as the query.
double ThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
}

// The child: generates the corpus, inserts the responses published and queued for indexing,
// and writes "generate_s insert_s lang count lang count…" to `out`. Returns its exit status.
int Generate(const std::string& path, std::size_t n, int out) {
  InitCrypto();
  storage::Database db(path);
  auto t0 = Clock::now();
  auto corpus = campaigns::GenerateCorpus({.seed = 7, .responses = n});
  double generate_s = Since(t0);
  std::map<std::string, std::size_t> by_lang;
  auto t1 = Clock::now();
  auto setup = db.Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
    c.Exec("INSERT INTO bodies(key, acronym, name, description, membership) "
           "VALUES('b', 'B', '{\"en\":\"Body\"}', '{}', 'open')");
    c.Exec("INSERT INTO consultations(key, body_id, title, description, opens_at, deadline, "
           "timezone, created_at) VALUES('k', 1, '{\"en\":\"Bench\"}', '{}', 0, 1, 'UTC', 0)");
    return Ok{};
  });
  if (!setup.ok()) {
    std::fprintf(stderr, "search bench: consultation: %s\n", setup.error().message.c_str());
    return 1;
  }
  for (std::size_t i = 0; i < corpus.responses.size(); i += 20000) {
    auto batch = db.Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
      for (std::size_t j = i; j < std::min(corpus.responses.size(), i + 20000); ++j) {
        std::string lang = corpus.languages[j];
        ++by_lang[lang];
        // One response a minute from 2022-01-01: dates spread over the corpus, for the
        // filtered query.
        std::int64_t at = 1640995200 + static_cast<std::int64_t>(j) * 60;
        c.Exec("INSERT INTO responses(consultation_id, reference, name, country, "
               "stakeholder_type, email, language, general_text, consent_publish, status, "
               "submitted_at, published_at) VALUES(1, ?, 'Respondent', 'CH', 'individual', "
               "'x@example.org', ?, ?, 1, 'published', ?, ?)",
               "R" + std::to_string(j), lang, corpus.responses[j].second, at, at);
        search::Enqueue(c, "response", c.LastInsertId());
      }
      return Ok{};
    });
    if (!batch.ok()) {
      std::fprintf(stderr, "search bench: responses: %s\n", batch.error().message.c_str());
      return 1;
    }
  }
  std::string line = fmt::format("{:.1f} {:.1f}", generate_s, Since(t1));
  for (const auto& [l, k] : by_lang) line += fmt::format(" {} {}", l, k);
  line += "\n";
  return write(out, line.data(), line.size()) == static_cast<ssize_t>(line.size()) ? 0 : 1;
}

struct QueryClass {
  std::string name;
  std::vector<search::Query> queries;
};

// The reference ranking of `q`: every match of each language scored by bm25 in SQL with the
// query's filters, sorted. Returns the first `per_page` scores, and every document scoring at
// most the last of them ("kind ref_id lang" → score: the page may hold any of those tied).
struct Reference {
  std::vector<double> scores;
  std::map<std::string, double> eligible;
};
Reference ReferenceOf(storage::Database& db, const search::Query& q) {
  std::vector<std::pair<double, std::string>> all;
  for (const auto& lang : text::Languages()) {
    std::string match = text::ToFtsQuery(q.q, lang);
    if (match.empty()) continue;
    storage::Stmt s(db.Read(),
                    fmt::format("SELECT d.kind, d.ref_id, d.language, bm25(search_fts_{0}, 2.0, "
                                "1.0) FROM search_fts_{0} JOIN search_docs d ON d.id = "
                                "search_fts_{0}.rowid WHERE search_fts_{0} MATCH ?1 AND "
                                "(?2 IS NULL OR d.date >= ?2) AND (?3 IS NULL OR d.date <= ?3)",
                                lang));
    s.BindAll(match, q.from, q.to);
    while (s.Step())
      all.emplace_back(s.Real(3), s.Text(0) + " " + std::to_string(s.Int(1)) + " " + s.Text(2));
  }
  std::sort(all.begin(), all.end());
  Reference ref;
  for (std::size_t i = 0; i < all.size() && i < static_cast<std::size_t>(q.per_page); ++i)
    ref.scores.push_back(all[i].first);
  for (const auto& [score, key] : all) {
    if (ref.scores.empty() || score > ref.scores.back()) break;
    ref.eligible[key] = score;
  }
  return ref;
}

// Empty when the first page of `q` is a first page of the reference ranking (the same scores,
// each hit a document with its score), else what differs.
std::string Check(storage::Database& db, const search::Query& q, const search::Results& res) {
  Reference ref = ReferenceOf(db, q);
  if (res.items.size() != ref.scores.size())
    return fmt::format("{} hits, the reference {}", res.items.size(), ref.scores.size());
  std::set<std::string> seen;
  for (std::size_t i = 0; i < res.items.size(); ++i) {
    const auto& h = res.items[i];
    std::string key = h.kind + " " + std::to_string(h.ref_id) + " " + h.language;
    auto it = ref.eligible.find(key);
    if (std::abs(h.score - ref.scores[i]) > 1e-9 * std::max(1.0, std::abs(ref.scores[i])))
      return fmt::format("hit {} scores {}, the reference {}", i + 1, h.score, ref.scores[i]);
    if (it == ref.eligible.end() || std::abs(it->second - h.score) > 1e-9 * std::max(1.0, std::abs(h.score)))
      return fmt::format("hit {} ({}) is not among the reference's first", i + 1, key);
    if (!seen.insert(key).second) return fmt::format("hit {} ({}) listed twice", i + 1, key);
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string keep, only;
  for (std::size_t i = 0; i < args.size();) {
    if ((args[i] == "--keep" || args[i] == "--only") && i + 1 < args.size()) {
      (args[i] == "--keep" ? keep : only) = args[i + 1];
      args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
    } else {
      ++i;
    }
  }
  const bool only_fts5 = only.size() > 5 && only.substr(only.size() - 5) == ":fts5";
  if (only_fts5) only.resize(only.size() - 5);
  std::size_t n = args.size() > 0 ? std::stoul(args[0]) : 1000000;
  int per_term = args.size() > 1 ? std::stoi(args[1]) : 20;
  std::filesystem::path dir;
  std::string path = keep;
  if (keep.empty()) {
    dir = std::filesystem::temp_directory_path() /
          ("plenary-search-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    path = (dir / "bench.db").string();
  }
  auto failed = [&](const std::string& what) {
    std::fprintf(stderr, "search bench: %s\n", what.c_str());
    if (!dir.empty()) std::filesystem::remove_all(dir);
    return 1;
  };
  const bool build = !std::filesystem::exists(path);
  std::string timings = "\"kept\":true,";
  std::string languages_json = "{}";
  std::int64_t indexed = 0;
  long generator_rss_kb = 0;
  if (build) {
    // The generator runs in a child process of its own: its corpus never counts in this
    // process's memory.
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) return failed("pipe");
    pid_t child = fork();
    if (child < 0) return failed("fork");
    if (child == 0) {
      close(pipe_fds[0]);
      _exit(Generate(path, n, pipe_fds[1]));
    }
    close(pipe_fds[1]);
    std::string line;
    char buf[512];
    for (ssize_t got; (got = read(pipe_fds[0], buf, sizeof buf)) > 0;) line.append(buf, got);
    close(pipe_fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || line.empty())
      return failed("the generator failed");
    rusage children{};
    getrusage(RUSAGE_CHILDREN, &children);
    generator_rss_kb = children.ru_maxrss;
    double generate_s = 0, insert_s = 0;
    char* end = nullptr;
    generate_s = std::strtod(line.c_str(), &end);
    insert_s = std::strtod(end, &end);
    languages_json = "{";
    for (std::string rest = end; !rest.empty();) {
      char lang[8];
      std::size_t count = 0;
      int used = 0;
      if (std::sscanf(rest.c_str(), " %7s %zu%n", lang, &count, &used) != 2) break;
      languages_json += fmt::format("{}\"{}\":{}", languages_json.size() > 1 ? "," : "", lang,
                                    count);
      rest = rest.substr(used);
    }
    languages_json += "}";
    std::fprintf(stderr, "search bench: generated in %.1f s, inserted in %.1f s\n", generate_s,
                 insert_s);

    InitCrypto();
    // The same queue indexed twice, batch for batch alternating: into `path` with the lists'
    // upkeep (what Plenary runs) and into a copy with FTS5's tables alone
    // (search::KeepTopLists(false)), so that both rates are measured under the same load.
    const std::string plain_path = path + ".fts5";
    std::filesystem::copy_file(path, plain_path,
                               std::filesystem::copy_options::overwrite_existing);
    const auto sources = app::SearchSources();
    struct Run {
      std::unique_ptr<storage::Database> db;
      bool lists = true;
      double wall_s = 0, cpu_s = 0;
      std::vector<double> batches;
      bool done = false;
    };
    Run runs[2];
    runs[0].db = std::make_unique<storage::Database>(path), runs[0].lists = true;
    runs[1].db = std::make_unique<storage::Database>(plain_path), runs[1].lists = false;
    // The process's CPU time (the writes run on the database's writer thread): it does
    // nothing else meanwhile.
    auto process_cpu = [] {
      rusage u{};
      getrusage(RUSAGE_SELF, &u);
      return u.ru_utime.tv_sec + u.ru_stime.tv_sec +
             (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
    };
    while (!runs[0].done || !runs[1].done) {
      for (auto& r : runs) {
        if (r.done) continue;
        search::KeepTopLists(r.lists);
        auto tb = Clock::now();
        double cb = process_cpu();
        int got = search::IndexBatch(*r.db, sources, 5000);
        r.cpu_s += process_cpu() - cb;
        double took = Since(tb);
        r.wall_s += took;
        if (got == 0) {
          r.done = true;
        } else {
          r.batches.push_back(took);
        }
      }
    }
    search::KeepTopLists(true);
    for (auto& r : runs) {
      indexed = r.db->Read()
                    .QueryInt("SELECT count(*) FROM search_docs WHERE kind = 'response'")
                    .value_or(-1);
      auto left = r.db->Read().QueryInt("SELECT count(*) FROM search_queue").value_or(-1);
      if (indexed != static_cast<std::int64_t>(n) || left != 0)
        return failed(std::to_string(indexed) + " of " + std::to_string(n) +
                      " responses indexed, " + std::to_string(left) + " left in the queue" +
                      (r.lists ? "" : " (FTS5 alone)"));
    }
    runs[1].db.reset();
    std::filesystem::remove(plain_path);
    std::filesystem::remove(plain_path + "-wal");
    std::filesystem::remove(plain_path + "-shm");
    // The first and the last tenth of the batches: indexing must not slow down as it goes.
    auto tenths = [](const std::vector<double>& b) {
      std::size_t tenth = std::max<std::size_t>(1, b.size() / 10);
      double first = 0, last = 0;
      for (std::size_t i = 0; i < tenth && i < b.size(); ++i)
        first += b[i], last += b[b.size() - 1 - i];
      return std::pair{first / tenth, last / tenth};
    };
    auto [first, last] = tenths(runs[0].batches);
    auto [first_plain, last_plain] = tenths(runs[1].batches);
    std::fprintf(stderr,
                 "search bench: indexed with the lists in %.1f s (%.1f s of CPU; first tenth "
                 "of batches %.2f s each, last %.2f s), FTS5 alone in %.1f s (%.1f s of CPU; "
                 "%.2f s, %.2f s)\n",
                 runs[0].wall_s, runs[0].cpu_s, first, last, runs[1].wall_s, runs[1].cpu_s,
                 first_plain, last_plain);
    timings = fmt::format(
        "\"generate_s\":{:.1f},\"insert_s\":{:.1f},\"index_s\":{:.1f},"
        "\"index_per_s\":{:.0f},\"index_cpu_per_s\":{:.0f},\"index_batch_first_s\":{:.2f},"
        "\"index_batch_last_s\":{:.2f},\"index_fts5\":{{\"index_s\":{:.1f},"
        "\"index_per_s\":{:.0f},\"index_cpu_per_s\":{:.0f},\"index_batch_first_s\":{:.2f},"
        "\"index_batch_last_s\":{:.2f}}},\"generator_peak_rss_mib\":{:.0f},",
        generate_s, insert_s, runs[0].wall_s, n / runs[0].wall_s, n / runs[0].cpu_s, first, last,
        runs[1].wall_s, n / runs[1].wall_s, n / runs[1].cpu_s, first_plain, last_plain,
        generator_rss_kb / 1024.0);
  } else {
    InitCrypto();
  }
  storage::Database db(path);
  if (!build)
    indexed = db.Read()
                  .QueryInt("SELECT count(*) FROM search_docs WHERE kind = 'response'")
                  .value_or(-1);
  // Common topic words in each language, rarer words, phrases, and a common word filtered to
  // a tenth of the corpus's dates.
  auto plain = [](std::vector<std::string> terms) {
    std::vector<search::Query> out;
    for (auto& t : terms) {
      search::Query q;
      q.q = std::move(t);
      out.push_back(std::move(q));
    }
    return out;
  };
  std::string from = search::DateOf(1640995200 + static_cast<std::int64_t>(n) * 60 * 4 / 10);
  std::string to = search::DateOf(1640995200 + static_cast<std::int64_t>(n) * 60 * 5 / 10);
  std::vector<search::Query> filtered;
  for (std::string t : {"internet", "données", "интернет", "互联网", "الإنترنت", "spectrum"})
  {
    search::Query q;
    q.q = t, q.from = from, q.to = to;
    filtered.push_back(std::move(q));
  }
  // Every query matches in the generated corpus (campaigns/corpus.cc): a query that finds
  // nothing measures nothing, and the run fails when one does. Rare: the signatures' cities,
  // the rarest words of the generator (a few per cent of their language's responses).
  const std::vector<QueryClass> mix = {
      {"common", plain({"internet", "Internet", "互联网", "الإنترنت", "интернет", "données"})},
      {"medium", plain({"spectrum", "transparence", "privacidad", "безопасности", "频谱",
                        "الشبكات"})},
      {"rare", plain({"Auckland", "Lausanne", "Montevideo", "Ереван", "台北", "مسقط"})},
      {"phrase", plain({"\"open internet\"", "\"basic need\"", "网络中立", "\"vie privée\""})},
      {"filtered", filtered},
  };
  // Two designs over the same database in the same run, each query timed with one then the
  // other: the lists of the best documents of frequent terms (search/top_lists.h, what
  // Plenary runs) and FTS5's bm25() over every match (search::UseTopLists(false)).
  std::string out = "{";
  std::string fts5 = "\"fts5\":{";
  for (const auto& [cls, queries] : mix) {
    if (!only.empty() && cls != only) continue;
    std::vector<double> ms, ms_fts5, cpu, cpu_fts5;  // by the clock; this thread's CPU time
    std::size_t hits = 0, without_hits = 0;
    for (const auto& q : only.empty() ? queries : std::vector<search::Query>{}) {
      // The results of both designs are checked once per query against the reference ranking.
      for (bool lists : {true, false}) {
        search::UseTopLists(lists);
        double c0 = ThreadCpuMs();
        auto res = search::Search(db, q);
        double cpu_ms = ThreadCpuMs() - c0;
        if (!res.ok()) return failed("query " + q.q + ": " + res.error().message);
        if (auto wrong = Check(db, q, *res); !wrong.empty())
          return failed(std::string(lists ? "" : "FTS5 alone: ") + "query " + q.q + ": " + wrong);
        if (!lists) continue;
        hits += res->items.size();
        if (res->items.empty()) ++without_hits;
        std::fprintf(stderr,
                     "search bench: %s %s: %zu hits on the first page (%.2f ms of CPU the first "
                     "time)\n",
                     cls.c_str(), q.q.c_str(), res->items.size(), cpu_ms);
      }
    }
    if (without_hits > 0) return failed(cls + ": a query finds nothing");
    for (int r = 0; r < per_term; ++r)
      for (const auto& q : queries)
        for (bool lists : {true, false}) {
          if (!only.empty() && lists == only_fts5) continue;
          search::UseTopLists(lists);
          auto q0 = Clock::now();
          double c0 = ThreadCpuMs();
          auto res = search::Search(db, q);
          (lists ? cpu : cpu_fts5).push_back(ThreadCpuMs() - c0);
          (lists ? ms : ms_fts5)
              .push_back(std::chrono::duration<double, std::milli>(Clock::now() - q0).count());
          if (!res.ok()) return failed("query " + q.q + ": " + res.error().message);
        }
    search::UseTopLists(true);
    out += fmt::format("\"{}\":{{\"p50\":{:.2f},\"p95\":{:.2f},\"p99\":{:.2f},\"cpu_p50\":{:.2f},"
                       "\"cpu_p99\":{:.2f},\"queries\":{},"
                       "\"hits_checked\":{},\"queries_without_hits\":{}}},",
                       cls, Percentile(ms, .5), Percentile(ms, .95), Percentile(ms, .99),
                       Percentile(cpu, .5), Percentile(cpu, .99), ms.size(), hits, without_hits);
    fts5 += fmt::format("{}\"{}\":{{\"p50\":{:.2f},\"p95\":{:.2f},\"p99\":{:.2f},"
                        "\"cpu_p50\":{:.2f},\"cpu_p99\":{:.2f},\"queries\":{}}}",
                        fts5.size() > 8 ? "," : "", cls, Percentile(ms_fts5, .5),
                        Percentile(ms_fts5, .95), Percentile(ms_fts5, .99),
                        Percentile(cpu_fts5, .5), Percentile(cpu_fts5, .99), ms_fts5.size());
  }
  out += fts5 + "},";
  rusage self{};
  getrusage(RUSAGE_SELF, &self);
  out += fmt::format("\"responses\":{},\"indexed\":{},{}\"db_mib\":{:.0f},\"peak_rss_mib\":{:.0f},"
                     "\"languages\":{}}}",
                     n, indexed, timings, std::filesystem::file_size(path) / 1048576.0,
                     self.ru_maxrss / 1024.0, languages_json);
  std::printf("%s\n", out.c_str());
  if (!dir.empty()) std::filesystem::remove_all(dir);
}

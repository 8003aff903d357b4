// Writer cost of a durable submission, in CPU time (robust to a loaded machine, unlike a rate
// over HTTP): a fresh demo database in a temporary folder, the server's own route table
// (app::BuildRouter), and N submissions of the benchmark's body (bench/http/load.lua) to
// POST /api/v1/consultations/ai-public-policy/responses, each with an Idempotency-Key unique to
// the run, dispatched by `batch` threads at once the way the write pool does. The writer is
// held (a job that waits until all of them are queued) so that each batch is one group-commit
// transaction of exactly `batch` submissions; the writer thread's CPU time
// (CLOCK_THREAD_CPUTIME_ID, read by jobs running on it) is taken before and after each batch,
// less the cost of an empty batch. Each dispatching thread's own CPU time is the handler's
// share (JSON parsing, validation, the reads before the write, the answer). Afterwards the
// confirmation mails of every submission are queued (consultations::QueueConfirmationMails,
// as the server's ConfirmationMailer does) and that writer time is reported too.
// Exits 1 when any answer is not 201 or when the rows stored differ from N.
// Built as plenary_bench_submissions (not part of `all` nor of CI).
//   build/plenary_bench_submissions [--n 20000] [--batch 256] [--db SPEC] [--keep]
// --db: an empty database (a SQLite file or a PostgreSQL connection string); default a fresh
// file in a temporary folder, removed afterwards unless --keep.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "app/app.h"
#include "base/random.h"
#include "consultations/campaigns.h"
#include "consultations/consultations.h"
#include "demo/demo.h"
#include "site/site.h"
#include "site/throttle.h"
#include "storage/db.h"

using namespace plenary;

namespace {

std::int64_t ThreadCpuNs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return std::int64_t{ts.tv_sec} * 1000000000 + ts.tv_nsec;
}

// The writer thread's CPU time, read by a job running on it (in a transaction of its own).
std::int64_t WriterCpuNs(storage::Database& db) {
  auto r = db.Write<std::int64_t>(
      [](storage::Connection&) -> Result<std::int64_t> { return ThreadCpuNs(); });
  if (!r.ok()) {
    std::fprintf(stderr, "writer probe: %s\n", r.error().message.c_str());
    std::exit(1);
  }
  return *r;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

struct BatchFigures {
  double writer_us = 0;   // writer CPU of the whole batch, µs
  double handler_us = 0;  // the dispatching threads' CPU, summed, µs
  int failed = 0;         // answers other than 201
  std::string first_failure;
};

// The write pool: `size` threads that live as long as the benchmark (each keeps its read
// connection, as the server's do), each dispatching one submission per batch.
class Pool {
 public:
  Pool(const http::Router& router, std::size_t size) : router_(router), slots_(size) {
    for (std::size_t i = 0; i < size; ++i) threads_.emplace_back([this, i] { Serve(i); });
  }
  ~Pool() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
  }
  // Every thread sends keys[i] (one per thread; fewer keys leave threads idle); returns once all
  // were answered.
  void Run(const std::vector<std::string>& keys) {
    std::unique_lock lock(mu_);
    keys_ = &keys;
    pending_ = keys.size();
    ++round_;
    cv_.notify_all();
    done_cv_.wait(lock, [&] { return pending_ == 0; });
  }
  struct Slot {
    std::int64_t cpu_ns = 0;
    int status = 0;
    std::string body;
  };
  const std::vector<Slot>& slots() const { return slots_; }

 private:
  void Serve(std::size_t i) {
    std::uint64_t seen = 0;
    for (;;) {
      const std::vector<std::string>* keys;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return stop_ || round_ != seen; });
        if (stop_) return;
        seen = round_;
        keys = keys_;
      }
      if (i >= keys->size()) continue;
      const std::string& key = (*keys)[i];
      const std::int64_t t0 = ThreadCpuNs();
      http::Request req;
      req.method = "POST";
      req.path = "/api/v1/consultations/ai-public-policy/responses";
      req.raw_target = req.path;
      req.remote_ip = "192.0.2.1";
      req.headers["content-type"] = "application/json";
      req.headers["idempotency-key"] = key;
      // The body of bench/http/load.lua.
      req.body = "{\"name\":\"Bench Respondent " + key + "\",\"email\":\"" + key +
                 "@example.org\",\"country\":\"CH\",\"stakeholder_type\":\"civil_society\","
                 "\"language\":\"en\",\"consent_publish\":true,\"answers\":{\"1\":\"The "
                 "Internet should remain open, interoperable and secure for everyone.\"}}";
      site::ChooseLanguage(req);
      http::Response resp = router_.Dispatch(req);
      Slot& slot = slots_[i];
      slot.status = resp.status;
      slot.body = resp.status == 201 ? std::string() : resp.body;
      slot.cpu_ns = ThreadCpuNs() - t0;
      std::lock_guard lock(mu_);
      if (--pending_ == 0) done_cv_.notify_all();
    }
  }

  const http::Router& router_;
  std::vector<Slot> slots_;
  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable cv_, done_cv_;
  const std::vector<std::string>* keys_ = nullptr;
  std::size_t pending_ = 0;
  std::uint64_t round_ = 0;
  bool stop_ = false;
};

// Dispatches `keys.size()` submissions at once (one pool thread each) while the writer is held,
// so that they form one group-commit batch. With no keys: an empty batch (the probes' own cost).
BatchFigures RunBatch(storage::Database& db, Pool& pool, const std::vector<std::string>& keys) {
  BatchFigures f;
  std::int64_t cpu_before = 0;
  const std::size_t n = keys.size();
  // The gate: a job on the writer that returns once the whole batch is queued behind it.
  std::atomic<bool> held{false};
  std::thread gate([&] {
    auto r = db.Write<std::int64_t>([&](storage::Connection&) -> Result<std::int64_t> {
      held = true;
      while (db.writer_stats().queued < n)
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      return ThreadCpuNs();
    });
    cpu_before = r.ok() ? *r : 0;
  });
  while (!held) std::this_thread::sleep_for(std::chrono::microseconds(100));
  if (n) pool.Run(keys);
  gate.join();
  const std::int64_t cpu_after = WriterCpuNs(db);
  f.writer_us = (cpu_after - cpu_before) / 1e3;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& slot = pool.slots()[i];
    f.handler_us += slot.cpu_ns / 1e3;
    if (slot.status != 201) {
      if (!f.failed) f.first_failure = fmt::format("{} {}", slot.status, slot.body);
      ++f.failed;
    }
  }
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t total = 20000, batch = 256;
  std::string spec;
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--n") && i + 1 < argc) {
      total = std::stoul(argv[++i]);
    } else if (!std::strcmp(argv[i], "--batch") && i + 1 < argc) {
      batch = std::stoul(argv[++i]);
    } else if (!std::strcmp(argv[i], "--db") && i + 1 < argc) {
      spec = argv[++i];
    } else if (!std::strcmp(argv[i], "--keep")) {
      keep = true;
    } else {
      std::fprintf(stderr, "usage: %s [--n N] [--batch B] [--db SPEC] [--keep]\n", argv[0]);
      return 2;
    }
  }
  if (batch == 0 || batch > storage::WriterOptions{}.max_batch || total < batch) {
    std::fprintf(stderr, "--batch must be 1..%zu and at most --n\n",
                 storage::WriterOptions{}.max_batch);
    return 2;
  }
  InitCrypto();
  const std::string run = RandomToken(6);
  std::filesystem::path dir;
  if (spec.empty()) {
    dir = std::filesystem::temp_directory_path() / ("plenary-bench-submissions-" + run);
    std::filesystem::create_directories(dir);
    spec = (dir / "bench.db").string();
  }
  int exit_code = 0;
  {
    storage::Database db(spec);
    if (auto s = demo::Load(db); !s.ok()) {
      std::fprintf(stderr, "demo: %s\n", s.error().message.c_str());
      return 1;
    }
    app::Config config;
    config.throttle.submissions_per_ip_per_minute = 0;  // one address sends every submission
    site::Throttles throttles(config.throttle);
    consultations::CampaignTracker tracker(db, 5);  // not started: the server groups later
    http::Router router;
    app::BuildRouter(router, db, config, throttles, tracker);
    Pool pool(router, batch);
    // One batch first, not counted: every pool thread opens its read connection.
    {
      std::vector<std::string> warm;
      for (std::size_t i = 0; i < batch; ++i) warm.push_back(fmt::format("warm-{}-{}", run, i));
      if (auto f = RunBatch(db, pool, warm); f.failed) {
        std::fprintf(stderr, "warm-up: %s\n", f.first_failure.c_str());
        return 1;
      }
    }

    // The probes' own cost (the gate's and the last probe's transactions), median of 9.
    std::vector<double> empty;
    for (int i = 0; i < 9; ++i) empty.push_back(RunBatch(db, pool, {}).writer_us);
    const double empty_us = Median(empty);

    std::vector<double> writer, handler;
    std::size_t done = 0;
    rusage ru0{}, ru1{};
    getrusage(RUSAGE_SELF, &ru0);
    const auto wall0 = std::chrono::steady_clock::now();
    while (done + batch <= total) {
      std::vector<std::string> keys;
      for (std::size_t i = 0; i < batch; ++i) keys.push_back(fmt::format("bench-{}-{}", run, done + i));
      auto f = RunBatch(db, pool, keys);
      if (f.failed) {
        std::fprintf(stderr, "%d answers were not 201; the first: %s\n", f.failed,
                     f.first_failure.c_str());
        return 1;
      }
      writer.push_back((f.writer_us - empty_us) / batch);
      handler.push_back(f.handler_us / batch);
      done += batch;
    }
    const double wall_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    getrusage(RUSAGE_SELF, &ru1);
    auto& rc = db.Read();
    const auto stored =
        rc.QueryInt("SELECT count(*) FROM responses WHERE idempotency_key LIKE ?",
                    "ai-public-policy:bench-" + run + "-%")
            .value_or(-1);
    const auto answers = rc.QueryInt(
                               "SELECT count(*) FROM answers a JOIN responses r ON r.id = "
                               "a.response_id WHERE r.idempotency_key LIKE ?",
                               "ai-public-policy:bench-" + run + "-%")
                             .value_or(-1);
    if (stored != static_cast<std::int64_t>(done) || answers != stored) {
      std::fprintf(stderr, "stored %lld responses and %lld answers for %zu submissions\n",
                   static_cast<long long>(stored), static_cast<long long>(answers), done);
      return 1;
    }

    // The confirmation mails behind the write, as the server's ConfirmationMailer queues them.
    const std::int64_t mail0 = WriterCpuNs(db);
    int mail_tx = 0, mailed = 0;
    for (int n; (n = consultations::QueueConfirmationMails(db)) > 0;) mailed += n, ++mail_tx;
    const std::int64_t mail1 = WriterCpuNs(db);
    if (mailed != static_cast<int>(done + batch) || consultations::PendingConfirmationMails(db) != 0) {
      std::fprintf(stderr, "queued %d confirmation mails for %zu submissions\n", mailed,
                   done + batch);
      exit_code = 1;
    }
    const double mail_us = ((mail1 - mail0) / 1e3 - empty_us) / (done + batch);
    auto cpu_s = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
    const double process_cpu_s =
        cpu_s(ru1.ru_utime) - cpu_s(ru0.ru_utime) + cpu_s(ru1.ru_stime) - cpu_s(ru0.ru_stime);
    std::printf(
        "{\"submissions\":%zu,\"batch\":%zu,\"batches\":%zu,"
        "\"writer_us_per_submission\":%.2f,\"writer_us_min\":%.2f,\"writer_us_max\":%.2f,"
        "\"handler_us_per_submission\":%.2f,\"empty_batch_us\":%.1f,"
        "\"mail_writer_us_per_submission\":%.2f,\"process_cpu_us_per_submission\":%.2f,"
        "\"wall_s\":%.2f,\"writer_ceiling_per_s\":%.0f}\n",
        done, batch, writer.size(), Median(writer), *std::min_element(writer.begin(), writer.end()),
        *std::max_element(writer.begin(), writer.end()), Median(handler), empty_us, mail_us,
        process_cpu_s * 1e6 / done, wall_s, 1e6 / (Median(writer) + mail_us));
  }
  if (!dir.empty() && !keep) std::filesystem::remove_all(dir);
  if (keep && !dir.empty()) std::fprintf(stderr, "kept %s\n", spec.c_str());
  return exit_code;
}

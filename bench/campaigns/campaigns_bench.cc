// Benchmark: ClusterAll on generated consultations of 100k and 1M responses: time, memory, quality.
//
// Built by bench/run.sh as the target plenary_bench_campaigns (not part of `all` nor of CI).
// Run: build/plenary_bench_campaigns [sizes, default 100000,1000000] [threads, default all cores]
//
// For each size it generates a corpus (CorpusOptions defaults: 6% unique, 38% in the seven largest
// campaigns, seed 1), then times ClusterAll (wall clock, and CPU time of all threads, which other
// load on the machine does not inflate) and scores it against the generator's labels. Memory
// columns: peak RSS of the process (VmHWM); the peak growth during ClusterAll over the RSS before
// it (the corpus texts excluded), per response, which includes ClusterAll's result (campaign ids
// and every campaign with its variants and representative text); and, from a second run with a
// Clusterer keeping no texts, the clusterer's own heap per response (Clusterer::MemoryBytes).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "campaigns/clusterer.h"
#include "campaigns/corpus.h"

namespace {

using plenary::campaigns::Clusterer;
using plenary::campaigns::ClustererOptions;
using plenary::campaigns::Clustering;
using plenary::campaigns::Corpus;
using plenary::campaigns::CorpusOptions;
using plenary::campaigns::GenerateCorpus;
using plenary::campaigns::Score;
using plenary::campaigns::Scores;

// A field of /proc/self/status in kB ("VmHWM", "VmRSS"), or -1.
long StatusKb(const std::string& field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::atol(line.c_str() + field.size() + 1);
  }
  return -1;
}

// Resets VmHWM to the current RSS (Linux: writing 5 to clear_refs).
bool ResetPeak() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
  return static_cast<bool>(clear.flush());
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<size_t> sizes = {100000, 1000000};
  if (argc > 1) {
    sizes.clear();
    std::stringstream list(argv[1]);
    for (std::string item; std::getline(list, item, ',');) sizes.push_back(std::stoul(item));
  }
  const int threads = argc > 2 ? std::atoi(argv[2]) : 0;
  std::printf("cores %u, threads %d, load average %s\n", std::thread::hardware_concurrency(),
              threads, LoadAverage().c_str());
  std::printf("%9s %6s %9s %6s %9s %7s %7s %7s %7s %7s %7s %7s %7s %8s %8s %8s\n", "responses",
              "gen s", "cluster s", "cpu s", "resp/s", "true c", "found c", "pair P", "pair R",
              "B3 P", "B3 R", "uniq→c", "uniques", "HWM MB", "ΔHWM B/r", "state B/r");
  for (size_t n : sizes) {
    auto start = std::chrono::steady_clock::now();
    CorpusOptions corpus_options;
    corpus_options.responses = n;
    const Corpus corpus = GenerateCorpus(corpus_options);
    const double gen_s = Seconds(start);

    ClustererOptions options;
    options.threads = threads;
    const bool reset = ResetPeak();
    const long rss_before = StatusKb("VmRSS");
    start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    const Clustering result = ClusterAll(corpus.responses, options);
    const double cluster_s = Seconds(start);
    const double cpu_s = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    const long hwm = StatusKb("VmHWM");
    const Scores s = Score(corpus.labels, result.campaign_of);
    size_t found = 0, uniques = 0;
    for (const auto& c : result.campaigns) found += c.size >= 2;
    for (auto label : corpus.labels) uniques += label < 0;

    // The clusterer's own state, without representative texts or a result to build.
    size_t state_bytes = 0;
    {
      ClustererOptions lean = options;
      lean.keep_representative_texts = false;
      Clusterer clusterer(lean);
      clusterer.AddBatch(corpus.responses);
      state_bytes = clusterer.MemoryBytes();
    }
    std::printf(
        "%9zu %6.1f %9.1f %6.1f %9.0f %7d %7zu %7.4f %7.4f %7.4f %7.4f %7llu %7zu %8.0f "
        "%8.0f %8.0f\n",
        n, gen_s, cluster_s, cpu_s, n / cluster_s, corpus.num_campaigns, found, s.pair_precision,
        s.pair_recall, s.bcubed_precision, s.bcubed_recall,
        static_cast<unsigned long long>(s.uniques_merged), uniques, hwm / 1024.0,
        reset ? (hwm - rss_before) * 1024.0 / n : -1.0, static_cast<double>(state_bytes) / n);
    std::fflush(stdout);
  }
  std::printf("load average %s\n", LoadAverage().c_str());
  return 0;
}

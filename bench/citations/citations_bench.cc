// Citation quality and speed benchmark: scores text::ExtractCitations on the corpus of real UN and
// ITU passages (testdata/citations, see its README) per language and per class, times it on a
// 100-page document made of those passages, prints the figures (and the classes the corpus has no
// real passage for, from testdata/citations/GAPS.md) and, with --write, writes them to
// docs/QUALITY.md whole. Built by bench/citations.sh as plenary_bench_citations (not part of CI;
// the unit test text/citation_corpus_test.cc holds every case of the corpus).
//   build/plenary_bench_citations [--corpus testdata/citations] [--write docs/QUALITY.md]
//                                 [--failures]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "text/citation_corpus.h"
#include "text/citations.h"

using namespace plenary::text;
using Clock = std::chrono::steady_clock;

namespace {

std::string Pct(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

// A document of `pages` pages of about 3,500 bytes each (a UN page holds 500 to 600 words), made
// of the corpus passages in turn.
std::string Document(const std::vector<corpus::Language>& langs, size_t pages) {
  std::string doc;
  size_t want = pages * 3500;
  while (doc.size() < want) {
    for (const auto& l : langs) {
      for (const auto& c : l.cases) {
        doc += c.text;
        doc += "\n\n";
        if (doc.size() >= want) return doc;
      }
    }
  }
  return doc;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "testdata/citations", out_path;
  bool failures = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--corpus") && i + 1 < argc) {
      dir = argv[++i];
    } else if (!std::strcmp(argv[i], "--write") && i + 1 < argc) {
      out_path = argv[++i];
    } else if (!std::strcmp(argv[i], "--failures")) {
      failures = true;
    } else {
      std::fprintf(stderr, "usage: %s [--corpus DIR] [--write FILE] [--failures]\n", argv[0]);
      return 2;
    }
  }
  auto langs = corpus::Load(dir);
  if (!langs.ok()) {
    std::fprintf(stderr, "%s\n", langs.error().message.c_str());
    return 1;
  }
  std::ostringstream md;
  md << "# Quality of the citation extractor\n\n"
     << "Written by `bench/citations.sh --write` (bench/citations/citations_bench.cc); do not edit "
        "by hand.\n\n"
     << "The corpus (`testdata/citations/`, see its README) holds real passages of public UN and "
        "ITU documents (General Assembly, Security Council, ECOSOC, Human Rights Council, ITU "
        "Plenipotentiary Conference, Council, WTSA, WTDC, WRC; and WHO and UNESCO documents, "
        "whose symbols must stay documents) in the six languages, each with the "
        "citations a documentalist finds in it and the numbers that are not citations "
        "(paragraphs, articles, meetings, footnotes, dates, registry numbers). A citation counts "
        "as found when kind, body (`instrument`), number, year and, where the corpus gives them, "
        "symbol, place and revision agree and its span covers the cited text; every other "
        "extraction counts against precision.\n\n"
     << "Reproduce: `bench/citations.sh` (prints the figures; `--failures` lists each miss), "
        "`bench/citations.sh --write` (rewrites this file). The unit test "
        "`CitationCorpus.*` holds every case, so no regression passes CI.\n\n"
     << "## Per language\n\n"
     << "| language | passages | citations | not-citations | found | missed | wrong | recall | "
        "precision |\n|---|---|---|---|---|---|---|---|---|\n";
  corpus::Counts total;
  std::map<std::string, corpus::Counts> classes;
  int total_cases = 0, total_expected = 0, total_neg = 0;
  for (const auto& l : *langs) {
    corpus::Report r = corpus::Evaluate(l);
    md << "| " << l.code << " | " << r.cases << " | " << r.expected << " | " << r.negatives
       << " | " << r.all.tp << " | " << r.all.fn << " | " << r.all.fp << " | "
       << Pct(r.all.Recall()) << " | " << Pct(r.all.Precision()) << " |\n";
    total.tp += r.all.tp;
    total.fp += r.all.fp;
    total.fn += r.all.fn;
    total_cases += r.cases;
    total_expected += r.expected;
    total_neg += r.negatives;
    for (const auto& [k, v] : r.by_class) {
      classes[k].tp += v.tp;
      classes[k].fp += v.fp;
      classes[k].fn += v.fn;
    }
    if (failures) {
      for (const auto& c : l.cases) {
        auto res = corpus::Score(c, ExtractCitations(c.text));
        for (const auto* e : res.missed)
          std::printf("[%s] MISSED %s\n   in: %.120s\n", l.code.c_str(), e->written.c_str(),
                      c.text.c_str());
        for (const auto& x : res.extra)
          std::printf("[%s] WRONG %s %s %d %d '%s' sym=%s text=<%s>\n", l.code.c_str(),
                      x.kind.c_str(), x.instrument.c_str(), x.number, x.year, x.place.c_str(),
                      x.symbol.c_str(), x.text.c_str());
      }
    }
  }
  md << "| all | " << total_cases << " | " << total_expected << " | " << total_neg << " | "
     << total.tp << " | " << total.fn << " | " << total.fp << " | " << Pct(total.Recall())
     << " | " << Pct(total.Precision()) << " |\n\n## Per class (all languages)\n\n"
     << "| class | found | missed | wrong | recall | precision |\n|---|---|---|---|---|---|\n";
  for (const auto& [k, v] : classes) {
    md << "| " << k << " | " << v.tp << " | " << v.fn << " | " << v.fp << " | "
       << Pct(v.Recall()) << " | " << Pct(v.Precision()) << " |\n";
  }
  // The classes the corpus has no real passage for yet: kept beside the corpus (GAPS.md), since
  // only a search for passages can change them.
  if (std::ifstream gaps(std::filesystem::path(dir) / "GAPS.md"); gaps) {
    std::stringstream text;
    text << gaps.rdbuf();
    md << "\n" << text.str();
  }
  // Speed: the median of 15 extractions over a 100-page document.
  std::string doc = Document(*langs, 100);
  // CPU time of the thread as well as elapsed time: on a shared machine the elapsed time also
  // counts the waits for a core.
  auto cpu_ms = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
  };
  std::vector<double> ms, cpu;
  size_t found = 0;
  for (int i = 0; i < 15; ++i) {
    auto t0 = Clock::now();
    double c0 = cpu_ms();
    found = ExtractCitations(doc).size();
    cpu.push_back(cpu_ms() - c0);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  char speed[400];
  std::snprintf(speed, sizeof speed,
                "\n## Speed\n\nA 100-page document (%zu bytes of the corpus passages, %zu "
                "citations), 15 extractions on one core: CPU time median %.1f ms, slowest %.1f "
                "ms; elapsed time median %.1f ms, slowest %.1f ms.\n",
                doc.size(), found, cpu[cpu.size() / 2], cpu.back(), ms[ms.size() / 2],
                ms.back());
  md << speed;
  std::fputs(md.str().c_str(), stdout);
  if (!out_path.empty()) {
    std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
    out << md.str();
    if (!out) {
      std::fprintf(stderr, "cannot write %s\n", out_path.c_str());
      return 1;
    }
  }
  return 0;
}

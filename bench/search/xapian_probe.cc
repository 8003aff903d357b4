// A second search design measured beside FTS5 (issue 16 item 4): the documents of a kept
// benchmark database (build/plenary_bench_search N R --keep FILE) indexed into Xapian with the
// same analyzer (text::AnalyzeForIndex, each term prefixed with its language, title terms
// counted twice as bm25(…, 2.0, 1.0) weighs them), then the benchmark's query words ranked
// with Xapian's BM25 (top 20). Not part of Plenary: a measurement, built only when Debian's
// libxapian-dev is installed (target plenary_probe_xapian).
//   build/plenary_probe_xapian index SQLITE_FILE XAPIAN_DIR
//   build/plenary_probe_xapian query XAPIAN_DIR [rounds=10]
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "base/random.h"
#include "storage/db.h"
#include "text/analyzer.h"
#include "text/messages.h"

using namespace plenary;
using Clock = std::chrono::steady_clock;

namespace {

std::string Prefix(const std::string& lang) { return "X" + lang + ":"; }

int Index(const std::string& sqlite, const std::string& dir) {
  InitCrypto();
  storage::Database db(sqlite);
  Xapian::WritableDatabase x(dir, Xapian::DB_CREATE_OR_OVERWRITE);
  auto t0 = Clock::now();
  storage::Stmt s(db.Read(), "SELECT id, language, title, body FROM search_docs ORDER BY id");
  std::size_t n = 0;
  while (s.Step()) {
    Xapian::Document doc;
    std::string lang = s.Text(1), prefix = Prefix(lang);
    Xapian::termpos pos = 1;
    for (int field = 2; field <= 3; ++field)
      for (const auto& t : text::AnalyzeForIndex(s.Text(field), lang))
        doc.add_posting(prefix + t.text, pos + static_cast<Xapian::termpos>(t.position),
                        field == 2 ? 2 : 1);
    x.replace_document(static_cast<Xapian::docid>(s.Int(0)), doc);
    if (++n % 50000 == 0) {
      x.commit();
      std::fprintf(stderr, "%zu documents, %.0f s\n", n,
                   std::chrono::duration<double>(Clock::now() - t0).count());
    }
  }
  x.commit();
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  std::printf("{\"documents\":%zu,\"index_s\":%.1f,\"per_s\":%.0f}\n", n, secs, n / secs);
  return 0;
}

// The query of `q` in every language: its terms joined with AND (a phrase in quotes, or a CJK
// word's bigrams, as a phrase), the languages joined with OR.
Xapian::Query QueryOf(const std::string& q) {
  std::vector<Xapian::Query> per_language;
  for (const auto& lang : text::Languages()) {
    std::vector<std::string> terms;
    for (const auto& t : text::AnalyzeForIndex(q, lang)) terms.push_back(Prefix(lang) + t.text);
    if (terms.empty()) continue;
    bool phrase = q.front() == '"' || (static_cast<unsigned char>(q[0]) >= 0xE4);
    per_language.emplace_back(phrase && terms.size() > 1 ? Xapian::Query::OP_PHRASE
                                                         : Xapian::Query::OP_AND,
                              terms.begin(), terms.end());
  }
  return Xapian::Query(Xapian::Query::OP_OR, per_language.begin(), per_language.end());
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
}

int Query(const std::string& dir, int rounds) {
  Xapian::Database x(dir);
  Xapian::Enquire e(x);
  e.set_weighting_scheme(Xapian::BM25Weight());
  const std::vector<std::pair<std::string, std::vector<std::string>>> mix = {
      {"common", {"internet", "Internet", "互联网", "الإنترنت", "интернет", "données"}},
      {"medium", {"energy", "gouvernements", "privacidad", "безопасность", "数据中心", "الشبكات"}},
      {"rare", {"neutrality", "interopérabilité", "espectro", "цензура", "网络安全", "التشفير"}},
      {"phrase", {"\"open internet\"", "access human right", "互联网治理", "accès universel"}},
  };
  std::string out = "{";
  for (const auto& [cls, words] : mix) {
    std::vector<double> ms;
    std::size_t without = 0;
    for (int r = 0; r < rounds; ++r)
      for (const auto& w : words) {
        auto t = Clock::now();
        e.set_query(QueryOf(w));
        Xapian::MSet m = e.get_mset(0, 21);
        std::size_t got = 0;
        for (auto it = m.begin(); it != m.end(); ++it) ++got;
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
        if (r == 0 && got == 0) ++without;
        if (r == 0)
          std::fprintf(stderr, "%s %s: %zu hits, about %u matches\n", cls.c_str(), w.c_str(), got,
                       m.get_matches_estimated());
      }
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "\"%s\":{\"p50\":%.2f,\"p95\":%.2f,\"p99\":%.2f,\"queries\":%zu,"
                  "\"queries_without_hits\":%zu},",
                  cls.c_str(), Percentile(ms, .5), Percentile(ms, .95), Percentile(ms, .99),
                  ms.size(), without);
    out += buf;
  }
  out.back() = '}';
  std::printf("%s\n", out.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> a(argv + 1, argv + argc);
  if (a.size() >= 3 && a[0] == "index") return Index(a[1], a[2]);
  if (a.size() >= 2 && a[0] == "query") return Query(a[1], a.size() > 2 ? std::stoi(a[2]) : 10);
  std::fprintf(stderr, "usage: plenary_probe_xapian index SQLITE XAPIAN_DIR | query XAPIAN_DIR [rounds]\n");
  return 2;
}

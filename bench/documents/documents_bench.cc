// Generation time and memory of a 40-page summary record in every format (DOCX, PDF, Akoma
// Ntoso) and language: builds a record of the Council's shape (items of numbered paragraphs
// with citations, footnotes and signatures) long enough to fill about 40 PDF pages in English,
// renders it, and prints one line per language and format: pages (PDF), bytes, wall and CPU
// milliseconds, and the process's peak resident memory so far. Not part of CI
// (bench/documents/run.sh).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "render/render.h"

using namespace plenary::render;

namespace {

std::string Sentence(const std::string& lang, int i) {
  if (lang == "zh")
    return "秘书处代表介绍了C22/33号文件，其中概述了国际电联在过去一年中开展的与互联网有关的活动，"
           "包括根据全权代表大会第101、102、133、180和206号决议开展的工作（第" +
           std::to_string(i) + "段）。";
  if (lang == "ar")
    return "قدّم ممثل الأمانة الوثيقة C22/33 التي تعرض أنشطة الاتحاد المتعلقة بالإنترنت خلال العام "
           "الماضي، بما في ذلك العمل المنجز بموجب القرارات 101 و102 و133 و180 و206 (الفقرة " +
           std::to_string(i) + ").";
  if (lang == "ru")
    return "Представитель секретариата представил Документ C22/33, в котором изложена деятельность "
           "МСЭ, связанная с интернетом, за прошедший год, включая работу по Резолюциям 101, 102, "
           "133, 180 и 206 (пункт " +
           std::to_string(i) + ").";
  return "The representative of the secretariat introduced Document C22/33, which outlined ITU's "
         "Internet-related activities over the past year, including the work carried out under "
         "Resolutions 101, 102, 133, 180 and 206 (paragraph " +
         std::to_string(i) + ").";
}

Document Record(const std::string& lang, int items, int paragraphs) {
  Document d;
  d.kind = "summary_record";
  d.status = "issued";
  d.lang = lang;
  d.symbol = "C22/87";
  d.date = "2022-03-31";
  d.date_text = "31 March 2022";
  d.organization = "Council 2022";
  d.origin = "Original: English";
  d.body_key = "council";
  d.body_acronym = "C";
  d.title = "Summary record of the seventh plenary meeting";
  for (int i = 1; i <= items; ++i) {
    d.blocks.push_back({"heading",
                        std::to_string(i),
                        0,
                        "Agenda item " + std::to_string(i) + " (Document C22/33)",
                        lang,
                        {},
                        {}});
    for (int j = 1; j <= paragraphs; ++j) {
      std::string text = Sentence(lang, j) + " " + Sentence(lang, j + 1);
      Block b{"paragraph", std::to_string(i) + "." + std::to_string(j), 0, text, lang, {}, {}};
      auto at = text.find("C22/33");
      b.links.push_back({at, at + 6, "/documents/1"});
      if (j % 10 == 0) b.footnotes.push_back("This text is available in English only.");
      d.blocks.push_back(std::move(b));
    }
  }
  d.signatures.push_back({"The Secretary-General:", "H. ZHAO", ""});
  d.signatures.push_back({"The Chair:", "S. AL-OTAIBI", ""});
  return d;
}

double CpuMs() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
         (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

long PeakKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

int Pages(const std::string& pdf) {
  int n = 0;
  // Each page object says "/Type /Page"; the page tree says "/Type /Pages".
  for (std::size_t at = 0; (at = pdf.find("/Type /Page", at)) != std::string::npos; ++at)
    if (pdf.compare(at, 12, "/Type /Pages") != 0) ++n;
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  // 12 items of 14 paragraphs: about 40 pages of A4 in English.
  int items = argc > 1 ? std::atoi(argv[1]) : 12;
  int paragraphs = argc > 2 ? std::atoi(argv[2]) : 14;
  // Wall time and CPU time: on a shared machine the CPU time is the cost of the document.
  std::printf("lang format pages bytes wall_ms cpu_ms peak_rss_mb\n");
  for (const char* lang : {"en", "fr", "ru", "ar", "zh", "es"}) {
    Document d = Record(lang, items, paragraphs);
    for (const char* format : kFormats) {
      auto start = std::chrono::steady_clock::now();
      double cpu = CpuMs();
      auto out = Render(d, format);
      double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count();
      if (!out.ok()) {
        std::fprintf(stderr, "%s %s: %s\n", lang, format, out.error().message.c_str());
        return 1;
      }
      std::printf("%s %s %d %zu %.0f %.0f %.1f\n", lang, format,
                  std::string(format) == "pdf" ? Pages(*out) : 0, out->size(), ms, CpuMs() - cpu,
                  PeakKb() / 1024.0);
    }
  }
  return 0;
}

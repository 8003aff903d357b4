// The search documents of documents and resolutions (see sources.h).
#include "documents/sources.h"

#include <fmt/format.h>

#include "documents/resolutions.h"
#include "text/messages.h"

namespace plenary::documents {

using search::Doc;
using search::ParseOrNull;
using search::VersionText;
using storage::Stmt;

std::vector<Doc> DocumentDocs(storage::Connection& c, std::int64_t id) {
  std::vector<Doc> docs;
  Stmt s(c, "SELECT body_id, date, symbol, title, summary, source FROM documents "
            "WHERE id = ? AND access = 'public'");
  s.BindAll(id);
  if (s.Step()) {
    auto summary = ParseOrNull(s.Text(4)), source = ParseOrNull(s.Text(5));
    auto title = ParseOrNull(s.Text(3));
    for (const auto& [lang, t] : search::Versions(title))
      docs.push_back({lang, std::nullopt, s.OptInt(0), s.Text(1),
                      fmt::format("/documents/{}", id), s.Text(2) + " " + t,
                      VersionText(summary, lang) + "\n" + VersionText(source, lang)});
    // The text of its uploaded files: a PDF hit names its page and links to it (#page=N, which
    // PDF viewers follow); DOCX, ODT and plain text are one text (page 0).
    Stmt p(c, "SELECT language, page, text FROM document_texts WHERE document_id = ? "
              "ORDER BY language, page");
    p.BindAll(id);
    while (p.Step()) {
      std::string lang = p.Text(0), symbol = s.Text(2);
      std::int64_t page = p.Int(1);
      std::string t = VersionText(title, lang);
      if (t.empty()) t = search::Versions(title).empty() ? "" : search::Versions(title)[0].second;
      std::string url = fmt::format("/documents/{}/files/{}", id, lang);
      if (page > 0) url += fmt::format("#page={}", page);
      docs.push_back({lang, std::nullopt, s.OptInt(0), s.Text(1), url,
                      page > 0 ? text::T(lang, "search_document_page",
                                         {{"symbol", symbol}, {"title", t}, {"page", page}})
                               : symbol + " " + t,
                      p.Text(2)});
    }
  }
  return docs;
}

std::vector<Doc> ResolutionDocs(storage::Connection& c, std::int64_t id) {
  std::vector<Doc> docs;
  Stmt s(c, "SELECT instrument, number, title, (SELECT max(year) FROM resolution_revisions v "
            "WHERE v.resolution_id = r.id) FROM resolutions r WHERE id = ?");
  s.BindAll(id);
  if (s.Step()) {
    for (const auto& [lang, t] : search::Versions(ParseOrNull(s.Text(2))))
      docs.push_back({lang, std::nullopt, std::nullopt,
                      s.IsNull(3) ? std::string("1865-05-17") : s.Text(3) + "-01-01",
                      fmt::format("/resolutions/{}/{}", s.Text(0), s.Int(1)),
                      ResolutionName(lang, s.Text(0), static_cast<int>(s.Int(1))), t});
  }
  return docs;
}

}  // namespace plenary::documents

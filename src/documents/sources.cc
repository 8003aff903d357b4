// The search documents of documents and resolutions (see sources.h).
#include "documents/sources.h"

#include <fmt/format.h>

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
    for (const auto& [lang, t] : search::Versions(ParseOrNull(s.Text(3))))
      docs.push_back({lang, std::nullopt, s.OptInt(0), s.Text(1),
                      fmt::format("/documents/{}", id), s.Text(2) + " " + t,
                      VersionText(summary, lang) + "\n" + VersionText(source, lang)});
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
                      text::T(lang, "search_resolution_title", {{"number", s.Int(1)}}), t});
  }
  return docs;
}

}  // namespace plenary::documents

// Helpers of the documents capability: input checks, content sniffing, citation lookups
// (documents' own citations table, and the citing sources the capabilities above hand down).
#include "documents/internal.h"


#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include <fmt/format.h>

#include "meetings/meetings.h"
#include "text/messages.h"

namespace plenary::documents::internal {

namespace json = boost::json;
using storage::Connection;
using storage::Stmt;







bool NaturalLess(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      std::size_t i2 = i, j2 = j;
      while (i2 < a.size() && digit(a[i2])) ++i2;
      while (j2 < b.size() && digit(b[j2])) ++j2;
      std::string_view x(a.data() + i, i2 - i), y(b.data() + j, j2 - j);
      while (x.size() > 1 && x.front() == '0') x.remove_prefix(1);
      while (y.size() > 1 && y.front() == '0') y.remove_prefix(1);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = i2;
      j = j2;
    } else {
      if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

std::optional<std::string> CanonicalSymbol(std::string_view t) {
  auto s = text::ParseSymbol(t);
  if (!s.ok()) return std::nullopt;
  s->language.clear();
  return text::FormatSymbol(*s);
}

std::optional<std::int64_t> ResolveBody(Connection& c, const std::string& id_or_key) {
  return meetings::BodyId(c, id_or_key);
}

namespace {
// Each language version of a multilingual value, in the order of text::Languages().
std::vector<std::pair<std::string, std::string>> Versions(const json::value& v) {
  std::vector<std::pair<std::string, std::string>> out;
  if (const auto* o = v.if_object())
    for (const auto& lang : text::Languages())
      if (const auto* t = o->if_contains(lang); t && t->is_string() && !t->as_string().empty())
        out.emplace_back(lang, std::string(t->as_string()));
  return out;
}
// Each citation in `text` with the phrase to quote for it: the whole list it belongs to
// ("第101、102、133、180和206号决议", "Resolutions 102 and 140 (Rev. Dubai, 2018)"), since a
// citation inside a list spans only its own number.
std::vector<std::pair<text::Citation, std::string>> Quoted(const std::string& text) {
  auto cits = text::ExtractCitations(text);
  std::vector<std::pair<text::Citation, std::string>> out;
  std::size_t i = 0;
  while (i < cits.size()) {
    std::size_t j = i;
    while (j + 1 < cits.size() && cits[j].kind == cits[j + 1].kind) {
      std::string_view gap(text.data() + cits[j].end, cits[j + 1].begin - cits[j].end);
      // A later item of a list spans from its number: "102", "140 (Rev. Dubai, 2018)".
      const std::string& next = cits[j + 1].text;
      auto byte = [&](std::size_t k) { return k < next.size() ? static_cast<unsigned char>(next[k]) : 0; };
      bool digit = (byte(0) >= '0' && byte(0) <= '9') ||
                   (byte(0) == 0xEF && byte(1) == 0xBC && byte(2) >= 0x90 && byte(2) <= 0x99) ||
                   (byte(0) == 0xD9 && byte(1) >= 0xA0 && byte(1) <= 0xA9);
      bool joined = digit && gap.size() <= 8;
      for (std::string_view stop : {".", ";", "\n", "。", "；"})
        joined = joined && gap.find(stop) == std::string_view::npos;
      if (!joined) break;
      ++j;
    }
    std::size_t begin = cits[i].begin, end = cits[j].end;
    for (std::size_t k = i; k <= j; ++k)
      out.emplace_back(cits[k], end - begin <= 300 ? text.substr(begin, end - begin) : cits[k].text);
    i = j + 1;
  }
  return out;
}

}  // namespace

namespace {
void WriteCitations(Connection& c, const std::string& source_kind, std::int64_t source_id,
                    const std::vector<const json::value*>& fields) {
  c.Exec("DELETE FROM citations WHERE source_kind = ? AND source_id = ?", source_kind, source_id);
  for (const json::value* field : fields) {
    for (const auto& [lang, text] : Versions(*field)) {
      for (const auto& [cit, quote] : Quoted(text)) {
        // The registry records the resolutions and documents a text cites; decisions and
        // recommendations are found by the extractor but have no entry to point to.
        if (cit.kind != "document" && cit.kind != "resolution") continue;
        std::string symbol;
        if (cit.kind == "document") {
          auto canonical = CanonicalSymbol(cit.symbol);
          if (!canonical) continue;
          symbol = *canonical;
        } else if (cit.instrument.empty() || cit.number <= 0) {
          continue;
        }
        c.Exec("INSERT INTO citations(source_kind, source_id, language, kind, instrument, number, "
               "symbol, text) VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
               source_kind, source_id, lang, cit.kind, cit.instrument,
               static_cast<std::int64_t>(cit.number), symbol, quote);
      }
    }
  }
}
}  // namespace

void RecordCitations(Connection& c, std::int64_t document_id, const json::value& title,
                     const json::value& summary) {
  WriteCitations(c, "document", document_id, {&title, &summary});
}

FileText TextOf(Connection& c, std::int64_t document_id, const std::string& language) {
  FileText out;
  Stmt n(c, "SELECT count(*) FROM document_texts WHERE document_id = ? AND language = ?");
  n.BindAll(document_id, language);
  if (n.Step()) out.pages = n.Int(0);
  Stmt e(c, "SELECT text_error FROM document_files WHERE document_id = ? AND language = ?");
  e.BindAll(document_id, language);
  if (e.Step() && !e.IsNull(0)) out.error = e.Text(0);
  return out;
}

void RecordFileCitations(Connection& c, std::int64_t document_id, const std::string& language,
                         const std::vector<std::string>& pages, std::size_t max_citations) {
  c.Exec("DELETE FROM citations WHERE source_kind = 'document_file' AND source_id = ? "
         "AND language = ?",
         document_id, language);
  std::size_t kept = 0;
  for (const auto& text : pages) {
    for (const auto& [cit, quote] : Quoted(text)) {
      if (kept >= max_citations) return;
      std::string symbol;
      if (cit.kind == "document") {
        auto canonical = CanonicalSymbol(cit.symbol);
        if (!canonical) continue;
        symbol = *canonical;
      } else if (cit.instrument.empty() || cit.number <= 0) {
        continue;
      }
      c.Exec("INSERT INTO citations(source_kind, source_id, language, kind, instrument, number, "
             "symbol, text) VALUES('document_file', ?, ?, ?, ?, ?, ?, ?)",
             document_id, language, cit.kind, cit.instrument, static_cast<std::int64_t>(cit.number),
             symbol, quote);
      ++kept;
    }
  }
}

std::vector<Citing> CitingDocuments(Connection& c, const std::string& where,
                                    const std::function<void(Stmt&)>& bind, const Viewer& viewer,
                                    std::int64_t exclude_id) {
  std::map<std::int64_t, json::object> texts;  // document → language → first citation text
  std::vector<std::int64_t> order;
  {
    Stmt s(c, "SELECT c.source_id, c.language, c.text FROM citations c "
              "WHERE c.source_kind IN ('document', 'document_file') AND " + where +
              " ORDER BY c.id");
    bind(s);
    while (s.Step()) {
      std::int64_t id = s.Int(0);
      if (id == exclude_id) continue;
      if (!texts.count(id)) order.push_back(id);
      auto& o = texts[id];
      if (!o.contains(s.Text(1))) o[s.Text(1)] = s.Text(2);
    }
  }
  std::vector<std::pair<std::string, Citing>> out;
  for (std::int64_t id : order) {
    Stmt d(c, "SELECT symbol, title, access FROM documents WHERE id = ?");
    d.BindAll(id);
    if (!d.Step() || !CanSee(viewer, d.Text(2))) continue;
    Citing ci;
    ci.kind = "document";
    ci.id = id;
    ci.label = d.Text(0);
    ci.title = ParseJson(d.Text(1));
    ci.url = fmt::format("/documents/{}", id);
    ci.texts = texts[id];
    out.emplace_back(ci.label, std::move(ci));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return NaturalLess(a.first, b.first); });
  std::vector<Citing> result;
  for (auto& [k, v] : out) result.push_back(std::move(v));
  return result;
}

namespace {
std::mutex citing_mu;
CitingSources& RegisteredSources() {
  static CitingSources sources;
  return sources;
}
}  // namespace

std::vector<Citing> CitingRecords(Connection& c, const std::string& where,
                                  const std::function<void(Stmt&)>& bind) {
  CitingSources sources;
  {
    std::lock_guard lock(citing_mu);
    sources = RegisteredSources();
  }
  // kind → record → language → the first citation as written; ids in order of first citation.
  std::map<std::string, std::map<std::int64_t, json::object>> texts;
  std::map<std::string, std::vector<std::int64_t>> ids;
  {
    Stmt s(c, "SELECT c.source_kind, c.source_id, c.language, c.text FROM citations c "
              "WHERE c.source_kind NOT IN ('document', 'document_file') AND " + where +
              " ORDER BY c.id");
    bind(s);
    while (s.Step()) {
      std::string kind = s.Text(0);
      std::int64_t id = s.Int(1);
      auto& of_kind = texts[kind];
      if (!of_kind.count(id)) ids[kind].push_back(id);
      auto& o = of_kind[id];
      if (!o.contains(s.Text(2))) o[s.Text(2)] = s.Text(3);
    }
  }
  std::vector<Citing> out;
  for (const auto& source : sources) {
    auto it = ids.find(source.kind);
    if (it == ids.end()) continue;
    for (auto& ci : source.describe(c, it->second)) {
      ci.texts = texts[source.kind][ci.id];
      out.push_back(std::move(ci));
    }
  }
  return out;
}

json::object FirstCitations(const std::vector<const json::value*>& fields,
                            const CitationMatch& match) {
  json::object found;
  for (const json::value* f : fields)
    for (const auto& [lang, text] : Versions(*f)) {
      if (found.contains(lang)) continue;
      for (const auto& [cit, quote] : Quoted(text))
        if (match(cit)) {
          found[lang] = quote;
          break;
        }
    }
  return found;
}

}  // namespace plenary::documents::internal

namespace plenary::documents {

void SetCitingSources(CitingSources sources) {
  std::lock_guard lock(internal::citing_mu);
  internal::RegisteredSources() = std::move(sources);
}

boost::json::object CitationsIn(const std::vector<const boost::json::value*>& fields,
                                const CitationMatch& match) {
  return internal::FirstCitations(fields, match);
}

void RecordCitationsOf(storage::Connection& c, const std::string& source_kind,
                       std::int64_t source_id, const std::vector<const boost::json::value*>& fields) {
  internal::WriteCitations(c, source_kind, source_id, fields);
}

}  // namespace plenary::documents

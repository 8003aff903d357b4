// Issuing generated documents: snapshot, renditions, registry row, audit, in one transaction.
#include "documents/issued.h"

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <chrono>

#include "audit/audit.h"
#include "base/random.h"
#include "base/time.h"
#include "documents/internal.h"
#include "mail/mail.h"
#include "render/render.h"
#include "text/messages.h"

namespace plenary::documents {

namespace json = boost::json;
using storage::Connection;
using storage::Stmt;

namespace {

bool IsDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  std::chrono::year_month_day d{std::chrono::year(std::stoi(s.substr(0, 4))),
                                std::chrono::month(std::stoi(s.substr(5, 2))),
                                std::chrono::day(std::stoi(s.substr(8, 2)))};
  return d.ok();
}

std::optional<Issued> ReadIssued(Connection& c, std::string_view where, std::int64_t id,
                                 const std::string& source) {
  Stmt s(c, std::string("SELECT i.document_id, d.symbol, i.source, i.version, i.issued_at, "
                        "i.snapshot FROM issued_documents i JOIN documents d ON d.id = "
                        "i.document_id WHERE ") +
                std::string(where));
  if (source.empty())
    s.Bind(1, id);
  else
    s.Bind(1, source);
  if (!s.Step()) return std::nullopt;
  Issued out{s.Int(0), s.Text(1), s.Text(2), static_cast<int>(s.Int(3)), s.Int(4), {}};
  out.snapshot = json::parse(s.Text(5)).as_object();
  return out;
}

}  // namespace

Result<json::object> IssueAndDescribe(storage::Database& db, std::int64_t user_id,
                                      const IssueInput& in) {
  auto id = Issue(db, user_id, in);
  if (!id.ok()) return id.error();
  auto issued = IssuedOf(db, *id);
  if (!issued) return Error{Code::kInternal, "the issued document is missing", {}};
  return json::object{{"id", *id},
                      {"symbol", issued->symbol},
                      {"date", in.request.date},
                      {"issued", IssuedJson(db, *issued)}};
}

std::string OriginLine(const std::string& original, const std::string& lang) {
  icu::UnicodeString name;
  icu::Locale(text::IcuLocale(original).c_str())
      .getDisplayLanguage(icu::Locale(text::IcuLocale(lang).c_str()), name);
  std::string utf8;
  name.toUTF8String(utf8);
  return text::T(lang, "doc_original", {{"language", utf8}});
}

std::vector<render::LanguageSpan> LanguageSpans(const site::Sentence& s) {
  std::vector<render::LanguageSpan> out;
  std::size_t at = 0;
  for (const auto& run : s.Runs()) {
    if (run.lang != s.lang) out.push_back({at, at + run.text.size(), run.lang});
    at += run.text.size();
  }
  return out;
}

std::vector<render::Link> CitationLinks(storage::Database& db, const std::string& text) {
  std::vector<render::Link> out;
  for (const auto& c : text::ExtractCitations(text)) {
    if (c.kind != "document") continue;
    // Absolute (the server's public address, as in mails): a PDF's links leave the site.
    if (auto url = DocumentUrl(db, c)) out.push_back({c.begin, c.end, mail::PublicUrl() + *url});
  }
  return out;
}

Result<Download> DownloadGenerated(storage::Database& db, const std::string& source,
                                   const std::string& lang, const std::string& format,
                                   const std::function<Result<render::Document>()>& draft,
                                   bool live) {
  if (!text::IsLanguage(lang))
    return InvalidArgument("lang", "lang: must be one of ar, zh, en, fr, ru, es");
  if (auto issued = live ? std::nullopt : LatestIssued(db, source)) {
    auto data = Rendition(db, issued->document_id, lang, format);
    if (!data) return NotFound("no " + format + " file of " + issued->symbol + " in " + lang);
    return Download{std::move(*data), render::MediaType(format),
                    RenditionName(issued->symbol, lang, format)};
  }
  auto d = draft();
  if (!d.ok()) return d.error();
  auto data = render::Render(*d, format);
  if (!data.ok()) return data.error();
  return Download{std::move(*data), render::MediaType(format),
                  RenditionName("draft", lang, format)};
}

std::string RenditionName(const std::string& symbol, const std::string& lang,
                          const std::string& format) {
  std::string base = symbol;
  for (char& ch : base)
    if (ch == '/') ch = '-';
  return base + "-" + render::LanguageLetter(lang) + "." + format;
}

Result<IssueRequest> CheckIssueRequest(const json::object& body) {
  for (const auto& [k, v] : body)
    if (k != "symbol" && k != "date")
      return InvalidArgument(std::string(k),
                             std::string(k) + ": unknown field (give symbol and date)");
  auto str = [&body](const char* k) -> std::optional<std::string> {
    auto* v = body.if_contains(k);
    if (!v || !v->is_string()) return std::nullopt;
    return std::string(v->as_string());
  };
  auto symbol = str("symbol");
  if (!symbol || internal::Trim(*symbol).empty())
    return InvalidArgument("symbol",
                           "symbol: required, the document symbol it is issued under "
                           "(e.g. C22/87)");
  auto canonical = internal::CanonicalSymbol(internal::Trim(*symbol));
  if (!canonical)
    return InvalidArgument("symbol", "symbol: \"" + symbol->substr(0, 40) +
                                         "\" is not a document symbol (e.g. C22/87)");
  auto date = str("date");
  if (!date || !IsDate(*date))
    return InvalidArgument("date", "date: required, the issue date as YYYY-MM-DD (a real date)");
  return IssueRequest{*canonical, *date};
}

Result<std::int64_t> Issue(storage::Database& db, std::int64_t user_id, const IssueInput& in) {
  // Rendering is pure and slow (fonts, shaping): done before the write, outside the writer.
  struct File {
    std::string lang, format, data, digest;
  };
  std::vector<File> files;
  json::object snapshot;
  for (const auto& v : in.versions) {
    snapshot[v.lang] = render::ToJson(v);
    for (const char* f : render::kFormats) {
      auto bytes = render::Render(v, f);
      if (!bytes.ok()) return bytes.error();
      files.push_back({v.lang, f, std::move(*bytes), {}});
      files.back().digest = Digest(files.back().data);
    }
  }
  const std::string snapshot_text = json::serialize(snapshot);
  return db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    // draft → approved → issued (generated.h): only an approved text is issued, and its
    // approval is used up by the issue.
    if (!c.QueryInt("SELECT 1 FROM document_approvals WHERE source = ?", in.source))
      return Error{Code::kFailedPrecondition,
                   "status: the document is not approved; approve it before issuing it (POST "
                   "…/approve)",
                   "status"};
    auto previous = ReadIssued(c, "i.source = ? ORDER BY i.version DESC LIMIT 1", 0, in.source);
    auto first = ReadIssued(c, "i.source = ? ORDER BY i.version LIMIT 1", 0, in.source);
    DocumentInput d;
    d.symbol = in.request.symbol;
    d.body = in.body;
    d.title = in.title;
    d.date = in.request.date;
    d.source_kind = in.source_kind;
    d.source = in.author;
    d.access = in.access;
    d.status = "issued";
    auto id = CreateOn(c, user_id, d);
    if (!id.ok()) return id.error();
    if (previous) {
      // A later version must say what it amends: C22/87(Corr.1) corrects C22/87.
      auto amends = c.QueryInt(
          "SELECT 1 FROM document_relations r JOIN issued_documents i ON i.document_id = "
          "r.target_id WHERE r.document_id = ? AND r.kind IN ('corrects', 'revises') AND "
          "i.source = ?",
          *id, in.source);
      if (!amends)
        return Error{Code::kConflict,
                     fmt::format("symbol: this document was issued as {}; nothing changes an "
                                 "issued document: issue a correction as {}(Corr.1) or a "
                                 "revision as {}(Rev.1)",
                                 previous->symbol, first->symbol, first->symbol),
                     "symbol"};
    }
    const int version = previous ? previous->version + 1 : 1;
    const Instant now = Now();
    c.Exec(
        "INSERT INTO issued_documents(document_id, source, version, snapshot, issued_at, "
        "user_id) VALUES(?,?,?,?,?,?)",
        *id, in.source, version, snapshot_text, now, user_id);
    for (const auto& f : files) {
      Stmt s(c,
             "INSERT INTO issued_renditions(document_id, language, format, data, digest) "
             "VALUES(?,?,?,?,?)");
      s.Bind(1, *id).Bind(2, f.lang).Bind(3, f.format).BindBlob(4, f.data).Bind(5, f.digest);
      while (s.Step()) {
      }
    }
    c.Exec("DELETE FROM document_approvals WHERE source = ?", in.source);
    audit::Record(c, user_id, "document.issue", "document", *id, std::nullopt,
                  json::serialize(json::object{{"symbol", in.request.symbol},
                                               {"date", in.request.date},
                                               {"source", in.source},
                                               {"version", version}}));
    return *id;
  });
}

std::optional<Issued> LatestIssued(storage::Database& db, const std::string& source) {
  return ReadIssued(db.Read(), "i.source = ? ORDER BY i.version DESC LIMIT 1", 0, source);
}

std::optional<Issued> IssuedOf(storage::Database& db, std::int64_t document_id) {
  return ReadIssued(db.Read(), "i.document_id = ?", document_id, "");
}

std::optional<std::string> Rendition(storage::Database& db, std::int64_t document_id,
                                     const std::string& lang, const std::string& format) {
  Stmt s(db.Read(),
         "SELECT data FROM issued_renditions WHERE document_id = ? AND language = ? "
         "AND format = ?");
  s.Bind(1, document_id).Bind(2, lang).Bind(3, format);
  if (!s.Step()) return std::nullopt;
  return s.Text(0);
}

json::object IssuedJson(storage::Database& db, const Issued& issued) {
  json::array files;
  {
    Stmt s(db.Read(),
           "SELECT language, format, length(data), digest FROM issued_renditions "
           "WHERE document_id = ? ORDER BY language, format");
    s.Bind(1, issued.document_id);
    while (s.Step())
      files.push_back({{"language", s.Text(0)},
                       {"format", s.Text(1)},
                       {"size", s.Int(2)},
                       {"digest", s.Text(3)},
                       {"filename", RenditionName(issued.symbol, s.Text(0), s.Text(1))},
                       {"url", fmt::format("/api/v1/documents/{}/issued.{}?lang={}",
                                           issued.document_id, s.Text(1), s.Text(0))}});
  }
  json::object o{{"source", issued.source},       {"version", issued.version},
                 {"issued_at", issued.issued_at}, {"snapshot", issued.snapshot},
                 {"files", std::move(files)},     {"previous", nullptr},
                 {"changes", json::object()}};
  if (issued.version > 1) {
    Stmt s(db.Read(),
           "SELECT i.document_id FROM issued_documents i WHERE i.source = ? AND "
           "i.version = ?");
    s.Bind(1, issued.source).Bind(2, issued.version - 1);
    if (s.Step()) {
      auto prev = IssuedOf(db, s.Int(0));
      if (prev) {
        o["previous"] = prev->symbol;
        json::object changes;
        for (const auto& [lang, model] : issued.snapshot) {
          auto* before = prev->snapshot.if_contains(lang);
          auto a =
              before ? render::FromJson(*before) : Result<render::Document>(render::Document{});
          auto b = render::FromJson(model);
          if (a.ok() && b.ok()) changes[lang] = render::Changes(*a, *b);
        }
        o["changes"] = std::move(changes);
      }
    }
  }
  return o;
}

}  // namespace plenary::documents

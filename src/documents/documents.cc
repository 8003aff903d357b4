// Document queries and use cases on the SQL store.
#include "documents/documents.h"

#include "site/fields.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "audit/audit.h"
#include "base/random.h"
#include "base/time.h"
#include "documents/extract.h"
#include "documents/extract_process.h"
#include "documents/internal.h"
#include "search/search.h"
#include "text/messages.h"
#include "text/symbols.h"

namespace plenary::documents {

namespace json = boost::json;
using storage::Connection;
using storage::Stmt;
using namespace internal;

bool CanSee(const Viewer& viewer, std::string_view access) {
  if (access == "public") return true;
  if (!viewer) return false;
  const std::string& role = viewer->user.role;
  if (role == "admin" || role == "secretariat") return true;
  // Member State delegates and chairs see what is restricted to Member States (not what is
  // restricted to the secretariat); public participants' accounts see only public documents.
  if (access == "member_states") return role == "delegate" || role == "chair";
  return false;
}

namespace {

constexpr char kSelect[] =
    "SELECT d.id, d.symbol, d.body_id, b.key, b.acronym, d.title, d.summary, d.date, "
    "d.source_kind, d.source, d.access, d.status, d.illustrative, d.created_at "
    "FROM documents d LEFT JOIN bodies b ON b.id = d.body_id ";

Document RowToDocument(Stmt& s) {
  Document d;
  d.id = s.Int(0);
  d.symbol = s.Text(1);
  d.body_id = s.OptInt(2);
  if (!s.IsNull(3)) d.body_key = s.Text(3);
  if (!s.IsNull(4)) d.body_acronym = s.Text(4);
  d.title = ParseJson(s.Text(5));
  d.summary = ParseJson(s.Text(6));
  d.date = s.Text(7);
  d.source_kind = s.Text(8);
  d.source = ParseJson(s.Text(9));
  d.access = s.Text(10);
  d.status = s.Text(11);
  d.illustrative = s.Int(12) != 0;
  d.created_at = s.Int(13);
  return d;
}

int LanguageRank(const std::string& lang) {
  const auto& langs = text::Languages();
  return static_cast<int>(std::find(langs.begin(), langs.end(), lang) - langs.begin());
}

void LoadDetails(Connection& c, Document& d, const Viewer& viewer) {
  Stmt out(c, "SELECT r.kind, t.id, t.symbol, t.access FROM document_relations r "
              "JOIN documents t ON t.id = r.target_id WHERE r.document_id = ? ORDER BY t.symbol");
  out.BindAll(d.id);
  while (out.Step())
    if (CanSee(viewer, out.Text(3))) d.relations.push_back({out.Text(0), out.Int(1), out.Text(2)});
  Stmt in(c, "SELECT r.kind, s.id, s.symbol, s.access FROM document_relations r "
             "JOIN documents s ON s.id = r.document_id WHERE r.target_id = ? ORDER BY s.symbol");
  in.BindAll(d.id);
  while (in.Step())
    if (CanSee(viewer, in.Text(3))) d.related_by.push_back({in.Text(0), in.Int(1), in.Text(2)});
  for (auto* list : {&d.relations, &d.related_by})
    std::stable_sort(list->begin(), list->end(), [](const Relation& a, const Relation& b) {
      return NaturalLess(a.symbol, b.symbol);
    });
  Stmt f(c, "SELECT language, filename, media_type, size, digest, uploaded_at "
            "FROM document_files WHERE document_id = ?");
  f.BindAll(d.id);
  while (f.Step())
    d.files.push_back({f.Text(0), f.Text(1), f.Text(2), f.Int(3), f.Text(4), f.Int(5)});
  std::sort(d.files.begin(), d.files.end(), [](const FileInfo& a, const FileInfo& b) {
    return LanguageRank(a.language) < LanguageRank(b.language);
  });
}

// The document's id from its numeric id or any accepted spelling of its symbol.
std::optional<std::int64_t> ResolveDocument(Connection& c, const std::string& id_or_symbol) {
  if (auto id = site::ParseId(id_or_symbol))
    return c.QueryInt("SELECT id FROM documents WHERE id = ?", *id);
  auto symbol = CanonicalSymbol(id_or_symbol);
  if (!symbol) return std::nullopt;
  return c.QueryInt("SELECT id FROM documents WHERE symbol = ?", *symbol);
}

// The view of the secretariat, who created the document and may see it whatever its access.
const Viewer& Secretariat() {
  static const Viewer v = [] {
    accounts::Session s;
    s.user.role = "secretariat";
    return s;
  }();
  return v;
}

// One answer for "does not exist" and "may not see it": existence itself is private.
Error NoSuchDocument(const std::string& id_or_symbol) {
  return NotFound("document " + id_or_symbol + ": no such document");
}

Result<Document> GetOn(Connection& c, const std::string& id_or_symbol, const Viewer& viewer) {
  auto id = ResolveDocument(c, id_or_symbol);
  if (!id) return NoSuchDocument(id_or_symbol);
  Stmt s(c, std::string(kSelect) + "WHERE d.id = ?");
  s.BindAll(*id);
  if (!s.Step()) return NoSuchDocument(id_or_symbol);
  Document d = RowToDocument(s);
  if (!CanSee(viewer, d.access)) return NoSuchDocument(id_or_symbol);
  LoadDetails(c, d, viewer);
  return d;
}

// The symbol `s` amends and how, read from its parts; nullopt for a plain document.
std::optional<RelationInput> AmendedBy(const text::DocumentSymbol& s) {
  text::DocumentSymbol t = s;
  t.language.clear();
  std::string kind;
  if (s.corrigendum > 0) {
    t.corrigendum = 0;
    kind = "corrects";
  } else if (s.revision > 0 && s.addendum > 0 && !s.addendum_first) {
    t.addendum = 0;  // "Rev.1/Add.1": an addendum to the revision
    kind = "adds_to";
  } else if (s.revision > 0) {
    t.revision -= 1;  // "Rev.2" revises "Rev.1", "Rev.1" the original
    kind = "revises";
  } else if (s.addendum > 0) {
    t.addendum = 0;
    kind = "adds_to";
  } else {
    return std::nullopt;
  }
  return RelationInput{kind, text::FormatSymbol(t)};
}

// A symbol from input in canonical form; errors name `field`.
Result<text::DocumentSymbol> ParseInputSymbol(const std::string& text, const std::string& field) {
  auto s = text::ParseSymbol(text);
  if (!s.ok()) {
    std::string m = s.error().message;
    if (field != "symbol" && m.starts_with("symbol")) m = field + m.substr(6);
    return InvalidArgument(field, m);
  }
  if (!s->language.empty())
    return InvalidArgument(field, fmt::format("{} \"{}\": give the symbol without its language "
                                              "suffix (-{}); each language version is a file",
                                              field, text, s->language));
  return *s;
}

const std::map<std::string, std::string>& AllowedTypes() {
  static const std::map<std::string, std::string> kTypes = {
      {"application/pdf", "pdf"},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"},
      {"application/vnd.oasis.opendocument.text", "odt"},
      {"text/plain", "txt"},
  };
  return kTypes;
}

json::object AuditView(const std::string& symbol, const json::value& title,
                       const std::string& access, const std::string& status,
                       const std::vector<RelationInput>& relations) {
  json::array rel;
  for (const auto& r : relations) rel.push_back({{"kind", r.kind}, {"symbol", r.symbol}});
  return {{"symbol", symbol}, {"title", title}, {"access", access}, {"status", status},
          {"relations", rel}};
}

}  // namespace

Result<Document> Get(storage::Database& db, const std::string& id_or_symbol,
                     const Viewer& viewer) {
  return GetOn(db.Read(), id_or_symbol, viewer);
}

Result<std::vector<Document>> List(storage::Database& db, const ListQuery& query,
                                   const Viewer& viewer) {
  auto& c = db.Read();
  std::optional<std::int64_t> body;
  if (query.body && !query.body->empty()) {
    body = ResolveBody(c, *query.body);
    if (!body) return InvalidArgument("body", "body: no such body " + *query.body);
  }
  std::optional<std::string> status;
  if (query.status && !query.status->empty()) {
    if (!OneOf(*query.status, kStatuses))
      return InvalidArgument("status", "status: must be " + Alternatives(kStatuses));
    status = *query.status;
  }
  std::optional<std::string> prefix;
  if (query.q) {
    std::string q = Trim(*query.q);
    if (q.size() > 200) return InvalidArgument("q", "q: at most 200 characters");
    if (!q.empty()) prefix = q;
  }
  Stmt s(c, std::string(kSelect) +
                "WHERE (?1 IS NULL OR d.body_id = ?1) AND (?2 IS NULL OR d.status = ?2) "
                "AND (?3 IS NULL OR substr(d.symbol, 1, length(?3)) = ?3)");
  s.BindAll(body, status, prefix);
  std::vector<Document> out;
  while (s.Step()) {
    Document d = RowToDocument(s);
    if (CanSee(viewer, d.access)) out.push_back(std::move(d));
  }
  for (auto& d : out) LoadDetails(c, d, viewer);
  std::stable_sort(out.begin(), out.end(), [](const Document& a, const Document& b) {
    return NaturalLess(a.symbol, b.symbol);
  });
  return out;
}

std::vector<Citing> CitedBy(storage::Database& db, const Document& d, const Viewer& viewer) {
  auto& c = db.Read();
  auto out = CitingDocuments(
      c, "c.kind = 'document' AND c.symbol = ?", [&](Stmt& s) { s.BindAll(d.symbol); }, viewer,
      d.id);
  auto records = CitingRecords(c, "c.kind = 'document' AND c.symbol = ?",
                               [&](Stmt& s) { s.BindAll(d.symbol); });
  out.insert(out.end(), records.begin(), records.end());
  return out;
}

std::vector<text::Citation> Cites(storage::Database& db, const Document& d) {
  std::vector<text::Citation> out;
  Stmt s(db.Read(), "SELECT kind, instrument, number, symbol, min(id) FROM citations "
                    "WHERE source_kind IN ('document', 'document_file') AND source_id = ? "
                    "GROUP BY kind, instrument, number, symbol ORDER BY min(id)");
  s.BindAll(d.id);
  while (s.Step()) {
    if (s.Text(0) == "document" && s.Text(3) == d.symbol) continue;
    text::Citation c;
    c.kind = s.Text(0);
    c.instrument = s.Text(1);
    c.number = static_cast<int>(s.Int(2));
    c.symbol = s.Text(3);
    out.push_back(std::move(c));
  }
  return out;
}

// --- Create ------------------------------------------------------------------------------------

namespace {

struct Checked {
  std::string symbol;
  text::DocumentSymbol parsed;
  json::value title, summary, source;
  std::string status;
  std::optional<std::vector<RelationInput>> relations;  // canonical symbols
};

// Everything that can be checked without the database.
Result<Checked> Check(const DocumentInput& in) {
  Checked k;
  auto sym = ParseInputSymbol(in.symbol, "symbol");
  if (!sym.ok()) return sym.error();
  k.parsed = *sym;
  k.symbol = text::FormatSymbol(*sym);
  auto title = Multilingual(in.title, "title", true, 500);
  if (!title.ok()) return title.error();
  k.title = *title;
  auto summary = Multilingual(in.summary, "summary", false, 5000);
  if (!summary.ok()) return summary.error();
  k.summary = *summary;
  if (in.date.empty()) return InvalidArgument("date", "date: required, YYYY-MM-DD");
  if (!IsIsoDate(in.date)) return InvalidArgument("date", "date: expected a date YYYY-MM-DD");
  if (in.source_kind.empty() || !OneOf(in.source_kind, kSourceKinds))
    return InvalidArgument("source_kind", "source_kind: must be " + Alternatives(kSourceKinds));
  auto source = Multilingual(in.source, "source", in.source_kind != "secretariat", 300);
  if (!source.ok()) return source.error();
  k.source = *source;
  if (in.access.empty() || !OneOf(in.access, kAccessLevels))
    return InvalidArgument("access", "access: required; must be " + Alternatives(kAccessLevels));
  k.status = in.status.empty() ? "issued" : in.status;
  if (!OneOf(k.status, kStatuses))
    return InvalidArgument("status", "status: must be " + Alternatives(kStatuses));
  if (in.relations) {
    if (in.relations->size() > 20)
      return InvalidArgument("relations", "relations: at most 20");
    k.relations.emplace();
    for (std::size_t i = 0; i < in.relations->size(); ++i) {
      const auto& r = (*in.relations)[i];
      std::string field = fmt::format("relations.{}", i + 1);
      if (!OneOf(r.kind, kRelationKinds))
        return InvalidArgument(field + ".kind",
                               field + ".kind: must be " + Alternatives(kRelationKinds));
      auto target = ParseInputSymbol(r.symbol, field + ".symbol");
      if (!target.ok()) return target.error();
      std::string t = text::FormatSymbol(*target);
      if (t == k.symbol)
        return InvalidArgument(field + ".symbol", field + ".symbol: a document cannot " + r.kind +
                                                      " itself");
      for (const auto& prev : *k.relations)
        if (prev.kind == r.kind && prev.symbol == t)
          return InvalidArgument(field, field + ": given twice");
      k.relations->push_back({r.kind, t});
    }
  }
  return k;
}

}  // namespace

Result<std::int64_t> CreateOn(Connection& c, std::optional<std::int64_t> user_id,
                              const DocumentInput& in) {
  auto k = Check(in);
  if (!k.ok()) return k.error();
  std::optional<std::int64_t> body;
  if (!in.body.empty()) {
    body = ResolveBody(c, in.body);
    if (!body) return InvalidArgument("body", "body: no such body " + in.body);
  }
  if (c.QueryInt("SELECT 1 FROM documents WHERE symbol = ?", k->symbol))
    return Error{Code::kConflict, "symbol: a document " + k->symbol + " exists", "symbol"};
  // Relations: the targets must exist. Without explicit relations, the symbol says what it
  // amends (C22/32(Rev.1) revises C22/32) when that document is registered.
  std::vector<std::pair<RelationInput, std::int64_t>> relations;
  if (k->relations) {
    for (std::size_t i = 0; i < k->relations->size(); ++i) {
      const auto& r = (*k->relations)[i];
      auto target = c.QueryInt("SELECT id FROM documents WHERE symbol = ?", r.symbol);
      if (!target) {
        std::string field = fmt::format("relations.{}.symbol", i + 1);
        return InvalidArgument(field, field + ": no document " + r.symbol + " is registered");
      }
      relations.emplace_back(r, *target);
    }
  } else if (auto amended = AmendedBy(k->parsed)) {
    if (auto target = c.QueryInt("SELECT id FROM documents WHERE symbol = ?", amended->symbol))
      relations.emplace_back(*amended, *target);
  }
  Instant now = Now();
  c.Exec("INSERT INTO documents(symbol, body_id, title, summary, date, source_kind, source, "
         "access, status, illustrative, created_at) VALUES(?,?,?,?,?,?,?,?,?,?,?)",
         k->symbol, body, json::serialize(k->title), json::serialize(k->summary), in.date,
         in.source_kind, json::serialize(k->source), in.access, k->status, in.illustrative, now);
  std::int64_t id = c.LastInsertId();
  auto states = site::WriteTextStates(c, "document", id,
                                      {{"title", json::value(), k->title},
                                       {"summary", json::value(), k->summary}},
                                      in.states);
  if (!states.ok()) return states.error();
  std::vector<RelationInput> stored;
  for (const auto& [r, target] : relations) {
    c.Exec("INSERT INTO document_relations(document_id, kind, target_id) VALUES(?,?,?)", id, r.kind,
           target);
    stored.push_back(r);
  }
  RecordCitations(c, id, k->title, k->summary);
  if (in.access == "public") search::Enqueue(c, "document", id);
  audit::Record(c, user_id, "document.create", "document", id, std::nullopt,
                json::serialize(AuditView(k->symbol, k->title, in.access, k->status, stored)));
  // An issued revision supersedes the issued document it revises.
  if (k->status == "issued") {
    for (const auto& [r, target] : relations) {
      if (r.kind != "revises") continue;
      Stmt t(c, "SELECT status, access FROM documents WHERE id = ?");
      t.BindAll(target);
      if (!t.Step() || t.Text(0) != "issued") continue;
      std::string access = t.Text(1);
      c.Exec("UPDATE documents SET status = 'superseded' WHERE id = ?", target);
      if (access == "public") search::Enqueue(c, "document", target);
      audit::Record(c, user_id, "document.supersede", "document", target,
                    json::serialize(json::object{{"status", "issued"}}),
                    json::serialize(json::object{{"status", "superseded"}, {"by", k->symbol}}));
    }
  }
  return id;
}

Result<Document> Create(storage::Database& db, std::optional<std::int64_t> user_id,
                        const DocumentInput& in) {
  // Checked once before queueing the write, so that bad input never reaches the writer.
  if (auto k = Check(in); !k.ok()) return k.error();
  return db.Write<Document>([&](Connection& c) -> Result<Document> {
    auto id = CreateOn(c, user_id, in);
    if (!id.ok()) return id.error();
    return GetOn(c, std::to_string(*id), Secretariat());
  });
}

Result<Document> Update(storage::Database& db, std::int64_t user_id, const std::string& document,
                        const DocumentPatch& patch) {
  if (!patch.title && !patch.summary && !patch.source && !patch.date && !patch.source_kind &&
      !patch.access && !patch.status && patch.states.empty())
    return InvalidArgument("body", "body: give at least one of title, summary, date, "
                                   "source_kind, source, access, status, states");
  return db.Write<Document>([&](Connection& c) -> Result<Document> {
    auto current = GetOn(c, document, Secretariat());
    if (!current.ok()) return current.error();
    const Document& d = *current;
    // The edited document must pass the same checks as a new one.
    DocumentInput in;
    in.symbol = d.symbol;
    in.title = patch.title.value_or(d.title);
    in.summary = patch.summary.value_or(d.summary);
    in.source = patch.source.value_or(d.source);
    in.date = patch.date.value_or(d.date);
    in.source_kind = patch.source_kind.value_or(d.source_kind);
    in.access = patch.access.value_or(d.access);
    in.status = patch.status.value_or(d.status);
    in.relations = std::vector<RelationInput>{};
    auto k = Check(in);
    if (!k.ok()) return k.error();
    auto rank = [](const std::string& s) {
      return std::find(std::begin(kStatuses), std::end(kStatuses), s) - std::begin(kStatuses);
    };
    if (rank(k->status) < rank(d.status))
      return Error{Code::kConflict,
                   "status: a document goes from draft to issued to superseded, not back (it is " +
                       d.status + ")",
                   "status"};
    c.Exec("UPDATE documents SET title = ?, summary = ?, date = ?, source_kind = ?, source = ?, "
           "access = ?, status = ? WHERE id = ?",
           json::serialize(k->title), json::serialize(k->summary), in.date, in.source_kind,
           json::serialize(k->source), in.access, k->status, d.id);
    const site::Drafts drafts_before = site::DraftsOf(c, "document", d.id);
    auto states = site::WriteTextStates(
        c, "document", d.id, {{"title", d.title, k->title}, {"summary", d.summary, k->summary}},
        patch.states);
    if (!states.ok()) return states.error();
    RecordCitations(c, d.id, k->title, k->summary);
    // Enqueued whatever the access level: a document no longer public leaves the index.
    search::Enqueue(c, "document", d.id);
    auto view = [&](const std::string& date, const std::string& access, const std::string& status,
                    const json::value& title, const json::value& summary,
                    const site::Drafts& drafts) {
      json::object o{{"date", date}, {"access", access}, {"status", status},
                     {"title", title}, {"summary", summary}};
      if (*states) {
        json::object dj;
        for (const auto& [field, langs] : drafts) {
          json::array a;
          for (const auto& l : langs) a.push_back(json::string(l));
          dj[field] = std::move(a);
        }
        o["drafts"] = std::move(dj);
      }
      return json::serialize(o);
    };
    audit::Record(c, user_id, "document.update", "document", d.id,
                  view(d.date, d.access, d.status, d.title, d.summary, drafts_before),
                  view(in.date, in.access, k->status, k->title, k->summary,
                       site::DraftsOf(c, "document", d.id)));
    return GetOn(c, std::to_string(d.id), Secretariat());
  });
}

// --- Files -------------------------------------------------------------------------------------

namespace {
Result<std::string> CheckFile(const FileInput& in, const Limits& limits) {
  if (in.language.empty() || !text::IsLanguage(in.language))
    return InvalidArgument("language", "language: must be one of ar, zh, en, fr, ru, es");
  if (in.data.empty()) return InvalidArgument("file", "file: required and not empty");
  if (in.data.size() > limits.max_file_bytes)
    return Error{Code::kTooLarge,
                 fmt::format("file: larger than {} bytes", limits.max_file_bytes), "file"};
  std::string type = SniffType(in.data);
  if (!AllowedTypes().count(type))
    return InvalidArgument("file", fmt::format("file: \"{}\" is {}; only PDF, DOCX, ODT and "
                                               "plain text files are accepted",
                                               in.filename, type));
  return type;
}

// Reads the text of a checked file. A file that is hostile or locked is refused (the error, field
// "file"); one whose text cannot be read but that is a file of its type is kept, with the reason
// (field "text").
Result<ExtractedText> ReadText(const FileInput& in, const std::string& type) {
  auto text = ExtractTextIsolated(in.data, type, CurrentExtractLimits(), CurrentExtractProcess());
  if (!text.ok() && text.error().field == "file") return text.error();
  return text;
}

// Writes a language version with its text (or why it has none), its citations and its audit
// entry, in the caller's transaction. `text` comes from ReadText, run before the transaction
// so that the writer never waits for a parser.
Result<FileInfo> StoreFile(Connection& c, std::optional<std::int64_t> user_id,
                           std::int64_t document_id, const FileInput& in, const std::string& type,
                           const Result<ExtractedText>& text) {
  Stmt d(c, "SELECT access FROM documents WHERE id = ?");
  d.BindAll(document_id);
  if (!d.Step()) return NoSuchDocument(std::to_string(document_id));
  std::string access = d.Text(0);
  std::string name = in.filename;
  if (name.empty() || !IsValidUtf8(name) || name.size() > 255)
    name = "document." + AllowedTypes().at(type);
  std::optional<std::string> before;
  {
    Stmt old(c, "SELECT filename, media_type, size, digest FROM document_files "
                "WHERE document_id = ? AND language = ?");
    old.BindAll(document_id, in.language);
    if (old.Step())
      before = json::serialize(json::object{{"language", in.language},
                                            {"filename", old.Text(0)},
                                            {"media_type", old.Text(1)},
                                            {"size", old.Int(2)},
                                            {"digest", old.Text(3)}});
  }
  FileInfo info{in.language, name, type, static_cast<std::int64_t>(in.data.size()),
                Digest(in.data), Now()};
  Stmt s(c,
         "INSERT INTO document_files(document_id, language, filename, media_type, size, digest, "
         "data, uploaded_at, user_id) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9) "
         "ON CONFLICT(document_id, language) DO UPDATE SET filename = ?3, media_type = ?4, "
         "size = ?5, digest = ?6, data = ?7, uploaded_at = ?8, user_id = ?9");
  s.BindAll(document_id, info.language, info.filename, info.media_type, info.size, info.digest);
  s.BindBlob(7, in.data);
  s.Bind(8, info.uploaded_at);
  s.Bind(9, user_id);
  s.Step();
  c.Exec("DELETE FROM document_texts WHERE document_id = ? AND language = ?", document_id,
         in.language);
  std::optional<std::string> text_error;
  std::int64_t pages = 0;
  if (text.ok()) {
    for (std::size_t i = 0; i < text->pages.size(); ++i) {
      c.Exec("INSERT INTO document_texts(document_id, language, page, text) VALUES(?, ?, ?, ?)",
             document_id, in.language,
             text->paged ? static_cast<std::int64_t>(i + 1) : std::int64_t{0}, text->pages[i]);
      ++pages;
    }
    internal::RecordFileCitations(c, document_id, in.language, text->pages);
  } else {
    text_error = text.error().message;
    internal::RecordFileCitations(c, document_id, in.language, {});
  }
  c.Exec("UPDATE document_files SET text_error = ? WHERE document_id = ? AND language = ?",
         text_error, document_id, in.language);
  if (access == "public") search::Enqueue(c, "document", document_id);
  audit::Record(c, user_id, "document.upload", "document", document_id, before,
                json::serialize(json::object{{"language", info.language},
                                             {"filename", info.filename},
                                             {"media_type", info.media_type},
                                             {"size", info.size},
                                             {"digest", info.digest},
                                             {"text_pages", pages},
                                             {"text_error", text_error
                                                                ? json::value(*text_error)
                                                                : json::value(nullptr)}}));
  return info;
}

}  // namespace

Result<FileInfo> UploadFileOn(Connection& c, std::optional<std::int64_t> user_id,
                              std::int64_t document_id, const FileInput& in,
                              const Limits& limits) {
  auto type = CheckFile(in, limits);
  if (!type.ok()) return type.error();
  auto text = ReadText(in, *type);
  if (!text.ok() && text.error().field == "file") return text.error();
  return StoreFile(c, user_id, document_id, in, *type, text);
}

Result<FileInfo> UploadFile(storage::Database& db, std::optional<std::int64_t> user_id,
                            const std::string& document, const FileInput& in,
                            const Limits& limits) {
  auto type = CheckFile(in, limits);
  if (!type.ok()) return type.error();
  auto text = ReadText(in, *type);
  if (!text.ok() && text.error().field == "file") return text.error();
  return db.Write<FileInfo>([&](Connection& c) -> Result<FileInfo> {
    auto id = ResolveDocument(c, document);
    if (!id) return NoSuchDocument(document);
    return StoreFile(c, user_id, *id, in, *type, text);
  });
}

Result<FileContent> GetFile(storage::Database& db, const std::string& document,
                            const std::string& language, const Viewer& viewer) {
  auto& c = db.Read();
  auto d = GetOn(c, document, viewer);
  if (!d.ok()) return d.error();
  Stmt s(c, "SELECT filename, media_type, size, digest, uploaded_at, data FROM document_files "
            "WHERE document_id = ? AND language = ?");
  s.BindAll(d->id, language);
  if (!s.Step())
    return NotFound("document " + d->symbol + ": no " +
                    (text::IsLanguage(language) ? language : std::string("such")) +
                    " language version");
  return FileContent{{language, s.Text(0), s.Text(1), s.Int(2), s.Text(3), s.Int(4)},
                     s.Text(5), d->symbol, d->access};
}

std::string DownloadName(const std::string& symbol, const std::string& language,
                         const std::string& media_type) {
  static const std::map<std::string, std::string> kSuffix = {
      {"ar", "A"}, {"zh", "C"}, {"en", "E"}, {"fr", "F"}, {"ru", "R"}, {"es", "S"}};
  std::string name;
  for (char ch : symbol) name += ch == '/' ? '-' : ch == ' ' ? '_' : ch;
  auto suffix = kSuffix.find(language);
  if (suffix != kSuffix.end()) name += "-" + suffix->second;
  auto ext = AllowedTypes().find(media_type);
  return name + "." + (ext != AllowedTypes().end() ? ext->second : "bin");
}

std::optional<std::string> DocumentUrl(storage::Database& db, const text::Citation& citation,
                                       const Viewer& viewer) {
  if (citation.kind != "document") return std::nullopt;
  auto symbol = CanonicalSymbol(citation.symbol);
  if (!symbol) return std::nullopt;
  Stmt s(db.Read(), "SELECT id, access FROM documents WHERE symbol = ?");
  s.BindAll(*symbol);
  if (!s.Step() || !CanSee(viewer, s.Text(1))) return std::nullopt;
  return fmt::format("/documents/{}", s.Int(0));
}

std::optional<std::int64_t> DocumentId(Connection& c, const std::string& id_or_symbol) {
  return ResolveDocument(c, id_or_symbol);
}

}  // namespace plenary::documents

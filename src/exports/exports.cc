// Exports of statistics, published responses and a body's public archive (see exports.h).
#include "exports/exports.h"

#include <zip.h>

#include <deque>
#include <memory>

#include <fmt/format.h>

#include "base/csv.h"
#include "base/time.h"
#include "documents/documents.h"
#include "exports/xlsx.h"
#include "meetings/meetings.h"
#include "site/site.h"

namespace plenary::exports {

namespace json = boost::json;

Result<std::string> StatisticsXlsx(const consultations::Statistics& s) {
  Sheet sheet{"statistics", {"dimension", "key", "count"}, {}};
  auto add = [&](const char* dim, const std::string& key, std::int64_t n) {
    sheet.rows.push_back({std::string(dim), key, static_cast<double>(n)});
  };
  add("responses", "total", s.total);
  for (const auto& [k, v] : s.by_stakeholder_type) add("stakeholder_type", k, v);
  for (const auto& [k, v] : s.by_country) add("country", k, v);
  for (const auto& [k, v] : s.by_region) add("itu_region", k, v);
  for (const auto& [k, v] : s.by_m49_region) add("m49_region", k, v);
  for (const auto& [k, v] : s.by_language) add("language", k, v);
  for (const auto& [k, v] : s.by_status) add("status", k, v);
  if (s.campaigns) {
    add("campaigns", "texts", *s.campaigns);
    add("campaigns", "copies", *s.campaign_copies);
  }
  if (s.registered) {
    add("meeting", "registered", *s.registered);
    add("meeting", "attended", *s.attended);
  }
  return WriteXlsx({sheet});
}

Result<ResponsesTable> PublishedResponsesTable(storage::Database& db,
                                               const std::string& consultation,
                                               const std::string& lang) {
  auto c = consultations::Get(db, consultation);
  if (!c.ok()) return c.error();
  ResponsesTable t;
  t.header = {"reference", "name", "organization", "job_title", "country", "stakeholder_type",
              "language", "submitted_at", "published_at", "general"};
  for (const auto& q : c->questions) t.header.push_back(fmt::format("question_{}", q.number));
  t.header.push_back("attachments");
  json::array items;
  // Pages of 200, the most the response list gives at once; bounded by the total read first.
  std::int64_t total = 0, seen = 0;
  for (int page = 1;; ++page) {
    auto p = consultations::PublishedResponses(db, c->id, page, 200);
    total = p.total;
    for (const auto& r : p.items) {
      std::vector<std::string> row = {r.reference,        r.name,     r.organization,
                                      r.job_title,        r.country,  r.stakeholder_type,
                                      r.language,         FormatIso(r.submitted_at),
                                      r.published_at ? FormatIso(*r.published_at) : "",
                                      r.general_text};
      json::object answers;
      for (const auto& q : c->questions) {
        auto it = r.answers.find(q.number);
        row.push_back(it == r.answers.end() ? "" : it->second);
        if (it != r.answers.end()) answers[std::to_string(q.number)] = it->second;
      }
      std::string names;
      json::array files;
      for (const auto& a : r.attachments) {
        names += (names.empty() ? "" : "; ") + a.filename;
        files.push_back({{"filename", a.filename},
                         {"media_type", a.media_type},
                         {"size", a.size},
                         {"url", fmt::format("/attachments/{}", a.id)}});
      }
      row.push_back(names);
      t.rows.push_back(std::move(row));
      items.push_back({{"reference", r.reference},
                       {"name", r.name},
                       {"organization", r.organization},
                       {"job_title", r.job_title},
                       {"country", r.country},
                       {"stakeholder_type", r.stakeholder_type},
                       {"language", r.language},
                       {"submitted_at", FormatIso(r.submitted_at)},
                       {"published_at", r.published_at ? json::value(FormatIso(*r.published_at))
                                                       : json::value(nullptr)},
                       {"general", r.general_text},
                       {"answers", answers},
                       {"attachments", files},
                       {"redacted", r.redacted},
                       {"illustrative", r.illustrative}});
    }
    seen += static_cast<std::int64_t>(p.items.size());
    if (p.items.empty() || seen >= total) break;
  }
  json::array questions;
  for (const auto& q : c->questions)
    questions.push_back({{"number", q.number}, {"text", site::Pick(q.text, lang).text}});
  t.json = {{"consultation",
             {{"id", c->id}, {"key", c->key}, {"title", site::Pick(c->title, lang).text}}},
            {"questions", questions},
            {"total", static_cast<std::int64_t>(t.rows.size())},
            {"items", items}};
  return t;
}

std::string ResponsesCsv(const ResponsesTable& t) {
  std::string out;
  auto line = [&out](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + CsvField(cells[i]);
    out += "\r\n";
  };
  line(t.header);
  for (const auto& r : t.rows) line(r);
  return out;
}

Result<std::string> ResponsesXlsx(const ResponsesTable& t) {
  Sheet sheet{"responses", t.header, {}};
  for (const auto& r : t.rows) sheet.rows.emplace_back(r.begin(), r.end());
  return WriteXlsx({sheet});
}

namespace {

// A ZIP built in memory with libzip; the data added must outlive Finish().
class ZipWriter {
 public:
  ZipWriter() {
    zip_error_t error;
    zip_error_init(&error);
    src_ = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (src_) {
      zip_source_keep(src_);
      zip_ = zip_open_from_source(src_, ZIP_TRUNCATE, &error);
    }
    zip_error_fini(&error);
  }
  ~ZipWriter() {
    if (zip_) zip_discard(zip_);
    if (src_) zip_source_free(src_);
  }
  bool ok() const { return zip_ != nullptr; }
  bool Add(const std::string& name, const std::string& data, Instant mtime) {
    zip_source_t* s = zip_source_buffer(zip_, data.data(), data.size(), 0);
    if (!s) return false;
    zip_int64_t i = zip_file_add(zip_, name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (i < 0) {
      zip_source_free(s);
      return false;
    }
    zip_file_set_mtime(zip_, static_cast<zip_uint64_t>(i), static_cast<time_t>(mtime), 0);
    return true;
  }
  std::optional<std::string> Finish() {
    if (zip_close(zip_) != 0) return std::nullopt;
    zip_ = nullptr;
    if (zip_source_open(src_) != 0) return std::nullopt;
    std::string out;
    char buf[65536];
    zip_int64_t n;
    while ((n = zip_source_read(src_, buf, sizeof buf)) > 0) out.append(buf, n);
    zip_source_close(src_);
    if (n < 0) return std::nullopt;
    return out;
  }

 private:
  zip_source_t* src_ = nullptr;
  zip_t* zip_ = nullptr;
};

}  // namespace

Result<std::string> BodyArchive(storage::Database& db, const std::string& body,
                                std::size_t max_bytes) {
  auto b = meetings::GetBody(db, body);
  if (!b.ok()) return b.error();
  documents::ListQuery q;
  q.body = b->key;
  auto list = documents::List(db, q, std::nullopt);  // an anonymous reader's list
  if (!list.ok()) return list.error();
  std::deque<std::string> data;  // kept alive until the archive is closed
  ZipWriter zip;
  if (!zip.ok()) return Error{Code::kInternal, "archive: cannot start the ZIP", {}};
  json::array docs;
  std::size_t total = 0;
  Instant newest = 0;
  for (const auto& item : *list) {
    auto d = documents::Get(db, std::to_string(item.id), std::nullopt);
    if (!d.ok() || !documents::CanSee(std::nullopt, d->access)) continue;
    json::array files;
    for (const auto& f : d->files) {
      auto content = documents::GetFile(db, std::to_string(d->id), f.language, std::nullopt);
      if (!content.ok()) continue;
      total += content->data.size();
      if (total > max_bytes)
        return Error{Code::kTooLarge,
                     fmt::format("archive: the files of {} exceed {} bytes", b->key, max_bytes),
                     {}};
      std::string path =
          "documents/" + documents::DownloadName(d->symbol, f.language, f.media_type);
      data.push_back(std::move(content->data));
      if (!zip.Add(path, data.back(), f.uploaded_at))
        return Error{Code::kInternal, "archive: cannot add " + path, {}};
      newest = std::max(newest, f.uploaded_at);
      files.push_back({{"language", f.language},
                       {"path", path},
                       {"media_type", f.media_type},
                       {"size", f.size},
                       {"digest", f.digest}});
    }
    newest = std::max(newest, d->created_at);
    docs.push_back({{"symbol", d->symbol},
                    {"titles", d->title},
                    {"summaries", d->summary},
                    {"date", d->date},
                    {"status", d->status},
                    {"source_kind", d->source_kind},
                    {"files", files}});
  }
  // The index is dated by the newest item in it, so that the same archive gives the same bytes.
  data.push_back(json::serialize(json::object{
      {"body", {{"key", b->key}, {"acronym", b->acronym}, {"name", b->name}}},
      {"generated_from", FormatIso(newest)},
      {"documents", docs}}));
  if (!zip.Add("index.json", data.back(), newest))
    return Error{Code::kInternal, "archive: cannot add index.json", {}};
  auto out = zip.Finish();
  if (!out) return Error{Code::kInternal, "archive: cannot write the ZIP", {}};
  return *out;
}

}  // namespace plenary::exports

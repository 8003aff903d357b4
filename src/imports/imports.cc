// The two-phase import of documents (see imports.h).
#include "imports/imports.h"

#include <zip.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "audit/audit.h"
#include "documents/resolutions.h"
#include "base/random.h"
#include "base/utf8.h"
#include "text/messages.h"
#include "text/symbols.h"

namespace plenary::imports {

namespace json = boost::json;
using storage::Connection;

namespace {

struct Record {
  int line = 0;
  std::vector<std::string> cells;
};

// RFC 4180: quoted fields with doubled quotes and line breaks inside, CRLF, LF or CR line ends,
// a UTF-8 BOM skipped. Blank lines are skipped.
Result<std::vector<Record>> ParseCsv(std::string_view text, std::size_t max_rows) {
  if (!IsValidUtf8(text)) return InvalidArgument("csv", "csv: not UTF-8 text");
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<Record> out;
  Record rec;
  std::string cell;
  bool quoted = false, after_quote = false, any = false;
  int line = 1;
  rec.line = 1;
  auto end_record = [&]() -> Status {
    if (any || !cell.empty() || !rec.cells.empty()) {
      rec.cells.push_back(std::move(cell));
      out.push_back(std::move(rec));
      if (out.size() > max_rows + 1)
        return Error{Code::kTooLarge, fmt::format("csv: more than {} rows", max_rows), "csv"};
    }
    rec = Record{};
    cell.clear();
    any = after_quote = false;
    return Ok{};
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
        after_quote = true;
      } else {
        if (ch == '\n') ++line;
        cell += ch;
      }
      continue;
    }
    if (ch == '"' && cell.empty() && !after_quote) {
      quoted = any = true;
    } else if (ch == ',') {
      rec.cells.push_back(std::move(cell));
      cell.clear();
      any = true;
      after_quote = false;
    } else if (ch == '\r' || ch == '\n') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (auto s = end_record(); !s.ok()) return s.error();
      ++line;
      rec.line = line;
    } else if (after_quote) {
      return InvalidArgument("csv", fmt::format("csv: line {}: text after a closing quote", line));
    } else {
      cell += ch;
      any = true;
    }
  }
  if (quoted) return InvalidArgument("csv", "csv: a quoted field is not closed");
  if (auto s = end_record(); !s.ok()) return s.error();
  return out;
}

// The files of the ZIP beside the CSV, by entry name, within the limits.
Result<std::map<std::string, std::string>> ReadZip(const std::string& data,
                                                   const ImportLimits& limits) {
  std::map<std::string, std::string> out;
  if (data.empty()) return out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(data.data(), data.size(), 0, &error);
  zip_t* archive = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  zip_error_fini(&error);
  if (!archive) {
    if (src) zip_source_free(src);
    return InvalidArgument("files", "files: not a ZIP file");
  }
  std::unique_ptr<zip_t, void (*)(zip_t*)> guard(archive, [](zip_t* z) { zip_discard(z); });
  zip_int64_t n = zip_get_num_entries(archive, 0);
  if (n < 0 || static_cast<std::size_t>(n) > limits.max_zip_entries)
    return Error{Code::kTooLarge,
                 fmt::format("files: {} entries; at most {}", n, limits.max_zip_entries), "files"};
  std::size_t total = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !st.name)
      return InvalidArgument("files", "files: a damaged ZIP entry");
    std::string name = st.name;
    if (name.ends_with("/")) continue;  // a folder
    total += st.size;
    if (total > limits.max_zip_bytes)
      return Error{Code::kTooLarge,
                   fmt::format("files: more than {} bytes once inflated", limits.max_zip_bytes),
                   "files"};
    if (st.size > 4096 && st.size / std::max<zip_uint64_t>(st.comp_size, 1) > limits.max_ratio)
      return Error{Code::kTooLarge,
                   fmt::format("files: \"{}\" is compressed more than {} times", name,
                               limits.max_ratio),
                   "files"};
    zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    if (!f) return InvalidArgument("files", "files: \"" + name + "\" cannot be read");
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> fguard(f, zip_fclose);
    std::string bytes;
    char buf[65536];
    zip_int64_t got;
    while ((got = zip_fread(f, buf, sizeof buf)) > 0) {
      bytes.append(buf, static_cast<std::size_t>(got));
      if (bytes.size() > st.size)  // more than declared: a lying header
        return InvalidArgument("files", "files: \"" + name + "\" is larger than it declares");
    }
    if (got < 0) return InvalidArgument("files", "files: \"" + name + "\" is damaged");
    // Files are named by their last path component, as a spreadsheet lists them.
    auto slash = name.rfind('/');
    out[slash == std::string::npos ? name : name.substr(slash + 1)] = std::move(bytes);
  }
  return out;
}

struct Table {
  std::map<std::string, std::size_t> columns;  // lower-cased header → index
  std::vector<Record> rows;
  std::string Cell(const Record& r, const std::string& column) const {
    auto it = columns.find(column);
    if (it == columns.end() || it->second >= r.cells.size()) return "";
    std::string v = r.cells[it->second];
    auto b = v.find_first_not_of(" \t");
    auto e = v.find_last_not_of(" \t");
    return b == std::string::npos ? "" : v.substr(b, e - b + 1);
  }
};

Result<Table> ReadTable(const std::string& csv, std::size_t max_rows,
                        const std::string& kind) {
  auto records = ParseCsv(csv, max_rows);
  if (!records.ok()) return records.error();
  if (records->empty()) return InvalidArgument("csv", "csv: empty; a header line is required");
  Table t;
  for (std::size_t i = 0; i < (*records)[0].cells.size(); ++i) {
    std::string name = (*records)[0].cells[i];
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    auto b = name.find_first_not_of(" \t");
    name = b == std::string::npos ? "" : name.substr(b, name.find_last_not_of(" \t") - b + 1);
    t.columns[name] = i;
  }
  for (const char* required :
       kind == "resolutions" ? std::vector<const char*>{"instrument", "number"}
                             : std::vector<const char*>{"symbol"})
    if (!t.columns.contains(required))
      return InvalidArgument("csv", fmt::format("csv: the header has no \"{}\" column", required));
  t.rows.assign(records->begin() + 1, records->end());
  return t;
}

// The same document or resolution listed again after a row that was planned (created,
// updated or unchanged): refused, naming the line of that row, which alone is planned. Without
// it the second row was planned against a database that did not yet hold the first, and the
// confirmation could not write what the preview showed. `planned` maps each key to the line
// of its planned row.
std::optional<Refusal> Duplicate(const std::map<std::string, int>& planned,
                                 const std::string& key, int row, const char* field) {
  auto it = planned.find(key);
  if (it == planned.end()) return std::nullopt;
  return Refusal{row,
                 field,
                 fmt::format("{}: {} appears twice in the file (line {})", field, key, it->second),
                 "import_duplicate",
                 {{"line", std::to_string(it->second)}, {"what", key}},
                 it->second};
}

// The symbol as the registry stores it (so "C22/1" and "C22/1 " are one), else as written.
std::string CanonicalSymbol(const std::string& symbol) {
  auto parsed = text::ParseSymbol(symbol);
  return parsed.ok() ? text::FormatSymbol(*parsed) : symbol;
}

// Plans (and, on `c`, writes) every row. The caller's transaction keeps or drops it all.
Plan Run(Connection& c, storage::Database& db, const accounts::Session& staff, const Table& t,
         const std::map<std::string, std::string>& files) {
  Plan plan;
  std::map<std::string, int> first_rows;  // canonical symbol → line of its planned row
  for (const auto& r : t.rows) {
    int row = r.line;
    std::string symbol = t.Cell(r, "symbol");
    if (symbol.empty()) {
      plan.refuse.push_back({row, "symbol", "symbol: required"});
      continue;
    }
    const std::string key = CanonicalSymbol(symbol);
    std::vector<documents::FileInput> inputs;
    bool refused = false;
    for (const auto& lang : text::Languages()) {
      std::string name = t.Cell(r, "file_" + lang);
      if (name.empty()) continue;
      auto it = files.find(name);
      if (it == files.end()) {
        plan.refuse.push_back({row, "file_" + lang,
                               fmt::format("file_{}: no file \"{}\" in the ZIP", lang, name),
                               "import_reason_missing_file", {{"name", name}}});
        refused = true;
        continue;
      }
      inputs.push_back({lang, name, it->second});
    }
    if (refused) continue;
    json::object title;
    for (const auto& lang : text::Languages())
      if (auto v = t.Cell(r, "title_" + lang); !v.empty()) title[lang] = v;
    auto id = documents::DocumentId(c, symbol);
    if (id) {
      // Registered: its metadata stay as they are (edited on its page); its files may change.
      auto d = documents::Get(db, std::to_string(*id), staff);
      if (!d.ok()) {  // registered by an earlier row of this very import
        auto twice = Duplicate(first_rows, key, row, "symbol");
        plan.refuse.push_back(twice ? *twice
                                    : Refusal{row, "symbol", "symbol: appears twice in the file",
                                              "import_reason_twice"});
        continue;
      }
      std::string date = t.Cell(r, "date"), access = t.Cell(r, "access");
      if (!date.empty() && date != d->date)
        plan.refuse.push_back({row, "date", fmt::format("date: {} is registered with {}; change "
                                                        "it on the document's page",
                                                        d->symbol, d->date),
                                     "import_reason_registered_document", {{"symbol", d->symbol}}});
      if (!access.empty() && access != d->access)
        plan.refuse.push_back({row, "access", fmt::format("access: {} is registered as {}; "
                                                          "change it on the document's page",
                                                          d->symbol, d->access),
                                     "import_reason_registered_document", {{"symbol", d->symbol}}});
      for (const auto& kv : title) {
        std::string lang(kv.key());
        if (!d->title.is_object() || !d->title.as_object().contains(lang) ||
            d->title.as_object().at(lang) != kv.value())
          plan.refuse.push_back({row, "title_" + lang,
                                 fmt::format("title_{}: differs from the registered title of {}; "
                                             "change it on the document's page",
                                             lang, d->symbol),
                                 "import_reason_registered_document", {{"symbol", d->symbol}}});
      }
      if (!plan.refuse.empty() && plan.refuse.back().row == row) continue;
      if (auto twice = Duplicate(first_rows, key, row, "symbol")) {
        plan.refuse.push_back(*twice);
        continue;
      }
      RowPlan p{row, d->symbol, {}};
      c.Exec("SAVEPOINT import_row");
      std::optional<Refusal> failed;
      for (const auto& f : inputs) {
        auto old = std::find_if(d->files.begin(), d->files.end(),
                                [&](const auto& x) { return x.language == f.language; });
        if (old != d->files.end() && old->digest == Digest(f.data)) continue;
        auto up = documents::UploadFileOn(c, staff.user.id, *id, f, {});
        if (!up.ok()) {
          failed = Refusal{row, "file_" + f.language, up.error().message};
          break;
        }
        p.files.push_back(f.language);
      }
      if (failed) {
        c.Exec("ROLLBACK TO import_row");
        c.Exec("RELEASE import_row");
        plan.refuse.push_back(*failed);
        continue;
      }
      c.Exec("RELEASE import_row");
      first_rows.emplace(key, row);
      (p.files.empty() ? plan.unchanged : plan.update).push_back(std::move(p));
      continue;
    }
    documents::DocumentInput in;
    in.symbol = symbol;
    in.body = t.Cell(r, "body");
    in.title = title;
    in.date = t.Cell(r, "date");
    in.source_kind = t.Cell(r, "source_kind").empty() ? "secretariat" : t.Cell(r, "source_kind");
    in.access = t.Cell(r, "access");
    in.status = t.Cell(r, "status").empty() ? "issued" : t.Cell(r, "status");
    c.Exec("SAVEPOINT import_row");
    auto created = documents::CreateOn(c, staff.user.id, in);
    std::optional<Refusal> failed;
    RowPlan p{row, symbol, {}};
    if (!created.ok()) {
      failed = Refusal{row, created.error().field, created.error().message};
    } else {
      for (const auto& f : inputs) {
        auto up = documents::UploadFileOn(c, staff.user.id, *created, f, {});
        if (!up.ok()) {
          failed = Refusal{row, "file_" + f.language, up.error().message};
          break;
        }
        p.files.push_back(f.language);
      }
    }
    if (failed) {
      c.Exec("ROLLBACK TO import_row");
      c.Exec("RELEASE import_row");
      plan.refuse.push_back(*failed);
      continue;
    }
    c.Exec("RELEASE import_row");
    first_rows.emplace(key, row);
    plan.create.push_back(std::move(p));
  }
  return plan;
}

// "2002 Marrakesh; 2006 Antalya; 2018 Dubai": the first is the adoption, the others
// revisions; a Council resolution's entries are years alone ("2019").
Result<std::vector<documents::RevisionInput>> ParseRevisions(const std::string& cell) {
  std::vector<documents::RevisionInput> out;
  std::size_t at = 0;
  while (at <= cell.size()) {
    std::size_t semi = cell.find(';', at);
    std::string part = cell.substr(at, semi == std::string::npos ? std::string::npos : semi - at);
    auto b = part.find_first_not_of(" \t");
    if (b != std::string::npos) {
      part = part.substr(b, part.find_last_not_of(" \t") - b + 1);
      std::size_t digits = 0;
      while (digits < part.size() && part[digits] >= '0' && part[digits] <= '9') ++digits;
      if (digits != 4 || (digits < part.size() && part[digits] != ' '))
        return InvalidArgument("revisions",
                               "revisions: \"" + part.substr(0, 40) +
                                   "\" is not \"YEAR Place\" (entries separated by \";\")");
      documents::RevisionInput r;
      r.year = std::stoi(part.substr(0, 4));
      std::string place = digits < part.size() ? part.substr(digits + 1) : "";
      if (!place.empty()) r.place = json::value(place);
      r.revised = !out.empty();
      out.push_back(std::move(r));
    }
    if (semi == std::string::npos) break;
    at = semi + 1;
  }
  if (out.empty())
    return InvalidArgument("revisions", "revisions: required, e.g. \"2002 Marrakesh; 2018 Dubai\"");
  return out;
}

// Plans (and, on `c`, writes) every row of a resolutions CSV. A registered resolution (same
// instrument and number) with the same title, status and versions is unchanged; one that
// differs is refused, naming the field (the registry is edited by the secretariat, not by
// imports).
Plan RunResolutions(Connection& c, storage::Database& db, const accounts::Session& staff,
                    const Table& t) {
  Plan plan;
  plan.kind = "resolutions";
  std::map<std::string, int> first_rows;  // "instrument/number" → line of its planned row
  for (const auto& r : t.rows) {
    const int row = r.line;
    const std::string instrument = t.Cell(r, "instrument"), number_text = t.Cell(r, "number");
    int number = 0;
    auto [p, ec] = std::from_chars(number_text.data(), number_text.data() + number_text.size(),
                                   number);
    if (ec != std::errc() || p != number_text.data() + number_text.size() || number < 1 ||
        number > 99999) {
      plan.refuse.push_back({row, "number", "number: must be a whole number from 1 to 99999"});
      continue;
    }
    if (!documents::IsInstrument(instrument)) {
      plan.refuse.push_back({row, "instrument", "instrument: one of pp, council, wtdc, wtsa, wrc, ra",
                             "import_reason_instrument",
                             {{"codes", "pp, council, wtdc, wtsa, wrc, ra"}}});
      continue;
    }
    const std::string label = instrument + "/" + std::to_string(number);
    auto revisions = ParseRevisions(t.Cell(r, "revisions"));
    if (!revisions.ok()) {
      // A malformed entry has its own sentence; a missing column is "required" like any field.
      const bool malformed = revisions.error().message.find("YEAR Place") != std::string::npos &&
                             !revisions.error().message.starts_with("revisions: required");
      plan.refuse.push_back({row, "revisions", revisions.error().message,
                             malformed ? "import_reason_revisions" : ""});
      continue;
    }
    documents::ResolutionInput in;
    in.instrument = instrument;
    in.number = number;
    json::object title;
    for (const auto& lang : text::Languages())
      if (auto v = t.Cell(r, "title_" + lang); !v.empty()) title[lang] = v;
    in.title = title;
    in.revisions = *revisions;
    if (auto s = t.Cell(r, "status"); !s.empty()) in.status = s;
    if (auto m = t.Cell(r, "merged_into"); !m.empty()) {
      auto slash = m.find('/');
      int target = 0;
      std::string digits = slash == std::string::npos ? "" : m.substr(slash + 1);
      auto [q, e2] = std::from_chars(digits.data(), digits.data() + digits.size(), target);
      if (slash == std::string::npos || e2 != std::errc() || q != digits.data() + digits.size()) {
        plan.refuse.push_back({row, "merged_into", "merged_into: \"instrument/number\"",
                               "import_reason_merged_into"});
        continue;
      }
      in.merged_into = documents::ResolutionRef{m.substr(0, slash), target};
    }
    if (auto y = t.Cell(r, "status_year"); !y.empty()) {
      int year = 0;
      auto [q, e2] = std::from_chars(y.data(), y.data() + y.size(), year);
      if (e2 != std::errc() || q != y.data() + y.size()) {
        plan.refuse.push_back({row, "status_year", "status_year: a year", "import_reason_year"});
        continue;
      }
      in.status_year = year;
    }
    auto existing = documents::GetResolution(db, instrument, std::to_string(number));
    if (existing.ok()) {
      std::string differs;
      for (const auto& kv : title)
        if (!existing->title.is_object() ||
            existing->title.as_object().if_contains(kv.key()) == nullptr ||
            existing->title.as_object().at(kv.key()) != kv.value())
          differs = "title_" + std::string(kv.key());
      if (differs.empty() && existing->status != in.status) differs = "status";
      if (differs.empty() && existing->revisions.size() != in.revisions.size()) differs = "revisions";
      for (std::size_t i = 0; differs.empty() && i < in.revisions.size(); ++i)
        if (existing->revisions[i].year != in.revisions[i].year) differs = "revisions";
      if (!differs.empty()) {
        plan.refuse.push_back({row, differs,
                               fmt::format("{}: {} is registered with another value; the "
                                           "registry is not changed by an import",
                                           differs, label),
                               "import_reason_registered_resolution", {{"resolution", label}}});
        continue;
      }
      if (auto twice = Duplicate(first_rows, label, row, "number")) {
        plan.refuse.push_back(*twice);
        continue;
      }
      first_rows.emplace(label, row);
      plan.unchanged.push_back({row, label, {}});
      continue;
    }
    // Created by an earlier row: GetResolution reads committed rows only.
    if (auto twice = Duplicate(first_rows, label, row, "number")) {
      plan.refuse.push_back(*twice);
      continue;
    }
    c.Exec("SAVEPOINT import_row");
    auto created = documents::CreateResolutionOn(c, staff.user.id, in);
    if (!created.ok()) {
      c.Exec("ROLLBACK TO import_row");
      c.Exec("RELEASE import_row");
      plan.refuse.push_back({row, created.error().field, created.error().message});
      continue;
    }
    c.Exec("RELEASE import_row");
    first_rows.emplace(label, row);
    plan.create.push_back({row, label, {}});
  }
  return plan;
}

json::array RowsJson(const std::vector<RowPlan>& rows) {
  json::array out;
  for (const auto& r : rows) {
    json::array files;
    for (const auto& f : r.files) files.push_back(json::value(f));
    out.push_back({{"row", r.row}, {"symbol", r.symbol}, {"files", files}});
  }
  return out;
}

// Two plans say the same: the same rows in each list, with the same files.
bool Same(const Plan& a, const Plan& b) { return a.Json() == b.Json(); }

}  // namespace

json::object Plan::Json() const {
  json::array refused;
  for (const auto& r : refuse) {
    json::object o{{"row", r.row}, {"field", r.field}, {"reason", r.reason}};
    if (r.duplicate_of) o["duplicate_of"] = r.duplicate_of;
    refused.push_back(std::move(o));
  }
  return {{"preview_id", preview_id},
          {"kind", kind},
          {"create", RowsJson(create)},
          {"update", RowsJson(update)},
          {"unchanged", RowsJson(unchanged)},
          {"refuse", refused}};
}

Result<Plan> Importer::Preview(const accounts::Session& staff, const std::string& csv,
                               const std::string& zip, const std::string& kind) {
  if (kind != "documents" && kind != "resolutions")
    return InvalidArgument("kind", "kind: documents or resolutions");
  auto table = ReadTable(csv, limits_.max_rows, kind);
  if (!table.ok()) return table.error();
  auto files = ReadZip(zip, limits_);
  if (!files.ok()) return files.error();
  // The rows are written and rolled back: the preview runs the same checks as the confirmation.
  Plan plan;
  auto r = db_.Write<bool>([&](Connection& c) -> Result<bool> {
    plan = kind == "resolutions" ? RunResolutions(c, db_, staff, *table)
                                 : Run(c, db_, staff, *table, *files);
    return Error{Code::kConflict, "preview: rolled back", {}};
  });
  if (r.ok() || r.error().message != "preview: rolled back") {
    if (!r.ok()) return r.error();
    return Error{Code::kInternal, "preview: was written", {}};
  }
  plan.preview_id = RandomToken(16);
  std::lock_guard lock(mu_);
  auto now = std::chrono::steady_clock::now();
  std::erase_if(pending_, [&](const auto& p) { return p.second.expires < now; });
  while (pending_.size() >= limits_.max_previews) {
    auto oldest = std::min_element(pending_.begin(), pending_.end(), [](const auto& a,
                                                                        const auto& b) {
      return a.second.expires < b.second.expires;
    });
    pending_.erase(oldest);
  }
  pending_[plan.preview_id] = {staff.user.id, kind, csv, std::move(*files), plan,
                               now + std::chrono::seconds(limits_.preview_seconds)};
  return plan;
}

Result<Plan> Importer::Confirm(const accounts::Session& staff, const std::string& preview_id) {
  Pending p;
  {
    std::lock_guard lock(mu_);
    auto it = pending_.find(preview_id);
    if (it == pending_.end() || it->second.user_id != staff.user.id ||
        it->second.expires < std::chrono::steady_clock::now())
      return NotFound("no such preview (previews are kept for " +
                      std::to_string(limits_.preview_seconds / 60) + " minutes)");
    p = std::move(it->second);
    pending_.erase(it);
  }
  auto table = ReadTable(p.csv, limits_.max_rows, p.kind);
  if (!table.ok()) return table.error();
  auto result = db_.Write<Plan>([&](Connection& c) -> Result<Plan> {
    Plan plan = p.kind == "resolutions" ? RunResolutions(c, db_, staff, *table)
                                        : Run(c, db_, staff, *table, p.files);
    plan.preview_id = preview_id;
    if (!Same(plan, p.plan))
      return Error{Code::kFailedPrecondition,
                   "preview_id: the documents changed since the preview; preview again",
                   "preview_id"};
    if (!plan.create.empty() || !plan.update.empty())
      audit::Record(c, staff.user.id, "import." + p.kind, "import", std::nullopt, std::nullopt,
                    json::serialize(plan.Json()));
    return plan;
  });
  return result;
}

}  // namespace plenary::imports

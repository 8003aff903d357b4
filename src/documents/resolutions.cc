// The registry of resolutions on the SQL store, and what cites them.
#include "documents/resolutions.h"

#include "http/templates.h"
#include "search/search.h"

#include <algorithm>
#include <charconv>
#include <mutex>
#include <set>

#include <fmt/format.h>

#include "audit/audit.h"
#include "base/time.h"
#include "documents/citation_links.h"
#include "documents/internal.h"
#include "meetings/meetings.h"
#include "site/site.h"
#include "site/text_html.h"
#include "text/messages.h"

namespace plenary::documents {

namespace json = boost::json;
using storage::Connection;
using storage::Stmt;
using namespace internal;

bool IsInstrument(std::string_view s) {
  for (const char* i : kInstruments)
    if (s == i) return true;
  return false;
}

namespace {

int InstrumentRank(const std::string& instrument) {
  int i = 0;
  for (const char* x : kInstruments) {
    if (instrument == x) return i;
    ++i;
  }
  return i;
}

std::optional<int> ParseNumber(const std::string& s) {
  int n = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || p != s.data() + s.size() || n < 1 || s[0] == '0') return std::nullopt;
  return n;
}

constexpr char kSelect[] =
    "SELECT r.id, r.instrument, r.number, r.title, r.status, m.instrument, m.number, "
    "r.status_year FROM resolutions r LEFT JOIN resolutions m ON m.id = r.merged_into_id ";

Resolution RowToResolution(Stmt& s) {
  Resolution r;
  r.id = s.Int(0);
  r.instrument = s.Text(1);
  r.number = static_cast<int>(s.Int(2));
  r.title = ParseJson(s.Text(3));
  r.status = s.Text(4);
  if (!s.IsNull(5)) r.merged_into = ResolutionRef{s.Text(5), static_cast<int>(s.Int(6))};
  if (!s.IsNull(7)) r.status_year = static_cast<int>(s.Int(7));
  return r;
}

void LoadDetails(Connection& c, Resolution& r) {
  Stmt v(c, "SELECT year, place, place_names, revised FROM resolution_revisions "
            "WHERE resolution_id = ? ORDER BY year");
  v.BindAll(r.id);
  while (v.Step())
    r.revisions.push_back({static_cast<int>(v.Int(0)), v.Text(1), ParseJson(v.Text(2)),
                           v.Int(3) != 0});
  Stmt m(c, "SELECT instrument, number FROM resolutions WHERE merged_into_id = ? "
            "ORDER BY number");
  m.BindAll(r.id);
  while (m.Step()) r.merged_from.push_back({m.Text(0), static_cast<int>(m.Int(1))});
  Stmt d(c, "SELECT d.id, d.symbol, d.access FROM resolutions r "
            "JOIN documents d ON d.id = r.document_id WHERE r.id = ?");
  d.BindAll(r.id);
  if (d.Step()) {
    r.document_id = d.Int(0);
    r.document_symbol = d.Text(1);
    r.document_access = d.Text(2);
  }
}

std::optional<std::int64_t> FindId(Connection& c, const std::string& instrument, int number) {
  return c.QueryInt("SELECT id FROM resolutions WHERE instrument = ? AND number = ?", instrument,
                    static_cast<std::int64_t>(number));
}

Result<Resolution> GetOn(Connection& c, const std::string& instrument, const std::string& number) {
  auto n = ParseNumber(number);
  auto id = IsInstrument(instrument) && n ? FindId(c, instrument, *n) : std::nullopt;
  if (!id) return NotFound("resolution " + instrument + "/" + number + ": no such resolution");
  Stmt s(c, std::string(kSelect) + "WHERE r.id = ?");
  s.BindAll(*id);
  s.Step();
  Resolution r = RowToResolution(s);
  LoadDetails(c, r);
  return r;
}

struct CheckedRevision {
  int year;
  std::string place;
  json::value names;
  bool revised;
};

Result<std::vector<CheckedRevision>> CheckRevisions(const std::vector<RevisionInput>& revisions) {
  if (revisions.empty())
    return InvalidArgument("revisions", "revisions: at least one (the adoption or a revision)");
  if (revisions.size() > 40) return InvalidArgument("revisions", "revisions: at most 40");
  std::vector<CheckedRevision> out;
  std::set<int> years;
  for (std::size_t i = 0; i < revisions.size(); ++i) {
    const auto& r = revisions[i];
    std::string field = fmt::format("revisions.{}", i + 1);
    if (r.year < 1865 || r.year > 2200)
      return InvalidArgument(field + ".year", field + ".year: a year from 1865 on");
    if (!years.insert(r.year).second)
      return InvalidArgument(field + ".year", field + ".year: " + std::to_string(r.year) +
                                                  " is given twice");
    auto names = Multilingual(r.place, field + ".place", false, 100);
    if (!names.ok()) return names.error();
    std::string place;
    if (const auto* en = names->as_object().if_contains("en")) place = std::string(en->as_string());
    if (place.empty() && !names->as_object().empty())
      return InvalidArgument(field + ".place",
                             field + ".place: give the English name (\"en\"), which citations use");
    out.push_back({r.year, place, *names, r.revised});
  }
  std::sort(out.begin(), out.end(),
            [](const CheckedRevision& a, const CheckedRevision& b) { return a.year < b.year; });
  return out;
}

Status CheckInput(const ResolutionInput& in) {
  if (!IsInstrument(in.instrument))
    return InvalidArgument("instrument", "instrument: must be " + Alternatives(kInstruments));
  if (in.number < 1 || in.number > 99999)
    return InvalidArgument("number", "number: a whole number from 1 to 99999");
  if (auto t = Multilingual(in.title, "title", true, 1000); !t.ok()) return t.error();
  if (auto r = CheckRevisions(in.revisions); !r.ok()) return r.error();
  if (!OneOf(in.status, kResolutionStatuses))
    return InvalidArgument("status", "status: must be " + Alternatives(kResolutionStatuses));
  if (in.status == "merged" && !in.merged_into)
    return InvalidArgument("merged_into", "merged_into: required when the status is merged");
  if (in.status != "merged" && in.merged_into)
    return InvalidArgument("merged_into", "merged_into: only for a merged resolution");
  if (in.merged_into && !IsInstrument(in.merged_into->instrument))
    return InvalidArgument("merged_into", "merged_into: instrument must be " +
                                              Alternatives(kInstruments));
  if (in.status != "in_force" && !in.status_year)
    return InvalidArgument("status_year",
                           "status_year: required when the status is " + in.status);
  if (in.status == "in_force" && in.status_year)
    return InvalidArgument("status_year", "status_year: only for an abrogated or merged resolution");
  if (in.status_year && (*in.status_year < 1865 || *in.status_year > 2200))
    return InvalidArgument("status_year", "status_year: a year from 1865 on");
  return Ok{};
}

}  // namespace

Result<Resolution> GetResolution(storage::Database& db, const std::string& instrument,
                                 const std::string& number) {
  return GetOn(db.Read(), instrument, number);
}

Result<std::vector<Resolution>> ListResolutions(storage::Database& db,
                                                const std::optional<std::string>& instrument,
                                                const std::optional<std::string>& status) {
  std::optional<std::string> i, st;
  if (instrument && !instrument->empty()) {
    if (!IsInstrument(*instrument))
      return InvalidArgument("instrument", "instrument: must be " + Alternatives(kInstruments));
    i = *instrument;
  }
  if (status && !status->empty()) {
    if (!OneOf(*status, kResolutionStatuses))
      return InvalidArgument("status", "status: must be " + Alternatives(kResolutionStatuses));
    st = *status;
  }
  auto& c = db.Read();
  Stmt s(c, std::string(kSelect) +
                "WHERE (?1 IS NULL OR r.instrument = ?1) AND (?2 IS NULL OR r.status = ?2)");
  s.BindAll(i, st);
  std::vector<Resolution> out;
  while (s.Step()) out.push_back(RowToResolution(s));
  for (auto& r : out) LoadDetails(c, r);
  std::sort(out.begin(), out.end(), [](const Resolution& a, const Resolution& b) {
    int x = InstrumentRank(a.instrument), y = InstrumentRank(b.instrument);
    return x != y ? x < y : a.number < b.number;
  });
  return out;
}

std::vector<Citing> ResolutionCitedBy(storage::Database& db, const Resolution& r,
                                      const Viewer& viewer) {
  auto& c = db.Read();
  auto out = CitingDocuments(
      c, "c.kind = 'resolution' AND c.instrument = ? AND c.number = ?",
      [&](Stmt& s) { s.BindAll(r.instrument, static_cast<std::int64_t>(r.number)); }, viewer, 0);
  auto records = CitingRecords(
      c, "c.kind = 'resolution' AND c.instrument = ? AND c.number = ?",
      [&](Stmt& s) { s.BindAll(r.instrument, static_cast<std::int64_t>(r.number)); });
  out.insert(out.end(), records.begin(), records.end());
  return out;
}

Result<std::int64_t> CreateResolutionOn(Connection& c, std::optional<std::int64_t> user_id,
                                        const ResolutionInput& in) {
  if (auto s = CheckInput(in); !s.ok()) return s.error();
  auto title = Multilingual(in.title, "title", true, 1000);
  auto revisions = CheckRevisions(in.revisions);
  if (FindId(c, in.instrument, in.number))
    return Error{Code::kConflict,
                 fmt::format("number: {} resolution {} is already registered", in.instrument,
                             in.number),
                 "number"};
  std::optional<std::int64_t> merged_into;
  if (in.merged_into) {
    merged_into = FindId(c, in.merged_into->instrument, in.merged_into->number);
    if (!merged_into)
      return InvalidArgument("merged_into",
                             fmt::format("merged_into: {} resolution {} is not registered",
                                         in.merged_into->instrument, in.merged_into->number));
  }
  if (in.document_id && !c.QueryInt("SELECT id FROM documents WHERE id = ?", *in.document_id))
    return InvalidArgument("document", fmt::format("document: no such document {}",
                                                   *in.document_id));
  c.Exec("INSERT INTO resolutions(instrument, number, title, status, merged_into_id, "
         "status_year, document_id, created_at) VALUES(?,?,?,?,?,?,?,?)",
         in.instrument, static_cast<std::int64_t>(in.number), json::serialize(*title), in.status,
         merged_into,
         in.status_year ? std::optional<std::int64_t>(*in.status_year) : std::nullopt,
         in.document_id, Now());
  std::int64_t id = c.LastInsertId();
  search::Enqueue(c, "resolution", id);
  json::array revs;
  for (const auto& r : *revisions) {
    c.Exec("INSERT INTO resolution_revisions(resolution_id, year, place, place_names, revised) "
           "VALUES(?,?,?,?,?)",
           id, static_cast<std::int64_t>(r.year), r.place, json::serialize(r.names), r.revised);
    revs.push_back({{"year", r.year}, {"place", r.place}, {"revised", r.revised}});
  }
  json::object after{{"instrument", in.instrument}, {"number", in.number},
                     {"title", *title},           {"status", in.status},
                     {"revisions", revs}};
  if (in.merged_into)
    after["merged_into"] = {{"instrument", in.merged_into->instrument},
                            {"number", in.merged_into->number}};
  if (in.status_year) after["status_year"] = *in.status_year;
  if (in.document_id) after["document_id"] = *in.document_id;
  audit::Record(c, user_id, "resolution.create", "resolution", id, std::nullopt,
                json::serialize(after));
  return id;
}

std::optional<ResolutionRef> ResolutionRefOf(storage::Connection& c, std::int64_t id) {
  Stmt s(c, "SELECT instrument, number FROM resolutions WHERE id = ?");
  s.BindAll(id);
  if (!s.Step()) return std::nullopt;
  return ResolutionRef{s.Text(0), static_cast<int>(s.Int(1))};
}

Result<Resolution> CreateResolution(storage::Database& db, std::optional<std::int64_t> user_id,
                                    const ResolutionInput& in) {
  if (auto s = CheckInput(in); !s.ok()) return s.error();
  return db.Write<Resolution>([&](Connection& c) -> Result<Resolution> {
    auto id = CreateResolutionOn(c, user_id, in);
    if (!id.ok()) return id.error();
    return GetOn(c, in.instrument, std::to_string(in.number));
  });
}

std::optional<std::string> ResolutionUrl(storage::Database& db, const text::Citation& citation) {
  if (citation.kind != "resolution" || !IsInstrument(citation.instrument) || citation.number < 1)
    return std::nullopt;
  if (!FindId(db.Read(), citation.instrument, citation.number)) return std::nullopt;
  return fmt::format("/resolutions/{}/{}", citation.instrument, citation.number);
}

std::string ResolutionName(const std::string& lang, const std::string& instrument, int number) {
  // The number is passed as text: resolution numbers take no digit grouping ("1336").
  return text::T(lang, "res_name", {{"instrument", instrument}, {"number", std::to_string(number)}});
}

std::string RevisionLabel(const std::string& lang, const Revision& r) {
  std::string place = site::Pick(r.place_names, lang).text;
  if (place.empty()) place = r.place;
  return text::T(lang, "res_revision",
                 {{"revised", r.revised ? "yes" : "no"},
                  {"has_place", place.empty() ? "no" : "yes"},
                  {"place", place},
                  {"year", std::to_string(r.year)}});
}

render::Document ResolutionStatement(const Resolution& r, const std::string& lang) {
  render::Document d;
  d.kind = "resolution";
  d.status = "issued";
  d.lang = lang;
  d.symbol = std::to_string(r.number);
  const Revision* current = r.revisions.empty() ? nullptr : &r.revisions.back();
  const int year = current ? current->year : 0;
  d.date = fmt::format("{:04}-01-01", year);
  d.date_text = current ? RevisionLabel(lang, *current) : "";
  d.organization = text::T(lang, "res_instrument_" + r.instrument);
  d.body_key = r.instrument;
  d.body_acronym = d.organization;
  const std::string name = ResolutionName(lang, r.instrument, r.number);
  d.title = current ? text::T(lang, "res_full_name", {{"name", name}, {"version", d.date_text}})
                    : name;
  auto block = [&](const std::string& kind, const std::string& text, const std::string& in) {
    render::Block b;
    b.kind = kind;
    b.text = text;
    b.lang = in;
    d.blocks.push_back(std::move(b));
  };
  auto title = site::Pick(r.title, lang);
  if (!title.text.empty()) {
    block("note", title.text, title.lang);
    if (title.fallback) d.blocks.back().footnotes.push_back(site::FallbackNote(title, lang));
  }
  block("note", text::T(lang, "res_status_" + r.status), lang);
  if (r.status == "merged" && r.merged_into)
    block("note",
          text::T(lang, "res_merged_sentence",
                  {{"target", ResolutionName(lang, r.merged_into->instrument,
                                             r.merged_into->number)},
                   {"year", std::to_string(r.status_year.value_or(0))}}),
          lang);
  else if (r.status == "abrogated")
    block("note",
          text::T(lang, "res_abrogated_sentence",
                  {{"year", std::to_string(r.status_year.value_or(0))}}),
          lang);
  block("heading", text::T(lang, "res_versions"), lang);
  for (auto it = r.revisions.rbegin(); it != r.revisions.rend(); ++it)
    block("item", RevisionLabel(lang, *it), lang);
  if (!r.merged_from.empty()) {
    block("heading", text::T(lang, "res_merged_from"), lang);
    for (const auto& m : r.merged_from)
      block("item", ResolutionName(lang, m.instrument, m.number), lang);
  }
  return d;
}

namespace {

std::optional<std::string> UrlOf(storage::Database& db, const text::Citation& c,
                                 const Viewer& viewer) {
  return c.kind == "resolution" ? ResolutionUrl(db, c) : DocumentUrl(db, c, viewer);
}
}  // namespace

std::string LinkCitationsHtml(storage::Database& db, std::string_view text, std::string_view lang,
                              const std::string& prefix, const Viewer& viewer) {
  std::string out;
  std::size_t at = 0;
  for (const auto& c : text::ExtractCitations(text)) {
    auto url = UrlOf(db, c, viewer);
    if (!url) continue;
    out += site::TextHtml(text.substr(at, c.begin - at), lang);
    out += "<a class=\"citation\" href=\"" + http::EscapeHtml(prefix + *url) + "\">" +
           site::TextHtml(text.substr(c.begin, c.end - c.begin), lang) + "</a>";
    at = c.end;
  }
  out += site::TextHtml(text.substr(at), lang);
  return out;
}

namespace {
std::mutex checked_mu;
std::vector<CheckedTextSource>& RegisteredCheckedTexts() {
  static std::vector<CheckedTextSource> sources;
  return sources;
}
}  // namespace

void SetCheckedTextSources(std::vector<CheckedTextSource> sources) {
  std::lock_guard lock(checked_mu);
  RegisteredCheckedTexts() = std::move(sources);
}

std::vector<Unresolved> UnresolvedCitations(storage::Database& db) {
  std::vector<CheckedTextSource> sources;
  {
    std::lock_guard lock(checked_mu);
    sources = RegisteredCheckedTexts();
  }
  std::vector<Unresolved> out;
  auto scan = [&](const std::string& where, const std::string& url, const std::string& json_text) {
    boost::system::error_code ec;
    auto v = boost::json::parse(json_text, ec);
    if (ec || !v.is_object()) return;
    for (const auto& [lang, t] : v.as_object()) {
      if (!t.is_string()) continue;
      for (const auto& c : text::ExtractCitations(std::string_view(t.as_string())))
        if (!UrlOf(db, c, std::nullopt)) out.push_back({where + " (" + std::string(lang) + ")", url, c});
    }
  };
  for (const auto& source : sources)
    for (const auto& t : source(db.Read()))
      for (const auto& json_text : t.texts) scan(t.where, t.url, json_text);
  for (const auto& a : meetings::ActionTexts(db.Read()))
    scan("action " + a.number + " (meeting " + std::to_string(a.meeting_id) + ")",
         "/meetings/" + std::to_string(a.meeting_id), a.text);
  return out;
}

}  // namespace plenary::documents

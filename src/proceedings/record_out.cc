// Summary record → document model; issue and download routes.
#include "proceedings/record_out.h"

#include <fmt/format.h>

#include <map>

#include "documents/issued.h"
#include "proceedings/record.h"
#include "render/render.h"
#include "site/site.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::proceedings {

namespace json = boost::json;
using http::Request;
using text::T;

std::string RecordSource(std::int64_t meeting_id) {
  return fmt::format("meeting-record:{}", meeting_id);
}

namespace {

// The language most of the record's interventions were written in: the "Original:" line.
std::string OriginalLanguage(const Proceedings& p) {
  std::map<std::string, int> count;
  for (const auto& it : p.items)
    for (const auto& iv : it.interventions)
      if (const json::object* o = iv.summary.if_object())
        for (const auto& [k, v] : *o)
          if (v.is_string() && !v.as_string().empty()) ++count[std::string(k)];
  std::string best = "en";
  int most = 0;
  for (const auto& l : text::Languages())
    if (count[l] > most) {
      most = count[l];
      best = l;
    }
  return best;
}

}  // namespace

render::Document RecordDocument(storage::Database& db, const Proceedings& p,
                                const std::string& lang, const std::string& symbol,
                                const std::string& date) {
  SummaryRecord r = BuildRecord(p, lang);
  render::Document d;
  d.kind = "summary_record";
  d.status = symbol.empty() ? "draft" : "issued";
  d.lang = lang;
  d.symbol = symbol.empty() ? r.symbol : symbol;
  d.date = date.empty() ? p.meeting.ends_on : date;
  d.date_text = date.empty() ? r.date : text::FormatDate(date, lang);
  auto body = meetings::GetBody(db, p.meeting.body_key);
  std::string name = body.ok() ? site::Pick(body->name, lang).text : p.meeting.body_acronym;
  d.organization = name + " " + p.meeting.starts_on.substr(0, 4);
  d.origin = documents::OriginLine(OriginalLanguage(p), lang);
  d.body_key = p.meeting.body_key;
  d.body_acronym = p.meeting.body_acronym;
  d.title = r.title;
  for (const auto& it : r.items) {
    render::Block h;
    h.kind = "heading";
    h.number = it.number;
    h.text = it.heading;
    h.lang = it.heading_lang.empty() ? lang : it.heading_lang;
    h.links = documents::CitationLinks(db, h.text);
    if (it.heading_fallback)
      h.footnotes.push_back(site::FallbackNote({it.heading, it.heading_lang, true}, lang));
    d.blocks.push_back(std::move(h));
    for (const auto& para : it.paragraphs) {
      render::Block b;
      b.number = para.number;
      b.text = para.text;
      b.lang = para.lang.empty() ? lang : para.lang;
      b.links = documents::CitationLinks(db, b.text);
      if (para.fallback)
        b.footnotes.push_back(site::FallbackNote({para.text, para.lang, true}, lang));
      d.blocks.push_back(std::move(b));
    }
  }
  if (!r.secretary_general.empty())
    d.signatures.push_back({T(lang, "record_sg"), r.secretary_general, ""});
  if (!r.chair.empty()) d.signatures.push_back({T(lang, "record_chair"), r.chair, ""});
  return d;
}

void RegisterRecordOutput(http::Router& router, storage::Database& db) {
  router.Add("POST", "/api/v1/meetings/{id}/record/issue", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    auto o = site::ReadJson(req);
    if (!o.ok()) return http::JsonError(o.error());
    auto in = documents::CheckIssueRequest(*o);
    if (!in.ok()) return http::JsonError(in.error());
    auto p = Get(db, req.params[0], g.session);
    if (!p.ok()) return http::JsonError(p.error());
    documents::IssueInput issue;
    issue.source = RecordSource(p->meeting.id);
    issue.request = *in;
    issue.body = p->meeting.body_key;
    issue.source_kind = "secretariat";
    json::object title;
    for (const auto& l : text::Languages()) {
      issue.versions.push_back(RecordDocument(db, *p, l, in->symbol, in->date));
      title[l] = issue.versions.back().title;
    }
    issue.title = std::move(title);
    auto out = documents::IssueAndDescribe(db, g.session->user.id, issue);
    if (!out.ok()) return http::JsonError(out.error());
    return http::Json(*out, 201);
  });

  for (const char* format : render::kFormats) {
    router.Add("GET", std::string("/api/v1/meetings/{id}/record.") + format,
               [&db, format](Request& req) {
                 auto p = Get(db, req.params[0], site::CurrentSession(db, req));
                 if (!p.ok()) return http::JsonError(p.error());
                 std::string lang = req.query.Get("lang").value_or(req.lang);
                 auto dl = documents::DownloadGenerated(
                     db, RecordSource(p->meeting.id), lang, format,
                     [&]() -> Result<render::Document> { return RecordDocument(db, *p, lang); });
                 if (!dl.ok()) return http::JsonError(dl.error());
                 http::Response r;
                 r.content_type = dl->media_type;
                 r.body = std::move(dl->data);
                 r.Header("Content-Disposition", "attachment; filename=\"" + dl->filename + "\"");
                 return r;
               });
  }
}

}  // namespace plenary::proceedings

// Summary record → document model; issue and download routes.
#include "proceedings/record_out.h"

#include <fmt/format.h>

#include <map>

#include "documents/generated.h"
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
  documents::RegisterGeneratedRoutes(
      router, db, "/api/v1/meetings/{id}/record", "/meetings/{id}/record",
      [&db](const Request& req,
            const std::optional<accounts::Session>& viewer) -> Result<documents::Generated> {
        auto p = Get(db, req.params[0], viewer);
        if (!p.ok()) return p.error();
        documents::Generated g;
        g.source = RecordSource(p->meeting.id);
        g.body = p->meeting.body_key;
        g.source_kind = "secretariat";
        g.author = nullptr;
        g.page = fmt::format("/meetings/{}/record", p->meeting.id);
        g.label = BuildRecord(*p, req.lang).title;
        g.build = [&db, p = *p](const std::string& lang, const std::string& symbol,
                                const std::string& date) -> Result<render::Document> {
          return RecordDocument(db, p, lang, symbol, date);
        };
        return g;
      });
}

}  // namespace plenary::proceedings

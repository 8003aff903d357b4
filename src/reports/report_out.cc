// Chair's report → document model; issue and download routes.
#include "reports/report_out.h"

#include <fmt/format.h>

#include "documents/generated.h"
#include "documents/issued.h"
#include "meetings/meetings.h"
#include "render/render.h"
#include "site/site.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::reports {

namespace json = boost::json;
using http::Request;

std::string ReportSource(const std::string& body_key, const std::vector<int>& meetings) {
  std::string list;
  for (int n : meetings) list += (list.empty() ? "" : ",") + std::to_string(n);
  return "chair-report:" + body_key + ":" + list;
}

namespace {

void AddParagraph(storage::Database& db, render::Document& d, const Paragraph& p, int level) {
  render::Block b;
  b.number = p.number;
  b.level = level;
  b.text = p.text;
  b.lang = p.lang.empty() ? d.lang : p.lang;
  b.links = documents::CitationLinks(db, b.text);
  if (!p.marked.spans.empty()) b.languages = documents::LanguageSpans(p.marked);
  if (p.fallback) b.footnotes.push_back(site::FallbackNote({p.text, p.lang, true}, d.lang));
  const std::string lang = b.lang;
  d.blocks.push_back(std::move(b));
  for (const auto& item : p.items) {
    render::Block i;
    i.kind = "item";
    i.level = level;
    i.text = item;
    i.lang = lang;
    i.links = documents::CitationLinks(db, item);
    d.blocks.push_back(std::move(i));
  }
  for (const auto& s : p.sub) AddParagraph(db, d, s, level + 1);
}

}  // namespace

render::Document ReportDocument(storage::Database& db, const ChairReport& r,
                                const std::string& symbol, const std::string& date) {
  render::Document d;
  d.kind = "chair_report";
  d.status = symbol.empty() ? "draft" : "issued";
  d.lang = r.lang;
  d.symbol = symbol;
  d.date = date.empty() ? (r.meetings.empty() ? "" : r.meetings.back().ends_on) : date;
  d.date_text = d.date.empty() ? "" : text::FormatDate(d.date, r.lang);
  // A Chair's report is a document of the Council's session: "Council 2022".
  auto council = meetings::GetBody(db, "council");
  std::string name = council.ok() ? site::Pick(council->name, r.lang).text : r.body_name;
  d.organization = name + " " + d.date.substr(0, 4);
  // The stored texts (terms of reference) are the only text not written from the catalogue:
  // their language is the original; else English.
  std::string original = "en";
  for (const auto& s : r.sections)
    for (const auto& p : s.paragraphs)
      if (p.fallback && !p.lang.empty()) original = p.lang;
  d.origin = documents::OriginLine(original, r.lang);
  d.body_key = r.body_key;
  d.body_acronym = r.body_acronym;
  d.title = r.title;
  d.title_languages = documents::LanguageSpans(r.title_sentence);
  auto note = [&](const std::string& text) {
    if (text.empty()) return;
    render::Block b;
    b.kind = "note";
    b.text = text;
    b.lang = r.lang;
    b.links = documents::CitationLinks(db, text);
    d.blocks.push_back(std::move(b));
  };
  note(r.summary);
  note(r.action_required);
  for (const auto& ref : r.references) note(ref);
  for (const auto& s : r.sections) {
    render::Block h;
    h.kind = "heading";
    h.number = s.number;
    h.text = s.heading;
    h.lang = r.lang;
    d.blocks.push_back(std::move(h));
    for (const auto& p : s.paragraphs) AddParagraph(db, d, p, 0);
  }
  if (!r.signature.empty()) d.signatures.push_back({r.signature, "", r.member_state_line});
  return d;
}

void RegisterReportOutput(http::Router& router, storage::Database& db) {
  documents::RegisterGeneratedRoutes(
      router, db, "/api/v1/bodies/{id}/chair-report", "/bodies/{id}/chair-report",
      [&db](const Request& req,
            const std::optional<accounts::Session>&) -> Result<documents::Generated> {
        const std::string meetings = req.query.Get("meetings").value_or("");
        const std::string page_lang = text::IsLanguage(req.lang) ? req.lang : "en";
        auto r = BuildChairReport(db, req.params[0], meetings, page_lang);
        if (!r.ok()) return r.error();
        std::vector<int> numbers;
        std::string list;
        for (const auto& m : r->meetings) {
          numbers.push_back(m.number);
          list += (list.empty() ? "" : ",") + std::to_string(m.number);
        }
        documents::Generated g;
        g.source = ReportSource(r->body_key, numbers);
        g.body = r->body_key;
        g.source_kind = "chair";
        json::object author;
        for (const auto& l : text::Languages())
          author[l] = text::T(l, "doc_author_chair", {{"acronym", r->body_acronym}});
        g.author = std::move(author);
        g.page = "/bodies/" + r->body_key + "/chair-report?meetings=" + list;
        g.label = r->title;
        g.build = [&db, body = r->body_key, list](
                      const std::string& lang, const std::string& symbol,
                      const std::string& date) -> Result<render::Document> {
          if (!text::IsLanguage(lang))
            return InvalidArgument("lang", "lang: must be one of ar, zh, en, fr, ru, es");
          auto report = BuildChairReport(db, body, list, lang);
          if (!report.ok()) return report.error();
          return ReportDocument(db, *report, symbol, date);
        };
        return g;
      });
}

}  // namespace plenary::reports

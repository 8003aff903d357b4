// A consultation's report → document model; its lifecycle and download routes.
#include "consultations/report_out.h"

#include <fmt/format.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <map>

#include "base/time.h"
#include "consultations/consultations.h"
#include "documents/generated.h"
#include "documents/issued.h"
#include "meetings/meetings.h"
#include "site/site.h"
#include "text/countries.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::consultations {

namespace json = boost::json;
using text::T;

std::string ConsultationReportSource(std::int64_t consultation_id) {
  return fmt::format("consultation-report:{}", consultation_id);
}

namespace {

// The deadline's civil date in the consultation's zone ("2021-09-03").
std::string DeadlineDate(const Consultation& c) {
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar cal(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(c.timezone)), status);
  cal.setTime(static_cast<UDate>(c.deadline) * 1000.0, status);
  if (U_FAILURE(status)) return FormatIso(c.deadline).substr(0, 10);
  return fmt::format("{:04}-{:02}-{:02}", cal.get(UCAL_YEAR, status),
                     cal.get(UCAL_MONTH, status) + 1, cal.get(UCAL_DATE, status));
}

}  // namespace

Result<render::Document> ConsultationReportDocument(storage::Database& db,
                                                    const std::string& id_or_key,
                                                    const std::string& lang,
                                                    const std::string& symbol,
                                                    const std::string& date) {
  if (!text::IsLanguage(lang))
    return InvalidArgument("lang", "lang: must be one of ar, zh, en, fr, ru, es");
  auto c = Get(db, id_or_key);
  if (!c.ok()) return c.error();
  auto paragraph = ReportSentence(db, id_or_key, lang);
  if (!paragraph.ok()) return paragraph.error();
  auto s = ComputeStatistics(db, id_or_key);
  if (!s.ok()) return s.error();

  render::Document d;
  d.kind = "consultation_report";
  d.status = symbol.empty() ? "draft" : "issued";
  d.lang = lang;
  d.symbol = symbol;
  d.date = date.empty() ? DeadlineDate(*c) : date;
  d.date_text = text::FormatDate(d.date, lang);
  auto body = meetings::GetBody(db, c->body_key);
  std::string name = body.ok() ? site::Pick(body->name, lang).text : c->body_acronym;
  d.organization = name + " " + d.date.substr(0, 4);
  // Every sentence comes from the catalogue in `lang`, figures from the data: English is the
  // language the secretariat drafts in.
  d.origin = documents::OriginLine("en", lang);
  d.body_key = c->body_key;
  d.body_acronym = c->body_acronym;
  auto title = site::Pick(c->title, lang);
  // The title, when stored in another language only, is marked with it in the document's.
  const site::Sentence title_sentence =
      site::Say(lang, "consultation_report_title", {{"title", title}});
  d.title = title_sentence.text;
  d.title_languages = documents::LanguageSpans(title_sentence);

  auto heading = [&](const std::string& number, const std::string& text) {
    render::Block h;
    h.kind = "heading";
    h.number = number;
    h.text = text;
    h.lang = lang;
    d.blocks.push_back(std::move(h));
  };
  auto para = [&](const std::string& number, const std::string& text) {
    render::Block b;
    b.number = number;
    b.text = text;
    b.lang = lang;
    b.links = documents::CitationLinks(db, text);
    d.blocks.push_back(std::move(b));
  };
  auto item = [&](const std::string& text) {
    render::Block b;
    b.kind = "item";
    b.text = text;
    b.lang = lang;
    d.blocks.push_back(std::move(b));
  };

  heading("1", T(lang, "chair_report_summary_heading"));
  para("1.1", paragraph->text);
  // The title, when stored in another language only, is a run of that language.
  d.blocks.back().languages = documents::LanguageSpans(*paragraph);

  heading("2", T(lang, "statistics"));
  para("2.1", T(lang, "responses_total", {{"n", s->total}}));
  int n = 1;
  auto table = [&](const std::string& caption,
                   const std::vector<std::pair<std::string, std::int64_t>>& rows) {
    if (rows.empty()) return;
    para(fmt::format("2.{}", ++n), caption);
    for (const auto& [label, count] : rows)
      item(T(lang, "stats_item", {{"label", label}, {"count", count}}));
  };
  std::map<std::string, std::string> types;
  for (const auto& t : StakeholderTypes(db)) types[t.key] = site::Pick(t.label, lang).text;
  std::vector<std::pair<std::string, std::int64_t>> rows;
  for (const auto& [k, count] : s->by_stakeholder_type)
    if (count > 0) rows.emplace_back(types.contains(k) ? types[k] : k, count);
  table(T(lang, "stats_by_type"), rows);
  rows.clear();
  for (const auto& [k, count] : s->by_region)
    rows.emplace_back(k == "unknown" || k.empty() ? T(lang, "stats_no_region")
                                                  : text::ItuRegionName(k[0], lang),
                      count);
  table(T(lang, "stats_by_itu_region"), rows);
  rows.clear();
  for (const auto& [k, count] : s->by_m49_region)
    rows.emplace_back(text::M49Name(k, lang).empty() ? T(lang, "stats_no_region")
                                                    : text::M49Name(k, lang),
                      count);
  table(T(lang, "stats_by_m49_region"), rows);
  rows.clear();
  for (const auto& [k, count] : s->by_country) rows.emplace_back(text::CountryName(k, lang), count);
  table(T(lang, "stats_by_country"), rows);
  rows.clear();
  for (const auto& [k, count] : s->by_language) rows.emplace_back(T(k, "language_name"), count);
  table(T(lang, "stats_by_language"), rows);
  return d;
}

void RegisterReportOutput(http::Router& router, storage::Database& db) {
  documents::RegisterGeneratedRoutes(
      router, db, "/api/v1/consultations/{id}/report", "/consultations/{id}/report",
      [&db](const http::Request& req,
            const std::optional<accounts::Session>&) -> Result<documents::Generated> {
        auto c = Get(db, req.params[0]);
        if (!c.ok()) return c.error();
        documents::Generated g;
        g.source = ConsultationReportSource(c->id);
        g.body = c->body_key;
        g.source_kind = "secretariat";
        g.author = nullptr;
        g.page = fmt::format("/consultations/{}/report", c->id);
        g.label = T(req.lang, "consultation_report_title",
                    {{"title", site::Pick(c->title, req.lang).text}});
        g.build = [&db, id = std::to_string(c->id)](const std::string& lang,
                                                     const std::string& symbol,
                                                     const std::string& date) {
          return ConsultationReportDocument(db, id, lang, symbol, date);
        };
        return g;
      });
}

}  // namespace plenary::consultations

// Statistics of a consultation's responses and the paragraph of the Chair's report.
#include "consultations/consultations.h"
#include "consultations/internal.h"

#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/listformatter.h>
#include <unicode/numfmt.h>
#include <unicode/rbnf.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "accounts/tokens.h"
#include "audit/audit.h"
#include "base/csv.h"
#include "base/parse.h"
#include "base/random.h"
#include "base/time.h"
#include "base/utf8.h"
#include "mail/mail.h"
#include "meetings/meetings.h"
#include "search/search.h"
#include "site/fields.h"
#include "site/site.h"
#include "text/countries.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::consultations {

namespace json = boost::json;
using site::CountChars;
using site::Multilingual;
using site::ParseJson;
using site::SniffType;
using site::Trim;
using storage::Connection;
using storage::Stmt;

// --- Statistics ------------------------------------------------------------------------------

Result<Statistics> ComputeStatistics(storage::Database& db, const std::string& consultation) {
  auto cons = Get(db, consultation);
  if (!cons.ok()) return cons.error();
  auto& c = db.Read();
  Statistics st;
  for (const auto& t : StakeholderTypes(db)) st.by_stakeholder_type.emplace_back(t.key, 0);
  Stmt s(c,
         "SELECT stakeholder_type, country, language, status, count(*) FROM responses "
         "WHERE consultation_id = ? GROUP BY 1, 2, 3, 4");
  s.BindAll(cons->id);
  while (s.Step()) {
    std::int64_t n = s.Int(4);
    std::string status = s.Text(3);
    st.by_status[status] += n;
    if (status == "rejected") continue;
    st.total += n;
    std::string type = s.Text(0), country = s.Text(1);
    for (auto& [k, v] : st.by_stakeholder_type)
      if (k == type) v += n;
    st.by_country[country] += n;
    st.by_language[s.Text(2)] += n;
    char itu = text::ItuRegion(country);
    st.by_region[itu ? std::string(1, itu) : "unknown"] += n;
    auto m49 = text::M49Region(country, "en");
    st.by_m49_region[m49 ? m49->subregion_code : "unknown"] += n;
  }
  if (cons->meeting_id) {
    // The figures of the open consultation meeting, as meetings counts them.
    if (auto m = meetings::GetMeeting(db, std::to_string(*cons->meeting_id)); m.ok()) {
      st.registered = m->registered;
      st.attended = m->attended;
      st.registered_more_than = m->registered_more_than;
      st.attended_more_than = m->attended_more_than;
    }
  }
  return st;
}

json::object StatisticsJson(const Statistics& s) {
  auto obj = [](const auto& m) {
    json::object o;
    for (const auto& [k, v] : m) o[k] = v;
    return o;
  };
  json::object out{
      {"responses",
       {{"total", s.total},
        {"by_stakeholder_type", obj(s.by_stakeholder_type)},
        {"by_country", obj(s.by_country)},
        {"by_region", obj(s.by_region)},
        {"by_m49_region", obj(s.by_m49_region)},
        {"by_language", obj(s.by_language)},
        {"by_status", obj(s.by_status)}}}};
  if (s.campaigns)
    out["responses"].as_object()["campaigns"] = {{"texts", *s.campaigns},
                                                 {"copies", *s.campaign_copies}};
  if (s.registered)
    out["meeting"] = {{"registered", *s.registered},
                      {"attended", *s.attended},
                      {"registered_more_than", s.registered_more_than},
                      {"attended_more_than", s.attended_more_than}};
  else
    out["meeting"] = nullptr;
  return out;
}

std::string StatisticsCsv(const Statistics& s) {
  std::string out = "dimension,key,count\r\n";
  out += fmt::format("responses,total,{}\r\n", s.total);
  auto rows = [&](const char* dim, const auto& m) {
    for (const auto& [k, v] : m) out += fmt::format("{},{},{}\r\n", dim, CsvField(k), v);
  };
  rows("stakeholder_type", s.by_stakeholder_type);
  rows("country", s.by_country);
  rows("itu_region", s.by_region);
  rows("m49_region", s.by_m49_region);
  rows("language", s.by_language);
  rows("status", s.by_status);
  if (s.campaigns) {
    out += fmt::format("campaigns,texts,{}\r\n", *s.campaigns);
    out += fmt::format("campaigns,copies,{}\r\n", *s.campaign_copies);
  }
  if (s.registered) {
    out += fmt::format("meeting,registered,{}\r\n", *s.registered);
    out += fmt::format("meeting,attended,{}\r\n", *s.attended);
  }
  return out;
}

// --- The report paragraph --------------------------------------------------------------------

namespace {
std::string Utf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

// The consultation's span in running text ("from October to December 2021", "2021年10月至12月"):
// its opening and deadline as civil dates in its time zone.
std::string Period(std::int64_t from, std::int64_t to, const std::string& zone,
                   const std::string& lang) {
  auto civil = [&](std::int64_t t) {
    UErrorCode status = U_ZERO_ERROR;
    icu::SimpleDateFormat f(u"yyyy-MM-dd", icu::Locale::getRoot(), status);
    if (U_FAILURE(status)) return FormatIso(t).substr(0, 10);
    f.adoptTimeZone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
    icu::UnicodeString out;
    f.format(static_cast<UDate>(t) * 1000.0, out);
    return Utf8(out);
  };
  return text::FormatMonthPhrase(civil(from), civil(to), lang);
}
}  // namespace

Result<site::Sentence> ReportSentence(storage::Database& db, const std::string& consultation,
                                      const std::string& lang, const Statistics* campaigns) {
  if (!text::IsLanguage(lang))
    return InvalidArgument("lang", "lang: must be one of ar, zh, en, fr, ru, es");
  auto cons = Get(db, consultation);
  if (!cons.ok()) return cons.error();
  auto st = ComputeStatistics(db, consultation);
  if (!st.ok()) return st.error();
  std::vector<std::string> parts;
  std::set<std::string> selectable;
  for (const auto& t : StakeholderTypes(db))
    if (t.selectable) selectable.insert(t.key);
  for (const auto& [type, n] : st->by_stakeholder_type)
    if (n > 0 && selectable.count(type)) parts.push_back(text::T(lang, "report_from_" + type, {{"n", n}}));
  // The title as every page picks it (the reader's language, else the first one it has), marked
  // with its language when that is another; before any response, no count and no empty list of
  // stakeholders.
  site::Sentence paragraph = site::Say(
      lang, st->total > 0 ? "report_responses" : "report_responses_none",
      {{"topic", site::Pick(cons->title, lang)},
       {"period", Period(cons->opens_at, cons->deadline, cons->timezone, lang)},
       {"total", st->total},
       {"breakdown", text::FormatList(parts, lang)}});
  if (campaigns && campaigns->campaigns && *campaigns->campaigns > 0) {
    paragraph.Append(text::T(lang, "report_sentence_separator"));
    paragraph.Append(text::T(lang, "report_campaigns",
                             {{"copies", *campaigns->campaign_copies},
                              {"texts", *campaigns->campaigns}}));
  }
  if (cons->meeting_id) {
    if (auto m = meetings::GetMeeting(db, std::to_string(*cons->meeting_id)); m.ok()) {
      // "round": Chinese writes "多" after a round figure only ("150多名", "75多名" in C22/51);
      // "21多名" or "1多名" does not mean "more than", so other figures take "超过21名".
      auto round = [](std::int64_t n) { return n >= 10 && n % 5 == 0 ? "yes" : "no"; };
      std::string registered = text::T(lang, "report_registered",
                                       {{"n", *st->registered},
                                        {"more", st->registered_more_than ? "yes" : "no"},
                                        {"round", round(*st->registered)}});
      std::string attended = text::T(lang, "report_attended",
                                     {{"n", *st->attended},
                                      {"more", st->attended_more_than ? "yes" : "no"},
                                      {"round", round(*st->attended)}});
      paragraph.Append(text::T(lang, "report_sentence_separator"));
      paragraph.Append(text::T(lang, "report_meeting",
                               {{"number", static_cast<std::int64_t>(m->number)},
                                {"mode", m->mode},
                                {"date", text::FormatDatePhrase(m->starts_on, "", lang)},
                                {"participants", text::FormatList({registered, attended}, lang)}}));
    }
  }
  std::int64_t published = st->by_status.count("published") ? st->by_status.at("published") : 0;
  paragraph.Append(text::T(lang, "report_sentence_separator"));
  paragraph.Append(text::T(lang, "report_publication",
                           {{"responses", published == st->total && published > 0 ? "all"
                                          : published > 0                          ? "some"
                                                                                   : "none"},
                            {"summary", cons->summary_published_at ? "yes" : "no"},
                            {"body", text::BodyAcronym(cons->body_key, cons->body_acronym, lang)}}));
  return paragraph;
}

Result<std::string> ReportParagraph(storage::Database& db, const std::string& consultation,
                                    const std::string& lang, const Statistics* campaigns) {
  auto s = ReportSentence(db, consultation, lang, campaigns);
  if (!s.ok()) return s.error();
  return s->text;
}

}  // namespace plenary::consultations

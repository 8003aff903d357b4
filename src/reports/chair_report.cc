// The Chair's report assembled from bodies, meetings, consultations and the resolutions
// registry; sentences from the message catalogue.
#include "reports/chair_report.h"

#include <algorithm>
#include <map>
#include <memory>
#include <regex>

#include <fmt/format.h>

#include "base/time.h"
#include "consultations/consultations.h"
#include "documents/resolutions.h"
#include "meetings/meetings.h"
#include "reports/meeting_report.h"
#include "reports/officers.h"
#include "site/site.h"
#include "text/countries.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::reports {

namespace json = boost::json;
using text::T;

namespace {

std::string_view TrimView(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

bool IsItem(std::string_view line) {
  if (line.size() >= 2 && line[0] >= 'a' && line[0] <= 'z' && line[1] == ')') return true;
  return line.starts_with("•") || line.starts_with("- ");
}

std::string Ordinal(int n, const std::string& lang) {
  return T(lang, "chair_report_ordinal", {{"number", static_cast<std::int64_t>(n)}});
}

Paragraph Para(std::string number, std::string text, const std::string& lang) {
  Paragraph p;
  p.number = std::move(number);
  p.text = std::move(text);
  p.lang = lang;
  return p;
}

json::object ParagraphJson(const Paragraph& p) {
  json::object o{{"number", p.number}, {"text", p.text}, {"lang", p.lang}, {"fallback", p.fallback}};
  if (!p.items.empty()) {
    json::array items;
    for (const auto& i : p.items) items.push_back(json::value(i));
    o["items"] = std::move(items);
  }
  if (!p.sub.empty()) {
    json::array sub;
    for (const auto& s : p.sub) sub.push_back(ParagraphJson(s));
    o["paragraphs"] = std::move(sub);
  }
  return o;
}

}  // namespace

Result<std::vector<int>> ParseMeetingNumbers(std::string_view s) {
  if (TrimView(s).empty())
    return InvalidArgument("meetings",
                           "meetings: required: the numbers of the working group's meetings the "
                           "report covers, separated by commas (meetings=16,17)");
  std::vector<int> out;
  std::size_t start = 0;
  while (true) {
    std::size_t comma = s.find(',', start);
    std::string_view tok =
        TrimView(s.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                                  : comma - start));
    bool digits = !tok.empty() && tok.size() <= 6 &&
                  std::all_of(tok.begin(), tok.end(), [](char c) { return c >= '0' && c <= '9'; });
    int n = digits ? std::stoi(std::string(tok)) : 0;
    if (n < 1) {
      std::string shown(tok.substr(0, 40));
      return InvalidArgument("meetings", fmt::format("meetings: \"{}\" is not a meeting number; "
                                                     "expected whole numbers separated by commas, "
                                                     "e.g. 16,17",
                                                     shown));
    }
    out.push_back(n);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  if (out.size() > 20) return InvalidArgument("meetings", "meetings: at most 20 meetings");
  return out;
}

std::vector<Paragraph> SplitParagraphs(std::string_view text, const std::string& section) {
  static const std::regex kNumber(R"(^\d+(\.\d+)*\s+)");
  std::vector<Paragraph> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string_view line =
        TrimView(text.substr(start, nl == std::string_view::npos ? std::string_view::npos
                                                                  : nl - start));
    if (!line.empty()) {
      if (IsItem(line) && !out.empty()) {
        out.back().items.emplace_back(line);
      } else {
        // A paragraph pasted with its old number ("1.2\t…") is numbered afresh.
        std::string t = std::regex_replace(std::string(line), kNumber, "",
                                           std::regex_constants::format_first_only);
        out.push_back(Para(fmt::format("{}.{}", section, out.size() + 1), t, ""));
      }
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

Result<ChairReport> BuildChairReport(storage::Database& db, const std::string& body,
                                     const std::string& meetings_param, const std::string& lang) {
  if (!text::IsLanguage(lang))
    return InvalidArgument("lang", "lang: must be one of ar, zh, en, fr, ru, es");
  auto b = meetings::GetBody(db, body);
  if (!b.ok()) return b.error();
  auto numbers = ParseMeetingNumbers(meetings_param);
  if (!numbers.ok()) return numbers.error();
  auto record = GetBodyRecord(db, std::to_string(b->id));
  if (!record.ok()) return record.error();

  ChairReport r;
  r.lang = lang;
  r.body_key = b->key;
  r.body_acronym = b->acronym;
  const site::Localized body_name = site::Pick(b->name, lang);
  r.body_name = body_name.text;
  // In running text, the acronym the language uses (GTC-Internet in French).
  const std::string acronym = text::BodyAcronym(b->key, b->acronym, lang);

  std::vector<meetings::Meeting> chosen;
  const auto all = meetings::ListMeetings(db, b->id);
  for (int n : *numbers) {
    auto it = std::find_if(all.begin(), all.end(), [n](const meetings::Meeting& m) {
      return m.kind == "working_group" && m.number == n;
    });
    if (it == all.end())
      return Error{Code::kNotFound,
                   fmt::format("meetings: {} has no meeting numbered {}", acronym, n), "meetings"};
    auto m = meetings::GetMeeting(db, std::to_string(it->id));
    if (!m.ok()) return m.error();
    // The report says the meetings were held: one that has not ended yet (in its own time zone)
    // is refused rather than reported as held.
    auto ended = ParseIso(m->ends_on + "T23:59:59", m->timezone);
    if (!ended || *ended > Now())
      return InvalidArgument("meetings",
                             fmt::format("meetings: the meeting numbered {} of {} ends on {}; the "
                                         "report covers meetings that have taken place",
                                         n, acronym, m->ends_on));
    chosen.push_back(std::move(*m));
  }
  std::vector<std::string> ordinals, dates;
  std::string mode = chosen.front().mode;
  for (const auto& m : chosen) {
    ordinals.push_back(Ordinal(m.number, lang));
    dates.push_back(text::FormatDatePhrase(m.starts_on, m.ends_on, lang));
    if (m.mode != mode) mode = "mixed";
    r.meetings.push_back({m.id, m.number, m.starts_on, m.ends_on, m.mode, meetings::Label(m, lang)});
  }
  const std::int64_t count = static_cast<std::int64_t>(chosen.size());
  const std::string ordinals_list = text::FormatList(ordinals, lang);
  const std::string dates_list = text::FormatList(dates, lang);

  for (const auto& c : record->citations) {
    auto res = documents::GetResolution(db, c.instrument, std::to_string(c.number));
    if (!res.ok()) continue;  // removed from the registry since: the report cites what exists
    std::string name = documents::ResolutionName(lang, res->instrument, res->number);
    r.references.push_back(
        res->revisions.empty()
            ? name
            : T(lang, "res_full_name",
                {{"name", name}, {"version", documents::RevisionLabel(lang, res->revisions.back())}}));
  }

  r.title_sentence =
      site::Say(lang, "chair_report_title", {{"name", body_name}, {"acronym", acronym}});
  r.title = r.title_sentence.text;
  r.summary_sentence = site::Say(lang, "chair_report_summary",
                {{"name", body_name},
                 {"acronym", acronym},
                 {"ordinals", ordinals_list},
                 {"count", count},
                 {"dates", dates_list},
                 {"cited", r.references.empty() ? "no" : "yes"},
                 {"references", text::FormatList(r.references, lang)}});
  r.summary = r.summary_sentence.text;
  r.action_required = T(lang, "chair_report_action");

  // 1 Introduction: the terms of reference, else the body's description.
  Section intro{"1", T(lang, "chair_report_introduction"), {}};
  auto terms = site::Pick(record->terms_of_reference, lang);
  if (terms.text.empty()) terms = site::Pick(b->description, lang);
  intro.paragraphs = SplitParagraphs(terms.text, "1");
  for (auto& p : intro.paragraphs) {
    p.lang = terms.lang;
    p.fallback = terms.fallback;
  }
  r.sections.push_back(std::move(intro));

  // 2 Activities. Each sentence is written only when the record holds what it says.
  Section act{"2", T(lang, "chair_report_activities", {{"acronym", acronym}}), {}};
  auto next = [&act]() { return fmt::format("2.{}", act.paragraphs.size() + 1); };
  act.paragraphs.push_back(Para(next(),
                                T(lang, "chair_report_meetings_held",
                                  {{"acronym", acronym},
                                   {"ordinals", ordinals_list},
                                   {"count", count},
                                   {"dates", dates_list},
                                   {"mode", mode}}),
                                lang));
  // The meetings whose report the group approved, and those whose report was distributed, by
  // recipients (migration 0010).
  std::vector<std::string> approved;
  std::map<std::string, std::vector<std::string>> distributed;
  for (const auto& m : chosen) {
    auto rep = GetMeetingReport(db, m.id);
    if (!rep.ok()) return rep.error();
    if (rep->approved) approved.push_back(Ordinal(m.number, lang));
    if (!rep->distribution.empty()) distributed[rep->distribution].push_back(Ordinal(m.number, lang));
  }
  const std::string approved_list = text::FormatList(approved, lang);
  const auto approved_count = static_cast<std::int64_t>(approved.size());
  if (!approved.empty())
    act.paragraphs.push_back(Para(next(),
                                  T(lang, "chair_report_reports_approved",
                                    {{"acronym", acronym},
                                     {"ordinals", approved_list},
                                     {"count", approved_count}}),
                                  lang));
  const std::string sep = T(lang, "report_sentence_separator");
  std::string distribution;
  for (const char* to : {"itu_members_and_stakeholders", "itu_members"}) {
    auto it = distributed.find(to);
    if (it == distributed.end()) continue;
    if (!distribution.empty()) distribution += sep;
    distribution += T(lang, "chair_report_reports_distributed",
                      {{"acronym", acronym},
                       {"ordinals", text::FormatList(it->second, lang)},
                       {"count", static_cast<std::int64_t>(it->second.size())},
                       {"to", std::string(to)}});
  }
  if (!distribution.empty()) act.paragraphs.push_back(Para(next(), distribution, lang));
  const auto consultations = consultations::List(db, b->id);
  std::int64_t contributions = 0;
  for (const auto& m : chosen) {
    const std::string ordinal = Ordinal(m.number, lang);
    std::vector<site::Sentence> sentences;
    auto plain = [&lang](std::string t) {
      site::Sentence s;
      s.lang = lang;
      s.text = std::move(t);
      return s;
    };
    // No contribution on record: no sentence about contributions.
    if (!m.contributions.empty())
      sentences.push_back(plain(T(lang, "chair_report_contributions",
                                  {{"acronym", acronym},
                                   {"ordinal", ordinal},
                                   {"n", static_cast<std::int64_t>(m.contributions.size())}})));
    contributions += static_cast<std::int64_t>(m.contributions.size());
    for (const auto& c : consultations) {
      if (c.considered_at_meeting_id != m.id) continue;
      auto paragraph = consultations::ReportSentence(db, std::to_string(c.id), lang);
      if (!paragraph.ok()) return paragraph.error();
      // The first sentence of the paragraph names the meeting; the next ones refer back to it.
      text::Args args = {{"acronym", acronym},
                         {"this", ordinal},
                         {"first", sentences.empty() ? "yes" : "no"}};
      if (c.launched_at_meeting_number)
        args.push_back({"ordinal", Ordinal(*c.launched_at_meeting_number, lang)});
      sentences.push_back(plain(T(lang,
                                  c.launched_at_meeting_number ? "chair_report_considered_launched"
                                                               : "chair_report_considered",
                                  args)));
      sentences.push_back(*paragraph);
    }
    if (!sentences.empty()) {
      site::Sentence text = plain("");
      for (const auto& t : sentences) {
        if (!text.text.empty()) text.Append(sep);
        text.Append(t);
      }
      Paragraph p = Para(next(), text.text, lang);
      p.marked = std::move(text);
      act.paragraphs.push_back(std::move(p));
    }
    if (m.actions.empty()) continue;
    Paragraph actions = Para(next(),
                             T(lang, "chair_report_actions_intro",
                               {{"acronym", acronym}, {"ordinal", ordinal}}),
                             lang);
    for (const auto& a : m.actions) {
      auto t = site::Pick(a.text, lang);
      Paragraph s = Para(fmt::format("{}.{}", actions.number, actions.sub.size() + 1), t.text, t.lang);
      s.fallback = t.fallback;
      // Launching a consultation: its questions follow, as in the Chair's report (2.5.1).
      if (a.kind == "launch_consultation" && !a.consultation_key.empty())
        if (auto launched = consultations::Get(db, a.consultation_key); launched.ok())
          for (const auto& q : launched->questions)
            s.items.push_back("• " + site::Pick(q.text, s.lang).text);
      actions.sub.push_back(std::move(s));
    }
    act.paragraphs.push_back(std::move(actions));
  }
  r.sections.push_back(std::move(act));

  // 3 Conclusions: taking note of the meetings' reports (those approved: the reports on record),
  // and the Chair's thanks to those the record shows took part or supported the meetings.
  Section concl{"3", T(lang, "chair_report_conclusions"), {}};
  auto next_concl = [&concl]() { return fmt::format("3.{}", concl.paragraphs.size() + 1); };
  if (!approved.empty())
    concl.paragraphs.push_back(Para(next_concl(),
                                    T(lang, "chair_report_take_note",
                                      {{"acronym", acronym},
                                       {"ordinals", approved_list},
                                       {"count", approved_count}}),
                                    lang));
  if (record->chair) {
    std::vector<std::string> supporters;
    if (!record->vice_chairs.empty())
      supporters.push_back(
          T(lang, "chair_report_party_vice_chairs",
            {{"count", static_cast<std::int64_t>(record->vice_chairs.size())}}));
    const auto& support = record->supported_by;
    auto supported = [&support](const char* k) {
      return std::find(support.begin(), support.end(), k) != support.end();
    };
    for (const char* k : {"secretary_general", "deputy_secretary_general", "bureau_directors"})
      if (supported(k)) supporters.push_back(T(lang, std::string("chair_report_party_") + k));
    // The Secretary's phrase closes the list (its appositive comma is in the catalogue).
    const std::string secretary = record->secretary ? record->secretary->name : "";
    if (supported("general_secretariat"))
      supporters.push_back(T(lang, "chair_report_party_general_secretariat",
                             {{"has_secretary", secretary.empty() ? "no" : "yes"},
                              {"secretary", secretary}}));
    else if (!secretary.empty())
      supporters.push_back(T(lang, "chair_report_party_secretary", {{"secretary", secretary}}));
    const char* who = contributions > 0 ? (supporters.empty() ? "contributors" : "both")
                                        : (supporters.empty() ? nullptr : "supporters");
    if (who)
      concl.paragraphs.push_back(Para(next_concl(),
                                      T(lang, "chair_report_thanks",
                                        {{"acronym", acronym},
                                         {"who", std::string(who)},
                                         {"membership", b->membership},
                                         {"supporters", text::FormatList(supporters, lang)}}),
                                      lang));
  }
  if (!concl.paragraphs.empty()) r.sections.push_back(std::move(concl));

  if (record->chair) {
    r.chair_name = record->chair->name;
    r.chair_member_state = record->chair->member_state;
    r.signature = T(lang, "chair_report_signature", {{"name", r.chair_name}});
    if (!r.chair_member_state.empty())
      r.member_state_line =
          T(lang, "chair_report_member_state",
            {{"country", text::CountryName(r.chair_member_state, lang)}});
  }
  return r;
}

json::object ChairReportJson(const ChairReport& r) {
  json::array meetings;
  for (const auto& m : r.meetings)
    meetings.push_back(json::object{{"id", m.id},
                                    {"number", m.number},
                                    {"label", m.label},
                                    {"starts_on", m.starts_on},
                                    {"ends_on", m.ends_on},
                                    {"mode", m.mode}});
  json::array references;
  for (const auto& ref : r.references) references.push_back(json::value(ref));
  json::array sections;
  for (const auto& s : r.sections) {
    json::array paragraphs;
    for (const auto& p : s.paragraphs) paragraphs.push_back(ParagraphJson(p));
    sections.push_back(json::object{
        {"number", s.number}, {"heading", s.heading}, {"paragraphs", std::move(paragraphs)}});
  }
  json::value signature = nullptr;
  if (!r.chair_name.empty())
    signature = json::object{
        {"chair", r.chair_name},
        {"member_state", r.chair_member_state.empty() ? json::value(nullptr)
                                                      : json::value(r.chair_member_state)},
        {"text", r.member_state_line.empty() ? r.signature
                                             : r.signature + "\n" + r.member_state_line}};
  return {{"lang", r.lang},
          {"body", json::object{{"key", r.body_key}, {"acronym", r.body_acronym}, {"name", r.body_name}}},
          {"meetings", std::move(meetings)},
          {"title", r.title},
          {"summary", r.summary},
          {"action_required", r.action_required},
          {"references", std::move(references)},
          {"sections", std::move(sections)},
          {"signature", std::move(signature)}};
}

}  // namespace plenary::reports

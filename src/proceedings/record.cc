// The summary record built from the proceedings.
#include "proceedings/record.h"

#include <set>

#include <fmt/format.h>

#include "site/site.h"
#include "text/analyzer.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::proceedings {

namespace json = boost::json;
using text::T;

std::string DocumentsPhrase(const std::vector<DocumentRef>& documents, const std::string& lang,
                            const char* key) {
  std::vector<std::string> symbols;
  for (const auto& d : documents)
    // U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE keep "C22/32(Rev.1)" whole and
    // left-to-right inside Arabic text.
    symbols.push_back(lang == "ar" ? "\u2068" + d.symbol + "\u2069" : d.symbol);
  return T(lang, key,
           {{"count", static_cast<std::int64_t>(symbols.size())},
            {"list", text::FormatList(symbols, lang)}});
}

namespace {
// The text of `v` in exactly `lang` ("" when missing): generated sentences do not mix languages.
std::string Exact(const json::value& v, const std::string& lang) {
  const json::object* o = v.if_object();
  const json::value* t = o ? o->if_contains(lang) : nullptr;
  return t && t->is_string() ? std::string(t->as_string()) : "";
}
}  // namespace

std::string DecisionText(const Decision& d, const std::vector<DocumentRef>& documents,
                         const std::string& body_name, const std::string& lang) {
  std::string docs = documents.empty()
                         ? T(lang, "record_the_matter")
                         : DocumentsPhrase(documents, lang, "record_documents_in_text");
  std::string back = Exact(d.report_back, lang);
  // Without documents a decision is on "the matter": no report is named that is not on record.
  std::string out = T(lang, "decision_" + d.kind,
                      {{"body", body_name},
                       {"documents", docs},
                       {"has_documents", documents.empty() ? "no" : "yes"},
                       {"report_back", back.empty() ? T(lang, "record_later_meeting") : back}});
  if (!d.forwarded_to.empty()) {
    std::string with = Exact(d.accompanied_by, lang);
    text::Args args = {{"body", body_name},
                       {"documents", docs},
                       {"recipient", T(lang, "recipient_" + d.forwarded_to)},
                       {"with", with},
                       {"has_with", with.empty() ? "no" : "yes"},
                       {"has_documents", documents.empty() ? "no" : "yes"}};
    // "forwarded" says it all; with another kind, forwarding is a second sentence.
    if (d.kind == "forwarded") return T(lang, "decision_forwarded", args);
    out += T(lang, "decision_forward_too", args);
  }
  return out;
}

namespace {

// How many terms of a stored wording the generated sentence of the same language may lack before
// the wording counts as saying more (a clause: "taking into account the comments made during the
// meeting"); one or two are rephrasing ("the report contained in" for "the report in").
constexpr std::size_t kClauseTerms = 3;

bool HasText(const json::value& v, std::string_view lang) {
  const json::object* o = v.if_object();
  const json::value* t = o ? o->if_contains(lang) : nullptr;
  return t && t->is_string() && !t->as_string().empty();
}
bool HasAny(const json::value& v) {
  for (const auto& l : text::Languages())
    if (HasText(v, l)) return true;
  return false;
}

// The terms of `wording` (analysed: case, stems, CJK bigrams) that `generated` lacks.
std::size_t TermsBeyond(const std::string& wording, const std::string& generated,
                        const std::string& lang) {
  std::set<std::string> have;
  for (const auto& t : text::Analyze(generated, lang)) have.insert(t.text);
  std::set<std::string> missing;
  for (const auto& t : text::Analyze(wording, lang))
    if (!have.count(t.text)) missing.insert(t.text);
  return missing.size();
}

}  // namespace

std::optional<site::Localized> WordingBeyondGenerated(
    const Decision& d, const std::vector<DocumentRef>& documents,
    const std::function<std::string(const std::string&)>& body_name, const std::string& lang) {
  // A part the generated sentence takes from a field that exists in another language only
  // (what goes along with a forwarded report, when to report back) is left out in `lang`.
  const bool part_lost = (HasAny(d.accompanied_by) && !HasText(d.accompanied_by, lang)) ||
                         (HasAny(d.report_back) && !HasText(d.report_back, lang));
  // The stored wording site::Pick would show (the wordings of one decision are translations of
  // each other, so the first speaks for all): shown when a part is lost, or when it says more
  // than the sentence generated in its own language.
  for (std::string_view l : {"en", "fr", "es", "zh", "ru", "ar"}) {
    const std::string code(l);
    std::string w = Exact(d.wording, code);
    if (w.empty() || code == lang) continue;
    if (part_lost ||
        TermsBeyond(w, DecisionText(d, documents, body_name(code), code), code) >= kClauseTerms)
      return site::Localized{w, code, true};
    return std::nullopt;
  }
  return std::nullopt;
}

SummaryRecord BuildRecord(const Proceedings& p, const std::string& lang) {
  SummaryRecord r;
  r.title = T(lang, "record_title", {{"meeting", meetings::Label(p.meeting, lang)}});
  if (p.signatories.document) r.symbol = p.signatories.document->symbol;
  r.date = text::FormatDateRange(p.meeting.starts_on, p.meeting.ends_on, lang);
  auto body_in = [&p](const std::string& l) {
    return T(l, "record_body_" + std::string(p.meeting.body_key == "council" ? "council" : "other"),
             {{"acronym", text::BodyAcronym(p.meeting.body_key, p.meeting.body_acronym, l)}});
  };
  const std::string body = body_in(lang);
  for (const auto& it : p.items) {
    RecordItem ri;
    ri.number = it.number;
    auto title = site::Pick(it.title, lang);
    ri.heading = it.documents.empty()
                     ? title.text
                     : T(lang, "record_item_heading",
                         {{"title", title.text}, {"documents", DocumentsPhrase(it.documents, lang)}});
    ri.heading_lang = title.lang;
    ri.heading_fallback = title.fallback;
    int n = 0;
    for (const auto& iv : it.interventions) {
      auto t = site::Pick(iv.summary, lang);
      ri.paragraphs.push_back(
          {fmt::format("{}.{}", it.number, ++n), t.text, t.lang, t.fallback, false, false});
    }
    for (const auto& d : it.decisions) {
      RecordParagraph para{fmt::format("{}.{}", it.number, ++n), "", lang, false, true, false};
      para.text = Exact(d.wording, lang);
      if (para.text.empty()) {
        // A generated decision must say what the stored one says: when a stored wording has
        // clauses the generated sentence lacks, that wording is shown, its language marked.
        if (auto stored = WordingBeyondGenerated(d, it.documents, body_in, lang)) {
          para.text = stored->text;
          para.lang = stored->lang;
          para.fallback = true;
        } else {
          para.text = DecisionText(d, it.documents, body, lang);
          para.generated = true;
        }
      }
      ri.paragraphs.push_back(std::move(para));
    }
    r.items.push_back(std::move(ri));
  }
  r.secretary_general = site::Pick(p.signatories.secretary_general, lang).text;
  r.chair = site::Pick(p.signatories.chair, lang).text;
  return r;
}

}  // namespace plenary::proceedings

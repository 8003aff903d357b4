// The summary record built from the proceedings.
#include "proceedings/record.h"

#include <fmt/format.h>

#include "site/site.h"
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

SummaryRecord BuildRecord(const Proceedings& p, const std::string& lang) {
  SummaryRecord r;
  r.title = T(lang, "record_title", {{"meeting", meetings::Label(p.meeting, lang)}});
  if (p.signatories.document) r.symbol = p.signatories.document->symbol;
  r.date = text::FormatDateRange(p.meeting.starts_on, p.meeting.ends_on, lang);
  std::string body = T(lang, "record_body_" + std::string(p.meeting.body_key == "council"
                                                               ? "council"
                                                               : "other"),
                       {{"acronym", text::BodyAcronym(p.meeting.body_key, p.meeting.body_acronym, lang)}});
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
        para.text = DecisionText(d, it.documents, body, lang);
        para.generated = true;
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

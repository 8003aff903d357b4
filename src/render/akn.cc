// Akoma Ntoso 3.0: the summary record as <debateReport name="meetingMinutes"> whose mainBody
// holds one <debateSection> per agenda item with a nested debateSection per numbered paragraph
// (the AKN4UN profile); the Chair's report as <doc name="chairReport"> with <section>s and
// <paragraph>s (sub-paragraphs nested), a consultation's report and a negotiated text likewise
// (doc name="consultationReport", "negotiatedText"), and a resolution of the registry as
// <statement name="resolution">. FRBR identifiers follow the AKN naming convention
// (/akn/un/{docType}/{subType}/{actor}/{date}/{number}, languages as ISO 639-2 codes).
#include <algorithm>
#include <string>
#include <vector>

#include "render/render.h"
#include "render/xml_writer.h"

namespace plenary::render {

namespace {

constexpr const char* kAknNs = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

std::string Iso6392(const std::string& lang) {
  if (lang == "ar") return "ara";
  if (lang == "zh") return "zho";
  if (lang == "fr") return "fra";
  if (lang == "ru") return "rus";
  if (lang == "es") return "spa";
  return "eng";
}

// Letters, digits, "-", "_" and "." only: the characters of an IRI component and of an eId.
std::string Slug(const std::string& s) {
  std::string out;
  for (char c : s) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_' || c == '.';
    out += keep ? c : '-';
  }
  return out.empty() ? "x" : out;
}

bool IsReport(const Document& d) { return d.kind == "summary_record"; }

// The AKN document type and its name (the naming convention's subtype) for each kind: the
// record is a debateReport, a resolution of the registry a statement (a deliberation of an
// organ, AKN 3.0 §5.2), every other generated document a doc.
struct AknKind {
  const char* type;
  const char* name;
};
AknKind KindOf(const Document& d) {
  if (d.kind == "summary_record") return {"debateReport", "meetingMinutes"};
  if (d.kind == "resolution") return {"statement", "resolution"};
  if (d.kind == "consultation_report") return {"doc", "consultationReport"};
  if (d.kind == "negotiated_text") return {"doc", "negotiatedText"};
  return {"doc", "chairReport"};
}

// A text with its links as <ref> and its parts in another language as <span xml:lang>. Links
// and parts each lie apart from one another; a part inside a link, or a link inside a part,
// nests in it; a part that a link's edge crosses is cut there (a citation stays one <ref>), so
// that the elements always nest.
void Marked(XmlWriter& w, const std::string& text, const std::vector<Link>& links,
            const std::vector<LanguageSpan>& languages, const std::string& eid) {
  struct Element {
    std::size_t begin, end;
    const Link* link;  // null for a part in another language
    const std::string* lang;
  };
  std::vector<Element> elements;
  std::size_t last = 0;
  for (const auto& l : links) {
    if (l.begin < last || l.end > text.size() || l.begin >= l.end) continue;
    elements.push_back({l.begin, l.end, &l, nullptr});
    last = l.end;
  }
  const std::size_t cited = elements.size();
  const std::vector<LanguageSpan> parts = UsableSpans(languages, text.size());
  for (const auto& s : parts) {
    std::size_t from = s.begin;
    for (std::size_t i = 0; i < cited; ++i) {
      const Element& l = elements[i];
      if (l.begin >= s.begin && l.end <= s.end) continue;  // nests in the part
      for (std::size_t cut : {l.begin, l.end})
        if (cut > from && cut < s.end) {
          elements.push_back({from, cut, nullptr, &s.lang});
          from = cut;
        }
    }
    elements.push_back({from, s.end, nullptr, &s.lang});
  }
  // Outer elements first: by start, the longer first, a link around a part of the same extent.
  std::sort(elements.begin(), elements.end(), [](const Element& x, const Element& y) {
    if (x.begin != y.begin) return x.begin < y.begin;
    if (x.end != y.end) return x.end > y.end;
    return x.link && !y.link;
  });
  std::vector<std::size_t> open;  // the ends of the elements open, innermost last
  std::size_t at = 0;
  auto text_to = [&](std::size_t to) {
    if (to > at) w.Text(std::string_view(text).substr(at, to - at));
    at = std::max(at, to);
  };
  auto close_to = [&](std::size_t pos) {
    while (!open.empty() && open.back() <= pos) {
      text_to(open.back());
      w.End();
      open.pop_back();
    }
  };
  for (const auto& e : elements) {
    close_to(e.begin);
    text_to(e.begin);
    if (e.link)
      w.Start("ref")
          .Attr("eId", eid + "__ref_" + std::to_string(e.begin))
          .Attr("href", e.link->href);
    else
      w.Start("span").Attr("xml:lang", *e.lang);
    open.push_back(e.end);
  }
  close_to(text.size());
  text_to(text.size());
}

// A block's text, marked, and its footnotes as <authorialNote>.
void Inline(XmlWriter& w, const Block& b, const std::string& eid, int* note_count) {
  Marked(w, b.text, b.links, b.languages, eid);
  for (const auto& f : b.footnotes) {
    ++*note_count;
    w.Start("authorialNote")
        .Attr("marker", std::to_string(*note_count))
        .Attr("placement", "bottom")
        .Attr("eId", "authorialNote_" + std::to_string(*note_count));
    w.Start("p").Text(f).End();
    w.End();
  }
}

void P(XmlWriter& w, const Block& b, const Document& d, const std::string& eid, int* notes) {
  w.Start("p");
  if (!b.lang.empty() && b.lang != d.lang) w.Attr("xml:lang", b.lang);
  Inline(w, b, eid, notes);
  w.End();
}

void Meta(XmlWriter& w, const Document& d) {
  std::string work = AknWorkUri(d);
  std::string expr = work + "/" + Iso6392(d.lang) + "@" + d.date;
  w.Start("meta");
  w.Start("identification").Attr("source", "#secretariat");
  w.Start("FRBRWork");
  w.Start("FRBRthis").Attr("value", work + "/!main").End();
  w.Start("FRBRuri").Attr("value", work).End();
  w.Start("FRBRdate")
      .Attr("date", d.date)
      .Attr("name", d.status == "issued" ? "issue" : "draft")
      .End();
  w.Start("FRBRauthor").Attr("href", "#" + Slug(d.body_key)).End();
  w.Start("FRBRcountry").Attr("value", "un").End();
  if (!d.symbol.empty()) w.Start("FRBRnumber").Attr("value", d.symbol).End();
  w.End();
  w.Start("FRBRExpression");
  w.Start("FRBRthis").Attr("value", expr + "/!main").End();
  w.Start("FRBRuri").Attr("value", expr).End();
  w.Start("FRBRdate").Attr("date", d.date).Attr("name", "issue").End();
  w.Start("FRBRauthor").Attr("href", "#secretariat").End();
  w.Start("FRBRlanguage").Attr("language", Iso6392(d.lang)).End();
  w.End();
  w.Start("FRBRManifestation");
  w.Start("FRBRthis").Attr("value", expr + "/!main.xml").End();
  w.Start("FRBRuri").Attr("value", expr + ".akn").End();
  w.Start("FRBRdate").Attr("date", d.date).Attr("name", "generation").End();
  w.Start("FRBRauthor").Attr("href", "#secretariat").End();
  w.End();
  w.End();
  w.Start("references").Attr("source", "#secretariat");
  w.Start("TLCOrganization")
      .Attr("eId", Slug(d.body_key))
      .Attr("href", "/ontology/organization/un/" + Slug(d.body_key))
      .Attr("showAs", d.body_acronym.empty() ? d.body_key : d.body_acronym)
      .End();
  w.Start("TLCOrganization")
      .Attr("eId", "secretariat")
      .Attr("href", "/ontology/organization/un/secretariat")
      .Attr("showAs", "Secretariat")
      .End();
  w.End();
  w.End();
}

void Preface(XmlWriter& w, const Document& d) {
  w.Start("preface");
  w.Start("p")
      .Attr("class", "organization")
      .Start("docProponent")
      .Attr("refersTo", "#" + Slug(d.body_key))
      .Text(d.organization)
      .End()
      .End();
  if (!d.symbol.empty()) w.Start("p").Start("docNumber").Text(d.symbol).End().End();
  w.Start("p").Start("docDate").Attr("date", d.date).Text(d.date_text).End().End();
  if (!d.origin.empty()) w.Start("p").Attr("class", "origin").Text(d.origin).End();
  w.Start("p").Start("docTitle");
  Marked(w, d.title, {}, d.title_languages, "");
  w.End().End();
  w.End();
}

void Signatures(XmlWriter& w, const Document& d) {
  if (d.signatures.empty()) return;
  w.Start("conclusions");
  for (std::size_t i = 0; i < d.signatures.size(); ++i) {
    const auto& s = d.signatures[i];
    w.Start("blockContainer").Attr("eId", "signature_" + std::to_string(i + 1));
    w.Start("p").Start("signature");
    w.Start("role").Attr("refersTo", "#role_" + std::to_string(i + 1)).Text(s.role).End();
    w.Text(" ");
    w.Start("person").Attr("refersTo", "#signatory_" + std::to_string(i + 1)).Text(s.name).End();
    w.End().End();
    if (!s.detail.empty()) w.Start("p").Text(s.detail).End();
    w.End();
  }
  w.End();
}

// The record: debateSection per item, a nested debateSection per paragraph.
void RecordBody(XmlWriter& w, const Document& d, int* notes) {
  bool open = false;
  std::string item_eid;
  int loose = 0;
  for (const auto& b : d.blocks) {
    if (b.kind == "heading") {
      if (open) w.End();
      item_eid = "dbsect_" + Slug(b.number);
      w.Start("debateSection").Attr("name", "agendaItem").Attr("eId", item_eid);
      if (!b.number.empty()) w.Start("num").Text(b.number).End();
      w.Start("heading");
      Inline(w, b, item_eid + "__heading", notes);
      w.End();
      open = true;
      continue;
    }
    if (!open) {  // paragraphs before any item sit in a section of their own
      item_eid = "dbsect_intro";
      w.Start("debateSection").Attr("name", "introduction").Attr("eId", item_eid);
      open = true;
    }
    std::string eid =
        item_eid + "__para_" + (b.number.empty() ? "u" + std::to_string(++loose) : Slug(b.number));
    w.Start("debateSection").Attr("name", "paragraph").Attr("eId", eid);
    if (!b.number.empty()) w.Start("num").Text(b.number).End();
    P(w, b, d, eid, notes);
    w.End();
  }
  if (open) w.End();
}

// The Chair's report: section per heading, paragraph per numbered paragraph; level-1 blocks
// nest in the paragraph before them, items become its list.
void ReportBody(XmlWriter& w, const Document& d, int* notes) {
  w.Start("mainBody");
  int depth = 0;  // 0: nothing open; 1: section; 2: paragraph; 3: sub-paragraph container
  bool para_has_sub = false;
  int loose = 0;
  std::string section_eid = "intro";
  auto close_to = [&](int level) {
    while (depth > level) {
      w.End();
      --depth;
    }
  };
  for (const auto& b : d.blocks) {
    std::string id = b.number.empty() ? "u" + std::to_string(++loose) : Slug(b.number);
    if (b.kind == "heading") {
      close_to(0);
      section_eid = "sec_" + id;
      w.Start("section").Attr("eId", section_eid);
      if (!b.number.empty()) w.Start("num").Text(b.number).End();
      w.Start("heading");
      Inline(w, b, section_eid + "__heading", notes);
      w.End();
      depth = 1;
      continue;
    }
    if (depth == 0) {
      section_eid = "sec_intro";
      w.Start("section").Attr("eId", section_eid);
      depth = 1;
    }
    if (b.kind == "item") {
      // An "a) …" line: a level of its own (an hcontainer may follow a paragraph's intro,
      // where a block may not).
      std::string eid = section_eid + "__item_" + id;
      w.Start("hcontainer").Attr("name", "item").Attr("eId", eid);
      w.Start("content");
      P(w, b, d, eid, notes);
      w.End();
      w.End();
      continue;
    }
    if (b.level >= 1 && depth >= 2) {
      std::string eid = section_eid + "__subpara_" + id;
      w.Start("paragraph").Attr("eId", eid);
      if (!b.number.empty()) w.Start("num").Text(b.number).End();
      w.Start("content");
      P(w, b, d, eid, notes);
      w.End();
      w.End();
      para_has_sub = true;
      continue;
    }
    close_to(1);
    para_has_sub = false;
    std::string eid = section_eid + "__para_" + id;
    // A paragraph is written as <hcontainer> so that it may hold its text and then
    // sub-paragraphs (a <paragraph> holds either content or sub-levels).
    w.Start("hcontainer").Attr("name", "paragraph").Attr("eId", eid);
    if (!b.number.empty()) w.Start("num").Text(b.number).End();
    w.Start("intro");
    P(w, b, d, eid, notes);
    w.End();
    depth = 2;
  }
  (void)para_has_sub;
  close_to(0);
  w.End();
}

}  // namespace

std::string AknWorkUri(const Document& d) {
  std::string number = d.symbol.empty() ? "draft" : d.symbol;
  for (char& c : number)
    if (c == '/') c = '-';
  const AknKind k = KindOf(d);
  // The registry knows a resolution's year only: the naming convention's date is then YYYY.
  const std::string date = d.kind == "resolution" ? d.date.substr(0, 4) : d.date;
  return std::string("/akn/un/") + k.type + "/" + k.name + "/" + Slug(d.body_key) + "/" + date +
         "/" + Slug(number);
}

Result<std::string> RenderAkn(const Document& d) {
  XmlWriter w;
  int notes = 0;
  w.Start("akomaNtoso").Attr("xmlns", kAknNs);
  if (IsReport(d)) {
    w.Start("debateReport").Attr("name", "meetingMinutes");
    Meta(w, d);
    Preface(w, d);
    w.Start("mainBody");
    // The items as debateSections: a debateReport's mainBody takes speech sections.
    RecordBody(w, d, &notes);
    w.End();
  } else {
    const AknKind k = KindOf(d);
    w.Start(k.type).Attr("name", k.name);
    Meta(w, d);
    Preface(w, d);
    ReportBody(w, d, &notes);
  }
  Signatures(w, d);
  w.End();
  w.End();
  return w.Finish();
}

}  // namespace plenary::render

// DOCX in the layout of a Council document: symbol block (organization; symbol, date, origin
// and language line), title, numbered paragraphs and sub-paragraphs with their numbers as
// written, footnotes, signatures. Arabic paragraphs carry w:bidi and their runs w:rtl; Chinese
// runs name East Asian fonts. The package is written with libzip, each part with xmlTextWriter.
#include <zip.h>

#include <cstring>
#include <memory>
#include <vector>

#include "render/render.h"
#include "render/xml_writer.h"

namespace plenary::render {

namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kPkgRel = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kRelBase =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// BCP 47 tags Word expects on runs.
std::string LangTag(const std::string& lang) {
  if (lang == "ar") return "ar-SA";
  if (lang == "zh") return "zh-CN";
  if (lang == "ru") return "ru-RU";
  if (lang == "fr") return "fr-FR";
  if (lang == "es") return "es-ES";
  return "en-GB";
}

// Run properties for text in `lang`: right to left for Arabic, East Asian hint for Chinese.
void RunProps(XmlWriter& w, const std::string& lang, bool bold = false, bool superscript = false,
              const char* style = nullptr) {
  w.Start("w:rPr");
  if (style) w.Val("w:rStyle", style);
  if (lang == "zh")
    w.Start("w:rFonts").Attr("w:hint", "eastAsia").Attr("w:eastAsia", "Noto Sans CJK SC").End();
  if (bold) w.Empty("w:b").Empty("w:bCs");
  if (superscript) w.Val("w:vertAlign", "superscript");
  if (IsRtl(lang)) w.Empty("w:rtl");
  w.Start("w:lang").Attr("w:val", LangTag(lang == "ar" || lang == "zh" ? "en" : lang));
  if (lang == "zh") w.Attr("w:eastAsia", "zh-CN");
  if (lang == "ar") w.Attr("w:bidi", "ar-SA");
  w.End();
  w.End();
}

void Run(XmlWriter& w, const std::string& text, const std::string& lang, bool bold = false) {
  w.Start("w:r");
  RunProps(w, lang, bold);
  w.Start("w:t").Attr("xml:space", "preserve").Text(text).End();
  w.End();
}

// `text` in `lang` as runs: each part in another language (`spans`) a run of its own, with that
// language.
void Runs(XmlWriter& w, const std::string& text, const std::vector<LanguageSpan>& spans,
          const std::string& lang, bool bold = false) {
  std::size_t at = 0;
  for (const auto& span : UsableSpans(spans, text.size())) {
    if (span.begin > at) Run(w, text.substr(at, span.begin - at), lang, bold);
    Run(w, text.substr(span.begin, span.end - span.begin), span.lang, bold);
    at = span.end;
  }
  if (at < text.size() || spans.empty()) Run(w, text.substr(at), lang, bold);
}

void Tab(XmlWriter& w, const std::string& lang) {
  w.Start("w:r");
  RunProps(w, lang);
  w.Empty("w:tab");
  w.End();
}

// Paragraph properties: style, direction, indentation of a level, alignment.
void ParaProps(XmlWriter& w, const char* style, const std::string& lang, int indent_twips = 0,
               const char* jc = nullptr) {
  w.Start("w:pPr");
  if (style) w.Val("w:pStyle", style);
  if (IsRtl(lang)) w.Empty("w:bidi");
  if (indent_twips) {
    w.Start("w:ind").Attr("w:start", std::to_string(indent_twips)).Attr("w:hanging", "794").End();
  }
  if (jc) w.Val("w:jc", jc);
  RunProps(w, lang);
  w.End();
}

std::string ContentTypes() {
  XmlWriter w;
  w.Start("Types").Attr("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  w.Start("Default")
      .Attr("Extension", "rels")
      .Attr("ContentType", "application/vnd.openxmlformats-package.relationships+xml")
      .End();
  w.Start("Default").Attr("Extension", "xml").Attr("ContentType", "application/xml").End();
  auto over = [&w](const char* part, const char* type) {
    w.Start("Override").Attr("PartName", part).Attr("ContentType", type).End();
  };
  over("/word/document.xml",
       "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  over("/word/styles.xml",
       "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml");
  over("/word/footnotes.xml",
       "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml");
  over("/word/header1.xml",
       "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml");
  over("/word/footer1.xml",
       "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml");
  over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  w.End();
  return w.Finish();
}

std::string Relationships(const std::vector<std::pair<std::string, std::string>>& rels,
                          bool package) {
  XmlWriter w;
  w.Start("Relationships").Attr("xmlns", kPkgRel);
  int n = 0;
  for (const auto& [type, target] : rels)
    w.Start("Relationship")
        .Attr("Id", "rId" + std::to_string(++n))
        .Attr("Type", (package && type == "core-properties"
                           ? std::string("http://schemas.openxmlformats.org/package/2006/"
                                         "relationships/metadata/core-properties")
                           : kRelBase + type))
        .Attr("Target", target)
        .End();
  w.End();
  return w.Finish();
}

std::string Core(const Document& d) {
  XmlWriter w;
  w.Start("cp:coreProperties")
      .Attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
      .Attr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
      .Attr("xmlns:dcterms", "http://purl.org/dc/terms/")
      .Attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  w.Start("dc:title").Text(d.title).End();
  if (!d.symbol.empty()) w.Start("dc:identifier").Text(d.symbol).End();
  w.Start("dc:language").Text(LangTag(d.lang)).End();
  // The document's own date, not the moment of rendering: the same document, the same bytes.
  w.Start("dcterms:created").Attr("xsi:type", "dcterms:W3CDTF").Text(d.date + "T00:00:00Z").End();
  w.End();
  return w.Finish();
}

std::string Styles(const Document& d) {
  XmlWriter w;
  w.Start("w:styles").Attr("xmlns:w", kW);
  w.Start("w:docDefaults").Start("w:rPrDefault").Start("w:rPr");
  w.Start("w:rFonts")
      .Attr("w:ascii", "Calibri")
      .Attr("w:hAnsi", "Calibri")
      .Attr("w:eastAsia", "Noto Sans CJK SC")
      .Attr("w:cs", "Noto Naskh Arabic")
      .End();
  w.Val("w:sz", "24").Val("w:szCs", "24");
  w.Start("w:lang")
      .Attr("w:val", "en-GB")
      .Attr("w:eastAsia", "zh-CN")
      .Attr("w:bidi", "ar-SA")
      .End();
  w.End().End();
  w.Start("w:pPrDefault").Start("w:pPr");
  w.Start("w:spacing").Attr("w:before", "120").Attr("w:after", "0").End();
  w.End().End().End();
  auto style = [&w](const char* id, const char* name, const char* type, bool bold, int size,
                    const char* jc) {
    w.Start("w:style").Attr("w:type", type).Attr("w:styleId", id);
    w.Val("w:name", name);
    if (std::strcmp(type, "paragraph") == 0) {
      w.Start("w:pPr");
      w.Start("w:tabs").Start("w:tab").Attr("w:val", "left").Attr("w:pos", "794").End().End();
      if (jc) w.Val("w:jc", jc);
      w.End();
    }
    w.Start("w:rPr");
    if (bold) w.Empty("w:b").Empty("w:bCs");
    if (size) w.Val("w:sz", std::to_string(size)).Val("w:szCs", std::to_string(size));
    w.End();
    w.End();
  };
  style("Normal", "Normal", "paragraph", false, 0, nullptr);
  style("Title", "Title", "paragraph", true, 28, "center");
  style("Heading1", "heading 1", "paragraph", true, 24, nullptr);
  style("Para", "Council Paragraph", "paragraph", false, 0, "both");
  style("Signature", "Signature", "paragraph", false, 0, "end");
  style("FootnoteText", "footnote text", "paragraph", false, 20, nullptr);
  style("FootnoteReference", "footnote reference", "character", false, 0, nullptr);
  w.End();
  (void)d;
  return w.Finish();
}

// Footnotes: the two separators Word requires (ids -1 and 0), then one per note from 1.
std::string Footnotes(const std::vector<std::pair<std::string, std::string>>& notes) {
  XmlWriter w;
  w.Start("w:footnotes").Attr("xmlns:w", kW);
  w.Start("w:footnote")
      .Attr("w:type", "separator")
      .Attr("w:id", "-1")
      .Start("w:p")
      .Start("w:r")
      .Empty("w:separator")
      .End()
      .End()
      .End();
  w.Start("w:footnote")
      .Attr("w:type", "continuationSeparator")
      .Attr("w:id", "0")
      .Start("w:p")
      .Start("w:r")
      .Empty("w:continuationSeparator")
      .End()
      .End()
      .End();
  int id = 0;
  for (const auto& [text, lang] : notes) {
    w.Start("w:footnote").Attr("w:id", std::to_string(++id));
    w.Start("w:p");
    ParaProps(w, "FootnoteText", lang);
    w.Start("w:r");
    RunProps(w, lang, false, false, "FootnoteReference");
    w.Empty("w:footnoteRef");
    w.End();
    Run(w, " " + text, lang);
    w.End();
    w.End();
  }
  w.End();
  return w.Finish();
}

// The header repeats the symbol on every page; the footer numbers the pages.
std::string Header(const Document& d) {
  XmlWriter w;
  w.Start("w:hdr").Attr("xmlns:w", kW);
  w.Start("w:p");
  ParaProps(w, nullptr, d.lang, 0, "end");
  Run(w, d.symbol.empty() ? d.title : d.symbol + "-" + LanguageLetter(d.lang), d.lang);
  w.End();
  w.End();
  return w.Finish();
}

std::string Footer(const Document& d) {
  XmlWriter w;
  w.Start("w:ftr").Attr("xmlns:w", kW);
  w.Start("w:p");
  ParaProps(w, nullptr, d.lang, 0, "center");
  w.Start("w:r").Start("w:fldChar").Attr("w:fldCharType", "begin").End().End();
  w.Start("w:r").Start("w:instrText").Attr("xml:space", "preserve").Text(" PAGE ").End().End();
  w.Start("w:r").Start("w:fldChar").Attr("w:fldCharType", "separate").End().End();
  Run(w, "1", d.lang);
  w.Start("w:r").Start("w:fldChar").Attr("w:fldCharType", "end").End().End();
  w.End();
  w.End();
  return w.Finish();
}

std::string Body(const Document& d, std::vector<std::pair<std::string, std::string>>* notes) {
  XmlWriter w;
  w.Start("w:document").Attr("xmlns:w", kW).Attr("xmlns:r", kR);
  w.Start("w:body");
  // The symbol block: a two-cell table, organization on the start side; symbol, date and the
  // origin line on the end side.
  w.Start("w:tbl");
  w.Start("w:tblPr").Start("w:tblW").Attr("w:w", "5000").Attr("w:type", "pct").End();
  if (IsRtl(d.lang)) w.Empty("w:bidiVisual");
  w.End();
  w.Start("w:tblGrid")
      .Start("w:gridCol")
      .Attr("w:w", "4800")
      .End()
      .Start("w:gridCol")
      .Attr("w:w", "4800")
      .End()
      .End();
  w.Start("w:tr");
  w.Start("w:tc")
      .Start("w:tcPr")
      .Start("w:tcW")
      .Attr("w:w", "2500")
      .Attr("w:type", "pct")
      .End()
      .End();
  w.Start("w:p");
  ParaProps(w, nullptr, d.lang);
  Run(w, d.organization, d.lang, true);
  w.End();
  w.End();
  w.Start("w:tc")
      .Start("w:tcPr")
      .Start("w:tcW")
      .Attr("w:w", "2500")
      .Attr("w:type", "pct")
      .End()
      .End();
  for (const std::string& line :
       {d.symbol.empty() ? std::string() : d.symbol, d.date_text, d.origin}) {
    if (line.empty()) continue;
    w.Start("w:p");
    ParaProps(w, nullptr, d.lang, 0, "end");
    Run(w, line, d.lang, &line == &d.symbol);
    w.End();
  }
  w.End();
  w.End();
  w.End();

  w.Start("w:p");
  ParaProps(w, "Title", d.lang);
  Runs(w, d.title, d.title_languages, d.lang);
  w.End();

  for (const auto& b : d.blocks) {
    const std::string& lang = b.lang.empty() ? d.lang : b.lang;
    w.Start("w:p");
    if (b.kind == "heading")
      ParaProps(w, "Heading1", lang);
    else if (b.kind == "item")
      ParaProps(w, "Para", lang, 794 * (b.level + 2));
    else if (b.kind == "note")
      ParaProps(w, "Normal", lang);
    else
      ParaProps(w, "Para", lang, 794 * (b.level + 1));
    if (!b.number.empty()) {
      Run(w, DirectedNumber(b.number, lang), lang, b.kind == "heading");
      Tab(w, lang);
    }
    Runs(w, b.text, b.languages, lang, b.kind == "heading");
    for (const auto& f : b.footnotes) {
      notes->emplace_back(f, d.lang);
      w.Start("w:r");
      RunProps(w, lang, false, false, "FootnoteReference");
      w.Start("w:footnoteReference").Attr("w:id", std::to_string(notes->size())).End();
      w.End();
    }
    w.End();
  }
  for (const auto& s : d.signatures) {
    w.Start("w:p");
    ParaProps(w, "Signature", d.lang);
    Run(w, s.role, d.lang);
    Tab(w, d.lang);
    Run(w, s.name, d.lang);
    w.End();
    if (!s.detail.empty()) {
      w.Start("w:p");
      ParaProps(w, "Signature", d.lang);
      Run(w, s.detail, d.lang);
      w.End();
    }
  }
  w.Start("w:sectPr");
  w.Start("w:headerReference").Attr("w:type", "default").Attr("r:id", "rId3").End();
  w.Start("w:footerReference").Attr("w:type", "default").Attr("r:id", "rId4").End();
  w.Start("w:pgSz").Attr("w:w", "11906").Attr("w:h", "16838").End();
  w.Start("w:pgMar")
      .Attr("w:top", "1418")
      .Attr("w:right", "1134")
      .Attr("w:bottom", "1418")
      .Attr("w:left", "1134")
      .Attr("w:header", "720")
      .Attr("w:footer", "720")
      .Attr("w:gutter", "0")
      .End();
  if (IsRtl(d.lang)) w.Empty("w:bidi");
  w.End();
  w.End();
  w.End();
  return w.Finish();
}

// A zip archive in memory; every entry dated 1980-01-01 00:00 (DOS time 0): no clock, no
// time zone in the output.
class Zip {
 public:
  Zip() {
    zip_error_init(&error_);
    source_ = zip_source_buffer_create(nullptr, 0, 0, &error_);
    if (source_) {
      zip_source_keep(source_);
      archive_ = zip_open_from_source(source_, ZIP_TRUNCATE, &error_);
    }
  }
  ~Zip() {
    if (archive_) zip_discard(archive_);
    if (source_) zip_source_free(source_);
    zip_error_fini(&error_);
  }
  bool Add(const char* name, std::string data) {
    if (!archive_) return false;
    parts_.push_back(std::make_unique<std::string>(std::move(data)));
    const std::string& d = *parts_.back();
    zip_source_t* s = zip_source_buffer(archive_, d.data(), d.size(), 0);
    if (!s) return false;
    zip_int64_t i = zip_file_add(archive_, name, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (i < 0) {
      zip_source_free(s);
      return false;
    }
    return zip_file_set_dostime(archive_, i, 0, (0 << 9) | (1 << 5) | 1, 0) == 0 &&
           zip_set_file_compression(archive_, i, ZIP_CM_DEFLATE, 9) == 0;
  }
  Result<std::string> Close() {
    if (!archive_ || zip_close(archive_) != 0)
      return Error{Code::kInternal, "docx: the zip package could not be written", {}};
    archive_ = nullptr;
    if (zip_source_open(source_) != 0) return Error{Code::kInternal, "docx: zip read", {}};
    zip_source_seek(source_, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(source_);
    zip_source_seek(source_, 0, SEEK_SET);
    std::string out(static_cast<std::size_t>(size < 0 ? 0 : size), '\0');
    zip_int64_t got = zip_source_read(source_, out.data(), out.size());
    zip_source_close(source_);
    if (got != size) return Error{Code::kInternal, "docx: zip read", {}};
    return out;
  }

 private:
  zip_error_t error_;
  zip_source_t* source_ = nullptr;
  zip_t* archive_ = nullptr;
  std::vector<std::unique_ptr<std::string>> parts_;  // live until zip_close reads them
};

}  // namespace

Result<std::string> RenderDocx(const Document& d) {
  std::vector<std::pair<std::string, std::string>> notes;
  std::string body = Body(d, &notes);
  Zip z;
  bool ok = z.Add("[Content_Types].xml", ContentTypes()) &&
            z.Add("_rels/.rels", Relationships({{"officeDocument", "word/document.xml"},
                                                {"core-properties", "docProps/core.xml"}},
                                               true)) &&
            z.Add("docProps/core.xml", Core(d)) &&
            z.Add("word/_rels/document.xml.rels", Relationships({{"styles", "styles.xml"},
                                                                 {"footnotes", "footnotes.xml"},
                                                                 {"header", "header1.xml"},
                                                                 {"footer", "footer1.xml"}},
                                                                false)) &&
            z.Add("word/document.xml", std::move(body)) && z.Add("word/styles.xml", Styles(d)) &&
            z.Add("word/footnotes.xml", Footnotes(notes)) && z.Add("word/header1.xml", Header(d)) &&
            z.Add("word/footer1.xml", Footer(d));
  if (!ok) return Error{Code::kInternal, "docx: a part could not be added to the package", {}};
  return z.Close();
}

}  // namespace plenary::render

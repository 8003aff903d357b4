// PDF typeset with Cairo and Pango (HarfBuzz shaping, fontconfig choosing Noto fonts): A4,
// the symbol at the top of every page, page numbers at the foot, Arabic paragraphs joined and
// right to left, Chinese broken into lines by Pango's UAX #14 rules, citations as link
// annotations, footnotes at the foot of the page that carries their mark (the end of their
// block's last line), under a short rule: the space they need is reserved before that line is
// placed, so a line whose notes do not fit goes to the next page with them. The creation date
// is the document's own date, so the same document gives the same bytes.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "render/render.h"

namespace plenary::render {

namespace {

constexpr double kPageW = 595.276, kPageH = 841.89;  // A4 in points
constexpr double kMargin = 62, kTop = 78, kBottom = 70;
constexpr double kIndent = 40;  // one level of paragraph numbering
constexpr double kNoteSize = 9;      // footnotes' type size
constexpr double kNoteRule = 14;     // the rule above a page's footnotes, with its space
constexpr double kNoteSpacing = 3;   // between two footnotes

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

const char* PangoLang(const std::string& lang) {
  if (lang == "zh") return "zh-cn";
  if (lang == "ar") return "ar";
  if (lang == "ru") return "ru";
  if (lang == "fr") return "fr";
  if (lang == "es") return "es";
  return "en";
}

// The languages of the parts of a text in another language (Block::languages of a block's text
// `size` bytes long) as Pango attributes over the text laid out, whose first `prefix` bytes (a
// heading's number) precede it: each part is itemized, shaped and given its font in its own
// language (Latin in an Arabic paragraph, a Chinese title in a Russian one). Parts outside the
// text are left out.
PangoAttrList* LanguageAttributes(const std::vector<LanguageSpan>& spans, std::size_t size,
                                  std::size_t prefix) {
  PangoAttrList* list = pango_attr_list_new();
  for (const auto& span : UsableSpans(spans, size)) {
    PangoAttribute* a = pango_attr_language_new(pango_language_from_string(PangoLang(span.lang)));
    a->start_index = static_cast<guint>(prefix + span.begin);
    a->end_index = static_cast<guint>(prefix + span.end);
    pango_attr_list_insert(list, a);
  }
  return list;
}

// The font family list: Noto for Latin and Cyrillic, Noto Naskh Arabic, Noto Sans CJK SC; the
// language attribute makes fontconfig prefer the right one for each run.
constexpr const char* kFamily = "Noto Sans, Noto Naskh Arabic, Noto Sans CJK SC";

struct Typesetter {
  const Document& d;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  int page = 0;
  double y = 0;
  int notes = 0;
  // The footnotes of the current page, drawn at its foot when it ends, and the height they
  // take there (rule included); `pending`: the height the notes of the block being placed will
  // need on the page of its last line.
  std::vector<std::pair<int, std::string>> page_notes;
  double reserved = 0;
  double pending = 0;

  explicit Typesetter(const Document& doc) : d(doc) {}
  // One Pango context per language (its language and base direction), made once: a context
  // per paragraph would repeat the font lookups.
  std::map<std::string, PangoContext*> contexts;

  ~Typesetter() {
    for (auto& [lang, ctx] : contexts) g_object_unref(ctx);
    if (cr) cairo_destroy(cr);
    if (surface) cairo_surface_destroy(surface);
  }

  PangoLayout* Layout(const std::string& text, const std::string& lang, double size, bool bold,
                      double width) {
    PangoContext*& ctx = contexts[lang];
    if (!ctx) {
      ctx = pango_cairo_create_context(cr);
      pango_context_set_language(ctx, pango_language_from_string(PangoLang(lang)));
      pango_context_set_base_dir(ctx, IsRtl(lang) ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
    }
    PangoLayout* l = pango_layout_new(ctx);
    PangoFontDescription* f = pango_font_description_from_string(kFamily);
    pango_font_description_set_size(f, static_cast<int>(size * PANGO_SCALE));
    if (bold) pango_font_description_set_weight(f, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, f);
    pango_font_description_free(f);
    pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_auto_dir(l, FALSE);
    pango_layout_set_text(l, text.data(), static_cast<int>(text.size()));
    return l;
  }

  static void SetLanguages(PangoLayout* l, const std::vector<LanguageSpan>& spans,
                           std::size_t size, std::size_t prefix) {
    if (spans.empty()) return;
    PangoAttrList* attrs = LanguageAttributes(spans, size, prefix);
    pango_layout_set_attributes(l, attrs);
    pango_attr_list_unref(attrs);
  }

  // The text of footnote `n` as set at the foot of the page.
  PangoLayout* NoteLayout(int n, const std::string& text) {
    PangoLayout* l = Layout(std::to_string(n) + "  " + text, d.lang, kNoteSize, false,
                            kPageW - 2 * kMargin);
    pango_layout_set_alignment(l, IsRtl(d.lang) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    return l;
  }
  double NoteHeight(int n, const std::string& text) {
    PangoLayout* l = NoteLayout(n, text);
    int w = 0, h = 0;
    pango_layout_get_pixel_size(l, &w, &h);
    g_object_unref(l);
    return h + kNoteSpacing;
  }
  // The lowest a line may reach on this page: above the footnotes placed on it, and, for the
  // last line of a block with notes, above those too.
  double Limit(bool last_line) const {
    double need = reserved;
    if (last_line && pending > 0) need += pending + (reserved == 0 ? kNoteRule : 0);
    return kPageH - kBottom - need;
  }
  // The page's footnotes at its foot, under a rule on the start side.
  void DrawNotes() {
    if (page_notes.empty()) return;
    double ny = kPageH - kBottom - reserved + kNoteRule / 2;
    cairo_move_to(cr, IsRtl(d.lang) ? kPageW - kMargin - 120 : kMargin, ny);
    cairo_rel_line_to(cr, 120, 0);
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
    ny += kNoteRule / 2;
    for (const auto& [n, text] : page_notes) {
      PangoLayout* l = NoteLayout(n, text);
      cairo_move_to(cr, kMargin, ny);
      pango_cairo_show_layout(cr, l);
      int w = 0, h = 0;
      pango_layout_get_pixel_size(l, &w, &h);
      g_object_unref(l);
      ny += h + kNoteSpacing;
    }
    page_notes.clear();
    reserved = 0;
  }

  // Page furniture: the symbol at the top (end side), the page number at the foot.
  void StartPage() {
    if (page > 0) {
      DrawNotes();
      cairo_show_page(cr);
    }
    ++page;
    const std::string& lang = d.lang;
    std::string head = d.symbol.empty() ? d.title : d.symbol + "-" + LanguageLetter(lang);
    PangoLayout* h = Layout(head, lang, 9, false, kPageW - 2 * kMargin);
    pango_layout_set_alignment(h, IsRtl(lang) ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
    cairo_move_to(cr, kMargin, 36);
    pango_cairo_show_layout(cr, h);
    g_object_unref(h);
    PangoLayout* f =
        Layout("- " + std::to_string(page) + " -", lang, 9, false, kPageW - 2 * kMargin);
    pango_layout_set_alignment(f, PANGO_ALIGN_CENTER);
    cairo_move_to(cr, kMargin, kPageH - 44);
    pango_cairo_show_layout(cr, f);
    g_object_unref(f);
    y = kTop;
  }

  // Draws `l` line by line from `x`, breaking pages between lines; links become annotations
  // over the glyphs they cover.
  // `label` (a paragraph's number), when given, is drawn at `label_x` on the first line.
  void Flow(PangoLayout* l, double x, const std::vector<Link>& links, double space_before,
            PangoLayout* label = nullptr, double label_x = 0) {
    bool first = true;
    if (y > kTop) y += space_before;
    double origin = y;  // where the layout's top lies on the current page
    PangoLayoutIter* it = pango_layout_get_iter(l);
    do {
      PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      double top = logical.y / double(PANGO_SCALE);
      double height = logical.height / double(PANGO_SCALE);
      double baseline = pango_layout_iter_get_baseline(it) / double(PANGO_SCALE);
      const bool last = pango_layout_iter_at_last_line(it);
      if (origin + top + height > Limit(last)) {
        StartPage();
        origin = y - top;
      }
      double lx = x + logical.x / double(PANGO_SCALE);
      cairo_move_to(cr, lx, origin + baseline);
      pango_cairo_show_layout_line(cr, line);
      if (first && label) {
        cairo_move_to(cr, label_x, origin + baseline);
        pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(label, 0));
      }
      first = false;
      for (const auto& link : links) {
        int start = line->start_index, end = line->start_index + line->length;
        int a = std::max<int>(start, static_cast<int>(link.begin));
        int b = std::min<int>(end, static_cast<int>(link.end));
        if (a >= b) continue;
        int xa, xb;
        pango_layout_line_index_to_x(line, a, 0, &xa);
        pango_layout_line_index_to_x(line, b, 0, &xb);
        double x0 = lx + std::min(xa, xb) / double(PANGO_SCALE);
        double w = std::abs(xb - xa) / double(PANGO_SCALE);
        std::string attrs = "rect=[" + std::to_string(x0) + " " + std::to_string(origin + top) +
                            " " + std::to_string(w) + " " + std::to_string(height) + "] uri='" +
                            Escape(link.href) + "'";
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
        cairo_tag_end(cr, CAIRO_TAG_LINK);
      }
      y = origin + top + height;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
  }

  static std::string Escape(const std::string& s) {
    std::string out;
    for (char c : s) {
      if (c == '\'' || c == '\\') out += '\\';
      out += c;
    }
    return out;
  }

  void Text(const std::string& text, const std::string& lang, double size, bool bold,
            PangoAlignment align, double indent, const std::vector<Link>& links = {},
            double space = 6, const std::vector<LanguageSpan>& languages = {}) {
    double width = kPageW - 2 * kMargin - indent;
    PangoLayout* l = Layout(text, lang, size, bold, width);
    SetLanguages(l, languages, text.size(), 0);
    pango_layout_set_alignment(l, align);
    // For RTL text the indent is on the right: the layout starts at the left margin.
    double x = IsRtl(lang) ? kMargin : kMargin + indent;
    Flow(l, x, links, space);
    g_object_unref(l);
  }

  // A block's layout `width` wide: its text, after its number for a heading, with the marks
  // of its footnotes (`marks`) after it, the parts in another language in their languages;
  // `prefix`: how many bytes precede the block's own text.
  PangoLayout* BlockLayout(const render::Block& b, const std::string& marks, double width,
                           std::size_t* prefix) {
    const std::string& lang = b.lang.empty() ? d.lang : b.lang;
    const bool heading = b.kind == "heading";
    std::string before =
        heading && !b.number.empty() ? DirectedNumber(b.number, lang) + "  " : "";
    *prefix = before.size();
    std::string all = before + b.text + (marks.empty() ? "" : " [" + marks + "]");
    PangoLayout* l = Layout(all, lang, heading ? 11.5 : 10.5, heading, width);
    SetLanguages(l, b.languages, b.text.size(), before.size());
    pango_layout_set_alignment(l, IsRtl(lang) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    return l;
  }

  void Block(const render::Block& b) {
    const std::string& lang = b.lang.empty() ? d.lang : b.lang;
    std::string marks;
    std::vector<std::pair<int, std::string>> own;
    pending = 0;
    for (const auto& f : b.footnotes) {
      own.emplace_back(++notes, f);
      pending += NoteHeight(notes, f);
      marks += (marks.empty() ? "" : ",") + std::to_string(notes);
    }
    const bool heading = b.kind == "heading";
    // Headings carry their number inline; a paragraph's number stands in a column of its own
    // on the start side (the right for Arabic), the text beside it.
    double indent = b.kind == "item" ? kIndent * (b.level + 2) : kIndent * b.level;
    const bool numbered = !heading && !b.number.empty();
    constexpr double kNumberColumn = 48;
    double size = heading ? 11.5 : 10.5;
    double text_indent = indent + (numbered ? kNumberColumn : 0);
    double width = kPageW - 2 * kMargin - text_indent;
    std::size_t prefix = 0;
    PangoLayout* l = BlockLayout(b, marks, width, &prefix);
    std::vector<Link> links = b.links;
    for (auto& link : links) {
      link.begin += prefix;
      link.end += prefix;
    }
    double x = IsRtl(lang) ? kMargin : kMargin + text_indent;
    PangoLayout* number = nullptr;
    double number_x = 0;
    if (numbered) {
      number = Layout(DirectedNumber(b.number, lang), lang, size, false, kNumberColumn);
      int w = 0, h = 0;
      pango_layout_get_pixel_size(number, &w, &h);
      // LTR: at the indent; RTL: at the right edge of its column.
      number_x = IsRtl(lang) ? kPageW - kMargin - indent - w : kMargin + indent;
    }
    Flow(l, x, links, heading ? 12 : 6, number, number_x);
    if (number) g_object_unref(number);
    g_object_unref(l);
    // The marks end the block's last line: its notes go to the foot of that line's page.
    if (!own.empty()) {
      reserved += (page_notes.empty() ? kNoteRule : 0) + pending;
      page_notes.insert(page_notes.end(), own.begin(), own.end());
    }
    pending = 0;
  }
};

}  // namespace

Result<std::string> RenderPdf(const Document& d) {
  std::string out;
  Typesetter t(d);
  t.surface = cairo_pdf_surface_create_for_stream(Append, &out, kPageW, kPageH);
  if (cairo_surface_status(t.surface) != CAIRO_STATUS_SUCCESS)
    return Error{Code::kInternal, "pdf: the surface could not be created", {}};
  // The document's date, not the clock: the same document renders to the same bytes.
  std::string when = d.date + "T00:00:00Z";
  cairo_pdf_surface_set_metadata(t.surface, CAIRO_PDF_METADATA_CREATE_DATE, when.c_str());
  cairo_pdf_surface_set_metadata(t.surface, CAIRO_PDF_METADATA_MOD_DATE, when.c_str());
  cairo_pdf_surface_set_metadata(t.surface, CAIRO_PDF_METADATA_TITLE, d.title.c_str());
  cairo_pdf_surface_set_metadata(t.surface, CAIRO_PDF_METADATA_CREATOR, "Plenary");
  if (!d.symbol.empty())
    cairo_pdf_surface_set_metadata(t.surface, CAIRO_PDF_METADATA_SUBJECT, d.symbol.c_str());
  t.cr = cairo_create(t.surface);
  cairo_set_source_rgb(t.cr, 0, 0, 0);
  t.StartPage();

  const std::string& lang = d.lang;
  PangoAlignment end = IsRtl(lang) ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
  PangoAlignment start = IsRtl(lang) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  t.Text(d.organization, lang, 11, true, start, 0, {}, 0);
  if (!d.symbol.empty()) t.Text(d.symbol, lang, 11, true, end, 0, {}, 2);
  t.Text(d.date_text, lang, 10.5, false, end, 0, {}, 2);
  if (!d.origin.empty()) t.Text(d.origin, lang, 10.5, false, end, 0, {}, 2);
  t.Text(d.title, lang, 14, true, PANGO_ALIGN_CENTER, 0, {}, 24, d.title_languages);
  for (const auto& b : d.blocks) t.Block(b);
  for (const auto& s : d.signatures) {
    t.Text(s.role + "  " + s.name, lang, 10.5, false, end, 0, {}, 18);
    if (!s.detail.empty()) t.Text(s.detail, lang, 10.5, false, end, 0, {}, 2);
  }
  t.DrawNotes();
  cairo_show_page(t.cr);
  cairo_surface_finish(t.surface);
  if (cairo_surface_status(t.surface) != CAIRO_STATUS_SUCCESS)
    return Error{Code::kInternal, "pdf: the document could not be written", {}};
  return out;
}

std::vector<std::pair<std::string, std::string>> PdfLanguages(const Document& d,
                                                              std::size_t index) {
  std::vector<std::pair<std::string, std::string>> out;
  if (index >= d.blocks.size()) return out;
  std::string sink;
  Typesetter t(d);
  t.surface = cairo_pdf_surface_create_for_stream(Append, &sink, kPageW, kPageH);
  t.cr = cairo_create(t.surface);
  std::size_t prefix = 0;
  PangoLayout* l = t.BlockLayout(d.blocks[index], "", kPageW - 2 * kMargin, &prefix);
  const char* text = pango_layout_get_text(l);
  // The runs in logical order (a line's runs are in visual order), merged by language.
  std::vector<std::pair<int, std::pair<int, std::string>>> runs;
  for (GSList* line = pango_layout_get_lines_readonly(l); line; line = line->next)
    for (GSList* r = static_cast<PangoLayoutLine*>(line->data)->runs; r; r = r->next) {
      const PangoItem* item = static_cast<PangoGlyphItem*>(r->data)->item;
      runs.push_back({item->offset,
                      {item->offset + item->length,
                       pango_language_to_string(item->analysis.language)}});
    }
  std::sort(runs.begin(), runs.end());
  for (const auto& [begin, rest] : runs) {
    std::string part(text + begin, rest.first - begin);
    if (!out.empty() && out.back().second == rest.second)
      out.back().first += part;
    else
      out.emplace_back(part, rest.second);
  }
  g_object_unref(l);
  return out;
}

Result<std::string> Render(const Document& d, const std::string& format) {
  if (format == "docx") return RenderDocx(d);
  if (format == "pdf") return RenderPdf(d);
  if (format == "akn.xml") return RenderAkn(d);
  return InvalidArgument("format", "format: one of docx, pdf, akn.xml");
}

const char* MediaType(const std::string& format) {
  if (format == "docx") return kDocxType;
  if (format == "pdf") return kPdfType;
  return kAknType;
}

}  // namespace plenary::render

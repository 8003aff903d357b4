// Text extraction from PDF, DOCX and ODT within explicit limits (see extract.h).
#include "documents/extract.h"

#include <libxml/xmlreader.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <zip.h>

#include <memory>
#include <mutex>

#include <fmt/format.h>

namespace plenary::documents {

namespace {

constexpr char kDocx[] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr char kOdt[] = "application/vnd.oasis.opendocument.text";

// The file is kept but its text cannot be read.
Error Unreadable(std::string message) {
  return {Code::kInvalidArgument, "text: " + message, "text"};
}
// The upload is refused.
Error Bad(std::string message) { return {Code::kInvalidArgument, "file: " + message, "file"}; }
Error Large(std::string message) { return {Code::kTooLarge, "file: " + message, "file"}; }

// Poppler reports every oddity of a damaged file on stderr; the upload's answer says it.
void Quiet(const std::string&, void*) {}

Result<ExtractedText> Pdf(std::string_view data, const ExtractLimits& limits) {
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(Quiet, nullptr); });
  if (data.size() > static_cast<std::size_t>(INT32_MAX)) return Large("too large for a PDF");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(data.data(), static_cast<int>(data.size())));
  if (!doc) return Unreadable("the PDF is damaged and cannot be read");
  if (doc->is_locked())
    return Bad("the PDF is protected by a password; upload a copy without one");
  int pages = doc->pages();
  if (pages < 0) return Unreadable("the PDF is damaged and cannot be read");
  if (static_cast<std::size_t>(pages) > limits.max_pages)
    return Large(fmt::format("the PDF has {} pages; at most {} are read", pages, limits.max_pages));
  ExtractedText out;
  out.paged = true;
  std::size_t total = 0;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    std::string text;
    if (page) {
      auto bytes = page->text().to_utf8();
      text.assign(bytes.begin(), bytes.end());
    }
    total += text.size();
    if (total > limits.max_text_bytes)
      return Large(fmt::format("its text exceeds {} bytes", limits.max_text_bytes));
    out.pages.push_back(std::move(text));
  }
  return out;
}

// Reads one entry of a package within the limits; the declared sizes are checked first and the
// bytes actually inflated are counted too, since a hostile package can lie about its sizes.
Result<std::string> ReadEntry(std::string_view data, const char* name, const char* kind,
                              const ExtractLimits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(data.data(), data.size(), 0, &error);
  if (!src) return Unreadable(fmt::format("the {} package cannot be read", kind));
  zip_t* archive = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!archive) {
    zip_source_free(src);
    zip_error_fini(&error);
    return Unreadable(fmt::format("the {} package is not a readable ZIP file", kind));
  }
  std::unique_ptr<zip_t, void (*)(zip_t*)> guard(archive, [](zip_t* z) { zip_discard(z); });
  zip_int64_t entries = zip_get_num_entries(archive, 0);
  if (entries < 0 || static_cast<std::size_t>(entries) > limits.max_entries)
    return Large(fmt::format("the {} package has {} entries; at most {} are accepted", kind,
                             entries, limits.max_entries));
  std::size_t declared_total = 0;
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t st;
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) != 0)
      return Unreadable(fmt::format("the {} package is damaged", kind));
    declared_total += st.size;
    if (declared_total > limits.max_expanded_bytes)
      return Large(fmt::format("the {} package expands to more than {} bytes", kind,
                               limits.max_expanded_bytes));
    if (st.size > 4096 && st.size / std::max<zip_uint64_t>(st.comp_size, 1) > limits.max_ratio)
      return Large(fmt::format("an entry of the {} package is compressed {} times; at most {} "
                               "is accepted",
                               kind, st.size / std::max<zip_uint64_t>(st.comp_size, 1),
                               limits.max_ratio));
  }
  zip_int64_t index = zip_name_locate(archive, name, 0);
  if (index < 0) return Unreadable(fmt::format("the {} package has no {}", kind, name));
  zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0);
  if (!file) return Unreadable(fmt::format("the {} package's {} cannot be read", kind, name));
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> fguard(file, zip_fclose);
  std::string out;
  char buf[65536];
  for (;;) {
    zip_int64_t n = zip_fread(file, buf, sizeof buf);
    if (n < 0) return Unreadable(fmt::format("the {} package's {} is damaged", kind, name));
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
    if (out.size() > limits.max_expanded_bytes)
      return Large(fmt::format("the {} package expands to more than {} bytes", kind,
                               limits.max_expanded_bytes));
  }
  return out;
}

// The text of a WordprocessingML or ODF body: text nodes inside paragraphs, one line per
// paragraph, tabs and breaks kept. No DTD, no entity substitution, no network.
Result<std::string> XmlText(const std::string& xml, bool odf, const ExtractLimits& limits) {
  xmlTextReaderPtr reader = xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), nullptr,
                                               "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                            XML_PARSE_NOWARNING);
  if (!reader) return Unreadable("its XML cannot be read");
  std::unique_ptr<xmlTextReader, void (*)(xmlTextReaderPtr)> guard(reader, xmlFreeTextReader);
  std::string out;
  bool in_text = false;  // inside w:t (DOCX); ODF text nodes are all text
  int rc;
  while ((rc = xmlTextReaderRead(reader)) == 1) {
    int type = xmlTextReaderNodeType(reader);
    const char* local = reinterpret_cast<const char*>(xmlTextReaderConstLocalName(reader));
    std::string_view name = local ? local : "";
    if (type == XML_READER_TYPE_ELEMENT) {
      bool empty = xmlTextReaderIsEmptyElement(reader);
      if (!odf) {
        if (name == "t" && !empty) in_text = true;
        else if (name == "tab") out += '\t';
        else if (name == "br" || name == "cr") out += '\n';
      } else {
        if (name == "tab") out += '\t';
        else if (name == "line-break") out += '\n';
        else if (name == "s") out += ' ';
      }
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      if (!odf && name == "t") in_text = false;
      if (name == "p" || name == "h") out += '\n';
    } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
               type == XML_READER_TYPE_CDATA) {
      if (odf || in_text) {
        const char* v = reinterpret_cast<const char*>(xmlTextReaderConstValue(reader));
        if (v) out += v;
      }
    }
    if (out.size() > limits.max_text_bytes)
      return Large(fmt::format("its text exceeds {} bytes", limits.max_text_bytes));
  }
  if (rc < 0) return Unreadable("its XML is not well-formed");
  return out;
}

}  // namespace

Result<ExtractedText> ExtractText(std::string_view data, const std::string& media_type,
                                  const ExtractLimits& limits) {
  if (media_type == "application/pdf") return Pdf(data, limits);
  if (media_type == kDocx || media_type == kOdt) {
    bool odf = media_type == kOdt;
    auto xml = ReadEntry(data, odf ? "content.xml" : "word/document.xml", odf ? "ODT" : "DOCX",
                         limits);
    if (!xml.ok()) return xml.error();
    auto text = XmlText(*xml, odf, limits);
    if (!text.ok()) return text.error();
    return ExtractedText{{std::move(*text)}, false};
  }
  if (media_type == "text/plain") {
    if (data.size() > limits.max_text_bytes)
      return Large(fmt::format("its text exceeds {} bytes", limits.max_text_bytes));
    return ExtractedText{{std::string(data)}, false};
  }
  return Unreadable("no text can be read from " + media_type);
}

namespace {
ExtractLimits& Limits() {
  static ExtractLimits limits;
  return limits;
}
}  // namespace

void SetExtractLimits(const ExtractLimits& limits) { Limits() = limits; }
const ExtractLimits& CurrentExtractLimits() { return Limits(); }

}  // namespace plenary::documents

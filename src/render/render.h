// The renderers of an official document (render/model.h): DOCX (libzip + xmlTextWriter),
// PDF (Cairo + Pango/HarfBuzz with Noto fonts) and Akoma Ntoso 3.0 XML (xmlTextWriter).
// Each output depends only on the document: zip entries carry a fixed timestamp and the PDF's
// creation date is the document's date, so that an issued document renders to the same bytes
// every time. Thread-safe (each call owns its libraries' objects).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "render/model.h"

namespace plenary::render {

inline constexpr const char* kDocxType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
inline constexpr const char* kPdfType = "application/pdf";
inline constexpr const char* kAknType = "application/akn+xml";
// The formats, as the suffix of their download ("record.docx") and of the stored renditions.
inline constexpr const char* kFormats[] = {"docx", "pdf", "akn.xml"};

Result<std::string> RenderDocx(const Document& d);
Result<std::string> RenderPdf(const Document& d);
Result<std::string> RenderAkn(const Document& d);
// One of kFormats; 400 naming `format` otherwise.
Result<std::string> Render(const Document& d, const std::string& format);
const char* MediaType(const std::string& format);

// The languages block `index` of `d` is itemized in as the PDF lays it out: its text (a
// heading's number before it) cut where the language changes, each part with the language its
// items are shaped and given fonts in ("ru", "zh-cn"). A part of the block in another language
// (Block::languages) is laid out in that language.
std::vector<std::pair<std::string, std::string>> PdfLanguages(const Document& d,
                                                              std::size_t index);

// The Akoma Ntoso Work IRI of the document ("/akn/un/debateReport/meetingMinutes/council/
// 2022-03-31/C22-87"): "/" in the symbol written "-", as the AKN naming convention asks.
std::string AknWorkUri(const Document& d);

}  // namespace plenary::render

// The text of an uploaded language version: PDF (poppler-cpp, one text per page), DOCX and
// ODT (libzip for the package, libxml2's streaming reader for the XML part), plain text.
//
// Uploaded files come from staff but may have been made by anyone: a package is opened only
// within explicit limits (entries, compression ratio, decompressed bytes, text kept) and every
// refusal names the rule that failed. Nothing here writes anything.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace plenary::documents {

// Configurable (plenary serve --extract-* flags).
struct ExtractLimits {
  std::size_t max_entries = 2000;                // entries of a DOCX or ODT package
  std::size_t max_expanded_bytes = 64u << 20;    // decompressed bytes of the part read
  std::size_t max_ratio = 100;                   // decompressed / compressed size of an entry
  std::size_t max_pages = 5000;                  // PDF pages read
  std::size_t max_text_bytes = 16u << 20;        // text kept, all pages together
};

struct ExtractedText {
  // PDF: one string per page (page 1 first). DOCX, ODT and plain text: one string.
  std::vector<std::string> pages;
  bool paged = false;  // true for PDF: pages[i] is page i + 1
};

// Errors of two kinds, told apart by their field:
//   "file": the upload is refused. kTooLarge for more entries, a higher ratio, more
//     decompressed bytes, pages or text than the limits allow (a zip bomb); kInvalidArgument
//     for a PDF protected by a password.
//   "text": the file is what it claims to be but its text cannot be read (a damaged PDF, a
//     package that is not a readable ZIP or lacks its main part, XML that does not parse): the
//     file is kept and the reason stored beside it.
// `media_type` is what libmagic judged (application/pdf, the DOCX and ODT types, text/plain).
Result<ExtractedText> ExtractText(std::string_view data, const std::string& media_type,
                                  const ExtractLimits& limits);

// The limits uploads are read with: set once at start (plenary serve flags), before the server
// takes requests; the defaults otherwise.
void SetExtractLimits(const ExtractLimits& limits);
const ExtractLimits& CurrentExtractLimits();

}  // namespace plenary::documents

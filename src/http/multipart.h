// Strict parsing of multipart/form-data request bodies (RFC 7578, RFC 2046 section 5.1).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace plenary::http {

struct Part {
  std::string name;          // the Content-Disposition "name" (valid UTF-8, never empty)
  std::string filename;      // last path component of "filename" (or "filename*"); valid UTF-8
  bool is_file = false;      // the part had a filename parameter (even an empty one)
  std::string content_type;  // as sent; "text/plain" for fields and
                             // "application/octet-stream" for files when absent
  std::string data;          // raw bytes; for fields, text (base/utf8.h CheckText)
};

struct MultipartLimits {
  size_t max_parts = 100;            // every part counts, including skipped empty file inputs
  size_t max_files = 5;              // non-empty file parts
  size_t max_file_bytes = 10 << 20;  // per file
  size_t max_field_bytes = 1 << 20;  // per non-file part
  // The body was cut short (by the server's limit: Request::body_cut_at): the parts before the
  // cut are read and the unfinished last one is left out, instead of refusing the body as
  // unterminated.
  bool cut_short = false;
};

// The header block of one part (its lines up to the blank line) may be at most this long.
inline constexpr size_t kMaxPartHeaderBytes = 16 << 10;

// Parses `body` as multipart/form-data. `content_type` is the whole request header value, e.g.
// `multipart/form-data; boundary=----abc` (the boundary may be a quoted-string).
//
// Accepted syntax: an optional preamble, then "--boundary" at the start of the body or after CRLF;
// delimiter lines may carry trailing spaces/tabs; lines end in CRLF (bare LF is not a line break);
// the CRLF before each delimiter belongs to the delimiter, not to the data; anything after the
// closing "--boundary--" is ignored. Each part needs `Content-Disposition: form-data; name=...`;
// parameters may be tokens or quoted-strings, where \" and \\ are unescaped and any other
// backslash is kept (old browsers send Windows paths unescaped). Directory components of file
// names are dropped. `filename*=UTF-8''...` (RFC 5987; UTF-8 or ISO-8859-1) is supported and
// preferred over `filename`. Header names are case-insensitive; other part headers are ignored.
// A file input left empty by the browser (filename="" and no data) is omitted from the result.
//
// Errors (the message starts with the field and states the rule):
//   kInvalidArgument, field "Content-Type": not multipart/form-data, missing or invalid boundary;
//   kInvalidArgument, field "body": boundary not found, malformed delimiter or header line, a part
//     without Content-Disposition or name, duplicate parameters, unterminated body;
//   kInvalidArgument, field <part name>: a field that is not valid UTF-8 or holds a control
//     character other than tab, CR and LF, a file name that is not valid UTF-8 or contains
//     control characters;
//   kTooLarge, field "body": more than max_parts parts, or a header block over kMaxPartHeaderBytes;
//   kTooLarge, field "attachments": more than max_files files ("attachments: at most 5 files");
//   kTooLarge, field <part name>: a file over max_file_bytes or a field over max_field_bytes.
Result<std::vector<Part>> ParseMultipart(std::string_view content_type, std::string_view body,
                                         const MultipartLimits& limits = {});

}  // namespace plenary::http

// A bounds-checked multipart/form-data parser that rejects malformed bodies with clear messages.
#include "http/multipart.h"

#include <cstdint>
#include <string>
#include <utility>

#include "base/parse.h"
#include "base/utf8.h"

namespace plenary::http {
namespace {

constexpr std::string_view kCrlf = "\r\n";

bool IsControl(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7F;
}

bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// A part name fit for an error message: at most ~60 bytes, cut on a UTF-8 boundary.
std::string ForMessage(std::string_view name) {
  constexpr size_t kMax = 60;
  if (name.size() <= kMax) return std::string(name);
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  return std::string(name.substr(0, cut)) + "...";
}

std::string FormatBytes(size_t n) {
  if (n >= (1u << 20) && n % (1u << 20) == 0) return std::to_string(n >> 20) + " MiB";
  if (n >= (1u << 10) && n % (1u << 10) == 0) return std::to_string(n >> 10) + " KiB";
  return std::to_string(n) + " bytes";
}

Error BodyError(const std::string& rule) { return InvalidArgument("body", "body: " + rule); }

std::string PartLabel(size_t index) { return "part " + std::to_string(index); }

struct Param {
  std::string name;  // lower-cased
  std::string value;
};

// Parses `; name=value; name="quoted"` parameter lists. Returns an empty string on success,
// else the rule that was broken.
std::string ParseParams(std::string_view s, std::vector<Param>* out) {
  size_t i = 0;
  auto skip_ows = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  };
  while (true) {
    skip_ows();
    if (i == s.size()) return {};
    if (s[i] != ';') return "expected ';' between parameters";
    ++i;
    skip_ows();
    if (i == s.size() || s[i] == ';') continue;  // tolerate empty parameters ("a; ; b")
    const size_t name_start = i;
    while (i < s.size() && IsTokenChar(s[i])) ++i;
    if (i == name_start) return "malformed parameter name";
    Param param{ToLower(s.substr(name_start, i - name_start)), {}};
    skip_ows();
    if (i == s.size() || s[i] != '=') return "parameter '" + param.name + "' has no value";
    ++i;
    skip_ows();
    if (i < s.size() && s[i] == '"') {
      ++i;
      bool closed = false;
      while (i < s.size()) {
        const char c = s[i];
        if (c == '"') {
          closed = true;
          ++i;
          break;
        }
        if (c == '\\' && i + 1 < s.size() && (s[i + 1] == '"' || s[i + 1] == '\\')) {
          param.value.push_back(s[i + 1]);
          i += 2;
          continue;
        }
        param.value.push_back(c);
        ++i;
      }
      if (!closed) return "unterminated quoted value of parameter '" + param.name + "'";
    } else {
      const size_t value_start = i;
      while (i < s.size() && s[i] != ';') ++i;
      const std::string_view value = TrimSpacesAndTabs(s.substr(value_start, i - value_start));
      if (value.find('"') != std::string_view::npos) {
        return "stray quote in parameter '" + param.name + "'";
      }
      param.value = std::string(value);
    }
    for (const Param& p : *out) {
      if (p.name == param.name) return "duplicate parameter '" + param.name + "'";
    }
    out->push_back(std::move(param));
  }
}

const Param* FindParam(const std::vector<Param>& params, std::string_view name) {
  for (const Param& p : params) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

Result<std::string> ParseBoundary(std::string_view content_type) {
  const std::string f = "Content-Type";
  const size_t semi = content_type.find(';');
  const std::string_view media = TrimSpacesAndTabs(content_type.substr(0, semi));
  if (!EqualsIgnoreCase(media, "multipart/form-data")) {
    return InvalidArgument(f, f + ": expected multipart/form-data");
  }
  std::vector<Param> params;
  if (semi != std::string_view::npos) {
    const std::string rule = ParseParams(content_type.substr(semi), &params);
    if (!rule.empty()) return InvalidArgument(f, f + ": " + rule);
  }
  const Param* boundary = FindParam(params, "boundary");
  if (boundary == nullptr) return InvalidArgument(f, f + ": missing boundary parameter");
  const std::string& b = boundary->value;
  if (b.empty() || b.size() > 70) {
    return InvalidArgument(f, f + ": boundary must be 1 to 70 characters");
  }
  for (const char c : b) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
    if (!ok) return InvalidArgument(f, f + ": boundary contains a character RFC 2046 forbids");
  }
  if (b.back() == ' ') return InvalidArgument(f, f + ": boundary must not end with a space");
  return b;
}

// Decodes an RFC 5987 ext-value (charset'language'pct-encoded) into UTF-8.
bool DecodeExtValue(std::string_view v, std::string* out) {
  const size_t q1 = v.find('\'');
  if (q1 == std::string_view::npos) return false;
  const size_t q2 = v.find('\'', q1 + 1);
  if (q2 == std::string_view::npos) return false;
  const std::string_view charset = v.substr(0, q1);
  const bool latin1 = EqualsIgnoreCase(charset, "iso-8859-1");
  if (!latin1 && !EqualsIgnoreCase(charset, "utf-8")) return false;
  std::string bytes;
  for (size_t i = q2 + 1; i < v.size(); ++i) {
    const char c = v[i];
    if (c == '%') {
      const int hi = i + 1 < v.size() ? HexDigitValue(v[i + 1]) : -1;
      const int lo = i + 2 < v.size() ? HexDigitValue(v[i + 2]) : -1;
      if (hi < 0 || lo < 0) return false;
      bytes.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7F) {
      bytes.push_back(c);
    } else {
      return false;
    }
  }
  out->clear();
  if (!latin1) {
    *out = std::move(bytes);
    return IsValidUtf8(*out);
  }
  for (const char c : bytes) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80) {
      out->push_back(c);
    } else {
      out->push_back(static_cast<char>(0xC0 | (u >> 6)));
      out->push_back(static_cast<char>(0x80 | (u & 0x3F)));
    }
  }
  return true;
}

// The last path component, for file names that carry a client-side path.
std::string BaseName(std::string_view path) {
  const size_t slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// Parses one part's header block (lines without the final blank line) into `part`.
Status ParseHeaders(std::string_view block, size_t index, Part* part) {
  const std::string label = PartLabel(index);
  bool have_disposition = false;
  bool have_content_type = false;
  std::vector<Param> params;
  std::string filename_param;
  bool have_filename = false;
  size_t start = 0;
  while (start < block.size()) {
    size_t end = block.find(kCrlf, start);
    if (end == std::string_view::npos) end = block.size();
    const std::string_view line = block.substr(start, end - start);
    start = end + kCrlf.size();
    if (line.empty()) continue;
    if (line.front() == ' ' || line.front() == '\t') {
      return BodyError(label + " uses folded header lines, which are not supported");
    }
    for (const char c : line) {
      if (IsControl(c) && c != '\t') {
        return BodyError(label + " has a header line with a control character");
      }
    }
    if (!IsValidUtf8(line)) return BodyError(label + " has a header line that is not valid UTF-8");
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return BodyError(label + " has a malformed header line (expected 'Name: value')");
    }
    const std::string_view name = line.substr(0, colon);
    for (const char c : name) {
      if (!IsTokenChar(c)) return BodyError(label + " has a malformed header name");
    }
    const std::string_view value = TrimSpacesAndTabs(line.substr(colon + 1));
    if (EqualsIgnoreCase(name, "Content-Disposition")) {
      if (have_disposition) return BodyError(label + " has two Content-Disposition headers");
      have_disposition = true;
      const size_t semi = value.find(';');
      if (!EqualsIgnoreCase(TrimSpacesAndTabs(value.substr(0, semi)), "form-data")) {
        return BodyError(label + " has a Content-Disposition other than form-data");
      }
      if (semi != std::string_view::npos) {
        const std::string rule = ParseParams(value.substr(semi), &params);
        if (!rule.empty()) {
          return BodyError(label + " has a malformed Content-Disposition (" + rule + ")");
        }
      }
    } else if (EqualsIgnoreCase(name, "Content-Type")) {
      if (have_content_type) return BodyError(label + " has two Content-Type headers");
      have_content_type = true;
      part->content_type = std::string(value);
    }
  }
  if (!have_disposition) return BodyError(label + " has no Content-Disposition header");
  const Param* name = FindParam(params, "name");
  if (name == nullptr || name->value.empty()) {
    return BodyError(label + " has no name in its Content-Disposition");
  }
  part->name = name->value;
  const std::string field = part->name;
  const Param* filename = FindParam(params, "filename");
  const Param* filename_ext = FindParam(params, "filename*");
  std::string decoded;
  if (filename_ext != nullptr && DecodeExtValue(filename_ext->value, &decoded)) {
    filename_param = std::move(decoded);
    have_filename = true;
  } else if (filename != nullptr) {
    filename_param = filename->value;
    have_filename = true;
  } else if (filename_ext != nullptr) {
    return InvalidArgument(field, ForMessage(field) + ": malformed filename* parameter");
  }
  part->is_file = have_filename;
  if (have_filename) {
    if (!IsValidUtf8(filename_param)) {
      return InvalidArgument(field, ForMessage(field) + ": file name is not valid UTF-8");
    }
    for (const char c : filename_param) {
      if (IsControl(c)) {
        return InvalidArgument(field, ForMessage(field) + ": file name has control characters");
      }
    }
    part->filename = BaseName(filename_param);
  }
  if (!have_content_type) {
    part->content_type = part->is_file ? "application/octet-stream" : "text/plain";
  }
  return Ok{};
}

}  // namespace

Result<std::vector<Part>> ParseMultipart(std::string_view content_type, std::string_view body,
                                         const MultipartLimits& limits) {
  auto boundary = ParseBoundary(content_type);
  if (!boundary.ok()) return boundary.error();
  const std::string delimiter = "--" + *boundary;
  const std::string crlf_delimiter = "\r\n" + delimiter;

  size_t pos;
  if (body.starts_with(delimiter)) {
    pos = delimiter.size();
  } else {
    const size_t found = body.find(crlf_delimiter);
    if (found == std::string_view::npos) return BodyError("multipart boundary not found");
    pos = found + crlf_delimiter.size();
  }

  std::vector<Part> parts;
  size_t part_count = 0;
  size_t file_count = 0;
  while (true) {
    // `pos` is just past a delimiter: either "--" (the end) or padding then CRLF.
    const std::string_view rest = body.substr(pos);
    if (rest.starts_with("--")) break;  // close delimiter; the epilogue is ignored
    size_t after = 0;
    while (after < rest.size() && (rest[after] == ' ' || rest[after] == '\t')) ++after;
    if (limits.cut_short && (after == rest.size() || rest.size() - after < kCrlf.size())) break;
    if (after == rest.size()) return BodyError("unterminated multipart body (no closing boundary)");
    if (!rest.substr(after).starts_with(kCrlf)) {
      return BodyError(part_count == 0 ? std::string("malformed first boundary line")
                                       : "malformed boundary line after " + PartLabel(part_count));
    }
    pos += after + kCrlf.size();

    ++part_count;
    if (part_count > limits.max_parts) {
      return Error{Code::kTooLarge, "body: at most " + std::to_string(limits.max_parts) + " parts",
                   "body"};
    }
    const std::string label = PartLabel(part_count);

    // Header block: lines up to an empty line (possibly none at all).
    std::string_view headers;
    size_t data_start;
    if (body.substr(pos).starts_with(kCrlf)) {
      data_start = pos + kCrlf.size();
    } else {
      const std::string_view window = body.substr(pos, kMaxPartHeaderBytes + 4);
      const size_t blank = window.find("\r\n\r\n");
      if (blank == std::string_view::npos) {
        if (window.size() > kMaxPartHeaderBytes) {
          return Error{Code::kTooLarge,
                       "body: " + label + " headers exceed " + FormatBytes(kMaxPartHeaderBytes),
                       "body"};
        }
        if (limits.cut_short) break;
        return BodyError("unterminated headers in " + label);
      }
      headers = window.substr(0, blank);
      data_start = pos + blank + 4;
    }

    const size_t data_end = body.find(crlf_delimiter, data_start);
    if (data_end == std::string_view::npos) {
      if (limits.cut_short) break;
      return BodyError("unterminated multipart body (" + label + " has no closing boundary)");
    }
    pos = data_end + crlf_delimiter.size();

    Part part;
    auto parsed = ParseHeaders(headers, part_count, &part);
    if (!parsed.ok()) return parsed.error();
    const std::string_view data = body.substr(data_start, data_end - data_start);
    const std::string who = ForMessage(part.name);
    if (part.is_file) {
      if (part.filename.empty() && data.empty()) continue;  // file input left empty
      if (++file_count > limits.max_files) {
        return Error{Code::kTooLarge,
                     "attachments: at most " + std::to_string(limits.max_files) + " files",
                     "attachments"};
      }
      if (data.size() > limits.max_file_bytes) {
        return Error{Code::kTooLarge,
                     who + ": file larger than " + FormatBytes(limits.max_file_bytes), part.name};
      }
    } else {
      if (data.size() > limits.max_field_bytes) {
        return Error{Code::kTooLarge, who + ": longer than " + FormatBytes(limits.max_field_bytes),
                     part.name};
      }
      if (auto fault = CheckText(data)) {
        return InvalidArgument(part.name,
                               who + ": " + fault->rule + " at byte " + std::to_string(fault->at));
      }
    }
    part.data = std::string(data);
    parts.push_back(std::move(part));
  }
  return parts;
}

}  // namespace plenary::http

// Strict application/x-www-form-urlencoded decoding and percent-encoding.
#include "http/form.h"

#include <cstdint>
#include <string>

namespace plenary::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Index of the first byte that does not start a well-formed UTF-8 sequence, or npos.
size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (s.size() - i < len) return i;
    for (size_t k = 1; k < len; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return i;
    if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

// The offset in `raw` (an encoded component) of the input that produced decoded byte `index`.
// `raw` is known to be well-formed here.
size_t SourceOffset(std::string_view raw, size_t index) {
  size_t r = 0;
  for (size_t d = 0; d < index && r < raw.size(); ++d) r += raw[r] == '%' ? 3 : 1;
  return r;
}

// Decodes one name or value. On a malformed escape returns false with `*bad` set to its offset.
bool Decode(std::string_view raw, std::string* out, size_t* bad) {
  out->clear();
  out->reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '+') {
      out->push_back(' ');
    } else if (c == '%') {
      const int hi = i + 1 < raw.size() ? HexValue(raw[i + 1]) : -1;
      const int lo = i + 2 < raw.size() ? HexValue(raw[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        *bad = i;
        return false;
      }
      out->push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out->push_back(c);
    }
  }
  return true;
}

// Checks a decoded component; on failure returns the rule broken and sets `*at` (decoded index).
const char* CheckText(std::string_view s, size_t* at) {
  const size_t invalid = FindInvalidUtf8(s);
  const size_t nul = s.find('\0');
  if (invalid == std::string_view::npos && nul == std::string_view::npos) return nullptr;
  if (invalid < nul) {
    *at = invalid;
    return "invalid UTF-8";
  }
  *at = nul;
  return "NUL character";
}

}  // namespace

Result<Form> Form::Parse(std::string_view body, std::string_view field) {
  const std::string f(field);
  Form form;
  size_t start = 0;
  std::string name;
  std::string value;
  while (start <= body.size()) {
    size_t end = body.find('&', start);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view pair = body.substr(start, end - start);
    if (!pair.empty()) {
      if (form.fields_.size() >= kMaxFields) {
        return Error{Code::kTooLarge, f + ": at most " + std::to_string(kMaxFields) + " fields", f};
      }
      const size_t eq = pair.find('=');
      const std::string_view raw_name = pair.substr(0, eq);
      const std::string_view raw_value =
          eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
      const size_t value_start = start + (eq == std::string_view::npos ? pair.size() : eq + 1);
      size_t bad = 0;
      if (!Decode(raw_name, &name, &bad)) {
        return InvalidArgument(
            f, f + ": malformed percent-encoding at byte " + std::to_string(start + bad));
      }
      if (!Decode(raw_value, &value, &bad)) {
        return InvalidArgument(
            f, f + ": malformed percent-encoding at byte " + std::to_string(value_start + bad));
      }
      if (const char* rule = CheckText(name, &bad)) {
        return InvalidArgument(f, f + ": " + rule + " in a field name at byte " +
                                      std::to_string(start + SourceOffset(raw_name, bad)));
      }
      if (const char* rule = CheckText(value, &bad)) {
        return InvalidArgument(f, f + ": " + rule + " in a field value at byte " +
                                      std::to_string(value_start + SourceOffset(raw_value, bad)));
      }
      form.fields_.emplace_back(std::move(name), std::move(value));
      name.clear();
      value.clear();
    }
    start = end + 1;
  }
  return form;
}

std::optional<std::string> Form::Get(std::string_view name) const {
  for (const auto& [n, v] : fields_) {
    if (n == name) return v;
  }
  return std::nullopt;
}

std::vector<std::string> Form::GetAll(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [n, v] : fields_) {
    if (n == name) out.push_back(v);
  }
  return out;
}

bool Form::Has(std::string_view name) const {
  for (const auto& field : fields_) {
    if (field.first == name) return true;
  }
  return false;
}

void Form::Add(std::string name, std::string value) {
  fields_.emplace_back(std::move(name), std::move(value));
}

std::string UrlEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' ||
        u == '.' || u == '_' || u == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 0x0F]);
    }
  }
  return out;
}

}  // namespace plenary::http

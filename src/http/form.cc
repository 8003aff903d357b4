// Strict application/x-www-form-urlencoded decoding and percent-encoding.
#include "http/form.h"

#include <cstdint>
#include <string>

#include "base/parse.h"
#include "base/utf8.h"

namespace plenary::http {
namespace {

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
      const int hi = i + 1 < raw.size() ? HexDigitValue(raw[i + 1]) : -1;
      const int lo = i + 2 < raw.size() ? HexDigitValue(raw[i + 2]) : -1;
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
      if (auto fault = CheckText(name)) {
        return InvalidArgument(f, f + ": " + fault->rule + " in a field name at byte " +
                                      std::to_string(start + SourceOffset(raw_name, fault->at)));
      }
      // A bad value is named by its field (the name is well-formed by now).
      if (auto fault = CheckText(value)) {
        const std::string who = name.empty() ? f : name;
        return InvalidArgument(
            who, who + ": " + fault->rule + " at byte " +
                     std::to_string(value_start + SourceOffset(raw_value, fault->at)) +
                     " of the " + f);
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

// Input checks shared by the capabilities: UTF-8, lengths, multilingual fields, file types.
#include "site/fields.h"

#include <magic.h>

#include <cctype>
#include <charconv>
#include <memory>

#include <fmt/format.h>

#include "base/parse.h"
#include "base/utf8.h"
#include "text/messages.h"

namespace plenary::site {

namespace json = boost::json;

std::optional<std::int64_t> ParseId(std::string_view text) { return ParseInt(text); }

json::value ParseJson(const std::string& s) {
  boost::system::error_code ec;
  auto v = json::parse(s, ec);
  return ec ? json::value(s) : v;
}

std::size_t CountChars(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

std::string Trim(std::string s) {
  auto ws = [](unsigned char ch) { return std::isspace(ch); };
  while (!s.empty() && ws(s.back())) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && ws(s[i])) ++i;
  return s.substr(i);
}

Result<json::value> Multilingual(const json::value& v, const std::string& field, bool required,
                                 std::size_t max_chars) {
  json::object out;
  auto add = [&](const std::string& lang, const std::string& text) -> Status {
    std::string t = Trim(text);
    std::string name = v.is_object() ? field + "." + lang : field;
    if (!IsValidUtf8(t)) return InvalidArgument(name, name + ": not valid UTF-8");
    if (CountChars(t) > max_chars)
      return Error{Code::kTooLarge, fmt::format("{}: at most {} characters", name, max_chars),
                   name};
    if (!t.empty()) out[lang] = t;
    return Ok{};
  };
  if (v.is_string()) {
    if (auto s = add("en", std::string(v.as_string())); !s.ok()) return s.error();
  } else if (v.is_object()) {
    for (const auto& [k, val] : v.as_object()) {
      if (!text::IsLanguage(k))
        return InvalidArgument(field, field + ": unknown language \"" + std::string(k) +
                                          "\"; use ar, zh, en, fr, ru or es");
      if (!val.is_string())
        return InvalidArgument(field + "." + std::string(k),
                               field + "." + std::string(k) + ": must be a string");
      if (auto s = add(std::string(k), std::string(val.as_string())); !s.ok()) return s.error();
    }
  } else if (!v.is_null()) {
    return InvalidArgument(field, field + ": must be a string or an object of language → text");
  }
  if (required && out.empty()) return InvalidArgument(field, field + ": required");
  return json::value(out);
}

std::string SniffType(const std::string& data) {
  thread_local std::unique_ptr<magic_set, decltype(&magic_close)> cookie(
      [] {
        magic_t m = magic_open(MAGIC_MIME_TYPE);
        if (m) magic_load(m, nullptr);
        return m;
      }(),
      &magic_close);
  if (!cookie) return "application/octet-stream";
  const char* t = magic_buffer(cookie.get(), data.data(), data.size());
  return t ? t : "application/octet-stream";
}

}  // namespace plenary::site

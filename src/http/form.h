// Parsing and building application/x-www-form-urlencoded data: form bodies and URL query strings.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace plenary::http {

// An ordered multimap of decoded form fields, kept in the order they appeared.
// Default-constructed forms are empty. Not thread-safe for concurrent mutation.
class Form {
 public:
  // A body or query string with more fields than this is rejected with kTooLarge.
  static constexpr size_t kMaxFields = 10000;

  // Parses `body`: a form body, or a URL query string *without* its leading '?'.
  //   - fields are separated by '&'; empty fields ("a=1&&b=2", a trailing '&') are skipped;
  //   - the name ends at the first '='; a field without '=' has an empty value ("flag");
  //   - '+' decodes to a space and "%XX" (hex digits, either case) to the byte 0xXX;
  //   - a '%' not followed by two hex digits is rejected (browsers never send one);
  //   - decoded names and values must be valid UTF-8 (no overlong forms, no surrogates)
  //     and must not contain control characters other than tab, CR and LF (base/utf8.h);
  //     names may be empty ("=x").
  // Errors: kInvalidArgument, or kTooLarge for more than kMaxFields fields. `error().field` is
  // `field` ("body" by default; pass "query" for query strings), or the field's name when its
  // value is at fault; the message begins with it and names the 0-based byte offset into
  // `body` of the offending input, e.g. "body: malformed percent-encoding at byte 17" or
  // "comment: control character U+0001 at byte 14 of the body".
  static Result<Form> Parse(std::string_view body, std::string_view field = "body");

  // The first value of `name`, if any.
  std::optional<std::string> Get(std::string_view name) const;
  // Every value of `name`, in order (empty when absent).
  std::vector<std::string> GetAll(std::string_view name) const;
  bool Has(std::string_view name) const;
  // All fields, in order, names and values decoded.
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }
  // Appends a field (no validation: callers add trusted values).
  void Add(std::string name, std::string value);

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// Percent-encodes every byte except the RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~),
// with upper-case hex; a space becomes "%20". The result is safe as a query name or value and
// as a path segment, and Form::Parse decodes it back to `s`.
std::string UrlEncode(std::string_view s);

}  // namespace plenary::http

// Fuzzes http::Form::Parse (form bodies and query strings) and checks its contract: decoded
// fields are valid UTF-8 without control characters (but tab and line breaks), errors name
// their field ("query", or the field whose value is at fault), and UrlEncode round-trips.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "http/form.h"

using plenary::fuzz::HasForbiddenControl;
using plenary::fuzz::IsUtf8;
using plenary::http::Form;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto form = Form::Parse(input, "query");
  if (!form.ok()) {
    const std::string& field = form.error().field;
    FUZZ_CHECK(field == "query" || (!field.empty() && IsUtf8(field) && !HasForbiddenControl(field)),
               "error field is neither the one passed nor a well-formed field name");
    FUZZ_CHECK(form.error().message.starts_with(field + ": "), "error message does not name field");
    return 0;
  }
  FUZZ_CHECK(form->fields().size() <= Form::kMaxFields, "more than kMaxFields fields");
  std::string encoded;
  for (const auto& [name, value] : form->fields()) {
    FUZZ_CHECK(IsUtf8(name) && IsUtf8(value), "decoded field is not valid UTF-8");
    FUZZ_CHECK(!HasForbiddenControl(name) && !HasForbiddenControl(value),
               "decoded field contains a control character");
    if (!encoded.empty()) encoded += '&';
    encoded += plenary::http::UrlEncode(name) + "=" + plenary::http::UrlEncode(value);
    FUZZ_CHECK(form->Has(name), "Has() misses a parsed field");
  }
  // "Form::Parse decodes it back": encoding every field and parsing again gives the same form.
  auto again = Form::Parse(encoded);
  FUZZ_CHECK(again.ok(), "re-parsing the UrlEncoded form failed");
  FUZZ_CHECK(again->fields() == form->fields(), "UrlEncode/Parse round trip changed the form");
  return 0;
}

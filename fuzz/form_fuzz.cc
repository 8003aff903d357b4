// Fuzzes http::Form::Parse (form bodies and query strings) and checks its contract: decoded
// fields are valid UTF-8 without NUL, errors name their field, and UrlEncode round-trips.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "http/form.h"

using plenary::fuzz::IsUtf8;
using plenary::http::Form;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto form = Form::Parse(input, "query");
  if (!form.ok()) {
    FUZZ_CHECK(form.error().field == "query", "error field is not the one passed");
    FUZZ_CHECK(form.error().message.starts_with("query"), "error message does not name field");
    return 0;
  }
  FUZZ_CHECK(form->fields().size() <= Form::kMaxFields, "more than kMaxFields fields");
  std::string encoded;
  for (const auto& [name, value] : form->fields()) {
    FUZZ_CHECK(IsUtf8(name) && IsUtf8(value), "decoded field is not valid UTF-8");
    FUZZ_CHECK(name.find('\0') == std::string::npos && value.find('\0') == std::string::npos,
               "decoded field contains NUL");
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

// Fuzzes the document-symbol grammar: ParseSymbol, then FormatSymbol must re-parse to the same
// symbol and be canonical; SymbolPrefixLength must name a prefix that parses; RevisionHeader must
// not fail on any parsed symbol.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "text/symbols.h"

using namespace plenary::text;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto parsed = ParseSymbol(input);
  if (parsed.ok()) {
    std::string canonical = FormatSymbol(*parsed);
    auto again = ParseSymbol(canonical);
    if (!again.ok()) std::fprintf(stderr, "canonical form: \"%s\"\n", canonical.c_str());
    FUZZ_CHECK(again.ok(), "FormatSymbol gave a symbol ParseSymbol rejects");
    if (!(*again == *parsed)) std::fprintf(stderr, "canonical form: \"%s\"\n", canonical.c_str());
    FUZZ_CHECK(*again == *parsed, "ParseSymbol(FormatSymbol(s)) != s");
    FUZZ_CHECK(FormatSymbol(*again) == canonical, "the canonical form is not stable");
    for (std::string_view lang : {"en", "fr", "zh-CN", "xx"})
      FUZZ_CHECK(!RevisionHeader(*parsed, lang).empty(), "empty revision header");
  } else {
    FUZZ_CHECK(parsed.error().field == "symbol", "error field is not \"symbol\"");
  }
  size_t prefix = SymbolPrefixLength(input);
  FUZZ_CHECK(prefix <= input.size(), "prefix longer than the text");
  if (prefix > 0) {
    auto p = ParseSymbol(input.substr(0, prefix));
    if (!p.ok()) std::fprintf(stderr, "prefix: \"%.*s\"\n", static_cast<int>(prefix), input.data());
    FUZZ_CHECK(p.ok(), "SymbolPrefixLength names a prefix that is not a symbol");
  }
  return 0;
}

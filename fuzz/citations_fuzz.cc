// Fuzzes text::ExtractCitations on arbitrary bytes: spans must lie in the input, come in order
// without overlapping, carry exactly the bytes they cover, and document symbols must be canonical;
// a recommendation carries its symbol.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "text/citations.h"
#include "text/symbols.h"

using namespace plenary::text;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto citations = ExtractCitations(input);
  size_t previous_end = 0;
  for (const Citation& c : citations) {
    FUZZ_CHECK(c.begin < c.end, "empty or inverted span");
    FUZZ_CHECK(c.end <= input.size(), "span past the end of the input");
    FUZZ_CHECK(c.begin >= previous_end, "spans overlap or are out of order");
    previous_end = c.end;
    FUZZ_CHECK(c.text == input.substr(c.begin, c.end - c.begin), "text != input[begin, end)");
    if (c.kind == "document") {
      auto s = ParseSymbol(c.symbol);
      FUZZ_CHECK(s.ok(), "a document citation whose symbol does not parse");
      FUZZ_CHECK(FormatSymbol(*s) == c.symbol, "a document symbol that is not canonical");
      FUZZ_CHECK(c.number == 0, "a document with a resolution number");
    } else if (c.kind == "recommendation") {
      FUZZ_CHECK(!c.symbol.empty() && c.number == 0, "a recommendation without its symbol");
    } else {
      FUZZ_CHECK(c.kind == "resolution" || c.kind == "decision", "unknown citation kind");
      FUZZ_CHECK(c.number >= 0, "a negative resolution number");
    }
  }
  return 0;
}

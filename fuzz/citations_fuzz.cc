// Fuzzes text::ExtractCitations on arbitrary bytes: spans must lie in the input, come in order
// without overlapping, carry exactly the bytes they cover, and UN and ITU document symbols must be
// canonical; another organization's symbol (UNESCO "39 C/Res.15", WHO "WHA58.3", UNIDO
// "IDB.50/Dec.11"), which ParseSymbol does not read, is printable ASCII and cites itself alone; a
// recommendation carries its symbol.
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
      FUZZ_CHECK(c.number == 0, "a document with a resolution number");
      if (auto s = ParseSymbol(c.symbol); s.ok()) {
        FUZZ_CHECK(FormatSymbol(*s) == c.symbol, "a document symbol that is not canonical");
        continue;
      }
      bool ascii = !c.symbol.empty();
      for (char ch : c.symbol) ascii = ascii && ch >= 0x20 && ch <= 0x7e;
      FUZZ_CHECK(ascii, "another organization's symbol that is not printable ASCII");
      auto again = ExtractCitations(c.symbol);
      FUZZ_CHECK(again.size() == 1 && again[0].kind == "document" && again[0].symbol == c.symbol &&
                     again[0].text == c.symbol,
                 "another organization's symbol that does not cite itself alone");
    } else if (c.kind == "recommendation") {
      FUZZ_CHECK(!c.symbol.empty() && c.number == 0, "a recommendation without its symbol");
    } else {
      FUZZ_CHECK(c.kind == "resolution" || c.kind == "decision", "unknown citation kind");
      FUZZ_CHECK(c.number >= 0, "a negative resolution number");
    }
  }
  return 0;
}

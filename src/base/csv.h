// Writing CSV (RFC 4180) for the exports that spreadsheets open: every text cell of every
// export goes through CsvField.
#pragma once
#include <string>
#include <string_view>

namespace plenary {

// One cell. A text that a spreadsheet would read as a formula — starting with '=', '+', '-',
// '@', a tab or a carriage return — gets a single quote in front (the OWASP rule against CSV
// injection: the cell is shown as text, never run). Then, when it holds a comma, a double quote
// or a line break, it is quoted with its double quotes doubled. Numbers written by the exports
// themselves (counts, ids) are not text cells and do not go through here.
std::string CsvField(std::string_view text);

}  // namespace plenary

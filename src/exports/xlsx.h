// Spreadsheets (XLSX) written with libxlsxwriter: sheets of a header row and rows of text or
// number cells. Text cells are strings to Excel, never formulas, whatever they start with.
#pragma once
#include <string>
#include <variant>
#include <vector>

#include "base/result.h"

namespace plenary::exports {

using Cell = std::variant<std::string, double>;

struct Sheet {
  std::string name;  // at most 31 characters, none of []:*?/\ (checked by libxlsxwriter)
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
};

// The workbook's bytes. kInternal when libxlsxwriter fails (a temporary file it needs).
Result<std::string> WriteXlsx(const std::vector<Sheet>& sheets);

inline constexpr char kXlsxType[] =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace plenary::exports

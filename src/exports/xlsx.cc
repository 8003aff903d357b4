// XLSX writer on libxlsxwriter (see xlsx.h). libxlsxwriter 1.1 writes to a file only: the
// workbook goes to a private temporary file that is read back and removed.
#include "exports/xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace plenary::exports {

Result<std::string> WriteXlsx(const std::vector<Sheet>& sheets) {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/plenary-xlsx-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) return Error{Code::kInternal, "xlsx: cannot create a temporary file", {}};
  close(fd);
  struct Remove {
    std::string p;
    ~Remove() { std::remove(p.c_str()); }
  } remove{path};
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return Error{Code::kInternal, "xlsx: cannot start the workbook", {}};
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  for (const auto& sheet : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
    if (!ws) {
      workbook_close(wb);
      return Error{Code::kInternal, "xlsx: bad sheet name " + sheet.name, {}};
    }
    for (std::size_t c = 0; c < sheet.header.size(); ++c)
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), sheet.header[c].c_str(), bold);
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
      const auto& row = sheet.rows[r];
      for (std::size_t c = 0; c < row.size(); ++c) {
        auto rr = static_cast<lxw_row_t>(r + 1);
        auto cc = static_cast<lxw_col_t>(c);
        if (const auto* s = std::get_if<std::string>(&row[c])) {
          // Excel holds at most 32,767 characters in a cell; longer texts are cut there.
          std::size_t cut = std::min<std::size_t>(s->size(), 32767);
          while (cut < s->size() && cut > 0 &&
                 (static_cast<unsigned char>((*s)[cut]) & 0xC0) == 0x80)
            --cut;  // never inside a character
          std::string text = s->substr(0, cut);
          if (!text.empty()) worksheet_write_string(ws, rr, cc, text.c_str(), nullptr);
        } else {
          worksheet_write_number(ws, rr, cc, std::get<double>(row[c]), nullptr);
        }
      }
    }
  }
  if (workbook_close(wb) != LXW_NO_ERROR)
    return Error{Code::kInternal, "xlsx: cannot write the workbook", {}};
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace plenary::exports

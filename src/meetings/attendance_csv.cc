// Zoom participant-report CSV parsing, with per-person merging of repeated joins.
#include "meetings/attendance_csv.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "base/utf8.h"

namespace plenary::meetings {
namespace {

constexpr size_t kMaxHeaderSearchLines = 50;
constexpr size_t kMaxColumns = 1000;
constexpr int64_t kMaxRowMinutes = 1000000;
constexpr size_t kMaxWarnings = 100;

Error FileError(std::string rule) { return InvalidArgument("file", "file: " + rule); }

// ---- UTF-8 -------------------------------------------------------------------------------

// Decodes valid UTF-8 (checked beforehand) into code points.
std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (len > s.size() - i) len = s.size() - i;  // cannot happen for valid input
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsSpace(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

bool IsControl(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

// Simple case folding for the scripts delegates' names are most often written in.
char32_t FoldCase(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x130) return 'i';
    if (c == 0x131 || c == 0x138 || c == 0x149) return c;
    if (c == 0x178) return 0xFF;
    if (c == 0x17F) return 's';
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c % 2 == 1 ? c + 1 : c;
    return c % 2 == 0 ? c + 1 : c;
  }
  if (c == 0x386) return 0x3AC;
  if (c >= 0x388 && c <= 0x38A) return c + 37;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 63;
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
  if (c == 0x3C2) return 0x3C3;  // final sigma
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if ((c >= 0x1E00 && c <= 0x1E95) || (c >= 0x1EA0 && c <= 0x1EFF)) return c % 2 == 0 ? c + 1 : c;
  return c;
}

// Trims, collapses whitespace runs to one space, drops other control characters; optionally
// case-folds. `s` must be valid UTF-8.
std::string Normalise(std::string_view s, bool fold) {
  std::string out;
  bool pending_space = false;
  for (char32_t c : DecodeUtf8(s)) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (IsControl(c)) continue;
    if (pending_space) out.push_back(' ');
    pending_space = false;
    AppendUtf8(fold ? FoldCase(c) : c, &out);
  }
  return out;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A cell quoted for an error message: at most ~40 bytes, cut on a UTF-8 boundary.
std::string Quoted(std::string_view cell) {
  constexpr size_t kMax = 40;
  std::string text = Normalise(cell, false);
  if (text.size() > kMax) {
    size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "...";
  }
  return "\"" + text + "\"";
}

// ---- CSV ---------------------------------------------------------------------------------

struct Record {
  std::vector<std::string> cells;
  size_t line = 0;  // line on which the record starts
};

class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}

  // Reads the next record. Returns false at the end of input, or with `*error` set.
  bool Next(Record* record, std::optional<Error>* error) {
    if (pos_ >= text_.size()) return false;
    record->cells.clear();
    record->line = line_;
    std::string cell;
    bool cell_started = false;  // the cell has content, so a quote is literal
    bool in_quotes = false;
    bool after_quote = false;
    size_t quote_line = 0;
    auto end_cell = [&]() -> bool {
      if (record->cells.size() >= kMaxColumns) {
        *error = FileError("line " + std::to_string(record->line) + ": more than " +
                           std::to_string(kMaxColumns) + " columns");
        return false;
      }
      record->cells.push_back(std::move(cell));
      cell.clear();
      cell_started = in_quotes = after_quote = false;
      return true;
    };
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (in_quotes) {
        if (c == '"') {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
            cell.push_back('"');
            pos_ += 2;
          } else {
            in_quotes = false;
            after_quote = true;
            ++pos_;
          }
          continue;
        }
        if (c == '\n' || (c == '\r' && (pos_ + 1 == text_.size() || text_[pos_ + 1] != '\n'))) {
          ++line_;
        }
        cell.push_back(c);
        ++pos_;
        continue;
      }
      if (c == ',') {
        ++pos_;
        if (!end_cell()) return false;
        continue;
      }
      if (c == '\r' || c == '\n') {
        pos_ += (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ? 2 : 1;
        ++line_;
        return end_cell();
      }
      if (after_quote) {
        if (c == ' ' || c == '\t') {
          ++pos_;
          continue;
        }
        *error = FileError("line " + std::to_string(line_) + ": text after a closing quote");
        return false;
      }
      if (c == '"' && !cell_started) {
        in_quotes = true;
        cell_started = true;
        quote_line = line_;
        ++pos_;
        continue;
      }
      cell.push_back(c);
      cell_started = true;
      ++pos_;
    }
    if (in_quotes) {
      *error = FileError("line " + std::to_string(quote_line) + ": unterminated quoted field");
      return false;
    }
    return end_cell();
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t line_ = 1;
};

bool IsBlank(const Record& record) {
  for (const std::string& cell : record.cells) {
    if (!Normalise(cell, false).empty()) return false;
  }
  return true;
}

// ---- Columns -----------------------------------------------------------------------------

constexpr size_t kNone = static_cast<size_t>(-1);

struct Columns {
  size_t name = kNone;
  size_t email = kNone;
  size_t join = kNone;
  size_t leave = kNone;
  size_t duration = kNone;
  size_t guest = kNone;
};

bool FindColumns(const Record& record, Columns* columns) {
  Columns found;
  auto set = [](size_t* slot, size_t index) {
    if (*slot == kNone) *slot = index;
  };
  for (size_t i = 0; i < record.cells.size(); ++i) {
    const std::string h = AsciiLower(Normalise(record.cells[i], false));
    if (h == "name (original name)" || h == "name" || h == "participant" ||
        h == "participant name") {
      set(&found.name, i);
    } else if (h == "user email" || h == "email" || h == "e-mail" || h == "email address") {
      set(&found.email, i);
    } else if (h == "join time") {
      set(&found.join, i);
    } else if (h == "leave time") {
      set(&found.leave, i);
    } else if (h == "duration (minutes)" || h == "total duration (minutes)") {
      set(&found.duration, i);
    } else if (h == "guest") {
      set(&found.guest, i);
    }
  }
  if (found.name == kNone || found.duration == kNone) return false;
  *columns = found;
  return true;
}

// ---- Values ------------------------------------------------------------------------------

// "Ana Silva (Ana S.)" → "Ana Silva"; names without a trailing group are kept whole.
std::string DisplayName(std::string_view raw) {
  const std::string s = Normalise(raw, false);
  if (s.size() < 2 || s.back() != ')') return s;
  int depth = 0;
  for (size_t i = s.size(); i-- > 0;) {
    if (s[i] == ')') ++depth;
    if (s[i] == '(' && --depth == 0) {
      if (i >= 2 && s[i - 1] == ' ') return s.substr(0, i - 1);
      return s;
    }
  }
  return s;
}

// Minutes from a duration cell, or nullopt when it is not a whole number in range.
std::optional<int64_t> ParseMinutes(std::string_view cell) {
  while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.remove_prefix(1);
  while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t')) cell.remove_suffix(1);
  if (cell.empty() || cell.size() > 9) return std::nullopt;
  int64_t value = 0;
  for (const char c : cell) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value > kMaxRowMinutes) return std::nullopt;
  return value;
}

// A sortable key for "MM/DD/YYYY hh:mm:ss AM|PM", "MM/DD/YYYY HH:MM[:SS]" or
// "YYYY-MM-DD HH:MM[:SS]"; nullopt for anything else.
std::optional<int64_t> TimeKey(std::string_view text) {
  const std::string t = AsciiLower(Normalise(text, false));
  int a = 0, b = 0, c = 0, hh = 0, mm = 0, ss = 0;
  char sep1 = 0, sep2 = 0;
  size_t i = 0;
  auto number = [&](int* out, size_t min_digits, size_t max_digits) {
    const size_t start = i;
    *out = 0;
    while (i < t.size() && i - start < max_digits && t[i] >= '0' && t[i] <= '9') {
      *out = *out * 10 + (t[i++] - '0');
    }
    return i - start >= min_digits;
  };
  auto expect = [&](char ch) {
    if (i < t.size() && t[i] == ch) {
      ++i;
      return true;
    }
    return false;
  };
  if (!number(&a, 1, 4)) return std::nullopt;
  if (i < t.size() && (t[i] == '/' || t[i] == '-')) sep1 = t[i++];
  if (!number(&b, 1, 2)) return std::nullopt;
  if (i < t.size() && (t[i] == '/' || t[i] == '-')) sep2 = t[i++];
  if (sep1 == 0 || sep1 != sep2 || !number(&c, 1, 4)) return std::nullopt;
  int year, month, day;
  if (sep1 == '/') {
    month = a, day = b, year = c;
  } else {
    year = a, month = b, day = c;
  }
  if (!expect(' ') || !number(&hh, 1, 2) || !expect(':') || !number(&mm, 2, 2)) return std::nullopt;
  if (expect(':') && !number(&ss, 2, 2)) return std::nullopt;
  const std::string_view rest = std::string_view(t).substr(i);
  if (rest == " am" || rest == " pm") {
    if (hh < 1 || hh > 12) return std::nullopt;
    hh = hh % 12 + (rest == " pm" ? 12 : 0);
  } else if (!rest.empty()) {
    return std::nullopt;
  }
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > 31 || hh > 23 || mm > 59 ||
      ss > 60) {
    return std::nullopt;
  }
  return ((((int64_t{year} * 100 + month) * 100 + day) * 100 + hh) * 100 + mm) * 100 + ss;
}

struct Merged {
  Attendee attendee;
  std::optional<int64_t> join_key;
  std::optional<int64_t> leave_key;
  int64_t minutes = 0;
};

class Warnings {
 public:
  explicit Warnings(std::vector<std::string>* out) : out_(out) {}
  void Add(size_t line, const std::string& text) {
    if (out_->size() < kMaxWarnings) {
      out_->push_back("line " + std::to_string(line) + ": " + text);
    } else {
      ++dropped_;
    }
  }
  void Finish() {
    if (dropped_ > 0) out_->push_back(std::to_string(dropped_) + " more warnings not shown");
  }

 private:
  std::vector<std::string>* out_;
  size_t dropped_ = 0;
};

std::string_view Cell(const Record& record, size_t index) {
  return index < record.cells.size() ? std::string_view(record.cells[index]) : std::string_view();
}

}  // namespace

Result<AttendanceImport> ParseAttendanceCsv(std::string_view csv, size_t max_rows) {
  if (csv.starts_with("\xEF\xBB\xBF")) csv.remove_prefix(3);
  if (const size_t bad = FindInvalidUtf8(csv); bad != std::string_view::npos) {
    size_t line = 1;
    for (size_t i = 0; i < bad; ++i) line += csv[i] == '\n';
    return FileError("line " + std::to_string(line) +
                     ": not valid UTF-8 (export the report as UTF-8 CSV)");
  }

  CsvReader reader(csv);
  Record record;
  std::optional<Error> error;
  Columns columns;
  bool have_header = false;
  for (size_t seen = 0; seen < kMaxHeaderSearchLines && reader.Next(&record, &error); ++seen) {
    if (FindColumns(record, &columns)) {
      have_header = true;
      break;
    }
  }
  if (error) return *error;
  if (!have_header) {
    return FileError(
        "no Zoom participant header (expected a line with \"Name (Original Name)\" and "
        "\"Duration (Minutes)\" columns within the first " +
        std::to_string(kMaxHeaderSearchLines) + " lines)");
  }
  const size_t needed = std::max(columns.name, columns.duration) + 1;

  AttendanceImport result;
  Warnings warnings(&result.warnings);
  std::vector<Merged> merged;
  std::unordered_map<std::string, size_t> index_by_key;
  while (reader.Next(&record, &error)) {
    if (IsBlank(record)) continue;
    if (static_cast<size_t>(result.rows) >= max_rows ||
        result.rows == std::numeric_limits<int>::max()) {
      return Error{Code::kTooLarge,
                   "file: more than " + std::to_string(max_rows) + " participant rows", "file"};
    }
    ++result.rows;
    const std::string line = "line " + std::to_string(record.line);
    if (record.cells.size() < needed) {
      return FileError(line + ": " + std::to_string(record.cells.size()) +
                       " columns; the header needs at least " + std::to_string(needed));
    }
    const std::string_view duration_cell = Cell(record, columns.duration);
    const std::optional<int64_t> minutes = ParseMinutes(duration_cell);
    if (!minutes) {
      return FileError(line + ": duration " + Quoted(duration_cell) +
                       " is not a whole number of minutes (0 to " + std::to_string(kMaxRowMinutes) +
                       ")");
    }

    std::string name = DisplayName(Cell(record, columns.name));
    std::string email = Normalise(Cell(record, columns.email), false);
    if (!email.empty() &&
        (email.find('@') == std::string::npos || email.find(' ') != std::string::npos)) {
      warnings.Add(record.line, "ignored e-mail " + Quoted(email) + " (not an address)");
      email.clear();
    }
    if (name.empty() && email.empty()) {
      warnings.Add(record.line, "skipped a row with neither name nor e-mail");
      continue;
    }
    if (name.empty()) name = email;

    bool guest = false;
    const std::string guest_text = AsciiLower(Normalise(Cell(record, columns.guest), false));
    if (guest_text == "yes" || guest_text == "true" || guest_text == "1") {
      guest = true;
    } else if (!(guest_text.empty() || guest_text == "no" || guest_text == "false" ||
                 guest_text == "0")) {
      warnings.Add(record.line, "guest value " + Quoted(guest_text) + " read as \"No\"");
    }

    const std::string key =
        email.empty() ? "name:" + Normalise(name, true) : "email:" + AsciiLower(email);
    auto [it, inserted] = index_by_key.emplace(key, merged.size());
    if (inserted) {
      Merged m;
      m.attendee.name = std::move(name);
      m.attendee.email = std::move(email);
      m.attendee.guest = true;
      merged.push_back(std::move(m));
    }
    Merged& m = merged[it->second];
    m.minutes += *minutes;
    if (m.minutes > std::numeric_limits<int>::max()) {
      return FileError(line + ": total minutes for " + Quoted(m.attendee.name) + " overflow");
    }
    m.attendee.minutes = static_cast<int>(m.minutes);
    ++m.attendee.joins;
    m.attendee.guest = m.attendee.guest && guest;

    const std::string join = Normalise(Cell(record, columns.join), false);
    const std::optional<int64_t> join_key = TimeKey(join);
    if (!join.empty() &&
        (m.attendee.first_join.empty() || (join_key && m.join_key && *join_key < *m.join_key))) {
      m.attendee.first_join = join;
      m.join_key = join_key;
    }
    const std::string leave = Normalise(Cell(record, columns.leave), false);
    const std::optional<int64_t> leave_key = TimeKey(leave);
    if (!leave.empty() && (m.attendee.last_leave.empty() || !leave_key || !m.leave_key ||
                           *leave_key >= *m.leave_key)) {
      m.attendee.last_leave = leave;
      m.leave_key = leave_key;
    }
  }
  if (error) return *error;
  if (result.rows == 0) result.warnings.push_back("the report has no participant rows");
  warnings.Finish();
  result.attendees.reserve(merged.size());
  for (Merged& m : merged) result.attendees.push_back(std::move(m.attendee));
  return result;
}

}  // namespace plenary::meetings

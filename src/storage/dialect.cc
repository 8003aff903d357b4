// Translation of Plenary's SQL (SQLite's spelling) into PostgreSQL's; see dialect.h.
#include "storage/dialect.h"
#include "storage/postgres.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

namespace plenary::storage {

namespace {

bool IsWordStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// The word starting at `i` (after spaces), or "" when none.
std::string_view WordAt(std::string_view s, std::size_t i) {
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  std::size_t j = i;
  while (j < s.size() && IsWordChar(s[j])) ++j;
  return s.substr(i, j - i);
}

// Index just past the word `w` found by WordAt from `i`.
std::size_t After(std::string_view s, std::size_t i, std::string_view w) {
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return i + w.size();
}

// Whether the call whose "(" is at `open` has more than one argument (a comma outside nested
// parentheses and strings before its ")").
bool HasSeveralArguments(std::string_view s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\'') {
      std::size_t j = s.find('\'', i + 1);
      if (j == std::string_view::npos) return false;
      i = j;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth == 0) return false;
    } else if (c == ',' && depth == 1) {
      return true;
    }
  }
  return false;
}

// The index of the ")" closing the "(" at `open`, or npos.
std::size_t MatchingParen(std::string_view s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    if (s[i] == '\'') {
      i = s.find('\'', i + 1);
      if (i == std::string_view::npos) return i;
    } else if (s[i] == '(') {
      ++depth;
    } else if (s[i] == ')' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

}  // namespace

Dialect DialectOf(std::string_view spec) {
  if (spec.starts_with("postgresql://") || spec.starts_with("postgres://"))
    return Dialect::kPostgres;
  // libpq keyword/value form: starts with `keyword=`.
  std::size_t i = 0;
  while (i < spec.size() && std::isspace(static_cast<unsigned char>(spec[i]))) ++i;
  std::size_t j = i;
  while (j < spec.size() && IsWordChar(spec[j])) ++j;
  std::size_t k = j;
  while (k < spec.size() && spec[k] == ' ') ++k;
  if (j > i && k < spec.size() && spec[k] == '=') return Dialect::kPostgres;
  return Dialect::kSqlite;
}

std::string SqlitePath(std::string_view spec) {
  if (spec.starts_with("sqlite:")) spec.remove_prefix(7);
  return std::string(spec);
}

std::string ToPostgres(std::string_view s, int* params) {
  std::string out;
  out.reserve(s.size() + 16);
  int next = 0, highest = 0;
  // What to write instead of the ")" at a given index (calls rewritten around their arguments).
  std::map<std::size_t, std::string> close_with;
  std::size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\'' || c == '"') {  // string or quoted name; a doubled quote stays inside
      std::size_t j = i + 1;
      for (;;) {
        if (j >= s.size()) break;
        if (s[j] == c) {
          if (j + 1 < s.size() && s[j + 1] == c) {
            j += 2;
            continue;
          }
          break;
        }
        ++j;
      }
      j = std::min(j + 1, s.size());
      out.append(s.substr(i, j - i));
      i = j;
    } else if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
      std::size_t j = s.find('\n', i);
      if (j == std::string_view::npos) j = s.size();
      out.append(s.substr(i, j - i));
      i = j;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      std::size_t j = s.find("*/", i + 2);
      j = j == std::string_view::npos ? s.size() : j + 2;
      out.append(s.substr(i, j - i));
      i = j;
    } else if (c == '$' && i + 1 < s.size() && (s[i + 1] == '$' || IsWordStart(s[i + 1]))) {
      // A dollar-quoted body ($$…$$, $tag$…$tag$) of a PostgreSQL-only block: copied as is.
      std::size_t t = i + 1;
      while (t < s.size() && IsWordChar(s[t])) ++t;
      if (t < s.size() && s[t] == '$') {
        std::string_view tag = s.substr(i, t + 1 - i);
        std::size_t end = s.find(tag, t + 1);
        end = end == std::string_view::npos ? s.size() : end + tag.size();
        out.append(s.substr(i, end - i));
        i = end;
      } else {
        out += c;
        ++i;
      }
    } else if (c == ')' && close_with.contains(i)) {
      out += close_with[i];
      ++i;
    } else if (c == '?') {
      std::size_t j = i + 1;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      int n = j > i + 1 ? std::stoi(std::string(s.substr(i + 1, j - i - 1))) : ++next;
      highest = std::max(highest, n);
      out += fmt::format("${}", n);
      i = j;
    } else if (IsWordStart(c) && (i == 0 || !IsWordChar(s[i - 1]))) {
      std::size_t j = i;
      while (j < s.size() && IsWordChar(s[j])) ++j;
      std::string_view w = s.substr(i, j - i);
      bool call = j < s.size() && s[j] == '(';
      if (EqualsNoCase(w, "INTEGER")) {
        std::string_view w1 = WordAt(s, j);
        std::size_t j1 = After(s, j, w1);
        std::string_view w2 = WordAt(s, j1);
        if (EqualsNoCase(w1, "PRIMARY") && EqualsNoCase(w2, "KEY")) {
          out += "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
          j = After(s, j1, w2);
        } else {
          out += "BIGINT";
        }
      } else if (EqualsNoCase(w, "BLOB")) {
        out += "BYTEA";
      } else if (EqualsNoCase(w, "REAL")) {
        out += "DOUBLE PRECISION";
      } else if (call && EqualsNoCase(w, "unixepoch") && s.substr(j).starts_with("()")) {
        out += "CAST(EXTRACT(EPOCH FROM now()) AS BIGINT)";
        j += 2;
      } else if (call && EqualsNoCase(w, "randomblob")) {
        // gen_random_uuid() draws from the server's strong random source (122 random bits
        // each); two give 32 bytes, substring() trims to the size asked for.
        std::size_t close = s.find(')', j);
        if (close == std::string_view::npos) throw std::invalid_argument("randomblob(: no )");
        int n = std::stoi(std::string(s.substr(j + 1, close - j - 1)));
        if (n < 1 || n > 32) throw std::invalid_argument("randomblob(N): N must be 1..32");
        out += fmt::format(
            "substring(decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', "
            "''), 'hex') from 1 for {})",
            n);
        j = close + 1;
      } else if (call && EqualsNoCase(w, "json_group_array") &&
                 MatchingParen(s, j) != std::string_view::npos) {
        // SQLite gives [] for no rows, PostgreSQL's json_agg NULL.
        close_with[MatchingParen(s, j)] = "), '[]'::json)";
        out += "coalesce(json_agg(";
        ++j;
      } else if (call && EqualsNoCase(w, "json") && MatchingParen(s, j) != std::string_view::npos) {
        close_with[MatchingParen(s, j)] = ") AS json)";
        out += "CAST((";
        ++j;
      } else if (call && EqualsNoCase(w, "group_concat")) {
        out += "string_agg";
      } else if (call && (EqualsNoCase(w, "max") || EqualsNoCase(w, "min")) &&
                 HasSeveralArguments(s, j)) {
        // SQLite's scalar max(a, b) and min(a, b); with one argument they are aggregates in both.
        out += EqualsNoCase(w, "max") ? "greatest" : "least";
      } else if (call && EqualsNoCase(w, "char")) {
        out += "chr";
      } else if (EqualsNoCase(w, "BEGIN") && EqualsNoCase(WordAt(s, j), "IMMEDIATE")) {
        out += "BEGIN";
        j = After(s, j, WordAt(s, j));
      } else {
        out.append(w);
      }
      i = j;
    } else {
      out += c;
      ++i;
    }
  }
  if (params) *params = highest;
  return out;
}

std::string ForDialect(std::string_view migration, Dialect dialect) {
  std::string out;
  out.reserve(migration.size());
  enum { kBoth, kSqliteOnly, kPostgresOnly } block = kBoth;
  std::size_t i = 0;
  while (i < migration.size()) {
    std::size_t end = migration.find('\n', i);
    end = end == std::string_view::npos ? migration.size() : end + 1;
    std::string_view line = migration.substr(i, end - i);
    i = end;
    if (line.starts_with("-- dialect: ")) {
      std::string_view which = WordAt(line, 12);
      if (which == "sqlite") block = kSqliteOnly;
      else if (which == "postgresql") block = kPostgresOnly;
      else if (which == "both") block = kBoth;
      else throw std::invalid_argument(fmt::format("unknown dialect marker: {}", line));
      out += '\n';
      continue;
    }
    bool keep = block == kBoth || (block == kSqliteOnly && dialect == Dialect::kSqlite) ||
                (block == kPostgresOnly && dialect == Dialect::kPostgres);
    if (keep)
      out.append(line);
    else
      out += '\n';
  }
  return out;
}

std::string WrittenTable(std::string_view sql) {
  std::size_t i = 0;
  auto next = [&]() {
    std::string_view w = WordAt(sql, i);
    i = After(sql, i, w);
    return w;
  };
  std::string_view verb = next();
  std::string_view w = next();
  if (EqualsNoCase(verb, "INSERT") || EqualsNoCase(verb, "UPDATE")) {
    if (EqualsNoCase(w, "OR")) {
      next();  // REPLACE, IGNORE, …
      w = next();
    }
    if (EqualsNoCase(verb, "INSERT")) {
      if (!EqualsNoCase(w, "INTO")) return "";
      w = next();
    }
    return std::string(w);
  }
  if (EqualsNoCase(verb, "DELETE") && EqualsNoCase(w, "FROM")) return std::string(next());
  return "";
}

std::vector<std::string> WrittenTables(std::string_view sql) {
  // A part that reads only writes nothing; any other part that names no table: cannot tell.
  auto part_tables = [](std::string_view part, std::vector<std::string>& out) {
    std::string t = WrittenTable(part);
    if (t.empty()) return EqualsNoCase(WordAt(part, 0), "SELECT");
    out.push_back(std::move(t));
    return true;
  };
  std::vector<std::string> tables;
  if (!EqualsNoCase(WordAt(sql, 0), "WITH")) {
    if (!part_tables(sql, tables)) return {""};
    return tables;
  }
  std::size_t i = After(sql, 0, WordAt(sql, 0));
  // WITH name AS (part), name AS (part) … main
  for (;;) {
    std::string_view name = WordAt(sql, i);
    i = After(sql, i, name);
    std::string_view as = WordAt(sql, i);
    i = After(sql, i, as);
    while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i]))) ++i;
    if (name.empty() || !EqualsNoCase(as, "AS") || i >= sql.size() || sql[i] != '(') return {""};
    // The part's closing parenthesis (outside nested ones and strings).
    std::size_t open = i, depth = 0;
    bool quoted = false;
    for (; i < sql.size(); ++i) {
      char ch = sql[i];
      if (ch == '\'') quoted = !quoted;
      if (quoted) continue;
      if (ch == '(') ++depth;
      if (ch == ')' && --depth == 0) break;
    }
    if (i >= sql.size()) return {""};
    if (!part_tables(sql.substr(open + 1, i - open - 1), tables)) return {""};
    ++i;
    while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i]))) ++i;
    if (i < sql.size() && sql[i] == ',') {
      ++i;
      continue;
    }
    if (!part_tables(sql.substr(i), tables)) return {""};
    return tables;
  }
}

bool IsTransactionControl(std::string_view sql) {
  // Every statement of the script (the writer joins those between two jobs, "RELEASE job;
  // SAVEPOINT job") is transaction control or the writer's own "SELECT pg_current_xact_id()".
  bool any = false;
  while (!sql.empty()) {
    std::size_t semicolon = sql.find(';');
    std::string_view part = sql.substr(0, semicolon);
    sql = semicolon == std::string_view::npos ? std::string_view() : sql.substr(semicolon + 1);
    std::size_t first = part.find_first_not_of(" \t\n");
    if (first == std::string_view::npos) continue;
    part = part.substr(first);
    while (!part.empty() && (part.back() == ' ' || part.back() == '\t' || part.back() == '\n'))
      part.remove_suffix(1);
    std::string_view verb = WordAt(part, 0);
    bool control = part == "SELECT pg_current_xact_id()";
    for (std::string_view k : {"BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "END"})
      control = control || EqualsNoCase(verb, k);
    if (!control) return false;
    any = true;
  }
  return any;
}

}  // namespace plenary::storage

// Writing audit entries.
#include "audit/audit.h"

#include "base/csv.h"
#include "base/time.h"

namespace plenary::audit {

void Record(storage::Connection& c, std::optional<std::int64_t> user_id, const std::string& action,
            const std::string& object_type, std::optional<std::int64_t> object_id,
            const std::optional<std::string>& before, const std::optional<std::string>& after) {
  c.Exec("INSERT INTO audit_log(at, user_id, action, object_type, object_id, before, after) "
         "VALUES(?,?,?,?,?,?,?)",
         Now(), user_id, action, object_type, object_id, before, after);
}

namespace {
constexpr char kSelect[] =
    "SELECT a.id, a.at, a.user_id, coalesce(u.email, ''), a.action, a.object_type, a.object_id, "
    "a.before, a.after FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ";

Entry Row(storage::Stmt& s) {
  return {s.Int(0),     s.Int(1),    s.OptInt(2),  s.Text(3),   s.Text(4),
          s.Text(5),    s.OptInt(6), s.OptText(7), s.OptText(8)};
}
}  // namespace

std::vector<Entry> List(storage::Database& db, int limit, std::optional<std::int64_t> before_id) {
  std::vector<Entry> out;
  storage::Stmt s(db.Read(), std::string(kSelect) +
                                 "WHERE (?1 IS NULL OR a.id < ?1) ORDER BY a.id DESC LIMIT ?2");
  s.BindAll(before_id, static_cast<std::int64_t>(limit));
  while (s.Step()) out.push_back(Row(s));
  return out;
}

std::string Csv(storage::Database& db) {
  std::string out = "id,at,user,action,object_type,object_id,before,after\r\n";
  storage::Stmt s(db.Read(), std::string(kSelect) + "ORDER BY a.id");
  while (s.Step()) {
    Entry e = Row(s);
    out += std::to_string(e.id) + "," + FormatIso(e.at) + "," + CsvField(e.user_email) + "," +
           CsvField(e.action) + "," + CsvField(e.object_type) + "," +
           (e.object_id ? std::to_string(*e.object_id) : "") + "," +
           CsvField(e.before.value_or("")) + "," + CsvField(e.after.value_or("")) + "\r\n";
  }
  return out;
}

}  // namespace plenary::audit

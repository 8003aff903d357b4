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
    "SELECT a.id, a.at, a.user_id, a.action, a.object_type, a.object_id, a.before, a.after "
    "FROM audit_log a ";

Entry Row(storage::Connection& c, storage::Stmt& s, const EmailOf& email_of) {
  Entry e{s.Int(0), s.Int(1), s.OptInt(2), "", s.Text(3), s.Text(4), s.OptInt(5), s.OptText(6),
          s.OptText(7)};
  if (e.user_id) e.user_email = email_of(c, *e.user_id);
  return e;
}
}  // namespace

std::vector<Entry> List(storage::Database& db, const EmailOf& email_of, int limit,
                        std::optional<std::int64_t> before_id) {
  std::vector<Entry> out;
  storage::Connection& c = db.Read();
  storage::Stmt s(c, std::string(kSelect) +
                                 "WHERE (?1 IS NULL OR a.id < ?1) ORDER BY a.id DESC LIMIT ?2");
  s.BindAll(before_id, static_cast<std::int64_t>(limit));
  while (s.Step()) out.push_back(Row(c, s, email_of));
  return out;
}

std::string Csv(storage::Database& db, const EmailOf& email_of) {
  std::string out = "id,at,user,action,object_type,object_id,before,after\r\n";
  storage::Connection& c = db.Read();
  storage::Stmt s(c, std::string(kSelect) + "ORDER BY a.id");
  while (s.Step()) {
    Entry e = Row(c, s, email_of);
    out += std::to_string(e.id) + "," + FormatIso(e.at) + "," + CsvField(e.user_email) + "," +
           CsvField(e.action) + "," + CsvField(e.object_type) + "," +
           (e.object_id ? std::to_string(*e.object_id) : "") + "," +
           CsvField(e.before.value_or("")) + "," + CsvField(e.after.value_or("")) + "\r\n";
  }
  return out;
}

}  // namespace plenary::audit

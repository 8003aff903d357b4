// The search documents of meetings, contributions and actions (see sources.h).
#include "meetings/sources.h"

#include <fmt/format.h>

namespace plenary::meetings {

using search::Doc;
using search::ParseOrNull;
using search::VersionText;
using storage::Stmt;

std::vector<Doc> MeetingDocs(storage::Connection& c, std::int64_t id) {
  std::vector<Doc> docs;
  Stmt s(c, "SELECT body_id, starts_on, title, place FROM meetings WHERE id = ?");
  s.BindAll(id);
  if (s.Step()) {
    auto place = ParseOrNull(s.Text(3));
    for (const auto& [lang, t] : search::Versions(ParseOrNull(s.Text(2))))
      docs.push_back({lang, std::nullopt, s.Int(0), s.Text(1), fmt::format("/meetings/{}", id), t,
                      VersionText(place, lang)});
  }
  return docs;
}

std::vector<Doc> ContributionDocs(storage::Connection& c, std::int64_t id) {
  std::vector<Doc> docs;
  Stmt s(c,
         "SELECT m.body_id, m.starts_on, k.meeting_id, k.symbol, k.title, k.source "
         "FROM contributions k JOIN meetings m ON m.id = k.meeting_id WHERE k.id = ?");
  s.BindAll(id);
  if (s.Step()) {
    auto source = ParseOrNull(s.Text(5));
    for (const auto& [lang, t] : search::Versions(ParseOrNull(s.Text(4))))
      docs.push_back({lang, std::nullopt, s.Int(0), s.Text(1),
                      fmt::format("/meetings/{}", s.Int(2)), s.Text(3) + " " + t,
                      VersionText(source, lang)});
  }
  return docs;
}

std::vector<Doc> ActionDocs(storage::Connection& c, std::int64_t id) {
  std::vector<Doc> docs;
  Stmt s(c,
         "SELECT m.body_id, m.starts_on, a.meeting_id, a.consultation_id, a.number, a.owner, "
         "a.text FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = ?");
  s.BindAll(id);
  if (s.Step()) {
    auto owner = ParseOrNull(s.Text(5));
    for (const auto& [lang, t] : search::Versions(ParseOrNull(s.Text(6))))
      docs.push_back({lang, s.OptInt(3), s.Int(0), s.Text(1), fmt::format("/actions/{}", id),
                      s.Text(4) + " " + VersionText(owner, lang), t});
  }
  return docs;
}

}  // namespace plenary::meetings

// The search documents and citing records of proceedings (see sources.h).
#include "proceedings/sources.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "meetings/meetings.h"
#include "site/fields.h"

namespace plenary::proceedings {

namespace json = boost::json;
using search::Doc;
using search::ParseOrNull;
using storage::Stmt;

std::vector<Doc> AgendaItemDocs(storage::Connection& c, std::int64_t id) {
  std::vector<Doc> docs;
  Stmt s(c, "SELECT m.body_id, m.starts_on, i.meeting_id, i.number, i.title FROM agenda_items i "
            "JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ?");
  s.BindAll(id);
  if (s.Step()) {
    std::vector<json::value> paragraphs;
    Stmt p(c, "SELECT summary FROM interventions WHERE agenda_item_id = ?1 UNION ALL "
              "SELECT wording FROM decisions WHERE agenda_item_id = ?1");
    p.BindAll(id);
    while (p.Step()) paragraphs.push_back(ParseOrNull(p.Text(0)));
    for (const auto& [lang, t] : search::Versions(ParseOrNull(s.Text(4)))) {
      std::string body;
      for (const auto& v : paragraphs) body += search::VersionText(v, lang) + "\n";
      docs.push_back({lang, std::nullopt, s.Int(0), s.Text(1),
                      fmt::format("/meetings/{}/record#item-{}", s.Int(2), s.Text(3)),
                      s.Text(3) + " " + t, body});
    }
  }
  return docs;
}

namespace {
// Sorts records by their keys (the order of the record) and drops the keys.
template <typename Key>
std::vector<documents::Citing> InOrder(std::vector<std::pair<Key, documents::Citing>> found) {
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<documents::Citing> out;
  for (auto& [key, ci] : found) out.push_back(std::move(ci));
  return out;
}
}  // namespace

std::vector<documents::Citing> CitingActions(storage::Connection& c,
                                             const std::vector<std::int64_t>& ids) {
  using Key = std::tuple<std::string, std::int64_t, std::string, std::int64_t>;
  std::vector<std::pair<Key, documents::Citing>> found;
  for (std::int64_t id : ids) {
    Stmt s(c, fmt::format("SELECT a.id, a.number, a.text, {}, m.starts_on, a.meeting_id "
                          "FROM actions a JOIN meetings m ON m.id = a.meeting_id "
                          "JOIN bodies b ON b.id = m.body_id WHERE a.id = ?",
                          meetings::kLabelColumns));
    s.BindAll(id);
    if (!s.Step()) continue;
    documents::Citing ci;
    ci.kind = "action";
    ci.id = s.Int(0);
    ci.label = s.Text(1);
    ci.title = site::ParseJson(s.Text(2));
    ci.meeting = meetings::LabelFromRow(s, 3);
    ci.url = fmt::format("/actions/{}", ci.id);
    found.emplace_back(Key{s.Text(11), s.Int(12), ci.label, ci.id}, std::move(ci));
  }
  return InOrder(std::move(found));
}

std::vector<documents::Citing> CitingAgendaItems(storage::Connection& c,
                                                 const std::vector<std::int64_t>& ids) {
  using Key = std::tuple<std::string, std::int64_t, std::int64_t, std::int64_t>;
  std::vector<std::pair<Key, documents::Citing>> found;
  for (std::int64_t id : ids) {
    Stmt s(c, fmt::format("SELECT i.id, i.number, i.title, {}, m.starts_on, i.meeting_id, "
                          "i.position FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id "
                          "JOIN bodies b ON b.id = m.body_id WHERE i.id = ?",
                          meetings::kLabelColumns));
    s.BindAll(id);
    if (!s.Step()) continue;
    documents::Citing ci;
    ci.kind = "agenda_item";
    ci.id = s.Int(0);
    ci.label = s.Text(1);
    ci.title = site::ParseJson(s.Text(2));
    ci.meeting = meetings::LabelFromRow(s, 3);
    ci.url = fmt::format("/meetings/{}/record#item-{}", ci.meeting.id, ci.label);
    found.emplace_back(Key{s.Text(11), s.Int(12), s.Int(13), ci.id}, std::move(ci));
  }
  return InOrder(std::move(found));
}

void RecordItemCitations(storage::Connection& c, std::int64_t id) {
  std::vector<json::value> texts;
  {
    Stmt s(c, "SELECT title FROM agenda_items WHERE id = ?");
    s.BindAll(id);
    if (!s.Step()) return;
    texts.push_back(site::ParseJson(s.Text(0)));
  }
  for (const char* sql : {"SELECT summary FROM interventions WHERE agenda_item_id = ? ORDER BY id",
                          "SELECT wording FROM decisions WHERE agenda_item_id = ? ORDER BY id"}) {
    Stmt s(c, sql);
    s.BindAll(id);
    while (s.Step())
      if (!s.IsNull(0)) texts.push_back(site::ParseJson(s.Text(0)));
  }
  std::vector<const json::value*> fields;
  for (const auto& t : texts) fields.push_back(&t);
  documents::RecordCitationsOf(c, "agenda_item", id, fields);
}

}  // namespace plenary::proceedings

// The search documents and citing records of proceedings (see sources.h).
#include "proceedings/sources.h"

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

std::vector<documents::Citing> CitingActions(storage::Connection& c,
                                             const documents::CitationMatch& match) {
  std::vector<documents::Citing> out;
  Stmt s(c, fmt::format("SELECT a.id, a.number, a.text, {} FROM actions a "
                        "JOIN meetings m ON m.id = a.meeting_id JOIN bodies b ON b.id = m.body_id "
                        "ORDER BY m.starts_on, a.meeting_id, a.number, a.id",
                        meetings::kLabelColumns));
  while (s.Step()) {
    json::value text = site::ParseJson(s.Text(2));
    json::object found = documents::CitationsIn({&text}, match);
    if (found.empty()) continue;
    documents::Citing ci;
    ci.kind = "action";
    ci.id = s.Int(0);
    ci.label = s.Text(1);
    ci.title = text;
    ci.meeting = meetings::LabelFromRow(s, 3);
    ci.url = fmt::format("/actions/{}", ci.id);
    ci.texts = found;
    out.push_back(std::move(ci));
  }
  return out;
}

std::vector<documents::Citing> CitingAgendaItems(storage::Connection& c,
                                                 const documents::CitationMatch& match) {
  std::vector<documents::Citing> out;
  Stmt s(c, fmt::format("SELECT i.id, i.number, i.title, {}, "
                        "(SELECT json_group_array(json(summary)) FROM interventions "
                        " WHERE agenda_item_id = i.id), "
                        "(SELECT json_group_array(json(wording)) FROM decisions "
                        " WHERE agenda_item_id = i.id) "
                        "FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id "
                        "JOIN bodies b ON b.id = m.body_id "
                        "ORDER BY m.starts_on, i.meeting_id, i.position, i.id",
                        meetings::kLabelColumns));
  while (s.Step()) {
    json::value title = site::ParseJson(s.Text(2));
    std::vector<json::value> texts;
    for (int col : {11, 12}) {
      json::value list = site::ParseJson(s.Text(col));
      if (list.is_array())
        for (const auto& v : list.as_array()) texts.push_back(v);
    }
    std::vector<const json::value*> fields = {&title};
    for (const auto& t : texts) fields.push_back(&t);
    json::object found = documents::CitationsIn(fields, match);
    if (found.empty()) continue;
    documents::Citing ci;
    ci.kind = "agenda_item";
    ci.id = s.Int(0);
    ci.label = s.Text(1);
    ci.title = title;
    ci.meeting = meetings::LabelFromRow(s, 3);
    ci.url = fmt::format("/meetings/{}/record#item-{}", ci.meeting.id, ci.label);
    ci.texts = found;
    out.push_back(std::move(ci));
  }
  return out;
}

}  // namespace plenary::proceedings

// The proceedings' texts edited with their states (texts.h). Each store writes the text where
// its owner keeps it and what follows from it: the item's search entry and citations, the
// action's (its row is meetings', written through meetings::SetActionText).
#include "proceedings/texts.h"

#include <fmt/format.h>

#include "documents/documents.h"
#include "meetings/desk.h"
#include "meetings/meetings.h"
#include "proceedings/proceedings.h"
#include "proceedings/sources.h"
#include "proceedings/states.h"
#include "search/search.h"
#include "site/fields.h"
#include "text/messages.h"

namespace plenary::proceedings {

namespace json = boost::json;
using text::T;

namespace {

// "Council 2022, item 3" for an item of a meeting the reader may see.
Result<std::string> ItemLabel(storage::Database& db, const AgendaItem& it,
                              const std::string& lang) {
  auto m = meetings::GetMeeting(db, std::to_string(it.meeting_id));
  if (!m.ok()) return m.error();
  return T(lang, "translations_item_label",
           {{"meeting", meetings::MeetingLabel(lang, *m)}, {"number", it.number}});
}
std::string ItemPage(const AgendaItem& it) {
  return fmt::format("/meetings/{}/agenda#item-{}", it.meeting_id, it.number);
}

// The one stored text of a record: `sql` selects it by id.
Result<std::map<std::string, json::value>> OneText(storage::Connection& c, const char* sql,
                                                   std::int64_t id, const std::string& field,
                                                   const std::string& what) {
  storage::Stmt s(c, sql);
  s.BindAll(id);
  if (!s.Step()) return NotFound(fmt::format("{} {}: no such {}", what, id, what));
  return std::map<std::string, json::value>{{field, site::ParseJson(s.Text(0))}};
}

}  // namespace

site::TextOwner ItemTexts() {
  site::TextOwner o;
  o.owner = "agenda_item";
  o.fields = {{"title", "field_title", 1000, true, false}};
  o.read = [](storage::Database& db, std::int64_t id, const std::string& lang,
              const std::optional<accounts::Session>& viewer) -> Result<site::OwnedTexts> {
    auto it = GetItem(db, id, viewer);
    if (!it.ok()) return it.error();
    auto label = ItemLabel(db, *it, lang);
    if (!label.ok()) return label.error();
    return site::OwnedTexts{*label, ItemPage(*it), {{"title", it->title}}, std::nullopt};
  };
  o.stored = [](storage::Connection& c, std::int64_t id) {
    return OneText(c, "SELECT title FROM agenda_items WHERE id = ?", id, "title", "agenda item");
  };
  o.store = [](storage::Connection& c, std::int64_t id,
               const std::map<std::string, json::value>& texts) {
    c.Exec("UPDATE agenda_items SET title = ? WHERE id = ?", json::serialize(texts.at("title")),
           id);
    search::Enqueue(c, "agenda_item", id);
    RecordItemCitations(c, id);
  };
  return o;
}

site::TextOwner DecisionTexts() {
  site::TextOwner o;
  o.owner = "decision";
  // Without wording, the record writes the decision from its kind.
  o.fields = {{"wording", "proc_wording", 5000, false, true}};
  o.read = [](storage::Database& db, std::int64_t id, const std::string& lang,
              const std::optional<accounts::Session>& viewer) -> Result<site::OwnedTexts> {
    auto item = db.Read().QueryInt("SELECT agenda_item_id FROM decisions WHERE id = ?", id);
    if (!item) return NotFound(fmt::format("decision {}: no such decision", id));
    auto it = GetItem(db, *item, viewer);
    if (!it.ok()) return it.error();
    auto label = ItemLabel(db, *it, lang);
    if (!label.ok()) return label.error();
    // The decision's paragraph number, as the record numbers it (after the item's paragraphs).
    for (std::size_t k = 0; k < it->decisions.size(); ++k)
      if (it->decisions[k].id == id)
        return site::OwnedTexts{
            *label + T(lang, "punct_comma") +
                T(lang, "translations_paragraph",
                  {{"number", fmt::format("{}.{}", it->number,
                                          it->interventions.size() + k + 1)}}),
            ItemPage(*it),
            {{"wording", it->decisions[k].wording}},
            std::nullopt};
    return NotFound(fmt::format("decision {}: no such decision", id));
  };
  o.stored = [](storage::Connection& c, std::int64_t id) {
    return OneText(c, "SELECT wording FROM decisions WHERE id = ?", id, "wording", "decision");
  };
  o.store = [](storage::Connection& c, std::int64_t id,
               const std::map<std::string, json::value>& texts) {
    c.Exec("UPDATE decisions SET wording = ? WHERE id = ?", json::serialize(texts.at("wording")),
           id);
    auto item = c.QueryInt("SELECT agenda_item_id FROM decisions WHERE id = ?", id);
    search::Enqueue(c, "agenda_item", *item);
    RecordItemCitations(c, *item);
  };
  return o;
}

site::TextOwner ActionTexts() {
  site::TextOwner o;
  o.owner = "action";
  o.fields = {{"text", "field_text", 5000, true, true}};
  o.read = [](storage::Database& db, std::int64_t id, const std::string& lang,
              const std::optional<accounts::Session>& viewer) -> Result<site::OwnedTexts> {
    auto a = GetAction(db, id, viewer);
    if (!a.ok()) return a.error();
    return site::OwnedTexts{
        T(lang, "translations_action_label",
          {{"meeting", meetings::MeetingLabel(lang, a->meeting)}, {"number", a->number}}),
        fmt::format("/actions/{}", a->id),
        {{"text", a->text}},
        std::nullopt};
  };
  o.stored = [](storage::Connection& c, std::int64_t id) {
    return OneText(c, "SELECT text FROM actions WHERE id = ?", id, "text", "action");
  };
  o.store = [](storage::Connection& c, std::int64_t id,
               const std::map<std::string, json::value>& texts) {
    const json::value& text = texts.at("text");
    meetings::SetActionText(c, id, text);
    search::Enqueue(c, "action", id);
    documents::RecordCitationsOf(c, "action", id, {&text});
  };
  return o;
}

site::TextOwner ParagraphTexts() {
  site::TextOwner o;
  o.owner = "intervention";
  o.fields = {{"summary", "proc_summary", 20000, true, true}};
  o.read = [](storage::Database& db, std::int64_t id, const std::string& lang,
              const std::optional<accounts::Session>& viewer) -> Result<site::OwnedTexts> {
    auto item = db.Read().QueryInt("SELECT agenda_item_id FROM interventions WHERE id = ?", id);
    if (!item) return NotFound(fmt::format("intervention {}: no such paragraph", id));
    auto it = GetItem(db, *item, viewer);
    if (!it.ok()) return it.error();
    auto label = ItemLabel(db, *it, lang);
    if (!label.ok()) return label.error();
    // The paragraph's number as the record numbers it.
    for (std::size_t k = 0; k < it->interventions.size(); ++k)
      if (it->interventions[k].id == id)
        return site::OwnedTexts{
            *label + T(lang, "punct_comma") +
                T(lang, "translations_paragraph",
                  {{"number", fmt::format("{}.{}", it->number, k + 1)}}),
            ItemPage(*it),
            {{"summary", it->interventions[k].summary}},
            std::nullopt};
    return NotFound(fmt::format("intervention {}: no such paragraph", id));
  };
  o.write = [](storage::Database& db, const accounts::Session& who, std::int64_t id,
               const json::object& body) -> Result<json::object> {
    for (const auto& [k, v] : body)
      if (k != "summary" && k != "states")
        return InvalidArgument(std::string(k),
                               std::string(k) + ": cannot be changed; only summary can");
    auto states = site::ReadStates(body, {"summary"});
    if (!states.ok()) return states.error();
    const json::value* summary = body.if_contains("summary");
    auto i = EditIntervention(db, who.user.id, id, summary ? *summary : json::value(), *states);
    if (!i.ok()) return i.error();
    const auto drafts = site::DraftsOf(db.Read(), "intervention", i->id);
    auto d = drafts.find("summary");
    return json::object{
        {"id", i->id},
        {"summary", i->summary},
        {"states", {{"summary", site::StatesJson(i->summary, d == drafts.end()
                                                                  ? std::set<std::string>()
                                                                  : d->second)}}}};
  };
  return o;
}

}  // namespace plenary::proceedings

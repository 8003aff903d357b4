// The multilingual texts of meetings edited with each language's state (site/text_edit.h): a
// meeting's title and place, through PATCH /api/v1/meetings/{id} and the desk's six-language form; a
// body's name and description, through PATCH /api/v1/bodies/{id} and the same form; and
// the action text that proceedings edits through SetActionText (actions are this module's rows).
#include "meetings/texts.h"

#include <fmt/format.h>

#include "meetings/desk.h"
#include "meetings/meetings.h"
#include "search/search.h"
#include "site/fields.h"

namespace plenary::meetings {

namespace json = boost::json;

void SetActionText(storage::Connection& c, std::int64_t id, const json::value& text) {
  c.Exec("UPDATE actions SET text = ? WHERE id = ?", json::serialize(text), id);
}

site::TextOwner MeetingTexts() {
  site::TextOwner o;
  o.owner = "meeting";
  // The place's limit and rule are those of creating a meeting (CreateMeeting).
  o.fields = {{"title", "field_title", 500, false, false},
              {"place", "field_place", kPlaceMaxChars, false, false}};
  o.read = [](storage::Database& db, std::int64_t id, const std::string& lang,
              const std::optional<accounts::Session>&) -> Result<site::OwnedTexts> {
    auto m = GetMeeting(db, std::to_string(id));
    if (!m.ok()) return m.error();
    return site::OwnedTexts{MeetingLabel(lang, *m), fmt::format("/meetings/{}", m->id),
                            {{"title", m->title}, {"place", m->place}},
                            std::nullopt};
  };
  o.stored = [](storage::Connection& c,
                std::int64_t id) -> Result<std::map<std::string, json::value>> {
    storage::Stmt s(c, "SELECT title, place FROM meetings WHERE id = ?");
    s.BindAll(id);
    if (!s.Step()) return NotFound(fmt::format("meeting {}: no such meeting", id));
    return std::map<std::string, json::value>{{"title", site::ParseJson(s.Text(0))},
                                              {"place", site::ParseJson(s.Text(1))}};
  };
  o.store = [](storage::Connection& c, std::int64_t id,
               const std::map<std::string, json::value>& texts) {
    c.Exec("UPDATE meetings SET title = ?, place = ? WHERE id = ?",
           json::serialize(texts.at("title")), json::serialize(texts.at("place")), id);
    search::Enqueue(c, "meeting", id);
  };
  return o;
}

site::TextOwner BodyTexts() {
  site::TextOwner o;
  o.owner = "body";
  // The limits and the required name are those of creating a body (CreateBody).
  o.fields = {{"name", "field_body_name", 5000, true, false},
              {"description", "field_description", 5000, false, true}};
  o.read = [](storage::Database& db, std::int64_t id, const std::string&,
              const std::optional<accounts::Session>&) -> Result<site::OwnedTexts> {
    auto b = GetBody(db, std::to_string(id));
    if (!b.ok()) return b.error();
    return site::OwnedTexts{b->acronym, fmt::format("/bodies/{}", b->key),
                            {{"name", b->name}, {"description", b->description}},
                            std::nullopt};
  };
  o.stored = [](storage::Connection& c,
                std::int64_t id) -> Result<std::map<std::string, json::value>> {
    storage::Stmt s(c, "SELECT name, description FROM bodies WHERE id = ?");
    s.BindAll(id);
    if (!s.Step()) return NotFound(fmt::format("body {}: no such body", id));
    return std::map<std::string, json::value>{{"name", site::ParseJson(s.Text(0))},
                                              {"description", site::ParseJson(s.Text(1))}};
  };
  o.store = [](storage::Connection& c, std::int64_t id,
               const std::map<std::string, json::value>& texts) {
    c.Exec("UPDATE bodies SET name = ?, description = ? WHERE id = ?",
           json::serialize(texts.at("name")), json::serialize(texts.at("description")), id);
  };
  return o;
}

}  // namespace plenary::meetings

// A document's title and summary edited with their states (texts.h), through Update: the form
// and the API's PATCH write them by the same use case.
#include "documents/texts.h"

#include <fmt/format.h>

namespace plenary::documents {

namespace json = boost::json;

json::object TextStatesJson(storage::Database& db, const Document& d) {
  const auto drafts = site::DraftsOf(db.Read(), "document", d.id);
  auto of = [&](const char* field) {
    auto it = drafts.find(field);
    return it == drafts.end() ? std::set<std::string>() : it->second;
  };
  return json::object{{"title", site::StatesJson(d.title, of("title"))},
                      {"summary", site::StatesJson(d.summary, of("summary"))}};
}

site::TextOwner DocumentTexts() {
  site::TextOwner o;
  o.owner = "document";
  o.fields = {{"title", "field_title", 500, true, false},
              {"summary", "doc_summary", 5000, false, true}};
  o.read = [](storage::Database& db, std::int64_t id, const std::string&,
              const std::optional<accounts::Session>& viewer) -> Result<site::OwnedTexts> {
    auto d = Get(db, std::to_string(id), viewer);
    if (!d.ok()) return d.error();
    return site::OwnedTexts{d->symbol, "/documents/" + d->symbol,
                            {{"title", d->title}, {"summary", d->summary}},
                            std::nullopt};
  };
  o.write = [](storage::Database& db, const accounts::Session& who, std::int64_t id,
               const json::object& body) -> Result<json::object> {
    DocumentPatch patch;
    for (const auto& [k, v] : body) {
      if (k == "title") patch.title = v;
      else if (k == "summary") patch.summary = v;
      else if (k != "states")
        return InvalidArgument(std::string(k),
                               std::string(k) + ": not a multilingual field of this record");
    }
    auto states = site::ReadStates(body, {"title", "summary"});
    if (!states.ok()) return states.error();
    patch.states = std::move(*states);
    auto d = Update(db, who.user.id, std::to_string(id), patch);
    if (!d.ok()) return d.error();
    return json::object{{"id", d->id},
                        {"title", d->title},
                        {"summary", d->summary},
                        {"states", TextStatesJson(db, *d)}};
  };
  return o;
}

}  // namespace plenary::documents

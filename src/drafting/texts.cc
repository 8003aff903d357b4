// A negotiated text's title edited with its states (texts.h).
#include "drafting/texts.h"

#include <fmt/format.h>

#include "drafting/drafting.h"
#include "site/site.h"

namespace plenary::drafting {

site::TextOwner TitleTexts() {
  site::TextOwner o;
  o.owner = "text";
  o.fields = {{"title", "field_title", 1000, true, false}};
  o.read = [](storage::Database& db, std::int64_t id, const std::string& lang,
              const std::optional<accounts::Session>& viewer) -> Result<site::OwnedTexts> {
    auto t = Get(db, id, viewer);
    if (!t.ok()) return t.error();
    return site::OwnedTexts{fmt::format("{} — {}", t->document, site::Pick(t->title, lang).text),
                            fmt::format("/texts/{}", t->id),
                            {{"title", t->title}}};
  };
  o.write = [](storage::Database& db, const accounts::Session& who, std::int64_t id,
               const boost::json::object& body) { return EditTitle(db, who, id, body); };
  return o;
}

}  // namespace plenary::drafting

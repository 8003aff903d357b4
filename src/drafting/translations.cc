// The negotiated texts for the "translations needed" page (translations.h): one row per text,
// its title and each provision (labelled by its number), linking to the text's page.
#include "drafting/translations.h"

#include <fmt/format.h>

#include "drafting/drafting.h"
#include "site/site.h"
#include "text/messages.h"

namespace plenary::drafting {

using text::T;

std::vector<site::TranslationGroup> TranslationGroups(
    storage::Database& db, const std::string& lang,
    const std::optional<accounts::Session>& viewer) {
  site::TranslationGroup texts{T(lang, "translations_texts"), {}};
  auto list = List(db, {}, viewer);
  if (!list.ok()) return {};
  const auto text_drafts = site::AllDrafts(db.Read(), "text");
  const auto provision_drafts = site::AllDrafts(db.Read(), "provision");
  for (const auto& listed : *list) {
    auto t = Get(db, listed.id, viewer);
    if (!t.ok()) continue;
    site::TranslationRecord r{fmt::format("{} — {}", t->document, site::Pick(t->title, lang).text),
                              fmt::format("/texts/{}", t->id),
                              {}};
    r.texts.push_back(
        {T(lang, "field_title"), t->title, site::DraftLanguages(text_drafts, t->id, "title")});
    for (const auto& p : t->provisions)
      r.texts.push_back({T(lang, "translations_provision", {{"label", p.label}}), p.body,
                         site::DraftLanguages(provision_drafts, p.id, "body")});
    texts.records.push_back(std::move(r));
  }
  return {std::move(texts)};
}

}  // namespace plenary::drafting

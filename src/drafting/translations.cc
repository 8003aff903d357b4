// The negotiated texts for the "translations needed" page (translations.h): per text, a row for
// its title, linking to its six-language form (site/text_edit.h), and a row for its provisions
// (labelled by their numbers), linking to the text's page where they are edited.
#include "drafting/translations.h"

#include <fmt/format.h>

#include "drafting/drafting.h"
#include "site/site.h"
#include "site/text_edit.h"
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
    const std::string label =
        fmt::format("{} — {}", t->document, site::Pick(t->title, lang).text);
    // The title has its six-language form; the provisions are edited on the text's page.
    texts.records.push_back(
        {label,
         site::TextFormPath("text", t->id),
         {{T(lang, "field_title"), t->title, site::DraftLanguages(text_drafts, t->id, "title")}}});
    site::TranslationRecord r{label, fmt::format("/texts/{}", t->id), {}};
    for (const auto& p : t->provisions)
      r.texts.push_back({T(lang, "translations_provision", {{"label", p.label}}), p.body,
                         site::DraftLanguages(provision_drafts, p.id, "text")});
    if (!r.texts.empty()) texts.records.push_back(std::move(r));
  }
  return {std::move(texts)};
}

}  // namespace plenary::drafting

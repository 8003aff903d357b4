// The negotiated texts for the "translations needed" page (translations.h): per text, a row for
// its title and one per provision (labelled by its number), each linking to its six-language
// form (site/text_edit.h).
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
    // The symbol isolated on right-to-left pages, its parentheses kept in order.
    const std::string symbol = std::string_view(text::Direction(lang)) == "rtl"
                                   ? "\u2068" + t->document + "\u2069"
                                   : t->document;
    // The row of the text is named by its title, those of its provisions by the symbol, as the
    // agenda's paragraphs are by their item.
    texts.records.push_back(
        {fmt::format("{} — {}", symbol, site::Pick(t->title, lang).text),
         site::TextFormPath("text", t->id),
         {{T(lang, "field_title"), t->title, site::DraftLanguages(text_drafts, t->id, "title")}}});
    // A row per provision, each with its six-language form.
    for (const auto& p : t->provisions) {
      const std::string label_of = std::string_view(text::Direction(lang)) == "rtl"
                                       ? "\u2068" + p.label + "\u2069"
                                       : p.label;
      const std::string provision = T(lang, "translations_provision", {{"label", label_of}});
      texts.records.push_back({symbol + T(lang, "punct_comma") + provision,
                               site::TextFormPath("provision", p.id),
                               {{provision, p.body,
                                 site::DraftLanguages(provision_drafts, p.id, "text")}}});
    }
  }
  return {std::move(texts)};
}

}  // namespace plenary::drafting

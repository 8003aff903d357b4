// The proceedings' texts for the "translations needed" page (translations.h): one row per agenda
// item for its title, one per paragraph of its record, one per decision and per action, each
// linking to its six-language form (site/text_edit.h).
#include "proceedings/translations.h"

#include <fmt/format.h>

#include "meetings/desk.h"
#include "proceedings/proceedings.h"
#include "site/text_edit.h"
#include "text/messages.h"

namespace plenary::proceedings {

using text::T;

std::vector<site::TranslationGroup> TranslationGroups(
    storage::Database& db, const std::string& lang,
    const std::optional<accounts::Session>& viewer) {
  site::TranslationGroup items{T(lang, "translations_agenda_items"), {}};
  site::TranslationGroup paragraphs{T(lang, "translations_record_paragraphs"), {}};
  site::TranslationGroup decisions{T(lang, "translations_decisions"), {}};
  site::TranslationGroup actions{T(lang, "translations_actions"), {}};
  auto& c = db.Read();
  const auto item_drafts = site::AllDrafts(c, "agenda_item");
  const auto paragraph_drafts = site::AllDrafts(c, "intervention");
  const auto decision_drafts = site::AllDrafts(c, "decision");
  const auto action_drafts = site::AllDrafts(c, "action");
  for (const auto& m : meetings::ListMeetings(db, std::nullopt)) {
    auto p = Get(db, std::to_string(m.id), viewer);
    if (!p.ok()) continue;
    const std::string meeting = meetings::MeetingLabel(lang, m);
    for (const auto& it : p->items) {
      const std::string label =
          T(lang, "translations_item_label", {{"meeting", meeting}, {"number", it.number}});
      items.records.push_back({label,
                               site::TextFormPath("agenda_item", it.id),
                               {{T(lang, "field_title"), it.title,
                                 site::DraftLanguages(item_drafts, it.id, "title")}}});
      // A row per paragraph, each with its six-language form.
      int n = 0;
      for (const auto& iv : it.interventions) {
        const std::string paragraph =
            T(lang, "translations_paragraph", {{"number", fmt::format("{}.{}", it.number, ++n)}});
        paragraphs.records.push_back(
            {label + T(lang, "punct_comma") + paragraph,
             site::TextFormPath("intervention", iv.id),
             {{paragraph, iv.summary, site::DraftLanguages(paragraph_drafts, iv.id, "summary")}}});
      }
      // A row per decision: each has its own form.
      for (const auto& d : it.decisions) {
        const std::string number = fmt::format("{}.{}", it.number, ++n);
        decisions.records.push_back(
            {label + T(lang, "punct_comma") +
                 T(lang, "translations_paragraph", {{"number", number}}),
             site::TextFormPath("decision", d.id),
             {{T(lang, "translations_paragraph", {{"number", number}}), d.wording,
               site::DraftLanguages(decision_drafts, d.id, "wording")}}});
      }
      for (const auto& a : it.actions)
        actions.records.push_back(
            {T(lang, "translations_action_label", {{"meeting", meeting}, {"number", a.number}}),
             site::TextFormPath("action", a.id),
             {{T(lang, "field_text"), a.text, site::DraftLanguages(action_drafts, a.id, "text")}}});
    }
  }
  return {std::move(items), std::move(paragraphs), std::move(decisions), std::move(actions)};
}

}  // namespace plenary::proceedings

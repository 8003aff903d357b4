// What the proceedings hand the secretariat's "translations needed" page (desk/translations.cc):
// the titles of agenda items, the paragraphs of the record, the decisions' wording and the
// actions' texts of every meeting, each with the page where it is edited.
#pragma once
#include <string>
#include <vector>

#include "site/text_states.h"

namespace plenary::proceedings {

std::vector<site::TranslationGroup> TranslationGroups(
    storage::Database& db, const std::string& lang,
    const std::optional<accounts::Session>& viewer);

}  // namespace plenary::proceedings

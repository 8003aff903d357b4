// What the negotiated texts hand the secretariat's "translations needed" page
// (desk/translations.cc): each text's title and provisions, with the text's page, where the
// editors' forms are.
#pragma once
#include <string>
#include <vector>

#include "site/text_states.h"

namespace plenary::drafting {

std::vector<site::TranslationGroup> TranslationGroups(
    storage::Database& db, const std::string& lang,
    const std::optional<accounts::Session>& viewer);

}  // namespace plenary::drafting

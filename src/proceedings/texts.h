// The proceedings' multilingual texts as site/text_edit.h edits them, with each language's
// state: an agenda item's title, a decision's wording, an action's text.
#pragma once
#include "site/text_edit.h"

namespace plenary::proceedings {

// Owners "agenda_item" (title), "decision" (wording) and "action" (text), edited through
// PATCH /api/v1/agenda-items/{id}, /api/v1/decisions/{id}, /api/v1/actions/{id} and the desk's
// form /admin/translations/{owner}/{id}.
site::TextOwner ItemTexts();
site::TextOwner DecisionTexts();
site::TextOwner ActionTexts();

}  // namespace plenary::proceedings

// The proceedings' multilingual texts as site/text_edit.h edits them, with each language's
// state: an agenda item's title, a decision's wording, an action's text, a record paragraph.
#pragma once
#include "site/text_edit.h"

namespace plenary::proceedings {

// Owners "agenda_item" (title), "decision" (wording) and "action" (text), edited through
// PATCH /api/v1/agenda-items/{id}, /api/v1/decisions/{id}, /api/v1/actions/{id} and the desk's
// form /admin/translations/{owner}/{id}.
site::TextOwner ItemTexts();
site::TextOwner DecisionTexts();
site::TextOwner ActionTexts();
// Owner "intervention": a paragraph of an item's record (its summary), through the desk's form
// /admin/translations/intervention/{id} only (the API's PATCH /api/v1/interventions/{id} is
// the proceedings' own); both write through EditIntervention, whose audit entry keeps the old
// text.
site::TextOwner ParagraphTexts();

}  // namespace plenary::proceedings

// A negotiated text's title as site/text_edit.h edits it, with each language's state.
#pragma once
#include "site/text_edit.h"

namespace plenary::drafting {

// Owner "text": its title (PATCH /api/v1/texts/{id}, /admin/translations/text/{id}), written
// by EditTitle (a new version of the text). The secretariat and the chair (MayEdit).
site::TextOwner TitleTexts();
// Owner "provision": a provision's text in the six languages (/admin/translations/provision/
// {id}; the API's PATCH /api/v1/provisions/{id} stays drafting's own), written by
// UpdateProvision with the version the form was made on, so that brackets follow the words and
// the history keeps each version. A language the text lacks joins it. The secretariat and the
// chair (MayEdit); a facilitator keeps the text page's form.
site::TextOwner ProvisionTexts();

}  // namespace plenary::drafting

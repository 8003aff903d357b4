// A negotiated text's title as site/text_edit.h edits it, with each language's state.
#pragma once
#include "site/text_edit.h"

namespace plenary::drafting {

// Owner "text": its title (PATCH /api/v1/texts/{id}, /admin/translations/text/{id}), written
// by EditTitle (a new version of the text). The provisions keep their own form and PATCH.
site::TextOwner TitleTexts();

}  // namespace plenary::drafting

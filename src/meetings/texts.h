// A meeting's multilingual texts as site/text_edit.h edits them, with each language's state.
#pragma once
#include "site/text_edit.h"

namespace plenary::meetings {

// Owner "meeting": its title (PATCH /api/v1/meetings/{id}, /admin/translations/meeting/{id}).
site::TextOwner MeetingTexts();
// Owner "body": its name and description (PATCH /api/v1/bodies/{id},
// /admin/translations/body/{id}).
site::TextOwner BodyTexts();

}  // namespace plenary::meetings

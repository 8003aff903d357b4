// A refusal (an Error of a use case) as a page shows it: in the reader's language, from the
// catalogue, for the refusals a form on a page can meet.
#pragma once
#include <string>

#include "base/result.h"

namespace plenary::site {

// The catalogue's sentence for `e` in `lang` (form_error_*): the field's label and the rule it
// broke. A refusal no sentence covers keeps the use case's own message, in English.
std::string RefusalText(const Error& e, const std::string& lang);

}  // namespace plenary::site

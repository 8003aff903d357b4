// The states (text_states.h) a desk form asks for the texts it carries, beside the six inputs of
// text_edit.h: one box marking several fields of a language drafts, and the forms that type a
// text in one language at a time (a `text_lang` select) with one box `draft`.
#pragma once
#include <string>

#include "http/form.h"
#include "site/text_states.h"

namespace plenary::site {

// As FormStates (text_edit.h), for field `field` from inputs <name>_<code>, with the boxes
// <box>_draft_<code> that one form shares between several fields of a language: a text with its
// language's box ticked a draft, without it final; no state for a language without text.
void FormStatesWithBox(const http::Form& f, const std::string& name, const std::string& field,
                       const std::string& box, AskedStates& out);
// The state a form typing one language at a time asks for field `field`: the text of input
// `name`, in `language`, is a draft when the form's box `draft` is ticked, else final; no state
// for an empty text (that language is left out or removed).
void TypedState(const http::Form& f, const std::string& name, const std::string& field,
                const std::string& language, AskedStates& out);

}  // namespace plenary::site

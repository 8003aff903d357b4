// Each language's state (site/text_states.h) of the record's paragraphs: the edit of a paragraph
// that also sets the states of its summary, the paragraphs' drafts for the agenda's JSON.
#pragma once
#include <cstdint>
#include <map>

#include "proceedings/proceedings.h"
#include "site/text_states.h"

namespace plenary::proceedings {

// EditIntervention that also writes the states asked for `summary` ({"summary": {lang: state}}),
// in the same transaction: a changed text without a state becomes final, an unchanged one keeps
// its state; a state for a language without text is refused (400 `states.summary.<lang>`).
Result<Intervention> EditIntervention(storage::Database& db, std::int64_t user_id,
                                      std::int64_t intervention_id,
                                      const boost::json::value& summary,
                                      const site::AskedStates& states);

}  // namespace plenary::proceedings

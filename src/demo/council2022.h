// The Council 2022 plenary meeting of the first source document (src/demo/council2022.json):
// its items, paragraphs, decisions, candidatures and actions, written inside the demo loader's
// transaction. Needs the council body and its documents.
#pragma once
#include "base/result.h"
#include "storage/db.h"

namespace plenary::demo {

Status LoadCouncil2022(storage::Connection& c);

// Paragraph 5.8: the informal consultations on the draft guidelines' open paragraphs (the demo
// text of drafting::LoadDemo) report back to a later plenary meeting of the session (the
// "informal_report" of council2022.json), created here with the item where the report is
// recorded. Runs after drafting::LoadDemo.
Status LoadInformalReport(storage::Connection& c);

}  // namespace plenary::demo

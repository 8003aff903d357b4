// The Council 2022 plenary meeting of the first source document (src/demo/council2022.json):
// its items, paragraphs, decisions, candidatures and actions, written inside the demo loader's
// transaction. Needs the council body and its documents.
#pragma once
#include "base/result.h"
#include "storage/db.h"

namespace plenary::demo {

Status LoadCouncil2022(storage::Connection& c);

}  // namespace plenary::demo

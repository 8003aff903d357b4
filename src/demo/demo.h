// The demo corpus: CWG-Internet, its 15th–17th meetings, two past consultations with the
// exact figures of the Chair's report (C22/51), and one consultation open now.
// Texts and names are invented and marked illustrative (demo_corpus.json).
#pragma once
#include "base/result.h"
#include "base/time.h"
#include "storage/db.h"

namespace plenary::demo {

// True when the database has no body yet.
bool IsEmpty(storage::Database& db);
// Loads the corpus in one transaction. Error (409) if the database already has bodies.
// `now` is the moment of loading: the open consultation opens some days before it and closes
// some weeks after it (so the demo has an open consultation whenever it is loaded), and
// records made "now" are stamped with it.
Status Load(storage::Database& db, Instant now = Now());
// Writes into documents' citations what every consultation, action and agenda item cites, as
// their use cases do when they write them: for what the corpus writes directly, and once for a
// database made before migration 0021 (app's start). In the caller's transaction.
void RecordCitations(storage::Connection& c);

}  // namespace plenary::demo

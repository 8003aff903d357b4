// What proceedings hand down to the capabilities below them: the public text of the items of
// meetings' records for search (search::Sources), and the actions and agenda items whose texts
// cite a document or a resolution for documents' "cited by" (documents::CitingSources).
#pragma once
#include <cstdint>
#include <vector>

#include "documents/documents.h"
#include "search/search.h"
#include "storage/db.h"

namespace plenary::proceedings {

// An item of a meeting's record: its title, then its paragraphs and decisions, per language.
std::vector<search::Doc> AgendaItemDocs(storage::Connection& c, std::int64_t id);

// Actions whose text holds a citation `match` accepts, in the order of their meetings.
std::vector<documents::Citing> CitingActions(storage::Connection& c,
                                             const documents::CitationMatch& match);
// Agenda items whose title, paragraphs or decisions hold one, in the order of the record.
std::vector<documents::Citing> CitingAgendaItems(storage::Connection& c,
                                                 const documents::CitationMatch& match);

}  // namespace plenary::proceedings

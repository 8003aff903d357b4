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

// The actions `ids` for documents' "cited by" (documents::CitingSource "action"), in the order
// of their meetings; the citations are written with the action (documents::RecordCitationsOf).
std::vector<documents::Citing> CitingActions(storage::Connection& c,
                                             const std::vector<std::int64_t>& ids);
// The agenda items `ids` (documents::CitingSource "agenda_item"), in the order of the record.
std::vector<documents::Citing> CitingAgendaItems(storage::Connection& c,
                                                 const std::vector<std::int64_t>& ids);
// Writes what agenda item `id` cites (its title, paragraphs and decisions) into documents'
// citations, replacing what it cited before; in the transaction of every use case that changes
// one of those texts.
void RecordItemCitations(storage::Connection& c, std::int64_t id);

}  // namespace plenary::proceedings

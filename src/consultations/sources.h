// What consultations hand down to the capabilities below them: the public text of responses
// and consultations for search (search::Sources), and the consultations whose texts cite a
// document or a resolution for documents' "cited by" (documents::CitingSources), and their
// texts for documents' list of unresolved citations (documents::CheckedTextSource). All read
// only the consultations' own tables.
#pragma once
#include <cstdint>
#include <vector>

#include "documents/documents.h"
#include "documents/resolutions.h"
#include "search/search.h"
#include "storage/db.h"

namespace plenary::consultations {

// A published response (none otherwise): its answers and general text, in its language.
std::vector<search::Doc> ResponseDocs(storage::Connection& c, std::int64_t id);
// A consultation: title, description, questions and its summary once published, per language.
std::vector<search::Doc> ConsultationDocs(storage::Connection& c, std::int64_t id);

// The consultations `ids` for documents' "cited by" (documents::CitingSource "consultation"),
// newest first; the citations themselves are in documents' table (RecordCitations).
std::vector<documents::Citing> CitingConsultations(storage::Connection& c,
                                                   const std::vector<std::int64_t>& ids);
// Writes what consultation `id` cites (its title, description and published summary) into
// documents' citations, replacing what it cited before; in the caller's transaction, by every
// use case that changes one of those texts or publishes the summary.
void RecordCitations(storage::Connection& c, std::int64_t id);

// The key of consultation `id`, "" when there is none (meetings::ConsultationKeyOf).
std::string KeyOf(storage::Connection& c, std::int64_t id);

// Every consultation's title and description, in order of id, for documents' list of
// unresolved citations (documents::CheckedTextSource).
std::vector<documents::CheckedText> ConsultationTexts(storage::Connection& c);

}  // namespace plenary::consultations

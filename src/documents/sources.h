// What documents hand down to search: the public text of documents and of the resolutions
// registry (search::Sources), from the documents' own tables.
#pragma once
#include <cstdint>
#include <vector>

#include "search/search.h"
#include "storage/db.h"

namespace plenary::documents {

// A public document (none otherwise): symbol and title, then summary and source.
std::vector<search::Doc> DocumentDocs(storage::Connection& c, std::int64_t id);
// A resolution: "Resolution 102" as the title, the resolution's title as the body.
std::vector<search::Doc> ResolutionDocs(storage::Connection& c, std::int64_t id);

}  // namespace plenary::documents

// What meetings hand down to search: the public text of meetings, contributions and actions,
// built from the meetings' own tables when the indexer's turn comes (search::Sources).
#pragma once
#include <cstdint>
#include <vector>

#include "search/search.h"
#include "storage/db.h"

namespace plenary::meetings {

std::vector<search::Doc> MeetingDocs(storage::Connection& c, std::int64_t id);
std::vector<search::Doc> ContributionDocs(storage::Connection& c, std::int64_t id);
std::vector<search::Doc> ActionDocs(storage::Connection& c, std::int64_t id);

}  // namespace plenary::meetings

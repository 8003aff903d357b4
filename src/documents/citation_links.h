// Stored text with its citations made links, for pages.
#pragma once
#include <string>
#include <string_view>

#include "documents/resolutions.h"
#include "storage/db.h"

namespace plenary::documents {

// `text`, written in language `lang`, as HTML (site::TextHtml: escaped, Latin runs isolated in
// right-to-left text, the citations' own words too), each citation that resolves to a resolution
// of the registry or a document `viewer` may see made a link (`prefix` is the language prefix,
// e.g. "/en"). The one way stored text with citations enters a page.
std::string LinkCitationsHtml(storage::Database& db, std::string_view text, std::string_view lang,
                              const std::string& prefix, const Viewer& viewer = std::nullopt);

}  // namespace plenary::documents

// The feeds and calendars a page offers: `<link rel="alternate">` in the head (for feed readers
// and calendar apps) and the same links, visible, under the heading "Follow".
#pragma once
#include <string>
#include <vector>

#include "site/site.h"

namespace plenary::site {

struct Alternate {
  std::string type;   // "application/atom+xml" | "text/calendar"
  std::string href;   // with the language prefix: "/en/feeds/documents.atom"
  std::string title;  // in the reader's language
};

// Call once per page, with all its alternates.
void AddAlternates(Page& page, const std::vector<Alternate>& alternates);

}  // namespace plenary::site

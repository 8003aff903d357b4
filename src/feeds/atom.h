// Atom feeds (RFC 4287), written with libxml2's xmlTextWriter so that every text is escaped by
// the writer, never pasted into markup.
#pragma once
#include <string>
#include <vector>

#include "base/time.h"

namespace plenary::feeds {

struct AtomEntry {
  std::string id;          // a permanent IRI: the item's page
  std::string title;
  std::string title_lang;  // xml:lang of the title (the fallback language when not the feed's)
  std::string url;         // rel="alternate" link, absolute
  std::string summary;     // plain text; may be empty
  std::string category;    // "document" | "consultation" | "meeting"
  Instant updated = 0;
  Instant published = 0;
};

struct AtomFeed {
  std::string id;     // the feed's own IRI
  std::string title;
  std::string lang;   // xml:lang of the feed
  std::string self;   // absolute URL of the feed (rel="self")
  std::string page;   // absolute URL of the page it follows (rel="alternate")
  std::string author = "Plenary";
  std::vector<AtomEntry> entries;  // newest first
};

// The feed's XML document (UTF-8). `updated` of the feed is that of its newest entry, or the
// Unix epoch when it has none: the same data gives the same bytes.
std::string WriteAtom(const AtomFeed& feed);

}  // namespace plenary::feeds

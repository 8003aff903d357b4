// Feeds and calendars of what the council publishes: an Atom feed of new documents,
// consultations and meetings, and iCalendar files of meetings and consultation deadlines,
// site-wide or for one body, and a calendar per meeting and per consultation.
//
// Only what an anonymous reader may see is listed: documents pass documents::CanSee for no
// viewer (restricted ones never appear) and drafts are left out. Each capability's items come
// through that capability's own queries; this module reads no table.
#pragma once
#include <optional>
#include <string>

#include "base/result.h"
#include "feeds/atom.h"
#include "feeds/ical.h"
#include "storage/db.h"

namespace plenary::feeds {

// Entries of a feed, newest first; older ones are left out.
inline constexpr std::size_t kMaxFeedEntries = 100;
// A meeting with a start time but no end time on record (the record keeps none) ends on its
// last day this many hours after its start time in the calendars: one session.
inline constexpr int kMeetingSessionHours = 3;

// `base` is the site's absolute URL ("https://plenary.example.org"), `lang` the reader's.
// `body`: a body's key or id; nullopt for the whole site. NotFound for an unknown body.
Result<AtomFeed> Feed(storage::Database& db, const std::optional<std::string>& body,
                      const std::string& lang, const std::string& base);
Result<Calendar> MeetingsCalendar(storage::Database& db, const std::optional<std::string>& body,
                                  const std::string& lang, const std::string& base);
Result<Calendar> MeetingCalendar(storage::Database& db, const std::string& meeting,
                                 const std::string& lang, const std::string& base);
Result<Calendar> ConsultationCalendar(storage::Database& db, const std::string& consultation,
                                      const std::string& lang, const std::string& base);

}  // namespace plenary::feeds

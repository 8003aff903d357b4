// Builds the feeds and calendars from the capabilities' public queries.
#include "feeds/feeds.h"

#include <algorithm>

#include "consultations/consultations.h"
#include "documents/documents.h"
#include "meetings/meetings.h"
#include "site/site.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::feeds {

using text::T;

namespace {

// The host of `base`, for calendar UIDs ("plenary.example.org").
std::string Host(const std::string& base) {
  std::string rest = base;
  if (auto p = rest.find("://"); p != std::string::npos) rest = rest.substr(p + 3);
  rest = rest.substr(0, rest.find('/'));
  if (!rest.empty() && rest[0] == '[') return rest.substr(0, rest.find(']') + 1);
  return rest.substr(0, rest.find(':'));
}

Instant DayStart(const std::string& iso_date) {
  auto t = ParseIso(iso_date + "T00:00", "UTC");
  return t ? *t : 0;
}

std::string Page(const std::string& base, const std::string& lang, const std::string& path) {
  return base + "/" + lang + path;
}

CalEvent MeetingEvent(const meetings::Meeting& m, const std::string& lang,
                      const std::string& base, const std::string& host) {
  CalEvent e;
  e.uid = "plenary-meeting-" + std::to_string(m.id) + "@" + host;
  e.summary = meetings::Label(m, lang);
  auto title = site::Pick(m.title, lang).text;
  e.description = title.empty() ? "" : title + "\n";
  e.description += T(lang, "mode_" + m.mode);
  e.location = site::Pick(m.place, lang).text;
  e.url = Page(base, lang, "/meetings/" + std::to_string(m.id));
  e.category = "meeting";
  e.start_date = m.starts_on;
  e.end_date = m.ends_on.empty() ? m.starts_on : m.ends_on;
  // A start time makes a timed event in the meeting's zone. The record holds no end time: the
  // event ends on the meeting's last day kMeetingSessionHours after the start time (one
  // session), computed through the zone so that midnight and DST are crossed correctly.
  if (!m.starts_at.empty()) {
    e.all_day = false;
    e.start_time = m.starts_at;
    e.zone = m.timezone;
    auto last = ParseIso(e.end_date + "T" + m.starts_at.substr(0, 5), m.timezone);
    if (last) {
      Civil end = CivilTime(*last + kMeetingSessionHours * 3600, m.timezone);
      e.end_date = end.date;
      e.end_time = end.time;
    }
  }
  return e;
}

CalEvent DeadlineEvent(const consultations::Consultation& c, const std::string& lang,
                       const std::string& base, const std::string& host) {
  CalEvent e;
  e.uid = "plenary-consultation-" + std::to_string(c.id) + "-deadline@" + host;
  e.summary = T(lang, "calendar_deadline", {{"title", site::Pick(c.title, lang).text}});
  e.description = c.body_acronym;
  e.url = Page(base, lang, "/consultations/" + std::to_string(c.id));
  e.category = "deadline";
  Civil civil = CivilTime(c.deadline, c.timezone);
  e.all_day = false;
  e.start_date = civil.date;
  e.start_time = civil.time;
  e.zone = c.timezone;
  return e;
}

}  // namespace

Result<AtomFeed> Feed(storage::Database& db, const std::optional<std::string>& body,
                      const std::string& lang, const std::string& base) {
  std::optional<meetings::Body> b;
  if (body) {
    auto found = meetings::GetBody(db, *body);
    if (!found.ok()) return found.error();
    b = *found;
  }
  AtomFeed feed;
  feed.lang = lang;
  if (b) {
    feed.title = T(lang, "feed_title_body", {{"body", b->acronym}});
    feed.self = base + "/" + lang + "/feeds/bodies/" + b->key + ".atom";
    feed.page = Page(base, lang, "/bodies/" + b->key);
  } else {
    feed.title = T(lang, "feed_title_site");
    feed.self = base + "/" + lang + "/feeds/documents.atom";
    feed.page = Page(base, lang, "/");
  }
  feed.id = feed.self;

  documents::ListQuery q;
  if (b) q.body = b->key;
  auto docs = documents::List(db, q, std::nullopt);  // an anonymous reader's list
  if (!docs.ok()) return docs.error();
  for (const auto& d : *docs) {
    if (d.status == "draft" || !documents::CanSee(std::nullopt, d.access)) continue;
    auto title = site::Pick(d.title, lang);
    AtomEntry e;
    e.url = Page(base, lang, "/documents/" + std::to_string(d.id));
    e.id = base + "/documents/" + std::to_string(d.id);
    e.title = T(lang, "feed_entry_document", {{"symbol", d.symbol}, {"title", title.text}});
    e.title_lang = title.lang;
    e.summary = site::Pick(d.summary, lang).text;
    e.category = "document";
    e.published = d.date.empty() ? d.created_at : DayStart(d.date);
    e.updated = std::max(d.created_at, e.published);
    feed.entries.push_back(std::move(e));
  }
  std::optional<std::int64_t> body_id;
  if (b) body_id = b->id;
  for (const auto& c : consultations::List(db, body_id)) {
    auto title = site::Pick(c.title, lang);
    AtomEntry e;
    e.url = Page(base, lang, "/consultations/" + std::to_string(c.id));
    e.id = base + "/consultations/" + std::to_string(c.id);
    e.title = T(lang, "feed_entry_consultation", {{"title", title.text}});
    e.title_lang = title.lang;
    e.summary = T(lang, "deadline_on",
                  {{"date", text::FormatDateTime(c.deadline, c.timezone, lang)}});
    e.category = "consultation";
    e.published = e.updated = c.opens_at;
    feed.entries.push_back(std::move(e));
  }
  for (const auto& m : meetings::ListMeetings(db, body_id)) {
    AtomEntry e;
    e.url = Page(base, lang, "/meetings/" + std::to_string(m.id));
    e.id = base + "/meetings/" + std::to_string(m.id);
    e.title = meetings::Label(m, lang);
    e.title_lang = lang;
    e.summary = text::FormatDateRange(m.starts_on, m.ends_on, lang);
    e.category = "meeting";
    e.published = e.updated = DayStart(m.starts_on);
    feed.entries.push_back(std::move(e));
  }
  std::stable_sort(feed.entries.begin(), feed.entries.end(),
                   [](const AtomEntry& a, const AtomEntry& b) {
                     return a.updated != b.updated ? a.updated > b.updated : a.id < b.id;
                   });
  if (feed.entries.size() > kMaxFeedEntries) feed.entries.resize(kMaxFeedEntries);
  return feed;
}

Result<Calendar> MeetingsCalendar(storage::Database& db, const std::optional<std::string>& body,
                                  const std::string& lang, const std::string& base) {
  std::optional<meetings::Body> b;
  if (body) {
    auto found = meetings::GetBody(db, *body);
    if (!found.ok()) return found.error();
    b = *found;
  }
  std::string host = Host(base);
  Calendar cal;
  cal.lang = lang;
  cal.stamp = Now();
  cal.name = b ? T(lang, "calendar_title_body", {{"body", b->acronym}})
               : T(lang, "calendar_title_site");
  std::optional<std::int64_t> body_id;
  if (b) body_id = b->id;
  for (const auto& m : meetings::ListMeetings(db, body_id))
    cal.events.push_back(MeetingEvent(m, lang, base, host));
  for (const auto& c : consultations::List(db, body_id))
    cal.events.push_back(DeadlineEvent(c, lang, base, host));
  return cal;
}

Result<Calendar> MeetingCalendar(storage::Database& db, const std::string& meeting,
                                 const std::string& lang, const std::string& base) {
  auto m = meetings::GetMeeting(db, meeting);
  if (!m.ok()) return m.error();
  Calendar cal;
  cal.lang = lang;
  cal.stamp = Now();
  cal.name = meetings::Label(*m, lang);
  cal.events.push_back(MeetingEvent(*m, lang, base, Host(base)));
  return cal;
}

Result<Calendar> ConsultationCalendar(storage::Database& db, const std::string& consultation,
                                      const std::string& lang, const std::string& base) {
  auto c = consultations::Get(db, consultation);
  if (!c.ok()) return c.error();
  Calendar cal;
  cal.lang = lang;
  cal.stamp = Now();
  cal.name = site::Pick(c->title, lang).text;
  cal.events.push_back(DeadlineEvent(*c, lang, base, Host(base)));
  return cal;
}

}  // namespace plenary::feeds

// Feed and calendar routes: translate the request into the builder's input and its result
// into Atom or iCalendar.
#include "feeds/web.h"

#include "feeds/feeds.h"
#include "mail/mail.h"
#include "site/site.h"

namespace plenary::feeds {

using http::Request;

namespace {

// "council.atom" → "council" when it ends with `suffix`; nullopt otherwise (404).
std::optional<std::string> Strip(const std::string& segment, std::string_view suffix) {
  if (!segment.ends_with(suffix) || segment.size() == suffix.size()) return std::nullopt;
  return segment.substr(0, segment.size() - suffix.size());
}

http::Response AtomResponse(const AtomFeed& feed) {
  return http::Text(WriteAtom(feed), "application/atom+xml; charset=utf-8")
      .Header("Cache-Control", "public, max-age=300");
}

http::Response IcsResponse(const Calendar& cal) {
  return http::Text(WriteCalendar(cal), "text/calendar; charset=utf-8")
      .Header("Cache-Control", "public, max-age=300");
}

}  // namespace

void RegisterRoutes(http::Router& router, storage::Database& db) {
  router.Add("GET", "/feeds/documents.atom", [&db](Request& req) {
    auto f = Feed(db, std::nullopt, req.lang, mail::PublicUrl());
    if (!f.ok()) return site::ErrorResponse(db, req, f.error());
    return AtomResponse(*f);
  });
  router.Add("GET", "/feeds/bodies/{key}", [&db](Request& req) {
    auto key = Strip(req.params[0], ".atom");
    if (!key) return site::ErrorResponse(db, req, NotFound("no such feed"));
    auto f = Feed(db, *key, req.lang, mail::PublicUrl());
    if (!f.ok()) return site::ErrorResponse(db, req, f.error());
    return AtomResponse(*f);
  });
  router.Add("GET", "/calendar/meetings.ics", [&db](Request& req) {
    auto c = MeetingsCalendar(db, std::nullopt, req.lang, mail::PublicUrl());
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    return IcsResponse(*c);
  });
  router.Add("GET", "/calendar/bodies/{key}", [&db](Request& req) {
    auto key = Strip(req.params[0], ".ics");
    if (!key) return site::ErrorResponse(db, req, NotFound("no such calendar"));
    auto c = MeetingsCalendar(db, *key, req.lang, mail::PublicUrl());
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    return IcsResponse(*c);
  });
  router.Add("GET", "/calendar/meetings/{id}", [&db](Request& req) {
    auto id = Strip(req.params[0], ".ics");
    if (!id) return site::ErrorResponse(db, req, NotFound("no such calendar"));
    auto c = MeetingCalendar(db, *id, req.lang, mail::PublicUrl());
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    return IcsResponse(*c);
  });
  router.Add("GET", "/calendar/consultations/{id}", [&db](Request& req) {
    auto id = Strip(req.params[0], ".ics");
    if (!id) return site::ErrorResponse(db, req, NotFound("no such calendar"));
    auto c = ConsultationCalendar(db, *id, req.lang, mail::PublicUrl());
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    return IcsResponse(*c);
  });
}

}  // namespace plenary::feeds

#!/usr/bin/env python3
"""Parses an Atom feed or an iCalendar file with parsers that are not Plenary's own (Debian's
python3-feedparser and python3-icalendar) and prints what they read as JSON, for the scenario
tests (tests/scenario/feeds.test.mjs).

Usage: parse_feeds.py atom FILE | parse_feeds.py ics FILE
"""
import json
import sys


def atom(data):
    import feedparser
    f = feedparser.parse(data)
    return {
        "bozo": bool(f.bozo),
        "bozo_exception": str(f.get("bozo_exception", "")),
        "version": f.version,
        "title": f.feed.get("title"),
        "id": f.feed.get("id"),
        "updated": f.feed.get("updated"),
        "language": f.feed.get("language"),
        "links": [{"rel": l.get("rel"), "href": l.get("href"), "type": l.get("type")}
                  for l in f.feed.get("links", [])],
        "entries": [{
            "id": e.get("id"),
            "title": e.get("title"),
            "link": e.get("link"),
            "updated": e.get("updated"),
            "published": e.get("published"),
            "summary": e.get("summary"),
            "category": (e.get("tags") or [{}])[0].get("term"),
        } for e in f.entries],
    }


def ics(data):
    import icalendar
    cal = icalendar.Calendar.from_ical(data)
    out = {"name": str(cal.get("X-WR-CALNAME", "")), "version": str(cal.get("VERSION", "")),
           "prodid": str(cal.get("PRODID", "")), "timezones": [], "events": []}
    for c in cal.walk():
        if c.name == "VTIMEZONE":
            out["timezones"].append(str(c.get("TZID")))
        elif c.name == "VEVENT":
            start = c.decoded("DTSTART")
            ev = {
                "uid": str(c.get("UID")),
                "dtstamp": c.decoded("DTSTAMP").isoformat(),
                "summary": str(c.get("SUMMARY")),
                "description": str(c.get("DESCRIPTION", "")),
                "location": str(c.get("LOCATION", "")),
                "url": str(c.get("URL", "")),
                "categories": str(c.get("CATEGORIES").to_ical().decode()) if c.get("CATEGORIES") else "",
                "start": start.isoformat(),
                "all_day": not hasattr(start, "hour"),
                "tzid": c["DTSTART"].params.get("TZID", ""),
            }
            if hasattr(start, "hour") and start.tzinfo is not None:
                ev["start_utc"] = start.astimezone(__import__("datetime").timezone.utc).isoformat()
            if c.get("DTEND") is not None:
                ev["end"] = c.decoded("DTEND").isoformat()
                ev["end_tzid"] = c["DTEND"].params.get("TZID", "")
            out["events"].append(ev)
    return out


def main():
    kind, path = sys.argv[1], sys.argv[2]
    data = open(path, "rb").read()
    print(json.dumps(atom(data) if kind == "atom" else ics(data), ensure_ascii=False))


if __name__ == "__main__":
    main()

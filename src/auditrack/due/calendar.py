"""The deadline listing as an iCalendar file (RFC 5545): one all-day event per deadline.

A subscribed calendar matches events by UID, so each UID is made from what the deadline is (organisation, kind,
record and what tells two of one record apart), never from a file, a line or the day the file is made; and
DTSTAMP is the as-of date, so the same data as of the same date gives the same file, byte for byte."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from auditrack.due.listing import Listing
from auditrack.due.words import say, summary, who_text

PRODID = "-//auditrack//due//EN"


def render_ics(listing: Listing) -> str:
    from icalendar import Calendar, Event

    lang = listing.lang
    stamp = datetime.combine(listing.as_of, time(0, 0), tzinfo=timezone.utc)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", say(lang, "title", as_of=listing.as_of.isoformat()))
    for deadline in (*listing.overdue, *listing.upcoming):
        event = Event()
        event.add("uid", deadline.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline.day)
        event.add("dtend", deadline.day + timedelta(days=1))
        event.add("summary", summary(lang, deadline))
        event.add("description", f"{say(lang, 'who')}: {who_text(lang, deadline.who)}\n"
                                 f"{say(lang, 'record')}: {deadline.record} ({deadline.organisation}), "
                                 f"{deadline.file}:{deadline.line}")
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")

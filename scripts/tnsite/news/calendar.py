"""One iCalendar (RFC 5545) file per language of the upcoming events.

DTSTAMP is when the file was made (RFC 5545 §3.8.7.2), taken at the build's day so that two
builds on the same day (or of the same commit with SOURCE_DATE_EPOCH) give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tnsite.memo import ContentMemo
from tnsite.news.events import Event
from tnsite.urls import page_url

# Every build writes a calendar per language and one per event, the same until an event,
# the site's address or the day changes.
_CALENDARS: ContentMemo[bytes] = ContentMemo(keep="calendars")


def ics_calendar(
    events: Sequence[Event],
    *,
    lang: str,
    fallback: str,
    base_url: str,
    name: str,
    domain: str,
    made: dt.date,
) -> bytes:
    def written() -> bytes:
        from icalendar import Calendar  # loaded only when a calendar is written anew
        from icalendar import Event as IcsEvent

        cal = Calendar()
        cal.add("prodid", f"-//{domain}//events//{lang.upper()}")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("x-wr-calname", name)
        for event in events:
            item = IcsEvent()
            item.add("uid", f"{event.id}@{domain}")
            item.add("dtstamp", dt.datetime.combine(made, dt.time(), dt.UTC))
            item.add("dtstart", event.start)
            item.add("dtend", event.end + dt.timedelta(days=1))  # DTEND is exclusive for dates
            item.add("summary", event.name(lang, fallback))
            place = event.place(lang, fallback)
            if place:
                item.add("location", place)
            if event.page:
                anchor = f"#{event.anchor}" if event.anchor else ""
                item.add("url", base_url + page_url(event.page) + anchor)
            cal.add_component(item)
        return cal.to_ical()

    key = ("ics", repr(tuple(events)), lang, fallback, base_url, name, domain, made.isoformat())
    return _CALENDARS.get(key, written)

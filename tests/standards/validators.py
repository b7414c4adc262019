"""Independent checks of the built site against the standards it claims: the W3C Nu HTML
Checker (Java, npm `vnu-jar`) for HTML, and the required elements of RFC 4287 (Atom), RFC 5545
(iCalendar) and schema.org's JSON-LD types the site uses. Each returns a list of problems as
sentences; an empty list means valid."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from icalendar import Calendar
from lxml import etree
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ATOM = "{http://www.w3.org/2005/Atom}"


def nu_html_checker(paths: list[Path]) -> list[dict[str, Any]]:
    """Errors the Nu HTML Checker reports for these files (or folders)."""
    java = shutil.which("java")
    assert java, "the Nu HTML checker needs Java: apt-get install default-jre-headless"
    assert VNU.is_file(), "the Nu HTML checker is an npm package: run `make test` (npm ci)"
    run = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html"]
        + [str(p) for p in paths],
        capture_output=True,
        text=True,
        check=False,
    )
    return list(json.loads(run.stderr or '{"messages": []}')["messages"])


def _is_iri(value: str | None) -> bool:
    return bool(value) and bool(urlsplit(value or "").scheme)


def _is_rfc3339(value: str | None) -> bool:
    try:
        dt.datetime.fromisoformat((value or "").replace("Z", "+00:00"))
    except ValueError:
        return False
    return "T" in (value or "")


def atom_problems(data: bytes) -> list[str]:
    """RFC 4287 §4.1.1–4.1.2: what a feed and each entry must contain."""
    try:
        feed = etree.fromstring(data)
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed XML: {exc}"]
    if feed.tag != f"{ATOM}feed":
        return [f"root element is {feed.tag}, not atom:feed"]
    problems: list[str] = []

    def one(parent: Any, name: str, where: str) -> Any:
        found = parent.findall(f"{ATOM}{name}")
        if len(found) != 1:
            problems.append(f"{where} has {len(found)} atom:{name}, must have exactly one")
        return found[0] if found else None

    for name in ("id", "title", "updated"):
        one(feed, name, "feed")
    feed_authors = feed.findall(f"{ATOM}author")
    if not _is_iri(feed.findtext(f"{ATOM}id")):
        problems.append("feed atom:id is not an IRI")
    if not _is_rfc3339(feed.findtext(f"{ATOM}updated")):
        problems.append("feed atom:updated is not an RFC 3339 date-time")
    for author in feed_authors:
        if not author.findtext(f"{ATOM}name"):
            problems.append("feed atom:author has no atom:name")
    if not any(link.get("rel") == "self" for link in feed.findall(f"{ATOM}link")):
        problems.append('feed has no atom:link rel="self"')
    for index, entry in enumerate(feed.findall(f"{ATOM}entry"), start=1):
        where = f"entry {index}"
        for name in ("id", "title", "updated"):
            one(entry, name, where)
        if not entry.findall(f"{ATOM}author") and not feed_authors:
            problems.append(f"{where} has no atom:author and the feed has none (RFC 4287 4.1.2)")
        if not _is_iri(entry.findtext(f"{ATOM}id")):
            problems.append(f"{where} atom:id is not an IRI")
        if not _is_rfc3339(entry.findtext(f"{ATOM}updated")):
            problems.append(f"{where} atom:updated is not an RFC 3339 date-time")
        alternates = [
            x for x in entry.findall(f"{ATOM}link") if x.get("rel", "alternate") == "alternate"
        ]
        if entry.find(f"{ATOM}content") is None and not alternates:
            problems.append(f"{where} has neither atom:content nor a rel=alternate link")
    return problems


def ics_problems(data: bytes, now: dt.datetime) -> list[str]:
    """RFC 5545: VERSION and PRODID once in the calendar; UID, DTSTAMP (a UTC date-time when
    the file was made, so never in the future) and DTSTART in each event; DTEND after DTSTART."""
    try:
        calendar = Calendar.from_ical(data)
    except ValueError as exc:
        return [f"not iCalendar: {exc}"]
    problems: list[str] = []
    for prop in ("VERSION", "PRODID"):
        if prop not in calendar:
            problems.append(f"VCALENDAR has no {prop}")
    if str(calendar.get("VERSION", "")) != "2.0":
        problems.append("VERSION is not 2.0")
    for index, event in enumerate(calendar.walk("VEVENT"), start=1):
        where = f"VEVENT {index}"
        for prop in ("UID", "DTSTAMP", "DTSTART"):
            if prop not in event:
                problems.append(f"{where} has no {prop}")
        if "DTSTAMP" in event:
            stamp = event.decoded("DTSTAMP")
            if not isinstance(stamp, dt.datetime) or stamp.utcoffset() != dt.timedelta(0):
                problems.append(f"{where} DTSTAMP is not a UTC date-time")
            elif stamp > now:
                problems.append(f"{where} DTSTAMP {stamp:%Y-%m-%d} is after the file was made")
        if (
            "DTSTART" in event
            and "DTEND" in event
            and event.decoded("DTEND") <= event.decoded("DTSTART")
        ):
            problems.append(f"{where} DTEND is not after DTSTART")
    return problems


# schema.org types the site writes, with the properties search engines need of each.
JSONLD_REQUIRED = {
    "WebSite": ("name", "url"),
    "NewsArticle": ("headline", "datePublished", "image", "author", "publisher"),
    "Event": ("name", "startDate", "location"),
    "TouristAttraction": ("name",),
    "GovernmentOrganization": ("name",),
}


def jsonld_problems(html: str) -> list[str]:
    problems: list[str] = []
    for node in LexborHTMLParser(html).css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text() or "")
        except json.JSONDecodeError as exc:
            problems.append(f"JSON-LD is not JSON: {exc}")
            continue
        for item in data if isinstance(data, list) else [data]:
            if item.get("@context") != "https://schema.org":
                problems.append(f"@context is {item.get('@context')!r}, not https://schema.org")
            kind = item.get("@type")
            if kind not in JSONLD_REQUIRED:
                problems.append(f"unknown @type {kind!r}")
                continue
            for prop in JSONLD_REQUIRED[kind]:
                if not item.get(prop):
                    problems.append(f"{kind} has no {prop}")
            for prop in ("url", "image"):
                values = item.get(prop)
                for value in values if isinstance(values, list) else [values]:
                    if value is not None and not _is_iri(value):
                        problems.append(f"{kind}.{prop} {value!r} is not an absolute URL")
    return problems

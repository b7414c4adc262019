"""JSON-LD for search engines, chosen by what a page is.

- a language's home page: WebSite (with its language and the other language versions);
- a dated page (news): NewsArticle;
- pages that present data get the records they present (TouristAttraction, Event,
  GovernmentOrganization) from the data layer, through `records_for_page`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

RecordsForPage = Callable[[str, str], Sequence[Mapping[str, Any]]]


def website(name: str, url: str, lang: str, description: str) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": name,
        "url": url,
        "inLanguage": lang,
        "description": description,
    }


def news_article(
    title: str,
    description: str,
    url: str,
    lang: str,
    date: dt.date,
    *,
    publisher: str,
    publisher_url: str,
    image: str | None,
) -> dict[str, Any]:
    """The site itself is the author and the publisher: news items are the province's own."""
    stamp = date.isoformat()
    organisation = {"@type": "GovernmentOrganization", "name": publisher, "url": publisher_url}
    item: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title[:110],
        "description": description,
        "url": url,
        "inLanguage": lang,
        "datePublished": stamp,
        "dateModified": stamp,
        "author": organisation,
        "publisher": organisation,
    }
    if image:
        item["image"] = [image]
    return item


def _localised(value: Any, lang: str, fallback: str) -> str:
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get(fallback) or "")
    return str(value or "")


def tourist_attraction(
    record: Mapping[str, Any], url: str, lang: str, fallback: str
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "TouristAttraction",
        "name": _localised(record.get("name"), lang, fallback),
        "description": _localised(record.get("summary"), lang, fallback),
        "url": url,
        "inLanguage": lang,
    }
    location = record.get("location") or {}
    if "lat" in location and "lon" in location:
        item["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": location["lat"],
            "longitude": location["lon"],
        }
    return item


def event(
    name: str, start: dt.date, end: dt.date, place: str, url: str, lang: str
) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": name,
        "startDate": start.isoformat(),
        "endDate": end.isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {
            "@type": "Place",
            "name": place or name,
            "address": {
                "@type": "PostalAddress",
                "addressRegion": "Tây Ninh",
                "addressCountry": "VN",
            },
        },
        "url": url,
        "inLanguage": lang,
    }


def government_organization(record: Mapping[str, Any], lang: str, fallback: str) -> dict[str, Any]:
    item = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": _localised(record.get("name"), lang, fallback),
        "description": _localised(record.get("role"), lang, fallback),
        "areaServed": "Tây Ninh, Việt Nam",
    }
    if record.get("website"):
        item["url"] = record["website"]
    return item


def to_script(items: Sequence[Mapping[str, Any]]) -> str:
    """JSON safe to place inside <script>: no '</' can close the element early."""
    if not items:
        return ""
    payload: Any = items[0] if len(items) == 1 else list(items)
    return json.dumps(payload, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")

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
    title: str, description: str, url: str, lang: str, date: dt.date, publisher: str
) -> dict[str, Any]:
    stamp = date.isoformat()
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title[:110],
        "description": description,
        "url": url,
        "inLanguage": lang,
        "datePublished": stamp,
        "dateModified": stamp,
        "publisher": {"@type": "GovernmentOrganization", "name": publisher},
    }


def to_script(items: Sequence[Mapping[str, Any]]) -> str:
    """JSON safe to place inside <script>: no '</' can close the element early."""
    if not items:
        return ""
    payload: Any = items[0] if len(items) == 1 else list(items)
    return json.dumps(payload, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")

"""One Atom feed per language, reproducible: its `updated` is the newest item's date, not the
build time, so two builds of the same commit give the same bytes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from feedgen.feed import FeedGenerator

from tnsite.news.items import NewsItem


def atom_feed(
    items: Sequence[NewsItem],
    *,
    lang: str,
    base_url: str,
    title: str,
    subtitle: str,
    author: str,
) -> bytes:
    """`base_url` is the absolute URL of the language root, ending in "/". `author` names who
    publishes the site; RFC 4287 requires an author for every entry, and one on the feed
    covers them all. Only items written in `lang` are entries: a feed declares one language,
    and a reader subscribed in Chinese is not sent Vietnamese articles as if they were
    Chinese (the news listing on the pages still shows them, marked as such)."""
    newest = max((item.date for item in items), default=dt.date(2025, 1, 1))
    items = [item for item in items if item.lang == lang]
    if items:
        newest = max(item.date for item in items)
    feed = FeedGenerator()
    feed.id(base_url + "feed.xml")
    feed.title(title)
    feed.author({"name": author, "uri": base_url})
    feed.subtitle(subtitle or title)
    feed.language(lang)
    feed.link(href=base_url, rel="alternate")
    feed.link(href=base_url + "feed.xml", rel="self")
    feed.updated(dt.datetime.combine(newest, dt.time(), dt.UTC))
    for item in reversed(list(items)):  # feedgen prepends entries
        entry = feed.add_entry()
        entry.id(base_url + item.url)
        entry.title(item.title)
        entry.link(href=base_url + item.url)
        entry.summary(item.description or item.title)
        stamp = dt.datetime.combine(item.date, dt.time(), dt.UTC)
        entry.published(stamp)
        entry.updated(stamp)
    return feed.atom_str(pretty=True)

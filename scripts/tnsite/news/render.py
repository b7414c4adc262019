"""Markdown for the `{{ news ... }}` and `{{ events ... }}` directives.

Links are written as relative links to the Markdown files, so MkDocs validates them and turns
them into the right URLs in every language build.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Mapping, Sequence

from tnsite.news.events import Event
from tnsite.news.items import NewsItem
from tnsite.numerals import long_date

Link = Callable[[str], str]  # Markdown path in the language tree → link from the current page


def date_range(start: dt.date, end: dt.date, lang: str, native: bool) -> str:
    if start == end:
        return long_date(start, lang, native)
    return f"{long_date(start, lang, native)} – {long_date(end, lang, native)}"


def news_list(
    items: Sequence[NewsItem],
    *,
    lang: str,
    link: Link,
    strings: Mapping[str, str],
    native_digits: bool = False,
) -> str:
    if not items:
        return f'<p class="tn-empty">{html.escape(strings["news_empty"])}</p>'
    lines = ['<div class="tn-news" markdown>', ""]
    for item in items:
        note = f" {strings['in_language']}" if item.lang != lang else ""
        lines.append(f"- [{item.title}]({link(item.path)}){note}  ")
        shown = long_date(item.date, lang, native_digits)
        stamp = f'<time datetime="{item.date.isoformat()}">{shown}</time>'
        lines.append(f"  {stamp} · {item.description}")
    lines += ["", "</div>"]
    return "\n".join(lines)


def events_list(
    events: Sequence[Event],
    *,
    lang: str,
    fallback: str,
    link: Link,
    strings: Mapping[str, str],
    calendar_href: str,
    event_href: Callable[[Event], str],
    native_digits: bool = False,
) -> str:
    if not events:
        body = f'<p class="tn-empty">{html.escape(strings["events_empty"])}</p>'
    else:
        rows = ['<div class="tn-events" markdown>', ""]
        for event in events:
            name = event.name(lang, fallback)
            if event.page:
                target = link(event.page) + (f"#{event.anchor}" if event.anchor else "")
                name = f"[{name}]({target})"
            when = (
                f'<time datetime="{event.start.isoformat()}">'
                f"{date_range(event.start, event.end, lang, native_digits)}</time>"
            )
            lunar = f" ({strings['lunar_note']})" if event.rule == "lunar" else ""
            place = event.place(lang, fallback)
            add = f'<a href="{event_href(event)}" download>{html.escape(strings["add_event"])}</a>'
            rows.append(f"- **{name}**  ")
            rows.append(f"  {when}{lunar}" + (f" · {place}" if place else "") + f" · {add}")
        rows += ["", "</div>"]
        body = "\n".join(rows)
    calendar = f'<p class="tn-calendar"><a href="{calendar_href}" download>'
    calendar += f"{html.escape(strings['calendar_file'])}</a></p>"
    return body + "\n\n" + calendar

"""Shared pieces of the data views: the page's render context, citations and the sources list.

Every figure a view writes is followed by a citation mark that links to its entry in the
page's "Sources" list (numbered in order of first use), and that entry links to the source
and says, in the page's language, which dates the figures describe. Views return HTML that
Python-Markdown passes through unchanged (block views as raw HTML blocks, the inline `value`
view as inline HTML), so nothing a record contains is read as Markdown.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from tnsite.data.fmt import Formatter, parse_as_of
from tnsite.data.store import Store
from tnsite.stack.material import icon_svg
from tnsite.urls import page_url, relative_href

ICONS = {
    "mountain": "image-filter-hdr",
    "religious": "temple-buddhist",
    "national-park": "pine-tree",
    "lake": "waves",
    "relic": "flag-variant",
    "wetland": "bird",
    "gate": "boom-gate",
    "zone": "factory",
    "contact": "bank",
    "web": "web",
}


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


@lru_cache(maxsize=32)
def icon(name: str) -> str:
    """A Material Design icon bundled with the theme (no request), as inline decorative SVG."""
    svg = icon_svg(ICONS[name])
    return svg.replace("<svg ", '<svg class="tn-icon" aria-hidden="true" focusable="false" ', 1)


@dataclass
class SourceList:
    """The sources cited on one page, numbered in order of first citation."""

    numbers: dict[str, int] = field(default_factory=dict)
    dates: dict[str, list[str]] = field(default_factory=dict)

    def cite(self, source_id: str, as_of: object) -> int:
        number = self.numbers.setdefault(source_id, len(self.numbers) + 1)
        dates = self.dates.setdefault(source_id, [])
        if str(as_of) not in dates:
            dates.append(str(as_of))
        return number

    def __bool__(self) -> bool:
        return bool(self.numbers)


@dataclass
class RenderContext:
    store: Store
    lang: str
    fmt: Formatter
    page_url: str  # the built URL of the page ("en/du-lich/")
    url_prefix: str  # where this build's language lives ("en/")
    today: dt.date
    geo: Mapping[str, Any] | None = None
    sources: SourceList = field(default_factory=SourceList)
    ids: Iterable[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def strings(self) -> Mapping[str, str]:
        return self.fmt.strings

    def s(self, key: str, **values: object) -> str:
        text = self.fmt.strings[key].format(**values) if values else self.fmt.strings[key]
        return self.fmt.digits(text)

    def name(self, text: Mapping[str, str] | None) -> str:
        """A record's text in the page's language (with the language's digits)."""
        if not text:
            return ""
        return self.fmt.digits(
            text.get(self.lang) or text.get(self.store.project.source_code) or ""
        )

    def new_id(self, prefix: str) -> str:
        return f"tn-{prefix}-{next(iter(self.ids))}"

    def href(self, md_path: str, anchor: str | None = None) -> str:
        target = relative_href(self.url_prefix + page_url(md_path), self.page_url)
        return target + (f"#{anchor}" if anchor else "")

    # --- citations -------------------------------------------------------------------------

    def cite(self, record: Mapping[str, Any]) -> str:
        """The citation mark for a record: a superscript number linking to its source."""
        source_id = record.get("source")
        if not source_id:
            return ""
        number = self.sources.cite(source_id, record.get("as_of", ""))
        source = self.store.source(source_id) or {}
        label = self.s(
            "source_ref",
            n=self.fmt.number(number),
            name=source.get("name", source_id),
            date=self.fmt.date(str(record.get("as_of", ""))) if record.get("as_of") else "",
        )
        return (
            f'<sup class="tn-ref"><a href="#tn-src-{number}" aria-label="{esc(label)}" '
            f'title="{esc(label)}">{esc(self.fmt.number(number))}</a></sup>'
        )

    def figure_html(self, figure_id: str, cite: bool = True) -> str:
        """A key figure as inline HTML: the phrase, its machine value, and its citation."""
        record = self.store.figure(figure_id)
        if record is None:
            return self.missing()
        text = self.fmt.figure(record)
        value = machine_value(record)
        return (
            f'<span class="tn-value" data-figure="{esc(figure_id)}">'
            f'<data value="{esc(value)}">{esc(text)}</data>'
            f"{self.cite(record) if cite else ''}</span>"
        )

    def missing(self) -> str:
        return (
            f'<span class="tn-missing"><span aria-hidden="true">{esc(self.s("missing"))}</span>'
            f'<span class="tn-sr">{esc(self.s("missing_label"))}</span></span>'
        )

    def scope_note(self, record: Mapping[str, Any]) -> str:
        scope = record.get("scope")
        if scope in (None, "province", "site"):
            return ""
        return self.s(f"scope.{scope}")

    # --- the sources list ------------------------------------------------------------------

    def sources_section(self) -> str:
        if not self.sources:
            return ""
        items = []
        for source_id, number in self.sources.numbers.items():
            source = self.store.source(source_id) or {"name": source_id}
            name = esc(source.get("name", source_id))
            source_lang = esc(str(source.get("lang") or self.store.project.source_code))
            if source.get("url"):
                cited = (
                    f'<a class="tn-ext" href="{esc(source["url"])}" '
                    f'hreflang="{source_lang}">{name}</a>'
                )
            else:
                cited = name
            parts = [cited]
            if source.get("title"):
                parts.append(f'<cite lang="{source_lang}">{esc(source["title"])}</cite>')
            elif source.get("ref") and not source.get("url"):
                parts.append(f'<span class="tn-src-ref">{esc(source["ref"])}</span>')
            if source.get("published"):
                parts.append(esc(self.s("published", date=self.fmt.date(str(source["published"])))))
            dates = sorted({d for d in self.sources.dates[source_id] if d}, key=_date_key)
            if dates:
                listed = ", ".join(self.fmt.date(d) for d in dates)
                parts.append(esc(self.s("as_of", date=listed)))
            items.append(
                f'<li id="tn-src-{number}" value="{number}">' + " · ".join(parts) + "</li>"
            )
        return (
            '<section class="tn-sources" aria-labelledby="data-sources">'
            f'<h2 id="data-sources">{esc(self.s("sources_title"))}</h2>'
            f'<p class="tn-sources__intro">{esc(self.s("sources_intro"))}</p>'
            f"<ol>{''.join(items)}</ol></section>"
        )


SCALES = {"million": 10**6, "billion": 10**9}


def machine_value(record: Mapping[str, Any]) -> str:
    """The figure as a plain number for `<data value>`: 24.3 billion → 24300000000."""
    value = record["value"] * SCALES.get(record.get("scale", ""), 1)
    return f"{value:.0f}" if float(value).is_integer() else repr(float(value))


def _date_key(text: str) -> dt.date:
    return parse_as_of(text)[0]


def block(html_text: str) -> str:
    """Raw HTML as its own Markdown block."""
    return "\n\n" + html_text + "\n\n"

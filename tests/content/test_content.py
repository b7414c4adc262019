"""The content's promises: every page in every language (translated, or declared pending in
i18n/pending.yml), Khmer pages in Khmer script, enough news and events, feeds and calendars
that parse."""

from __future__ import annotations

import re
from pathlib import Path

from icalendar import Calendar
from lxml import etree
from mkdocs.utils.meta import get_data

from tnsite.i18n.pending import load_pending
from tnsite.text import khmer_share

DIRECTIVE = re.compile(r"\{\{.*?\}\}")
LINK_TARGET = re.compile(r"\]\([^)]*\)|\{#[^}]*\}|<[^>]+>")
ATOM = "{http://www.w3.org/2005/Atom}"


def pages(project, code: str) -> set[str]:
    base = project.lang_dir(code)
    return {p.relative_to(base).as_posix() for p in base.rglob("*.md")}


def prose(path: Path) -> str:
    body, _ = get_data(path.read_text(encoding="utf-8"))
    return LINK_TARGET.sub(" ", DIRECTIVE.sub(" ", body))


def declared_pending(project, code: str) -> set[str]:
    pending, _ = load_pending(project.root, project.translation_codes)
    return {p.path for p in pending if p.lang == code}


def test_at_least_25_pages_and_the_same_set_in_every_language(project) -> None:
    source = pages(project, project.source_code)
    assert len(source) >= 25
    for code in project.translation_codes:
        translated = pages(project, code)
        assert translated <= source, code
        assert translated | declared_pending(project, code) == source, code


def test_most_vietnamese_pages_are_substantial(project) -> None:
    words = {p: len(prose(project.lang_dir("vi") / p).split()) for p in pages(project, "vi")}
    assert sum(n >= 300 for n in words.values()) >= len(words) / 2, words


def test_khmer_pages_are_written_in_khmer_script(project) -> None:
    for page in sorted(pages(project, "km")):
        share = khmer_share(prose(project.lang_dir("km") / page))
        assert share >= 0.8, f"docs/km/{page}: only {share:.0%} of its letters are Khmer"


def news(project, code: str) -> list[str]:
    return [p for p in pages(project, code) if p.startswith("tin-tuc/2")]


def test_at_least_six_news_items_in_each_language_that_translates_the_news(project) -> None:
    assert len(news(project, project.source_code)) >= 6
    for code in project.translation_codes:
        assert len(news(project, code)) >= 6 or not news(project, code), code


def test_feeds_and_calendars_parse_in_every_language(project, built_site: Path) -> None:
    for lang in project.languages:
        feed = etree.parse(str(built_site / lang.url_prefix / "feed.xml")).getroot()
        assert feed.tag == f"{ATOM}feed"
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") in (None, lang.code)
        # a feed carries the articles written in its language, and only those
        assert len(feed.findall(f"{ATOM}entry")) == len(news(project, lang.code)), lang.code
        cal = Calendar.from_ical((built_site / lang.url_prefix / "events.ics").read_bytes())
        events = cal.walk("VEVENT")
        assert len(events) >= 8, lang.code
        assert all(e.get("summary") for e in events)

"""Each validator fed the fault it exists to catch, and the real site through all of them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.standards.validators import atom_problems, ics_problems, jsonld_problems, nu_html_checker

NOW = dt.datetime(2026, 12, 4, 12, tzinfo=dt.UTC)
FEED = b"""<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>https://x.test/feed.xml</id><title>T</title><updated>2025-12-08T00:00:00+00:00</updated>
  <author><name>Tay Ninh</name></author>
  <link href="https://x.test/feed.xml" rel="self"/>
  <entry><id>https://x.test/a/</id><title>A</title><updated>2025-12-08T00:00:00+00:00</updated>
    <link href="https://x.test/a/"/></entry>
</feed>"""
CALENDAR = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x.test//events//VI\r\n"
    b"BEGIN:VEVENT\r\nUID:a@x.test\r\nDTSTAMP:20261204T000000Z\r\n"
    b"DTSTART;VALUE=DATE:20270915\r\nDTEND;VALUE=DATE:20270917\r\nSUMMARY:A\r\n"
    b"END:VEVENT\r\nEND:VCALENDAR\r\n"
)
JSONLD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
    '"NewsArticle", "headline": "H", "datePublished": "2025-12-08", "image": '
    '["https://x.test/c.png"], "author": {"name": "T"}, "publisher": {"name": "T"}, '
    '"url": "https://x.test/a/"}</script>'
)


def test_valid_inputs_pass() -> None:
    assert atom_problems(FEED) == []
    assert ics_problems(CALENDAR, NOW) == []
    assert jsonld_problems(JSONLD) == []


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (FEED.replace(b"<author><name>Tay Ninh</name></author>", b""), "no atom:author"),
        (FEED.replace(b"<title>A</title>", b""), "entry 1 has 0 atom:title"),
        (
            FEED.replace(
                b"2025-12-08T00:00:00+00:00</updated>\n  <author>", b"8 Dec</updated><author>"
            ),
            "RFC 3339",
        ),
        (FEED.replace(b'rel="self"', b'rel="related"'), 'rel="self"'),
        (b"<feed>", "not well-formed"),
    ],
)
def test_a_broken_feed_fails(broken: bytes, expected: str) -> None:
    assert any(expected in p for p in atom_problems(broken)), atom_problems(broken)


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (
            CALENDAR.replace(b"DTSTAMP:20261204T000000Z", b"DTSTAMP:20270915T000000Z"),
            "after the file",
        ),
        (CALENDAR.replace(b"UID:a@x.test\r\n", b""), "has no UID"),
        (CALENDAR.replace(b"PRODID:-//x.test//events//VI\r\n", b""), "no PRODID"),
        (CALENDAR.replace(b"DTEND;VALUE=DATE:20270917", b"DTEND;VALUE=DATE:20270914"), "DTEND"),
    ],
)
def test_a_broken_calendar_fails(broken: bytes, expected: str) -> None:
    assert any(expected in p for p in ics_problems(broken, NOW)), ics_problems(broken, NOW)


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (JSONLD.replace('"image": ["https://x.test/c.png"], ', ""), "NewsArticle has no image"),
        (JSONLD.replace('"author": {"name": "T"}, ', ""), "no author"),
        (JSONLD.replace("https://schema.org", "http://schema.org"), "@context"),
        (JSONLD.replace('"NewsArticle"', '"Article2"'), "unknown @type"),
        (JSONLD.replace('"https://x.test/a/"', '"/a/"'), "not an absolute URL"),
        (JSONLD.replace("}</script>", "</script>"), "not JSON"),
    ],
)
def test_broken_structured_data_fails(broken: str, expected: str) -> None:
    assert any(expected in p for p in jsonld_problems(broken)), jsonld_problems(broken)


def test_the_nu_checker_reports_a_broken_page(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>x</title></head>'
        "<body><figure><p>a</p><figcaption>c</figcaption><details><summary>s</summary></details>"
        '</figure><label tabindex="">l</label></body></html>',
        encoding="utf-8",
    )
    messages = nu_html_checker([page])
    text = " ".join(m["message"] for m in messages)
    assert "details" in text and "tabindex" in text


def test_the_real_site_is_valid_html(built_site: Path) -> None:
    messages = nu_html_checker([built_site])
    assert messages == [], [
        (m.get("url", "")[-50:], m.get("lastLine"), m["message"][:120]) for m in messages[:10]
    ]


def test_the_real_feeds_calendars_and_structured_data_are_valid(project, built_site: Path) -> None:
    now = dt.datetime.now(dt.UTC)
    feeds = calendars = pages = 0
    for lang in project.languages:
        root = built_site / lang.url_prefix
        problems = atom_problems((root / "feed.xml").read_bytes())
        assert problems == [], (lang.code, problems)
        feeds += 1
        for ics in [root / "events.ics", *sorted((root / "events").glob("*.ics"))]:
            assert ics_problems(ics.read_bytes(), now) == [], ics
            calendars += 1
    for page in sorted(built_site.rglob("*.html")):
        if "/admin/" in page.as_posix():
            continue
        html = page.read_text(encoding="utf-8")
        assert jsonld_problems(html) == [], page
        pages += "application/ld+json" in html
    assert feeds == len(project.languages) and calendars > 10 and pages > 20
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {project.site_url}sitemap.xml" in robots

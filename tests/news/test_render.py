import datetime as dt
from pathlib import Path

from tnsite.news import render
from tnsite.news.events import Event
from tnsite.news.items import NewsItem
from tnsite.strings import load_strings

STRINGS = load_strings(
    Path(__file__).parents[2] / "scripts/tnsite/news/strings.yml", ("vi", "en", "km")
)
EVENT = Event(
    "hoi-yen-2027-09-15",
    dt.date(2027, 9, 15),
    dt.date(2027, 9, 15),
    {"vi": "Hội Yến Diêu Trì Cung", "km": "ពិធីបុណ្យ"},
    {},
    "du-lich/le-hoi.md",
    "hoi-yen-dieu-tri-cung",
    "lunar",
)


def link(target: str) -> str:
    return "../" + target


def test_news_list_formats_dates_per_language_and_marks_fallbacks() -> None:
    items = [NewsItem("tin-tuc/a.md", "vi", "Tin", "Mô tả", dt.date(2025, 7, 1))]
    vi = render.news_list(items, lang="vi", link=link, strings=STRINGS["vi"])
    en = render.news_list(items, lang="en", link=link, strings=STRINGS["en"])
    assert "[Tin](../tin-tuc/a.md)" in vi and "1 tháng 7, 2025" in vi
    assert "July 1, 2025" in en and "(in Vietnamese)" in en
    assert "(bản tiếng Việt)" not in vi


def test_events_list_links_the_story_and_a_calendar_file_per_event() -> None:
    out = render.events_list(
        [EVENT],
        lang="km",
        fallback="vi",
        link=link,
        strings=STRINGS["km"],
        calendar_href="../events.ics",
        event_href=lambda e: f"../events/{e.id}.ics",
    )
    assert "[ពិធីបុណ្យ](../du-lich/le-hoi.md#hoi-yen-dieu-tri-cung)" in out
    assert 'href="../events/hoi-yen-2027-09-15.ics"' in out
    assert 'href="../events.ics"' in out
    assert STRINGS["km"]["lunar_note"] in out


def test_empty_lists_say_so() -> None:
    assert STRINGS["en"]["news_empty"] in render.news_list(
        [], lang="en", link=link, strings=STRINGS["en"]
    )


def test_dates_take_the_digits_of_the_pages_figures() -> None:
    items = [NewsItem("tin-tuc/a.md", "km", "ព័ត៌មាន", "ពិពណ៌នា", dt.date(2026, 2, 20))]
    native = render.news_list(
        items, lang="km", link=link, strings=STRINGS["km"], native_digits=True
    )
    latin = render.news_list(items, lang="km", link=link, strings=STRINGS["km"])
    assert "២០ កុម្ភៈ ២០២៦" in native and 'datetime="2026-02-20"' in native
    assert "20 កុម្ភៈ 2026" in latin
    event = render.events_list(
        [EVENT],
        lang="km",
        fallback="vi",
        link=link,
        strings=STRINGS["km"],
        calendar_href="../events.ics",
        event_href=lambda e: f"../events/{e.id}.ics",
        native_digits=True,
    )
    assert "១៥ កញ្ញា ២០២៧" in event and "2027-09-15" in event


def test_khmer_pages_of_the_real_site_write_dates_in_khmer_digits(built_site: Path) -> None:
    """The data plugin's native_digits reaches every date a Khmer visitor reads: news, events,
    and the notes on translations."""
    import re

    dates = re.compile(r"<time[^>]*>([^<]*)</time>")
    pages = ["km/tin-tuc/index.html", "km/su-kien/index.html", "km/index.html"]
    shown = [d for page in pages for d in dates.findall((built_site / page).read_text("utf-8"))]
    assert shown and not [d for d in shown if re.search(r"[0-9]", d)], shown

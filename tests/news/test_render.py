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

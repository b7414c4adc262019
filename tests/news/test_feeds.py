import datetime as dt

from icalendar import Calendar
from lxml import etree

from tnsite.news.calendar import ics_calendar
from tnsite.news.events import Event
from tnsite.news.feeds import atom_feed
from tnsite.news.items import NewsItem

ATOM = "{http://www.w3.org/2005/Atom}"
ITEMS = [
    NewsItem("tin-tuc/b.md", "km", "ច្រកព្រំដែន", "អត្ថបទ", dt.date(2025, 12, 8)),
    NewsItem("tin-tuc/a.md", "vi", "Tỉnh mới", "Mô tả", dt.date(2025, 7, 1)),
]


def test_atom_feed_is_valid_and_reproducible() -> None:
    args = dict(
        lang="km", base_url="https://x.test/km/", title="ព័ត៌មាន", subtitle="s", author="ខេត្តតៃនិញ"
    )
    xml = atom_feed(ITEMS, **args)
    assert xml == atom_feed(ITEMS, **args)
    root = etree.fromstring(xml)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    assert root.findtext(f"{ATOM}updated").startswith("2025-12-08")
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "ខេត្តតៃនិញ"
    entries = root.findall(f"{ATOM}entry")
    # the Vietnamese item (a fallback on Khmer pages) is not sent as a Khmer entry
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["ច្រកព្រំដែន"]
    assert entries[0].find(f"{ATOM}link").get("href") == "https://x.test/km/tin-tuc/b/"
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{required}") is not None


def test_ics_calendar_round_trips_with_exclusive_end() -> None:
    event = Event(
        "hoi-yen-2027-09-15",
        dt.date(2027, 9, 15),
        dt.date(2027, 9, 16),
        {"vi": "Hội Yến", "en": "Yến Diêu Trì Cung Festival"},
        {"en": "Holy See"},
        "du-lich/le-hoi.md",
        "hoi-yen-dieu-tri-cung",
        "lunar",
    )
    data = ics_calendar(
        [event],
        lang="en",
        fallback="vi",
        base_url="https://x.test/en/",
        name="n",
        domain="x.test",
        made=dt.date(2026, 12, 4),
    )
    cal = Calendar.from_ical(data)
    (vevent,) = cal.walk("VEVENT")
    assert str(vevent["summary"]) == "Yến Diêu Trì Cung Festival"
    assert vevent.decoded("dtstart") == dt.date(2027, 9, 15)
    assert vevent.decoded("dtend") == dt.date(2027, 9, 17)
    assert str(vevent["url"]) == "https://x.test/en/du-lich/le-hoi/#hoi-yen-dieu-tri-cung"
    assert str(cal["version"]) == "2.0" and "prodid" in cal
    assert vevent.decoded("dtstamp") == dt.datetime(2026, 12, 4, tzinfo=dt.UTC)

import datetime as dt

from tnsite.news.events import upcoming
from tnsite.recurrence import occurrence

HOI_XUAN = {"calendar": "lunar", "month": 1, "day": 4}
HOI_YEN = {"calendar": "lunar", "month": 8, "day": 15}


def test_lunar_dates_match_the_dates_reported_in_2025() -> None:
    # Hội Xuân Núi Bà opened on 1 Feb 2025; Hội Yến Diêu Trì Cung was held on 6 Oct 2025.
    assert occurrence(HOI_XUAN, 2025) == dt.date(2025, 2, 1)
    assert occurrence(HOI_YEN, 2025) == dt.date(2025, 10, 6)


def test_vietnamese_not_chinese_calendar() -> None:
    # Tết 1985 is the textbook case where the Vietnamese (UTC+7) and Chinese (UTC+8)
    # calendars differ: 21 January in Vietnam, 20 February in China.
    assert occurrence({"calendar": "lunar", "month": 1, "day": 1}, 1985) == dt.date(1985, 1, 21)


def test_upcoming_lists_next_occurrences_soonest_first() -> None:
    records = [
        {"id": "hoi-yen", "name": {"vi": "Hội Yến"}, "recurrence": HOI_YEN},
        {
            "id": "new-year",
            "name": {"vi": "Chôl Chnăm"},
            "recurrence": {"month": 4, "day": 14, "days": 3},
        },
    ]
    events = upcoming(records, dt.date(2026, 11, 26), horizon_days=400)
    assert [e.id for e in events] == ["new-year-2027-04-14", "hoi-yen-2027-09-15"]
    assert events[0].end == dt.date(2027, 4, 16)


def test_an_event_in_progress_is_still_upcoming() -> None:
    records = [{"id": "x", "name": {}, "recurrence": {"month": 4, "day": 14, "days": 3}}]
    assert upcoming(records, dt.date(2027, 4, 15), 30)[0].start == dt.date(2027, 4, 14)


def test_a_rule_that_names_no_day_is_left_out_not_a_crash() -> None:
    today = dt.date(2026, 1, 1)
    written_wrong = [
        {"id": "text", "recurrence": "mùng 4 tháng Giêng âm lịch"},
        {"id": "no-day", "recurrence": {"calendar": "lunar", "month": 1}},
        {"id": "feb-30", "recurrence": {"calendar": "solar", "month": 2, "day": 30}},
        {"id": "lunar-32", "recurrence": {"calendar": "lunar", "month": 1, "day": 32}},
        {"id": "days-text", "recurrence": {**HOI_XUAN, "days": "ba ngày"}},
    ]
    found = upcoming(written_wrong, today, horizon_days=365)
    # Only the rule with a day: its one occurrence, lasting one day since "ba ngày" is no number.
    assert [(e.id, e.end - e.start) for e in found] == [("days-text-2026-02-20", dt.timedelta(0))]

"""The days a yearly festival falls on, from its `recurrence` rule in data/festivals.yml.

Festivals recur by the Vietnamese lunar calendar (computed for UTC+7, which differs from the
Chinese calendar in some years) or by the solar calendar. The events list, the calendar files
and the festivals table all read the rule here, so they agree on every date, and a rule an
editor wrote wrong (a text, a day missing, 30 February) names no day instead of stopping the
build: the data checks report it at its line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import lunar_vn


def occurrence(recurrence: Mapping[str, object], year: int) -> dt.date:
    """The first day of a festival in a given (lunar or solar) year."""
    month, day = recurrence["month"], recurrence["day"]
    if not isinstance(month, int) or not isinstance(day, int):
        raise TypeError("month and day must be numbers")
    if recurrence.get("calendar", "solar") == "lunar":
        return lunar_vn.lunar_to_solar(lunar_vn.LunarDate(day, month, year), time_zone=7.0)
    return dt.date(year, month, day)


def first_day(recurrence: object, year: int) -> dt.date | None:
    """`occurrence`, or None when the rule names no day of that year."""
    if not isinstance(recurrence, Mapping):
        return None
    try:
        return occurrence(recurrence, year)
    except (KeyError, TypeError, ValueError, OverflowError):
        return None


def duration(recurrence: Mapping[str, object]) -> int:
    """How many days the festival lasts (1 unless the rule says more)."""
    days = recurrence.get("days", 1)
    return days if isinstance(days, int) and days >= 1 else 1


def next_start(recurrence: object, today: dt.date) -> dt.date | None:
    """The first day of the next occurrence that has not ended by `today`."""
    if not isinstance(recurrence, Mapping):
        return None
    for year in range(today.year - 1, today.year + 2):
        start = first_day(recurrence, year)
        if start is not None and start + dt.timedelta(days=duration(recurrence) - 1) >= today:
            return start
    return None

"""Dated events from the festivals dataset.

Their next occurrences are computed at build time (tnsite/recurrence.py), so the events list
and the calendar files never need a yearly hand edit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tnsite.recurrence import duration, first_day


@dataclass(frozen=True)
class Event:
    id: str
    start: dt.date
    end: dt.date  # inclusive
    names: Mapping[str, str]
    places: Mapping[str, str]
    page: str | None  # Markdown path (relative to a language folder) with the festival's story
    anchor: str | None
    rule: str  # "lunar" or "solar"

    def name(self, lang: str, fallback: str) -> str:
        return self.names.get(lang) or self.names.get(fallback) or self.id

    def place(self, lang: str, fallback: str) -> str:
        return self.places.get(lang) or self.places.get(fallback) or ""


def upcoming(
    records: Iterable[Mapping[str, Any]], today: dt.date, horizon_days: int = 400
) -> list[Event]:
    """Occurrences that end on or after `today` and start within the horizon, soonest first."""
    events: list[Event] = []
    last = today + dt.timedelta(days=horizon_days)
    for record in records:
        recurrence = record.get("recurrence")
        if not isinstance(recurrence, Mapping):
            continue
        days = duration(recurrence)
        for year in range(today.year - 1, last.year + 1):
            start = first_day(recurrence, year)
            if start is None:
                continue
            end = start + dt.timedelta(days=days - 1)
            if end >= today and start <= last:
                events.append(
                    Event(
                        id=f"{record['id']}-{start.isoformat()}",
                        start=start,
                        end=end,
                        names=dict(record.get("name") or {}),
                        places=dict(record.get("place") or {}),
                        page=record.get("page"),
                        anchor=record.get("anchor"),
                        rule=str(recurrence.get("calendar", "solar")),
                    )
                )
    return sorted(events, key=lambda e: (e.start, e.id))

"""Dates as editors write them, turned into the form to write instead."""

from __future__ import annotations

import pytest

from tnsite.text import iso_date


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("20/02/2026", "2026-02-20"),
        ("1/2/2025", "2025-02-01"),  # day first, as written in Vietnam
        ("20-02-2026", "2026-02-20"),
        ("20.02.2026", "2026-02-20"),
        ("2026/02/20", "2026-02-20"),
        ("2026-02-20 08:00", "2026-02-20"),
        ("2026-02-20T08:00:00", "2026-02-20"),
        ("30/02/2026", None),  # no such day: nothing to offer
        ("tháng 2 năm 2026", None),
        ("", None),
    ],
)
def test_the_date_to_write(written: str, meant: str | None) -> None:
    assert iso_date(written) == meant

"""The notes a visitor reads on a page built by fallback or behind its source: dates in the
digits the language's figures use."""

from __future__ import annotations

import datetime as dt

from tnsite.i18n import visitors
from tnsite.i18n.plugin import STRINGS
from tnsite.strings import load_strings

TEXTS = load_strings(STRINGS, ("vi", "en", "km"))


def test_notes_on_khmer_pages_write_their_dates_in_khmer_digits() -> None:
    fallback = visitors.fallback(
        TEXTS["km"],
        lang="km",
        source_lang="vi",
        page_url="km/a/",
        source_url="a/",
        until=dt.date(2027, 6, 30),
        native_digits=True,
    )
    stale = visitors.stale_note(
        TEXTS["km"],
        lang="km",
        source_lang="vi",
        changed=dt.date(2026, 3, 1),
        page_url="km/a/",
        source_url="a/",
        native_digits=True,
    )
    assert "៣០ មិថុនា ២០២៧" in fallback.planned
    assert "២០២៦" in stale["text"] and "2026" not in stale["text"]
    latin = visitors.stale_note(
        TEXTS["en"],
        lang="en",
        source_lang="vi",
        changed=dt.date(2026, 3, 1),
        page_url="en/a/",
        source_url="a/",
    )
    assert "March 1, 2026" in latin["text"]

"""Digits and dates in the page's language.

CLDR writes Khmer with Latin digits by default; this site writes its Khmer pages with Khmer
digits (the languages are listed in the data plugin's `native_digits` option, read by
`Project.native_digits`). Every date and figure a visitor reads goes through here, so a page
never mixes the two systems: the figures from data/, the dates of news and events, the notes
on translations, the publications' editions and page numbers.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date


@lru_cache(maxsize=8)
def native_digit_table(lang: str) -> dict[int, str]:
    """A str.translate table from 0-9 to the language's native digits (empty when Latin).

    The digits come from ICU's `native` numbering system for the language, so the same option
    works for any language that has native digits."""
    import icu

    system = icu.NumberingSystem.createInstance(icu.Locale(f"{lang}@numbers=native"))
    digits = system.getDescription()
    if system.isAlgorithmic() or len(digits) != 10 or digits == "0123456789":
        return {}
    return {ord(str(i)): digits[i] for i in range(10)}


def in_digits(text: str, lang: str, native: bool) -> str:
    return text.translate(native_digit_table(lang)) if native else text


def long_date(date: dt.date, lang: str, native: bool) -> str:
    """'20 កុម្ភៈ ២០២៦' with native digits, '20 February 2026' in English."""
    return in_digits(format_date(date, format="long", locale=lang), lang, native)

"""Numbers, units, qualifiers and dates per language."""

from __future__ import annotations

from pathlib import Path

import pytest

from tnsite.data.fmt import NBSP, Formatter
from tnsite.strings import load_strings

STRINGS = load_strings(
    Path(__file__).parents[2] / "scripts/tnsite/data/strings.yml", ("vi", "en", "km", "zh")
)


def fmt(lang: str, native: bool = False) -> Formatter:
    return Formatter(lang, STRINGS[lang], native)


@pytest.mark.parametrize(
    ("lang", "expected"), [("vi", "1.234,5"), ("en", "1,234.5"), ("km", "1,234.5")]
)
def test_decimal_and_group_separators(lang: str, expected: str) -> None:
    assert fmt(lang).number(1234.5) == expected


def test_khmer_digits_when_native_digits_are_chosen() -> None:
    assert fmt("km", native=True).number(1234.5) == "១,២៣៤.៥"
    assert fmt("km", native=True).date("2025-07-01") == "១ កក្កដា ២០២៥"
    assert fmt("en", native=True).number(1234.5) == "1,234.5"  # English has no native digits


@pytest.mark.parametrize(
    ("lang", "record", "expected"),
    [
        ("vi", {"value": 8500, "qualifier": "over", "unit": "km2"}, "hơn 8.500 km²"),
        ("en", {"value": 8500, "qualifier": "over", "unit": "km2"}, "over 8,500 km²"),
        ("km", {"value": 8500, "qualifier": "over", "unit": "km2"}, "ជាង 8,500 km²"),
        ("vi", {"value": 24.3, "unit": "usd", "scale": "billion"}, "24,3 tỷ USD"),
        ("en", {"value": 24.3, "unit": "usd", "scale": "billion"}, "US$24.3 billion"),
        ("km", {"value": 24.3, "unit": "usd", "scale": "billion"}, "24.3 ពាន់លានដុល្លារអាមេរិក"),
        ("vi", {"value": 370, "qualifier": "about", "unit": "km"}, "khoảng 370 km"),
        ("en", {"value": 3, "qualifier": "over", "scale": "million"}, "over 3 million"),
        ("en", {"value": 192, "total": 193}, "192 of 193"),
        ("vi", {"value": 192, "total": 193}, "192/193"),
        ("en", {"value": 4041.65, "decimals": 2, "unit": "km2"}, "4,041.65 km²"),
        ("vi", {"value": 2500, "unit": "vnd", "scale": "billion"}, "2.500 tỷ đồng"),
        ("en", {"value": 84, "unit": "percent"}, "84%"),
        ("en", {"value": 47}, "47"),
        # Chinese counts in 万 (10⁴) and 亿 (10⁸): 24.3 billion is 243 亿, 3 million 300 万,
        # and 815 million (81,500 万) reads one group up as 8.15 亿.
        ("zh", {"value": 24.3, "unit": "usd", "scale": "billion"}, "243 亿美元"),
        (
            "zh",
            {"value": 24.3, "decimals": 1, "qualifier": "over", "unit": "usd", "scale": "billion"},
            "超过 243 亿美元",
        ),
        ("zh", {"value": 3, "qualifier": "over", "scale": "million"}, "超过 300 万"),
        ("zh", {"value": 815, "unit": "usd", "scale": "million"}, "8.15 亿美元"),
        ("zh", {"value": 1928}, "1,928"),
        ("vi", {"value": 815, "unit": "usd", "scale": "million"}, "815 triệu USD"),
    ],
)
def test_figures_read_naturally_in_each_language(lang: str, record: dict, expected: str) -> None:
    assert fmt(lang).figure(record) == expected.replace(" ", NBSP)


@pytest.mark.parametrize(
    ("lang", "as_of", "expected"),
    [
        ("vi", "2025", "2025"),
        ("vi", "2025-06", "tháng 6 năm 2025"),
        ("en", "2025-06", "June 2025"),
        ("km", "2025-06", "មិថុនា 2025"),
        ("vi", "2025-07-01", "1 tháng 7, 2025"),
        ("en", "2025-07-01", "July 1, 2025"),
        ("en", 2024, "2024"),
    ],
)
def test_dates_keep_their_precision(lang: str, as_of: str, expected: str) -> None:
    assert fmt(lang).date(as_of) == expected

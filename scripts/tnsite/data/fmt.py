"""Numbers, units, qualifiers and dates in the page's language.

Numbers come from Babel (CLDR): Vietnamese `1.234,5`, English `1,234.5`, Khmer `1,234.5`
with CLDR's separators for `km`.

Digits: CLDR's default for Khmer is Latin digits, and that stays the default here for every
language. This site lists `km` in the data plugin's `native_digits` option (mkdocs.yml), so
its Khmer pages show Khmer digits (`១,២៣៤.៥`, `ឆ្នាំ ២០២៥`):

- the site's Khmer prose writes years and numbers in Khmer digits, as Cambodian government
  texts and the Khmer press (AKP, Fresh News, VNA's Khmer service) do; a figure in Latin digits
  inside such a sentence looks like a foreign insert;
- Khmer digits map one to one onto 0–9, so the value stays exact; the machine-readable value
  (`<data value="8500">`) is always written with Latin digits;
- the digits come from ICU's `native` numbering system for the language
  (tnsite/numerals.py), so the same option works for any language that has native digits.

With native digits on, the words the views write around figures (units, labels, dates) get
the same digits, so a page never mixes the two systems.

Units and qualifiers ("over", "about") are phrases per language in strings.yml, so word order
can differ between languages. Dates follow the precision the data gives: a year, a month or a
day.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal

from tnsite.numerals import native_digit_table

NBSP = "\u00a0"
# The words around figures, per language (units, qualifiers, labels).
STRINGS = Path(__file__).with_name("strings.yml")


def parse_as_of(text: str) -> tuple[dt.date, str]:
    """'2025' / '2025-06' / '2025-06-30' → (first day, precision 'year'|'month'|'day')."""
    parts = [int(p) for p in str(text).split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), "year"
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 1), "month"
    return dt.date(parts[0], parts[1], parts[2]), "day"


@dataclass(frozen=True)
class Formatter:
    lang: str
    strings: Mapping[str, str]
    native_digits: bool = False

    def digits(self, text: str) -> str:
        return text.translate(native_digit_table(self.lang)) if self.native_digits else text

    def number(self, value: float, decimals: int | None = None) -> str:
        if decimals is not None:
            pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
            text = format_decimal(value, format=pattern, locale=self.lang)
        else:
            text = format_decimal(value, locale=self.lang)
        return self.digits(text)

    def figure(self, record: Mapping[str, Any], value: float | None = None) -> str:
        """'hơn 8.500 km²', 'US$24.3 billion', '243 亿美元', '192 of 193': one phrase, no line
        break."""
        raw = record["value"] if value is None else value
        if "total" in record:
            number = self.number(raw, record.get("decimals"))
            text = self.strings["of"].format(n=number, total=self.number(record["total"]))
        else:
            unit, scale = record.get("unit", "none"), record.get("scale")
            decimals = record.get("decimals")
            if scale == "million" and self._grouped_past(raw, unit):
                # 815 million in 万 would read 81,500 万: past 9,999 万 the language counts in 亿.
                raw, scale = raw / 1000, "billion"
                decimals = None if decimals is None else decimals + 3
            key = f"unit.{unit}" + (f".{scale}" if scale else "")
            factor, decimals = self._rescale(scale, decimals)
            text = self.strings[key].format(n=self.number(raw * factor, decimals))
        if record.get("qualifier"):
            text = self.strings["qualifier." + record["qualifier"]].format(x=text)
        return text.replace(" ", NBSP)

    def _grouped_past(self, millions: float, unit: str) -> bool:
        """Whether a figure in millions reaches the next group of a language that counts in
        groups of 10⁴ (10,000 万 = 1 亿), so that it reads better one scale up."""
        factor = float(self.strings.get("scale.million", 1))
        return factor > 1 and millions * factor >= 10_000 and f"unit.{unit}.billion" in self.strings

    def _rescale(self, scale: str | None, decimals: int | None) -> tuple[float, int | None]:
        """A language that counts large numbers in other groups says so in strings.yml:
        Chinese counts in 万 (10⁴) and 亿 (10⁸), so `scale.billion: 10` turns 24.3 billion into
        243 亿. The data keeps one value; its decimals shrink with the factor so the figure
        claims no more precision than the source gives."""
        factor = float(self.strings.get(f"scale.{scale}", 1)) if scale else 1.0
        if decimals is not None and factor > 1:
            decimals = max(0, decimals - round(math.log10(factor)))
        return factor, decimals

    def date(self, as_of: str) -> str:
        """A data date at its own precision: '2025', 'tháng 6 năm 2025', '30 June 2025'."""
        day, precision = parse_as_of(as_of)
        if precision == "year":
            return self.digits(str(day.year))
        if precision == "month":
            return self.digits(format_skeleton("yMMMM", day, locale=self.lang))
        return self.digits(format_date(day, format="long", locale=self.lang))

    def full_date(self, day: dt.date) -> str:
        return self.digits(format_date(day, format="long", locale=self.lang))

    def day_month(self, day: dt.date) -> str:
        """'14 April' without a year, for solar recurrence rules."""
        return self.digits(format_skeleton("MMMMd", day, locale=self.lang))

    def text(self, key: str, **values: object) -> str:
        return self.strings[key].format(**values)

"""Text normalisation shared by heading ids, search and checks; the "did you mean" of messages.

Vietnamese folding strips only the Latin combining diacritics (U+0300–U+036F) and maps đ/Đ:
stripping every combining mark would also delete Khmer vowel signs and the coeng (U+17D2).

Vietnamese writes the tone mark of a word-final "oa", "oe" or "uy" in two accepted places (old
style "hoà", "thuỷ"; new style "hòa", "thủy"). `normalize_tone_marks` maps both to one spelling
for matching only; what editors wrote is never rewritten. The site search applies the same
rules in the browser (scripts/tnsite/search/rules.js); a test runs both on the same words.
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
import re
import unicodedata
from collections.abc import Iterable

_LATIN_MARKS = re.compile("[\u0300-\u036f]")
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


# Characters a keyboard or a word processor leaves that no one sees: a no-break space, the
# zero-width ones and a byte-order mark. Where a name or an address is read, they make another.
INVISIBLE = {char: f"U+{ord(char):04X}" for char in "\u00a0\u200b\u200c\u200d\u2060\ufeff"}


def fold_latin(text: str) -> str:
    """'Tòa Thánh' and 'Toà Thánh' both become 'Toa Thanh'; Khmer text is returned unchanged."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    return unicodedata.normalize("NFC", _LATIN_MARKS.sub("", decomposed))


# A tone mark (grave, acute, tilde, hook above, dot below) on the second vowel of a word-final
# "oa", "oe" or "uy", in decomposed form: "hoà" is h, o, a, U+0300. After "q" the "u" belongs
# to the consonant ("quỷ" has one spelling), so it is left alone.
_OLD_STYLE_TONE = re.compile(
    "(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![^\\W_]|[\u0300-\u036f])"
)


def normalize_tone_marks(text: str) -> str:
    """'hoà' → 'hòa', 'Toà' → 'Tòa', 'thuỷ' → 'thủy'; 'hoàng' and Khmer text are unchanged.

    The tone mark moves to the first vowel of a word-final oa/oe/uy (the new style), so text
    in either style compares equal. Returns NFC.
    """
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _OLD_STYLE_TONE.sub(r"\1\3\2", decomposed))


def search_key(word: str) -> str:
    """The exact form of a word for search: NFC, one tone-mark style, lower case."""
    return normalize_tone_marks(word).lower()


def is_khmer(char: str) -> bool:
    return "\u1780" <= char <= "\u17ff" or "\u19e0" <= char <= "\u19ff"


def khmer_share(text: str) -> float:
    """Share of letters (Unicode L* and M*) that are Khmer, ignoring digits and punctuation."""
    letters = [c for c in text if unicodedata.category(c)[0] in "LM"]
    if not letters:
        return 0.0
    return sum(is_khmer(c) for c in letters) / len(letters)


def closest(word: str, options: list[str] | tuple[str, ...], cutoff: float = 0.6) -> str:
    """The option an editor most likely meant by a misspelt `word` ("" when none is close):
    the suggestion "did you mean …?" of every message about a name that does not exist. Page
    names share syllables (du-lich/le-hoi, du-lich/lich-trinh), so they are held to a higher
    `cutoff` than field or view names. The same name in another letter case comes first."""
    same_case = [option for option in options if option.lower() == word.lower()]
    if same_case:
        return same_case[0]
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=cutoff)
    return match[0] if match else ""


PAGE_NAME_CUTOFF = 0.75  # page names share syllables: a looser guess names the wrong page


def closest_page(page: str, pages: Iterable[str]) -> str:
    """The page of `pages` most likely meant by a path that names none: the same path in
    another letter case, else a close name in the same folder ("" when there is none)."""
    known = sorted(pages)
    same_case = [p for p in known if p.lower() == page.lower()]
    if same_case:
        return same_case[0]
    folder, name = posixpath.split(page)
    names = [posixpath.basename(p) for p in known if posixpath.dirname(p) == folder]
    guess = closest(name, names, PAGE_NAME_CUTOFF)
    return posixpath.join(folder, guess) if guess else ""


# Dates as people write them: 20/02/2026, 20-2-2026, 20.02.2026 (day first, as in Vietnam),
# 2026/02/20, or an ISO date followed by a time.
_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_YEAR_FIRST = re.compile(r"^\s*(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[ T].*)?\s*$")


def iso_date(written: object) -> str | None:
    """The YYYY-MM-DD form of a date written another way ('20/02/2026' → '2026-02-20'); None
    when it is no date (or names a day no calendar has)."""
    text = str(written)
    found = _DAY_FIRST.match(text)
    parts = (found[3], found[2], found[1]) if found else None
    if parts is None and (found := _YEAR_FIRST.match(text)):
        parts = (found[1], found[2], found[3])
    if parts is None:
        return None
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
    except ValueError:
        return None

"""Text normalisation shared by heading ids, search and checks.

Vietnamese folding strips only the Latin combining diacritics (U+0300–U+036F) and maps đ/Đ:
stripping every combining mark would also delete Khmer vowel signs and the coeng (U+17D2).
"""

from __future__ import annotations

import re
import unicodedata

_LATIN_MARKS = re.compile("[\u0300-\u036f]")
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def fold_latin(text: str) -> str:
    """'Tòa Thánh' and 'Toà Thánh' both become 'Toa Thanh'; Khmer text is returned unchanged."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    return unicodedata.normalize("NFC", _LATIN_MARKS.sub("", decomposed))


def is_khmer(char: str) -> bool:
    return "\u1780" <= char <= "\u17ff" or "\u19e0" <= char <= "\u19ff"


def khmer_share(text: str) -> float:
    """Share of letters (Unicode L* and M*) that are Khmer, ignoring digits and punctuation."""
    letters = [c for c in text if unicodedata.category(c)[0] in "LM"]
    if not letters:
        return 0.0
    return sum(is_khmer(c) for c in letters) / len(letters)

"""Heading ids that stay readable in every language.

The stock slugify drops Vietnamese letters ("Đầu tư" → "au-tu") and leaves Khmer headings
with empty ids ("_1"). Here Vietnamese is folded to plain Latin ("dau-tu") and Khmer letters,
vowel signs and the coeng are kept, so every heading gets a meaningful, non-empty id.
Headings that other pages link to carry an explicit `{#id}` that is the same in all languages.
"""

from __future__ import annotations

import unicodedata

from tnsite.text import fold_latin


def slugify(value: str, separator: str = "-") -> str:
    text = fold_latin(unicodedata.normalize("NFC", value)).lower()
    out: list[str] = []
    pending_sep = False
    for char in text:
        category = unicodedata.category(char)
        if category[0] in "LMN" or char == "_":
            if pending_sep and out:
                out.append(separator)
            out.append(char)
            pending_sep = False
        elif category.startswith("Z") or char in "-–—/.,:;" or category == "Cf":
            # Spaces and dashes separate words; zero-width formats (U+200B) are dropped.
            pending_sep = pending_sep or category != "Cf"
        # Other punctuation and symbols are dropped without separating.
    return "".join(out)

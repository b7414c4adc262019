"""Khmer word boundaries for the search index, from ICU's dictionary word segmentation.

Khmer is written without spaces between words, so Material's tokenizer (which splits at its
separator) would see a whole phrase as one token and never find a word inside it. At build
time every Khmer run is split into words by ICU (pyicu-wheels) and a zero-width space
(U+200B) is put between them; the index's separator includes U+200B. The text stays visually
identical, and Material's highlighting marks whole words.

The browser's `Intl.Segmenter('km')` is not used to split the index: Chromium ships its own ICU
data and, on this site's Khmer pages, agrees with ICU's dictionary segmentation on only about a
quarter of the runs. Queries are instead split with the index's own vocabulary (see
rules.js), so a query typed without spaces meets the words the index was built from.
"""

from __future__ import annotations

import re
import threading
import unicodedata

import icu

WORD_BREAK = "\u200b"
# The Khmer and Khmer Symbols blocks: letters, signs, digits and punctuation.
KHMER_RUN = re.compile("[\u1780-\u17ff\u19e0-\u19ff]+")

_local = threading.local()


def _iterator() -> icu.BreakIterator:
    """ICU break iterators are not thread-safe: one per thread."""
    it = getattr(_local, "iterator", None)
    if it is None:
        it = _local.iterator = icu.BreakIterator.createWordInstance(icu.Locale("km"))
    return it


def khmer_words(run: str) -> list[str]:
    """ICU's word segmentation of `run`: 'ខេត្តតៃនិញ' → ['ខេត្ត', 'តៃ', 'និញ'].

    ICU reports boundaries in UTF-16 code units; slicing the UTF-16 form keeps the result
    right even when the text holds characters outside the Basic Multilingual Plane.
    """
    if not run:
        return []
    it = _iterator()
    it.setText(run)
    units = run.encode("utf-16-le")
    bounds = [0, *list(it)]
    return [
        units[2 * start : 2 * end].decode("utf-16-le")
        for start, end in zip(bounds, bounds[1:], strict=False)
        if end > start
    ]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


def mark_word_boundaries(text: str) -> str:
    """NFC text with U+200B between Khmer words and where Khmer touches another script.

    'ច្រកព្រំដែនអន្តរជាតិ Mộc Bài' → 'ច្រកព្រំដែន\u200bអន្តរជាតិ Mộc Bài'. Latin text is untouched,
    except for the NFC normalisation (so decomposed Vietnamese input is indexed as composed).
    """
    text = unicodedata.normalize("NFC", text)
    if not KHMER_RUN.search(text):
        return text

    def split(match: re.Match[str]) -> str:
        joined = WORD_BREAK.join(khmer_words(match.group(0)))
        start, end = match.span()
        if start > 0 and _is_word_char(text[start - 1]):
            joined = WORD_BREAK + joined
        if end < len(text) and _is_word_char(text[end]):
            joined += WORD_BREAK
        return joined

    return KHMER_RUN.sub(split, text)

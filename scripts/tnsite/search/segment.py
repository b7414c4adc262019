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

ICU's dictionary lacks most Vietnamese place names written in Khmer script (តៃនិញ, មុកបៃ) and cuts
them differently in each sentence; the words of khmer-words.txt are kept whole.
"""

from __future__ import annotations

import itertools
import re
import threading
import unicodedata
from collections.abc import Iterable
from pathlib import Path

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
        for start, end in itertools.pairwise(bounds)
        if end > start
    ]


def is_cluster_start(text: str, i: int) -> bool:
    """Whether a word may begin at text[i]: not on a vowel sign or other combining sign
    (U+17B4–U+17D3, U+17DD), and not on a consonant stacked under the previous one by the
    coeng (U+17D2). Same rule as rules.js."""
    if i <= 0 or i >= len(text):
        return True
    sign = "\u17b4" <= text[i] <= "\u17d3" or text[i] == "\u17dd"
    return not sign and text[i - 1] != "\u17d2"


def load_words(path: Path) -> list[str]:
    """The words of a word list: one per line, `#` starts a comment."""
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    return [w for line in text.splitlines() if (w := line.strip()) and not w.startswith("#")]


class KhmerSegmenter:
    """ICU's segmentation, except that the words in `keep` (place names ICU does not know)
    are never split."""

    def __init__(self, keep: Iterable[str] = ()) -> None:
        words = sorted({w for w in keep if w}, key=len, reverse=True)
        self._keep = re.compile("|".join(map(re.escape, words))) if words else None

    def words(self, run: str) -> list[str]:
        if self._keep is None:
            return khmer_words(run)
        out: list[str] = []
        at = search = 0
        while (match := self._keep.search(run, search)) is not None:
            start, end = match.span()
            if not (is_cluster_start(run, start) and is_cluster_start(run, end)):
                search = start + 1
                continue
            out += khmer_words(run[at:start])
            out.append(match.group(0))
            at = search = end
        return out + khmer_words(run[at:])

    def mark(self, text: str) -> str:
        """NFC text with U+200B between Khmer words and where Khmer touches another script.

        'ច្រកព្រំដែនអន្តរជាតិ Mộc Bài' → 'ច្រកព្រំដែន\u200bអន្តរជាតិ Mộc Bài'. Latin text is
        untouched, except for the NFC normalisation (decomposed Vietnamese input is indexed as
        composed).
        """
        text = unicodedata.normalize("NFC", text)
        if not KHMER_RUN.search(text):
            return text

        def split(match: re.Match[str]) -> str:
            joined = WORD_BREAK.join(self.words(match.group(0)))
            start, end = match.span()
            if start > 0 and _is_word_char(text[start - 1]):
                joined = WORD_BREAK + joined
            if end < len(text) and _is_word_char(text[end]):
                joined += WORD_BREAK
            return joined

        return KHMER_RUN.sub(split, text)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


def mark_word_boundaries(text: str) -> str:
    """`KhmerSegmenter().mark(text)`: ICU's words, with no word list."""
    return KhmerSegmenter().mark(text)

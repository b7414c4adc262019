"""Word boundaries for the search index in scripts written without spaces (Khmer, Chinese,
Japanese kana, Thai, Lao, Myanmar), from ICU's dictionary word segmentation.

These scripts put no spaces between words, so Material's tokenizer (which splits at its
separator) would see a whole phrase as one token and never find a word inside it. At build
time every such run is split into words by ICU (pyicu-wheels) and a zero-width space (U+200B)
is put between them; the index's separator includes U+200B. The text stays visually
identical, and Material's highlighting marks whole words.

ICU rather than jieba for Chinese: the build already depends on ICU for Khmer, ICU's
dictionary (CC-CEDICT-derived, shipped inside the wheel) needs no download or model file, and
one segmenter for every script keeps one code path; a run is split by the script it is in,
whatever the page's language, so a Khmer or Chinese name on another language's page is
indexed the same way. Which runs are segmented follows the Unicode blocks below, not a list of
languages.

The browser's `Intl.Segmenter('km')` is not used to split the index: Chromium ships its own ICU
data and, on this site's Khmer pages, agrees with ICU's dictionary segmentation on only about a
quarter of the runs. Queries are instead split with the index's own vocabulary (see
rules.js), so a query typed without spaces meets the words the index was built from.

ICU's dictionary lacks most Vietnamese place names written in Khmer script (តៃនិញ, មុកបៃ) and cuts
them differently in each sentence; the words of khmer-words.txt (any unspaced script) are kept
whole.
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
# Runs of scripts written without spaces between words: Khmer and Khmer Symbols; CJK
# ideographs (unified, extension A, compatibility, supplementary planes); hiragana and
# katakana; Thai, Lao and Myanmar letters. CJK punctuation is not included: it separates.
UNSPACED_RUN = re.compile(
    "[\u1780-\u17ff\u19e0-\u19ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0003134f\u3041-\u309f\u30a0-\u30ff\u0e01-\u0e4e\u0e81-\u0edf"
    "\u1000-\u103f\u1050-\u109f]+"
)

_local = threading.local()


def _iterator() -> icu.BreakIterator:
    """ICU break iterators are not thread-safe: one per thread."""
    it = getattr(_local, "iterator", None)
    if it is None:
        # The root locale: ICU picks the dictionary by the script of the text.
        it = _local.iterator = icu.BreakIterator.createWordInstance(icu.Locale.getRoot())
    return it


def icu_words(run: str) -> list[str]:
    """ICU's word segmentation of `run`: 'ខេត្តតៃនិញ' → ['ខេត្ត', 'តៃ', 'និញ'],
    '边境口岸' → ['边境', '口岸'].

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


class WordSegmenter:
    """ICU's segmentation, except that the words in `keep` (place names ICU does not know)
    are never split."""

    def __init__(self, keep: Iterable[str] = ()) -> None:
        # Longest first (the pattern prefers them); ties in a fixed order, so the signature is
        # the same in every process and results keyed by it can be kept on disk.
        words = sorted({w for w in keep if w}, key=lambda w: (-len(w), w))
        self.signature = "\n".join(words)  # what decides its cuts, besides ICU
        self._keep = re.compile("|".join(map(re.escape, words))) if words else None

    def words(self, run: str) -> list[str]:
        if self._keep is None:
            return icu_words(run)
        out: list[str] = []
        at = search = 0
        while (match := self._keep.search(run, search)) is not None:
            start, end = match.span()
            if not (is_cluster_start(run, start) and is_cluster_start(run, end)):
                search = start + 1
                continue
            out += icu_words(run[at:start])
            out.append(match.group(0))
            at = search = end
        return out + icu_words(run[at:])

    def mark(self, text: str) -> str:
        """NFC text with U+200B between the words of unspaced runs and where such a run touches
        another script.

        'ច្រកព្រំដែនអន្តរជាតិ Mộc Bài' → 'ច្រកព្រំដែន\u200bអន្តរជាតិ Mộc Bài'. Latin text is
        untouched, except for the NFC normalisation (decomposed Vietnamese input is indexed as
        composed).
        """
        text = unicodedata.normalize("NFC", text)
        if not UNSPACED_RUN.search(text):
            return text

        def split(match: re.Match[str]) -> str:
            joined = WORD_BREAK.join(self.words(match.group(0)))
            start, end = match.span()
            if start > 0 and _is_word_char(text[start - 1]):
                joined = WORD_BREAK + joined
            if end < len(text) and _is_word_char(text[end]):
                joined += WORD_BREAK
            return joined

        return UNSPACED_RUN.sub(split, text)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


def mark_word_boundaries(text: str) -> str:
    """`WordSegmenter().mark(text)`: ICU's words, with no word list."""
    return WordSegmenter().mark(text)

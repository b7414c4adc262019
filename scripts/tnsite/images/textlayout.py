"""Lines of text for social cards: NFC, runs per font, and line breaks where the language
allows them.

Khmer writes no spaces between words, so breaking at spaces cuts a Khmer title anywhere or
nowhere. ICU's line-break iterator knows Khmer words (the same dictionary browsers use), and
Vietnamese and English break at spaces as usual. A word wider than the line is split between
grapheme clusters, never inside one (a Khmer consonant cluster stays whole).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import icu
from PIL import ImageDraw

from tnsite.images.fonts import Face, FontStack

INVISIBLE = "\u200b\u2060\ufeff\u00ad"  # break hints and soft hyphens: never drawn
ELLIPSIS = "…"


def clean(text: str) -> str:
    """NFC (Vietnamese composed letters are what the fonts' cmaps hold), one space between
    words, outer spaces trimmed."""
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"\s+", " ", text).strip()


def _split(text: str, iterator: icu.BreakIterator) -> list[str]:
    ustr = icu.UnicodeString(text)
    iterator.setText(ustr)
    pieces, start = [], 0
    for end in iterator:
        pieces.append(str(ustr[start:end]))
        start = end
    return [p for p in pieces if p]


def line_segments(text: str, lang: str) -> list[str]:
    """Pieces between line-break opportunities, each with its trailing space."""
    return _split(text, icu.BreakIterator.createLineInstance(icu.Locale(lang)))


def graphemes(text: str, lang: str) -> list[str]:
    return _split(text, icu.BreakIterator.createCharacterInstance(icu.Locale(lang)))


@dataclass(frozen=True)
class Style:
    stack: FontStack
    size: int
    weight: int
    lang: str

    def runs(self, text: str) -> list[tuple[str, Face]]:
        """Consecutive characters drawn with the same font file; a combining mark stays with
        its base letter's font."""
        runs: list[tuple[str, Face]] = []
        for char in text:
            if char in INVISIBLE:
                continue
            face = self.stack.face_for(char, self.weight)
            if runs and (face == runs[-1][1] or unicodedata.category(char).startswith("M")):
                runs[-1] = (runs[-1][0] + char, runs[-1][1])
            else:
                runs.append((char, face or self.stack.fallback(self.weight)))
        return runs

    def width(self, text: str) -> float:
        return sum(
            self.stack.font(face, self.size).getlength(run, language=self.lang)
            for run, face in self.runs(text)
        )

    def extent(self, text: str) -> tuple[float, float]:
        """How far the ink goes above and below the baseline."""
        above, below = self.size * 0.75, self.size * 0.2
        for run, face in self.runs(text):
            box = self.stack.font(face, self.size).getbbox(run, anchor="ls", language=self.lang)
            above, below = max(above, -box[1]), max(below, box[3])
        return above, below

    def draw(
        self,
        draw: ImageDraw.ImageDraw,
        x: float,
        baseline: float,
        text: str,
        fill: tuple[int, int, int],
    ) -> None:
        for run, face in self.runs(text):
            font = self.stack.font(face, self.size)
            draw.text((x, baseline), run, font=font, fill=fill, anchor="ls", language=self.lang)
            x += font.getlength(run, language=self.lang)

    def unsupported(self, text: str) -> set[str]:
        return {
            c
            for c in text
            if c not in INVISIBLE and c.strip() and not self.stack.face_for(c, self.weight)
        }


def wrap(text: str, max_width: float, width: Callable[[str], float], lang: str) -> list[str]:
    """Greedy lines at the language's break opportunities; trailing spaces do not count."""
    pieces: list[str] = []
    for segment in line_segments(text, lang):
        if width(segment.rstrip()) <= max_width:
            pieces.append(segment)
        else:  # a single word wider than the line: split it between grapheme clusters
            pieces.extend(graphemes(segment, lang))
    lines: list[str] = []
    line = ""
    for piece in pieces:
        candidate = line + piece
        if line and width(candidate.rstrip()) > max_width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line = candidate
    if line.strip():
        lines.append(line.rstrip())
    return lines


def ellipsize(line: str, max_width: float, width: Callable[[str], float], lang: str) -> str:
    """The line shortened at a grapheme boundary until it fits with '…' after it."""
    clusters = graphemes(line, lang)
    while clusters and width("".join(clusters).rstrip() + ELLIPSIS) > max_width:
        clusters.pop()
    return "".join(clusters).rstrip() + ELLIPSIS

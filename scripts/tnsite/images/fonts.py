"""The site's own fonts for social cards, chosen per character the way a browser does.

The fonts are the self-hosted WOFF2 subsets (FreeType reads WOFF2 directly), and the choice of
file for each character follows the `unicode-range` of the `@font-face` rules in the site's
stylesheet: the card uses the same faces for the same characters as the page, and a font added
to the stylesheet is available to cards without touching this code.

Khmer needs complex text layout (reordered vowels, stacked subscripts); Pillow gives it only
through RAQM, and silently falls back to basic layout when RAQM's libraries are missing. This
module refuses to work without RAQM instead.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from PIL import ImageFont, features

from tnsite.theme.fonts import cmap_ranges, css_weight, file_weight, font_faces


class RaqmMissing(RuntimeError):
    """Pillow cannot shape complex scripts here: Khmer would come out broken."""


RAQM_HELP = (
    "Pillow has no RAQM text layout, so Khmer cannot be shaped (vowels would be misplaced and "
    "subscripts shown as loose signs). Install the system FriBiDi library (Debian/Ubuntu: "
    "`apt-get install libfribidi0`; .ci/run does this) and build again. / Pillow thiếu bộ dàn "
    "chữ RAQM nên không thể hiển thị đúng chữ Khmer: cài thư viện FriBiDi (`apt-get install "
    "libfribidi0`) rồi dựng lại trang."
)


def require_raqm() -> None:
    if not features.check("raqm"):
        raise RaqmMissing(RAQM_HELP)


@dataclass(frozen=True)
class Face:
    family: str
    weight: int
    path: Path
    ranges: tuple[tuple[int, int], ...]

    def covers(self, codepoint: int) -> bool:
        return any(lo <= codepoint <= hi for lo, hi in self.ranges)


ALL = ((0, 0x10FFFF),)


def parse_font_faces(css_file: Path) -> list[Face]:
    """The `@font-face` rules of a stylesheet that point at local font files."""
    return [
        Face(
            family=face.family,
            weight=css_weight(face.weight),
            path=(css_file.parent / face.url).resolve(),
            ranges=face.ranges or ALL,
        )
        for face in font_faces(css_file.read_text(encoding="utf-8"))
        if "//" not in face.url
    ]


def file_faces(paths: list[Path]) -> list[Face]:
    """Faces for font files the site's stylesheet does not serve (a script web pages draw with
    the visitor's own fonts, such as Chinese): each covers the characters of its own cmap, and
    all of them form one family after the stylesheet's."""
    return [Face(CARD_FONTS, file_weight(p), p.resolve(), cmap_ranges(p)) for p in paths]


CARD_FONTS = "card fonts"


class FontStack:
    """Font families in order of preference, each a set of faces (subsets × weights)."""

    def __init__(self, faces: list[Face], families: list[str]) -> None:
        require_raqm()
        self.families = families
        self.faces = [f for f in faces if f.family in families]
        missing = [f for f in families if not any(face.family == f for face in self.faces)]
        if missing:
            raise FileNotFoundError(f"no @font-face with a local file for {', '.join(missing)}")
        for face in self.faces:
            if not face.path.is_file():
                raise FileNotFoundError(f"font file missing: {face.path}")
        self._local = threading.local()
        self._choice: dict[tuple[str, int], Face | None] = {}

    def face_for(self, char: str, weight: int) -> Face | None:
        """As CSS: first family that covers the character; within it, the nearest weight and,
        among overlapping ranges, the rule declared last."""
        key = (char, weight)
        if key not in self._choice:
            self._choice[key] = self._choose(ord(char), weight)
        return self._choice[key]

    def _choose(self, codepoint: int, weight: int) -> Face | None:
        for family in self.families:
            candidates = [f for f in self.faces if f.family == family and f.covers(codepoint)]
            if candidates:
                best = min(abs(f.weight - weight) for f in candidates)
                return [f for f in candidates if abs(f.weight - weight) == best][-1]
        return None

    def fallback(self, weight: int) -> Face:
        family = [f for f in self.faces if f.family == self.families[0]]
        best = min(abs(f.weight - weight) for f in family)
        return next(f for f in family if abs(f.weight - weight) == best)

    def font(self, face: Face, size: int) -> ImageFont.FreeTypeFont:
        """A RAQM font, one per thread (FreeType faces must not be shared between threads)."""
        cache = self._local.__dict__.setdefault("fonts", {})
        key = (face.path, size)
        if key not in cache:
            font = ImageFont.truetype(str(face.path), size, layout_engine=ImageFont.Layout.RAQM)
            if font.layout_engine != ImageFont.Layout.RAQM:
                raise RaqmMissing(RAQM_HELP)
            cache[key] = font
        return cache[key]

    @cached_property
    def digest(self) -> str:
        sha = hashlib.sha256()
        for face in self.faces:
            sha.update(f"{face.family}|{face.weight}|{face.ranges}".encode())
            sha.update(face.path.read_bytes())
        return sha.hexdigest()

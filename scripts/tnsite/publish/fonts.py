"""The print fonts: the site's own WOFF2 subsets, assigned per character as the site's
stylesheet assigns them, and a check that every character of a publication has a glyph.

The faces come from the site's fonts.css (its `@font-face` rules, read by
tnsite.theme.fonts), so a font added to the site is in print too. Each subset file gets a
family name of its own in print: WeasyPrint 70 names an embedded font after its family, weight
and size only, so two subsets of one family (Be Vietnam Pro's latin and vietnamese files) would
be merged into one PDF font and draw wrong letters. Families are listed per language with the
faces that cover the language's alphabet first (CLDR exemplar characters), after any print
fonts publications.yml names for that language: a script the site's fonts do not cover (a
Chinese edition) is given its font in configuration, never in code.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from tnsite.atomic import write_atomic
from tnsite.memo import file_digest
from tnsite.theme.fonts import (
    alphabet,
    cmap_ranges,
    css_weight,
    file_weight,
    font_faces,
)

SKIPPED_CATEGORIES = ("Cc", "Cf", "Zs", "Zl", "Zp")  # spaces and invisible marks: no glyph needed
ALL = ((0, 0x10FFFF),)


@dataclass(frozen=True)
class PrintFace:
    alias: str  # the family name this file has in print
    weight: int
    path: Path
    ranges: tuple[tuple[int, int], ...]

    @cached_property
    def _runs(self) -> tuple[list[int], list[int]]:
        """The ranges sorted and merged, as starts and ends (a CJK face has thousands of runs:
        a character is found by bisection, not by a scan)."""
        starts: list[int] = []
        ends: list[int] = []
        for lo, hi in sorted(self.ranges):
            if ends and lo <= ends[-1] + 1:
                ends[-1] = max(ends[-1], hi)
            else:
                starts.append(lo)
                ends.append(hi)
        return starts, ends

    def in_range(self, codepoint: int) -> bool:
        starts, ends = self._runs
        index = bisect_right(starts, codepoint) - 1
        return index >= 0 and codepoint <= ends[index]


@dataclass(frozen=True)
class Gap:
    """A character no font of the language draws."""

    char: str
    lang: str

    @property
    def label(self) -> str:
        return f"'{self.char}' (U+{ord(self.char):04X} {unicodedata.name(self.char, '?')})"


def sfnt(path: Path, cache: Path) -> Path:
    """The font as plain TrueType/OpenType: HarfBuzz cannot read WOFF2, and WeasyPrint would
    unpack it again for every document. Unpacked once into the cache, by content hash."""
    if path.suffix.lower() != ".woff2":
        return path
    out = cache / f"{file_digest(path)[:32]}{path.stem}.ttf"
    if out.is_file():
        return out
    from fontTools.ttLib import TTFont  # loaded only when a font is unpacked or read anew

    font = TTFont(io.BytesIO(path.read_bytes()), recalcTimestamp=False)  # same input, same bytes
    font.flavor = None
    buffer = io.BytesIO()
    font.save(buffer)
    write_atomic(out, buffer.getvalue())
    return out


class PrintFonts:
    def __init__(
        self,
        stylesheet: Path,
        languages: tuple[str, ...],
        extra: dict[str, tuple[Path, ...]],
        cache: Path,
    ) -> None:
        self.cache = cache
        faces: list[PrintFace] = []
        aliases: dict[tuple[str, tuple[tuple[int, int], ...]], str] = {}
        family_of: dict[str, str] = {}
        for face in font_faces(stylesheet.read_text(encoding="utf-8")):
            path = (stylesheet.parent / face.url).resolve()
            ranges = face.ranges or ALL
            key = (face.family, ranges)
            if key not in aliases:
                aliases[key] = f"{face.family} print {len(aliases) + 1}"
                family_of[aliases[key]] = face.family
            faces.append(PrintFace(aliases[key], css_weight(face.weight), path, ranges))
        for code, files in sorted(extra.items()):
            alias = f"{code} print font"
            for path in files:
                ranges = cmap_ranges(path.resolve())
                faces.append(PrintFace(alias, file_weight(path), path.resolve(), ranges))
        self.faces = tuple(faces)
        self.order = {code: self._order(code, extra) for code in languages}

    def _order(self, lang: str, extra: dict[str, tuple[Path, ...]]) -> tuple[str, ...]:
        """Aliases in order of preference for a language: its configured fonts, then the site's
        faces that draw its alphabet, then the rest (names in other scripts), then the fonts
        configured for other languages."""
        letters = alphabet(lang)
        aliases = list(dict.fromkeys(face.alias for face in self.faces))
        configured = [a for a in aliases if a == f"{lang} print font" and lang in extra]
        others = [a for a in aliases if a.endswith(" print font") and a not in configured]
        site = [a for a in aliases if a not in configured and a not in others]

        def covers(alias: str) -> bool:
            return any(
                f.alias == alias and any(f.in_range(cp) for cp in letters) for f in self.faces
            )

        own = [a for a in site if covers(a)]
        return tuple(configured + own + [a for a in site if a not in own] + others)

    def file(self, face: PrintFace) -> Path:
        """The file to print with (WOFF2 unpacked, see `sfnt`)."""
        return sfnt(face.path, self.cache)

    def css(self) -> str:
        """@font-face rules (files as file: URLs) and the family list of each language."""
        return self._css

    @cached_property
    def _css(self) -> str:
        rules = []
        for face in self.faces:
            ranges = ", ".join(
                f"U+{lo:04X}" if lo == hi else f"U+{lo:04X}-{hi:04X}" for lo, hi in face.ranges
            )
            rules.append(
                f'@font-face {{ font-family: "{face.alias}"; font-weight: {face.weight}; '
                f'src: url("{self.file(face).as_uri()}"); unicode-range: {ranges}; }}'
            )
        for lang, aliases in self.order.items():
            families = ", ".join(f'"{alias}"' for alias in aliases)
            rules.append(f":lang({lang}) {{ font-family: {families}; }}")
        return "\n".join(rules) + "\n"

    @cached_property
    def _cmaps(self) -> dict[Path, frozenset[int]]:
        from fontTools.ttLib import TTFont  # loaded only when a font is unpacked or read anew

        out = {}
        for face in self.faces:
            font = TTFont(str(face.path), lazy=True)
            try:
                out[face.path] = frozenset(font.getBestCmap() or {})
            finally:
                font.close()
        return out

    def draws(self, char: str, lang: str) -> bool:
        """True when a face the stylesheet assigns this character to (in the language's
        order) has a glyph for it in every weight."""
        if unicodedata.category(char) in SKIPPED_CATEGORIES:
            return True
        codepoint = ord(char)
        for alias in self.order.get(lang, ()):
            files = [f for f in self.faces if f.alias == alias and f.in_range(codepoint)]
            if files and self.draws_with(char, files):
                return True
        return False

    def draws_with(self, char: str, faces: list[PrintFace]) -> bool:
        """True when every one of these faces (the weights of one subset) has the glyph."""
        return all(ord(char) in self._cmaps[face.path] for face in faces)

    def gaps(self, text_by_lang: dict[str, str]) -> list[Gap]:
        out = []
        for lang, text in text_by_lang.items():
            for char in sorted(set(text)):
                if not self.draws(char, lang):
                    out.append(Gap(char, lang))
        return out

    @cached_property
    def digest(self) -> str:
        sha = hashlib.sha256(repr(self.order).encode())
        for face in self.faces:
            sha.update(file_digest(face.path).encode())
        return sha.hexdigest()

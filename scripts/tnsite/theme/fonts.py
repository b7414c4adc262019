"""Which self-hosted font files each language's pages preload.

A web font that arrives after the text was first laid out reflows it: on Khmer pages the swap
reflowed whole paragraphs (Lighthouse CLS 0.15). The faces a page's own script is drawn with
are therefore requested with the stylesheets, before layout: a preload. (fonts.css also makes
the Latin faces `font-display: optional`, so they never swap in late.)

The files to preload are not listed by hand. A face is preloaded for a language when its
`unicode-range` covers letters of that language's alphabet (CLDR exemplar characters, through
ICU): Vietnamese gets Be Vietnam Pro's latin and vietnamese files, English the latin ones,
Khmer the Noto Sans Khmer ones. Faces for other scripts on a page (a Vietnamese name on a
Khmer page) still load on demand.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from pathlib import Path
from typing import Any

import icu
import tinycss2
from tinycss2.ast import FunctionBlock, Node, StringToken, UnicodeRangeToken, URLToken

from tnsite.memo import ContentMemo, file_digest


@dataclass(frozen=True)
class FontFace:
    family: str
    weight: str
    url: str  # as written in the stylesheet, relative to it
    display: str
    ranges: tuple[tuple[int, int], ...]

    def covers(self, codepoints: frozenset[int]) -> bool:
        if not self.ranges:
            return True  # no unicode-range: the face applies to every character
        return any(lo <= cp <= hi for cp in codepoints for lo, hi in self.ranges)


def parse_ranges(value: str) -> tuple[tuple[int, int], ...]:
    """A unicode-range value as (first, last) code points; tinycss2 reads the U+ syntax."""
    return _ranges(tinycss2.parse_component_value_list(value))


def _ranges(tokens: list[Node]) -> tuple[tuple[int, int], ...]:
    return tuple((t.start, t.end) for t in tokens if isinstance(t, UnicodeRangeToken))


def _first_url(tokens: list[Node]) -> str | None:
    """The first url() of a `src` value: an unquoted url token or url("...") function."""
    for token in tokens:
        if isinstance(token, URLToken):
            return token.value
        if isinstance(token, FunctionBlock) and token.lower_name == "url":
            strings = [arg.value for arg in token.arguments if isinstance(arg, StringToken)]
            if strings:
                return strings[0]
    return None


def _text(decls: dict[str, list[Node]], name: str, default: str) -> str:
    return tinycss2.serialize(decls[name]).strip() if name in decls else default


@lru_cache(maxsize=32)
def font_faces(css: str) -> tuple[FontFace, ...]:
    """The @font-face rules of a stylesheet (kept by its text: every page of every language
    asks which faces to preload, on every build of the preview)."""
    faces = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "at-rule" or rule.lower_at_keyword != "font-face" or not rule.content:
            continue
        decls = {
            decl.lower_name: decl.value
            for decl in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True)
            if decl.type == "declaration"
        }

        url = _first_url(decls.get("src", []))
        if url is None:
            continue
        faces.append(
            FontFace(
                family=_text(decls, "font-family", "").strip("\"'"),
                weight=_text(decls, "font-weight", "400"),
                url=url,
                display=_text(decls, "font-display", "auto"),
                ranges=_ranges(decls.get("unicode-range", [])),
            )
        )
    return tuple(faces)


@cache
def alphabet(language: str) -> frozenset[int]:
    """The code points of a language's standard letters (CLDR exemplar characters)."""
    exemplars = icu.LocaleData(language).getExemplarSet(
        0, icu.ULocaleDataExemplarSetType.ES_STANDARD
    )
    return frozenset(ord(ch) for item in exemplars for ch in item)


_FACES_FOR: ContentMemo[tuple[FontFace, ...]] = ContentMemo(64, keep="faces-for-language")


def faces_for(css: str, language: str) -> tuple[FontFace, ...]:
    """The faces of a stylesheet that draw letters of the language's alphabet: the ones its
    pages preload, and the ones the audit expects its text to be drawn with. None for a
    language the stylesheet leaves to the visitor's own fonts (Chinese). Kept by the
    stylesheet's text: matching a CJK alphabet against every face's ranges, in every language's
    build, cost more than the rest of the fonts' work."""
    return _FACES_FOR.get(
        (css, language),
        lambda: tuple(face for face in font_faces(css) if face.covers(alphabet(language))),
    )


def preloads(stylesheet: Path, site_root_rel: str, language: str) -> list[str]:
    """Paths (from the site root) of the font files a page in `language` should preload.

    site_root_rel is the stylesheet's folder relative to the site root ("assets/stylesheets").
    """
    css = stylesheet.read_text(encoding="utf-8")
    return [
        posixpath.normpath(posixpath.join(site_root_rel, face.url))
        for face in faces_for(css, language)
    ]


def css_weight(value: str) -> int:
    """A font-weight descriptor as a number (`bold` is 700; a range takes its first value)."""
    word = value.split()[0] if value.split() else "400"
    return int(word) if word.isdigit() else (700 if word == "bold" else 400)


def file_weight(path: Path) -> int:
    """The weight a font file declares (OS/2 usWeightClass): the only weight a font the
    stylesheet does not describe has."""
    return _font_facts(path)[0]


def cmap_ranges(path: Path) -> tuple[tuple[int, int], ...]:
    """The characters a font file has glyphs for, as (first, last) runs: the unicode-range of
    a font the stylesheet does not describe (a subset for print and cards), so that each
    character it lacks falls through to the next family instead of printing as a box."""
    return _font_facts(path)[1]


FontFacts = tuple[int, tuple[tuple[int, int], ...]]
_FACTS: ContentMemo[FontFacts] = ContentMemo(64, keep="font-facts")


def _font_facts(path: Path) -> FontFacts:
    """Kept by the file's content: unpacking a WOFF2 face and reading a CJK face's cmap take a
    fifth of a second each, and cards and print both ask, in every build."""
    return _FACTS.get((file_digest(path),), partial(_read_facts, path))


def _read_facts(path: Path) -> FontFacts:
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), lazy=True)
    try:
        return int(font["OS/2"].usWeightClass), _cmap_ranges(font)
    finally:
        font.close()


def _cmap_ranges(font: Any) -> tuple[tuple[int, int], ...]:
    codepoints = sorted(font.getBestCmap() or {})
    runs: list[tuple[int, int]] = []
    for cp in codepoints:
        if runs and cp == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], cp)
        else:
            runs.append((cp, cp))
    return tuple(runs)

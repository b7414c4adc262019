"""Is this prose written in the page's language? Cheap script and letter statistics.

A language written in its own script (Khmer) is told apart by script alone: the share of a
block's letters in that script (ICU's script property; the script comes from CLDR's likely
subtags, so no language list is kept here).

Vietnamese left in an English page is told apart by its letters: most Vietnamese words carry
letters English never uses (ă â đ ê ô ơ ư and the tone marks). English pages legitimately
contain Vietnamese proper names ("Bà Đen Mountain", "Mộc Bài") and terms in parentheses
("chili salt (muối ớt)"), so capitalised words (names) and parentheses are not counted as
evidence; a sentence counts as Vietnamese when lower-case Vietnamese words are a large share
of it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import icu
from babel.core import get_global

from tnsite.i18n.markdown import ProseBlock

UNTRANSLATED = "untranslated-text"  # the rule of every finding about text left untranslated
VIETNAMESE_LETTERS = frozenset(
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
)
# Latin full stops, and those of Khmer (។ ៕) and Chinese (。！？), which need no space after.
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|(?<=[។៕。！？])\s*")
PARENTHETICAL = re.compile(r"\([^()]*\)|（[^（）]*）")  # also the full-width ones of Chinese
WORD = re.compile(r"[^\W\d_]+")

# A sentence is Vietnamese when it has at least MIN_WORDS words, at least MIN_LOWER lower-case
# words with Vietnamese letters, and words with Vietnamese letters make up MIN_SHARE of it.
MIN_WORDS = 4
MIN_LOWER = 2
MIN_SHARE = 0.4
# A block is flagged when it has MIN_LETTERS letters and under SCRIPT_SHARE are in the script.
MIN_LETTERS = 20
SCRIPT_SHARE = 0.5
# CLDR names simplified/traditional Han; ICU's script property says Hani for both.
ICU_SCRIPT = {"Hans": "Hani", "Hant": "Hani", "Jpan": "Hani", "Kore": "Hang"}


def has_vietnamese_letter(word: str) -> bool:
    return any(c in VIETNAMESE_LETTERS for c in word.lower())


@dataclass(frozen=True)
class Hit:
    line: int
    text: str
    share: float


def vietnamese_sentences(blocks: Iterable[ProseBlock]) -> list[Hit]:
    """Sentences of a translation that are Vietnamese, with the line each starts on."""
    hits: list[Hit] = []
    for block in blocks:
        text = unicodedata.normalize("NFC", block.text)
        offset = 0
        for sentence in SENTENCE_END.split(text):
            start = text.find(sentence, offset)
            offset = max(start, 0) + len(sentence)
            words = WORD.findall(PARENTHETICAL.sub(" ", sentence))
            if len(words) < MIN_WORDS:
                continue
            marked = [w for w in words if has_vietnamese_letter(w)]
            lower = [w for w in marked if w[0].islower()]
            share = len(marked) / len(words)
            if len(lower) >= MIN_LOWER and share >= MIN_SHARE:
                hits.append(Hit(block.line_at(max(start, 0)), sentence.strip(), share))
    return hits


def expected_script(code: str) -> str:
    """'km' → 'Khmr', 'en' → 'Latn' (ISO 15924 codes, from CLDR's likely subtags)."""
    likely = str(get_global("likely_subtags").get(code, code))
    parts = likely.split("_")
    script = next((p for p in parts[1:] if len(p) == 4 and p.istitle()), "Latn")
    return ICU_SCRIPT.get(script, script)


def script_name(script: str) -> str:
    """'Khmr' → 'Khmer'."""
    codes = icu.Script.getCode(script)
    return str(icu.Script(codes[0]).getName()) if codes else script


@lru_cache(maxsize=8192)  # a page's text repeats a few hundred letters thousands of times
def _script_of(char: str) -> str:
    return str(icu.Script.getScript(char).getShortName())


def letters(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c)[0] in "LM"]


@lru_cache(maxsize=16384)
def script_units(text: str) -> tuple[str, ...]:
    """The script of each unit of meaning in `text`: a Latin word counts once, a letter of any
    other script once. A Han character is a syllable and mostly a word, so counting a Latin name
    letter by letter would make 'Tân Nam—Meun Chey口岸已于…开通' look mostly Latin; in Khmer, whose
    words are several letters, the count only becomes more lenient towards names."""
    units: list[str] = []
    in_latin = False
    for char in text:
        if unicodedata.category(char)[0] not in "LM":
            in_latin = False
            continue
        script = _script_of(char)
        if script in {"Latn", "Zinh"} and (in_latin or script == "Latn"):
            if not in_latin:
                units.append("Latn")
            in_latin = True
            continue
        in_latin = False
        units.append(script)
    return tuple(units)


def script_share(blocks: Iterable[ProseBlock], script: str) -> float:
    units = [u for block in blocks for u in script_units(block.text)]
    return sum(u == script for u in units) / len(units) if units else 1.0


def foreign_script_blocks(blocks: Iterable[ProseBlock], script: str) -> list[Hit]:
    """Blocks mostly not in `script` (e.g. Vietnamese or English paragraphs on a Khmer page)."""
    hits: list[Hit] = []
    for block in blocks:
        if len(letters(block.text)) < MIN_LETTERS:
            continue
        units = script_units(block.text)
        share = sum(u == script for u in units) / len(units)
        if share < SCRIPT_SHARE:
            hits.append(Hit(block.line, block.text, share))
    return hits


def _clusters(text: str) -> list[str]:
    breaks = icu.BreakIterator.createCharacterInstance(icu.Locale.getRoot())
    breaks.setText(text)
    starts = [0, *breaks]
    return [text[a:b] for a, b in pairwise(starts)]


def visible_length(text: str) -> int:
    """Characters as a reader counts them (grapheme clusters): a Khmer vowel sign or a
    subscript consonant belongs to the letter it sits on, as a Vietnamese tone mark does."""
    return len(_clusters(text))


def display_width(text: str) -> int:
    """The room a text takes in a search result, in Latin letters: a Chinese character takes
    two (East Asian wide and full-width characters)."""
    return sum(
        2 if unicodedata.east_asian_width(cluster[0]) in "WF" else 1 for cluster in _clusters(text)
    )


def excerpt(text: str, width: int = 60) -> str:
    """The start of a passage quoted in a message."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"

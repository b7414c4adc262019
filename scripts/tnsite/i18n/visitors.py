"""What a visitor sees of the translation state of a page.

A page built by fallback (no file in the visitor's language) says so in the visitor's
language, links to the page where it really exists, carries the language its text is really
written in, and is kept out of search engines. A translation not yet reviewed carries a
discreet note in its own language; one whose source changed since it was made says so, with
the date of the change and a link to the current source page.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass

from tnsite.contracts import StaleNote
from tnsite.i18n.model import REVIEWED
from tnsite.i18n.names import lang_name
from tnsite.numerals import long_date

HREFLANG_LINK = re.compile(
    r"""[ \t]*<link\b(?=[^>]*\brel\s*=\s*["']?alternate\b)(?=[^>]*\bhreflang\s*=)[^>]*>[ \t]*\n?""",
    re.I,
)
TOC_LIST = re.compile(r'<ul class="md-nav__list" data-md-component="toc"')


@dataclass(frozen=True)
class Fallback:
    lang: str  # the visitor's language (the build's)
    source_lang: str  # the language the page is really written in
    notice: str
    body: str
    link: str
    href: str
    planned: str


def relative_href(from_url: str, to_url: str) -> str:
    """A link between two site-relative directory URLs ('km/dau-tu/' → 'dau-tu/')."""
    rel = posixpath.relpath("/" + to_url, "/" + (from_url or "."))
    if rel == ".":
        return "./"
    return rel if rel.endswith("/") or not to_url.endswith("/") else rel + "/"


def fallback(
    strings: Mapping[str, str],
    *,
    lang: str,
    source_lang: str,
    page_url: str,
    source_url: str,
    until: dt.date | None,
    native_digits: bool = False,
) -> Fallback:
    source_name = lang_name(source_lang, lang)
    planned = ""
    if until is not None:
        planned = strings["fallback_planned"].format(date=long_date(until, lang, native_digits))
    return Fallback(
        lang=lang,
        source_lang=source_lang,
        notice=strings["fallback_notice"],
        body=strings["fallback_body"].format(source_language=source_name),
        link=strings["fallback_link"].format(source_language=source_name),
        href=relative_href(page_url, source_url),
        planned=planned,
    )


def review_note(strings: Mapping[str, str], review: str | None) -> str | None:
    if review == REVIEWED:
        return None
    return strings["review_note_machine" if review == "machine" else "review_note"]


def stale_note(
    strings: Mapping[str, str],
    *,
    lang: str,
    source_lang: str,
    changed: dt.date,
    page_url: str,
    source_url: str,
    native_digits: bool = False,
) -> StaleNote:
    """The note on a translation whose source changed since it was made: the visitor learns the
    page may be behind, since when, and where the current text is."""
    source_name = lang_name(source_lang, lang)
    return {
        "text": strings["stale_note"].format(
            source_language=source_name, date=long_date(changed, lang, native_digits)
        ),
        "link": strings["stale_link"].format(source_language=source_name),
        "href": relative_href(page_url, source_url),
        "lang": source_lang,
    }


def wrap_content(html: str, lang: str) -> str:
    """The page text marked with the language it is written in (screen readers, hyphenation,
    fonts and translation tools read `lang`)."""
    return f'<div lang="{lang}" class="tn-i18n-content">\n{html}\n</div>'


def mark_toc_language(output: str, lang: str) -> str:
    """The table of contents lists the page's headings: give the list their language too (its
    label stays in the visitor's language)."""
    return TOC_LIST.sub(
        f'<ul lang="{lang}" class="md-nav__list" data-md-component="toc"', output, count=1
    )


def drop_hreflang(output: str) -> str:
    """Remove every `<link rel="alternate" hreflang>` (not the language switcher's `<a>`)."""
    return HREFLANG_LINK.sub("", output)

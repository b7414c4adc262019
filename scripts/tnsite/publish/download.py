"""The download link a page shows for each publication it belongs to, in the page's language,
with the file's size: "Tải tài liệu giới thiệu đầu tư (PDF, 1,2 MB)".

Pages are written before the PDFs exist (the PDFs are printed from the written pages), so a
page gets the link with a marker where the size goes, and the marker is replaced once every
PDF is written. The size is formatted by Babel in the page's language, with the language's
native digits where the site uses them for figures.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from babel.numbers import format_decimal

from tnsite.numerals import native_digit_table
from tnsite.urls import relative_href

MARKER = re.compile(r"<!--tn-pub-size:(?P<id>[a-z0-9-]+):(?P<lang>[A-Za-z0-9_-]+)-->")
BLOCK = re.compile(r'<p class="tn-pub-download"[^>]*>.*?</p>\n?', re.S)
ARTICLE = re.compile(r"<article\b", re.I)
H1_END = re.compile(r"</h1>", re.I)


def output_path(lang_prefix: str, output_dir: str, pub_id: str) -> str:
    """Site-relative path of a publication's PDF ('km/publications/dau-tu.pdf')."""
    return f"{lang_prefix}{output_dir.strip('/')}/{pub_id}.pdf"


def link_markup(*, text_template: str, link_text: str, pub_id: str, lang: str, href: str) -> str:
    size = f"<!--tn-pub-size:{pub_id}:{lang}-->"
    text = html.escape(text_template).replace("{link}", html.escape(link_text))
    text = text.replace("{size}", size)
    return (
        f'<p class="tn-pub-download" lang="{lang}"><a href="{html.escape(href)}" '
        f'type="application/pdf" hreflang="{lang}">{text}</a></p>'
    )


def insert_links(page: str, links: list[str]) -> str:
    """The links go right under the title of the page's article (or first in it)."""
    block = "\n".join(links)
    article = ARTICLE.search(page)
    start = article.start() if article else 0
    match = H1_END.search(page, start)
    if match is not None:
        return page[: match.end()] + "\n" + block + page[match.end() :]
    if article is not None:
        body = page.index(">", article.start()) + 1
        return page[:body] + "\n" + block + page[body:]
    return block + "\n" + page


def page_href(target: str, page_url: str) -> str:
    return relative_href(target, page_url)


def format_size(size: int, lang: str, template: str, native_digits: bool) -> str:
    megabytes = max(size / 1_000_000, 0.1)
    number = format_decimal(megabytes, format="#,##0.0", locale=lang)
    if native_digits:
        number = number.translate(native_digit_table(lang))
    return template.format(n=number)


def fill_sizes(
    page: Path, sizes: dict[tuple[str, str], int], templates: dict[str, str], native: set[str]
) -> bool:
    """Replace the size markers of one written page; False when one has no PDF behind it."""
    text = page.read_text(encoding="utf-8")
    complete = True

    def size_of(match: re.Match[str]) -> str:
        nonlocal complete
        key = (match["id"], match["lang"])
        if key not in sizes:
            complete = False
            return match[0]
        lang = match["lang"]
        return format_size(sizes[key], lang, templates[lang], lang in native)

    filled = MARKER.sub(size_of, text)
    if filled != text:
        page.write_text(filled, encoding="utf-8")
    return complete


def remove_links(page: Path) -> None:
    """Take the download links out of a written page (the build printed no PDF)."""
    text = page.read_text(encoding="utf-8")
    stripped = BLOCK.sub("", text)
    if stripped != text:
        page.write_text(stripped, encoding="utf-8")

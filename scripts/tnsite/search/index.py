"""Per-language search indexes in Material's format.

Pages are cut into sections by Material's own indexer, so results look exactly as in stock
Material; then Khmer word boundaries are marked (segment.py) and locations are made relative
to the language's root, where the page's `base` points (wiring.py). One index per language:
a visitor of /km/ downloads and searches the Khmer pages only.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tnsite.memo import ContentMemo
from tnsite.search.segment import WordSegmenter
from tnsite.stack.material import search_entries

# Material's index file, relative to each language root (its bundle asks for this path).
INDEX_FILE = "search/search_index.json"

# Material's indexer joins the text of adjacent table cells, cards and blocks when the HTML
# has no white space between them ("<td>Mộc Bài</td><td>Bavet</td>" → "Mộc BàiBavet"), which
# data rendered as compact HTML often has. A space after each closing block tag keeps words
# apart.
BLOCK_END = re.compile(
    r"(</(?:td|th|tr|li|dt|dd|p|div|figcaption|caption|h[1-6]|table|section|article)>|<br\s*/?>)"
)


_ENTRIES: ContentMemo[tuple[dict[str, Any], ...]] = ContentMemo(keep="search-entries")


def page_entries(
    page: Any, url_prefix: str, segmenter: WordSegmenter | None = None
) -> list[dict[str, Any]]:
    """The page and each of its sections as index entries, as Material would make them."""
    segmenter = segmenter or WordSegmenter()
    parts = (url_prefix, page.url, str(page.title), repr(page.meta), page.content or "")
    entries = _ENTRIES.get(
        (*parts, segmenter.signature), lambda: tuple(_entries(page, url_prefix, segmenter))
    )
    return [dict(entry) for entry in entries]


def _entries(page: Any, url_prefix: str, segmenter: WordSegmenter) -> list[dict[str, Any]]:
    entries = []
    for entry in search_entries(page, BLOCK_END.sub(r"\1 ", page.content or "")):
        location = entry["location"]
        if url_prefix and location.startswith(url_prefix):
            location = location[len(url_prefix) :]
        entries.append(
            {
                **entry,
                "location": location,
                "title": segmenter.mark(entry["title"]),
                "text": segmenter.mark(entry["text"]),
            }
        )
    return entries


def index_document(
    entries: list[dict[str, Any]],
    *,
    language: str,
    separator: str,
    fields: dict[str, Any],
    stem: bool,
) -> dict[str, Any]:
    """Material's index format with the project's settings for one language.

    `lang` stays "en" for every language: it only tells Material's worker which lunr-languages
    scripts to load, and the word rules here are the project's own (worker.js), so none is
    needed. Stemmed languages keep lunr's English stop-word filter, as stock English does.
    """
    return {
        "config": {
            "lang": ["en"],
            "separator": separator,
            "pipeline": ["stopWordFilter"] if stem else [],
            "fields": fields,
            "tnsite": {"language": language, "stem": stem},
        },
        "docs": entries,
    }


def write_index(path: Path, document: dict[str, Any]) -> int:
    """Write compact UTF-8 JSON (Khmer takes 3 bytes a letter instead of 6 as \\u escapes)."""
    data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return len(data)

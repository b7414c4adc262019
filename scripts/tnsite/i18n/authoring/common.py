"""What every rule about a page as written shares: the pages to look at."""

from __future__ import annotations

import unicodedata

from tnsite.i18n.model import Model, PageDoc


def readable(model: Model) -> list[PageDoc]:
    """Every page whose front matter could be read (the others have their one finding)."""
    return [doc for pages in model.pages.values() for doc in pages.values() if not doc.fm.error]


def title_of(doc: PageDoc) -> str:
    title = doc.meta.get("title")
    # Composed (NFC): a title pasted from a Mac (NFD, "a" + combining accent) is the same
    # title to a reader, and to a search engine.
    return unicodedata.normalize("NFC", " ".join(title.split())) if isinstance(title, str) else ""

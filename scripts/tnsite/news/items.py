"""News items, read from the Markdown source of each language's news folder.

The listing is built from front matter (title, description, date) rather than from rendered
pages, so every page of a language build can list the latest news, including pages rendered
before the news pages themselves. A news item missing in a language falls back to the source
language's file and says so (`lang`), so the listing never hides news.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import get_data

from tnsite.config import Project
from tnsite.urls import page_url


@dataclass(frozen=True)
class NewsItem:
    path: str  # relative to the language folder, e.g. "tin-tuc/2025-12-08-....md"
    lang: str  # the language the file is written in
    title: str
    description: str
    date: dt.date

    @property
    def url(self) -> str:
        """Directory URL relative to the language root ("tin-tuc/2025-.../")."""
        return page_url(self.path)


def as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def read_item(file: Path, rel: str, lang: str) -> NewsItem | None:
    _, meta = get_data(file.read_text(encoding="utf-8"))
    date = as_date(meta.get("date"))
    if date is None:
        return None
    return NewsItem(rel, lang, str(meta.get("title", "")), str(meta.get("description", "")), date)


def news_items(project: Project, lang: str, folder: str) -> list[NewsItem]:
    """Every dated page of `folder` in `lang`, newest first, falling back to the source."""
    found: dict[str, NewsItem] = {}
    for code in (lang, project.source_code):
        base = project.lang_dir(code) / folder
        for file in sorted(base.glob("*.md")) if base.is_dir() else []:
            rel = file.relative_to(project.lang_dir(code)).as_posix()
            if rel in found or file.name == "index.md":
                continue
            item = read_item(file, rel, code)
            if item:
                found[rel] = item
    return sorted(found.values(), key=lambda item: (item.date, item.path), reverse=True)

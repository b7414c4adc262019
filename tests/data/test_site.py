"""The real site: every data directive the pages use is rendered, in every language."""

from __future__ import annotations

import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from tnsite.config import Project
from tnsite.data.store import load_store

DATA_VIEWS = re.compile(r"\{\{\s*(value|figures|table|cards|chart|map|contacts)\b")


def test_no_data_directive_is_left_in_the_built_pages(built_site: Path) -> None:
    leftovers = []
    for path in built_site.rglob("index.html"):
        article = LexborHTMLParser(path.read_text(encoding="utf-8")).css_first("article")
        if article is None:
            continue
        for code in article.css("pre, code"):
            code.decompose()
        if DATA_VIEWS.search(article.text()):
            leftovers.append(path.relative_to(built_site).as_posix())
    assert leftovers == []


def test_every_map_shows_every_gate(built_site: Path, project: Project) -> None:
    gates = set(load_store(project).get("border-gates").by_id)
    maps = 0
    for path in built_site.rglob("index.html"):
        doc = LexborHTMLParser(path.read_text(encoding="utf-8"))
        for svg in doc.css("figure.tn-map svg"):
            maps += 1
            drawn = {g.attributes["data-id"] for g in svg.css('g[data-kind="gate"]')}
            assert gates <= drawn, path
    assert maps >= len(project.codes)

"""The real content: the clean tree has no translation finding, and the real site keeps
fallbacks out of its hreflang alternates and sitemap."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tests.i18n.fixture import undeclared
from tnsite.alternates import SourceIndex
from tnsite.config import Project
from tnsite.i18n.rules import check_translations


def test_the_clean_tree_has_no_translation_finding(project: Project) -> None:
    findings = check_translations(project)
    assert [f.render() for f in undeclared(findings)] == []


def test_the_sitemap_lists_no_fallback_as_a_translation(project: Project, built_site: Path) -> None:
    index = SourceIndex(project)
    tree = etree.parse(str(built_site / "sitemap.xml"))
    for link in tree.iter("{http://www.w3.org/1999/xhtml}link"):
        href = link.get("href")
        lang = link.get("hreflang")
        if lang == "x-default":
            continue
        page = index.locate(href.removeprefix(project.site_url) + "index.html")
        assert page.md is not None and not page.is_fallback, href

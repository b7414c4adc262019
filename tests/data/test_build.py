"""The data plugin in real builds: a figure changed in data changes on the page in every
language; pages cite their sources; bad data or a bad directive stops the build with the
finding's `path:line:col` message and no traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import ROOT
from tests.data.fixture import make_project, reload, set_figure, write_page
from tnsite.build import build_site
from tnsite.config import Project

PAGES = {"vi": "views", "en": "en/views", "km": "km/views"}
SOURCES_TITLE = {"vi": "Nguồn số liệu", "en": "Sources", "km": "ប្រភពទិន្នន័យ"}


def page(site: Path, url: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / url / "index.html").read_text(encoding="utf-8"))


def figure(doc: LexborHTMLParser, figure_id: str) -> str:
    return doc.css_first(f'article .tn-value[data-figure="{figure_id}"] data').text()


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fixture site built, then rebuilt after changing two figures in data/ only."""
    root = tmp_path_factory.mktemp("data-build") / "proj"
    project = make_project(root)
    before = build_site(project, root / "site-before")
    set_figure(root, "area", "8600")
    set_figure(root, "fdi-capital", "25.75")
    after = build_site(reload(root), root / "site-after")
    return before, after


def test_a_figure_changed_in_data_changes_in_every_language(two_builds: tuple[Path, Path]) -> None:
    before, after = two_builds
    expected = {
        "vi": ("hơn 8.500 km²", "hơn 8.600 km²", "hơn 25,75 tỷ USD"),
        "en": ("over 8,500 km²", "over 8,600 km²", "over US$25.75 billion"),
        "km": ("ជាង ៨,៥០០ km²", "ជាង ៨,៦០០ km²", "ជាង ២៥.៧៥ ពាន់លានដុល្លារអាមេរិក"),
    }
    for lang, url in PAGES.items():
        old, new, capital = (text.replace(" ", "\u00a0") for text in expected[lang])
        assert figure(page(before, url), "area") == old
        doc = page(after, url)
        assert figure(doc, "area") == new
        assert (
            doc.css_first('article .tn-value[data-figure="area"] data').attributes["value"]
            == "8600"
        )
        assert figure(doc, "fdi-capital") == capital
        home = page(after, url.removesuffix("views"))
        assert figure(home, "area") == new
        # the chart's merged-province bar and its table follow the key figure too
        chart = {"vi": "hơn 25,75", "en": "over 25.75", "km": "ជាង ២៥.៧៥"}[lang]
        assert chart in doc.css_first(".tn-chart-block details").text()


SOURCE_LANGS = {
    str(r.get("url")): r.get("lang")
    for r in yaml.safe_load((ROOT / "data" / "sources.yml").read_text("utf-8"))["records"]
}


def test_pages_that_show_figures_list_their_sources(two_builds: tuple[Path, Path]) -> None:
    _before, site = two_builds
    for lang, url in PAGES.items():
        doc = page(site, url)
        section = doc.css_first("article section.tn-sources")
        assert section.css_first("h2").text() == SOURCES_TITLE[lang]
        entries = section.css("ol > li")
        assert entries and all(li.attributes["id"].startswith("tn-src-") for li in entries)
        ids = {li.attributes["id"] for li in entries}
        for ref in doc.css("article sup.tn-ref a"):
            assert ref.attributes["href"].lstrip("#") in ids
        assert section.css_first('a[href^="https://"]') is not None
        assert doc.css_first("html").attributes["lang"] == lang
        # a source is marked with its own language, Vietnamese unless data/sources.yml says
        for link in section.css("a.tn-ext"):
            expected = SOURCE_LANGS.get(link.attributes["href"] or "") or "vi"
            assert link.attributes["hreflang"] == expected, link.attributes


def test_views_render_in_the_page_language(two_builds: tuple[Path, Path]) -> None:
    _before, site = two_builds
    km = page(site, PAGES["km"])
    table = km.css_first("article .tn-table table")
    assert "ច្រកព្រំដែនអន្តរជាតិ" in table.css_first("caption").text()
    assert table.css_first("tbody th").attributes["data-label"] == "ច្រកទ្វារ"
    assert "បាវិត" in table.text() and "ស្វាយរៀង" in table.text()
    assert len(km.css("article .tn-cards li")) >= 5
    en = page(site, PAGES["en"])
    gate = en.css_first("article .tn-table tbody tr a")
    assert gate.attributes["href"].startswith("../bien-gioi/cua-khau-quoc-te/#")
    assert (site / "en/bien-gioi/cua-khau-quoc-te/index.html").is_file()
    assert "{{ events upcoming }}" in en.css_first("article").text()  # left to its own plugin


def mkdocs_build(root: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [str(Path(sys.executable).with_name("mkdocs")), "build", "-q", "-d", str(root / "out")],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture(scope="module")
def clean_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return make_project(tmp_path_factory.mktemp("data-errors") / "proj")


def copy(project: Project, tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    shutil.copytree(project.root, root, ignore=shutil.ignore_patterns("site*", "out"))
    return root


def test_bad_data_stops_the_build_with_its_line(clean_project: Project, tmp_path: Path) -> None:
    root = copy(clean_project, tmp_path)
    set_figure(root, "population", '"3 triệu"')
    line = next(
        i
        for i, text in enumerate((root / "data/key-figures.yml").read_text().splitlines(), 1)
        if '"3 triệu"' in text
    )
    result = mkdocs_build(root)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"data/key-figures.yml:{line}:12: error:" in output
    assert "[data-schema]" in output and "Traceback" not in output


def test_a_bad_directive_stops_the_build_with_its_line(
    clean_project: Project, tmp_path: Path
) -> None:
    root = copy(clean_project, tmp_path)
    write_page(root, "en", "views.md", "---\ntitle: V\n---\n\n# V\n\n{{ table festival }}\n")
    result = mkdocs_build(root)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "docs/en/views.md:7:1: error: unknown dataset 'festival'" in output
    assert "did you mean 'festivals'" in output and "Traceback" not in output
    assert "[data-directive]" in result.stderr and "Traceback" not in result.stderr

"""mkdocs.yml's `validation:` makes MkDocs warn on bad Markdown links, and the strict build
(`make build`) fail on them."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, MkDocsException

from tests.conftest import ROOT
from tests.links.fixture import build, make_project, page
from tnsite.config import load_project


def test_project_validation_warns_on_links_and_anchors() -> None:
    links = load_project(ROOT).raw["validation"]["links"]
    assert links["not_found"] == "warn"
    assert links["anchors"] == "warn"
    assert links["absolute_links"] == "warn"
    assert links["unrecognized_links"] == "warn"


@pytest.mark.parametrize(
    "link",
    ["[x](khong-co.md)", "[x](a.md#khong-co)", "![x](images/khong-co.png)", "[x](/a/)"],
)
def test_strict_build_fails_on_a_bad_markdown_link(tmp_path: Path, link: str) -> None:
    files = {}
    for lang in ("vi", "en", "km"):
        files[f"{lang}/index.md"] = page("Home", "[a](a.md)")
        files[f"{lang}/a.md"] = page("A", "## S {#s}")
    files["km/index.md"] = page("Home", f"[a](a.md)\n\n{link}")
    project = make_project(tmp_path / "p", files)
    with pytest.raises((MkDocsException, Abort)):
        build(project, strict=True)
    build(project, strict=False)  # the same sources build without --strict
    assert (project.site_dir / "km/index.html").is_file()

"""A failed build leaves the previous site in place: nothing half-built is ever published."""

import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, MkDocsException

from tests.conftest import ROOT
from tnsite.build import build_site
from tnsite.config import load_project


def test_failed_build_keeps_the_previous_site(tmp_path: Path) -> None:
    work = tmp_path / "proj"
    work.mkdir()
    for name in ("mkdocs.yml", "overrides", "assets", "data"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, work / name)
        elif src.exists():
            shutil.copy(src, work / name)
    docs = work / "docs"
    for lang in ("vi", "en", "km"):
        (docs / lang).mkdir(parents=True)
        (docs / lang / "index.md").write_text(
            "---\ntitle: T\ndescription: D\n---\n# T\n\n[x](missing.md)\n"
        )
    site = work / "site"
    site.mkdir()
    (site / "index.html").write_text("previous")
    with pytest.raises((MkDocsException, Abort, SystemExit)):
        build_site(load_project(work), site)
    assert (site / "index.html").read_text() == "previous"
    assert not list(work.glob(".site-*"))

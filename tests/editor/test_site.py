"""The editor is invisible to visitors: their pages are byte-identical with and without it, none
of them links to or loads anything under /admin/, and /admin/ is noindex, out of the sitemap and
the search index, with its own Content-Security-Policy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.editor.helpers import copy_project
from tnsite.build import build_site
from tnsite.config import load_project
from tnsite.editor.admin import policy
from tnsite.editor.bundle import BundleMissing, copy_bundle
from tnsite.editor.cmsconfig import Backend

pytestmark = pytest.mark.xdist_group("editor")


def _files(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and not p.relative_to(site).as_posix().startswith("admin/")
    }


def test_visitor_pages_are_identical_without_the_editor(built_site: Path, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - tnsite/editor\n" in text
    config.write_text(text.replace("  - tnsite/editor\n", ""), encoding="utf-8")
    without = build_site(load_project(root), tmp_path / "without")
    assert not (without / "admin").exists()
    assert (built_site / "admin/index.html").is_file()
    with_editor, plain = _files(built_site), _files(without)
    assert sorted(with_editor) == sorted(plain)
    different = [name for name in plain if with_editor[name] != plain[name]]
    assert different == []


def test_no_visitor_page_reaches_the_editor(built_site: Path) -> None:
    for name, data in _files(built_site).items():
        if name.endswith((".html", ".xml", ".json", ".js", ".css")):
            assert b"/admin/" not in data and b'"admin/' not in data, name
    index = (built_site / "admin/index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in index
    assert f'content="{policy(Backend("github", repo="x/y"))}"'.replace("'", "&#x27;") in index
    assert "https://api.github.com" in index
    assert "https://" not in index.replace("https://api.github.com", "").replace(
        "https://avatars.githubusercontent.com", ""
    )


def test_the_policy_allows_only_the_site_and_its_backend() -> None:
    github = policy(Backend("github", repo="x/y"))
    assert "default-src 'none'" in github
    assert "connect-src 'self' blob: https://api.github.com" in github
    local = policy(Backend("proxy", proxy_url="http://127.0.0.1:8081/api/v1"))
    assert "connect-src 'self' blob: http://127.0.0.1:8081;" in local
    assert "api.github.com" not in local


def test_without_node_modules_the_build_says_which_command_installs_them(tmp_path: Path) -> None:
    with pytest.raises(BundleMissing, match=r"make node_modules/\.installed"):
        copy_bundle(tmp_path, tmp_path / "admin")
    assert not (tmp_path / "admin").exists()


def test_a_build_without_node_modules_fails_before_publishing(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    (root / "node_modules").unlink()
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort, match=r"make node_modules/\.installed"):
        build_site(load_project(root), tmp_path / "site")
    assert not (tmp_path / "site").exists()
    shutil.rmtree(root)

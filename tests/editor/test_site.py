"""The editor is invisible to visitors: their pages are byte-identical with and without it, none
of them links to or loads anything under /admin/, and /admin/ is noindex, out of the sitemap,
the search index, the hreflang alternates and the audit's budgets, with its own
Content-Security-Policy; the link checker checks its links like any page's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers.project_copy import copy_project
from tnsite.alternates import SourceIndex
from tnsite.audit.budgets import load_budgets
from tnsite.build import build_site
from tnsite.config import load_project
from tnsite.editor.admin import policy
from tnsite.editor.bundle import BundleMissing, copy_bundle
from tnsite.editor.cmsconfig import Backend
from tnsite.editor.config import editor_folder
from tnsite.links.internal import link_findings
from tnsite.links.site import scan_site

pytestmark = pytest.mark.xdist_group("editor")


def _files(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and not p.relative_to(site).as_posix().startswith("admin/")
    }


def test_visitor_pages_are_identical_without_the_editor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both copies carry one edition date: outside git, a publication's date comes from file times.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    with_root = copy_project(tmp_path / "with")
    root = copy_project(tmp_path / "project")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - tnsite/editor\n" in text
    config.write_text(text.replace("  - tnsite/editor\n", ""), encoding="utf-8")
    built_site = build_site(load_project(with_root), tmp_path / "with-site")
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
    assert "hreflang" not in index and 'rel="canonical"' not in index
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
    with pytest.raises(BundleMissing, match=r"`make build`"):
        copy_bundle(tmp_path, tmp_path / "admin")
    assert not (tmp_path / "admin").exists()


def test_a_build_without_node_modules_fails_before_publishing(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    (root / "node_modules").unlink()
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort, match=r"`make build`"):
        build_site(load_project(root), tmp_path / "site")
    assert not (tmp_path / "site").exists()
    shutil.rmtree(root)


def test_the_audit_never_measures_the_editor(project) -> None:  # type: ignore[no-untyped-def]
    """The visitors' budgets (weight, Lighthouse, axe on visitor pages) are for visitor pages;
    /admin/ has its own accessibility check (test_editor_interface.py)."""
    folder = editor_folder(project.raw)
    assert folder == "admin"
    budgets = load_budgets(ROOT / "audit.yml")
    audited = [
        lang.url_prefix + page_type.path
        for page_type in budgets.page_types
        for lang in project.languages
    ]
    assert audited
    assert not [path for path in audited if f"/{folder}/" in f"/{path}"]


def test_the_link_checker_checks_the_editor_s_links(project, built_site: Path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """/admin/index.html is scanned like any built page: the scripts and stylesheets it loads
    must exist. (The files the editor's own script loads, settings.json, config.yml and its
    modules, are no links; the browser tests load the editor and fail if one is missing.)"""
    site = tmp_path / "site"
    shutil.copytree(built_site / "admin", site / "admin")
    shutil.copytree(built_site / "assets/stylesheets", site / "assets/stylesheets")

    def admin_findings() -> list[tuple[str, str]]:
        scan = scan_site(site, project, workers=1)
        return [
            (f.rule, f.extra["url"])
            for f in link_findings(project, scan, SourceIndex(project))
            if "admin/index.html" in f.extra.get("pages", [])
        ]

    assert admin_findings() == []
    index = site / "admin/index.html"
    index.write_text(
        index.read_text(encoding="utf-8").replace("editor.css", "editr.css"), encoding="utf-8"
    )
    assert admin_findings() == [("missing-asset", "editr.css")]

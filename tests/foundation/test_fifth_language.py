"""A language is added by configuration alone.

A copy of the real project, and of the package, gets a fifth language (French, `fr`) the way
an editor would add one: an entry in mkdocs.yml, its strings in every `strings.yml`, its
labels in data/ and publications.yml, two translated pages and the rest declared pending.
No Python or JavaScript file changes (asserted byte for byte). The copy is built in a separate
process that imports the copied package, and every part of the site must cover the new
language: translation status, the checks, hreflang, the sitemap, search, feeds, calendars,
publications and the browser audit.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import etree

from tests.conftest import ROOT
from tests.helpers.project_copy import copy_project

NEW = "fr"
TRANSLATED = ("index.md", "lien-he.md")  # copied from English: same structure as the source
CODE_SUFFIXES = {".py", ".js"}

pytestmark = [pytest.mark.xdist_group("fifth-language")]


def _add_language_to_maps(node: Any, codes: set[str]) -> None:
    """Every mapping keyed by exactly the site's languages gets the new one (English text)."""
    if isinstance(node, dict):
        if set(node) == codes:
            node[NEW] = node["en"]
        for value in list(node.values()):
            _add_language_to_maps(value, codes)
    elif isinstance(node, list):
        for value in node:
            _add_language_to_maps(value, codes)


def _edit_yaml(path: Path, codes: set[str]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    _add_language_to_maps(data, codes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def add_language(root: Path) -> None:
    """What an editor writes to add French: configuration, strings, content."""
    config_path = root / "mkdocs.yml"
    config = config_path.read_text(encoding="utf-8")
    entry = (
        "        - locale: fr\n"
        "          name: Français\n"
        "          build: true\n"
        "          site_name: Province de Tây Ninh\n"
        "          site_description: La province de Tây Ninh, au Vietnam, à la frontière du "
        "Cambodge.\n"
    )
    anchor = "  - tnsite/theme"
    assert anchor in config
    config_path.write_text(config.replace(anchor, entry + anchor, 1), encoding="utf-8")

    codes = {"vi", "en", "km", "zh"}
    for strings in (root / "scripts" / "tnsite").glob("*/strings.yml"):
        table = yaml.safe_load(strings.read_text(encoding="utf-8"))
        table[NEW] = dict(table["en"])
        strings.write_text(yaml.safe_dump(table, allow_unicode=True), encoding="utf-8")
    for data in (root / "data").glob("*.yml"):
        _edit_yaml(data, codes)
    _edit_yaml(root / "publications.yml", codes)

    for rel in TRANSLATED:
        target = root / "docs" / NEW / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(root / "docs" / "en" / rel, target)
    sources = sorted(
        p.relative_to(root / "docs" / "vi").as_posix() for p in (root / "docs" / "vi").rglob("*.md")
    )
    pending_path = root / "i18n" / "pending.yml"
    pending = yaml.safe_load(pending_path.read_text(encoding="utf-8")) or []
    pending += [
        {"path": rel, "lang": NEW, "reason": "Chờ người dịch tiếng Pháp", "until": "2099-12-31"}
        for rel in sources
        if rel not in TRANSLATED
    ]
    pending_path.write_text(yaml.safe_dump(pending, allow_unicode=True), encoding="utf-8")


def code_files(package: Path) -> dict[str, bytes]:
    return {
        p.relative_to(package).as_posix(): p.read_bytes()
        for p in package.rglob("*")
        if p.suffix in CODE_SUFFIXES and "__pycache__" not in p.parts
    }


def tnsite(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The copied package, in its own process (PYTHONPATH comes before the installed one)."""
    env = {**os.environ, "PYTHONPATH": str(root / "scripts"), "TNSITE_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "tnsite.cli", "--root", str(root), *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )


@pytest.fixture(scope="module")
def fifth(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("fifth") / "p")
    shutil.copytree(
        ROOT / "scripts" / "tnsite",
        root / "scripts" / "tnsite",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    before = code_files(root / "scripts" / "tnsite")
    add_language(root)
    assert code_files(root / "scripts" / "tnsite") == before  # no code changed
    done = tnsite(root, "build")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return root


def test_the_copy_runs_the_copied_package(fifth: Path) -> None:
    probe = subprocess.run(
        [sys.executable, "-c", "import tnsite; print(tnsite.__file__)"],
        env={**os.environ, "PYTHONPATH": str(fifth / "scripts")},
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip().startswith(str(fifth / "scripts"))


def test_status_covers_the_new_language(fifth: Path) -> None:
    done = tnsite(fifth, "status")
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((fifth / "reports" / "translations.json").read_text(encoding="utf-8"))
    text = json.dumps(report, ensure_ascii=False)
    assert f'"{NEW}"' in text
    assert "docs/fr/index.md" in text or "fr/index.md" in text


def test_pages_feeds_search_and_calendar_exist_in_the_new_language(fifth: Path) -> None:
    site = fifth / "site"
    home = (site / NEW / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in home
    index = json.loads((site / NEW / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert locations == {"", "lien-he/"}  # only the real translations, relative to /fr/
    feed = etree.fromstring((site / NEW / "feed.xml").read_bytes())
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == NEW
    assert (site / NEW / "events.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert (site / NEW / "publications" / "dau-tu.pdf").read_bytes().startswith(b"%PDF")
    # a pending page is the source page with a notice, in the new language's build
    fallback = (site / NEW / "du-lich" / "index.html").read_text(encoding="utf-8")
    assert "tn-i18n-banner" in fallback or "tn-i18n" in fallback


def test_hreflang_and_sitemap_list_only_real_translations(fifth: Path) -> None:
    site = fifth / "site"
    vi_home = (site / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="fr"' in vi_home
    vi_pending = (site / "du-lich" / "index.html").read_text(encoding="utf-8")
    assert (
        '<link rel="alternate" href="https://tayninh.github.io/fr/du-lich/" hreflang="fr">'
        not in vi_pending
    )
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://tayninh.github.io/fr/</loc>" in sitemap
    assert "<loc>https://tayninh.github.io/fr/lien-he/</loc>" in sitemap
    assert "https://tayninh.github.io/fr/du-lich/</loc>" not in sitemap


def test_the_checks_cover_the_new_language(fifth: Path, tmp_path: Path) -> None:
    """A mistake in a French page is found, at its line, like in any other language."""
    root = tmp_path / "p"
    shutil.copytree(fifth, root, symlinks=True)
    page = root / "docs" / NEW / "lien-he.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nVoir [la page](nulle-part.md).\n", encoding="utf-8")
    line = len((text + "\nVoir").splitlines())
    done = tnsite(root, "check")
    assert done.returncode != 0
    report = json.loads((root / "reports" / "check.json").read_text(encoding="utf-8"))
    errors = [f for f in report if f["severity"] == "error"]
    assert [(f["path"], f["line"]) for f in errors] == [("docs/fr/lien-he.md", line)], errors


@pytest.mark.browser
def test_the_audit_covers_the_new_language(fifth: Path, browser) -> None:  # type: ignore[no-untyped-def]
    from tnsite.audit.budgets import load_budgets
    from tnsite.audit.run import audit_site
    from tnsite.config import _load, load_project

    _load.cache_clear()
    project = load_project(fifth)
    rows = audit_site(
        project,
        fifth / "site",
        load_budgets(fifth / "audit.yml"),
        ROOT / "node_modules" / "axe-core" / "axe.min.js",
        lighthouse=False,
        only={"home"},
        browser=browser,
    )
    assert {row.lang for row in rows} == {"vi", "en", "km", "zh", NEW}
    assert {row.lang: row.problems for row in rows} == {
        code: [] for code in ("vi", "en", "km", "zh", NEW)
    }

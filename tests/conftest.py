"""Shared fixtures: the project, one build of the real site per test session, a local server
that behaves like GitHub Pages, and a headless Chromium."""

from __future__ import annotations

import fcntl
import hashlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.requires import require
from tests.helpers.server import SiteServer
from tnsite.audit.browser import CHROMIUM_ARGS
from tnsite.config import Project, load_project

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
INPUTS = ("mkdocs.yml", "docs", "data", "assets", "overrides", "scripts", "i18n")


@pytest.fixture(scope="session")
def project() -> Project:
    return load_project(ROOT)


def _inputs_digest() -> str:
    digest = hashlib.sha256()
    for name in INPUTS:
        base = ROOT / name
        paths = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in paths:
            if "__pycache__" in path.parts:
                continue
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def built_site(project: Project) -> Path:
    """The real site, built once per source state and shared by the xdist workers."""
    from tnsite.build import build_site

    cache = ROOT / ".cache" / "test-site"
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / _inputs_digest()
    with open(cache / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (target / "index.html").is_file():
            for old in cache.iterdir():
                if old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
            build_site(project, target)
    return target


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[SiteServer]:
    server = SiteServer(built_site)
    server.start()
    yield server
    server.stop()


def _require_chromium() -> None:
    require(Path(CHROMIUM).exists(), "Chromium", "scripts/system-deps.sh test")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
        )
        yield instance
        instance.close()


def run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]

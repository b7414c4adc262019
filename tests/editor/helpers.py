"""A temporary copy of the project with the editor running against it (decap-server writing into
the copy), and the steps an editor takes in the browser."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

COPIED = ("mkdocs.yml", "docs", "data", "assets", "overrides", "i18n")


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            shutil.copy2(source, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def preview_site(built: Path, dest: Path) -> Path:
    """What the admin page needs of the built site: its stylesheets and fonts."""
    for part in ("assets/stylesheets", "assets/fonts"):
        shutil.copytree(built / part, dest / part)
    return dest


def tnsite(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "tnsite.cli", "--root", str(root), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=root)


def log_in(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Bộ sưu tập").first.wait_for()


def publish(page) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name="Công bố").first.click()
    page.get_by_role("menuitem", name="Công bố ngay").click()


def type_body(page, text: str) -> None:  # type: ignore[no-untyped-def]
    body = page.locator('[data-slate-editor="true"]').first
    body.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(text)


def open_view(page, url: str) -> None:  # type: ignore[no-untyped-def]
    """Open a view of the editor afresh (the CMS keeps the sign-in in the browser)."""
    page.goto(url)
    page.reload()
    page.wait_for_load_state("networkidle")

"""A copy of the real project that a test may change and build."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT

PARTS = ("mkdocs.yml", "docs", "data", "assets", "overrides", "i18n")


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in PARTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.exists():
            shutil.copy(src, dest / name)
    # The pinned npm tools, linked: the build copies the web editor's bundle from them.
    if (ROOT / "node_modules").is_dir():
        (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest

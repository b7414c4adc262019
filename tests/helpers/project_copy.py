"""A copy of the real project that a test may change and build."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.conftest import ROOT

PARTS = (
    "mkdocs.yml",
    "publications.yml",
    "audit.yml",
    "docs",
    "data",
    "assets",
    "overrides",
    "i18n",
)
# Content-addressed caches (encoded images, social cards, printed publications, kept results):
# linked file by file, so a copy starts warm; new entries are new files of the copy.
CACHES = ("images", "publish", "memo")


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in PARTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.exists():
            shutil.copy(src, dest / name)
    for name in CACHES:
        cache = ROOT / ".cache" / name
        if cache.is_dir():
            shutil.copytree(
                cache, dest / ".cache" / name, copy_function=os.link, dirs_exist_ok=True
            )
    # The pinned npm tools, linked: the build copies the web editor's bundle from them.
    if (ROOT / "node_modules").is_dir():
        (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest

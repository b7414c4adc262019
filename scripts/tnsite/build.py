"""Build the site without ever leaving a half-built one behind.

MkDocs cleans site/ and then writes into it, so a failure halfway leaves a broken site that a
deploy step could publish. Here the build goes into a fresh folder beside site/ and replaces
site/ only when the strict build succeeded.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from tnsite.config import Project


def build_site(project: Project, dest: Path | None = None, strict: bool = True) -> Path:
    """Build into `dest` (default: the project's site/) atomically; raise on any failure."""
    dest = dest or project.site_dir
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=dest.parent))
    try:
        config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(staging), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        old = dest.with_name(dest.name + ".old")
        if dest.exists():
            dest.rename(old)
        staging.rename(dest)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return dest

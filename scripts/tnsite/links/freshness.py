"""Check the site the sources make now, not the last one that happened to build.

`make build` is strict: one broken Markdown link and it refuses to replace site/, which then
shows none of the new problems. So when site/ is older than any source file, the site checks
read a non-strict build made for them in .cache/check-site/ (never deployed), and every
problem is reported at once with its file and line instead of the build stopping at the first.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tnsite.config import Project

INPUTS = ("mkdocs.yml", "publications.yml", "docs", "data", "assets", "overrides", "scripts/tnsite")
SKIP_DIRS = {"__pycache__", ".pytest_cache", ".ruff_cache"}
CHECK_SITE = Path(".cache") / "check-site"


def with_site(project: Project, site: Path) -> Project:
    """The same project with its site_dir pointing at `site` (an absolute path)."""
    raw = dict(project.raw)
    raw["site_dir"] = str(site.resolve())
    return dataclasses.replace(project, raw=raw)


def newest_input(project: Project) -> float:
    newest = 0.0
    for name in INPUTS:
        base = project.root / name
        if base.is_file():
            newest = max(newest, base.stat().st_mtime)
            continue
        for folder, dirs, files in os.walk(base):
            dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")]
            for file in files:
                newest = max(newest, os.stat(os.path.join(folder, file)).st_mtime)
    return newest


def built_at(site: Path) -> float | None:
    """When the site was built: its home page is written first, at the start of the build
    (the error page stands in while the default language has no home page yet)."""
    for name in ("index.html", "404.html"):
        if (site / name).is_file():
            return (site / name).stat().st_mtime
    return None


@contextmanager
def _quiet_mkdocs() -> Iterator[None]:
    """Keep MkDocs' own warnings out of the report: the checks say the same, with lines."""
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def fresh_site(project: Project, *, out=sys.stderr) -> Project:  # type: ignore[no-untyped-def]
    """`project` itself when site/ is up to date, else the project with site_dir pointing at a
    non-strict build of the current sources."""
    newest = newest_input(project)
    stamp = built_at(project.site_dir)
    if stamp is not None and stamp >= newest:
        return project
    cache = project.root / CHECK_SITE
    cached = built_at(cache)
    if cached is not None and cached >= newest:
        return with_site(project, cache)
    from tnsite.build import build_site

    print(
        "site/ is older than the sources: checking a fresh build in .cache/check-site/",
        file=out,
    )
    try:
        with _quiet_mkdocs():
            build_site(project, cache, strict=False)
    except Exception as exc:  # a plugin error: say so, and check what exists
        print(f"the sources do not build ({exc}); checking the last built site/", file=out)
        return project
    return with_site(project, cache)

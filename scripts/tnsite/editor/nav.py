"""Pages created in the web editor join the menu of their section.

An editor cannot edit mkdocs.yml (the editor offers content only), so a page created in the editor
is not in the nav, and the strict build refuses a page that is in no menu. Such a page is added
to the nav section that already lists the pages of its folder, after them; a page of a folder no
section lists stays out and the build says so as before. Pages already in the nav, and so the
site as it is, are unchanged.
"""

from __future__ import annotations

import posixpath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from tnsite.config import Project


def _listed(items: list[Any]) -> set[str]:
    found: set[str] = set()
    for item in items:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                found |= _listed(value if isinstance(value, list) else [value])
    return found


def _section_for(items: list[Any], folder: str) -> list[Any] | None:
    """The list (a nav section) whose last page in `folder` comes last in the nav."""
    target: list[Any] | None = None
    for item in items:
        if isinstance(item, str) and posixpath.dirname(item) == folder:
            target = items
        elif isinstance(item, dict):
            for value in item.values():
                if isinstance(value, list):
                    target = _section_for(value, folder) or target
    return target


def complete_nav(project: Project, config: MkDocsConfig) -> list[str]:
    """Add the source-language pages missing from the nav; returns the pages added."""
    nav = config.nav
    if not nav:
        return []
    listed = _listed(nav)
    base = project.lang_dir(project.source_code)
    added: list[str] = []
    for file in sorted(base.rglob("*.md")):
        page = file.relative_to(base).as_posix()
        if page in listed or any(part.startswith(".") for part in page.split("/")):
            continue
        folder = posixpath.dirname(page)
        section = _section_for(nav, folder) if folder else None
        if section is None:
            continue
        section.append(page)
        added.append(page)
    return added

"""MkDocs' search for a theme's static files, without walking Material's icon folders.

Every language's build asks the theme's Jinja loader for *every* file under the theme folders
(`Files.add_files_from_theme`) and then drops, by name, the ones that are not static files:
among them anything inside a folder whose name starts with a dot. Material keeps its 14,000
icons in `.icons`, so each language's build listed and filtered 14,500 names to keep 43; four
languages cost a fifth of a second per build, more than rendering a dozen pages.

The loader installed here lists the same folders but does not descend into dot folders, whose
files MkDocs' filter (patterns `.*` and `*/.*` in MkDocs 1.6) would drop anyway: the static
files found are the same, and a template inside a dot folder still loads by name.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig


def theme_files(root: str, followlinks: bool = False) -> Iterator[str]:
    """The files of a theme folder, as paths relative to it with `/`, dot folders left out
    (the script audit reads the theme's templates through this walk too)."""
    for folder, dirs, files in os.walk(root, followlinks=followlinks):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        rel = os.path.relpath(folder, root)
        for name in files:
            path = name if rel == "." else os.path.join(rel, name)
            yield path.replace(os.sep, "/")


class StaticListingLoader(jinja2.FileSystemLoader):
    def list_templates(self) -> list[str]:
        return sorted(
            {path for root in self.searchpath for path in theme_files(root, self.followlinks)}
        )


def list_static_files_quickly(config: MkDocsConfig) -> None:
    """Give the theme's environments the loader above (once per configuration; the builds of
    the other languages share the theme object)."""
    theme: Any = config.theme
    if getattr(theme, "_tnsite_listing", False):
        return
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        loader = env.loader
        if type(loader) is jinja2.FileSystemLoader:
            env.loader = StaticListingLoader(loader.searchpath, loader.encoding, loader.followlinks)
        return env

    theme.get_env = get_env
    theme._tnsite_listing = True

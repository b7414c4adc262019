"""The versions of the stack this project is tested with, and the gate that enforces them.

Everything in `tnsite.stack` relies on the internals of exactly these releases. An untested
version stops the build with a message naming this file, instead of a rewrite silently not
matching or a page silently losing its fallback notice.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import metadata

from mkdocs.exceptions import Abort

# Distribution name → versions whose internals tnsite.stack was checked against.
TESTED: dict[str, tuple[str, ...]] = {
    "mkdocs": ("1.6.1",),
    "mkdocs-material": ("9.8.2",),
    "mkdocs-static-i18n": ("1.3.1",),
}
# ProperDocs, a drop-in fork of MkDocs 1.6.1, replaces the `mkdocs` modules when it runs.
TESTED_PROPERDOCS = ("1.6.7",)
HERE = "scripts/tnsite/stack/versions.py"


def installed(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def running_properdocs() -> bool:
    """True when ProperDocs has aliased the `mkdocs` modules to its own."""
    module = sys.modules.get("mkdocs")
    return module is not None and module.__name__ == "properdocs"


def untested() -> list[str]:
    """'mkdocs-static-i18n 1.3.2 (tested: 1.3.1)' for every installed version not tested."""
    wanted = dict(TESTED)
    if running_properdocs():
        del wanted["mkdocs"]
        wanted["properdocs"] = TESTED_PROPERDOCS
    out = []
    for name, versions in wanted.items():
        found = installed(name)
        if found not in versions:
            out.append(f"{name} {found or 'not installed'} (tested: {', '.join(versions)})")
    return out


@cache
def require_tested_stack() -> None:
    """Stop the build on an untested version of MkDocs, Material or static-i18n."""
    problems = untested()
    if problems:
        raise Abort(
            "The site's boundary to MkDocs, Material and static-i18n was checked against other "
            f"versions than the ones installed: {'; '.join(problems)}. Install the pinned "
            f"versions (`make build` does), or review tnsite.stack for the new ones and add "
            f"them to {HERE}."
        )

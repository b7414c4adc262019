"""Connect Material's search interface to the per-language indexes and the site's worker.

Material's page configuration (`<script id="__config">`) names the search worker and the
`base` from which the index `search/search_index.json` is fetched and result links are
resolved. static-i18n leaves `base` at the site root, so every language fetched one merged
index. Each page's configuration is rewritten here:

- `base` → the page's language root (`/km/` pages fetch `/km/search/search_index.json`), as
  Material expects when each language is its own site;
- `search` → the site's worker (worker.js), which loads Material's worker unchanged.

Nothing inside Material's assets is edited. What is known of Material's worker and page
configuration lives in tnsite.stack.material; the rewrite is verified on every page and again
over the whole built site, so a changed Material fails the build instead of shipping a search
that silently falls back to the stock one.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tnsite.stack.material import WORKERS_DIR, MaterialWorker, edit_page_config, page_config
from tnsite.stack.rewrites import StackChanged

HERE = Path(__file__).parent
PLACEHOLDER = "@MATERIAL_WORKER@"
REVIEW = "review scripts/tnsite/stack/material.py and search/worker.js for the new Material"

__all__ = ["WORKERS_DIR", "language_base", "rewire", "verify_site", "worker_source"]


def worker_source(material: MaterialWorker) -> str:
    """The site's worker: the word rules, then the wrapper that loads Material's worker, with
    Material's message ids filled in."""
    rules = (HERE / "rules.js").read_text(encoding="utf-8")
    wrapper = (HERE / "worker.js").read_text(encoding="utf-8")
    if wrapper.count(PLACEHOLDER) != 1:
        raise StackChanged(f"worker.js must name Material's worker once as {PLACEHOLDER}")
    wrapper = wrapper.replace(PLACEHOLDER, material.name)
    for name, ident in material.messages.items():
        wrapper = wrapper.replace(f"@MESSAGE_{name}@", str(ident))
    if "@MESSAGE_" in wrapper:
        raise StackChanged(f"worker.js names a message Material's worker does not have; {REVIEW}")
    return rules + "\n" + wrapper


def worker_filename(source: str) -> str:
    """A content-hashed name, like Material's own assets, so caches never serve an old one."""
    return f"tnsite-search.{hashlib.sha256(source.encode()).hexdigest()[:8]}.js"


def language_base(base: str, url_prefix: str) -> str:
    """'../..' on /en/dau-tu/ → '../../en/'; '/' on /en/404.html → '/en/'."""
    if not url_prefix:
        return base
    return posixpath.join(base, url_prefix)


def rewire(html: str, *, url_prefix: str, material_name: str, worker_name: str) -> str:
    """Point a page's search at its language's index and at the site's worker."""

    def edit(data: dict[str, Any]) -> dict[str, Any]:
        search = data.get("search")
        if not isinstance(search, str) or posixpath.basename(search) != material_name:
            raise StackChanged(
                f"the page configuration names the search worker {search!r}, expected "
                f"Material's {material_name}; {REVIEW}"
            )
        if not isinstance(data.get("base"), str):
            raise StackChanged(f"the page configuration has no `base`; {REVIEW}")
        data["search"] = posixpath.join(posixpath.dirname(search), worker_name)
        data["base"] = language_base(data["base"], url_prefix)
        return data

    return edit_page_config(html, edit)


def verify_site(site_dir: Path, worker_name: str, index_files: Iterable[Path]) -> int:
    """Every built page uses the site's worker; the worker and every index exist.

    Returns the number of pages checked. Raises on the first page left on the stock search.
    """
    if not (site_dir / WORKERS_DIR / worker_name).is_file():
        raise StackChanged(f"{WORKERS_DIR}/{worker_name} was not written")
    for index in index_files:
        if not index.is_file():
            raise StackChanged(f"{index.relative_to(site_dir)} was not written")
    checked = 0
    for page in sorted(site_dir.rglob("*.html")):
        found = page_config(page.read_text(encoding="utf-8", errors="replace"))
        if found is None:
            continue
        search = found[0].get("search", "")
        if posixpath.basename(search) != worker_name:
            raise StackChanged(
                f"{page.relative_to(site_dir)} still uses the search worker {search!r}; "
                f"the search plugin did not rewrite it ({REVIEW})"
            )
        checked += 1
    return checked

"""Connect Material's search interface to the per-language indexes and the site's worker.

Material's page configuration (`<script id="__config">`) names the search worker and the
`base` from which the index `search/search_index.json` is fetched and result links are
resolved. static-i18n leaves `base` at the site root, so every language fetched one merged
index. Each page's configuration is rewritten here:

- `base` → the page's language root (`/km/` pages fetch `/km/search/search_index.json`), as
  Material expects when each language is its own site;
- `search` → the site's worker (worker.js), which loads Material's worker unchanged.

Nothing inside Material's assets is edited. The rewrite is verified on every page and again
over the whole built site: if Material's markup or worker changes shape, the build fails and
says where to look, instead of shipping a search that silently falls back to the stock one.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

HERE = Path(__file__).parent
WORKERS_DIR = "assets/javascripts/workers"
MATERIAL_WORKER = re.compile(r"^search\.[0-9a-f]+\.min\.js$")
PLACEHOLDER = "@MATERIAL_WORKER@"
# What worker.js relies on in Material's worker: its message handler is registered with
# addEventListener, it answers with postMessage, and it exposes lunr globally.
WORKER_SHAPE = ('addEventListener("message"', "postMessage(", "self.lunr=")
CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S
)

REVIEW = "review scripts/tnsite/search/wiring.py and worker.js against the new Material version"


class SearchWiringError(PluginError):
    """Material's search no longer looks the way the site's search is connected to it."""


def find_material_worker(theme_dirs: Iterable[str]) -> Path:
    """Material's search worker among the theme folders; its shape is checked."""
    found = [
        path
        for folder in theme_dirs
        if (Path(folder) / WORKERS_DIR).is_dir()
        for path in sorted((Path(folder) / WORKERS_DIR).iterdir())
        if MATERIAL_WORKER.match(path.name)
    ]
    if len(found) != 1:
        raise SearchWiringError(
            f"expected one Material search worker ({WORKERS_DIR}/search.*.min.js) in the theme, "
            f"found {len(found)}; {REVIEW}"
        )
    check_material_worker(found[0].read_text(encoding="utf-8"), found[0].name)
    return found[0]


def check_material_worker(source: str, name: str) -> None:
    missing = [marker for marker in WORKER_SHAPE if marker not in source]
    if missing:
        raise SearchWiringError(
            f"Material's search worker {name} no longer contains {', '.join(missing)}; {REVIEW}"
        )


def worker_source(material_name: str) -> str:
    """The site's worker: the word rules, then the wrapper that loads Material's worker."""
    rules = (HERE / "rules.js").read_text(encoding="utf-8")
    wrapper = (HERE / "worker.js").read_text(encoding="utf-8")
    if wrapper.count(PLACEHOLDER) != 1:
        raise SearchWiringError(f"worker.js must name Material's worker once as {PLACEHOLDER}")
    return rules + "\n" + wrapper.replace(PLACEHOLDER, material_name)


def worker_filename(source: str) -> str:
    """A content-hashed name, like Material's own assets, so caches never serve an old one."""
    return f"tnsite-search.{hashlib.sha256(source.encode()).hexdigest()[:8]}.js"


def language_base(base: str, url_prefix: str) -> str:
    """'../..' on /en/dau-tu/ → '../../en/'; '/' on /en/404.html → '/en/'."""
    if not url_prefix:
        return base
    return posixpath.join(base, url_prefix)


def _html_safe_json(data: Any) -> str:
    """JSON that can sit inside <script>, escaped as Jinja's `tojson` does."""
    text = json.dumps(data, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(char, escape)
    return text


def rewire(html: str, *, url_prefix: str, material_name: str, worker_name: str) -> str:
    """Point a page's search at its language's index and at the site's worker."""
    match = CONFIG_SCRIPT.search(html)
    if match is None:
        if 'id="__config"' in html:
            raise SearchWiringError(f"Material's page configuration markup changed; {REVIEW}")
        return html
    data = json.loads(match.group(2))
    search = data.get("search")
    if not isinstance(search, str) or posixpath.basename(search) != material_name:
        raise SearchWiringError(
            f"the page configuration names the search worker {search!r}, expected Material's "
            f"{material_name}; {REVIEW}"
        )
    if not isinstance(data.get("base"), str):
        raise SearchWiringError(f"the page configuration has no `base`; {REVIEW}")
    data["search"] = posixpath.join(posixpath.dirname(search), worker_name)
    data["base"] = language_base(data["base"], url_prefix)
    return html[: match.start(2)] + _html_safe_json(data) + html[match.end(2) :]


def verify_site(site_dir: Path, worker_name: str, index_files: Iterable[Path]) -> int:
    """Every built page uses the site's worker; the worker and every index exist.

    Returns the number of pages checked. Raises on the first page left on the stock search.
    """
    if not (site_dir / WORKERS_DIR / worker_name).is_file():
        raise SearchWiringError(f"{WORKERS_DIR}/{worker_name} was not written")
    for index in index_files:
        if not index.is_file():
            raise SearchWiringError(f"{index.relative_to(site_dir)} was not written")
    checked = 0
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8", errors="replace")
        match = CONFIG_SCRIPT.search(html)
        if match is None:
            continue
        search = json.loads(match.group(2)).get("search", "")
        if posixpath.basename(search) != worker_name:
            raise SearchWiringError(
                f"{page.relative_to(site_dir)} still uses the search worker {search!r}; "
                f"the search plugin did not rewrite it ({REVIEW})"
            )
        checked += 1
    return checked

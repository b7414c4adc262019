"""What the project knows of Material for MkDocs 9.8.2's internals: its page markup, its search
worker and page configuration, its search indexer and its icons.

Page markup is corrected by counted rewrites (tnsite.stack.rewrites): each must leave no trace
of what it fixes on any page, and each must apply somewhere in the site.

- The search dialog has no accessible name (axe: aria-dialog-name).
- With `navigation.indexes`, each section's `<nav>` is labelled by a toggle that holds only an
  icon, so every section landmark has the same empty name (axe: landmark-unique); each is
  labelled by its visible section title instead.
- The drawer and search toggles carry `autocomplete="off"`, which HTML allows on text-like
  inputs only (Nu HTML checker); checkboxes do not autocomplete anyway.
- Section labels of the navigation carry `tabindex=""`, not a valid integer; no tabindex is
  what Material means (the label is not focusable).
- Pages without a table-of-contents toggle (section index pages) still write
  `<label for="__toc">`, a label for a control that does not exist.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from tnsite.stack.rewrites import Rewrite, StackChanged, Tally

HERE = "scripts/tnsite/stack/material.py"
WORKERS_DIR = "assets/javascripts/workers"
MATERIAL_WORKER = re.compile(r"^search\.[0-9a-f]+\.min\.js$")
CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S
)

# The message protocol between Material's search interface and its worker, as the worker's
# message handler spells it: (name, id, evidence in the minified worker).
WORKER_MESSAGES = (
    ("SETUP", 0, re.compile(r"case 0:return yield \w+\(t\.data\.config\),\w+=new \w+\(t\.data\)")),
    ("READY", 1, re.compile(r"\{type:1\}")),
    ("QUERY", 2, re.compile(r"case 2:let e=t\.data;try\{return\{type:3,")),
    ("RESULT", 3, re.compile(r"\{type:3,data:")),
)
# What the site's worker relies on besides the ids: a message listener, postMessage, and lunr
# exposed globally.
WORKER_SHAPE = ('addEventListener("message"', "postMessage(", "self.lunr=")


def _rewrite(name: str, pattern: str, replacement: str, residue: str) -> Rewrite:
    return Rewrite(name, re.compile(pattern), replacement, re.compile(residue), HERE)


PAGE_REWRITES: tuple[Rewrite, ...] = (
    _rewrite(
        "nav section names",
        r'(<nav class="md-nav" data-md-level="\d+" )aria-labelledby="(__nav[\w]*)_label"'
        r'([^>]*>\s*<label class="md-nav__title" for="\2")>',
        r'\1aria-labelledby="\2_title"\3 id="\2_title">',
        r'<nav class="md-nav" data-md-level="\d+" aria-labelledby="__nav[\w]*_label"',
    ),
    _rewrite(
        "checkbox autocomplete",
        r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="__\w+") '
        r'autocomplete="off">',
        r"\1>",
        r'<input(?=[^>]*type="checkbox")[^>]*\bautocomplete=',
    ),
    _rewrite(
        "empty tabindex",
        r'(<label class="md-nav__link[^"]*" for="__nav[\w]*" id="__nav[\w]*_label") tabindex="">',
        r"\1>",
        r'tabindex=""',
    ),
)
# Only on pages that have no `__toc` control.
TOC_LABEL = _rewrite(
    "label without control",
    r'<label class="md-nav__title" for="__toc">',
    r'<label class="md-nav__title">',
    r'for="__toc"',
)
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


@cache
def search_dialog_rewrite(label: str) -> Rewrite:
    named = SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{label}"')
    return _rewrite(
        "search dialog name",
        re.escape(SEARCH_DIALOG),
        named.replace("\\", "\\\\"),
        r'<div(?=[^>]*data-md-component="search")(?![^>]*aria-label)[^>]*>',
    )


@cache
def html_lang_rewrite(code: str, tag: str) -> Rewrite:
    """Material writes the language partial's code (`zh`) as `<html lang>`; a site that names
    the language more precisely (`zh-Hans`: simplified characters, which browsers need to pick
    simplified glyph forms and a screen reader its voice) gets that tag."""
    return _rewrite(
        "html lang tag",
        rf'<html lang="{re.escape(code)}" ',
        f'<html lang="{tag}" ',
        rf'<html lang="{re.escape(code)}"',
    )


class PageMarkup:
    """Applies the page rewrites to every page of a build and counts them."""

    def __init__(self) -> None:
        self.tally = Tally()
        self.applied: set[str] = set()

    def fix(self, html: str, search_label: str, lang_tag: tuple[str, str] | None = None) -> str:
        """`lang_tag`: (the language's code, the tag its pages declare) when they differ."""
        dialog = search_dialog_rewrite(search_label)
        rewrites = (*PAGE_REWRITES, dialog)
        if 'id="__toc"' not in html:
            rewrites = (*rewrites, TOC_LABEL)
        if lang_tag is not None:
            rewrites = (*rewrites, html_lang_rewrite(*lang_tag))
        out = self.tally.apply(rewrites, html)
        self.applied.update(r.name for r in rewrites)
        return out

    def summary(self) -> str:
        """One log line: how often each rewrite applied (0: Material no longer writes what it
        fixes on this site, and the rewrite may be removed)."""
        every = (*PAGE_REWRITES, TOC_LABEL, search_dialog_rewrite(""))
        counts = ", ".join(f"{r.name} {self.tally.counts[r.name]}" for r in every)
        return f"Material markup rewrites: {counts}"

    def require_all_used(self) -> None:
        every = (*PAGE_REWRITES, TOC_LABEL, search_dialog_rewrite(""), html_lang_rewrite("", ""))
        self.tally.require_all_used(tuple(r for r in every if r.name in self.applied))


# -- the search worker and the page configuration -------------------------------------------


@dataclass(frozen=True)
class MaterialWorker:
    path: Path
    messages: dict[str, int]

    @property
    def name(self) -> str:
        return self.path.name


def find_material_worker(theme_dirs: Iterable[str]) -> MaterialWorker:
    """Material's search worker among the theme folders, its shape and message ids checked."""
    found = [
        path
        for folder in theme_dirs
        if (Path(folder) / WORKERS_DIR).is_dir()
        for path in sorted((Path(folder) / WORKERS_DIR).iterdir())
        if MATERIAL_WORKER.match(path.name)
    ]
    if len(found) != 1:
        raise StackChanged(
            f"expected one Material search worker ({WORKERS_DIR}/search.*.min.js) in the theme, "
            f"found {len(found)}; review {HERE}"
        )
    return MaterialWorker(
        found[0], check_material_worker(found[0].read_text("utf-8"), found[0].name)
    )


def check_material_worker(source: str, name: str) -> dict[str, int]:
    """The worker's message ids, each proven by the worker's own code; raise when one is not."""
    missing = [marker for marker in WORKER_SHAPE if marker not in source]
    missing += [f"message {n} = {i}" for n, i, proof in WORKER_MESSAGES if not proof.search(source)]
    if missing:
        raise StackChanged(
            f"Material's search worker {name} no longer contains {', '.join(missing)}; "
            f"review {HERE} and scripts/tnsite/search/worker.js"
        )
    return {name_: ident for name_, ident, _ in WORKER_MESSAGES}


def page_config(html: str) -> tuple[dict[str, Any], re.Match[str]] | None:
    """Material's page configuration (`<script id="__config">`), or None on pages without it."""
    match = CONFIG_SCRIPT.search(html)
    if match is None:
        if 'id="__config"' in html:
            raise StackChanged(f"Material's page configuration markup changed; review {HERE}")
        return None
    return json.loads(match.group(2)), match


def _html_safe_json(data: Any) -> str:
    """JSON that can sit inside <script>, escaped as Jinja's `tojson` does."""
    text = json.dumps(data, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(char, escape)
    return text


def edit_page_config(html: str, edit: Callable[[dict[str, Any]], dict[str, Any]]) -> str:
    found = page_config(html)
    if found is None:
        return html
    data, match = found
    new = edit(data)
    return html[: match.start(2)] + _html_safe_json(new) + html[match.end(2) :]


# -- the search indexer and the icons --------------------------------------------------------


def search_entries(page: Any, content: str) -> list[dict[str, Any]]:
    """The page and each of its sections as Material's own indexer cuts them."""
    from material.plugins.search.plugin import SearchIndex

    view = SimpleNamespace(
        content=content, toc=page.toc, url=page.url, meta=page.meta, title=page.title
    )
    index = SearchIndex()
    index.add_entry_from_context(view)
    return list(index.entries)


def mute_stock_indexer(plugin: Any) -> None:
    """Material's search plugin indexes every page for an index that the project's own (one
    per language, tnsite/search) replaces; it still strips the `data-search-*` markers from
    each page, only its indexing is skipped. Called for each language's build, whose
    configuration gives the plugin a new index."""
    search_index = getattr(plugin, "search_index", None)
    if search_index is not None:
        search_index.add_entry_from_context = lambda page: None


@cache
def icon_svg(name: str) -> str:
    """An icon of the set Material bundles (`material/<name>`), as SVG text (no request)."""
    import material

    path = Path(material.__file__).parent / "templates/.icons/material" / f"{name}.svg"
    return path.read_text(encoding="utf-8").strip()


# -- text from front matter in Material's templates -------------------------------------------

# Front-matter values Material writes into its templates without escaping (navigation,
# <title>, <meta name="description">, the header, the footer).
TEMPLATE_TEXT_KEYS = ("title", "description", "subtitle")


def escape_page_text(page: Any) -> None:
    """Make the page's front-matter text safe for Material's templates: each value becomes
    escaped markup (`Markup`), which the templates print as it is and `| e` leaves alone.
    Code that needs the text itself reads it through `plain`."""
    from markupsafe import Markup

    for key in TEMPLATE_TEXT_KEYS:
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = Markup.escape(value)


def plain(value: object) -> str:
    """Front-matter text as the editor wrote it, whether or not it was escaped for Material."""
    from markupsafe import Markup

    if isinstance(value, Markup):
        return value.unescape()
    return "" if value is None else str(value)

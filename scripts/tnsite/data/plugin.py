"""Data plugin: figures, tables, cards, charts and the map from data/*.yml in every page.

Events only; the work is done by the modules beside this one. Bad data or a bad directive
stops the build with the same `path:line:col: error: … [rule]` lines `tnsite check` prints;
figures past their freshness and passed milestones are warnings at the same lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from tnsite.config import Project, build_date, load_project
from tnsite.contracts import report
from tnsite.data import freshness, views
from tnsite.data.checks import page_findings
from tnsite.data.config import DataConfig
from tnsite.data.directives import registry_signature
from tnsite.data.drawing import Drawn, draw, not_placed
from tnsite.data.fmt import STRINGS, Formatter
from tnsite.data.geo import load_geo
from tnsite.data.render import RenderContext
from tnsite.data.store import Store, load_store
from tnsite.memo import ContentMemo
from tnsite.stack.i18n import current_language, page_language
from tnsite.stack.versions import require_tested_stack
from tnsite.strings import load_strings

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer


# A page's drawn figures, by everything they are drawn from: the preview rebuilds every page of
# every language on each save, and an edit changes one page's text or one data file.
_RENDERED: ContentMemo[Drawn] = ContentMemo(2048, keep="data-views")


def folder_state(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file under `folder` with its modification time and size: equal means unchanged."""
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    return tuple((p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


class DataPlugin(BasePlugin[DataConfig]):
    project: Project
    store: Store
    strings: dict[str, dict[str, str]]
    geo: dict[str, Any] | None
    today: dt.date  # freshness is judged on one day for the whole build

    loaded_from: tuple[tuple[str, int, int], ...] | None = None

    def __init__(self) -> None:
        self.drawn: dict[str, Drawn] = {}  # by page, from its Markdown to its HTML

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and validate data/ once per change: static-i18n runs on_config again for each
        language's build, and `make serve` for each rebuild, with the same files."""
        require_tested_stack()
        self.project = load_project(Path(config.config_file_path).parent)
        self.strings = load_strings(STRINGS, self.project.codes)
        self.today = freshness.today()
        state = folder_state(self.project.data_dir)
        if state != self.loaded_from:
            self.store = load_store(self.project)
            self.geo = load_geo(self.project.data_dir)
            self.loaded_from = state
        report(config, self.store.findings)
        return config

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        server.watch(str(self.project.data_dir))
        return server

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if "{{" not in markdown:
            return markdown
        lang = page_language(page, config)
        source = page.file.content_string
        rel = self._rel(page)
        report(config, page_findings(source, rel, lang, self.store, self.today))
        build_lang = self.project.language(current_language(config))
        key = (
            self.store.signature,
            registry_signature(),
            repr(self.loaded_from),  # the map's shapes live in data/ too
            markdown,
            source,  # a failure's line is found in it
            rel,
            lang,
            page.url,
            build_lang.url_prefix,
            build_date().isoformat(),
            repr(sorted(self.config.native_digits)),
            str(self.config.sources_list),
        )
        ctx = RenderContext(
            store=self.store,
            lang=lang,
            fmt=Formatter(lang, self.strings[lang], lang in self.config.native_digits),
            page_url=page.url,
            url_prefix=build_lang.url_prefix,
            today=build_date(),
            geo=self.geo,
        )
        render = partial(draw, markdown, ctx, rel, source, self.config.sources_list)
        drawn = _RENDERED.get(key, render) if self.store.signature else render()
        report(config, list(drawn.failures))
        self.drawn[page.file.src_uri] = drawn
        return drawn.markdown

    def _rel(self, page: Page) -> str:
        return (self.project.docs_dir / page.file.src_uri).relative_to(self.project.root).as_posix()

    @event_priority(1000)  # before any plugin reads the page's HTML
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        drawn = self.drawn.pop(page.file.src_uri, None)
        if drawn is None:
            return html
        html, lost = drawn.into(html)
        source = page.file.content_string
        report(config, [not_placed(self._rel(page), source, raw) for raw in lost])
        return html


__all__ = ["DataPlugin", "views"]

"""Search plugin: one index per language, Khmer words marked at build time, and Material's
search interface pointed at them through the site's worker (accent-insensitive Vietnamese,
Khmer queries split into the index's words, English stemming).

Events only; the work is done by index.py, segment.py and wiring.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from tnsite.config import Project, load_project
from tnsite.search import index, wiring
from tnsite.search.config import SearchConfig
from tnsite.search.segment import WordSegmenter, load_words
from tnsite.stack.i18n import FINAL_PRIORITY, current_language, is_final_post_build, page_language
from tnsite.stack.material import find_material_worker, mute_stock_indexer
from tnsite.stack.versions import require_tested_stack

log = get_plugin_logger(__name__)
MATERIAL_SEARCH = "material/search"
KHMER_WORDS = Path(__file__).with_name("khmer-words.txt")


class SearchPlugin(BasePlugin[SearchConfig]):
    project: Project
    material_worker: str
    worker_source: str
    worker_name: str
    segmenter: WordSegmenter

    def __init__(self) -> None:
        self.entries: dict[str, list[dict[str, Any]]] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        require_tested_stack()
        if MATERIAL_SEARCH not in config.plugins:
            raise PluginError(
                "tnsite/search uses Material's search interface: keep `- search` under plugins"
            )
        self.project = load_project(Path(config.config_file_path).parent)
        words = self.project.root / self.config.khmer_words if self.config.khmer_words else None
        if words is not None and not words.is_file():
            raise PluginError(f"tnsite/search: khmer_words file {words} does not exist")
        self.segmenter = WordSegmenter(load_words(words or KHMER_WORDS))
        material = find_material_worker(config.theme.dirs)
        self.material_worker = material.name
        self.worker_source = wiring.worker_source(material)
        self.worker_name = wiring.worker_filename(self.worker_source)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Each language build (static-i18n runs one per language) starts its index afresh."""
        self.entries[current_language(config)] = []
        mute_stock_indexer(config.plugins[MATERIAL_SEARCH])

    @event_priority(10)  # before Material's search plugin strips data-search-exclude markers
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        lang = current_language(config)
        if page_language(page, config) == lang:  # a fallback page is not in this language
            prefix = self.project.language(lang).url_prefix
            entries = index.page_entries(page, prefix, self.segmenter)
            self.entries.setdefault(lang, []).extend(entries)
        return context

    def _rewire(self, html: str, config: MkDocsConfig) -> str:
        return wiring.rewire(
            html,
            url_prefix=self.project.language(current_language(config)).url_prefix,
            material_name=self.material_worker,
            worker_name=self.worker_name,
        )

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return self._rewire(output, config)

    def on_post_template(self, output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        return self._rewire(output, config) if template_name.endswith(".html") else output

    @event_priority(FINAL_PRIORITY)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """After every language: write the indexes (over static-i18n's merged one) and the
        worker, then check that the whole site uses them."""
        if not is_final_post_build(config):
            return
        site = Path(config.site_dir)
        fields = dict(config.plugins[MATERIAL_SEARCH].config.fields)
        written = []
        for lang in self.project.languages:
            path = site / lang.url_prefix / index.INDEX_FILE
            document = index.index_document(
                self.entries.get(lang.code, []),
                language=lang.code,
                separator=self.config.separator,
                fields=fields,
                stem=lang.code in self.config.stemmed_languages,
            )
            size = index.write_index(path, document)
            written.append(path)
            log.debug(f"{path.relative_to(site)}: {len(document['docs'])} entries, {size} bytes")
        worker = site / wiring.WORKERS_DIR / self.worker_name
        worker.parent.mkdir(parents=True, exist_ok=True)
        worker.write_text(self.worker_source, encoding="utf-8")
        pages = wiring.verify_site(site, self.worker_name, written)
        log.debug(f"search: {len(written)} language indexes, {pages} pages wired to them")

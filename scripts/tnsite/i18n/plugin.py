"""Translations plugin: the build stops on broken front matter, pages built by fallback say so
honestly, unreviewed translations carry a note, and editors get a status page.

Events only; the work is done by the modules of this package. hreflang alternates and the
sitemap are rewritten by the links plugin (tnsite/links), which leaves out every page this
plugin marks `noindex` and every fallback page.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from tnsite.alternates import SourceIndex
from tnsite.config import Project, load_project
from tnsite.contracts import SiteContext, TranslationState, report, site_context
from tnsite.findings import Finding, Msg, output_language
from tnsite.i18n import redirects, visitors
from tnsite.i18n.config import I18nConfig
from tnsite.i18n.crosslinks import folder_links, relink
from tnsite.i18n.model import Model, load_model
from tnsite.i18n.schema import syntax_finding
from tnsite.i18n.status import build_status, status_page_markdown
from tnsite.sourcedate import SourceDates
from tnsite.stack.i18n import (
    FINAL_PRIORITY,
    adopt_generated_file,
    chosen_sources,
    current_language,
    is_building_other_languages,
    is_final_post_build,
    page_language,
    verify_fallback_rule,
)
from tnsite.stack.versions import require_tested_stack
from tnsite.strings import load_strings
from tnsite.urls import in_language_tree, page_url

STRINGS = Path(__file__).with_name("strings.yml")
log = get_plugin_logger(__name__)


class I18nPlugin(BasePlugin[I18nConfig]):
    project: Project
    strings: dict[str, dict[str, str]]
    model: Model | None = None
    fallbacks: dict[str, list[str]]
    index: SourceIndex
    dates: SourceDates

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        require_tested_stack()
        self.project = load_project(Path(config.config_file_path).parent)
        self.strings = load_strings(STRINGS, self.project.codes)
        if self.model is None or not is_building_other_languages(config):
            # First (source-language) pass of a build: read the content once for all languages.
            self.model = load_model(self.project)
            self.dates = SourceDates(self.project.root)  # git read once per build, if asked
            self.fallbacks = {}
            if self.config.stop_on_broken_front_matter:
                # MkDocs would drop such front matter silently and show it as page text.
                report(config, self._broken_front_matter())
        return config

    def _broken_front_matter(self) -> list[Finding]:
        assert self.model is not None
        return [
            syntax_finding(doc.fm, doc.rel)
            for pages in self.model.pages.values()
            for doc in pages.values()
            if doc.fm.error
        ]

    @event_priority(-150)  # after static-i18n (-100) has chosen each language's files
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.model is not None
        lang = current_language(config)
        chosen = chosen_sources(files, self.project.codes)
        index = self.index = SourceIndex(self.project)
        verify_fallback_rule(lang, chosen, {p: index.source_language(lang, p) for p in chosen})
        self.fallbacks[lang] = sorted(path for path, source in chosen.items() if source != lang)
        if lang == self.project.source_code and self.config.status_page:
            files.append(self._status_file(config))
        return files

    def _status_file(self, config: MkDocsConfig) -> File:
        assert self.model is not None
        path = self.config.status_page
        content = status_page_markdown(build_status(self.model), path)
        file = File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        return adopt_generated_file(file, self.project.source_code)

    def _is_fallback(self, page: Page, config: MkDocsConfig) -> bool:
        return page_language(page, config) != current_language(config)

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if page.file.generated_by is None:
            # The file as written (front matter included), so lines are the editor's lines.
            written = page.file.content_string
            report(config, folder_links(self.project, self._rel(page), written, page.file.src_uri))
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if page.file.generated_by is None and "hreflang" in html:
            relinked = relink(
                self.project,
                self.index,
                html,
                page.url,
                self._rel(page),
                page.file.content_string,
            )
            report(config, relinked.findings)
            html = relinked.html
        if self._is_fallback(page, config):
            return visitors.wrap_content(html, page_language(page, config))
        return html

    def _rel(self, page: Page) -> str:
        docs = self.project.docs_dir.relative_to(self.project.root).as_posix()
        return f"{docs}/{page.file.src_uri}"

    def on_page_context(
        self,
        mkdocs_context: TemplateContext,
        /,
        *,
        page: Page,
        config: MkDocsConfig,
        nav: Navigation,
    ) -> SiteContext:
        assert self.model is not None
        build = current_language(config)
        real = page_language(page, config)
        path = in_language_tree(page.file.src_uri, self.project.codes)
        info: TranslationState = {
            "noindex": False,
            "fallback": None,
            "review_note": None,
            "stale_note": None,
        }
        if page.file.src_uri == self.config.status_page:
            info["noindex"] = True
        elif real != build:
            declared = self.model.pending_for(build, path)
            active = declared if declared and declared.active(self.model.today) else None
            info["noindex"] = True
            info["fallback"] = visitors.fallback(
                self.strings[build],
                lang=build,
                source_lang=real,
                page_url=page.url,
                source_url=self.project.language(real).url_prefix + page_url(path),
                until=active.until if active else None,
                native_digits=build in self.project.native_digits,
            )
        elif build != self.project.source_code:
            doc = self.model.doc(build, path)
            if doc is not None:
                info["review_note"] = visitors.review_note(self.strings[build], doc.review)
                source = self.model.sources.get(path)
                if source is not None and not self.model.staleness(doc).up_to_date:
                    changed = self.dates.date([self.project.root / source.rel])
                    info["stale_note"] = visitors.stale_note(
                        self.strings[build],
                        lang=build,
                        source_lang=self.project.source_code,
                        changed=changed.date(),
                        page_url=page.url,
                        source_url=self.project.language(self.project.source_code).url_prefix
                        + page_url(path),
                        native_digits=build in self.project.native_digits,
                    )
        context = site_context(mkdocs_context)
        context["tn_i18n"] = info
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self._is_fallback(page, config):
            return visitors.mark_toc_language(output, page_language(page, config))
        if page.file.src_uri == self.config.status_page:
            # The editors' page has no translations: it announces no alternates.
            return visitors.drop_hreflang(output)
        return output

    @event_priority(FINAL_PRIORITY)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not is_final_post_build(config):
            return
        texts = {code: self.strings[code]["moved_link"] for code in self.project.codes}
        written = redirects.write_stubs(self.project, Path(config.site_dir), texts)
        if written:
            log.info(
                Msg(
                    f"{len(written)} old address(es) of moved pages lead to their new ones",
                    f"{len(written)} địa chỉ cũ của các trang đã chuyển dẫn tới địa chỉ mới",
                ).text(output_language())
            )
        for lang, paths in sorted(self.fallbacks.items()):
            if paths:  # the editor's word for these is the `pending` warning
                log.debug(
                    f"{len(paths)} page(s) not yet in '{lang}' built from the source with a "
                    f"notice: {', '.join(paths)}"
                )

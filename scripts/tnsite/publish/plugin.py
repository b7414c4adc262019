"""Publications plugin: events only. The work is in catalogue.py (publications.yml),
compose.py (print documents from the written pages), svgprint.py (charts and map), fonts.py
(print fonts and the glyph check), render.py (WeasyPrint) and download.py (the links).

Order within a build: publications.yml is read and checked once, before any page is built;
each language's pages get their download links (with a marker for the size) as they are
written; after the last language is written, every publication is composed, checked and
printed, the PDFs are written, and the markers become sizes. Any finding stops the build
before a PDF is written.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

from tnsite.config import Project, load_project
from tnsite.contracts import PreviewAware, report
from tnsite.findings import Msg, output_language
from tnsite.publish.catalogue import Catalogue, load_catalogue
from tnsite.publish.config import PublishConfig
from tnsite.publish.download import (
    fill_sizes,
    insert_links,
    link_markup,
    output_path,
    remove_links,
)
from tnsite.publish.publisher import Printed, Publisher
from tnsite.stack.i18n import (
    FINAL_PRIORITY,
    current_language,
    is_building_other_languages,
    is_final_post_build,
)
from tnsite.stack.versions import require_tested_stack
from tnsite.strings import load_strings
from tnsite.urls import in_language_tree, relative_href

STRINGS = Path(__file__).with_name("strings.yml")

# Like the images plugin's: shown even when MkDocs' other INFO lines are hidden.
summary = logging.getLogger("mkdocs.plugins.tnsite.publish.summary")
summary.setLevel(logging.INFO)


class PublishPlugin(PreviewAware, BasePlugin[PublishConfig]):
    project: Project
    strings: dict[str, dict[str, str]]
    catalogue: Catalogue | None = None
    linked: set[Path]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        require_tested_stack()
        self.project = load_project(Path(config.config_file_path).parent)
        self.strings = load_strings(STRINGS, self.project.codes)
        if self.catalogue is None or not is_building_other_languages(config):
            # First (source-language) pass: read publications.yml once for all languages.
            self.linked = set()
            self.catalogue = load_catalogue(self.project, self.config.file, self.strings)
            if self.catalogue.findings:
                # The build's checks report them and refuse the build; it goes on without
                # publications so that every other finding is reported too.
                report(config, self.catalogue.findings)
                self.catalogue = Catalogue(self.config.file)
        return config

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """The links go into the written page, after search has indexed its text (a size
        that is not known yet has no place in the index)."""
        assert self.catalogue is not None
        md = in_language_tree(page.file.src_uri, self.project.codes)
        publications = self.catalogue.linking(md)
        if not publications or self.previewing:  # the preview prints no PDF to link to
            return output
        lang = current_language(config)
        prefix = self.project.language(lang).url_prefix
        links = [
            link_markup(
                text_template=self.strings[lang]["download"],
                link_text=pub.links[lang],
                pub_id=pub.id,
                lang=lang,
                href=relative_href(output_path(prefix, self.config.output_dir, pub.id), page.url),
            )
            for pub in publications
        ]
        self.linked.add(Path(config.site_dir) / page.file.dest_uri)
        return insert_links(output, links)

    @event_priority(FINAL_PRIORITY - 5)  # after every language is written, before the sitemap
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not is_final_post_build(config) or self.catalogue is None:
            return
        if self.previewing:
            summary.info("publications: printed and checked by `make build` and `make check`")
            return
        root = self.project.root
        site = Path(config.site_dir)
        native = set(self.project.native_digits)
        publisher = Publisher(
            self.project,
            self.catalogue,
            self.strings,
            site,
            output_dir=self.config.output_dir,
            fonts_css=root / self.config.fonts_css,
            stylesheets=[root / sheet for sheet in self.config.stylesheets],
            cache_dir=root / self.config.cache_dir,
            native_digits=native,
            max_bytes=int(self.config.max_megabytes * 1_000_000),
        )
        jobs, findings = publisher.jobs()
        printed: list[Printed] = []
        if not findings:
            printed, findings = publisher.print_all(jobs, self.config.workers)
        if findings:
            report(config, findings)  # the build is refused: no PDF and no link to one
            for page in sorted(self.linked):
                if page.is_file():
                    remove_links(page)  # no PDF behind them
            return
        sizes = publisher.write(printed)
        templates = {code: self.strings[code]["megabytes"] for code in self.project.codes}
        for page in sorted(self.linked):
            if page.is_file():
                fill_sizes(page, sizes, templates, native)
        rendered = sum(not item.cached for item in printed)
        summary.info(
            Msg(
                "publications: %d rendered, %d from the cache",
                "ấn phẩm: %d in mới, %d lấy từ bộ nhớ đệm",
            ).text(output_language()),
            rendered,
            len(printed) - rendered,
        )

"""Theme plugin: shared assets from the top-level assets/ folder, a not-found page per
language, and the guarantees the stock theme does not give (a UI-strings partial for every
language, no third-party fonts or scripts)."""

from __future__ import annotations

import datetime as dt
import posixpath
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from babel import Locale
from babel.core import get_global
from jinja2 import FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from tnsite.config import Project, load_project
from tnsite.contracts import SiteContext, data_store, site_context, upcoming_events
from tnsite.mdsource import NOTICE_TYPES, Source
from tnsite.stack.bundle import neutralise_bundle
from tnsite.stack.i18n import (
    FINAL_PRIORITY,
    current_language,
    is_building_other_languages,
    is_final_post_build,
    page_language,
)
from tnsite.stack.material import PageMarkup, plain
from tnsite.stack.rendered_pages import keep_rendering
from tnsite.stack.theme_listing import list_static_files_quickly
from tnsite.stack.versions import require_tested_stack
from tnsite.strings import load_strings
from tnsite.theme import fonts, structured_data
from tnsite.theme.config import ThemeConfig
from tnsite.theme.notices import title_notices
from tnsite.urls import in_language_tree

STRINGS = Path(__file__).with_name("strings.yml")
log = get_plugin_logger(__name__)


@cache  # asked for every language on every page
def og_locale(code: str) -> str:
    """Open Graph wants language_TERRITORY: 'km' → 'km_KH', from CLDR's likely subtags."""
    locale = Locale.parse(code)
    if locale.territory is None:
        locale = Locale.parse(get_global("likely_subtags").get(code, code))
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


class ThemePlugin(BasePlugin[ThemeConfig]):
    project: Project
    strings: dict[str, dict[str, str]]
    notice_titles: dict[str, dict[str, str]]  # language → admonition type → its title
    default_404: bytes | None = None
    markup: PageMarkup
    directives_used: dict[str, set[str]]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        require_tested_stack()
        if config.theme.get("font") is not False:
            raise PluginError(
                "mkdocs.yml: theme.font must be `false`: fonts are self-hosted in assets/fonts, "
                "the stock setting loads them from Google Fonts."
            )
        self.project = load_project(Path(config.config_file_path).parent)
        for code in self.project.codes:
            if not _partial_exists(config, code):
                raise PluginError(
                    f"No Material UI strings for language '{code}': add "
                    f"overrides/partials/languages/{code}.html with every key of Material's "
                    "en.html partial."
                )
        self.strings = load_strings(STRINGS, self.project.codes)
        self.notice_titles = {
            code: {kind: table[f"notice_{kind}"] for kind in NOTICE_TYPES}
            for code, table in self.strings.items()
        }
        if "footnotes" in config.markdown_extensions:
            # A footnote's way back to the text is titled in the language being built.
            footnotes = config.mdx_configs.setdefault("footnotes", {})
            footnotes["BACKLINK_TITLE"] = self.strings[current_language(config)]["footnote_back"]
        list_static_files_quickly(config)
        self.directives_used = {}
        if not is_building_other_languages(config):
            self.markup = PageMarkup()
        self.preloads: dict[str, list[str]] = {}
        return config

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Compiled templates are kept in .cache/jinja: each language's build and every later
        build reuse them instead of compiling Material's templates again. Jinja keys them by
        template name and source checksum, so an edited template is compiled afresh."""
        folder = Path(config.config_file_path).parent / self.config.template_cache_dir
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        return env

    @event_priority(50)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Serve assets/ at /assets/ in every language build without copying it per language."""
        root = Path(config.config_file_path).parent / self.config.assets_dir
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            rel = path.relative_to(root.parent).as_posix()
            if files.get_file_from_path(rel) is None:
                files.append(File(rel, str(root.parent), config.site_dir, False))
        return files

    def _common_context(self, mkdocs_context: TemplateContext, config: MkDocsConfig) -> SiteContext:
        context = site_context(mkdocs_context)
        lang = current_language(config)
        context["tn_build_lang"] = lang
        context["tn_og_locale"] = og_locale(lang)
        context["tn_og_alternates"] = [og_locale(c) for c in self.project.codes if c != lang]
        context["tn_strings"] = self.strings[lang]
        context["tn_font_preloads"] = self.font_preloads(config, lang)
        return context

    def font_preloads(self, config: MkDocsConfig, lang: str) -> list[str]:
        """Font files to preload on `lang` pages, from the @font-face rules of extra_css."""
        if lang not in self.preloads:
            root = Path(config.config_file_path).parent
            self.preloads[lang] = [
                path
                for css in config.extra_css
                if (root / css).is_file()
                for path in fonts.preloads(root / css, posixpath.dirname(css), lang)
            ]
        return self.preloads[lang]

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        """A page whose Markdown, place and link targets are as in an earlier build (or an
        earlier rebuild of the preview) takes its HTML from then (stack/rendered_pages.py)."""
        keep_rendering(page)
        return page

    @event_priority(100)
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """A language's home page is a landing page: hero template, no side bars. The
        directives a page uses are noted before other plugins render them, for JSON-LD."""
        if page.is_homepage or page.url in {lang.url_prefix for lang in self.project.languages}:
            page.meta.setdefault("template", "home.html")
            page.meta.setdefault("hide", ["navigation", "toc"])
        source = Source.of(markdown, front_matter=False)
        self.directives_used[page.file.src_uri] = source.views_used()
        return title_notices(source, self.notice_titles[page_language(page, config)]) or markdown

    @event_priority(-10)  # after the images plugin has named the page's social card
    def on_page_context(
        self,
        mkdocs_context: TemplateContext,
        /,
        *,
        page: Page,
        config: MkDocsConfig,
        nav: Navigation,
    ) -> SiteContext:
        context = self._common_context(mkdocs_context, config)
        card = context["tn_card"]["url"] if "tn_card" in context else None
        context["tn_jsonld"] = structured_data.to_script(self._structured(page, config, card))
        return context

    def _structured(
        self, page: Page, config: MkDocsConfig, card: str | None
    ) -> list[dict[str, Any]]:
        lang = self.project.language(current_language(config))
        url = page.canonical_url or ""
        items: list[dict[str, Any]] = []
        if page.url == lang.url_prefix:
            items.append(
                structured_data.website(config.site_name, url, lang.code, lang.site_description)
            )
        shared = in_language_tree(page.file.src_uri, self.project.codes)
        used = self.directives_used.get(page.file.src_uri, set())
        fallback = self.project.source_code
        store = data_store(config)
        destinations = store.get("destinations") if store else None
        for record in destinations.confirmed() if destinations else []:
            if record.get("page") == shared:
                items.append(structured_data.tourist_attraction(record, url, lang.code, fallback))
        contacts = store.get("contacts") if store and "contacts" in used else None
        for record in contacts.confirmed() if contacts else []:
            items.append(structured_data.government_organization(record, lang.code, fallback))
        events = upcoming_events(config) if "events" in used else None
        for event in events or []:
            items.append(
                structured_data.event(
                    event.name(lang.code, fallback),
                    event.start,
                    event.end,
                    event.place(lang.code, fallback),
                    url,
                    lang.code,
                )
            )
        date = page.meta.get("date")
        if isinstance(date, dt.date):
            items.append(
                structured_data.news_article(
                    plain(page.meta.get("title") or page.title),
                    plain(page.meta.get("description")),
                    url,
                    lang.code,
                    date,
                    publisher=config.site_name,
                    publisher_url=self.project.site_url + lang.url_prefix,
                    image=card,
                )
            )
        return items

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return self.markup.fix(output, self.search_label(config), self.lang_tag(config))

    def on_post_template(self, output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        if template_name.endswith(".html"):
            return self.markup.fix(output, self.search_label(config), self.lang_tag(config))
        return output

    def lang_tag(self, config: MkDocsConfig) -> tuple[str, str] | None:
        """(code, tag) when mkdocs.yml gives this language a more precise `<html lang>` tag."""
        code = current_language(config)
        tag = self.config.html_lang.get(code)
        return (code, tag) if tag and tag != code else None

    def search_label(self, config: MkDocsConfig) -> str:
        return self.strings[current_language(config)]["search_dialog"]

    def on_template_context(
        self, mkdocs_context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> SiteContext:
        context = self._common_context(mkdocs_context, config)
        if template_name == "404.html":
            site_path = urlsplit(self.project.site_url).path
            lang = self.project.language(current_language(config))
            context["tn_home_href"] = site_path + lang.url_prefix
            if lang.default:
                # This page answers every missing address and sends most of them on to another
                # language's 404 page; preloading its own fonts would spend the visitor's bytes
                # on faces the next page may not use.
                context["tn_font_preloads"] = []
                context["tn_404_routes"] = {
                    site_path + other.url_prefix: site_path + other.url_prefix + "404.html"
                    for other in self.project.languages
                    if not other.default
                }
        return context

    def _keep_404(self, config: MkDocsConfig) -> None:
        """Each language build writes /404.html; keep each at its language's folder."""
        site = Path(config.site_dir)
        page = site / "404.html"
        if not page.is_file():
            return
        lang = self.project.language(current_language(config))
        if lang.default:
            self.default_404 = page.read_bytes()
        else:
            (site / lang.url_prefix).mkdir(parents=True, exist_ok=True)
            page.replace(site / lang.url_prefix / "404.html")

    @event_priority(FINAL_PRIORITY)
    def _finish_site(self, config: MkDocsConfig) -> None:
        if not is_final_post_build(config):
            return
        if self.default_404 is not None:
            (Path(config.site_dir) / "404.html").write_bytes(self.default_404)
        neutralise_bundle(Path(config.site_dir))
        log.debug(self.markup.summary())  # for whoever maintains the theme (`--verbose`)

    on_post_build = CombinedEvent(_keep_404, _finish_site)


def _partial_exists(config: MkDocsConfig, code: str) -> bool:
    rel = Path("partials") / "languages" / f"{code}.html"
    return any((Path(folder) / rel).is_file() for folder in config.theme.dirs)

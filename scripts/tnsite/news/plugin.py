"""News plugin: `{{ news latest }}` and `{{ events upcoming }}` in pages, an Atom feed and an
iCalendar file per language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from tnsite.config import Project, build_date, load_project
from tnsite.contracts import SiteContext, data_store, site_context
from tnsite.mdsource import Directive, Source
from tnsite.news import render
from tnsite.news.calendar import ics_calendar
from tnsite.news.config import NewsConfig
from tnsite.news.events import Event, upcoming
from tnsite.news.feeds import atom_feed
from tnsite.news.items import news_items
from tnsite.stack.i18n import current_language
from tnsite.stack.versions import require_tested_stack
from tnsite.strings import load_strings
from tnsite.urls import relative_href, relative_link

STRINGS = Path(__file__).with_name("strings.yml")


class NewsPlugin(BasePlugin[NewsConfig]):
    project: Project
    strings: dict[str, dict[str, str]]
    _events: list[Event] | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        require_tested_stack()
        self.project = load_project(Path(config.config_file_path).parent)
        self.strings = load_strings(STRINGS, self.project.codes)
        self._events = None
        return config

    def _festivals(self, config: MkDocsConfig) -> list[dict[str, Any]]:
        """Confirmed festival records, validated by the data layer."""
        store = data_store(config)
        dataset = store.get(self.config.festivals) if store else None
        return dataset.confirmed() if dataset else []

    def events(self, config: MkDocsConfig) -> list[Event]:
        """Upcoming festival dates, computed once per build."""
        if self._events is None:
            festivals = self._festivals(config)
            self._events = upcoming(festivals, build_date(), self.config.horizon_days)
        return self._events

    @event_priority(10)
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if "{{" not in markdown:
            return markdown
        lang = current_language(config)
        strings = self.strings[lang]
        prefix = self.project.language(lang).url_prefix
        native = lang in self.project.native_digits

        def link(target: str) -> str:
            return relative_link(target, page.file.src_uri, self.project.codes)

        def replace(directive: Directive) -> str:
            kind, view = directive.view, directive.dataset
            # A count that is not a number is the news check's error at its line (checks.py):
            # the page is drawn with every item meanwhile, and the build refuses it there.
            written = directive.options.get("count", "")
            count = int(written) if written.isascii() and written.isdigit() else None
            count = count or None
            if kind == "news" and view == "latest":
                items = news_items(self.project, lang, self.config.news_dir)[:count]
                return render.news_list(
                    items, lang=lang, link=link, strings=strings, native_digits=native
                )
            if kind == "events" and view == "upcoming":
                href = relative_href(prefix + self.config.calendar_file, page.url)
                return render.events_list(
                    self.events(config)[:count],
                    lang=lang,
                    fallback=self.project.source_code,
                    link=link,
                    strings=strings,
                    calendar_href=href,
                    event_href=lambda event: relative_href(
                        f"{prefix}{self.config.events_dir}/{event.id}.ics", page.url
                    ),
                    native_digits=native,
                )
            return directive.raw  # the news check's error at its line (checks.py)

        source = Source.of(markdown, front_matter=False)
        return source.replace_directives({"news": replace, "events": replace})

    def on_page_context(
        self,
        mkdocs_context: TemplateContext,
        /,
        *,
        page: Page,
        config: MkDocsConfig,
        nav: Navigation,
    ) -> SiteContext:
        context = site_context(mkdocs_context)
        lang = current_language(config)
        prefix = self.project.language(lang).url_prefix
        context["tn_feed_href"] = relative_href(prefix + self.config.feed_file, page.url)
        context["tn_feed_title"] = self.strings[lang]["feed_title"]
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        lang = current_language(config)
        language = self.project.language(lang)
        out = Path(config.site_dir) / language.url_prefix
        out.mkdir(parents=True, exist_ok=True)
        base_url = self.project.site_url + language.url_prefix
        strings = self.strings[lang]
        items = news_items(self.project, lang, self.config.news_dir)
        (out / self.config.feed_file).write_bytes(
            atom_feed(
                items,
                lang=lang,
                base_url=base_url,
                title=strings["feed_title"],
                subtitle=language.site_description,
                author=language.site_name,
            )
        )
        domain = self.project.site_url.split("//", 1)[-1].strip("/")
        events = self.events(config)

        def write_calendar(path: Path, chosen: list[Event], name: str) -> None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(
                ics_calendar(
                    chosen,
                    lang=lang,
                    fallback=self.project.source_code,
                    base_url=base_url,
                    name=name,
                    domain=domain,
                    made=build_date(),
                )
            )

        write_calendar(out / self.config.calendar_file, events, strings["calendar_name"])
        for event in events:
            name = event.name(lang, self.project.source_code)
            write_calendar(out / self.config.events_dir / f"{event.id}.ics", [event], name)

"""The contracts between the project's plugins, typed.

A plugin that needs another plugin's work asks for it through MkDocs' plugin collection and
these protocols, never through `Any`: the data plugin offers its validated datasets once per
build (so no other plugin loads data/ again), the news plugin offers the upcoming events (so
the theme can describe them in JSON-LD without computing them twice), and the check plugin
collects every plugin's findings so that one build reports every cause at once. The variables
the plugins hand to the templates in overrides/ are named in `SiteContext`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol, TypedDict, cast, runtime_checkable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.utils.templates import TemplateContext

from tnsite.findings import BuildRefused, Finding, SetupMissing, Severity

if TYPE_CHECKING:
    from tnsite.data.store import Store
    from tnsite.i18n.visitors import Fallback
    from tnsite.news.events import Event

DATA_PLUGIN = "tnsite/data"
NEWS_PLUGIN = "tnsite/news"


class PreviewAware:
    """For a plugin whose work only the published site needs (printed publications, the web
    editor): `make serve` starts MkDocs with `command="serve"`, and the editor waiting for the
    page they just saved should not wait for PDFs or the editor's bundle as well. Defining
    `on_startup` also keeps the plugin's instance (and what it holds) from one rebuild of the
    preview to the next."""

    previewing = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.previewing = command == "serve"


@runtime_checkable
class OffersDataStore(Protocol):
    store: Store


@runtime_checkable
class OffersEvents(Protocol):
    def events(self, config: MkDocsConfig) -> list[Event]: ...


def data_store(config: MkDocsConfig) -> Store | None:
    """The data plugin's validated datasets, loaded once in its `on_config`; None when the site
    has no data plugin."""
    plugin = config.plugins.get(DATA_PLUGIN)
    return plugin.store if isinstance(plugin, OffersDataStore) else None


def upcoming_events(config: MkDocsConfig) -> list[Event] | None:
    """The news plugin's upcoming events; None when the site has no news plugin."""
    plugin = config.plugins.get(NEWS_PLUGIN)
    return plugin.events(config) if isinstance(plugin, OffersEvents) else None


CHECK_PLUGIN = "tnsite/check"


@runtime_checkable
class CollectsFindings(Protocol):
    def report(self, findings: Iterable[Finding]) -> None: ...


def report(config: MkDocsConfig, findings: Iterable[Finding]) -> None:
    """Hand findings to the build's check plugin, which reports every cause at the end of the
    build; without it (a site that does not use tnsite/check), errors stop the build now."""
    found = list(findings)
    if not found:
        return
    plugin = config.plugins.get(CHECK_PLUGIN)
    if isinstance(plugin, CollectsFindings):
        plugin.report(found)
    elif any(f.severity is Severity.ERROR for f in found):
        raise RefusedBuild(found)


class RefusedBuild(BuildRefused, Abort):
    """BuildRefused as MkDocs' own commands expect it: `mkdocs build` and `mkdocs serve` print
    the findings and exit, without a traceback."""


class SetupStopped(SetupMissing, Abort):
    """SetupMissing as MkDocs' own commands expect it: printed without a traceback."""


class SocialCard(TypedDict):
    """The page's social card image (overrides/partials/tn-social.html)."""

    url: str
    width: int
    height: int
    type: str
    alt: str


class StaleNote(TypedDict):
    """A translation behind its source: when the source changed, and where to read it."""

    text: str
    link: str
    href: str
    lang: str


class TranslationState(TypedDict):
    """What the page says of its translation (overrides/partials/tn-i18n-*.html)."""

    noindex: bool
    fallback: Fallback | None
    review_note: str | None
    stale_note: StaleNote | None


class SiteContext(TemplateContext, total=False):
    """The template context with the variables the project's plugins add for overrides/.

    MkDocs types the context as a closed TypedDict of its own keys, though it is a plain dict
    that every plugin may extend and Jinja reads by name. Naming the additions here makes a
    misspelt key or a value of the wrong shape a type error, not a template variable that is
    silently empty.
    """

    tn_build_lang: str
    tn_og_locale: str
    tn_og_alternates: list[str]
    tn_strings: dict[str, str]
    tn_font_preloads: list[str]
    tn_jsonld: str
    tn_home_href: str
    tn_404_routes: dict[str, str]
    tn_card: SocialCard  # images plugin
    tn_i18n: TranslationState  # i18n plugin
    tn_feed_href: str  # news plugin
    tn_feed_title: str  # news plugin


def site_context(context: TemplateContext) -> SiteContext:
    """The same dict, seen with the project's template variables."""
    return cast(SiteContext, context)

"""The contracts between the project's plugins, typed.

A plugin that needs another plugin's work asks for it through MkDocs' plugin collection and
these protocols, never through `Any`: the data plugin offers its validated datasets once per
build (so no other plugin loads data/ again), the news plugin offers the upcoming events (so
the theme can describe them in JSON-LD without computing them twice).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from mkdocs.config.defaults import MkDocsConfig

if TYPE_CHECKING:
    from tnsite.data.store import Store
    from tnsite.news.events import Event

DATA_PLUGIN = "tnsite/data"
NEWS_PLUGIN = "tnsite/news"


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

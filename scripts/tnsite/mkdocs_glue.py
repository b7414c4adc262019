"""What every plugin of the project needs to know about the i18n plugin's per-language builds.

mkdocs-static-i18n builds the default language, then, from its own `on_post_build`
(priority -100), builds every other language by calling MkDocs' build again. A plugin that
must act once on the whole trilingual site therefore listens at a lower priority and acts only
when the i18n plugin is no longer inside its nested builds.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

FINAL_PRIORITY = -200


def i18n_plugin(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def data_store(config: MkDocsConfig) -> Any:
    """The data plugin's validated datasets, loaded once in its `on_config`; None when the site
    has no data plugin. Other plugins read data from here instead of loading it again."""
    plugin = config.plugins.get("tnsite/data")
    return getattr(plugin, "store", None)


def current_language(config: MkDocsConfig) -> str:
    """The language being built now (Material's theme language follows the i18n plugin)."""
    plugin = i18n_plugin(config)
    if plugin is not None and plugin.current_language:
        return str(plugin.current_language)
    return str(config.theme.get("language", "en"))


def is_final_post_build(config: MkDocsConfig) -> bool:
    """True in the `on_post_build` that follows the last language's build."""
    plugin = i18n_plugin(config)
    return plugin is None or not plugin.building


def page_language(page: Any, config: MkDocsConfig) -> str:
    """The language the page's file is really written in (differs from the build on fallback)."""
    return str(getattr(page.file, "locale", None) or current_language(config))


def build_date() -> dt.date:
    """Today, or SOURCE_DATE_EPOCH's day when set (reproducible builds of old commits)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()

"""Options of the translations plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class I18nConfig(Config):
    # Where the editors' status page is built (source language only; out of the navigation).
    status_page = c.Type(str, default="bien-tap/ban-dich.md")
    # Stop the build on front matter that is not valid YAML (MkDocs would silently drop it).
    stop_on_broken_front_matter = c.Type(bool, default=True)

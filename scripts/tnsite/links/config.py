"""Options of the links plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class LinksConfig(Config):
    # Rewrite the hreflang alternates of every page to list only real translations + x-default.
    hreflang = c.Type(bool, default=True)
    # Replace the stock sitemap.xml with one of the indexable pages and their alternates.
    sitemap = c.Type(bool, default=True)

"""Options of the safety plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SafetyConfig(Config):
    # Write a Content-Security-Policy <meta> into every page (hashes of its inline scripts).
    csp = c.Type(bool, default=True)

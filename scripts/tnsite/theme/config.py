"""Options of the theme plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ThemeConfig(Config):
    assets_dir = c.Type(str, default="assets")
    # Compiled Jinja templates, reused across language builds and builds (gitignored).
    template_cache_dir = c.Type(str, default=".cache/jinja")

"""Options of the theme plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ThemeConfig(Config):
    assets_dir = c.Type(str, default="assets")
    # Compiled Jinja templates, reused across language builds and builds (gitignored).
    template_cache_dir = c.Type(str, default=".cache/jinja")
    # `<html lang>` per language code where the code alone is not precise enough, as BCP 47
    # tags: `zh: zh-Hans` (simplified characters). URLs, hreflang and file names keep the code.
    html_lang = c.DictOfItems(c.Type(str), default={})

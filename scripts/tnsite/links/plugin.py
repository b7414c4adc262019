"""Links plugin: after the last language is built, make the hreflang alternates and
sitemap.xml tell the truth about translations (only real translations, x-default, absolute
URLs, no page built by fallback or marked noindex)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority

from tnsite.config import load_project
from tnsite.links.config import LinksConfig
from tnsite.links.hreflang import write_alternates
from tnsite.links.sitemap import write_robots, write_sitemap
from tnsite.stack.i18n import FINAL_PRIORITY, is_final_post_build
from tnsite.stack.versions import require_tested_stack


class LinksPlugin(BasePlugin[LinksConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        require_tested_stack()
        return config

    @event_priority(FINAL_PRIORITY - 10)
    def on_post_build(self, config: MkDocsConfig) -> None:
        """After the other final steps, so it sees every page as it will be published."""
        if not is_final_post_build(config):
            return
        project = load_project(Path(config.config_file_path).parent)
        site = Path(config.site_dir)
        records = write_alternates(project, site, write=self.config.hreflang)
        if self.config.sitemap:
            write_sitemap(project, site, records)
            write_robots(project, site)

"""Editor plugin: events only. The editor is written once, after the last language's build,
into site/<folder>/ (admin.py); pages created in the editor join their section's menu (nav.py)."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority

from tnsite.config import Project, load_project
from tnsite.contracts import PreviewAware, SetupStopped
from tnsite.editor.admin import Site, site_base_path, write_admin
from tnsite.editor.bundle import BundleMissing
from tnsite.editor.cmsconfig import Backend, repo_from_site_url
from tnsite.editor.config import EditorConfig
from tnsite.editor.nav import complete_nav
from tnsite.findings import Msg, output_language
from tnsite.stack.i18n import FINAL_PRIORITY, is_final_post_build

log = logging.getLogger("mkdocs.plugins.tnsite.editor")
log.setLevel(logging.INFO)


class EditorPlugin(PreviewAware, BasePlugin[EditorConfig]):
    project: Project

    @event_priority(100)  # before the i18n plugin copies the nav for each language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.project = load_project(Path(config.config_file_path).parent)
        added = complete_nav(self.project, config)
        for page in added:
            log.info(
                Msg(
                    "editor: %s added to the menu of its section",
                    "trình biên tập: đã thêm %s vào menu của mục",
                ).text(output_language()),
                page,
            )
        return config

    def backend(self) -> Backend:
        repo = self.config.repo or repo_from_site_url(self.project.site_url)
        return Backend(
            name="github",
            repo=repo,
            branch=self.config.branch,
            base_url=self.config.auth_url,
            auth_endpoint=self.config.auth_endpoint,
        )

    @event_priority(FINAL_PRIORITY)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not is_final_post_build(config):
            return
        if self.previewing:
            log.debug("editor: not part of the preview (`make edit` opens it)")
            return
        site_dir = Path(config.site_dir)
        main_css = sorted(p.name for p in (site_dir / "assets/stylesheets").glob("main.*.min.css"))
        stylesheets = tuple(
            [f"assets/stylesheets/{name}" for name in main_css] + [str(s) for s in config.extra_css]
        )
        fonts = next((s for s in stylesheets if s.endswith("fonts.css")), stylesheets[-1])
        site = Site(site_base_path(self.project.site_url), stylesheets, fonts)
        try:
            written = write_admin(
                self.project,
                site_dir / self.config.folder,
                self.backend(),
                site,
                self.config.ui_language,
            )
        except BundleMissing as exc:
            raise SetupStopped(exc.msg) from exc
        log.debug("editor: /%s/ written (%d files)", self.config.folder, len(written))

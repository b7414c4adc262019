"""Theme plugin: shared assets from the top-level assets/ folder, and the guarantees the stock
theme does not give (a UI-strings partial for every language, no third-party fonts)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from tnsite.config import load_project
from tnsite.mkdocs_glue import FINAL_PRIORITY, current_language, is_final_post_build
from tnsite.theme.bundle import neutralise_bundle
from tnsite.theme.config import ThemeConfig


class ThemePlugin(BasePlugin[ThemeConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.theme.get("font") is not False:
            raise PluginError(
                "mkdocs.yml: theme.font must be `false`: fonts are self-hosted in assets/fonts, "
                "the stock setting loads them from Google Fonts."
            )
        project = load_project(Path(config.config_file_path).parent)
        for code in project.codes:
            if not _partial_exists(config, code):
                raise PluginError(
                    f"No Material UI strings for language '{code}': add "
                    f"overrides/partials/languages/{code}.html with every key of Material's "
                    "en.html partial."
                )
        return config

    @event_priority(50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Serve assets/ at /assets/ in every language build without copying it per language."""
        root = Path(config.config_file_path).parent / self.config.assets_dir
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            rel = path.relative_to(root.parent).as_posix()
            if files.get_file_from_path(rel) is None:
                files.append(File(rel, str(root.parent), config.site_dir, False))
        return files

    def on_page_context(self, context, page, config, nav):  # type: ignore[no-untyped-def]
        context["tn_build_lang"] = current_language(config)
        return context

    @event_priority(FINAL_PRIORITY)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if is_final_post_build(config):
            neutralise_bundle(Path(config.site_dir))


def _partial_exists(config: MkDocsConfig, code: str) -> bool:
    rel = Path("partials") / "languages" / f"{code}.html"
    return any((Path(folder) / rel).is_file() for folder in config.theme.dirs)

"""Options of the publications plugin (mkdocs.yml: `- tnsite/publish:`), also read by
`tnsite check` through `load_options`."""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from tnsite.config import Project


class PublishConfig(Config):
    # The editors' file: which publications exist, their titles and pages (project root).
    file = c.Type(str, default="publications.yml")
    # Where the PDFs go in each language's tree: /<language>/<output_dir>/<id>.pdf.
    output_dir = c.Type(str, default="publications")
    # The site's stylesheets the print uses: fonts (the @font-face rules) and the rules that
    # style figures, tables, charts and the map.
    fonts_css = c.Type(str, default="assets/stylesheets/fonts.css")
    stylesheets = c.ListOfItems(
        c.Type(str), default=["assets/stylesheets/site.css", "assets/stylesheets/data.css"]
    )
    # Content-hash cache of rendered PDFs (gitignored).
    cache_dir = c.Type(str, default=".cache/publish")
    # A publication larger than this stops the build (a brochure must stay easy to send).
    max_megabytes = c.Type(float, default=3.0)
    # Processes printing in parallel (0: one per CPU core).
    workers = c.Type(int, default=0)


PLUGIN_NAME = "tnsite/publish"


def plugin_options(project: Project, name: str = PLUGIN_NAME) -> dict[str, Any] | None:
    """The options mkdocs.yml gives a plugin ({} when listed bare, None when not listed)."""
    for entry in project.raw.get("plugins") or []:
        if entry == name:
            return {}
        if isinstance(entry, dict) and name in entry:
            return dict(entry[name] or {})
    return None


def load_options(project: Project) -> PublishConfig | None:
    """The plugin's validated options without running MkDocs (for `tnsite check`); None when
    mkdocs.yml does not use the plugin."""
    raw = plugin_options(project)
    if raw is None:
        return None
    options = PublishConfig()
    options.load_dict(raw)
    failed, _warnings = options.validate()
    if failed:
        raise ValueError(f"mkdocs.yml: {PLUGIN_NAME}: " + "; ".join(f"{k}: {e}" for k, e in failed))
    return options

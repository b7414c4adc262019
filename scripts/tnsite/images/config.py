"""Options of the images plugin (also read by `tnsite check`, through `load_options`)."""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from tnsite.config import Project

PLUGIN_NAME = "tnsite/images"


class ImagesConfig(Config):
    # Folders (relative to the project root) whose JPEG, PNG and WebP files are processed.
    sources = c.ListOfItems(c.Type(str), default=["assets"])
    # Photos need a manifest entry (alt text per language, credit, licence, source).
    photos_dir = c.Type(str, default="assets/photos")
    manifest = c.Type(str, default="assets/photos/manifest.yml")
    # Widths (px) of the WebP variants; a source narrower than one gets no upscaled copy.
    widths = c.ListOfItems(c.Type(int), default=[480, 800, 1200, 1600])
    # Width of the JPEG/PNG fallback, published at the source's own address.
    fallback_width = c.Type(int, default=1200)
    webp_quality = c.Type(int, default=78)
    jpeg_quality = c.Type(int, default=80)
    # `sizes` of content images: the content column of Material's grid beside its side bars,
    # and on pages that hide both side bars (the home page).
    sizes = c.Type(
        str, default="(min-width: 76.25em) 700px, (min-width: 60em) calc(100vw - 280px), 100vw"
    )
    wide_sizes = c.Type(str, default="(min-width: 76.25em) 1180px, 100vw")
    # Input limits: above them a file is rejected (`bad-image`) before it is decoded.
    max_pixels = c.Type(int, default=40_000_000)
    max_side = c.Type(int, default=12_000)
    max_aspect = c.Type(float, default=8.0)
    # Budgets: above them a warning says what to do (`image-budget`).
    output_budget_kb = c.Type(int, default=250)
    source_budget_kb = c.Type(int, default=6_000)
    max_source_width = c.Type(int, default=3_200)
    # Social cards.
    cards = c.Type(bool, default=True)
    cards_dir = c.Type(str, default="assets/cards")
    fonts_css = c.Type(str, default="assets/stylesheets/fonts.css")
    card_families = c.ListOfItems(c.Type(str), default=["Be Vietnam Pro", "Noto Sans Khmer"])
    # Font files for the scripts the stylesheet leaves to the visitor's system fonts (Chinese):
    # cards draw those characters with them, after the families above.
    card_fonts = c.ListOfItems(c.Type(str), default=[])
    # Content-hash cache shared by builds and checks (gitignored).
    cache_dir = c.Type(str, default=".cache/images")
    threads = c.Type(int, default=0)


def plugin_options(project: Project) -> dict[str, Any]:
    """The options mkdocs.yml gives `tnsite/images` (empty when it lists the plugin bare)."""
    for entry in project.raw.get("plugins") or []:
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            return dict(entry[PLUGIN_NAME] or {})
    return {}


def load_options(project: Project) -> ImagesConfig:
    """The plugin's validated options without running MkDocs (for checks and benchmarks)."""
    options = ImagesConfig()
    options.load_dict(plugin_options(project))
    failed, _warnings = options.validate()
    if failed:
        raise ValueError(f"mkdocs.yml: {PLUGIN_NAME}: " + "; ".join(f"{k}: {e}" for k, e in failed))
    return options


def plugin_enabled(project: Project) -> bool:
    return any(
        entry == PLUGIN_NAME or (isinstance(entry, dict) and PLUGIN_NAME in entry)
        for entry in project.raw.get("plugins") or []
    )

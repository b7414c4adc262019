"""The real site: every page has its social card, and no published image carries camera data
or lacks its intrinsic size."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import ROOT
from tnsite.config import Project, load_project
from tnsite.editor.config import editor_folder

RASTER = {".jpg", ".jpeg", ".png", ".webp"}


# The web editor (/admin/) is a tool for the editors, not a page to share or illustrate.
EDITOR = editor_folder(load_project(ROOT).raw)


def _pages(site: Path) -> list[Path]:
    return [
        p
        for p in site.rglob("index.html")
        if "assets" not in p.parts and p.relative_to(site).parts[0] != EDITOR
    ]


def test_every_page_has_a_social_card_that_exists(project: Project, built_site: Path) -> None:
    pages = _pages(built_site)
    assert pages
    for path in pages:
        head = LexborHTMLParser(path.read_text(encoding="utf-8")).css_first("head")
        meta = head.css_first('meta[property="og:image"]')
        assert meta is not None, path
        url = meta.attributes["content"] or ""
        assert url.startswith(project.site_url + "assets/cards/"), url
        card = built_site / url.removeprefix(project.site_url)
        assert Image.open(card).size == (1200, 630), card


def test_published_images_have_no_camera_data(built_site: Path) -> None:
    for path in built_site.rglob("*"):
        if path.suffix.lower() in RASTER and "cards" not in path.parts:
            with Image.open(path) as image:
                assert not image.getexif().get_ifd(0x8825), path
                assert not image.getexif(), path


def test_content_images_have_their_size(built_site: Path) -> None:
    for path in _pages(built_site):
        doc = LexborHTMLParser(path.read_text(encoding="utf-8"))
        for img in doc.css("article img"):
            src = img.attributes.get("src") or ""
            if src.startswith(("http:", "https:", "data:")):
                continue
            assert img.attributes.get("width") and img.attributes.get("height"), (path, src)

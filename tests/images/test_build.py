"""The images plugin in a real build of the fixture site: published files, page markup,
social-card meta per language, the cache on a second build, and a bad image stopping the
build with site/ left as it was."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from PIL import Image
from selectolax.lexbor import LexborHTMLParser

from tests.images import makers
from tests.images.fixture import make_project, write_page
from tnsite.build import build_site
from tnsite.config import Project
from tnsite.findings import BuildRefused
from tnsite.images import fonts as fonts_module

SUMMARY = "mkdocs.plugins.tnsite.images.summary"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Path]:
    project = make_project(tmp_path_factory.mktemp("images-build") / "proj")
    return project, build_site(project)


def page(site: Path, url: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / url / "index.html").read_text(encoding="utf-8"))


def test_published_images_carry_no_camera_data(built: tuple[Project, Path]) -> None:
    _project, site = built
    photos = sorted(p.name for p in (site / "assets/photos").iterdir())
    assert photos == [
        "ba-den-1200w.webp",
        "ba-den-1600w.webp",
        "ba-den-480w.webp",
        "ba-den-800w.webp",
        "ba-den.jpg",
    ]  # and not manifest.yml
    for path in (site / "assets/photos").iterdir():
        data = path.read_bytes()
        assert b"Exif" not in data and b"TestCam" not in data, path
        assert not Image.open(io.BytesIO(data)).getexif()
    assert Image.open(site / "assets/photos/ba-den.jpg").size == (1200, 750)
    svg = site / "assets/images/illustrations/mountain.svg"
    assert (
        svg.read_bytes()
        == (_project.root / "assets/images/illustrations/mountain.svg").read_bytes()
    )


def test_pages_get_responsive_credited_photos(built: tuple[Project, Path]) -> None:
    _project, site = built
    for url, alt, credit in [
        ("du-lich/nui-ba-den", "Núi Bà Đen lúc bình minh", "Ảnh: Nguyễn Văn A"),
        ("en/du-lich/nui-ba-den", "Bà Đen Mountain at dawn", "Photo: Nguyễn Văn A"),
        ("km/du-lich/nui-ba-den", "ភ្នំបាឌិននៅពេលព្រឹកព្រលឹម", "រូបថត៖ Nguyễn Văn A"),
    ]:
        doc = page(site, url)
        figure = doc.css_first("article figure.tn-photo")
        img = figure.css_first("picture img")
        assert img.attributes["alt"] == alt
        assert img.attributes["width"] == "1200" and img.attributes["height"] == "750"
        assert img.attributes["loading"] == "eager"
        srcset = figure.css_first("source").attributes["srcset"]
        for candidate in srcset.split(", "):
            href, width = candidate.split()
            assert (site / url / href).resolve().is_file(), href
            assert width.endswith("w")
        assert credit in figure.css_first("figcaption .tn-credit").text()
    second = page(site, "du-lich/nui-ba-den").css("article img")[1]
    assert second.attributes["loading"] == "lazy"


def test_decorative_svg_gets_its_size(built: tuple[Project, Path]) -> None:
    _project, site = built
    img = page(site, "").css_first("article img.decorative")
    assert (img.attributes["alt"], img.attributes["width"], img.attributes["height"]) == (
        "",
        "96",
        "96",
    )


def test_every_page_has_its_card_in_its_language(built: tuple[Project, Path]) -> None:
    project, site = built
    for lang in project.languages:
        for path in ("", "du-lich/nui-ba-den"):
            url = lang.url_prefix + path
            head = page(site, url).css_first("head")
            image = head.css_first('meta[property="og:image"]').attributes["content"]
            assert head.css_first('meta[name="twitter:image"]').attributes["content"] == image
            assert image.startswith("https://example.org/assets/cards/" + lang.code + "/")
            card = site / image.removeprefix("https://example.org/")
            assert Image.open(card).size == (1200, 630)
            alt = head.css_first('meta[property="og:image:alt"]').attributes["content"]
            assert alt == (lang.site_name if path == "" else _title(project, lang.code, path))


def _title(project: Project, lang: str, path: str) -> str:
    text = (project.docs_dir / lang / f"{path}.md").read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith("title:"))[7:]


def test_second_build_encodes_and_renders_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path / "proj")
    with caplog.at_level(logging.INFO, logger=SUMMARY):
        build_site(project)
        first = [r.getMessage() for r in caplog.records if r.name == SUMMARY]
        caplog.clear()
        build_site(project)
        second = [r.getMessage() for r in caplog.records if r.name == SUMMARY]
        caplog.clear()
        monkeypatch.setenv("TNSITE_LANG", "vi")  # the editor's language
        build_site(project)
        third = [r.getMessage() for r in caplog.records if r.name == SUMMARY]
    assert "1 re-encoded, 0 from the cache" in first[0]
    assert "6 rendered, 0 from the cache" in first[0]
    assert "0 re-encoded, 1 from the cache" in second[0]
    assert "social cards: 0 rendered, 6 from the cache" in second[0]
    assert "ảnh chia sẻ: 0 vẽ mới, 6 lấy từ bộ nhớ đệm" in third[0]


def test_bad_image_stops_the_build_and_keeps_the_old_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "proj")
    site = build_site(project)
    before = (site / "index.html").read_bytes()
    makers.png_bomb(project.root / "assets/photos/bomb.png")
    makers.cmyk_jpeg(project.root / "assets/images/print.jpg")
    with pytest.raises(BuildRefused) as caught:
        build_site(project)
    message = str(caught.value)
    assert "assets/photos/bomb.png:1:1: error: Cannot publish this image: decompression bomb" in (
        message
    )
    assert "assets/images/print.jpg:1:1: error:" in message and "CMYK" in message
    assert any("Không thể đăng ảnh này" in f.render("vi") for f in caught.value.findings)
    assert (site / "index.html").read_bytes() == before
    assert not list(site.parent.glob(".site-*"))


def test_unknown_photo_stops_the_build_naming_the_page(tmp_path: Path) -> None:
    project = make_project(tmp_path / "proj")
    write_page(project.root, "en", "du-lich/nui-ba-den.md", "# X\n\n{{ photo nowhere }}\n")
    with pytest.raises(BuildRefused) as caught:
        build_site(project)
    (finding,) = caught.value.findings
    assert (finding.path, finding.line, finding.rule) == (
        "docs/en/du-lich/nui-ba-den.md",
        3,
        "unknown-photo",
    )


def test_no_raqm_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "proj")
    monkeypatch.setattr(fonts_module.features, "check", lambda name: name != "raqm")
    with pytest.raises(Abort, match="libfribidi0"):
        build_site(project)
    assert not (project.root / "site").exists()


def test_an_image_in_a_page_folder_is_published_processed(tmp_path: Path) -> None:
    project = make_project(tmp_path / "proj")
    makers.jpeg_with_gps(project.root / "docs/vi/du-lich/anh.jpg", 1000, 600)
    write_page(project.root, "vi", "du-lich/nui-ba-den.md", "# Núi\n\n![Cổng núi](anh.jpg)\n")
    write_page(project.root, "en", "du-lich/nui-ba-den.md", "# Mountain\n\n![Gate](anh.jpg)\n")
    site = build_site(project)
    published = site / "du-lich/anh.jpg"
    assert b"TestCam" not in published.read_bytes()
    assert not Image.open(published).getexif()
    for url in ("du-lich/nui-ba-den", "en/du-lich/nui-ba-den"):
        doc = page(site, url)
        srcset = doc.css_first("article picture source").attributes["srcset"]
        assert all((site / url / c.split()[0]).resolve().is_file() for c in srcset.split(", "))
        img = doc.css_first("article picture img")
        assert (site / url / img.attributes["src"]).resolve() == published.resolve()


def test_an_image_in_a_language_folder_stays_with_its_language(tmp_path: Path) -> None:
    project = make_project(tmp_path / "proj")
    makers.jpeg_with_gps(project.root / "docs/km/du-lich/km.jpg", 500, 300)
    write_page(project.root, "km", "du-lich/nui-ba-den.md", "# ភ្នំ\n\n![ភ្នំបាឌិន](km.jpg)\n")
    site = build_site(project)
    assert (site / "km/du-lich/km.jpg").is_file()
    assert not (site / "docs").exists() and not (site / "du-lich/km.jpg").exists()

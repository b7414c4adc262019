"""Page markup: `{{ photo }}`, `<picture>` with srcset/sizes, intrinsic size, lazy/eager."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

import tnsite.images
from tnsite.images.manifest import Manifest, Photo
from tnsite.images.markup import (
    Layout,
    UnknownPhoto,
    credit_html,
    expand_photos,
    resolve,
    rewrite_images,
)
from tnsite.images.pipeline import Output, Processed
from tnsite.images.svg import SvgInfo
from tnsite.strings import load_strings

STRINGS_FILE = Path(tnsite.images.__file__).with_name("strings.yml")

STRINGS = {"photo": "Photo", "source": "source", "colon": ":"}
LAYOUT = Layout("(min-width: 76.25em) 700px, 100vw", "100vw")


def _processed(source: str, fmt: str = "JPEG") -> Processed:
    stem = source.rsplit(".", 1)[0]
    variants = tuple(
        Output(f"{stem}-{w}w.webp", Path("/x"), w, w // 2, "WEBP", 1000) for w in (480, 800)
    )
    return Processed(
        source, 9999, 1600, 800, variants, Output(source, Path("/x"), 800, 400, fmt, 5)
    )


PHOTO = Photo(
    file="ba-den.jpg",
    path="assets/photos/ba-den.jpg",
    line=2,
    alt={"en": "Bà Đen at dawn", "vi": "Núi Bà Đen lúc bình minh"},
    caption={"en": "The mountain"},
    credit="A. Photographer",
    licence="CC BY 4.0",
    source="https://example.org/p",
    decorative=False,
)
MANIFEST = Manifest("assets/photos/manifest.yml", {"ba-den.jpg": PHOTO})
CATALOG = {
    "assets/photos/ba-den.jpg": _processed("assets/photos/ba-den.jpg"),
    "assets/images/plan.png": _processed("assets/images/plan.png", "PNG"),
    "assets/images/i/leaf.svg": SvgInfo(96, 96),
}


def rewrite(html: str, page_url: str = "en/du-lich/x/", lang: str = "en", **kw) -> LexborHTMLParser:  # type: ignore[no-untyped-def]
    out = rewrite_images(html, page_url, CATALOG.get, MANIFEST, lang, STRINGS, LAYOUT, **kw)
    return LexborHTMLParser(out)


def test_resolve_relative_and_absolute_sources() -> None:
    assert resolve("../../../assets/photos/a.jpg", "en/du-lich/x/") == "assets/photos/a.jpg"
    assert resolve("assets/a.png", "") == "assets/a.png"
    assert resolve("/site/assets/a.png", "x/", "/site/") == "assets/a.png"
    assert resolve("https://example.com/a.png", "x/") is None
    assert resolve("../../../../a.png", "en/x/") is None


def test_photo_becomes_a_picture_with_webp_srcset_and_fallback() -> None:
    doc = rewrite('<p><img alt="Dawn" src="../../../assets/photos/ba-den.jpg"></p><h2>x</h2>')
    source = doc.css_first("picture > source")
    assert source.attributes["type"] == "image/webp"
    assert source.attributes["srcset"] == (
        "../../../assets/photos/ba-den-480w.webp 480w, ../../../assets/photos/ba-den-800w.webp 800w"
    )
    assert source.attributes["sizes"] == LAYOUT.sizes
    img = doc.css_first("picture > img")
    assert img.attributes["src"] == "../../../assets/photos/ba-den.jpg"
    assert (img.attributes["width"], img.attributes["height"]) == ("800", "400")
    assert img.attributes["alt"] == "Dawn"  # the editor's own alt text wins
    credit = doc.css_first("picture + .tn-credit")
    assert credit.text() == "Photo: A. Photographer · CC BY 4.0 · source"


@pytest.mark.parametrize(
    ("licence", "lang", "shown"),
    [
        ("permission", "vi", "được phép sử dụng"),
        ("used with permission", "km", "ប្រើដោយមានការអនុញ្ញាត"),
        ("Được phép sử dụng", "zh", "经许可使用"),
        ("public-domain", "en", "public domain"),
        ("CC BY-SA 4.0", "zh", "CC BY-SA 4.0"),
        ("cc-by-sa-3.0-igo", "km", "CC BY-SA 3.0 IGO"),
    ],
)
def test_a_worded_licence_is_shown_in_the_pages_language(
    licence: str, lang: str, shown: str
) -> None:
    strings = load_strings(STRINGS_FILE, ("vi", "en", "km", "zh"))[lang]
    credit = credit_html(replace(PHOTO, licence=licence), strings)
    assert f" · {shown} · " in credit


def test_first_photo_above_the_fold_is_the_hero_and_the_rest_is_lazy() -> None:
    html = (
        '<p><img alt="a" src="../../../assets/images/i/leaf.svg"></p>'
        '<p><img alt="b" src="../../../assets/photos/ba-den.jpg"></p>'
        '<h2 id="next">Next</h2>'
        '<p><img alt="c" src="../../../assets/images/plan.png"></p>'
    )
    imgs = rewrite(html).css("img")
    assert [i.attributes["loading"] for i in imgs] == ["eager", "eager", "lazy"]
    assert [i.attributes.get("fetchpriority") for i in imgs] == [None, "high", None]
    assert all(i.attributes["decoding"] == "async" for i in imgs)
    assert (imgs[0].attributes["width"], imgs[0].attributes["height"]) == ("96", "96")


def test_explicit_hero_wins_and_wide_pages_get_wide_sizes() -> None:
    html = (
        '<p><img alt="a" src="../../../assets/images/plan.png"></p>'
        '<h2>x</h2><p><img alt="b" data-tn-hero src="../../../assets/photos/ba-den.jpg"></p>'
    )
    wide = Layout(LAYOUT.sizes, LAYOUT.wide_sizes, wide=True)
    out = rewrite_images(html, "en/du-lich/x/", CATALOG.get, MANIFEST, "en", STRINGS, wide)
    doc = LexborHTMLParser(out)
    imgs = doc.css("img")
    assert [i.attributes.get("fetchpriority") for i in imgs] == [None, "high"]
    assert imgs[1].attributes["loading"] == "eager"
    assert "data-tn-hero" not in out
    assert {s.attributes["sizes"] for s in doc.css("source")} == {"100vw"}


def test_manifest_alt_text_fills_an_empty_alt_in_the_page_language() -> None:
    img = rewrite('<img alt="" src="/assets/photos/ba-den.jpg">', lang="vi").css_first("img")
    assert img.attributes["alt"] == "Núi Bà Đen lúc bình minh"


def test_decorative_images_keep_an_empty_alt() -> None:
    img = rewrite('<img alt="" class="decorative" src="/assets/photos/ba-den.jpg">').css_first(
        "img"
    )
    assert img.attributes["alt"] == ""
    assert img.attributes["class"] == "decorative"


def test_foreign_and_unknown_images_are_left_alone() -> None:
    html = '<img src="https://example.com/a.png" alt="x"><img src="missing.png" alt="y">'
    out = rewrite_images(html, "x/", CATALOG.get, MANIFEST, "en", STRINGS, LAYOUT)
    assert out == html


def test_photo_directive_writes_a_figure_with_alt_caption_and_credit() -> None:
    md = "Intro.\n\n{{ photo ba-den hero }}\n\nMore."
    out = expand_photos(md, "en/du-lich/x/", MANIFEST, "en", STRINGS)
    doc = LexborHTMLParser(out)
    img = doc.css_first("figure.tn-photo img")
    assert img.attributes["src"] == "../../../assets/photos/ba-den.jpg"
    assert img.attributes["alt"] == "Bà Đen at dawn"
    assert "data-tn-hero" in img.attributes
    caption = doc.css_first("figcaption")
    assert caption.text().startswith("The mountain Photo: A. Photographer · CC BY 4.0")
    assert caption.css_first("a").attributes["href"] == "https://example.org/p"


def test_unknown_photo_is_an_error() -> None:
    with pytest.raises(UnknownPhoto):
        expand_photos("{{ photo nope }}", "x/", MANIFEST, "en", STRINGS)


def test_webp_fallback_needs_no_picture_element() -> None:
    catalog = {"assets/a.webp": _processed("assets/a.webp", "WEBP")}
    out = rewrite_images(
        '<img alt="A" src="/assets/a.webp">', "x/", catalog.get, MANIFEST, "en", STRINGS, LAYOUT
    )
    img = LexborHTMLParser(out).css_first("img")
    assert "<picture>" not in out
    assert img.attributes["srcset"].startswith("../assets/a-480w.webp 480w")
    assert img.attributes["sizes"] == LAYOUT.sizes

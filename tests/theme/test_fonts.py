"""Each language preloads the faces of its own alphabet, and only those."""

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from tnsite.theme.fonts import font_faces, parse_ranges, preloads

ROOT = Path(__file__).resolve().parents[2]
FONTS_CSS = ROOT / "assets" / "stylesheets" / "fonts.css"


def test_unicode_ranges_with_spans_singles_and_wildcards() -> None:
    assert parse_ranges("U+0000-00FF, U+0131, U+4??") == ((0, 0xFF), (0x131, 0x131), (0x400, 0x4FF))


def test_font_faces_are_read_from_css_with_comments_and_quotes() -> None:
    css = """/* a comment with @font-face { } in it */
    @font-face { font-family: 'A'; font-weight: 700; src: url("../f/a.woff2") format("woff2");
      unicode-range: U+1780-17FF; }
    @font-face { font-family: B; src: url(b.woff2); }
    body { font-family: A; }"""
    faces = font_faces(css)
    assert [(f.family, f.weight, f.url) for f in faces] == [
        ("A", "700", "../f/a.woff2"),
        ("B", "400", "b.woff2"),
    ]
    assert faces[0].covers(frozenset({0x1780})) and not faces[0].covers(frozenset({0x61}))
    assert faces[1].covers(frozenset({0x61}))  # no unicode-range: every character


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", {"be-vietnam-pro-latin", "be-vietnam-pro-vietnamese"}),
        ("en", {"be-vietnam-pro-latin"}),
        ("km", {"noto-sans-khmer-khmer"}),
    ],
)
def test_each_language_preloads_its_own_alphabets_faces(lang: str, expected: set[str]) -> None:
    paths = preloads(FONTS_CSS, "assets/stylesheets", lang)
    assert {Path(p).name.rsplit("-", 2)[0] for p in paths} == expected
    assert all((ROOT / p).is_file() for p in paths), paths
    assert {Path(p).name.rsplit("-", 2)[1] for p in paths} == {"400", "700"}


def test_latin_faces_never_swap_in_late_and_khmer_always_arrives() -> None:
    """A late Latin face would only reflow text every system can already draw; Khmer text must
    reach its face even on a slow first visit, as many computers have no Khmer font."""
    faces = font_faces(FONTS_CSS.read_text(encoding="utf-8"))
    khmer = frozenset({0x1780})
    assert {f.display for f in faces if not f.covers(khmer)} == {"optional"}
    assert {f.display for f in faces if f.covers(khmer)} == {"swap"}


@pytest.mark.parametrize(
    "rel", ["index.html", "en/dau-tu/index.html", "km/index.html", "km/404.html", "en/404.html"]
)
def test_built_pages_preload_existing_files_of_their_language(built_site: Path, rel: str) -> None:
    html = LexborHTMLParser((built_site / rel).read_text(encoding="utf-8"))
    lang = html.css_first("html").attributes["lang"]
    links = html.css('link[rel="preload"][as="font"]')
    assert links, rel
    for link in links:
        href = link.attributes["href"] or ""
        assert "crossorigin" in link.attributes  # fonts are fetched in CORS mode
        target = (
            built_site / href.lstrip("/")
            if href.startswith("/")
            else (built_site / rel).parent / href
        )
        assert target.resolve().is_file(), href
        assert ("khmer" in href) == (lang == "km"), (rel, href)


def test_the_routing_not_found_page_preloads_nothing(built_site: Path) -> None:
    """/404.html answers every missing address and routes most to another language's page."""
    html = LexborHTMLParser((built_site / "404.html").read_text(encoding="utf-8"))
    assert html.css('link[rel="preload"][as="font"]') == []

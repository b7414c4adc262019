"""Tests on one build of the real site (see the `built_site` fixture)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import ROOT
from tnsite.build import build_site
from tnsite.config import load_project
from tnsite.editor.config import editor_folder

URL_ATTRS = ("src", "href", "srcset", "poster", "data", "action")
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")
JS_LOADS = re.compile(
    r"""(?:importScripts|fetch|import|_t|loadScript|src\s*=)\s*\(?\s*["'](https?:)?//[^"']+"""
)


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_path(site: Path, lang_prefix: str, md: str) -> Path:
    rel = md[: -len(".md")]
    if rel == "index" or rel.endswith("/index"):
        rel = rel[: -len("index")]
    return site / lang_prefix / rel / "index.html"


OWN_HOSTS = {"127.0.0.1", "localhost", urlsplit(load_project(ROOT).site_url).hostname}


def is_third_party(url: str) -> bool:
    """A URL on another origin than the site's own (its site_url, or the local server)."""
    parts = urlsplit(url.strip())
    if parts.scheme in ("", "data", "mailto", "tel", "blob", "javascript"):
        return bool(parts.netloc) and parts.hostname not in OWN_HOSTS
    return parts.scheme in ("http", "https") and parts.hostname not in OWN_HOSTS


def test_every_language_has_every_source_page(project, built_site: Path) -> None:
    sources = sorted(
        p.relative_to(project.lang_dir("vi")).as_posix()
        for p in project.lang_dir("vi").rglob("*.md")
    )
    assert sources
    for lang in project.languages:
        for md in sources:
            assert page_path(built_site, lang.url_prefix, md).is_file(), (lang.code, md)


# The BCP 47 tag mkdocs.yml gives a language's pages (tnsite/theme: html_lang), else its code.
HTML_LANG = {"zh": "zh-Hans"}


def test_html_lang_is_right_on_every_page(project, built_site: Path) -> None:
    prefixes = {lang.code: lang.url_prefix for lang in project.languages}
    for page in html_pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        expected = next(
            (code for code, prefix in prefixes.items() if prefix and rel.startswith(prefix)),
            project.source_code,
        )
        tag = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first("html")
        if tag is None or rel == "404.html":
            continue
        assert tag.attributes.get("lang") == HTML_LANG.get(expected, expected), rel


def test_khmer_pages_carry_khmer_ui_strings(built_site: Path) -> None:
    pages = html_pages(built_site / "km")
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert 'placeholder="ស្វែងរក"' in text, page
        assert "រំលងទៅខ្លឹមសារ" in text or "md-skip" not in text, page


def test_fonts_are_self_hosted_with_a_khmer_face(built_site: Path) -> None:
    css = (built_site / "assets/stylesheets/fonts.css").read_text(encoding="utf-8")
    assert "Noto Sans Khmer" in css and "U+1780-17FF" in css
    for url in re.findall(r'url\("([^"]+)"\)', css):
        assert (built_site / "assets/stylesheets" / url).resolve().is_file(), url
    home = (built_site / "km/index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home


def test_no_third_party_origin_is_referenced(built_site: Path) -> None:
    offenders: list[str] = []
    for page in html_pages(built_site):
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        for node in tree.css("[src], [href], [srcset], [poster], [data], [action]"):
            if node.tag == "a":
                continue  # links the visitor chooses to follow are not requests
            for attr in URL_ATTRS:
                value = node.attributes.get(attr) or ""
                for url in (u.split()[0] for u in value.split(",") if u.strip()):
                    if is_third_party(url):
                        offenders.append(
                            f"{page.relative_to(built_site)}: <{node.tag} {attr}={url}>"
                        )
        for style in tree.css("style"):
            offenders += [
                f"{page.name}: {u}"
                for u in CSS_URL.findall(style.text())
                if is_third_party(u[0] or u[1])
            ]
    for css in built_site.rglob("*.css"):
        for groups in CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace")):
            if is_third_party(groups[0] or groups[1]):
                offenders.append(f"{css.relative_to(built_site)}: {groups}")
    # The web editor's vendored bundle (Decap CMS) carries loaders for media libraries its
    # configuration does not enable (Cloudinary, Uploadcare): /admin/ allows scripts from the
    # site only (its Content-Security-Policy), and the editor's browser tests fail on any request
    # that leaves the site (tests/editor/conftest.py).
    vendored = built_site / str(editor_folder(load_project(ROOT).raw)) / "vendor"
    for js in built_site.rglob("*.js"):
        if js.is_relative_to(vendored):
            continue
        for match in JS_LOADS.finditer(js.read_text(encoding="utf-8", errors="replace")):
            offenders.append(f"{js.relative_to(built_site)}: {match.group(0)[:80]}")
    assert not offenders, "\n".join(offenders[:20])


def test_detector_fires_on_third_party_references() -> None:
    assert is_third_party("https://fonts.googleapis.com/css?family=Roboto")
    assert is_third_party("//cdn.example.com/x.js")
    assert not is_third_party("../assets/x.css")
    assert not is_third_party(load_project(ROOT).site_url + "km/")
    assert JS_LOADS.search('_t("https://unpkg.com/mermaid")')
    assert CSS_URL.findall("@import 'https://fonts.googleapis.com/css'")


@pytest.mark.xdist_group("rebuild")
def test_two_builds_are_byte_identical(project, built_site: Path, tmp_path: Path) -> None:
    again = build_site(project, tmp_path / "site")
    first = {p.relative_to(built_site): p for p in built_site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p for p in again.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    differing = [
        str(rel) for rel, path in first.items() if path.read_bytes() != second[rel].read_bytes()
    ]
    assert not differing, differing[:10]

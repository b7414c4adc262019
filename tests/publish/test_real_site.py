"""The publications of the real site, read back from the built site: fonts, text, figures,
bookmarks, language, tags, links, size, the download links, and Khmer shaping."""

from __future__ import annotations

import io
import posixpath
import re
import shutil
import subprocess
import unicodedata
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import uharfbuzz as hb
from babel.numbers import format_decimal
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import ROOT
from tests.publish import pdfread
from tnsite.alternates import SourceIndex
from tnsite.config import Project, load_project
from tnsite.links.internal import link_findings
from tnsite.links.site import scan_site
from tnsite.numerals import native_digit_table
from tnsite.publish.catalogue import Publication, load_catalogue
from tnsite.publish.plugin import STRINGS
from tnsite.strings import load_strings
from tnsite.urls import page_url

NATIVE = {"km"}  # mkdocs.yml: tnsite/data native_digits
MAX_BYTES = 3_000_000


def catalogue(project: Project) -> list[Publication]:
    return _catalogue(project.root)


@cache
def _catalogue(root: Path) -> list[Publication]:
    project = load_project(root)
    strings = load_strings(STRINGS, project.codes)
    loaded = load_catalogue(project, "publications.yml", strings)
    assert not loaded.findings, [f.render() for f in loaded.findings]
    return loaded.publications


def cases(project: Project) -> list[tuple[Publication, str]]:
    return [(pub, lang) for pub in catalogue(project) for lang in project.codes]


def pdf_of(site: Path, project: Project, pub: Publication, lang: str) -> Path:
    return site / project.language(lang).url_prefix / "publications" / f"{pub.id}.pdf"


def built_page(site: Path, project: Project, lang: str, md: str) -> LexborHTMLParser:
    url = project.language(lang).url_prefix + page_url(md)
    return LexborHTMLParser((site / url / "index.html").read_text(encoding="utf-8"))


def article_texts(page: LexborHTMLParser, selector: str) -> list[str]:
    article = page.css_first("article")
    assert article is not None
    out = []
    for node in article.css(selector):
        if node.css_first(".tn-pub-download") is None:
            out.append(node.text(deep=True))
    return out


def test_every_publication_exists_in_every_language_within_budget(
    built_site: Path, project: Project
) -> None:
    assert len(cases(project)) == 2 * len(project.codes)
    for pub, lang in cases(project):
        pdf = pdf_of(built_site, project, pub, lang)
        assert pdf.is_file(), pdf
        assert pdf.read_bytes().startswith(b"%PDF-1.7")
        assert 10_000 < pdf.stat().st_size <= MAX_BYTES, (pdf, pdf.stat().st_size)


def test_every_font_is_embedded_and_subset_from_the_site(
    built_site: Path, project: Project
) -> None:
    for pub, lang in cases(project):
        fonts = pdfread.pdffonts(pdf_of(built_site, project, pub, lang))
        assert fonts, pub.id
        for font in fonts:
            assert font.embedded and font.subset, (pub.id, lang, font)
            assert "print" in font.name, font  # one of the site's faces, no system font


def test_text_holds_every_page_title_and_figure_as_the_site_shows_them(
    built_site: Path, project: Project
) -> None:
    for pub, lang in cases(project):
        text = pdfread.squeeze(pdfread.pdftotext(pdf_of(built_site, project, pub, lang)))
        assert pdfread.squeeze(pub.titles[lang]) in text
        for md in pub.pages:
            page = built_page(built_site, project, lang, md)
            (title,) = article_texts(page, "h1")
            assert pdfread.squeeze(title) in text, (pub.id, lang, md, title)
            figures = article_texts(page, ".tn-value data")
            for figure in figures:
                assert pdfread.squeeze(figure) in text, (pub.id, lang, md, figure)


def test_fdi_project_count_in_each_language_digits(built_site: Path, project: Project) -> None:
    """The FDI project count reads as the site writes it: 1.928 / 1,928 / ១,៩២៨."""
    pub = next(p for p in catalogue(project) if "dau-tu/von-fdi.md" in p.pages)
    expected = {"vi": "1.928", "en": "1,928", "km": "១,៩២៨"}
    for lang in project.codes:
        page = built_page(built_site, project, lang, "dau-tu/von-fdi.md")
        node = page.css_first('[data-figure="fdi-projects"] data')
        assert node is not None
        shown = node.text()
        if lang in expected:
            assert shown == expected[lang]
        text = pdfread.pdftotext(pdf_of(built_site, project, pub, lang))
        assert shown in unicodedata.normalize("NFC", text)


def test_bookmarks_follow_the_table_of_contents(built_site: Path, project: Project) -> None:
    for pub, lang in cases(project):
        path = pdf_of(built_site, project, pub, lang)
        reader = PdfReader(path)
        marks = pdfread.bookmarks(reader)
        titles = [
            article_texts(built_page(built_site, project, lang, md), "h1")[0] for md in pub.pages
        ]
        assert [pdfread.squeeze(m.title) for m in marks] == [pdfread.squeeze(t) for t in titles]
        toc = pdfread.squeeze(pdfread.pdftotext(path, 2, 2))
        digits = native_digit_table(lang) if lang in NATIVE else {}
        for mark, md in zip(marks, pub.pages, strict=True):
            number = str(mark.page + 1).translate(digits)
            # (a chapter printed from the source language carries a note after its title)
            note = r"(?:[(（][^)）]*[)）])?"
            title = re.escape(pdfread.squeeze(mark.title))
            assert re.search(title + note + r"\.*" + number, toc), (
                pub.id,
                lang,
                mark.title,
                number,
            )
            h2 = article_texts(built_page(built_site, project, lang, md), "h2")
            assert [pdfread.squeeze(c.title) for c in mark.children] == [
                pdfread.squeeze(t) for t in h2
            ]
            assert all(child.page >= mark.page for child in mark.children)


def test_language_tag_and_tagged_pdf_ua(built_site: Path, project: Project) -> None:
    for pub, lang in cases(project):
        reader = PdfReader(pdf_of(built_site, project, pub, lang))
        root = reader.trailer["/Root"]
        assert pdfread.pdf_lang(reader) == lang
        assert bool(root["/MarkInfo"]["/Marked"])
        assert "/StructTreeRoot" in root
        metadata = root["/Metadata"].get_object().get_data()
        assert b"pdfuaid:part" in metadata or b'pdfuaid:part="1"' in metadata
        info = reader.metadata
        assert info is not None and info.title == pub.titles[lang]


def _site_target(site: Path, project: Project, uri: str) -> tuple[Path, str]:
    assert uri.startswith(project.site_url), uri
    parts = urlsplit(uri)
    path = unquote(parts.path).lstrip("/")
    file = site / path / "index.html" if path.endswith("/") or not path else site / path
    return file, parts.fragment


def test_every_link_in_every_pdf_resolves(built_site: Path, project: Project) -> None:
    for pub, lang in cases(project):
        reader = PdfReader(pdf_of(built_site, project, pub, lang))
        names = pdfread.named_destinations(reader)
        found = pdfread.links(reader)
        internal = [link for link in found if link.dest is not None]
        assert len(internal) >= len(pub.pages)  # at least the table of contents
        for link in internal:
            assert link.dest in names, (pub.id, lang, link)
        for link in found:
            if link.uri is None or not link.uri.startswith(project.site_url):
                continue  # sources on other websites: checked by `make check-external`
            file, fragment = _site_target(built_site, project, link.uri)
            assert file.is_file(), (pub.id, lang, link.uri)
            if fragment:
                page = LexborHTMLParser(file.read_text(encoding="utf-8"))
                assert page.css_first(f'[id="{fragment}"]') is not None, link.uri


def test_internal_links_land_in_the_pdf_not_on_the_site(built_site: Path, project: Project) -> None:
    """A link between two pages of one publication stays inside the PDF."""
    pub = next(p for p in catalogue(project) if "lien-he.md" in p.pages)
    for lang in project.codes:
        reader = PdfReader(pdf_of(built_site, project, pub, lang))
        # The cover names the online version on purpose; every other page links inside.
        uris = [link.uri for link in pdfread.links(reader) if link.uri and link.page > 0]
        inside = [
            project.site_url + project.language(lang).url_prefix + page_url(md) for md in pub.pages
        ]
        assert not [uri for uri in uris if uri.split("#")[0] in inside], lang


def _size_text(size: int, lang: str) -> str:
    number = format_decimal(max(size / 1_000_000, 0.1), format="#,##0.0", locale=lang)
    return number.translate(native_digit_table(lang)) if lang in NATIVE else number


def test_pages_link_to_their_publications_with_size_and_language(
    built_site: Path, project: Project
) -> None:
    strings = load_strings(STRINGS, project.codes)
    for pub, lang in cases(project):
        pdf = pdf_of(built_site, project, pub, lang)
        expected = strings[lang]["download"].format(
            link=pub.links[lang],
            size=strings[lang]["megabytes"].format(n=_size_text(pdf.stat().st_size, lang)),
        )
        for md in pub.linked_from():
            url = project.language(lang).url_prefix + page_url(md)
            page = built_page(built_site, project, lang, md)
            anchors = [
                a
                for a in page.css(".tn-pub-download a")
                if a.attributes.get("href", "").endswith(f"/{pub.id}.pdf")
            ]
            assert len(anchors) == 1, (lang, md)
            anchor = anchors[0]
            assert anchor.text(deep=True) == expected
            assert anchor.attributes["hreflang"] == lang
            assert anchor.attributes["type"] == "application/pdf"
            target = posixpath.normpath(posixpath.join(url, anchor.attributes["href"] or ""))
            assert built_site / target == pdf
    assert "<!--tn-pub-size" not in (built_site / "dau-tu/index.html").read_text("utf-8")


def test_link_checker_sees_the_download_links_as_normal_links(
    built_site: Path, project: Project, tmp_path: Path
) -> None:
    """No finding on the real site; with one PDF removed, its links are reported broken."""
    findings = link_findings(project, scan_site(built_site, project), SourceIndex(project))
    assert not [f for f in findings if ".pdf" in f.render()], findings
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    pub = catalogue(project)[0]
    lang = project.codes[-1]
    pdf_of(copy, project, pub, lang).unlink()
    broken = [
        f
        for f in link_findings(project, scan_site(copy, project), SourceIndex(project))
        if f"{pub.id}.pdf" in f.render()
    ]
    assert broken, "the link check did not notice a missing publication"


def _hb_font(path: Path) -> tuple[hb.Font, dict[int, str]]:
    font = TTFont(str(path))
    cmap = font.getBestCmap()
    font.flavor = None
    data = io.BytesIO()
    font.save(data)
    return hb.Font(hb.Face(data.getvalue())), cmap


def test_khmer_is_shaped_on_the_first_khmer_page(built_site: Path, project: Project) -> None:
    """The brochure's first Khmer chapter page, rendered to an image, and the glyphs its title
    is drawn with: HarfBuzz's shaping of the title with the same font (pre-base vowels moved,
    subscripts substituted), not the characters' own glyphs one after another."""
    pub = catalogue(project)[0]
    path = pdf_of(built_site, project, pub, "km")
    reader = PdfReader(path)
    first = pdfread.bookmarks(reader)[0]
    png = subprocess.run(
        [
            "pdftoppm",
            "-r",
            "60",
            "-png",
            "-f",
            str(first.page + 1),
            "-l",
            str(first.page + 1),
            str(path),
        ],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout
    image = Image.open(io.BytesIO(png)).convert("L")
    assert image.size[0] > 400 and image.getextrema()[0] < 100  # a page with dark text on it
    runs = pdfread.actual_text_runs(reader, first.page)
    title_run = next(
        run for run in runs if pdfread.squeeze(run.text) == pdfread.squeeze(first.title)
    )
    assert "Khmer" in title_run.font and title_run.font.endswith("Bold")
    font, cmap = _hb_font(
        ROOT / "assets/fonts/noto-sans-khmer/noto-sans-khmer-khmer-700-normal.woff2"
    )
    buffer = hb.Buffer()
    buffer.add_str(title_run.text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer)
    shaped = tuple(info.codepoint for info in buffer.glyph_infos)
    unshaped = tuple(cmap[ord(ch)] for ch in title_run.text)
    assert shaped != unshaped  # the title needs shaping, so the check means something
    assert title_run.glyphs == shaped


def test_map_and_charts_stay_vectors(built_site: Path, project: Project) -> None:
    """The brochure holds the locator map and the FDI chart, and no raster image: both are
    drawn as vector paths (the real site has no photo on these pages)."""
    pub = next(p for p in catalogue(project) if "dau-tu/von-fdi.md" in p.pages)
    assert "gioi-thieu/vi-tri-ket-noi.md" in pub.pages  # the map's page
    for lang in project.codes:
        reader = PdfReader(pdf_of(built_site, project, pub, lang))
        for page in reader.pages:
            xobjects = (page["/Resources"].get("/XObject") or {}).values()
            subtypes = {x.get_object().get("/Subtype") for x in xobjects}
            assert "/Image" not in subtypes, lang
        text = pdfread.pdftotext(pdf_of(built_site, project, pub, lang))
        page = built_page(built_site, project, lang, "gioi-thieu/vi-tri-ket-noi.md")
        caption = page.css_first("figure.tn-map figcaption strong")
        assert caption is not None and pdfread.squeeze(caption.text()) in pdfread.squeeze(text)

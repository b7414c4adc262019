"""The publications plugin in real builds of the small fixture site: a PDF per language with the
photo at print resolution and its credit, the fallback page marked, download links, the cache
and reproducible bytes, and every kind of bad input stopping the build with site/ untouched."""

from __future__ import annotations

import hashlib
import logging
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser

from tests.images.fixture import write_page
from tests.publish import pdfread
from tests.publish.fixture import make_project, set_publications
from tnsite.build import build_site, build_with_findings
from tnsite.config import Project
from tnsite.findings import BuildRefused
from tnsite.publish.checks import check_catalogue

SUMMARY = "mkdocs.plugins.tnsite.publish.summary"
PDF = "publications/cam-nang.pdf"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Path]:
    project = make_project(tmp_path_factory.mktemp("publish-build") / "proj")
    return project, build_site(project)


def pdfs(project: Project, site: Path) -> dict[str, Path]:
    return {lang.code: site / lang.url_prefix / PDF for lang in project.languages}


def test_one_pdf_per_language_with_its_title_and_language(built: tuple[Project, Path]) -> None:
    project, site = built
    titles = {"vi": "Cẩm nang thử nghiệm", "en": "Test guide", "km": "មគ្គុទ្ទេសក៍សាកល្បង"}
    for lang, path in pdfs(project, site).items():
        reader = PdfReader(path)
        assert pdfread.pdf_lang(reader) == lang
        assert reader.metadata is not None and reader.metadata.title == titles[lang]
        assert pdfread.squeeze(titles[lang]) in pdfread.squeeze(pdfread.pdftotext(path, 1, 1))


def test_photo_prints_its_widest_variant_with_the_credit(built: tuple[Project, Path]) -> None:
    project, site = built
    for lang, path in pdfs(project, site).items():
        reader = PdfReader(path)
        images = [
            xobject.get_object()
            for page in reader.pages
            for xobject in (page["/Resources"].get("/XObject") or {}).values()
        ]
        photos = [(int(i["/Width"]), i.get("/Filter")) for i in images if i["/Subtype"] == "/Image"]
        # The 1600 px variant (not the 1200 px fallback), stored as JPEG.
        assert (1600, "/DCTDecode") in photos, (lang, photos)
        assert path.stat().st_size < 1_000_000
        assert "Nguyễn Văn A" in pdfread.pdftotext(path)


def test_page_missing_in_a_language_is_printed_from_the_source_and_says_so(
    built: tuple[Project, Path],
) -> None:
    project, site = built
    km = pdfread.pdftotext(pdfs(project, site)["km"])
    assert "Lễ hội Núi Bà" in km  # the Vietnamese page, as /km/du-lich/le-hoi/ shows it
    assert pdfread.squeeze("មិនទាន់បានបកប្រែ បោះពុម្ពជាភាសាដើម") in pdfread.squeeze(km)
    vi = pdfread.pdftotext(pdfs(project, site)["vi"])
    assert "chưa có bản dịch" not in vi


def test_links_between_chapters_stay_inside_and_others_go_to_the_site(
    built: tuple[Project, Path],
) -> None:
    project, site = built
    reader = PdfReader(pdfs(project, site)["vi"])
    found = pdfread.links(reader)
    names = pdfread.named_destinations(reader)
    assert "c1-cable-car" in names
    assert any(link.dest == "c1-cable-car" for link in found)  # le-hoi → nui-ba-den#cable-car
    assert "https://example.org/" in [link.uri for link in found]  # home: not in the PDF
    en = PdfReader(pdfs(project, site)["en"])  # the English page has no such heading:
    assert any(link.dest == "c1" for link in pdfread.links(en) if link.page > 1)  # its chapter


def test_pages_carry_the_download_link_with_the_size(built: tuple[Project, Path]) -> None:
    project, site = built
    sizes = {lang: path.stat().st_size / 1_000_000 for lang, path in pdfs(project, site).items()}
    page = LexborHTMLParser((site / "km/du-lich/nui-ba-den/index.html").read_text("utf-8"))
    link = page.css_first(".tn-pub-download a")
    assert link is not None
    assert link.attributes["href"] == "../../publications/cam-nang.pdf"
    # The fixture has no native_digits option: Khmer pages keep CLDR's Latin digits.
    assert link.text() == f"ទាញយកមគ្គុទ្ទេសក៍ (PDF, {sizes['km']:.1f} MB)"
    page = LexborHTMLParser((site / "du-lich/le-hoi/index.html").read_text("utf-8"))
    link = page.css_first(".tn-pub-download a")
    assert link is not None
    assert link.text() == f"Tải cẩm nang (PDF, {sizes['vi']:.1f} MB)".replace(".", ",")
    assert link.attributes["hreflang"] == "vi"


def test_second_build_takes_every_pdf_from_the_cache_with_the_same_bytes(
    built: tuple[Project, Path], caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    project, site = built
    first = {lang: path.read_bytes() for lang, path in pdfs(project, site).items()}
    with caplog.at_level(logging.INFO, logger=SUMMARY):
        again = build_site(project, tmp_path / "again")
    assert "publications: 0 rendered, 3 from the cache" in caplog.text
    assert {lang: p.read_bytes() for lang, p in pdfs(project, again).items()} == first


def test_same_sources_print_the_same_bytes_without_the_cache(
    built: tuple[Project, Path], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Reproducible: printed again from scratch (another staging folder, no cache), the
    bytes do not change."""
    project, site = built
    first = hashlib.sha256(pdfs(project, site)["km"].read_bytes()).hexdigest()
    shutil.rmtree(project.root / ".cache/publish")
    with caplog.at_level(logging.INFO, logger=SUMMARY):
        fresh = build_site(project, tmp_path / "fresh")
    assert "publications: 3 rendered, 0 from the cache" in caplog.text
    assert hashlib.sha256(pdfs(project, fresh)["km"].read_bytes()).hexdigest() == first


# -- bad input: one finding naming the file and line; nothing published -------------------------


@pytest.fixture
def fresh(tmp_path: Path) -> Project:
    return make_project(tmp_path / "proj")


def _fails(project: Project, *needles: str) -> str:
    site = project.root / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    with pytest.raises(BuildRefused) as failure:
        build_site(project)
    # Each finding as the editor reads it, in English and in Vietnamese (TNSITE_LANG=vi).
    message = "\n".join(f.render(lang) for lang in ("en", "vi") for f in failure.value.findings)
    for needle in needles:
        assert needle in message, message
    assert [p.name for p in site.iterdir()] == ["index.html"]  # the old site/ is untouched
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not list(project.root.glob(".site-*"))  # no staging folder left behind
    return message


def test_page_that_does_not_exist_stops_the_build(fresh: Project) -> None:
    set_publications(
        fresh.root,
        """\
        publications:
          - id: cam-nang
            title: {vi: A, en: A, km: ក}
            link: {vi: B, en: B, km: ខ}
            pages:
              - du-lich/nui-ba-den.md
              - du-lich/khong-co.md
        """,
    )
    message = _fails(fresh, "publications.yml:7:", "du-lich/khong-co.md", "[publication]")
    assert "trang 'du-lich/khong-co.md' không tồn tại" in message


def test_unknown_key_stops_the_build(fresh: Project) -> None:
    set_publications(
        fresh.root,
        """\
        publications:
          - id: cam-nang
            title: {vi: A, en: A, km: ក}
            link: {vi: B, en: B, km: ខ}
            page:
              - du-lich/nui-ba-den.md
        """,
    )
    message = _fails(fresh, "publications.yml:5:5:", "unknown key 'page'", "did you mean 'pages'?")
    assert message.count("[publication]") == 2  # one finding, in English and Vietnamese


def test_character_no_font_draws_stops_the_build_at_its_line(fresh: Project) -> None:
    write_page(
        fresh.root,
        "en",
        "du-lich/nui-ba-den.md",
        """\
        ---
        title: Bà Đen Mountain
        ---

        # Bà Đen Mountain

        The mountain ☃ in winter.
        """,
    )
    _fails(fresh, "docs/en/du-lich/nui-ba-den.md:7:", "U+2603", "publications.yml")


def test_image_that_cannot_be_printed_stops_the_build_at_its_line(fresh: Project) -> None:
    write_page(
        fresh.root,
        "km",
        "du-lich/nui-ba-den.md",
        """\
        ---
        title: ភ្នំបាឌិន
        ---

        # ភ្នំបាឌិន

        ![ផែនទី](https://example.org/map.png)
        """,
    )
    _fails(fresh, "docs/km/du-lich/nui-ba-den.md:7:", "map.png", "another website")


# -- the same checks in `tnsite check` ------------------------------------------------------------


def test_check_reports_publications_yml_findings(fresh: Project) -> None:
    set_publications(fresh.root, "publications:\n  - id: x\n    titel: {}\n")
    findings = check_catalogue(fresh)
    assert [f.line for f in findings] == [3, 2, 2]
    assert findings[0].message.en == "unknown key 'titel'"


def test_a_glyph_no_font_draws_refuses_the_build_naming_the_line_once(
    fresh: Project, tmp_path: Path
) -> None:
    """The publications are checked inside the build: a character no font of the site draws
    is one finding at the line that wrote it (printed in three languages, reported once), and
    nothing is published."""
    write_page(
        fresh.root,
        "vi",
        "du-lich/le-hoi.md",
        """\
        ---
        title: Lễ hội
        ---

        # Lễ hội Núi Bà

        Hội xuân ☃ kéo dài ≈ một tháng.[^1]

        [^1]: Theo lịch của Ban quản lý.
        """,
    )
    config = fresh.root / "mkdocs.yml"  # footnotes, as the site writes them
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - md_in_html\n", "  - md_in_html\n  - footnotes\n"), "utf-8")
    with pytest.raises(BuildRefused) as refused:
        build_with_findings(fresh, tmp_path / "site", judge=True)
    glyphs = [f for f in refused.value.findings if f.rule == "publication"]
    assert [(f.path, f.line) for f in glyphs] == [("docs/vi/du-lich/le-hoi.md", 7)]
    # every character of the line in one finding; not the footnote's ↩, which print leaves out
    assert "U+2603" in glyphs[0].message.en and "U+2248" in glyphs[0].message.en
    assert "U+21A9" not in glyphs[0].message.en
    assert not (tmp_path / "site").exists()

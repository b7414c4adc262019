"""The parts of printing that need no site: SVG styles and shaped outlines, the download link's
size, the renderer's file fence and determinism, and the WeasyPrint version gate."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from lxml import html as lxml_html
from PIL import Image

from tests.conftest import ROOT
from tests.publish import pdfread
from tnsite.publish import weasy_glue
from tnsite.publish.download import fill_sizes, format_size, insert_links, link_markup
from tnsite.publish.fonts import PrintFonts
from tnsite.publish.render import render_pdf
from tnsite.publish.svgprint import SvgStyles, TextOutliner

FONTS = PrintFonts(
    ROOT / "assets/stylesheets/fonts.css",
    ("vi", "en", "km"),
    {},
    Path(tempfile.mkdtemp(prefix="tnsite-print-fonts-")),
)


def doc(body: str, lang: str = "km") -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(f'<html lang="{lang}"><body>{body}</body></html>')


def test_svg_gets_the_site_rules_as_attributes_with_variables_resolved() -> None:
    styles = SvgStyles(
        [
            ":root { --c: #123456; --d: var(--c); }",
            ".md-typeset .tn-chart__bar { fill: var(--d); stroke-width: 2; }",
            ".tn-chart__bar--x { fill: #f00; }",
            "@media screen { .tn-chart__bar { fill: #0f0; } }",
            "p { fill: #abc; }",
        ]
    )
    root = doc(
        '<div class="md-typeset"><p>t</p><svg><rect class="tn-chart__bar tn-chart__bar--x"/>'
        '<rect class="tn-chart__bar--x"/></svg></div>'
    )
    styles.apply(root)
    first, second = root.iter("rect")
    assert first.get("fill") == "#123456"  # the more specific rule wins, as in a browser
    assert first.get("stroke-width") == "2"
    assert second.get("fill") == "#f00"
    assert next(root.iter("p")).get("fill") is None  # HTML is styled by WeasyPrint itself


def _shift(root: lxml_html.HtmlElement) -> list[float]:
    out = []
    for group in root.iter("g"):
        path = next(group.iter("path"), None)
        if path is not None and group.get("aria-hidden") == "true":
            match = re.match(r"translate\(([-\d.]+) ", path.get("transform") or "")
            assert match
            out.append(float(match[1]))
    return out


def test_svg_text_becomes_shaped_outlines() -> None:
    """'ស្ត្រី' shaped: subscripts stack under the first letter, so the word is narrower than
    its letters drawn one by one (what WeasyPrint's own SVG text does)."""
    word = "ស្ត្រី"
    texts = [f'<text x="100" y="20" text-anchor="end" font-size="20">{word}</text>']
    texts += [f'<text x="100" y="20" text-anchor="end" font-size="20">{c}</text>' for c in word]
    root = doc(f"<svg>{''.join(texts)}</svg>")
    assert TextOutliner(FONTS).outline(root) == 1 + len(word)
    assert not list(root.iter("text"))
    shaped, *letters = (100 - x for x in _shift(root))
    assert shaped > 5
    assert shaped < 0.8 * sum(letters), (shaped, letters)


def test_outlined_label_keeps_its_colour_and_halo_under_the_fill() -> None:
    root = doc(
        '<svg><text x="0" y="10" fill="#333" stroke="#fff" stroke-width="3" '
        'paint-order="stroke" text-anchor="start">Mộc Bài</text>'
        '<text x="0" y="30"><tspan x="5" dy="0">tháng 10</tspan><tspan x="5" dy="13">2025'
        "</tspan></text></svg>",
        lang="vi",
    )
    TextOutliner(FONTS).outline(root)
    label, lines = [g for g in root.iter("g") if g.get("aria-hidden") == "true"]
    halo, fill = label
    assert (halo.get("fill"), halo.get("stroke"), halo.get("stroke-width")) == ("none", "#fff", "3")
    assert (fill.get("fill"), fill.get("stroke")) == ("#333", "none")
    transforms = [p.get("transform") for p in lines.iter("path")]
    assert transforms == ["translate(5 30)", "translate(5 43)"]  # each tspan on its own line


def test_size_in_each_language_with_native_digits_where_the_site_uses_them() -> None:
    assert format_size(1_234_567, "vi", "{n} MB", False) == "1,2 MB"
    assert format_size(1_234_567, "en", "{n} MB", False) == "1.2 MB"
    assert format_size(1_234_567, "km", "{n} MB", True) == "១.២ MB"
    assert format_size(20_000, "en", "{n} MB", False) == "0.1 MB"  # never "0.0 MB"


def test_download_link_goes_under_the_title_and_gets_its_size(tmp_path: Path) -> None:
    link = link_markup(
        text_template="{link} (PDF, {size})",
        link_text="Tải <tài liệu>",
        pub_id="dau-tu",
        lang="vi",
        href="../publications/dau-tu.pdf",
    )
    page = tmp_path / "index.html"
    page.write_text(insert_links("<h1>Đầu tư</h1><p>x</p>", [link]), encoding="utf-8")
    assert fill_sizes(page, {("dau-tu", "vi"): 1_200_000}, {"vi": "{n} MB"}, set())
    text = page.read_text(encoding="utf-8")
    assert text.startswith('<h1>Đầu tư</h1>\n<p class="tn-pub-download" lang="vi">')
    assert "Tải &lt;tài liệu&gt; (PDF, 1,2 MB)</a>" in text
    page.write_text(link, encoding="utf-8")
    assert not fill_sizes(page, {}, {"vi": "{n} MB"}, set())  # no PDF behind the marker


def _picture(path: Path) -> Path:
    Image.new("RGB", (40, 20), (200, 30, 30)).save(path)
    return path


def test_renderer_reads_only_the_site_and_prints_the_same_bytes_twice(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    inside = _picture(site / "in.png")
    outside = _picture(tmp_path / "out.png")
    document = (
        '<!DOCTYPE html><html lang="km"><head><meta charset="utf-8"><title>ខ</title>'
        '<meta name="dcterms.created" content="2025-12-08T00:00:00+00:00">'
        f"<style>{FONTS.css()}</style></head><body>"
        f'<p>ក្រោយការរួមបញ្ចូល</p><img src="{inside.as_uri()}" alt="in"></body></html>'
    )
    fonts = (FONTS.cache,)
    first = render_pdf(document, site, (site, *fonts), "0" * 32)
    assert first.problems == ()
    assert render_pdf(document, site, (site, *fonts), "0" * 32).pdf == first.pdf
    leak = render_pdf(
        document.replace(inside.as_uri(), outside.as_uri()), site, (site, *fonts), "1" * 32
    )
    assert leak.problems and "Failed to load" in leak.problems[0]
    no_fonts = render_pdf(document.replace(FONTS.css(), ""), site, (site,), "2" * 32)
    assert any(".notdef" in problem for problem in no_fonts.problems)
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(first.pdf)
    assert "ក្រោយការរួមបញ្ចូល" in pdfread.pdftotext(pdf)  # /ActualText: the words as written


def test_another_weasyprint_version_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(weasy_glue.weasyprint, "__version__", "71.0")
    with pytest.raises(weasy_glue.UnsupportedWeasyPrint, match="TESTED_VERSION"):
        weasy_glue.install()


def test_printing_leaves_pillow_strict_about_truncated_images() -> None:
    """WeasyPrint relaxes a Pillow-wide setting on import; the images plugin must still refuse
    a truncated photo in the same process (mkdocs serve, tests)."""
    code = (
        "from PIL import ImageFile; import tnsite.publish.render; "
        "print(ImageFile.LOAD_TRUNCATED_IMAGES)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "False"

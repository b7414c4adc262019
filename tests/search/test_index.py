"""Index entries: Material's sections, Khmer words marked, locations per language root,
content rendered from data (tables, cards) kept word by word."""

from __future__ import annotations

from types import SimpleNamespace

import markdown
from mkdocs.structure.toc import get_toc

from tnsite.search.index import index_document, page_entries
from tnsite.search.segment import WORD_BREAK, WordSegmenter
from tnsite.slugs import slugify


def page(source: str, url: str, meta: dict | None = None) -> SimpleNamespace:
    md = markdown.Markdown(
        extensions=["toc", "tables", "attr_list", "md_in_html"],
        extension_configs={"toc": {"slugify": slugify}},
    )
    html = md.convert(source)
    return SimpleNamespace(
        content=html, toc=get_toc(md.toc_tokens), url=url, meta=meta or {}, title=None
    )


KM_PAGE = """# ច្រកទ្វារអន្តរជាតិ

ខេត្តតៃនិញមានច្រកព្រំដែនអន្តរជាតិចំនួនបួន។

## មុកបៃ {#moc-bai}

ច្រកមុកបៃទល់មុខនឹងបាវិត។
"""


def test_sections_are_relative_to_the_language_root() -> None:
    entries = page_entries(page(KM_PAGE, "km/bien-gioi/cua-khau-quoc-te/"), "km/")
    assert [e["location"] for e in entries] == [
        "bien-gioi/cua-khau-quoc-te/",
        "bien-gioi/cua-khau-quoc-te/#moc-bai",
    ]


def test_khmer_words_are_marked_in_titles_and_text() -> None:
    segmenter = WordSegmenter(["តៃនិញ", "មុកបៃ"])
    entries = page_entries(page(KM_PAGE, "km/a/"), "km/", segmenter)
    assert entries[0]["title"].split(WORD_BREAK) == ["ច្រក", "ទ្វារ", "អន្តរជាតិ"]
    assert f"ខេត្ត{WORD_BREAK}តៃនិញ{WORD_BREAK}មាន" in entries[0]["text"]
    assert entries[1]["title"] == "មុកបៃ"


def test_default_language_locations_are_unchanged() -> None:
    entries = page_entries(page("# Tòa Thánh\n\nNội dung.\n", "du-lich/toa-thanh/"), "")
    assert entries[0]["location"] == "du-lich/toa-thanh/"
    assert entries[0]["title"] == "Tòa Thánh"


def test_table_cells_and_cards_rendered_as_compact_html_stay_separate_words() -> None:
    """Data views often render without white space between cells; words must not merge."""
    html = (
        "<h1 id='gates'>Cửa khẩu</h1><table><tr><th>Cửa khẩu</th><th>Đối diện</th></tr>"
        "<tr><td>Mộc Bài</td><td>Bavet</td></tr></table>"
        '<div class="grid cards"><ul><li><p>Xa Mát</p></li><li><p>Tân Nam</p></li></ul></div>'
    )
    data_page = SimpleNamespace(content=html, toc=[], url="bien-gioi/", meta={}, title=None)
    text = page_entries(data_page, "")[0]["text"]
    assert "BàiBavet" not in text
    for word in ("Mộc Bài", "Bavet", "Đối diện", "Xa Mát", "Tân Nam"):
        assert word in text


def test_excluded_pages_and_blocks_stay_out() -> None:
    assert page_entries(page("# Ẩn\n\nKhông tìm.\n", "x/", {"search": {"exclude": True}}), "") == []
    source = "# Trang\n\nCó.\n\n<div data-search-exclude markdown>\nBí mật.\n</div>\n"
    text = " ".join(e["text"] for e in page_entries(page(source, "y/"), ""))
    assert "Có." in text and "Bí mật" not in text


def test_index_document_names_the_language_and_its_word_rules() -> None:
    fields = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}
    en = index_document([], language="en", separator="[\\s]+", fields=fields, stem=True)
    km = index_document([], language="km", separator="[\\s]+", fields=fields, stem=False)
    assert en["config"]["pipeline"] == ["stopWordFilter"]
    assert km["config"]["pipeline"] == []
    assert km["config"]["lang"] == ["en"]  # no lunr-languages script to load
    assert km["config"]["tnsite"] == {"language": "km", "stem": False}
    assert en["config"]["fields"] == fields

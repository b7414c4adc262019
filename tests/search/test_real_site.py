"""Search on the real site in headless Chromium: Khmer, Chinese, Vietnamese typed without
accents and English queries find the expected page among the first results, in the visitor's
language only. Plus, without a browser: the indexes cover the content rendered from data, and every
language's pages (404 included) are wired to their own index.

Queries are checked against the page's source first: while content is being written, a query
whose words are not (yet) on its page is skipped, and a separate test requires enough of them
to run."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import ROOT
from tests.search.browser import search
from tnsite.stack.material import CONFIG_SCRIPT
from tnsite.text import fold_latin

TOP = 3  # "among the first results"

KHMER = [
    # single words inside running sentences
    ("សត្វព្រៃ", "du-lich/lo-go-xa-mat.md"),
    ("ទំនប់", "du-lich/ho-dau-tieng.md"),
    ("ប្ដូរប្រាក់", "du-lich/thong-tin-thuc-te.md"),
    ("ជនជាតិភាគតិច", "gioi-thieu/con-nguoi.md"),
    ("ខ្សែកាប", "du-lich/nui-ba-den.md"),
    # place names
    ("ភ្នំបាដែន", "du-lich/nui-ba-den.md"),
    ("បាវិត", "bien-gioi/cua-khau-quoc-te.md"),
    ("វិហារធំកាវដាយ", "du-lich/toa-thanh-cao-dai.md"),
    # several words typed without spaces
    ("ច្រកទ្វារអន្តរជាតិ", "bien-gioi/cua-khau-quoc-te.md"),
    ("កសិកម្មបច្ចេកវិទ្យាខ្ពស់", "thuong-mai/nong-nghiep-cong-nghe-cao.md"),
    ("តំបន់សេដ្ឋកិច្ចច្រកព្រំដែន", "dau-tu/khu-kinh-te-cua-khau.md"),
    ("វិនិយោគផ្ទាល់ពីបរទេស", "dau-tu/von-fdi.md"),
]
VIETNAMESE = [
    ("toa thanh", "du-lich/toa-thanh-cao-dai.md"),
    ("moc bai", "bien-gioi/cua-khau-quoc-te.md"),
    ("nui ba den", "du-lich/nui-ba-den.md"),
    ("cua khau", "bien-gioi/cua-khau-quoc-te.md"),
    ("ho dau tieng", "du-lich/ho-dau-tieng.md"),
    ("lo go xa mat", "du-lich/lo-go-xa-mat.md"),
    ("khu cong nghiep", "dau-tu/khu-cong-nghiep.md"),
    ("banh trang", "du-lich/am-thuc-dac-san.md"),
    ("phan gioi cam moc", "bien-gioi/phan-gioi-cam-moc.md"),
    ("hiep dinh thuong mai", "hoi-nhap/hiep-dinh-thuong-mai.md"),
    ("nong nghiep cong nghe cao", "thuong-mai/nong-nghiep-cong-nghe-cao.md"),
    ("cap treo", "du-lich/nui-ba-den.md"),
]
ENGLISH = [
    ("cable car", "du-lich/nui-ba-den.md"),
    ("industrial parks", "dau-tu/khu-cong-nghiep.md"),
    ("wildlife", "du-lich/lo-go-xa-mat.md"),
    ("trade agreements", "hoi-nhap/hiep-dinh-thuong-mai.md"),
    ("festival", "du-lich/le-hoi.md"),  # the page says "festivals": stemming
    ("investing", "dau-tu/von-fdi.md"),  # the page says "investment"
]
CHINESE = [
    # two- and three-character words inside running sentences
    ("通关", "dau-tu/ha-tang-logistics.md"),
    ("多式联运", "dau-tu/ha-tang-logistics.md"),
    ("最低工资", "dau-tu/uu-dai-thu-tuc.md"),
    ("企业所得税", "dau-tu/uu-dai-thu-tuc.md"),
    ("木薯", "thuong-mai/nong-nghiep-cong-nghe-cao.md"),
    ("虾盐", "thuong-mai/san-pham-dac-trung.md"),
    ("友谊大桥", "bien-gioi/cua-khau-quoc-te.md"),
    # place names and long names typed without spaces
    ("木排口岸", "bien-gioi/cua-khau-quoc-te.md"),
    ("海外越南人", "dau-tu/nguoi-viet-nam-o-nuoc-ngoai.md"),
    ("区域全面经济伙伴关系", "hoi-nhap/hiep-dinh-thuong-mai.md"),
    ("外商直接投资", "dau-tu/von-fdi.md"),
    ("高科技农业", "thuong-mai/nong-nghiep-cong-nghe-cao.md"),
]
CASES = [("km", q, p) for q, p in KHMER] + [("vi", q, p) for q, p in VIETNAMESE]
CASES += [("en", q, p) for q, p in ENGLISH] + [("zh", q, p) for q, p in CHINESE]


def source_has(lang: str, query: str, page: str) -> bool:
    """Whether the page's source holds the query's words (stems for English)."""
    path = ROOT / "docs" / lang / page
    if not path.is_file():
        return False
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    if lang in ("km", "zh"):  # written without spaces between words
        return query in re.sub(r"\s+", "", text)
    words = fold_latin(text).lower()
    return all(word[:5] in words for word in query.split())


def url_of(page: str) -> str:
    stem = page.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def in_language(path: str, prefix: str, others: list[str]) -> bool:
    if prefix:
        return path.startswith("/" + prefix)
    return not any(path.startswith("/" + other) for other in others)


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, errors


def test_enough_queries_run_in_each_language() -> None:
    runnable = {lang: 0 for lang in ("km", "vi", "en", "zh")}
    for lang, query, page in CASES:
        runnable[lang] += source_has(lang, query, page)
    assert runnable["km"] >= 10 and runnable["vi"] >= 10 and runnable["en"] >= 5, runnable
    assert runnable["zh"] >= 10, runnable


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "query", "target"), CASES)
def test_query_finds_the_page_in_its_language(
    project, site_server, page, lang: str, query: str, target: str
) -> None:
    if not source_has(lang, query, target):
        pytest.skip(f"docs/{lang}/{target} does not contain {query!r} (yet)")
    prefix = project.language(lang).url_prefix
    others = [other.url_prefix for other in project.languages if other.url_prefix != prefix]
    results = search(page, site_server.url(prefix), query)
    paths = [r.path for r in results]
    expected = "/" + prefix + url_of(target)
    assert expected in paths[:TOP], (query, paths[:5])
    assert all(in_language(p, prefix, others) for p in paths), paths
    best = results[paths.index(expected)]
    assert best.marks, "the matches are highlighted"
    if lang == "vi":  # folded query, highlighted as written (with its accents)
        assert any(fold_latin(m).lower() != m.lower() for m in best.marks), best.marks
    if lang == "km":
        assert all(re.search("[\u1780-\u17ff]", m) for m in best.marks if m), best.marks
    if lang == "zh":
        assert all(re.search("[\u4e00-\u9fff]", m) for m in best.marks if m), best.marks


def index_text(site: Path, prefix: str) -> dict[str, str]:
    data = json.loads((site / prefix / "search" / "search_index.json").read_text("utf-8"))
    pages: dict[str, str] = {}
    for doc in data["docs"]:
        key = doc["location"].split("#")[0]
        pages[key] = pages.get(key, "") + " " + doc["title"] + " " + doc["text"]
    return {k: v.replace("\u200b", "") for k, v in pages.items()}


def test_content_rendered_from_data_is_in_each_language_index(project, built_site) -> None:
    """Every word of every table and card grid on a page is in that page's index entries."""
    checked = 0
    for lang in project.languages:
        indexed = index_text(built_site, lang.url_prefix)
        for location, text in indexed.items():
            html = built_site / lang.url_prefix / location / "index.html"
            article = LexborHTMLParser(html.read_text("utf-8")).css_first("article")
            if article is None:
                continue
            for node in article.css("table, .grid.cards"):
                for word in re.findall(r"[^\W\d_][\w’'-]*", node.text(separator=" ")):
                    assert unicodedata.normalize("NFC", word) in text, (
                        lang.code,
                        location,
                        word,
                    )
                checked += 1
    assert checked > 0, "no table or card grid was found on the built site"


def test_every_language_page_and_not_found_page_uses_its_own_index(project, built_site) -> None:
    for lang in project.languages:
        assert (built_site / lang.url_prefix / "search" / "search_index.json").is_file()
        for rel in ("index.html", "404.html"):
            html = (built_site / lang.url_prefix / rel).read_text("utf-8")
            match = CONFIG_SCRIPT.search(html)
            assert match is not None, (lang.code, rel)
            config = json.loads(match.group(2))
            assert Path(config["search"]).name.startswith("tnsite-search."), (lang.code, rel)
            if rel == "404.html":
                assert config["base"].endswith("/" + lang.url_prefix), config["base"]

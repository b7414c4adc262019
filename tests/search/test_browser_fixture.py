"""Search on the small fixture site in headless Chromium: ranking, both tone-mark styles,
folded highlighting, data tables, stemming and Khmer words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.server import SiteServer
from tests.search.browser import search
from tests.search.fixture import make_site

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("search-fixture")]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    site: Path = make_site(tmp_path_factory.mktemp("search-browser") / "proj")
    srv = SiteServer(site)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, errors


def paths(results) -> list[str]:
    return [r.path for r in results]


def test_accented_query_ranks_exact_matches_first_in_both_tone_styles(server, page) -> None:
    for query in ("hòa", "hoà", "Hòa bình"):
        results = paths(search(page, server.url(""), query))
        assert results[0] == "/hoa-binh/", (query, results)
        assert "/hoa-sen/" in results, (query, results)  # folded matches follow


def test_unaccented_query_finds_accented_text(server, page) -> None:
    results = search(page, server.url(""), "toa thanh")
    assert results[0].path == "/du-lich/toa-thanh/"
    assert {"Tòa", "Thánh"} <= set(results[0].marks)  # highlighted as written
    assert "/toa-do/" in paths(results)  # "Tọa" folds to "toa" too


def test_new_style_query_finds_old_style_text(server, page) -> None:
    results = search(page, server.url(""), "thủy lợi")
    assert results[0].path == "/thuy-loi/"
    assert "thuỷ" in {m.lower() for m in results[0].marks}


def test_folded_match_is_highlighted_on_the_result_page(server, page) -> None:
    results = search(page, server.url(""), "toa thanh")
    assert {"tòa", "thánh"} <= set(results[0].highlight.lower().split())
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_selector("mark[data-md-highlight]")
    marked = page.eval_on_selector_all(
        "mark[data-md-highlight]", "els => els.map(e => e.innerText)"
    )
    assert any("Tòa" in m for m in marked), marked  # adjacent words share one mark


def test_data_table_cells_are_searchable_as_separate_words(server, page) -> None:
    assert paths(search(page, server.url(""), "bavet"))[0] == "/bien-gioi/"
    assert paths(search(page, server.url(""), "trapeang phlong"))[0] == "/bien-gioi/"


def test_english_words_are_stemmed(server, page) -> None:
    assert paths(search(page, server.url("en/"), "investing"))[0] == "/en/parks/"
    assert paths(search(page, server.url("en/"), "park"))[0] == "/en/parks/"
    assert paths(search(page, server.url("en/"), "ba den"))[0] == "/en/mountain/"


def test_khmer_word_inside_a_sentence_is_found_and_highlighted(server, page) -> None:
    results = search(page, server.url("km/"), "សត្វព្រៃ")
    assert results[0].path == "/km/park/"
    assert "សត្វព្រៃ" in results[0].marks


def test_khmer_words_typed_without_spaces_are_found(server, page) -> None:
    results = search(page, server.url("km/"), "ច្រកព្រំដែនអន្តរជាតិ")
    assert results[0].path == "/km/gates/"
    assert {"ច្រកព្រំដែន", "អន្តរជាតិ"} <= set(results[0].marks)
    results = search(page, server.url("km/"), "បាវិតខេត្តស្វាយរៀង")
    assert results[0].path == "/km/gates/"


def test_each_language_finds_only_its_own_pages(server, page) -> None:
    for prefix, query in (("", "tỉnh"), ("en/", "province"), ("km/", "ខេត្ត"), ("zh/", "口岸")):
        results = search(page, server.url(prefix), query)
        assert results, (prefix, query)
        for result in results:
            in_language = (
                result.path.startswith("/" + prefix)
                if prefix
                else not (result.path.startswith(("/en/", "/km/", "/zh/")))
            )
            assert in_language, (prefix, result.path)


def test_khmer_match_is_highlighted_on_the_result_page(server, page) -> None:
    results = search(page, server.url("km/"), "ព្រំដែនអន្តរជាតិ")
    assert results[0].path == "/km/gates/"
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_selector("mark[data-md-highlight]")
    marked = page.eval_on_selector_all(
        "mark[data-md-highlight]", "els => els.map(e => e.innerText)"
    )
    assert any("អន្តរជាតិ" in m for m in marked), marked


def test_chinese_words_inside_sentences_are_found(server, page) -> None:
    """Chinese has no spaces: the build splits sentences into words (ICU), and a query typed
    without spaces is split the same way, so a two-character word inside a sentence is found
    and highlighted whole."""
    results = search(page, server.url("zh/"), "贸易")
    assert results[0].path == "/zh/gates/", paths(results)
    results = search(page, server.url("zh/"), "边境贸易")
    assert results[0].path == "/zh/gates/", paths(results)
    assert {"边境", "贸易"} <= set(results[0].marks)
    results = search(page, server.url("zh/"), "外国直接投资")
    assert results[0].path == "/zh/parks/", paths(results)
    results = search(page, server.url("zh/"), "柬埔寨柴桢省")
    assert results[0].path.startswith("/zh/gates/"), paths(results)
    # terms ICU's dictionary cuts into single characters are found as a sequence, not as
    # scattered characters (the home page has 多, 联, 运, 通 and 关, in other words)
    for query in ("通关", "多式联运", "多式联"):
        results = search(page, server.url("zh/"), query)
        assert paths(results) == ["/zh/logistics/"], (query, paths(results))

"""Search costs a page view nothing until the visitor opens it (see tnsite.theme.bundle)."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    yield page
    context.close()


def search_requests(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda req: seen.append(req.url) if "/search" in req.url else None)
    return seen


@pytest.mark.parametrize("prefix", ["", "en/", "km/"])
def test_index_and_worker_load_only_when_search_opens(page, site_server, prefix: str) -> None:
    seen = search_requests(page)
    workers: list[str] = []
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto(site_server.url(prefix + "du-lich/"), wait_until="networkidle")
    page.wait_for_timeout(300)
    assert not seen and not workers, (seen, workers)

    page.keyboard.press("/")
    ready = json.loads(page.locator("#__config").text_content() or "{}")["translations"][
        "search.result.placeholder"
    ]
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__meta').innerText === text", arg=ready
    )
    assert any(u.endswith(f"/{prefix}search/search_index.json") for u in seen), seen
    assert workers, "the search worker was not started"


def test_result_page_fetches_the_index_to_highlight(page, site_server) -> None:
    seen = search_requests(page)
    page.goto(site_server.url("km/du-lich/nui-ba-den/?h=" + quote("ភ្នំ")))
    page.wait_for_selector("article mark")
    assert any(u.endswith("/km/search/search_index.json") for u in seen), seen
    assert all("ភ្នំ" in m for m in page.locator("article mark").all_inner_texts()[:5])

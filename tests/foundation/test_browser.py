"""First browser tests: the language switcher and the privacy promise, in headless Chromium."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PAGES = ["", "dau-tu/khu-cong-nghiep/", "bien-gioi/cua-khau-quoc-te/"]


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_language_switcher_leads_to_the_same_page(page, site_server, path: str) -> None:
    page.goto(site_server.url(path))
    for code, prefix in (("en", "en/"), ("km", "km/")):
        links = page.locator(f'.md-select a[hreflang="{code}"]')
        assert links.count() == 1
        href = links.first.get_attribute("href")
        page.goto(site_server.url(path))
        with page.expect_navigation():
            page.locator(f'.md-select a[hreflang="{code}"]').first.evaluate("a => a.click()")
        assert urlsplit(page.url).path == "/" + prefix + path, href
        assert page.locator("html").get_attribute("lang") == code


@pytest.mark.parametrize("path", ["", "en/", "km/", "km/du-lich/nui-ba-den/"])
def test_no_request_leaves_the_site(page, site_server, path: str) -> None:
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.goto(site_server.url(path))
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")  # open search, which loads the search worker and index
    page.wait_for_timeout(300)
    outside = [
        u
        for u in requests
        if urlsplit(u).scheme in ("http", "https") and urlsplit(u).hostname != "127.0.0.1"
    ]
    assert requests, "no request was observed at all"
    assert not outside, outside

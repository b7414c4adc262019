"""The editor's view of `tnsite serve` in Chromium: a tab left open on a page shows the
findings by itself within seconds of saving a mistake, and the real page by itself once the
file is fixed, without the editor reloading anything."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.preview.helpers import PAGE, TITLE, URL_PATH, Preview, link_missing_page

pytestmark = pytest.mark.browser

SECONDS = 10_000  # ms: a rebuild of the small project takes about one second


def test_the_open_tab_shows_the_findings_then_the_fixed_page(
    browser: Browser, preview: Preview, checked_project: Path
) -> None:
    page = browser.new_page()
    try:
        page.goto(preview.url + URL_PATH)
        heading = page.locator(".md-content h1")
        expect(heading).to_have_text(TITLE)
        original = (checked_project / PAGE).read_text(encoding="utf-8")

        saved = time.monotonic()
        line = link_missing_page(checked_project)
        failed = page.locator("#tn-build-failed")
        expect(failed).to_be_visible(timeout=SECONDS)
        shown = time.monotonic() - saved
        expect(failed.locator("li.error .where")).to_have_text(f"{PAGE}:{line}")
        expect(failed.locator("li.error .msg")).to_contain_text("cho-dem.md")

        saved = time.monotonic()
        (checked_project / PAGE).write_text(original, encoding="utf-8")
        expect(heading).to_have_text(TITLE, timeout=SECONDS)
        expect(failed).to_have_count(0)
        fixed = time.monotonic() - saved
        print(f"save → findings in the tab: {shown:.2f} s; fix → page: {fixed:.2f} s")
    finally:
        page.close()

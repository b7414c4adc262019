"""The browser tab of the editor's tests, signed in to the editor of the module's `workspace`
fixture (a LocalEditor and the project copy it writes into). Every test using it also fails
when the page throws an error or makes a request that leaves this machine."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.editor.helpers import log_in

# Decap CMS rejects the save promise without a reason when the form refuses an entry (after
# showing its messages); the browser reports that as an uncaught "undefined". Any other error
# thrown on the page fails the test.
REFUSED_SAVE = "undefined"


@pytest.fixture
def page(browser, workspace):  # type: ignore[no-untyped-def]
    # Reduced motion: the editor then draws no colour transitions (editor.css), so what a test
    # and axe read is the settled state of the form.
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, reduced_motion="reduce")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    # Everything the editor loads or sends stays on this machine: the site and decap-server
    # (in production, the site and GitHub's API, which the page's CSP names).
    outside: list[str] = []
    context.on("request", lambda r: None if _local(r.url) else outside.append(r.url))
    log_in(tab, workspace[0].url)
    yield tab
    context.close()
    assert [e for e in errors if e != REFUSED_SAVE] == []
    assert outside == []


def _local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1"

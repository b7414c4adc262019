"""Old addresses of moved pages: i18n/moved.yml read, checked and turned into pages that send
the visitor on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers.server import SiteServer
from tests.i18n.fixture import reload
from tnsite.config import Project
from tnsite.i18n.redirects import MOVED_FILE, check_moves, moves, write_stubs

PARK = "dau-tu/khu-cong-nghiep.md"


def _moved(project: Project, text: str) -> Project:
    (project.root / MOVED_FILE).write_text(text, encoding="utf-8")
    return reload(project.root)


def test_a_page_moved_twice_is_reached_from_both_old_names(fixture_project: Project) -> None:
    project = _moved(
        fixture_project,
        "- from: dau-tu/khu.md\n  to: dau-tu/khu-2.md\n  moved: 2026-01-01\n"
        f"- from: dau-tu/khu-2.md\n  to: {PARK}\n  moved: 2026-02-01\n"
        # an old name a page has taken again is that page
        "- from: dau-tu/index.md\n  to: dau-tu/khu-2.md\n  moved: 2026-03-01\n",
    )
    assert moves(project) == {"dau-tu/khu.md": PARK, "dau-tu/khu-2.md": PARK}
    assert check_moves(project) == []


def test_entries_that_lead_nowhere_or_cannot_be_read_are_errors(
    fixture_project: Project,
) -> None:
    project = _moved(
        fixture_project,
        "- from: dau-tu/cu.md\n  to: dau-tu/da-xoa.md\n  moved: 2026-01-01\n- from: x\n",
    )
    found = sorted((f.line, f.rule) for f in check_moves(project))
    assert found == [(1, "moved-page"), (4, "moved-page")]
    project = _moved(fixture_project, "- from: [a\n")
    [finding] = check_moves(project)
    assert finding.path == "i18n/moved.yml" and finding.line >= 1


def test_every_language_gets_a_page_at_the_old_address(
    fixture_project: Project, tmp_path: Path
) -> None:
    project = _moved(fixture_project, f"- from: dau-tu/khu.md\n  to: {PARK}\n  moved: 2026-01-01\n")
    site = tmp_path / "site"
    for prefix in ("", "en/", "km/"):
        (site / prefix / "dau-tu/khu-cong-nghiep").mkdir(parents=True)
        (site / prefix / "dau-tu/khu-cong-nghiep/index.html").write_text("<html></html>")
    texts = {"vi": "Trang đã chuyển", "en": "Moved", "km": "ផ្លាស់ទី"}
    written = write_stubs(project, site, texts)
    assert written == ["dau-tu/khu/", "en/dau-tu/khu/", "km/dau-tu/khu/"]
    page = (site / "km/dau-tu/khu/index.html").read_text(encoding="utf-8")
    assert '<html lang="km">' in page and "ផ្លាស់ទី" in page
    assert 'content="0; url=../khu-cong-nghiep/"' in page
    assert 'rel="canonical" href="https://example.org/km/dau-tu/khu-cong-nghiep/"' in page
    assert 'name="robots" content="noindex"' in page


def test_a_bookmarked_section_survives_the_move(
    fixture_project: Project, tmp_path: Path, browser: Any
) -> None:
    """In a browser, the old address of a section leads to that section at the new address,
    and the stub's own policy allows its script (no violation reported)."""
    project = _moved(fixture_project, f"- from: dau-tu/khu.md\n  to: {PARK}\n  moved: 2026-01-01\n")
    site = tmp_path / "site"
    for prefix in ("", "en/", "km/"):
        (site / prefix / "dau-tu/khu-cong-nghiep").mkdir(parents=True)
        (site / prefix / "dau-tu/khu-cong-nghiep/index.html").write_text(
            '<!doctype html><html><body><h2 id="planning">Planning</h2></body></html>'
        )
    write_stubs(project, site, {"vi": "Trang đã chuyển", "en": "Moved", "km": "ផ្លាស់ទី"})
    server = SiteServer(site).start()
    try:
        page = browser.new_page()
        problems: list[str] = []
        page.on(
            "console",
            lambda message: problems.append(message.text) if "Security" in message.text else None,
        )
        page.goto(server.url("km/dau-tu/khu/#planning"))
        page.wait_for_url("**/km/dau-tu/khu-cong-nghiep/#planning", timeout=10_000)
        page.close()
        # without scripts, the refresh leads to the page itself
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(server.url("dau-tu/khu/#planning"))
        page.wait_for_url("**/dau-tu/khu-cong-nghiep/", timeout=10_000)
        context.close()
    finally:
        server.stop()
    assert not problems

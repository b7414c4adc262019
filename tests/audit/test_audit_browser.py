"""The audit in a real browser on the built site (Lighthouse itself runs in `make audit`)."""

from pathlib import Path

import pytest

from tnsite.audit.budgets import Budgets, PageType
from tnsite.audit.run import audit_site

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def without_weight(problems: list[str]) -> list[str]:
    """Weight is enforced by `make audit` against audit.yml; these tests cover the rest."""
    return [p for p in problems if not p.startswith("weight ")]


def test_the_long_page_passes_its_browser_checks_in_every_language(
    project, built_site, browser
) -> None:
    budgets = Budgets((PageType("long", "du-lich/nui-ba-den/", 200),), {})
    rows = audit_site(project, built_site, budgets, AXE, lighthouse=False, browser=browser)
    assert [r.lang for r in rows] == list(project.codes)
    for row in rows:
        assert without_weight(row.problems) == [], (row.url, row.problems)
        assert row.browser.transfer_bytes > 10_000  # something real was measured


def test_a_broken_budget_fails_the_audit(project, built_site, browser) -> None:
    budgets = Budgets((PageType("long", "du-lich/nui-ba-den/", 5),), {})
    rows = audit_site(project, built_site, budgets, AXE, lighthouse=False, browser=browser)
    assert all(any("> budget 5 KB" in p for p in r.problems) for r in rows)


def test_a_missing_page_answers_404_in_the_visitors_language(project, built_site, browser) -> None:
    budgets = Budgets((PageType("not_found", "khong-co-trang-nay/", 200, status=404),), {})
    rows = audit_site(project, built_site, budgets, AXE, lighthouse=False, browser=browser)
    for row in rows:
        assert row.browser.html_lang == row.lang, row.url
        assert without_weight(row.problems) == [], (row.url, row.problems)

"""The audit in a real browser on the built site (Lighthouse itself runs in `make audit`)."""

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tnsite.audit.budgets import Budgets, PageType, load_budgets
from tnsite.audit.run import audit_site
from tnsite.cli import main

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def test_every_page_type_passes_its_browser_budgets_in_every_language(
    project, built_site, browser
) -> None:
    """What `make audit` checks besides Lighthouse, with the budgets of audit.yml."""
    budgets = load_budgets(ROOT / "audit.yml")
    rows = audit_site(project, built_site, budgets, AXE, lighthouse=False, browser=browser)
    assert len(rows) == len(budgets.page_types) * len(project.codes)
    for row in rows:
        assert row.problems == [], (row.url, row.problems)
        assert row.browser.transfer_bytes > 10_000  # something real was measured
        assert row.browser.menu_reached


def test_a_broken_budget_fails_the_audit(project, built_site, browser) -> None:
    budgets = Budgets((PageType("long", "du-lich/nui-ba-den/", 5),), {})
    rows = audit_site(project, built_site, budgets, AXE, lighthouse=False, browser=browser)
    assert all(any("> budget 5 KB" in p for p in r.problems) for r in rows)


def test_a_script_injected_after_the_build_is_refused_by_the_pages_policy(
    project, built_site, browser, tmp_path: Path
) -> None:
    """The Content-Security-Policy each page carries: a script that reaches a published page
    by any way the build cannot see is refused by the browser, and the audit says so."""
    import shutil

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "du-lich" / "nui-ba-den" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</body>", "<script>document.title='x'</script></body>"), "utf-8")
    budgets = Budgets((PageType("long", "du-lich/nui-ba-den/", 400),), {})
    rows = audit_site(project, site, budgets, AXE, lighthouse=False, browser=browser)
    vi = next(r for r in rows if r.lang == "vi")
    assert any("Content-Security-Policy" in p for p in vi.problems), vi.problems
    for other in (r for r in rows if r.lang != "vi"):  # only when they switch to the vi page
        assert all(v.startswith("/du-lich/nui-ba-den/:") for v in other.browser.csp_violations)


def test_the_audit_command_exits_1_on_a_broken_budget(project, built_site, tmp_path: Path) -> None:
    """What CI runs: `tnsite audit` must fail the job when a page breaks a budget."""
    tight = tmp_path / "audit.yml"
    tight.write_text(
        "lighthouse: {min_scores: {performance: 95}}\n"
        'page_types: {news: {path: "tin-tuc/", max_kb: 20}}\n',
        encoding="utf-8",
    )
    args = ["audit", "--site", str(built_site), "--budgets", str(tight), "--no-lighthouse"]
    args += ["--reports", str(tmp_path)]
    # A process of its own, as in CI (and Playwright's sync API cannot nest in this worker's).
    result = subprocess.run(
        [sys.executable, "-m", "tnsite.cli", *args], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "> budget 20 KB [budget:news]" in result.stdout
    count = len(project.languages)  # the news page in every language
    assert f"{count} of {count} audited pages break a budget." in result.stdout
    assert "> budget 20 KB" in (tmp_path / "audit.md").read_text(encoding="utf-8")


def test_a_malformed_budget_file_stops_the_audit(built_site, tmp_path: Path) -> None:
    bad = tmp_path / "audit.yml"
    bad.write_text("lighthouse: {min_scores: {performance: 95}\npage_types: [\n", encoding="utf-8")
    args = ["audit", "--site", str(built_site), "--budgets", str(bad), "--no-lighthouse"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "audit.yml:" in result.output and "not valid YAML" in result.output

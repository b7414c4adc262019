"""`tnsite audit`: every page type in every language against the budgets in audit.yml.

Writes reports/audit.md (a table) and reports/audit.json, and returns the broken budgets;
the command exits 1 when there is any.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tnsite.audit.browser import CHROMIUM_ARGS, PageResult, audit_page
from tnsite.audit.budgets import Budgets, PageType
from tnsite.audit.lighthouse import HostSpeed, LighthouseResult, performance, run_lighthouse
from tnsite.audit.server import SiteServer
from tnsite.config import Project
from tnsite.i18n.textlang import expected_script, script_name
from tnsite.langtags import is_language
from tnsite.theme.fonts import faces_for


@dataclass
class Row:
    page_type: str
    lang: str
    url: str
    browser: PageResult
    lighthouse: LighthouseResult | None
    problems: list[str] = field(default_factory=list)


# Lighthouse's audit of a page that asks search engines not to index it. The translation rules
# ask it of a page shown in a language it is not written in (a pending translation), so that
# search engines list the page under its own language only; there it is the intended state.
NOT_CRAWLABLE = "is-crawlable"


def judge(
    row: Row,
    page_type: PageType,
    budgets: Budgets,
    lang: str,
    paths: dict[str, str],
    web_families: frozenset[str] = frozenset(),
) -> list[str]:
    """Every broken budget of one audited page, as sentences. `paths` maps each language to
    the address of this page in it, where the language switcher must lead; `web_families` are
    the site's web fonts that draw the language's letters (see `page_script`)."""
    b = row.browser
    problems: list[str] = []
    kb = b.transfer_bytes / 1024
    if kb > page_type.max_kb:
        problems.append(f"weight {kb:.0f} KB > budget {page_type.max_kb:.0f} KB")
    if b.status != page_type.status:
        problems.append(f"HTTP status {b.status}, expected {page_type.status}")
    if b.outside:
        problems.append(f"third-party requests: {', '.join(b.outside[:3])}")
    if b.axe:
        problems.append("axe: " + ", ".join(f"{v['id']} ({v['nodes']})" for v in b.axe))
    if not is_language(b.html_lang, lang):
        problems.append(f'<html lang="{b.html_lang}">, expected "{lang}"')
    problems.extend(font_problems(b.script_fonts, lang, web_families))
    if b.horizontal_overflow > 0:
        problems.append(f"horizontal scroll of {b.horizontal_overflow}px at 390px width")
    if b.csp_violations:
        problems.append(f"Content-Security-Policy violations: {b.csp_violations[:2]}")
    if b.console_errors and page_type.status == 200:
        problems.append(f"console errors: {b.console_errors[:2]}")
    if page_type.search and not b.search_results:
        problems.append("search found nothing")
    if not b.menu_reached:
        problems.append("the menu at 390px shows no link a visitor can tap to another page")
    problems.extend(switcher_problems(b.switched_to, paths, page_type.status == 200))
    if row.lighthouse:
        for category, minimum in budgets.min_scores.items():
            score = row.lighthouse.scores.get(category, 0)
            failing_audits = row.lighthouse.failing.get(category, [])
            if b.noindex and failing_audits == [NOT_CRAWLABLE]:
                continue  # kept out of search engines on purpose: shown from another language
            if score < minimum:
                failing = ", ".join(failing_audits[:6])
                problems.append(f"Lighthouse {category} {score:.0f} < {minimum:.0f} ({failing})")
    return problems


def switcher_problems(
    switched: dict[str, dict[str, Any]], paths: dict[str, str], same_page: bool
) -> list[str]:
    """The language menu must offer every language and lead to a page in it that exists (for
    a page that exists, the same page)."""
    problems = []
    for code, path in paths.items():
        target = switched.get(code)
        if target is None:
            problems.append(f"the language menu has no link to '{code}'")
        elif target["status"] != 200 or not is_language(target["lang"], code):
            problems.append(
                f"the '{code}' link leads to {target['path']} "
                f"(HTTP {target['status']}, lang '{target['lang']}')"
            )
        elif same_page and target["path"] != path:
            problems.append(f"the '{code}' link leads to {target['path']}, not {path}")
    return problems


def page_script(lang: str) -> str | None:
    """The script a language is written in when it is not Latin ('km' → 'Khmr', 'zh' →
    'Hani'), from CLDR; the audit checks which fonts draw it."""
    script = expected_script(lang)
    return None if script == "Latn" else script


def web_font_families(project: Project, lang: str) -> frozenset[str]:
    """Families of the site's @font-face rules that draw the language's letters: its text must
    be drawn with one of them. None for a language left to the visitor's fonts (Chinese)."""
    families: set[str] = set()
    for css in project.raw.get("extra_css") or []:
        path = project.docs_dir / str(css)
        if not path.is_file():
            path = project.root / str(css)
        if path.is_file():
            families.update(f.family for f in faces_for(path.read_text(encoding="utf-8"), lang))
    return frozenset(families)


def font_problems(fonts: list[str], lang: str, web_families: frozenset[str]) -> list[str]:
    script = page_script(lang)
    if script is None:
        return []
    name = script_name(script)
    if not fonts:
        return [f"no {name} text found on a '{lang}' page"]
    if web_families and not any(f in web_families for f in fonts):
        return [f"{name} text drawn with {fonts}, not the site's face ({', '.join(web_families)})"]
    return []


def chromium_path() -> str | None:
    return shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )


def missing_tools(root: Path, axe_js: Path, *, lighthouse: bool) -> list[tuple[str, str]]:
    """What the audit needs and the machine lacks, each with the command that installs it."""
    missing = []
    if chromium_path() is None:
        missing.append(("Chromium", "scripts/system-deps.sh test"))
    if not axe_js.is_file():
        missing.append(("axe-core (npm)", "make audit"))
    if lighthouse and not (root / "node_modules" / ".bin" / "lighthouse").exists():
        missing.append(("Lighthouse (npm)", "make audit"))
    return missing


def audit_site(
    project: Project,
    site: Path,
    budgets: Budgets,
    axe_js: Path,
    lighthouse: bool = True,
    only: set[str] | None = None,
    chromium: str | None = None,
    browser: Any = None,
) -> list[Row]:
    """Audit with `browser` (a Playwright browser) or a Chromium launched for the purpose."""
    chromium = chromium or chromium_path() or "/usr/bin/chromium"
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            own = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                return audit_site(project, site, budgets, axe_js, lighthouse, only, chromium, own)
            finally:
                own.close()
    server = SiteServer(site).start()
    rows: list[Row] = []
    host = HostSpeed()
    min_performance = budgets.min_scores.get("performance", 0)
    try:
        for page_type in budgets.page_types:
            if only and page_type.name not in only:
                continue
            urls = {
                lang.code: server.url(lang.url_prefix + page_type.path)
                for lang in project.languages
            }
            paths = {code: urlsplit(url).path for code, url in urls.items()}
            for lang in project.languages:
                url = urls[lang.code]
                query = page_type.search.get(lang.code) if page_type.search else None
                result = audit_page(
                    browser, url, server.origin, axe_js, query, script=page_script(lang.code)
                )
                # Lighthouse refuses to score a document answered with an error status.
                wanted = lighthouse and page_type.status == 200
                lh = (
                    run_lighthouse(
                        project.root,
                        url,
                        chromium,
                        budgets.runs,
                        max_runs=budgets.max_runs,
                        good_enough=lambda r: performance(r) >= min_performance,
                        host=host,
                    )
                    if wanted
                    else None
                )
                row = Row(page_type.name, lang.code, url, result, lh)
                families = web_font_families(project, lang.code)
                row.problems = judge(row, page_type, budgets, lang.code, paths, families)
                rows.append(row)
    finally:
        server.stop()
    return rows


def write_reports(rows: list[Row], out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    lines = [
        "| page | lang | KB | perf: best (median; runs) CPU× | a11y | best | SEO | axe | result |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        s: dict[str, Any] = row.lighthouse.scores if row.lighthouse else {}
        perf = str(s.get("performance", "–"))
        if row.lighthouse and len(row.lighthouse.performance_runs) > 1:
            runs = ", ".join(f"{p:.0f}" for p in row.lighthouse.performance_runs)
            perf += f" ({row.lighthouse.median_performance:.0f}; {runs})"
        if row.lighthouse and row.lighthouse.cpu_slowdown:
            perf += f" CPU ×{row.lighthouse.cpu_slowdown:g}"
        lines.append(
            f"| {row.page_type} | {row.lang} | {row.browser.transfer_bytes / 1024:.0f} | "
            f"{perf} | {s.get('accessibility', '–')} | "
            f"{s.get('best-practices', '–')} | {s.get('seo', '–')} | {len(row.browser.axe)} | "
            + ("ok" if not row.problems else "; ".join(row.problems))
            + " |"
        )
    (out_dir / "audit.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    payload = [
        {
            "page_type": r.page_type,
            "lang": r.lang,
            "url": r.url,
            "browser": asdict(r.browser),
            "lighthouse": asdict(r.lighthouse) if r.lighthouse else None,
            "problems": r.problems,
        }
        for r in rows
    ]
    (out_dir / "audit.json").write_text(
        json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8"
    )

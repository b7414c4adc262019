"""Build benchmark: the project's full pipeline beside the stock stack, in one run.

    .venv/bin/python bench/build.py [--pages 101] [--skip-real]

For the real site and for a synthetic site in every language (`--pages` per language), it builds:
- stock: MkDocs + Material + static-i18n + search only (with the project's Khmer UI partial,
  without which stock Material cannot build Khmer at all), on the same Markdown;
- ours: `tnsite build` (every plugin) followed by `tnsite check` (every check).
Each is built cold (first build), then warm (second build) `--runs` times, stock and ours
taking turns; the first build and the median second build are printed with their ratio.
A third row builds ours from cold again except for the printed publications and the social
cards (their caches kept, everything else removed): the first build of the pages and checks,
beside stock, which makes neither PDFs nor cards.
Timings are wall-clock on a shared machine: compare the columns of one run, not runs.

Then both builds of the real site are served as GitHub Pages serves them (gzip) and each page
type of audit.yml is loaded in every language in headless Chromium at 390 px: the bytes of a
first visit, fonts included, stock beside ours.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.synthetic import make_synthetic_site  # noqa: E402

BIN = Path(sys.executable).parent
ENV_NOTE = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def stock_config(text: str) -> str:
    """The project's mkdocs.yml reduced to the stock stack: no project plugin, no project
    slug function, only the Khmer UI partial from the project's theme overrides."""
    text = re.sub(r"^(\s+)- tnsite/\S+\n(?:\1\s+\S.*\n)*", "", text, flags=re.M)
    text = re.sub(r"^\s+slugify: !!python/name:\S+\n", "", text, flags=re.M)
    text = re.sub(r"^extra_css:\n(?:\s+- .*\n)+", "", text, flags=re.M)
    return re.sub(r"^\s+(favicon|logo): .*\n", "", text, flags=re.M)


def make_stock(src: Path, dest: Path) -> None:
    shutil.copytree(src / "docs", dest / "docs")
    partial = ROOT / "overrides" / "partials" / "languages"
    shutil.copytree(partial, dest / "overrides" / "partials" / "languages")
    (dest / "mkdocs.yml").write_text(
        stock_config((src / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8"
    )


def make_ours_real(dest: Path) -> None:
    for name in ("docs", "data", "assets", "overrides", "i18n"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, dest / name)
    for name in ("mkdocs.yml", "publications.yml"):
        shutil.copy(ROOT / name, dest / name)
    # The pinned npm tools, linked: the build copies the web editor's bundle from them.
    (dest / "node_modules").symlink_to(ROOT / "node_modules")


def add_real_content(site: Path) -> None:
    """The real pages beside the synthetic ones, so the data layer's page references hold and
    the pipeline renders real directives, charts and maps, not only synthetic prose."""
    for lang_dir in (ROOT / "docs").iterdir():
        for page in lang_dir.rglob("*.md"):
            rel = page.relative_to(lang_dir)
            if rel.as_posix() == "index.md":
                continue
            target = site / "docs" / lang_dir.name / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(page, target)
    for name in ("i18n",):
        shutil.copytree(ROOT / name, site / name, dirs_exist_ok=True)


def run(cmd: list[str], cwd: Path, ok: tuple[int, ...] = (0,)) -> float:
    """Wall-clock seconds of one command; `check` may exit 1 (findings) and still count."""
    start = time.perf_counter()
    proc = subprocess.run(
        cmd, cwd=cwd, capture_output=True, text=True, env={**os.environ, **ENV_NOTE}, check=False
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1) or (proc.returncode == 1 and "build" in cmd[-1]):
        raise SystemExit(
            f"{' '.join(cmd)} failed in {cwd}:\n{proc.stdout[-1500:]}{proc.stderr[-1500:]}"
        )
    return elapsed


def stock_build(site: Path) -> float:
    shutil.rmtree(site / "site", ignore_errors=True)
    elapsed = run([str(BIN / "mkdocs"), "build", "--quiet"], site)
    if not (site / "site" / "km" / "index.html").is_file():
        raise SystemExit(f"the stock build in {site} produced no Khmer site")
    return elapsed


def ours_build(site: Path) -> float:
    build = run([str(BIN / "tnsite"), "--root", str(site), "build"], site)
    check = run([str(BIN / "tnsite"), "--root", str(site), "check"], site, ok=(0, 1))
    return build + check


# Caches of outputs the stock stack does not make (PDFs, social cards and the photos they use).
OUTPUT_CACHES = (".cache/publish", ".cache/images")


def ours_first_build_without_outputs(site: Path) -> float:
    """Ours from cold, except that the PDFs and cards come from their caches."""
    kept = {site / rel for rel in OUTPUT_CACHES}
    for entry in (site / ".cache").iterdir():
        if entry in kept:
            continue
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    shutil.rmtree(site / "site", ignore_errors=True)
    return ours_build(site)


def measure(name: str, ours_dir: Path, stock_dir: Path, runs: int) -> list[str]:
    """First builds once each; second (warm) builds `runs` times, stock and ours taking turns
    so that a busy moment of the machine falls on both, and the median of each shown."""
    stock_cold, ours_cold = stock_build(stock_dir), ours_build(ours_dir)
    stock_runs, ours_runs = [], []
    for _ in range(runs):
        stock_runs.append(stock_build(stock_dir))
        ours_runs.append(ours_build(ours_dir))
    stock_warm, ours_warm = statistics.median(stock_runs), statistics.median(ours_runs)
    stock_first = stock_build(stock_dir)  # stock keeps nothing between builds: any is a first
    ours_first = ours_first_build_without_outputs(ours_dir)
    pages = sum(1 for _ in (ours_dir / "site").rglob("index.html"))
    spread = (
        f" (median of {runs}: stock {min(stock_runs):.1f}–{max(stock_runs):.1f} s, "
        f"ours {min(ours_runs):.1f}–{max(ours_runs):.1f} s)"
        if runs > 1
        else ""
    )
    return [
        f"| {name} ({pages} pages) | stock build | {stock_cold:.1f} s | {stock_warm:.1f} s "
        "| 1.0× |",
        f"| | ours: build + every check | {ours_cold:.1f} s | {ours_warm:.1f} s | "
        f"{ours_cold / stock_cold:.2f}× cold, {ours_warm / stock_warm:.2f}× warm{spread} |",
        f"| | ours, first build with PDFs and cards cached (stock {stock_first:.1f} s) | "
        f"{ours_first:.1f} s | | {ours_first / stock_first:.2f}× |",
    ]


def page_weights(ours: Path, stock: Path) -> list[str]:
    """First-visit transfer (KB) per page type and language, stock beside ours."""
    from playwright.sync_api import sync_playwright

    from tnsite.audit.browser import CHROMIUM_ARGS, audit_page
    from tnsite.audit.budgets import load_budgets
    from tnsite.audit.server import SiteServer
    from tnsite.config import load_project

    project = load_project(ROOT)
    budgets = load_budgets(ROOT / "audit.yml")
    axe = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    rows = [
        "| page type | language | stock | ours | budget |",
        "|---|---|---:|---:|---:|",
    ]
    servers = {name: SiteServer(site).start() for name, site in (("stock", stock), ("ours", ours))}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                args=CHROMIUM_ARGS,
            )
            for page_type in budgets.page_types:
                for lang in project.languages:
                    kb = {}
                    for name, server in servers.items():
                        url = server.url(lang.url_prefix + page_type.path)
                        result = audit_page(browser, url, server.origin, axe, switch_language=False)
                        kb[name] = result.transfer_bytes / 1024
                    rows.append(
                        f"| {page_type.name} | {lang.code} | {kb['stock']:.0f} KB | "
                        f"{kb['ours']:.0f} KB | {page_type.max_kb:.0f} KB |"
                    )
            browser.close()
    finally:
        for server in servers.values():
            server.stop()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=101, help="synthetic pages per language")
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--skip-weights", action="store_true", help="no browser measurements")
    parser.add_argument("--runs", type=int, default=5, help="second builds of each, median shown")
    args = parser.parse_args()
    if not args.skip_weights:
        from tnsite.audit.run import missing_tools

        axe = ROOT / "node_modules" / "axe-core" / "axe.min.js"
        missing = missing_tools(ROOT, axe, lighthouse=False)
        if missing:
            for what, command in missing:
                print(f"error: {what} is not installed: run `{command}`", file=sys.stderr)
            print("(or measure without the browser: --skip-weights)", file=sys.stderr)
            sys.exit(2)
    rows = [
        "| site | pipeline | first build | second build | ratio to stock |",
        "|---|---|---:|---:|---|",
    ]
    weights: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp)
        if not args.skip_real:
            make_ours_real(work / "real-ours")
            make_stock(work / "real-ours", work / "real-stock")
            rows += measure("real site", work / "real-ours", work / "real-stock", args.runs)
            if not args.skip_weights:
                weights = page_weights(work / "real-ours" / "site", work / "real-stock" / "site")
        make_synthetic_site(work / "syn-ours", args.pages, config="project")
        add_real_content(work / "syn-ours")
        make_stock(work / "syn-ours", work / "syn-stock")
        rows += measure("synthetic", work / "syn-ours", work / "syn-stock", args.runs)
    print("\n".join(rows))
    if weights:
        print("\nFirst visit, bytes transferred (gzip, fonts included), real site:\n")
        print("\n".join(weights))


if __name__ == "__main__":
    main()

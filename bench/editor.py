"""Editor benchmark: how long the web editor's views take to open, and what /admin/ weighs.

    .venv/bin/python bench/editor.py [--runs 3]

Starts the editor against a copy of the project (decap-server, as `make edit` does) on a built
site (`make build` first), then in headless Chromium opens each view afresh `--runs` times and
times it from navigation until its content is drawn: the collection list, a translation with
its source beside it, and the dataset forms, whose time grows with their records (every record
of a file is one form). Prints the median and every run, and the bytes the browser transfers to
open /admin/ the first time (gzip, as GitHub Pages serves it) beside a visitor's home page.
Timings are wall-clock on a shared machine: compare the rows of one run, not runs.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.editor.helpers import log_in  # noqa: E402
from tests.helpers.project_copy import copy_project  # noqa: E402
from tnsite.audit.browser import CHROMIUM_ARGS  # noqa: E402
from tnsite.audit.run import chromium_path  # noqa: E402
from tnsite.audit.server import SiteServer  # noqa: E402
from tnsite.config import load_project  # noqa: E402
from tnsite.editor.local import LocalEditor  # noqa: E402

# view → what shows it has been drawn
VIEWS = {
    "collection list (pages-vi)": ("#/collections/pages-vi", "text=Núi Bà Đen"),
    "translation beside its source": (
        "#/collections/pages-km/entries/du-lich/nui-ba-den",
        ".tnsite-translation",
    ),
    "dataset milestones.yml": ("#/collections/data/entries/milestones", "text=/^\\d+ bản ghi/"),
    "dataset key-figures.yml": ("#/collections/data/entries/key-figures", "text=/^\\d+ bản ghi/"),
    "dataset sources.yml": ("#/collections/data/entries/sources", "text=/^\\d+ bản ghi/"),
}


def records(root: Path, name: str) -> str:
    path = root / "data" / f"{name}.yml"
    return str(path.read_text(encoding="utf-8").count("\n  - id:")) if path.is_file() else ""


def first_visit_bytes(browser, url: str) -> int:  # type: ignore[no-untyped-def]
    """Bytes on the wire for a first visit (response bodies as served, gzip included)."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    total = 0

    def finished(event: dict) -> None:  # type: ignore[type-arg]
        nonlocal total
        total += int(event.get("encodedDataLength", 0))

    cdp.on("Network.loadingFinished", finished)
    page.goto(url, wait_until="networkidle")
    context.close()
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    site = ROOT / "site"
    if not (site / "index.html").is_file():
        sys.exit("no built site: run `make build` first")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        root = copy_project(Path(tmp) / "project")
        editor = LocalEditor(load_project(root), site, tools=ROOT, folder="admin-bench")
        editor.start()
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=chromium_path() or "/usr/bin/chromium", args=CHROMIUM_ARGS
                )
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                log_in(page, editor.url)
                print("| view | records | median s | runs (s) |\n|---|---|---|---|")
                for name, (view, drawn) in VIEWS.items():
                    times = []
                    for _ in range(args.runs):
                        page.goto("about:blank")
                        start = time.perf_counter()
                        page.goto(editor.url + view)
                        page.locator(drawn).first.wait_for(timeout=180_000)
                        times.append(time.perf_counter() - start)
                    dataset = name.split()[1].removesuffix(".yml") if "dataset" in name else ""
                    runs = ", ".join(f"{t:.1f}" for t in times)
                    print(
                        f"| {name} | {records(root, dataset)} | "
                        f"{statistics.median(times):.1f} | {runs} |"
                    )
                server = SiteServer(site).start()
                try:
                    admin = first_visit_bytes(browser, editor.url)
                    home = first_visit_bytes(browser, server.url("/"))
                finally:
                    server.stop()
                print(
                    f"\nfirst visit: /admin/ {admin / 1024:.0f} KB, "
                    f"visitor home page {home / 1024:.0f} KB"
                )
                browser.close()
        finally:
            editor.stop()
            shutil.rmtree(site / "admin-bench", ignore_errors=True)


if __name__ == "__main__":
    main()

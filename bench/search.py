"""Benchmark: the site's search beside the stock stack (Material's search with static-i18n's
merged index) on the same docs, in headless Chromium on a throttled mobile profile.

    .venv/bin/python bench/search.py [--repeat 5] [--json reports/bench-search.json]

Builds the project twice into temporary folders: as it is, and with a copy of mkdocs.yml
without `tnsite/search` (everything else equal: theme, Khmer partial, data, other plugins).
Each is served as GitHub Pages would (gzip). For each language home page it measures:

- index bytes: what the browser downloads for search_index.json (over the wire, gzip, with
  headers) and its decoded size;
- ready: search opened as soon as the page has loaded; from navigation start to the search
  being ready (index downloaded, index built);
- keystroke to results: from the key event that completes a query to the first result (or the
  "no match" line) drawn, median and slowest over the language's queries × repeats, and how
  many of the queries found their page.

Mobile profile: 412×823 viewport, touch, Lighthouse's DevTools "Slow 4G" network (562.5 ms
latency, 1,474.56 kbit/s down, 675 kbit/s up) and 4× CPU slowdown, set through the Chrome
DevTools Protocol. The slowdown reaches the search worker too: keystroke-to-results times grow
with the rate (Khmer, this site: about 35, 165 and 460 ms at 1×, 4× and 8×).

The key event is dispatched on the search box after setting its value (Material reads the box
on keyup), the same way on both stacks and for every script; Playwright's own typing sends no
key events for characters outside the US layout, such as Khmer.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import statistics
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
NETWORK = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 1474.56 * 1000 / 8,
    "uploadThroughput": 675 * 1000 / 8,
}
CPU_SLOWDOWN = 4
MOBILE = {
    "viewport": {"width": 412, "height": 823},
    "device_scale_factor": 2.625,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": (
        "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"
    ),
}
# (query, path of the page it should find, from the language root)
QUERIES = {
    "vi": [
        ("toa thanh", "du-lich/toa-thanh-cao-dai/"),
        ("moc bai", "bien-gioi/cua-khau-quoc-te/"),
        ("nui ba den", "du-lich/nui-ba-den/"),
        ("khu cong nghiep", "dau-tu/khu-cong-nghiep/"),
        ("Tòa Thánh", "du-lich/toa-thanh-cao-dai/"),
    ],
    "en": [
        ("cable car", "du-lich/nui-ba-den/"),
        ("industrial parks", "dau-tu/khu-cong-nghiep/"),
        ("investing", "dau-tu/von-fdi/"),
        ("moc bai", "bien-gioi/cua-khau-quoc-te/"),
        ("wildlife", "du-lich/lo-go-xa-mat/"),
    ],
    "km": [
        ("ជនជាតិភាគតិច", "gioi-thieu/con-nguoi/"),  # a word inside a sentence
        ("ប្ដូរប្រាក់", "du-lich/thong-tin-thuc-te/"),  # a word inside a sentence
        ("ភ្នំបាដែន", "du-lich/nui-ba-den/"),  # a place name
        ("វិនិយោគផ្ទាល់ពីបរទេស", "dau-tu/von-fdi/"),  # words typed without spaces
        ("កសិកម្មបច្ចេកវិទ្យាខ្ពស់", "thuong-mai/nong-nghiep-cong-nghe-cao/"),
    ],
    "zh": [
        ("最低工资", "dau-tu/uu-dai-thu-tuc/"),  # a word inside a sentence
        ("海外越南人", "dau-tu/nguoi-viet-nam-o-nuoc-ngoai/"),  # typed without spaces
        ("区域全面经济伙伴关系", "hoi-nhap/hiep-dinh-thuong-mai/"),  # a long name, no spaces
        ("木排口岸", "bien-gioi/cua-khau-quoc-te/"),  # a place name
        ("高科技农业", "thuong-mai/nong-nghiep-cong-nghe-cao/"),
    ],
}

# Runs in the page: time from the completing key event to the first change of the results.
ARM = """() => {
  const box = document.querySelector('input.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  const list = document.querySelector('.md-search-result__list');
  window.__t0 = 0; window.__t1 = 0;
  const seen = () => { if (window.__t0 && !window.__t1) window.__t1 = performance.now(); };
  if (!window.__watch) {
    window.__watch = new MutationObserver(seen);
    window.__watch.observe(meta, {childList: true, characterData: true, subtree: true});
    window.__watch.observe(list, {childList: true});
  }
  return box !== null;
}"""
TYPE = """q => {
  const box = document.querySelector('input.md-search__input');
  box.value = q;
  window.__t0 = performance.now();
  box.dispatchEvent(new KeyboardEvent('keyup', {key: q.slice(-1), bubbles: true}));
}"""
RESULTS = """() => Array.from(document.querySelectorAll('.md-search-result__item > a'))
  .map(a => new URL(a.href).pathname)"""


@dataclass
class LanguageFigures:
    language: str
    index_transfer_bytes: int = 0
    index_decoded_bytes: int = 0
    ready_ms: list[float] = field(default_factory=list)
    keystroke_ms: list[float] = field(default_factory=list)
    found: int = 0
    queries: int = 0


def build(root: Path, dest: Path, without_search: bool) -> Path:
    """Build the project (or a copy of it whose mkdocs.yml lacks tnsite/search) into dest."""
    from tnsite.build import build_site
    from tnsite.config import load_project

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    if not without_search:
        return build_site(load_project(root), dest, strict=False)
    stock = dest.parent / "stock-project"
    stock.mkdir(parents=True)
    for entry in root.iterdir():
        if entry.name in {"mkdocs.yml", "site", ".git", ".venv", "node_modules", ".cache"}:
            continue
        (stock / entry.name).symlink_to(entry)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    stripped = re.sub(r"^  - tnsite/search\n", "", config, flags=re.M)
    if stripped == config:
        raise SystemExit("mkdocs.yml has no `- tnsite/search` line to remove")
    (stock / "mkdocs.yml").write_text(stripped, encoding="utf-8")
    return build_site(load_project(stock), dest, strict=False)


def throttle(session) -> None:  # type: ignore[no-untyped-def]
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", NETWORK)
    session.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})


def measure_language(browser, base: str, lang: str, prefix: str, repeat: int):  # type: ignore[no-untyped-def]
    figures = LanguageFigures(language=lang)
    for run in range(repeat):
        context = browser.new_context(**MOBILE)
        page = context.new_page()
        session = context.new_cdp_session(page)
        throttle(session)
        sizes: dict[str, dict[str, int]] = {}
        urls: dict[str, str] = {}

        def on_response(event, urls=urls):  # type: ignore[no-untyped-def]
            urls[event["requestId"]] = event["response"]["url"]

        def on_finished(event, urls=urls, sizes=sizes):  # type: ignore[no-untyped-def]
            url = urls.get(event["requestId"], "")
            if url.endswith("search_index.json"):
                sizes[url] = {"transfer": int(event["encodedDataLength"])}

        session.on("Network.responseReceived", on_response)
        session.on("Network.loadingFinished", on_finished)
        page.goto(base + prefix, wait_until="load")
        # Open search at once: this site fetches the index when search opens, stock Material
        # on every page load; either way "ready" runs from navigation start.
        page.locator("label[for='__search']").first.dispatch_event("click")
        page.locator("input.md-search__input").focus()
        config = json.loads(page.locator("#__config").text_content() or "{}")
        ready = config["translations"]["search.result.placeholder"]
        page.wait_for_function(
            "text => document.querySelector('.md-search-result__meta').innerText === text",
            arg=ready,
            timeout=120_000,
        )
        figures.ready_ms.append(
            page.evaluate(
                "() => performance.now() - performance.getEntriesByType('navigation')[0].startTime"
            )
        )
        if run == 0:
            for url, size in sizes.items():
                figures.index_transfer_bytes += size["transfer"]
                figures.index_decoded_bytes += len(
                    page.evaluate("u => fetch(u).then(r => r.text())", url).encode("utf-8")
                )
        for query, target in QUERIES[lang]:
            page.evaluate(ARM)
            page.evaluate(TYPE, query)
            page.wait_for_function("() => window.__t1 > 0", timeout=60_000)
            figures.keystroke_ms.append(page.evaluate("() => window.__t1 - window.__t0"))
            if run == 0:
                page.wait_for_timeout(300)
                found = page.evaluate(RESULTS)
                figures.queries += 1
                figures.found += ("/" + prefix + target) in found[:3]
            page.evaluate(
                "() => { const b = document.querySelector('input.md-search__input');"
                " b.value = ''; b.dispatchEvent(new KeyboardEvent('keyup', {key: 'x'})); }"
            )
            page.wait_for_timeout(200)
        context.close()
    return figures


def summary(figures: LanguageFigures) -> dict[str, object]:
    keys = sorted(figures.keystroke_ms)
    queries = QUERIES[figures.language]
    per_query = {
        query: round(statistics.median(figures.keystroke_ms[i :: len(queries)]))
        for i, (query, _) in enumerate(queries)
    }
    return {
        "keystroke_ms_per_query": per_query,
        "index_kb_transfer": round(figures.index_transfer_bytes / 1000, 1),
        "index_kb_decoded": round(figures.index_decoded_bytes / 1000, 1),
        "ready_ms_median": round(statistics.median(figures.ready_ms)),
        "keystroke_ms_median": round(statistics.median(keys)),
        "keystroke_ms_max": round(keys[-1]),
        "found_top3": f"{figures.found}/{figures.queries}",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from tnsite.audit.browser import CHROMIUM_ARGS
    from tnsite.audit.server import SiteServer
    from tnsite.config import load_project

    project = load_project(ROOT)
    report: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
        )
        for name, without in (("stock", True), ("site", False)):
            site = build(ROOT, Path(tmp) / name / "site", without_search=without)
            server = SiteServer(site)
            server.start()
            try:
                for lang in project.languages:
                    figures = measure_language(
                        browser, server.url(""), lang.code, lang.url_prefix, args.repeat
                    )
                    report.setdefault(name, {})[lang.code] = {
                        **summary(figures),
                        "raw": asdict(figures),
                    }
            finally:
                server.stop()
        browser.close()

    print(
        "| language | stack | index downloaded (gzip) | index decoded | search ready after load "
        "| keystroke → results, median (slowest) | expected page in top 3 |"
    )
    print("|---|---|---|---|---|---|---|")
    for lang in project.languages:
        for name, label in (("stock", "stock"), ("site", "this site")):
            row = report[name][lang.code]
            print(
                f"| {lang.code} | {label} | {row['index_kb_transfer']} kB | "
                f"{row['index_kb_decoded']} kB | {row['ready_ms_median']} ms | "
                f"{row['keystroke_ms_median']} ms ({row['keystroke_ms_max']} ms) | "
                f"{row['found_top3']} |"
            )
    print("\nkeystroke → results per query, median ms (stock / this site):")
    for lang in project.languages:
        stock = report["stock"][lang.code]["keystroke_ms_per_query"]
        ours = report["site"][lang.code]["keystroke_ms_per_query"]
        print(f"  {lang.code}: " + ", ".join(f"{q} {stock[q]}/{ours[q]}" for q in stock))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

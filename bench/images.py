"""Image pipeline benchmark: home-page image bytes before and after, and build times with the
content-hash cache.

    .venv/bin/python bench/images.py [--pages 40] [--photos 4] [--real]

A synthetic trilingual site with the project's real mkdocs.yml (every plugin) gets `--photos`
phone-camera photos (4032×3024 JPEG, quality 92, with GPS EXIF) on its home page: the first
as the hero, the others below the fold. It is built cold (empty cache) and again (warm), and
the home page is loaded in headless Chromium as a phone (390×844 CSS px at 3× density) and as
a desktop (1366×768 at 1×), counting the image bytes the browser fetched on load and after
scrolling to the end (lazy images). "Before" is what the same page weighs with the photos
published as dropped in. `--real` also times two builds of the real site, when it builds.
"""

from __future__ import annotations

import argparse
import logging
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.synthetic import make_synthetic_site  # noqa: E402
from tests.images.makers import jpeg_with_gps  # noqa: E402
from tnsite.audit.browser import CHROMIUM_ARGS  # noqa: E402
from tnsite.build import build_site  # noqa: E402
from tnsite.config import _load, load_project  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
SUMMARY = "mkdocs.plugins.tnsite.images.summary"
VIEWS = {"phone 390 px @3x": (390, 844, 3), "desktop 1366 px @1x": (1366, 768, 1)}


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.getMessage().startswith("images: warning"):
            self.lines.append(record.getMessage())


def add_photos(root: Path, count: int, codes: tuple[str, ...]) -> int:
    """Camera photos on every home page; returns their total size in bytes."""
    photos = root / "assets" / "photos"
    entries, total = [], 0
    for number in range(1, count + 1):
        path = jpeg_with_gps(photos / f"camera-{number}.jpg", 4032, 3024)
        total += path.stat().st_size
        alt = "\n".join(f"    {code}: Photo {number}" for code in codes)
        entries.append(
            f"camera-{number}.jpg:\n  alt:\n{alt}\n  credit: Bench\n  licence: CC0\n"
            "  source: own photo\n"
        )
    (photos / "manifest.yml").write_text("".join(entries), encoding="utf-8")
    for code in codes:
        home = root / "docs" / code / "index.md"
        text = home.read_text(encoding="utf-8")
        head, sep, body = text.partition("\n# ")
        title, _, rest = body.partition("\n")
        hero = "\n\n{{ photo camera-1 hero }}\n"
        below = "".join(f"\n{{{{ photo camera-{n} }}}}\n" for n in range(2, count + 1))
        rest = re.sub(r"(\n## [^\n]+\n)", lambda m, extra=below: m.group(1) + extra, rest, count=1)
        home.write_text(head + sep + title + hero + rest, encoding="utf-8")
    return total


def timed_build(root: Path) -> tuple[float, str]:
    _load.cache_clear()
    project = load_project(root)
    capture = _Capture()
    logger = logging.getLogger(SUMMARY)
    logger.addHandler(capture)
    try:
        start = time.perf_counter()
        build_site(project, strict=False)
        return time.perf_counter() - start, " / ".join(capture.lines)
    finally:
        logger.removeHandler(capture)


def image_bytes(site: Path) -> dict[str, tuple[int, int]]:
    """Image bytes fetched by the home page per view: on load, and after scrolling to the end."""
    from playwright.sync_api import sync_playwright

    from tnsite.audit.server import SiteServer

    script = """() => performance.getEntriesByType('resource')
        .filter(e => /\\.(webp|jpe?g|png|svg|gif)$/.test(new URL(e.name).pathname))
        .reduce((sum, e) => sum + e.encodedBodySize, 0)"""
    out = {}
    server = SiteServer(site).start()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, (width, height, dpr) in VIEWS.items():
                context = browser.new_context(
                    viewport={"width": width, "height": height}, device_scale_factor=dpr
                )
                page = context.new_page()
                page.goto(server.url("/"), wait_until="networkidle")
                on_load = page.evaluate(script)
                for _ in range(40):
                    page.mouse.wheel(0, height)
                    page.wait_for_timeout(50)
                page.wait_for_load_state("networkidle")
                out[name] = (on_load, page.evaluate(script))
                context.close()
            browser.close()
    finally:
        server.stop()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40, help="synthetic pages per language")
    parser.add_argument("--photos", type=int, default=4)
    parser.add_argument("--real", action="store_true", help="also time the real site")
    args = parser.parse_args()
    codes = load_project(ROOT).codes
    with tempfile.TemporaryDirectory(prefix="bench-images-") as tmp:
        site = make_synthetic_site(Path(tmp) / "syn", args.pages, config="project")
        before = add_photos(site.root, args.photos, codes)
        cold, cold_log = timed_build(site.root)
        warm, warm_log = timed_build(site.root)
        weights = image_bytes(site.root / "site")
        print(
            f"synthetic site: {site.page_count} pages, {args.photos} camera photos on the home page"
        )
        print("| build | time | images plugin |\n|---|---:|---|")
        print(f"| first (empty cache) | {cold:.1f} s | {cold_log} |")
        print(f"| second (cache) | {warm:.1f} s | {warm_log} |")
        print("\n| home page images | on load | after scrolling to the end |\n|---|---:|---:|")
        print(
            f"| before (photos as dropped in) | {before / 1024:,.0f} KB | {before / 1024:,.0f} KB |"
        )
        for name, (on_load, scrolled) in weights.items():
            print(f"| after, {name} | {on_load / 1024:,.0f} KB | {scrolled / 1024:,.0f} KB |")
        if args.real:
            real = Path(tmp) / "real"
            for name in ("docs", "data", "assets", "overrides", "i18n"):
                if (ROOT / name).is_dir():
                    shutil.copytree(ROOT / name, real / name)
            shutil.copy(ROOT / "mkdocs.yml", real / "mkdocs.yml")
            try:
                first, first_log = timed_build(real)
                second, second_log = timed_build(real)
            except Exception as exc:
                print(f"\nreal site: does not build yet ({type(exc).__name__}: {exc})"[:400])
            else:
                pages = sum(1 for _ in (real / "site").rglob("index.html"))
                print(f"\nreal site ({pages} pages): first build {first:.1f} s ({first_log})")
                print(f"real site: second build {second:.1f} s ({second_log})")


if __name__ == "__main__":
    main()

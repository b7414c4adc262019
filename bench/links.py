"""Benchmark: the project's link checker beside LinkChecker (PyPI) and hyperlink (npm) on the
same built synthetic trilingual site.

    .venv/bin/python bench/links.py [--pages-per-language 101] [--linkchecker-anchors]

Builds the site once (bench/synthetic.py), then runs each tool on it as a separate process and
prints wall time, peak memory of the tool's process tree and the ratios to the project's
checker. Every tool checks internal links, anchors (LinkChecker only with
--linkchecker-anchors: its AnchorCheck makes it many times slower) and assets; none goes to the
network.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.peers import Run, available, run_hyperlink, run_linkchecker, run_ours  # noqa: E402
from bench.synthetic import make_synthetic_site  # noqa: E402


def build(root: Path) -> float:
    from tnsite.build import build_site
    from tnsite.config import load_project

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    project = load_project(root)
    start = time.perf_counter()
    build_site(project, project.site_dir, strict=False)
    return time.perf_counter() - start


def in_process(root: Path, repeat: int) -> float:
    """The check alone, without interpreter start-up: what `tnsite check` spends on links."""
    from tnsite.config import load_project
    from tnsite.links.checks import check_links

    project = load_project(root)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        check_links(project)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def mib(size: int) -> str:
    return f"{size / 2**20:,.0f} MiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages-per-language", type=int, default=101)
    parser.add_argument("--repeat", type=int, default=5, help="runs of our checker (median)")
    parser.add_argument("--linkchecker-anchors", action="store_true")
    parser.add_argument("--skip-peers", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-links-") as tmp:
        root = Path(tmp) / "site-project"
        synthetic = make_synthetic_site(root, args.pages_per_language)
        seconds = build(root)
        site = root / "site"
        pages = sum(1 for _ in site.rglob("*.html"))
        print(
            f"synthetic site: {synthetic.page_count} Markdown pages in "
            f"{len(synthetic.languages)} languages, {pages} HTML files, built in {seconds:.1f} s"
        )
        check_seconds = in_process(root, args.repeat)
        runs: list[Run] = [run_ours(root, site) for _ in range(args.repeat)]
        runs.sort(key=lambda r: r.seconds)
        ours = runs[len(runs) // 2]
        ours.tool = "tnsite check-links"
        results = [ours]
        if not args.skip_peers:
            found = available()
            if found["LinkChecker"]:
                results.append(run_linkchecker(site, anchors=args.linkchecker_anchors))
            else:
                print("LinkChecker not installed: skipped (pip install -r requirements.txt)")
            if found["hyperlink"]:
                results.append(run_hyperlink(site, "https://tayninh.github.io/"))
            else:
                print("hyperlink not installed: skipped (npm ci)")

    print(f"\nlinks + anchors + assets, all languages ({pages} pages):")
    print(f"  in-process check (median of {args.repeat}): {check_seconds:.3f} s")
    header = f"  {'tool':<26}{'time':>10}{'peak memory':>14}{'time ×':>9}{'memory ×':>10}"
    print(header)
    print("  " + "-" * (len(header) - 2))
    for run in results:
        print(
            f"  {run.tool:<26}{run.seconds:>9.2f}s{mib(run.peak_rss):>14}"
            f"{run.seconds / ours.seconds:>8.1f}×{run.peak_rss / ours.peak_rss:>9.1f}×"
        )
    print("\n  (× = the tool's figure divided by tnsite's; tnsite time is the whole command,")
    print("   interpreter start-up and the hreflang/sitemap checks included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

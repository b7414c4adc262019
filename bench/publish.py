"""Publications benchmark: what printing the PDFs adds to a build of the real site.

    .venv/bin/python bench/publish.py

Two copies of the real project are built with `tnsite build`, each twice (first build with
empty caches, second build with the caches of the first): one as it is, one with
`tnsite/publish` removed from mkdocs.yml (the site alone). Printed: the four times, the cost of
the publications in each build, and the size and page count of every PDF. Timings are
wall-clock on a shared machine: compare the columns of one run, not runs.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.build import BIN, make_ours_real, run  # noqa: E402


def without_publications(site: Path) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"^\s+- tnsite/publish\b.*\n(?:\s{6,}\S.*\n)*", "", text, flags=re.M)
    config.write_text(text, encoding="utf-8")


def build(site: Path) -> float:
    return run([str(BIN / "tnsite"), "--root", str(site), "build"], site)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-publish-") as tmp:
        work = Path(tmp)
        alone, ours = work / "alone", work / "with"
        make_ours_real(alone)
        make_ours_real(ours)
        without_publications(alone)
        times = {
            "alone": (build(alone), build(alone)),
            "with": (build(ours), build(ours)),
        }
        pdfs = sorted((ours / "site").rglob("publications/*.pdf"))
        if len(pdfs) < 2 or (alone / "site" / "publications").exists():
            raise SystemExit("the two builds did not differ by their publications")
        (a1, a2), (w1, w2) = times["alone"], times["with"]
        print("| build of the real site | first build | second build |")
        print("|---|---:|---:|")
        print(f"| site alone (no tnsite/publish) | {a1:.1f} s | {a2:.1f} s |")
        print(f"| site with {len(pdfs)} publications | {w1:.1f} s | {w2:.1f} s |")
        print(f"| cost of the publications | +{w1 - a1:.1f} s | +{w2 - a2:.1f} s |")
        print()
        print("| publication | pages | size |")
        print("|---|---:|---:|")
        for pdf in pdfs:
            rel = pdf.relative_to(ours / "site").as_posix()
            pages = len(PdfReader(pdf).pages)
            print(f"| {rel} | {pages} | {pdf.stat().st_size / 1000:,.0f} KB |")


if __name__ == "__main__":
    main()

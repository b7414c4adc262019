"""Benchmark: `tnsite move` and `tnsite delete` on a copy of the real site and on the synthetic
trilingual site, beside one strict build of the same site (what each round of "fix a link by
hand, rebuild, read the next error" costs an editor without the commands).

    .venv/bin/python bench/relocate.py [--pages-per-language 101] [--runs 5]

Each move is planned and applied, then moved back, `--runs` times; a deletion is planned only
(`--force`, every link turned into text), since applying it would leave nothing to delete again.
Prints medians, the number of links and files each command changes, and the build's time.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.synthetic import make_synthetic_site  # noqa: E402


def copy_real(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in ("docs", "data", "assets", "overrides", "i18n"):
        shutil.copytree(ROOT / name, dest / name)
    for name in ("mkdocs.yml", "audit.yml"):
        shutil.copy(ROOT / name, dest / name)
    return dest


def measure(root: Path, page: str, new_page: str, runs: int) -> list[str]:
    from tnsite.build import build_site
    from tnsite.config import _load, load_project
    from tnsite.i18n.relocate import apply_plan, plan_delete, plan_move

    _load.cache_clear()
    project = load_project(root)
    moves: list[float] = []
    links = files = 0
    for _ in range(runs):
        for a, b in ((page, new_page), (new_page, page)):
            _load.cache_clear()
            project = load_project(root)
            start = time.perf_counter()
            plan = plan_move(project, a, b)
            apply_plan(plan, project.docs_dir)
            moves.append(time.perf_counter() - start)
            links = sum(note.text.en.startswith("link ") for note in plan.notes)
            files = len(plan.changed_files())
    _load.cache_clear()
    project = load_project(root)
    deletes: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        plan = plan_delete(project, page, force=True)
        deletes.append(time.perf_counter() - start)
    unlinked = sum(note.text.en.startswith("link to ") for note in plan.notes)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    start = time.perf_counter()
    build_site(project, root / "site-bench", strict=False)
    built = time.perf_counter() - start
    pages = sum(1 for _ in project.docs_dir.rglob("*.md"))
    return [
        f"| {root.name} ({pages} pages) | move {page}: {statistics.median(moves):.2f} s "
        f"({links} links, {files} files) | delete --force planned: "
        f"{statistics.median(deletes):.2f} s ({unlinked} links) | {built:.1f} s |"
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages-per-language", type=int, default=101)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rows = ["| site | move (plan + apply), median | delete (plan), median | one build |"]
    rows.append("|---|---|---|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        real = copy_real(Path(tmp) / "real")
        rows += measure(real, "du-lich/le-hoi.md", "van-hoa/le-hoi.md", args.runs)
        synthetic = make_synthetic_site(Path(tmp) / "synthetic", args.pages_per_language)
        rows += measure(synthetic.root, "sec-01/page-01.md", "sec-02/page-99.md", args.runs)
    print("\n".join(rows))


if __name__ == "__main__":
    main()

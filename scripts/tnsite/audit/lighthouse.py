"""Lighthouse 12.2.3 (npm) on a page, mobile preset, with the Debian Chromium.

One Lighthouse run is one sample of a noisy measurement: on a shared machine the performance
score of the same page moves between 85 and 99 from run to run, because other work takes the
CPU that Lighthouse's throttled timings are measured on. That noise only ever lowers a score,
so a page is run several times and judged by its least disturbed run (the rule `timeit`
applies to timings); a change that really slows a page lowers every run, the best included.
The median and every run are kept for the report.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tnsite.audit.browser import CHROMIUM_ARGS


@dataclass
class LighthouseResult:
    scores: dict[str, float]
    failing: dict[str, list[str]] = field(default_factory=dict)  # category → failing audits
    total_bytes: float = 0.0
    performance_runs: list[float] = field(default_factory=list)  # every run's score, sorted

    @property
    def median_performance(self) -> float:
        runs = self.performance_runs or [self.scores.get("performance", 0)]
        return runs[len(runs) // 2]


def run_lighthouse(root: Path, url: str, chromium: str, runs: int = 1) -> LighthouseResult:
    """The least disturbed (best performance) of `runs` Lighthouse runs, with every run's
    performance score."""
    results = sorted(
        (_run_once(root, url, chromium) for _ in range(max(1, runs))),
        key=lambda r: r.scores.get("performance", 0),
    )
    best = results[-1]
    best.performance_runs = [r.scores.get("performance", 0) for r in results]
    return best


def _run_once(root: Path, url: str, chromium: str) -> LighthouseResult:
    binary = root / "node_modules" / ".bin" / "lighthouse"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "lh.json"
        flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
        proc = subprocess.run(
            [
                str(binary),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                f"--chrome-flags={flags}",
            ],
            env={**os.environ, "CHROME_PATH": chromium},
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )
        if not out.is_file():
            raise RuntimeError(f"lighthouse failed on {url}: {proc.stderr[-800:]}")
        data = json.loads(out.read_text(encoding="utf-8"))
    return parse_report(data)


def parse_report(data: dict) -> LighthouseResult:
    """Scores per category and, per category, the audits that pull it down."""
    audits = data["audits"]
    scores = {k: round((v.get("score") or 0) * 100) for k, v in data["categories"].items()}
    failing = {
        category: sorted(
            ref["id"]
            for ref in cat.get("auditRefs", [])
            if ref.get("weight", 0) > 0
            and audits.get(ref["id"], {}).get("score") is not None
            and audits[ref["id"]]["score"] < 0.9
        )
        for category, cat in data["categories"].items()
    }
    weight = audits.get("total-byte-weight", {}).get("numericValue", 0.0)
    return LighthouseResult(scores, failing, weight)

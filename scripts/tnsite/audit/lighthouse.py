"""Lighthouse 12.2.3 (npm) on a page, mobile preset, with the Debian Chromium."""

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
    failing: list[str] = field(default_factory=list)
    total_bytes: float = 0.0


def run_lighthouse(root: Path, url: str, chromium: str) -> LighthouseResult:
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
    scores = {k: round((v.get("score") or 0) * 100) for k, v in data["categories"].items()}
    failing = sorted(
        audit_id
        for audit_id, audit in data["audits"].items()
        if audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
        and audit.get("score") is not None
        and audit["score"] < 0.9
    )
    weight = data["audits"].get("total-byte-weight", {}).get("numericValue", 0.0)
    return LighthouseResult(scores, failing, weight)

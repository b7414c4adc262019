"""The way off the frozen stack: ProperDocs, a drop-in fork of MkDocs 1.6.1, builds the real
site from the same mkdocs.yml, and the result differs from the MkDocs build only in the
generator line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_site(built_site: Path, tmp_path: Path) -> None:
    properdocs = Path(sys.executable).with_name("properdocs")
    out = tmp_path / "properdocs-site"
    run = subprocess.run(
        [str(properdocs), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "ProperDocs" in (out / "index.html").read_text(encoding="utf-8")
    ours = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert ours == theirs
    different = [
        rel
        for rel in ours
        if GENERATOR.sub(b"", (built_site / rel).read_bytes())
        != GENERATOR.sub(b"", (out / rel).read_bytes())
    ]
    assert different == []

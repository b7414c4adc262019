"""Builds in separate processes, as an editor runs them (`make build`, edit, `make check`): the
results the first one kept on disk never hide what the edit changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.project_copy import copy_project

TNSITE = Path(sys.executable).with_name("tnsite")


def tnsite(
    root: Path, command: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    quiet = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.run(
        [str(TNSITE), "--root", str(root), command],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **quiet, **(env or {})},
    )


def test_an_edit_after_a_build_in_another_process_is_seen(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    first = tnsite(root, "build")
    assert first.returncode == 0, first.stdout + first.stderr
    assert sorted(p.name for p in (root / ".cache" / "memo").glob("*.pickle"))
    page = (root / "site" / "gioi-thieu" / "index.html").read_text(encoding="utf-8")
    assert '<data value="8500">' in page

    # A figure edited in data/, and a page with translations deleted by hand.
    figures = root / "data" / "key-figures.yml"
    text = figures.read_text(encoding="utf-8")
    assert "  - id: area\n" in text and "    value: 8500\n" in text
    figures.write_text(text.replace("    value: 8500\n", "    value: 8600\n", 1), "utf-8")
    rebuilt = tnsite(root, "build")
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    page = (root / "site" / "gioi-thieu" / "index.html").read_text(encoding="utf-8")
    assert '<data value="8600">' in page and '<data value="8500">' not in page

    (root / "docs" / "vi" / "du-lich" / "le-hoi.md").unlink()
    checked = tnsite(root, "check")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    report = json.loads((root / "reports" / "check.json").read_text(encoding="utf-8"))
    errors = [f for f in report if f["severity"] == "error"]
    assert [f["rule"] for f in errors] == ["missing-page"], checked.stdout
    assert "du-lich/le-hoi.md" in errors[0]["message"]

    # Asked again with nothing changed: that refused build's findings, and no claim that
    # site/ matches the sources (it was left as it was before the deletion).
    again = tnsite(root, "check")
    assert again.returncode == 1
    assert "was refused" in again.stderr and "up to date" not in again.stderr
    assert "missing-page" in again.stdout


def test_a_later_day_is_judged_afresh_with_no_file_changed(tmp_path: Path) -> None:
    """Figures and pending translations expire overnight: `check` on a later day neither
    reuses the build's findings nor the kept findings of the source checks."""
    root = copy_project(tmp_path / "p")
    day = {"SOURCE_DATE_EPOCH": "1780272000"}  # 2026-06-01
    first = tnsite(root, "build", day)
    assert first.returncode == 0, first.stdout + first.stderr
    again = tnsite(root, "check", day)
    assert "up to date" in again.stderr  # same sources, same day: the build's findings
    report = root / "reports" / "check.json"
    before = [f["rule"] for f in json.loads(report.read_text(encoding="utf-8"))]

    later = tnsite(root, "check", {"SOURCE_DATE_EPOCH": "1938038400"})  # 2031-06-01
    assert "up to date" not in later.stderr
    after = [f["rule"] for f in json.loads(report.read_text(encoding="utf-8"))]
    assert after.count("stale-figure") > before.count("stale-figure")

"""Without its browser or its npm tools, the audit says what to install: no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tnsite.audit import run
from tnsite.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_the_audit_without_chromium_names_the_command(
    monkeypatch: pytest.MonkeyPatch, built_site: Path
) -> None:
    monkeypatch.setattr(run, "chromium_path", lambda: None)
    result = CliRunner().invoke(
        main, ["--root", str(ROOT), "audit", "--site", str(built_site), "--no-lighthouse"]
    )
    assert result.exit_code == 2
    assert "Chromium is not installed: run `scripts/system-deps.sh test`" in result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


def test_missing_npm_tools_are_named(tmp_path: Path) -> None:
    missing = run.missing_tools(tmp_path, tmp_path / "axe.min.js", lighthouse=True)
    assert ("axe-core (npm)", "make audit") in missing
    assert ("Lighthouse (npm)", "make audit") in missing

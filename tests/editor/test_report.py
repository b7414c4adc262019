"""The pull-request reporter fed a failing check: Vietnamese annotations on the lines the findings
name, and one job summary listing what to fix with links into the web editor."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.editor.helpers import tnsite
from tests.helpers.project_copy import copy_project
from tnsite.cli import main


def test_a_failing_check_becomes_vietnamese_annotations_and_a_summary(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    page = root / "docs/km/du-lich/nui-ba-den.md"
    text = page.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    described = next(i for i, line in enumerate(lines) if line.startswith("description:"))
    del lines[described]
    page.write_text("".join(lines), encoding="utf-8")
    figures = root / "data/key-figures.yml"
    figures.write_text(
        figures.read_text(encoding="utf-8").replace("    value: 8500\n", "    value: tám nghìn\n"),
        encoding="utf-8",
    )

    checked = tnsite(root, "check", "--source-only")
    assert checked.returncode == 1
    report = json.loads((root / "reports/check.json").read_text(encoding="utf-8"))
    errors = [f for f in report if f["severity"] == "error"]
    assert {f["path"] for f in errors} == {"docs/km/du-lich/nui-ba-den.md", "data/key-figures.yml"}

    summary = tmp_path / "summary.md"
    result = CliRunner().invoke(main, ["--root", str(root), "report-pr", "--summary", str(summary)])
    assert result.exit_code == 1
    annotations = [line for line in result.output.splitlines() if line.startswith("::")]
    front = next(a for a in annotations if "file=docs/km/du-lich/nui-ba-den.md" in a)
    assert front.startswith("::error file=docs/km/du-lich/nui-ba-den.md,line=")
    assert "thiếu `description`" in front  # the Vietnamese message, not the English one
    data = next(a for a in annotations if "file=data/key-figures.yml" in a)
    line = int(data.split("line=")[1].split(",")[0])
    assert figures.read_text(encoding="utf-8").splitlines()[line - 1].strip() == "value: tám nghìn"

    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Kết quả kiểm tra nội dung")
    assert "**2 lỗi** phải sửa trước khi đăng" in text
    assert (
        "[`docs/km/du-lich/nui-ba-den.md`](https://tayninh.github.io/admin/#/collections/"
        "pages-km/entries/du-lich/nui-ba-den) (mở trong trình biên tập)" in text
    )
    assert "(https://tayninh.github.io/admin/#/collections/data/entries/key-figures)" in text
    assert "thiếu `description`" in text


def test_a_clean_check_says_so(tmp_path: Path) -> None:
    findings = tmp_path / "check.json"
    findings.write_text("[]", encoding="utf-8")
    summary = tmp_path / "summary.md"
    result = CliRunner().invoke(
        main, ["report-pr", "--findings", str(findings), "--summary", str(summary)]
    )
    assert result.exit_code == 0
    assert "Không có lỗi nào" in summary.read_text(encoding="utf-8")

"""The editor's commands: `tnsite report-pr` (CI) and `tnsite edit` (an editor's own machine)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from tnsite.config import Project
from tnsite.findings import SetupMissing


@click.command(name="report-pr")
@click.option(
    "--findings",
    type=click.Path(path_type=Path),
    default=None,
    help="reports/check.json (written by `make check`).",
)
@click.option(
    "--summary",
    "summary_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Append the Markdown summary here (default: $GITHUB_STEP_SUMMARY, else print it).",
)
@click.pass_obj
def report_pr(project: Project, findings: Path | None, summary_path: Path | None) -> None:
    """Turn the check's findings into Vietnamese annotations and a job summary for editors."""
    from tnsite.editor.report import annotation_lines, load_findings, summary

    source = findings or project.reports_dir / "check.json"
    if not source.is_file():
        click.echo(f"error: {source} is missing: run `make check` first.", err=True)
        sys.exit(2)
    found = load_findings(source)
    for line in annotation_lines(found):
        click.echo(line)
    text = summary(project, found)
    target = summary_path or (
        Path(os.environ["GITHUB_STEP_SUMMARY"]) if os.environ.get("GITHUB_STEP_SUMMARY") else None
    )
    if target is None:
        click.echo(text)
    else:
        with target.open("a", encoding="utf-8") as out:
            out.write(text)
    sys.exit(1 if any(f.severity == "error" for f in found) else 0)


@click.command(name="edit")
@click.pass_obj
def edit(project: Project) -> None:
    """The web editor on this machine, writing into this working tree (no GitHub needed)."""
    from tnsite.editor.local import LocalEditor

    site = project.site_dir
    if not (site / "index.html").is_file():
        click.echo("error: no built site: run `make build` first.", err=True)
        sys.exit(2)
    try:
        editor = LocalEditor(project, site, tools=project.root).start()
    except SetupMissing as exc:
        click.echo(f"error: {exc.msg.en}\nlỗi: {exc.msg.vi}", err=True)
        sys.exit(2)
    click.echo(f"Trình biên tập / editor: {editor.url}  (Ctrl+C để dừng / to stop)")
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        editor.stop()


COMMANDS = (report_pr, edit)

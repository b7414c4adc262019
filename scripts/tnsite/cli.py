"""The editors' and CI's command line: `tnsite build`, `tnsite check`, ...

Messages come in English or Vietnamese (`--lang vi`, or TNSITE_LANG=vi in the environment).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from tnsite.checks import available_checks
from tnsite.cli_options import LANG_OPTION
from tnsite.config import load_project
from tnsite.findings import Finding, emit, exit_status, write_json
from tnsite.i18n.cli import COMMANDS as I18N_COMMANDS


@click.group()
@click.option("--root", type=click.Path(path_type=Path), default=None, help="Project folder.")
@click.pass_context
def main(ctx: click.Context, root: Path | None) -> None:
    """Build and check the Tây Ninh site."""
    ctx.obj = load_project(root)


@main.command()
@click.option("--site-dir", type=click.Path(path_type=Path), default=None)
@click.pass_obj
def build(project, site_dir: Path | None) -> None:  # type: ignore[no-untyped-def]
    """Strict build into site/, replacing it only when the whole build succeeds."""
    from mkdocs.__main__ import State
    from mkdocs.exceptions import Abort, MkDocsException

    from tnsite.build import build_site

    # MkDocs' own console handler: every warning is shown, and the plugins' summary lines
    # (their loggers are set to INFO). Kept in a variable: State removes it when collected.
    state = State(level=logging.WARNING)
    try:
        out = build_site(project, site_dir)
    except (MkDocsException, Abort) as exc:
        click.echo(f"error: build failed, site/ left unchanged: {exc}", err=True)
        sys.exit(1)
    click.echo(f"built {out}")
    del state


@main.command()
@click.option("--source-only", is_flag=True, help="Skip checks that need the built site.")
@LANG_OPTION
@click.pass_obj
def check(project, source_only: bool, ui_lang: str) -> None:  # type: ignore[no-untyped-def]
    """Run every content check; exit 1 when any finding is an error."""
    findings: list[Finding] = []
    if not source_only:
        from tnsite.links.freshness import fresh_site

        project = fresh_site(project)  # site/ older than the sources: check a fresh build
    site_ready = (project.site_dir / "index.html").is_file()
    for item in available_checks():
        if item.needs_site and (source_only or not site_ready):
            if not source_only:
                click.echo(f"skipped {item.name}: no built site (run `make build`)", err=True)
            continue
        findings.extend(item.run(project))
    write_json(findings, project.reports_dir / "check.json")
    emit(findings, sys.stdout, ui_lang)
    sys.exit(exit_status(findings))


@main.command()
@click.option("--budgets", type=click.Path(path_type=Path), default=None, help="audit.yml")
@click.option("--only", multiple=True, help="Audit only these page types.")
@click.option("--no-lighthouse", is_flag=True, help="Browser checks only (faster).")
@click.option(
    "--site", type=click.Path(path_type=Path), default=None, help="Built site (default: site/)."
)
@click.option(
    "--reports", type=click.Path(path_type=Path), default=None, help="Where audit.md goes."
)
@click.pass_obj
def audit(  # type: ignore[no-untyped-def]
    project,
    budgets: Path | None,
    only: tuple[str, ...],
    no_lighthouse: bool,
    site: Path | None,
    reports: Path | None,
) -> None:
    """Audit the built site in headless Chromium against the budgets in audit.yml."""
    from tnsite.audit.budgets import load_budgets
    from tnsite.audit.run import audit_site, missing_tools, write_reports

    site = site or project.site_dir
    if not (site / "index.html").is_file():
        click.echo("error: no built site: run `make build` first", err=True)
        sys.exit(2)
    budget_file = budgets or project.root / "audit.yml"
    try:
        rules = load_budgets(budget_file)
    except (OSError, ValueError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    axe_js = project.root / "node_modules" / "axe-core" / "axe.min.js"
    missing = missing_tools(project.root, axe_js, lighthouse=not no_lighthouse)
    if missing:
        for what, command in missing:
            click.echo(f"error: {what} is not installed: run `{command}`", err=True)
        sys.exit(2)
    rows = audit_site(project, site, rules, axe_js, not no_lighthouse, set(only) or None)
    reports = reports or project.reports_dir
    write_reports(rows, reports)
    click.echo((reports / "audit.md").read_text(encoding="utf-8"))
    broken = [r for r in rows if r.problems]
    for row in broken:
        for problem in row.problems:
            click.echo(f"{row.url}: error: {problem} [budget:{row.page_type}]")
    click.echo(f"{len(broken)} of {len(rows)} audited pages break a budget.")
    sys.exit(1 if broken else 0)


for _command in I18N_COMMANDS:
    main.add_command(_command)

from tnsite.links.cli import COMMANDS as LINK_COMMANDS  # noqa: E402

for _command in LINK_COMMANDS:
    main.add_command(_command)

from tnsite.editor.cli import COMMANDS as EDITOR_COMMANDS  # noqa: E402

for _command in EDITOR_COMMANDS:
    main.add_command(_command)

if __name__ == "__main__":
    main()

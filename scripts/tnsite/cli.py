"""The editors' and CI's command line: `tnsite build`, `tnsite check`, ...

Messages come in English or Vietnamese (`--lang vi`, or TNSITE_LANG=vi in the environment).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

import click
import yaml

from tnsite.checks import available_checks
from tnsite.cli_options import LANG_OPTION, requested_language
from tnsite.config import Project, config_finding, find_root, load_project
from tnsite.findings import Finding, emit, exit_status, write_json
from tnsite.i18n.cli import COMMANDS as I18N_COMMANDS


class _Commands(click.Group):
    """Keeps the words typed, for a message printed before any command reads its options."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["tnsite.argv"] = list(args)
        return super().parse_args(ctx, args)


@click.group(cls=_Commands)
@click.option("--root", type=click.Path(path_type=Path), default=None, help="Project folder.")
@click.pass_context
def main(ctx: click.Context, root: Path | None) -> None:
    """Build and check the Tây Ninh site."""
    try:
        ctx.obj = load_project(root)
    except yaml.YAMLError as exc:
        # One finding at its line, also in the report CI annotates pull requests from.
        folder = root if root is not None and (root / "mkdocs.yml").is_file() else find_root()
        finding = config_finding(exc, (folder / "mkdocs.yml").read_text(encoding="utf-8"))
        assert finding is not None
        write_json([finding], folder / "reports" / "check.json")
        emit([finding], sys.stderr, requested_language(ctx.meta.get("tnsite.argv", [])))
        sys.exit(1)


@main.command()
@click.option("--site-dir", type=click.Path(path_type=Path), default=None)
@LANG_OPTION
@click.pass_obj
def build(project, site_dir: Path | None, ui_lang: str) -> None:
    """Build into site/ with every check; site/ is replaced only when no check finds an error."""
    from tnsite.check.run import run_build

    outcome = run_build(project, site_dir, show_log=ui_lang == "en")
    _report(outcome.findings, project, ui_lang)
    if outcome.site is None:
        click.echo(
            "site/ was left as it was: fix the errors above and build again."
            if ui_lang == "en"
            else "Thư mục site/ được giữ nguyên: hãy sửa các lỗi ở trên rồi dựng lại.",
            err=True,
        )
        sys.exit(1)
    click.echo(f"built {outcome.site}" if ui_lang == "en" else f"đã dựng xong {outcome.site}")


@main.command()
@click.option("--source-only", is_flag=True, help="Only the checks of the sources (no build).")
@LANG_OPTION
@click.pass_obj
def check(project, source_only: bool, ui_lang: str) -> None:
    """Every content check (the same build as `tnsite build`); exit 1 on any error."""
    if source_only:
        findings = [f for c in available_checks() if not c.needs_site for f in c.run(project)]
        _report(findings, project, ui_lang)
        sys.exit(exit_status(findings))
    from tnsite.check.run import run_check

    outcome = run_check(project)
    if outcome.reused and outcome.site is not None:
        click.echo(
            "site/ is up to date with the sources: findings of its build"
            if ui_lang == "en"
            else "site/ đã khớp với nội dung hiện tại: kết quả kiểm tra của lần dựng trước",
            err=True,
        )
    elif outcome.reused:
        click.echo(
            "the last build, of the sources as they are now, was refused and site/ was left "
            "older: its findings"
            if ui_lang == "en"
            else "lần dựng trước, với nội dung như hiện tại, đã bị từ chối nên site/ vẫn là bản "
            "cũ hơn: kết quả kiểm tra của lần dựng đó",
            err=True,
        )
    _report(outcome.findings, project, ui_lang)
    sys.exit(exit_status(outcome.findings))


@main.command()
@click.option(
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    help="Address and port of the preview (IP:PORT).",
)
@LANG_OPTION
@click.pass_obj
def serve(project, dev_addr: str, ui_lang: str) -> None:
    """Live preview: rebuilds on every save; a refused build shows its findings in the browser
    (in the editor's language) until the file is fixed, then the page reloads by itself."""
    import logging

    from tnsite.preview import ServeLog
    from tnsite.preview import serve as preview

    handler = logging.StreamHandler()
    shape = "%(levelname)-7s -  %(message)s" if ui_lang == "en" else "%(message)s"
    handler.setFormatter(logging.Formatter(shape))
    handler.addFilter(ServeLog(ui_lang))
    for name in ("mkdocs", "tnsite.serve"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.INFO)
        logger.addHandler(handler)
    click.echo(
        f"Preview on http://{dev_addr}/ (Ctrl+C to stop)"
        if ui_lang == "en"
        else f"Xem trước tại http://{dev_addr}/ (bấm Ctrl+C để dừng)",
        err=True,
    )
    preview(project, dev_addr, ui_lang)


def _report(findings: list[Finding], project: Project, ui_lang: str) -> None:
    from tnsite.check.causes import resolve

    findings = resolve(findings)
    write_json(findings, project.reports_dir / "check.json")
    emit(findings, sys.stdout, ui_lang)


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
def audit(
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


def run() -> None:
    """The `tnsite` command: `main`, then the process ends without taking its objects apart one
    by one. After a build that is a fifth of a second spent freeing memory the system frees at
    once (mypy ends the same way); every file is closed and the output is flushed first."""
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # as `sys.exit("message")` would
        code = 1
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):  # a reader that stopped early (`| head`)
            stream.flush()
    os._exit(code or 0)


if __name__ == "__main__":
    run()

"""Editors' commands for pages and translations: `tnsite status`, `tnsite mark`, `tnsite new`,
`tnsite move`, `tnsite delete`.

Registered on the main command group by tnsite.cli. Messages in English or Vietnamese
(`--lang vi` or TNSITE_LANG=vi).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tnsite.cli_options import LANG_OPTION
from tnsite.config import Project
from tnsite.i18n.mark import MarkError, mark, referenced_versions, resolve
from tnsite.i18n.model import load_model
from tnsite.i18n.scaffold import ScaffoldError, describe, new_page
from tnsite.i18n.status import build_status, render_markdown, render_text, write_json

if TYPE_CHECKING:  # moving and deleting pages load their editors only when asked
    from tnsite.i18n.relocate import Plan

REPORT = "translations.json"


def _say(ui_lang: str, en: str, vi: str, err: bool = False) -> None:
    click.echo(vi if ui_lang == "vi" else en, err=err)


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    help="markdown: for the GitHub job summary ($GITHUB_STEP_SUMMARY).",
)
@LANG_OPTION
@click.pass_obj
def status(project: Project, fmt: str, ui_lang: str) -> None:
    """Where every translation stands (up to date, outdated, pending, missing, awaiting
    review), most important pages first; also written to reports/translations.json."""
    report = build_status(load_model(project))
    path = write_json(report, project.reports_dir / REPORT)
    if fmt == "json":
        click.echo(path.read_text(encoding="utf-8"), nl=False)
    elif fmt == "markdown":
        click.echo(render_markdown(report, ui_lang))
    else:
        click.echo(render_text(report, ui_lang))


@click.command(name="mark")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--all", "everything", is_flag=True, help="Mark every translation.")
@click.option("--only", "only_lang", default=None, help="With --all: only this language.")
@click.option("--prune", is_flag=True, help="Also delete snapshots no translation refers to.")
@LANG_OPTION
@click.pass_obj
def mark_command(
    project: Project,
    paths: tuple[Path, ...],
    everything: bool,
    only_lang: str | None,
    prune: bool,
    ui_lang: str,
) -> None:
    """Record that translations are up to date with their source, after the translator has
    done the work: `tnsite mark docs/km/dau-tu/index.md`."""
    model = load_model(project)
    if not paths and not everything:
        _say(
            ui_lang,
            'give the translations to mark: make mark PAGES="docs/km/dau-tu/index.md"',
            'hãy chỉ ra các bản dịch cần ghi nhận: make mark PAGES="docs/km/dau-tu/index.md"',
            err=True,
        )
        sys.exit(2)
    try:
        if everything:
            docs = [
                doc
                for doc in model.translations()
                if doc.path in model.sources and (only_lang in (None, doc.lang))
            ]
        else:
            docs = [resolve(model, path) for path in paths]
        done = mark(model, docs)
    except MarkError as exc:
        _say(ui_lang, f"error: {exc.en}", f"lỗi: {exc.vi}", err=True)
        sys.exit(1)
    for item in done:
        if item.changed:
            _say(
                ui_lang,
                f"marked {item.doc.rel} (source version {item.version})",
                f"đã ghi nhận {item.doc.rel} (phiên bản bản gốc {item.version})",
            )
    unchanged = sum(not item.changed for item in done)
    _say(
        ui_lang,
        f"{len(done) - unchanged} marked, {unchanged} already up to date.",
        f"{len(done) - unchanged} trang được ghi nhận, {unchanged} trang đã cập nhật từ trước.",
    )
    if prune:
        removed = model.store.prune(referenced_versions(load_model(project)))
        _say(
            ui_lang,
            f"{len(removed)} unused snapshot(s) deleted.",
            f"đã xóa {len(removed)} bản lưu không còn dùng.",
        )


@click.command(name="new")
@click.argument("path")
@click.option(
    "--title",
    default="",
    help="Page title in the source language (a page written by hand keeps its own).",
)
@click.option("--description", default=None, help="One or two sentences for search engines.")
@click.option("--reason", default=None, help="Why the translations are pending.")
@click.option(
    "--until",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Date by which the translations are due (default: in 30 days).",
)
@LANG_OPTION
@click.pass_obj
def new_command(
    project: Project,
    path: str,
    title: str,
    description: str | None,
    reason: str | None,
    until: dt.datetime | None,
    ui_lang: str,
) -> None:
    """Create a page (`du-lich/cho-bien-gioi.md`) that lacks nothing but its text: the source
    page, pending entries for the other languages, and a navigation entry. A source page
    written by hand gets the pending entries and the navigation entry it lacks."""
    try:
        result = new_page(
            project, path, title, description, reason, until.date() if until else None
        )
    except ScaffoldError as exc:
        _say(ui_lang, f"error: {exc.en}", f"lỗi: {exc.vi}", err=True)
        sys.exit(1)
    en, vi = describe(result, project)
    _say(ui_lang, en, vi)


def _require(values: dict[str, str], example: str, ui_lang: str) -> None:
    """The names `make` passes empty (`make delete` without PAGE=) are named, with the whole
    command to type: the command's own arguments mean nothing to an editor."""
    missing = [name for name, value in values.items() if not value.strip()]
    if missing:
        names = ", ".join(f"{name}=…" for name in missing)
        _say(
            ui_lang,
            f"error: {names} is missing; for example: {example}",
            f"lỗi: thiếu {names}; ví dụ: {example}",
            err=True,
        )
        sys.exit(1)


def _carry_out(project: Project, make_plan: Callable[[], Plan], ui_lang: str) -> None:
    """Plan, refuse with the reasons, or apply and list every change with its file and line."""
    from tnsite.i18n.relocate import Refused, apply_plan

    try:
        plan = make_plan()
    except Refused as refused:
        for line in refused.render(ui_lang):
            click.echo(line, err=True)
        sys.exit(1)
    apply_plan(plan, project.docs_dir)
    _say(ui_lang, plan.summary.en, plan.summary.vi)
    for note in plan.ordered_notes():
        click.echo(note.render(ui_lang))
    count = len(plan.changed_files())
    _say(
        ui_lang,
        f"{count} file(s) changed. Next: make check, then commit the changes.",
        f"{count} tệp đã thay đổi. Tiếp theo: chạy make check, rồi commit các thay đổi.",
    )


@click.command(name="move")
@click.argument("source")
@click.argument("target")
@LANG_OPTION
@click.pass_obj
def move_command(project: Project, source: str, target: str, ui_lang: str) -> None:
    """Rename or move a page in every language (`tnsite move du-lich/cho.md thuong-mai/cho.md`),
    updating the links to it in every page, the navigation, data records, translation metadata
    and pending entries."""
    from tnsite.i18n.relocate import plan_move

    _require(
        {"FROM": source, "TO": target},
        "make move FROM=du-lich/cho.md TO=thuong-mai/cho-bien-gioi.md",
        ui_lang,
    )
    _carry_out(
        project,
        lambda: plan_move(project, source, target),
        ui_lang,
    )


@click.command(name="delete")
@click.argument("page")
@click.option(
    "--force",
    is_flag=True,
    help="Also replace every link to the page by its text (by default they are listed and "
    "nothing is deleted).",
)
@LANG_OPTION
@click.pass_obj
def delete_command(project: Project, page: str, force: bool, ui_lang: str) -> None:
    """Delete a page in every language (`tnsite delete du-lich/cho.md`); its navigation entry,
    optional data `page:` fields and pending entries go with it. Refused while other pages link
    to it, unless --force."""
    from tnsite.i18n.relocate import plan_delete

    _require({"PAGE": page}, "make delete PAGE=du-lich/cho.md", ui_lang)
    _carry_out(
        project,
        lambda: plan_delete(project, page, force),
        ui_lang,
    )


COMMANDS = (status, mark_command, new_command, move_command, delete_command)

"""A plan of file edits, made in full before anything is touched, then applied all together.

Either every edit of a move or a deletion is made, or none is: a command first works out the
final text of every file it changes; if one edit cannot be made it raises `Refused` and the
working tree is as it was. Applying renames the page files (plain renames, so git's rename
detection keeps their history), writes each changed file through a temporary file, and undoes
what it did if the disk fails half-way.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from tnsite.atomic import write_atomic
from tnsite.findings import Finding, Msg, Severity


class Refused(Exception):
    """The command cannot be carried out as asked; nothing was changed. `places` are the files
    and lines that stand in the way, each with what to do there."""

    def __init__(
        self, message: Msg, places: Sequence[Finding] = (), hint: Msg | None = None
    ) -> None:
        super().__init__(message.en)
        self.message = message
        self.places = list(places)
        self.hint = hint

    def render(self, lang: str) -> list[str]:
        lines = [("lỗi: " if lang == "vi" else "error: ") + self.message.text(lang)]
        lines += [place.render(lang) for place in self.places]
        if self.hint:
            lines.append(self.hint.text(lang))
        lines.append("Không có tệp nào bị thay đổi." if lang == "vi" else "Nothing was changed.")
        return lines


@dataclass(frozen=True)
class Note:
    """One change the command made, for the editor to read (and review in the diff)."""

    path: str  # relative to the project root
    line: int | None
    text: Msg

    def render(self, lang: str) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.text.text(lang)}"


@dataclass
class Plan:
    root: Path
    rule: str  # "move" or "delete": the rule name of the places that stand in the way
    renames: list[tuple[Path, Path]] = field(default_factory=list)
    removals: list[Path] = field(default_factory=list)
    texts: dict[Path, str] = field(default_factory=dict)  # final text, by final path
    notes: list[Note] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    summary: Msg = field(default_factory=lambda: Msg(""))  # what the command did, in one line

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def note(self, path: Path, line: int | None, en: str, vi: str) -> None:
        self.notes.append(Note(self.rel(path), line, Msg(en, vi)))

    def problem(
        self, path: Path, line: int, col: int, message: Msg, hint: Msg | None = None
    ) -> None:
        self.problems.append(
            Finding(self.rel(path), line, self.rule, message, Severity.ERROR, col, hint)
        )

    def text_of(self, path: Path) -> str:
        """The file's text as the plan leaves it (line endings as written)."""
        if path in self.texts:
            return self.texts[path]
        source = next((src for src, dst in self.renames if dst == path), path)
        return source.read_bytes().decode("utf-8")

    def write(self, path: Path, text: str) -> None:
        self.texts[path] = text

    def rename(self, src: Path, dst: Path) -> None:
        self.renames.append((src, dst))

    def remove(self, path: Path) -> None:
        self.removals.append(path)

    def ordered_notes(self) -> list[Note]:
        """Files moved or deleted first, then every other change by file and line."""
        return sorted(self.notes, key=lambda n: (n.line is not None, n.path, n.line or 0))

    def changed_files(self) -> list[str]:
        paths = {self.rel(p) for p in self.texts} | {self.rel(p) for p in self.removals}
        paths |= {self.rel(dst) for _, dst in self.renames}
        return sorted(paths)


def split_bom(text: str) -> tuple[str, str]:
    """('\ufeff', rest) for a file that starts with a byte order mark, else ('', text): the
    scanner's line and column numbers count from after it."""
    return ("\ufeff", text[1:]) if text.startswith("\ufeff") else ("", text)


def _write(path: Path, text: str) -> None:
    write_atomic(path, text.encode("utf-8"))


def _prune_empty(folder: Path, stop: Path, undo: list[Callable[[], object]]) -> None:
    """Remove folders a move or deletion left empty, up to (not including) `stop`."""
    while folder != stop and folder.is_relative_to(stop) and folder.is_dir():
        if any(folder.iterdir()):
            return
        folder.rmdir()
        undo.append(partial(folder.mkdir, exist_ok=True))
        folder = folder.parent


def apply_plan(plan: Plan, docs_dir: Path) -> None:
    """Make every edit of the plan, or none (a failure half-way undoes what was done)."""
    undo: list[Callable[[], object]] = []
    try:
        for src, dst in plan.renames:
            missing = [p for p in (dst.parent, *dst.parent.parents) if not p.exists()]
            dst.parent.mkdir(parents=True, exist_ok=True)
            undo.extend(partial(folder.rmdir) for folder in reversed(missing))  # deepest last
            src.rename(dst)
            undo.append(partial(dst.rename, src))
            os.utime(dst)  # a rename keeps the old time, and site/ must look out of date
        for path, text in plan.texts.items():
            before = path.read_bytes() if path.exists() else None
            path.parent.mkdir(parents=True, exist_ok=True)
            _write(path, text)
            undo.append(
                partial(path.unlink) if before is None else partial(path.write_bytes, before)
            )
        for path in plan.removals:
            kept = path.read_bytes()
            path.unlink()
            undo.append(partial(path.write_bytes, kept))
        for src in [src for src, _ in plan.renames] + plan.removals:
            _prune_empty(src.parent, docs_dir, undo)
    except BaseException:
        for step in reversed(undo):
            step()
        raise

"""The page's entry in the navigation of mkdocs.yml, edited as text (comments kept).

A page renamed within its folder keeps its place. A page moved to another folder joins the pages
of that folder, as `tnsite new` places a new page; when no section has pages of that folder
yet, it keeps its place (a new section would need its title translated in every language, which
a command cannot write). A deleted page's entry goes, with a section it leaves empty.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from tnsite.config import Project
from tnsite.i18n.relocate.plan import Plan
from tnsite.i18n.scaffold import NAV_ENTRY, NAV_SECTION, insert_in_nav, nav_block, nav_entries

MKDOCS_YML = "mkdocs.yml"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _skippable(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


@dataclass
class _Lines:
    """mkdocs.yml's lines with, for each, its line number in the file as it was."""

    lines: list[str]
    origin: list[int]

    def remove(self, index: int) -> list[int]:
        """Remove an entry, and the sections this leaves empty; the original line numbers."""
        removed = [self.origin[index]]
        depth = _indent(self.lines[index])
        del self.lines[index], self.origin[index]
        parent = index - 1
        while parent >= 0 and (
            _skippable(self.lines[parent]) or _indent(self.lines[parent]) >= depth
        ):
            parent -= 1
        if parent < 0:
            return removed
        header = self.lines[parent].rstrip("\r\n")
        if not NAV_SECTION.match(header) or NAV_ENTRY.match(header):
            return removed
        child = parent + 1
        while child < len(self.lines) and _skippable(self.lines[child]):
            child += 1
        if child >= len(self.lines) or _indent(self.lines[child]) <= _indent(header):
            removed += self.remove(parent)
        return removed


def update_nav(plan: Plan, project: Project, page: str, new_page: str | None, title: str) -> None:
    """Plan the nav edits for `page` moved to `new_page` (None: deleted)."""
    file = project.root / MKDOCS_YML
    if not file.is_file():
        return
    lines = plan.text_of(file).splitlines(keepends=True)
    block = nav_block(lines)
    if block is None:
        return
    entries = [index for index, _, path in nav_entries(lines, *block) if path == page]
    if not entries:
        return
    doc = _Lines(list(lines), list(range(1, len(lines) + 1)))
    if new_page is None:
        for index in reversed(entries):
            entry, *sections = doc.remove(index)
            plan.note(
                file, entry, f"navigation: entry removed ({page})", f"menu: đã xóa mục ({page})"
            )
            for number in sections:
                plan.note(
                    file,
                    number,
                    "navigation: section removed (no page left in it)",
                    "menu: đã xóa nhóm (không còn trang nào)",
                )
        plan.write(file, "".join(doc.lines))
        return
    folder = posixpath.dirname(new_page)
    others = [p for _, _, p in nav_entries(lines, *block) if p != page]
    joins = folder != posixpath.dirname(page) and any(
        posixpath.dirname(p) == folder for p in others
    )
    shown = f"{folder}/" if folder else "the top level"
    shown_vi = f"{folder}/" if folder else "cấp trên cùng"
    for index in reversed(entries):
        match = NAV_ENTRY.match(doc.lines[index].rstrip("\r\n"))
        assert match is not None  # nav_entries matched it
        if not joins:
            start, end = match.span("path")
            doc.lines[index] = doc.lines[index][:start] + new_page + doc.lines[index][end:]
            where = (
                ""
                if folder == posixpath.dirname(page)
                else f" (kept in its section: no section lists pages of {shown} yet)"
            )
            where_vi = (
                ""
                if folder == posixpath.dirname(page)
                else f" (giữ nguyên vị trí: chưa có nhóm nào chứa các trang của {shown_vi})"
            )
            plan.note(
                file,
                index + 1,
                f"navigation: {page} → {new_page}{where}",
                f"menu: {page} → {new_page}{where_vi}",
            )
            continue
        entry, *sections = doc.remove(index)
        for number in sections:
            plan.note(
                file,
                number,
                "navigation: section removed (no page left in it)",
                "menu: đã xóa nhóm (không còn trang nào)",
            )
        line = insert_in_nav(doc.lines, new_page, title)
        assert line is not None  # the nav exists
        if match.group("title"):
            indent = doc.lines[line - 1][: _indent(doc.lines[line - 1])]
            doc.lines[line - 1] = f"{indent}- {match.group('title')}: {new_page}\n"
        plan.note(
            file,
            line,
            f"navigation: {page} (was line {entry}) → {new_page}, beside the pages of {shown}",
            f"menu: {page} (trước ở dòng {entry}) → {new_page}, cạnh các trang của {shown_vi}",
        )
    plan.write(file, "".join(doc.lines))

"""Which page an editor names on the command line, and whether a new name is one the site can use.

The commands take the forms `tnsite new` takes (`du-lich/cho.md`, `docs/vi/du-lich/cho.md`,
`vi/du-lich/cho.md`, with or without `.md`), and remember which language folder was written:
naming a translation's file for a deletion may mean "only this translation", which the delete
command refuses to guess.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from tnsite.config import Project
from tnsite.findings import Msg
from tnsite.i18n.relocate.plan import Refused
from tnsite.i18n.scaffold import PAGE_PATH, normalise_path, suggest_slug

HOME = "index.md"


@dataclass(frozen=True)
class Named:
    path: str  # relative to every language folder, e.g. "du-lich/le-hoi.md"
    lang: str | None  # the language folder the editor wrote, if any


def name_page(project: Project, given: str) -> Named:
    """The page a command-line argument names."""
    text = given.strip().replace("\\", "/")
    if Path(text).is_absolute() and Path(text).resolve().is_relative_to(project.root):
        text = Path(text).resolve().relative_to(project.root).as_posix()
    path = normalise_path(project, text)
    docs = project.docs_dir.relative_to(project.root).as_posix() + "/"
    head, _, rest = text.lstrip("./").removeprefix(docs).partition("/")
    return Named(path, head if head in project.codes and rest else None)


def versions(project: Project, path: str) -> dict[str, Path]:
    """The files of a page, by language, for the languages that have one."""
    found = {code: project.lang_dir(code) / path for code in project.codes}
    return {code: file for code, file in found.items() if file.is_file()}


def all_pages(project: Project) -> list[str]:
    """Every page path that exists in at least one language."""
    out: set[str] = set()
    for code in project.codes:
        base = project.lang_dir(code)
        if base.is_dir():
            out.update(p.relative_to(base).as_posix() for p in base.rglob("*.md"))
    return sorted(out)


def require_page(project: Project, named: Named) -> dict[str, Path]:
    """The files of the named page; refused when no language has it, or when it is the home
    page (every language's address `/`, which the site cannot do without)."""
    if named.path == HOME:
        raise Refused(
            Msg(
                "the home page (index.md) cannot be moved or deleted: every language's site "
                "starts there.",
                "không thể chuyển hay xóa trang chủ (index.md): trang web của mọi ngôn ngữ bắt "
                "đầu từ trang này.",
            )
        )
    found = versions(project, named.path)
    if found:
        return found
    guess = difflib.get_close_matches(named.path, all_pages(project), n=1)
    folders = ", ".join(f"docs/{code}/" for code in project.codes)
    raise Refused(
        Msg(
            f"there is no page {named.path} in {folders}.",
            f"không có trang {named.path} trong {folders}.",
        ),
        hint=Msg(
            (f"Did you mean {guess[0]}? " if guess else "")
            + "Give the page's path inside its language folder, e.g. du-lich/le-hoi.md.",
            (f"Có phải {guess[0]}? " if guess else "")
            + "Ghi đường dẫn của trang trong thư mục ngôn ngữ, ví dụ du-lich/le-hoi.md.",
        ),
    )


def require_new_name(project: Project, path: str, *, taken_ok: bool = False) -> None:
    """Refuse a new page path that is not a slug path, or that a page of any language has
    (unless `taken_ok`: a move begun by hand is being finished)."""
    if not PAGE_PATH.match(path):
        guess = suggest_slug(path)
        raise Refused(
            Msg(
                f"'{path}' cannot be a page's name: use lower-case letters without accents, "
                "digits and hyphens, folders separated by '/'.",
                f"'{path}' không dùng được làm tên trang: chỉ dùng chữ thường không dấu, chữ số "
                "và dấu gạch ngang, thư mục cách nhau bằng '/'.",
            ),
            hint=Msg(f"Use {guess} instead.", f"Hãy dùng {guess}.") if guess else None,
        )
    if path == HOME:
        raise Refused(
            Msg(
                "index.md is the home page; choose another name.",
                "index.md là trang chủ; hãy chọn tên khác.",
            )
        )
    taken = versions(project, path)
    if taken and not taken_ok:
        files = ", ".join(file.relative_to(project.root).as_posix() for file in taken.values())
        raise Refused(
            Msg(
                f"{path} already exists ({files}); choose another name, or delete that page first "
                "(make delete).",
                f"{path} đã có ({files}); hãy chọn tên khác, hoặc xóa trang đó trước "
                "(make delete).",
            )
        )

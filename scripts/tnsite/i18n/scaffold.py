"""`tnsite new`: a new page that is complete but for its text.

The source-language page is created with valid front matter (a news item with its date: the
one in its file name, else today) and one sentence standing in for
its text (`PLACEHOLDER`: the checks refuse to publish a page that still has it, see
tnsite.i18n.authoring); every other language is declared pending (with a reason and a date) in
`i18n/pending.yml`, so visitors get the source page with a notice in their language until the
translation is written; the page is added to the navigation in mkdocs.yml next to the pages of
its folder.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from tnsite.config import DATED_NAME, Project
from tnsite.i18n.frontmatter import parse
from tnsite.i18n.pending import PENDING_FILE, add_pending, load_pending
from tnsite.slugs import slugify
from tnsite.text import closest
from tnsite.urls import in_language_tree

PAGE_PATH = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*\.md$")
NAV_START = re.compile(r"^nav:\s*(#.*)?$")
NAV_ENTRY = re.compile(
    r"^(\s*)-\s+(?:(?P<title>[^#\n]+?):\s+)?(?P<path>[^\s:#][^\s#]*\.md)\s*(#.*)?$"
)
NAV_SECTION = re.compile(r"^(\s*)-\s+[^#\n]+:\s*(#.*)?$")
DEFAULT_REASON = "Trang mới, chưa dịch (new page, not yet translated)"
DEFAULT_DAYS = 30
PLACEHOLDER = "Nội dung trang đang được soạn."
# The description search engines and link previews show: written by the editor, like the text.
PLACEHOLDER_DESCRIPTION = "Mô tả ngắn của trang đang được soạn."


class ScaffoldError(ValueError):
    def __init__(self, en: str, vi: str) -> None:
        super().__init__(en)
        self.en, self.vi = en, vi


@dataclass(frozen=True)
class NewPage:
    created: Path
    pending: tuple[str, ...]  # languages declared pending
    until: dt.date
    nav_line: int | None  # line of the new nav entry in mkdocs.yml, None when there is no nav
    placeholder_line: int  # line of the sentence to replace by the page's text (0: none)
    begun: bool = False  # the source page was written by hand; `new` finished it


def _yaml_str(value: str) -> str:
    return yaml.safe_dump(value, allow_unicode=True, width=10**6).splitlines()[0]


def normalise_path(project: Project, given: str) -> str:
    """'docs/vi/du-lich/cho.md', 'vi/du-lich/cho.md' or 'du-lich/cho.md' → 'du-lich/cho.md'."""
    path = given.strip().replace("\\", "/").lstrip("./")
    docs = project.docs_dir.relative_to(project.root).as_posix() + "/"
    path = in_language_tree(path.removeprefix(docs), project.codes)
    if not path.endswith(".md"):
        path += ".md"
    return path


def suggest_slug(path: str) -> str | None:
    """The usable name closest to what was written ('Du lịch/Chợ đêm.md' → 'du-lich/cho-dem.md'),
    made with the slug function of the headings; None when no usable name comes out."""
    parts = [slugify(part) for part in path.removesuffix(".md").split("/") if part.strip()]
    candidate = "/".join(parts) + ".md"
    return candidate if parts and PAGE_PATH.match(candidate) else None


def _require_known_folder(project: Project, path: str) -> None:
    """A folder that does not exist but is one letter away from one that does (`du-lch`) is a
    typo, not a new section of the menu: the page would sit alone under a heading of its own."""
    folder = posixpath.dirname(path)
    docs = project.lang_dir(project.source_code)
    if not folder or (docs / folder).is_dir():
        return
    folders = sorted(
        p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_dir() and p != docs
    )
    meant = closest(folder, folders)
    if meant:
        better = f"{meant}/{posixpath.basename(path)}"
        raise ScaffoldError(
            f"there is no section '{folder}': did you mean {meant}? make new PAGE={better} "
            "(to start a new section, create the folder docs/"
            f"{project.source_code}/{folder} first)",
            f"không có chuyên mục '{folder}': có phải {meant}? make new PAGE={better} (muốn "
            f"mở chuyên mục mới thì tạo thư mục docs/{project.source_code}/{folder} trước)",
        )


def new_page(
    project: Project,
    given: str,
    title: str,
    description: str | None = None,
    reason: str | None = None,
    until: dt.date | None = None,
    today: dt.date | None = None,
) -> NewPage:
    """Make the page; or, when its source-language file was written by hand (copied, or made in
    GitHub's web page), finish it: the languages that have neither a file nor a pending entry
    are declared pending, and the page joins the navigation."""
    if not given.strip():
        raise ScaffoldError(
            'name the page: make new PAGE=du-lich/ten-trang.md TITLE="…"',
            'hãy ghi tên trang: make new PAGE=du-lich/ten-trang.md TITLE="…"',
        )
    if ".." in given.replace("\\", "/").split("/"):
        raise ScaffoldError(
            f"'{given}' goes out of the language folder: name the page from inside it, e.g. "
            "PAGE=du-lich/cho-dem.md",
            f"'{given}' đi ra ngoài thư mục ngôn ngữ: ghi tên trang tính từ bên trong thư mục "
            "đó, ví dụ PAGE=du-lich/cho-dem.md",
        )
    path = normalise_path(project, given)
    if not PAGE_PATH.match(path):
        better = suggest_slug(path)
        raise ScaffoldError(
            f"'{path}' is not a usable page path: use lower-case letters without accents, "
            "digits and hyphens, folders separated by '/'"
            + (f": PAGE={better}" if better else ", e.g. du-lich/cho-bien-gioi.md."),
            f"'{path}' không dùng được làm đường dẫn trang: chỉ dùng chữ thường không dấu, chữ "
            "số và dấu gạch ngang, thư mục cách nhau bằng '/'"
            + (f": PAGE={better}" if better else ", ví dụ du-lich/cho-bien-gioi.md."),
        )
    target = project.lang_dir(project.source_code) / path
    _require_known_folder(project, path)
    begun = target.is_file()
    title = _written_title(target) if begun else title.strip()
    if begun and not title:
        rel = target.relative_to(project.root).as_posix()
        raise ScaffoldError(
            f"{rel} has no readable title: give it `title:` in its front matter (`make check` "
            "shows what is wrong there), then run this again.",
            f"{rel} chưa có tiêu đề đọc được: ghi `title:` trong phần thông tin của trang "
            "(`make check` chỉ ra chỗ sai), rồi chạy lại lệnh này.",
        )
    if not title:
        raise ScaffoldError(
            f'give the page a title: make new PAGE={path} TITLE="…" (or --title "…").',
            f'hãy đặt tiêu đề cho trang: make new PAGE={path} TITLE="…" (hoặc --title "…").',
        )
    declared, _ = load_pending(project.root, project.codes)
    waiting = {entry.lang for entry in declared if entry.path == path}
    langs = [
        code
        for code in project.translation_codes
        if not (project.lang_dir(code) / path).exists() and code not in waiting
    ]
    existing = [code for code in project.codes if (project.lang_dir(code) / path).exists()]
    if (existing and not begun) or (begun and not langs):
        raise ScaffoldError(
            f"{path} already exists in: {', '.join(existing)}.",
            f"{path} đã có trong: {', '.join(existing)}.",
        )
    news = project.news_folder
    is_news = news is not None and posixpath.dirname(path) == news
    if is_news:
        _require_dated_name(path)
    day = today or dt.date.today()
    placeholder_line = 0
    if not begun:
        description = (description or "").strip() or PLACEHOLDER_DESCRIPTION
        target.parent.mkdir(parents=True, exist_ok=True)
        named = DATED_NAME.match(posixpath.basename(path))
        dated = f"date: {named[1] if named else day.isoformat()}\n" if is_news else ""
        text = (
            "---\n"
            f"title: {_yaml_str(title)}\n"
            f"description: {_yaml_str(description)}\n"
            f"{dated}"
            "---\n\n"
            f"# {title}\n\n"
        )
        target.write_text(f"{text}{PLACEHOLDER}\n", encoding="utf-8")
        placeholder_line = text.count("\n") + 1
    until = until or day + dt.timedelta(days=DEFAULT_DAYS)
    add_pending(project.root, [(path, code, reason or DEFAULT_REASON, until) for code in langs])
    nav_line = add_to_nav(project.root / "mkdocs.yml", path, title, newest_first=is_news)
    return NewPage(target, tuple(langs), until, nav_line, placeholder_line, begun)


LOCAL_DATE = re.compile(r"^(\d{1,2})[-.](\d{1,2})[-.](\d{4})-(.+)$")


def _require_dated_name(path: str) -> None:
    """A news item named with the date as Vietnamese write it (06-12-2026-…) would be dated
    today and sorted by its name's digits: the name starts with the date YYYY-MM-DD."""
    name = posixpath.basename(path)
    local = LOCAL_DATE.match(name)
    if not local:
        return
    day, month, year, rest = local.groups()
    try:
        written = dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return
    better = posixpath.join(posixpath.dirname(path), f"{written}-{rest}")
    raise ScaffoldError(
        f"a news item's name starts with its date written YYYY-MM-DD: PAGE={better}",
        f"tên tệp tin tức bắt đầu bằng ngày viết dạng YYYY-MM-DD: PAGE={better}",
    )


def _written_title(page: Path) -> str:
    """The title in the front matter of a page written by hand ('' when there is none)."""
    title = parse(page.read_text(encoding="utf-8")).data.get("title")
    return str(title).strip() if title else ""


def add_to_nav(mkdocs_yml: Path, page: str, title: str, newest_first: bool = False) -> int | None:
    """Insert `page` into mkdocs.yml's nav beside the pages of its folder (an index page first);
    a page of a new folder gets a new section at the end. Returns the 1-based line written.
    The file is edited as text so comments and formatting stay as they are."""
    lines = mkdocs_yml.read_text(encoding="utf-8").splitlines(keepends=True)
    line = insert_in_nav(lines, page, title, newest_first)
    if line is not None:
        mkdocs_yml.write_text("".join(lines), encoding="utf-8")
    return line


def nav_block(lines: list[str]) -> tuple[int, int] | None:
    """Indexes of the `nav:` line and of the first line after the nav, or None."""
    start = next((i for i, line in enumerate(lines) if NAV_START.match(line)), None)
    if start is None:
        return None
    end = start + 1
    while end < len(lines):
        text = lines[end]
        if text.strip() and not text.startswith((" ", "\t", "#")):
            break
        end += 1
    return start, end


def nav_entries(lines: list[str], start: int, end: int) -> list[tuple[int, str, str]]:
    """(index, indent, page path) of every page entry of the nav between `start` and `end`."""
    entries = []
    for i in range(start + 1, end):
        match = NAV_ENTRY.match(lines[i].rstrip("\r\n"))
        if match:
            entries.append((i, match.group(1), match.group("path")))
    return entries


def insert_in_nav(
    lines: list[str], page: str, title: str, newest_first: bool = False
) -> int | None:
    """`add_to_nav` on the lines of mkdocs.yml (changed in place); the 1-based line written.
    `newest_first`: the page goes first among its folder's pages, after the folder's index
    (news, listed newest first)."""
    block = nav_block(lines)
    if block is None:
        return None
    start, end = block
    entries = nav_entries(lines, start, end)
    if any(p == page for _, _, p in entries):
        return next(i for i, _, p in entries if p == page) + 1
    folder = posixpath.dirname(page)
    siblings = [(i, indent) for i, indent, p in entries if posixpath.dirname(p) == folder]
    last_entry = max((i for i, _, _ in entries), default=start)
    top_indent = _top_indent(lines, start, end)
    if siblings:
        if posixpath.basename(page) == "index.md":
            at, indent = siblings[0]
        elif newest_first:
            index = [(i, ind) for i, ind, p in entries if p == posixpath.join(folder, "index.md")]
            at, indent = (index[0][0] + 1, index[0][1]) if index else siblings[0]
        else:
            at, indent = siblings[-1]
            at += 1
        lines.insert(at, f"{indent}- {page}\n")
        line = at + 1
    elif not folder:
        at = _block_end(lines, last_entry, end)
        lines.insert(at, f"{top_indent}- {page}\n")
        line = at + 1
    else:
        at = _block_end(lines, last_entry, end)
        child = top_indent + " " * _child_step(lines, start, end)
        lines[at:at] = [f"{top_indent}- {_yaml_str(title)}:\n", f"{child}- {page}\n"]
        line = at + 2
    return line


def _top_indent(lines: list[str], start: int, end: int) -> str:
    for i in range(start + 1, end):
        stripped = lines[i].lstrip(" ")
        if stripped.startswith("- "):
            return lines[i][: len(lines[i]) - len(stripped)]
    return "  "


def _child_step(lines: list[str], start: int, end: int) -> int:
    """How much deeper a section's pages are indented than the section (4 in this project)."""
    for i in range(start + 1, end - 1):
        section = NAV_SECTION.match(lines[i].rstrip("\n"))
        if section and not NAV_ENTRY.match(lines[i].rstrip("\n")):
            following = lines[i + 1]
            depth = len(following) - len(following.lstrip(" "))
            if depth > len(section.group(1)):
                return depth - len(section.group(1))
    return 4


def _block_end(lines: list[str], last_entry: int, end: int) -> int:
    """The index right after the last nav entry (before trailing blank lines and comments)."""
    return min(last_entry + 1, end)


def describe(result: NewPage, project: Project) -> tuple[str, str]:
    """What `tnsite new` did, in English and Vietnamese."""
    rel = result.created.relative_to(project.root).as_posix()
    langs = ", ".join(result.pending)
    where = f"mkdocs.yml:{result.nav_line}" if result.nav_line else "(no nav in mkdocs.yml)"
    en = [
        f"completed {rel}, written by hand" if result.begun else f"created {rel}",
        f"declared pending in {PENDING_FILE} until {result.until.isoformat()}: {langs}",
        f"in the navigation: {where}",
    ]
    vi = [
        f"đã hoàn tất {rel} (trang viết tay)" if result.begun else f"đã tạo {rel}",
        f"đã khai báo chờ dịch trong {PENDING_FILE} đến {result.until.isoformat()}: {langs}",
        f"trong menu: {where}",
    ]
    if result.placeholder_line:
        en.append(
            f"Next: write the page's text in place of line {result.placeholder_line} "
            f"('{PLACEHOLDER}'); until then `make check` and `make build` stop at that line. "
            "Then translate it and remove its pending entries."
        )
        vi.append(
            f"Tiếp theo: viết nội dung trang thay cho dòng {result.placeholder_line} "
            f"('{PLACEHOLDER}'); trước khi viết, `make check` và `make build` dừng ở dòng đó. "
            "Sau đó dịch trang và xóa các mục chờ dịch của trang."
        )
    else:
        en.append("Next: translate it and remove its pending entries.")
        vi.append("Tiếp theo: dịch trang và xóa các mục chờ dịch của trang.")
    return "\n".join(en), "\n".join(vi)

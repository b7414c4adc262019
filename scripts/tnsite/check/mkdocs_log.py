"""What MkDocs itself says during a build, turned into findings an editor can act on.

MkDocs reports some problems only as log lines ("A reference to 'x.md' is included in the
'nav' configuration, which is not found", "The following pages exist in the docs directory,
but are not included in the nav"), in English, naming MkDocs' own paths, and in strict mode it
ends the build with "Aborted with N warnings in strict mode!". The build captures those lines
here instead: each becomes a finding at the file and line to change, in English and Vietnamese;
link warnings are dropped because the site's own link check reports the same links at their
Markdown lines. The build's strictness is the findings' severity, not MkDocs' warning count.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from tnsite.config import Project
from tnsite.explains import (
    BROKEN_LINK,
    CROSS_LANGUAGE,
    EXPLAINS,
    HREFLANG_MISMATCH,
    STRUCTURE_MISMATCH,
    explains,
)
from tnsite.findings import Finding, Msg, Severity
from tnsite.mdsource import Source
from tnsite.urls import DOMAIN, md_link_for

OWN_LOGGERS = "mkdocs.plugins.tnsite"
LINK_WARNING = re.compile(r"^Doc file '.*' contains a link '.*', but ")
ABSOLUTE_LINK = re.compile(r"^Doc file '(?P<src>[^']+)' contains an absolute link '(?P<url>[^']+)'")
UNRECOGNIZED = re.compile(
    r"^Doc file '(?P<src>[^']+)' contains an unrecognized relative link '(?P<url>[^']+)'"
)
NAV_MISSING = re.compile(
    r"^A reference to '(?P<path>[^']+)' is included in the 'nav' configuration"
)
NAV_NOT_A_PAGE = "nav-not-a-page"
OMITTED = re.compile(r"^The following pages exist in the docs directory, but are not included")


class Capture(logging.Handler):
    """Collects MkDocs' warnings and errors while a build runs."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(OWN_LOGGERS):
            return
        message = record.getMessage()
        if record.levelno >= logging.WARNING or OMITTED.match(message):
            self.records.append(record)

    def attach(self) -> Capture:
        logging.getLogger("mkdocs").addHandler(self)
        return self

    def detach(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self)


def _docs_rel(project: Project, src: str) -> str:
    return (project.docs_dir / src).relative_to(project.root).as_posix()


def _line_of_link(project: Project, rel: str, url: str) -> int:
    path = project.root / rel
    if path.is_file():
        for link in Source.of(path.read_text(encoding="utf-8")).links:
            if link.dest == url:
                return link.line
    return 1


def _mkdocs_yml_line(project: Project, needle: str) -> int:
    lines = (project.root / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    return next((n for n, text in enumerate(lines, 1) if needle in text), 1)


def _meant(project: Project, rel: str, url: str) -> Msg | None:
    """`write le-hoi.md`: the page file an address names, for the hint."""
    link = md_link_for(url, rel, lambda path: (project.root / path).is_file())
    return Msg(f"write {link}", f"viết {link}") if link else None


def _absolute(project: Project, m: re.Match[str]) -> list[Finding]:
    rel = _docs_rel(project, m["src"])
    meant = _meant(project, rel, m["url"])
    line = _line_of_link(project, rel, m["url"])
    # Where the link then leads in each language is this mistake again.
    echoes = explains(
        CROSS_LANGUAGE, HREFLANG_MISMATCH, BROKEN_LINK, path=rel, line=line, url=m["url"]
    )
    return [
        Finding(
            rel,
            line,
            "absolute-link",
            Msg(
                f"the link '{m['url']}' is written from the root of the site: in the other "
                "languages it leads to the Vietnamese page, or to none",
                f"liên kết '{m['url']}' được viết tính từ gốc của trang web: ở các ngôn ngữ "
                "khác, liên kết dẫn sang trang tiếng Việt hoặc không tới trang nào",
            ),
            Severity.ERROR,
            hint=meant
            or Msg(
                "link to the page's .md file by its relative path (e.g. ../du-lich/le-hoi.md): "
                "it is then checked and follows the page in every language",
                "hãy liên kết tới tệp .md của trang bằng đường dẫn tương đối (ví dụ "
                "../du-lich/le-hoi.md): liên kết khi đó được kiểm tra và đúng ở mọi ngôn ngữ",
            ),
            extra={"url": m["url"], EXPLAINS: [echoes]},
        )
    ]


def _unrecognized(project: Project, m: re.Match[str]) -> list[Finding]:
    rel = _docs_rel(project, m["src"])
    return [
        Finding(
            rel,
            _line_of_link(project, rel, m["url"]),
            "link-not-to-md",
            Msg(
                f"the link '{m['url']}' points at a folder or address, not at a page's .md file",
                f"liên kết '{m['url']}' trỏ tới một thư mục hay địa chỉ, không phải tệp .md "
                "của trang",
            ),
            Severity.WARNING,
            hint=_meant(project, rel, m["url"])
            or Msg(
                "link to the .md file (e.g. ../du-lich/index.md for a section)",
                "hãy liên kết tới tệp .md (ví dụ ../du-lich/index.md cho một mục)",
            ),
            # The translations still link to the page's .md file: "this link is not in the
            # source" would send them to remove a correct link.
            extra={"url": m["url"], EXPLAINS: [explains(STRUCTURE_MISMATCH, compared_with=rel)]},
        )
    ]


def _nav_line(project: Project, entry: str) -> int:
    """The line of the nav entry that names `entry` itself (`- du-lich/` or `- Title: du-lich/`),
    not the first line that merely contains it (`- du-lich/index.md`)."""
    written = re.compile(rf"^\s*-\s+(?:[^\n#]+?:\s+)?{re.escape(entry)}\s*(?:#.*)?$")
    lines = (project.root / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    found = next((n for n, text in enumerate(lines, 1) if written.match(text)), None)
    return found or _mkdocs_yml_line(project, entry)


def _nav_missing(project: Project, m: re.Match[str]) -> list[Finding]:
    path = m["path"]
    head, _, rest = path.partition("/")
    page = rest if head in project.codes and rest else path
    line = _nav_line(project, page)
    if not page.endswith(".md"):
        # A folder or an address: the theme links every page of every language to it, and
        # those links are this entry's consequence (tnsite.check.causes).
        folder = page.strip("/")
        docs = project.lang_dir(project.source_code)
        listed = set(project.nav_pages())
        # The page meant: the folder's own page, else the one page of the folder not listed.
        options = [f"{folder}/index.md", f"{folder}.md"]
        meant = next((o for o in options if (docs / o).is_file() and o not in listed), "")
        if not meant and (docs / folder).is_dir():
            unlisted = sorted(
                md.relative_to(docs).as_posix()
                for md in (docs / folder).glob("*.md")
                if md.relative_to(docs).as_posix() not in listed
            )
            meant = unlisted[0] if len(unlisted) == 1 else ""
        return [
            Finding(
                "mkdocs.yml",
                line,
                NAV_NOT_A_PAGE,
                Msg(
                    f"the menu entry '{page}' is not a page: each menu entry names a page's "
                    ".md file",
                    f"mục menu '{page}' không phải một trang: mỗi mục menu phải là tên tệp .md "
                    "của một trang",
                ),
                Severity.ERROR,
                hint=Msg(
                    f"an address on another site starts with https:// : write https://{folder}"
                    if DOMAIN.match(folder)
                    else f"did you mean `- {meant}`?"
                    if meant
                    else "write the page's .md file",
                    f"địa chỉ của trang web khác bắt đầu bằng https:// : viết https://{folder}"
                    if DOMAIN.match(folder)
                    else f"có phải `- {meant}`?"
                    if meant
                    else "viết tên tệp .md của trang",
                ),
                # The menu is on every page: its link into the source language, from each of
                # them, and the link it makes, are this entry again.
                extra={
                    EXPLAINS: [
                        explains(CROSS_LANGUAGE, HREFLANG_MISMATCH, target=f"{folder}/index.html"),
                        explains(BROKEN_LINK, path="mkdocs.yml", line=line),
                    ]
                },
            )
        ]
    return [
        Finding(
            "mkdocs.yml",
            line,
            "nav-missing-page",
            Msg(
                f"the menu (nav in mkdocs.yml) lists {page}, which does not exist",
                f"menu (mục nav trong mkdocs.yml) có trang {page}, nhưng trang này không tồn tại",
            ),
            Severity.ERROR,
            hint=Msg(
                "create the page, or remove this line from the menu",
                "hãy tạo trang, hoặc xóa dòng này khỏi menu",
            ),
            extra={"missing_page": page},
        )
    ]


def _omitted(project: Project, message: str) -> list[Finding]:
    out = []
    for line in message.split("\n")[1:]:
        src = line.strip().removeprefix("- ").strip()
        if not src:
            continue
        head, _, rest = src.partition("/")
        if head in project.codes and head != project.source_code:
            continue  # translations follow their source page's place in the menu
        page = rest if head in project.codes and rest else src
        out.append(
            Finding(
                _docs_rel(project, f"{project.source_code}/{page}"),
                1,
                "not-in-menu",
                Msg(
                    "this page is not in the site's menu (nav in mkdocs.yml)",
                    "trang này chưa có trong menu của trang web (mục nav trong mkdocs.yml)",
                ),
                Severity.WARNING,
                hint=Msg(
                    f"add `- {page}` under its section in the nav of mkdocs.yml "
                    "(`make new` does this for new pages)",
                    f"thêm `- {page}` vào đúng mục trong phần nav của mkdocs.yml "
                    "(`make new` tự làm việc này cho trang mới)",
                ),
            )
        )
    return out


def _other(message: str) -> list[Finding]:
    first = message.strip().split("\n", 1)[0]
    return [
        Finding(
            "mkdocs.yml",
            1,
            "site-generator",
            Msg(
                f"the site generator (MkDocs) reported: {first}",
                "trình dựng trang (MkDocs) báo một vấn đề chưa được giải thích ở đây",
            ),
            Severity.ERROR,
            hint=Msg(
                "ask the site's maintainers; the full text is in reports/check.json",
                "hãy báo cho người bảo trì trang web; nội dung đầy đủ có trong reports/check.json",
            ),
            extra={"mkdocs": message},
        )
    ]


RULES: tuple[tuple[re.Pattern[str], Callable[[Project, re.Match[str]], list[Finding]]], ...] = (
    (ABSOLUTE_LINK, _absolute),
    (UNRECOGNIZED, _unrecognized),
    (NAV_MISSING, _nav_missing),
)


def findings_of(project: Project, records: list[logging.LogRecord]) -> list[Finding]:
    out: list[Finding] = []
    for record in records:
        message = record.getMessage()
        if LINK_WARNING.match(message):
            continue  # the site's link check reports these at their Markdown lines
        if OMITTED.match(message):
            out += _omitted(project, message)
            continue
        for pattern, convert in RULES:
            match = pattern.match(message)
            if match:
                out += convert(project, match)
                break
        else:
            out += _other(message)
    return out

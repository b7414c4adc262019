"""Rules about a page as its editor wrote it, in any language: mistakes that Markdown forgives
silently and the visitor sees.

- duplicate-id: a heading id written twice (Markdown renames the second `visiting_1`);
- duplicate-title: two pages of one language with the same title (a copied page whose title
  was not changed: two identical entries in the menu, the search results and the tab);
- unwritten-page: a page with nothing but its title, or with the stand-in sentences `make new`
  puts in its text and description;
- table-blank-line: a table written straight under a paragraph (Markdown prints its rows as
  text full of `|`), or text straight under a table (it becomes one more row);
- table-cells: a row with more cells than the table's header (Markdown drops the extra ones);
- notice: an admonition (`!!! tip "…"`) Markdown does not read (curly quotes, no type), of a
  type the theme has no style for, or with its text not indented under it (an empty box);
- footnote: a reference `[^1]` without its `[^1]:` line (printed as written);
- unclosed-directive: `{{ value …` without its `}}` on the same line (printed as written);
- front-matter: a `{{ … }}` in the title or description, which are plain text;
- local-link: a link copied from the preview (`http://127.0.0.1:8000/…`), which leads nowhere
  for a visitor;
- backslash-link: a path written with Windows' `\\` (Markdown takes `\\.` for an escaped dot:
  `..\\..\\x.md` reaches the page as `....\\x.md`);
- heading-order: a second `#` title, or a heading more than one level below the one before it
  (`##` then `####`): screen readers navigate by these levels;
- link-space: a link whose address holds a space (Markdown cuts it there);
- title-length (warning): a title longer than search results and browser tabs show.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from tnsite.findings import Finding, Msg, Severity
from tnsite.i18n.model import Model, PageDoc
from tnsite.i18n.scaffold import PLACEHOLDER, PLACEHOLDER_DESCRIPTION
from tnsite.mdsource import Source
from tnsite.sourcedate import SourceDates
from tnsite.text import closest

DUPLICATE_ID = "duplicate-id"
DUPLICATE_TITLE = "duplicate-title"
UNWRITTEN = "unwritten-page"
HEADING_LINE = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
TABLE_BLANK_LINE = "table-blank-line"
TABLE_CELLS = "table-cells"
NOTICE = "notice"
FOOTNOTE = "footnote"
UNCLOSED = "unclosed-directive"
FRONT_MATTER = "front-matter"
LOCAL_LINK = "local-link"
BACKSLASH_LINK = "backslash-link"
HEADING_ORDER = "heading-order"
LINK_SPACE = "link-space"
TITLE_LENGTH = "title-length"
TITLE_MAX = 70  # characters a search result or a tab shows, give or take
# `[text](address with spaces)`: what follows the first space is not a "title" in quotes.
SPACED_LINK = re.compile(r"\]\(\s*(?P<dest>[^\s()<>]+)\s+(?P<rest>[^\s\"'(][^)\n]*)\)")
LOCAL_HOSTS = {"localhost", "127.0.0.1", "0.0.0.0", "::1"}
# The admonition types Material for MkDocs styles (its documented types and their aliases).
NOTICE_KINDS = (
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success",
    "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure",
    "fail", "missing", "danger", "error", "bug", "example", "quote", "cite",
)  # fmt: skip


def _readable(model: Model) -> list[PageDoc]:
    """Every page whose front matter could be read (the others have their one finding)."""
    return [doc for pages in model.pages.values() for doc in pages.values() if not doc.fm.error]


def duplicate_ids(model: Model) -> list[Finding]:
    """Links to the second heading land on the first, and translations are asked to copy an id
    nobody wrote."""
    findings: list[Finding] = []
    for doc in _readable(model):
        lines = {heading.key: heading.line for heading in reversed(doc.scan.headings)}
        for heading in doc.scan.headings:
            if not heading.explicit or heading.key == heading.written:
                continue
            earlier = lines.get(heading.written, heading.line)
            findings.append(
                Finding(
                    doc.rel,
                    heading.line,
                    DUPLICATE_ID,
                    Msg(
                        f"the heading id `{heading.written}` is already used on line {earlier}",
                        f"id tiêu đề `{heading.written}` đã dùng ở dòng {earlier}",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        "give this heading an id of its own: {#…} after it, lower-case "
                        "letters, digits and hyphens",
                        "đặt cho tiêu đề này một id riêng: {#…} sau tiêu đề, chữ thường "
                        "không dấu, chữ số và dấu gạch ngang",
                    ),
                )
            )
    return findings


def _title(doc: PageDoc) -> str:
    title = doc.meta.get("title")
    return " ".join(title.split()) if isinstance(title, str) else ""


def duplicate_titles(model: Model) -> list[Finding]:
    """One finding per page that repeats the title of another page of its language, at its
    `title:` line, naming the page it repeats. Of two such pages one is usually a copy of the
    other: the older one (by its last commit, a file not committed yet being the newest) keeps
    the title and the newer one gets the finding."""
    findings: list[Finding] = []
    dates = SourceDates(model.project.root)
    for pages in model.pages.values():
        groups: dict[str, list[PageDoc]] = {}
        for doc in pages.values():
            if not doc.fm.error and _title(doc):
                groups.setdefault(_title(doc).casefold(), []).append(doc)
        for group in groups.values():
            if len(group) < 2:
                continue
            group.sort(key=lambda d: (dates.changed(model.project.root / d.rel), d.path))
            first = group[0]
            where = f"{first.rel}:{first.fm.line_of('title')}"
            for doc in group[1:]:
                title = _title(doc)
                findings.append(
                    Finding(
                        doc.rel,
                        doc.fm.line_of("title"),
                        DUPLICATE_TITLE,
                        Msg(
                            f"the title '{title}' is already the title of {where}",
                            f"tiêu đề '{title}' trùng với tiêu đề của {where}",
                        ),
                        Severity.ERROR,
                        hint=Msg(
                            "give each page a title of its own (the menu, the search results "
                            "and the browser tab would show two identical entries)",
                            "đặt cho mỗi trang một tiêu đề riêng (nếu không, menu, kết quả tìm "
                            "kiếm và thẻ trình duyệt hiện hai mục giống hệt nhau)",
                        ),
                    )
                )
    return findings


def unwritten_pages(model: Model) -> list[Finding]:
    """A page made by `make new` builds at once so the editor can preview it; it is not
    published until the sentence standing in for its text is replaced."""
    findings: list[Finding] = []
    for doc in _readable(model):
        source = Source.of(doc.text)
        written = [(number, line) for number, line in source.prose_lines() if line.strip()]
        if not [line for _n, line in written if not HEADING_LINE.match(line)]:
            findings.append(
                Finding(
                    doc.rel,
                    written[-1][0] if written else source.body_line,
                    UNWRITTEN,
                    Msg("the page has no text", "trang chưa có nội dung"),
                    Severity.ERROR,
                    hint=Msg(
                        "write the page's text under its title",
                        "viết nội dung trang dưới tiêu đề",
                    ),
                )
            )
            continue
        stand_ins = [number for number, line in written if line.strip() == PLACEHOLDER]
        described = doc.meta.get("description") != PLACEHOLDER_DESCRIPTION
        also = doc.fm.line_of("description")
        if stand_ins:
            # One page left as `make new` made it: one finding, naming both lines to write.
            findings.append(
                Finding(
                    doc.rel,
                    stand_ins[0],
                    UNWRITTEN,
                    Msg(
                        f"the page still has the sentence `make new` put in it: '{PLACEHOLDER}'",
                        f"trang vẫn còn câu mẫu do `make new` tạo: '{PLACEHOLDER}'",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        "write the page's text in place of this line"
                        + ("" if described else f", and its description on line {also}"),
                        "viết nội dung của trang thay cho dòng này"
                        + ("" if described else f", và phần mô tả ở dòng {also}"),
                    ),
                )
            )
        elif not described:
            findings.append(
                Finding(
                    doc.rel,
                    also,
                    UNWRITTEN,
                    Msg(
                        "the description is still the sentence `make new` put in it",
                        "phần mô tả vẫn là câu mẫu do `make new` tạo",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        "describe the page in one or two sentences (about 120–160 characters): "
                        "search engines and link previews show them",
                        "mô tả trang trong một hai câu (khoảng 120–160 ký tự): công cụ tìm kiếm "
                        "và bản xem trước liên kết hiện câu này",
                    ),
                )
            )
    return findings


TABLE_GAP = {
    "glued": Msg(
        "this table is written straight under the line above it: the page would show its rows "
        "as text with `|` signs",
        "bảng này viết liền ngay dưới dòng phía trên: trang sẽ hiện các hàng của bảng thành chữ "
        "kèm các dấu `|`",
    ),
    "swallowed": Msg(
        "this line is written straight under the table above it: the page would show it as one "
        "more row of the table",
        "dòng này viết liền ngay dưới bảng phía trên: trang sẽ hiện nó thành một hàng của bảng",
    ),
}


def table_gaps(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    for doc in _readable(model):
        for gap in Source.of(doc.text).table_gaps:
            findings.append(
                Finding(
                    doc.rel,
                    gap.line,
                    TABLE_BLANK_LINE,
                    TABLE_GAP[gap.kind],
                    Severity.ERROR,
                    hint=Msg(
                        f"add an empty line before line {gap.line}",
                        f"thêm một dòng trống trước dòng {gap.line}",
                    ),
                )
            )
    return findings


def table_cells(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    for doc in _readable(model):
        for line, cells, width in Source.of(doc.text).table_overflows:
            findings.append(
                Finding(
                    doc.rel,
                    line,
                    TABLE_CELLS,
                    Msg(
                        f"this row has {cells} cells but the table has {width} columns: the page "
                        "would leave out the last ones",
                        f"hàng này có {cells} ô nhưng bảng chỉ có {width} cột: trang sẽ bỏ mất "
                        "các ô cuối",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        "add the missing column to the table's first row, or join the extra "
                        "cells (a `|` inside a cell is written `\\|`)",
                        "thêm cột còn thiếu vào hàng đầu của bảng, hoặc gộp các ô thừa (dấu `|` "
                        "trong một ô viết là `\\|`)",
                    ),
                )
            )
    return findings


def _notice_problem(kind: str | None, written: str) -> tuple[Msg, Msg] | None:
    if kind is None:
        quotes = any(mark in written for mark in "“”‘’'")
        return (
            Msg(
                f"Markdown cannot read this box: `{written}` would be printed as text",
                f"Markdown không đọc được khung này: `{written}` sẽ hiện nguyên thành chữ",
            ),
            Msg(
                'write the title in straight double quotes: !!! tip "Title"',
                'viết tiêu đề trong dấu nháy kép thẳng: !!! tip "Tiêu đề"',
            )
            if quotes
            else Msg(
                'write the type of box, then the title: !!! note "Title" (note, tip, warning)',
                'viết loại khung rồi tới tiêu đề: !!! note "Tiêu đề" (note, tip, warning)',
            ),
        )
    name = kind.split()[0]
    if name.lower() in NOTICE_KINDS:
        return None
    guess = closest(name.lower(), NOTICE_KINDS)
    return (
        Msg(
            f"the box type `{name}` has no style on this site",
            f"loại khung `{name}` không có kiểu trình bày trên trang này",
        ),
        Msg(
            (f"did you mean `{guess}`? " if guess else "") + "the site uses note, tip, warning",
            (f"có phải `{guess}`? " if guess else "") + "trang dùng note, tip, warning",
        ),
    )


def notices(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    for doc in _readable(model):
        for notice in Source.of(doc.text).notices:
            problem = _notice_problem(notice.kind, notice.written)
            if problem is None and not notice.has_body:
                problem = (
                    Msg(
                        "this box would be empty: its text is not indented under it",
                        "khung này sẽ trống: nội dung chưa được lùi vào dưới khung",
                    ),
                    Msg(
                        "start each line of its text with 4 spaces",
                        "lùi mỗi dòng nội dung của khung vào 4 dấu cách",
                    ),
                )
            if problem is not None:
                message, hint = problem
                findings.append(
                    Finding(doc.rel, notice.line, NOTICE, message, Severity.ERROR, hint=hint)
                )
    return findings


def footnotes(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    for doc in _readable(model):
        for line, col, label in Source.of(doc.text).footnotes_missing:
            findings.append(
                Finding(
                    doc.rel,
                    line,
                    FOOTNOTE,
                    Msg(
                        f"the footnote [^{label}] has no text: the page would show `[^{label}]`",
                        f"chú thích [^{label}] chưa có nội dung: trang sẽ hiện nguyên `[^{label}]`",
                    ),
                    Severity.ERROR,
                    col=col,
                    hint=Msg(
                        f"add a line `[^{label}]: …` with the note, after the paragraph or at the "
                        "end of the page",
                        f"thêm một dòng `[^{label}]: …` ghi nội dung chú thích, sau đoạn văn hoặc "
                        "cuối trang",
                    ),
                )
            )
    return findings


def unclosed_directives(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    for doc in _readable(model):
        for line, col in Source.of(doc.text).unclosed_directives:
            findings.append(
                Finding(
                    doc.rel,
                    line,
                    UNCLOSED,
                    Msg(
                        "`{{` and `}}` do not pair up on this line: the page would show the "
                        "braces as they are written",
                        "`{{` và `}}` trên dòng này không khớp nhau: trang sẽ hiện nguyên các "
                        "dấu ngoặc",
                    ),
                    Severity.ERROR,
                    col=col,
                    hint=Msg(
                        "write the whole {{ … }} on one line, with both pairs of braces: "
                        "{{ value key-figures/area }}",
                        "viết trọn {{ … }} trên một dòng, đủ hai cặp ngoặc: "
                        "{{ value key-figures/area }}",
                    ),
                )
            )
    return findings


def plain_front_matter(model: Model) -> list[Finding]:
    """The title and description go into the tab, the menu, search results and link previews
    as they are written: a `{{ … }}` there is never drawn."""
    findings: list[Finding] = []
    for doc in _readable(model):
        for key in ("title", "description"):
            value = doc.meta.get(key)
            if isinstance(value, str) and ("{{" in value or "}}" in value):
                findings.append(
                    Finding(
                        doc.rel,
                        doc.fm.line_of(key),
                        FRONT_MATTER,
                        Msg(
                            f"`{key}` is plain text: a {{{{ … }}}} there would be shown as it is "
                            "written (in the browser tab, search results and link previews)",
                            f"`{key}` chỉ là chữ: {{{{ … }}}} ở đây sẽ hiện nguyên như đã viết "
                            "(trên thẻ trình duyệt, kết quả tìm kiếm và bản xem trước liên kết)",
                        ),
                        Severity.ERROR,
                        hint=Msg(
                            f"write `{key}` without the figure; the page's text can show it",
                            f"viết `{key}` không kèm số liệu; phần nội dung trang có thể hiện số "
                            "đó",
                        ),
                    )
                )
    return findings


def local_links(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    for doc in _readable(model):
        for link in Source.of(doc.text).links:
            if "\\" in link.dest and not urlsplit(link.dest).scheme:
                better = link.dest.replace("\\", "/")
                findings.append(
                    Finding(
                        doc.rel,
                        link.line,
                        BACKSLASH_LINK,
                        Msg(
                            f"the link '{link.dest}' separates folders with `\\`",
                            f"liên kết '{link.dest}' ngăn cách thư mục bằng dấu `\\`",
                        ),
                        Severity.ERROR,
                        col=link.col,
                        hint=Msg(f"write {better}", f"viết {better}"),
                        extra={"url": link.dest},
                    )
                )
                continue
            parts = urlsplit(link.dest)
            if parts.scheme not in ("http", "https") or parts.hostname not in LOCAL_HOSTS:
                continue
            findings.append(
                Finding(
                    doc.rel,
                    link.line,
                    LOCAL_LINK,
                    Msg(
                        f"'{link.dest}' is the preview on this computer: visitors cannot open it",
                        f"'{link.dest}' là bản xem trước trên máy này: khách không mở được",
                    ),
                    Severity.ERROR,
                    col=link.col,
                    hint=Msg(
                        "link to the page's Markdown file instead, e.g. ../du-lich/le-hoi.md",
                        "hãy liên kết tới tệp Markdown của trang, ví dụ ../du-lich/le-hoi.md",
                    ),
                )
            )
    return findings


def heading_order(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    for doc in _readable(model):
        previous = 0
        first_title: int | None = None
        for heading in doc.scan.headings:
            if heading.level == 1 and first_title is not None:
                message = Msg(
                    f"a second page title (`#`): the first is on line {first_title}",
                    f"tiêu đề trang (`#`) thứ hai: tiêu đề đầu ở dòng {first_title}",
                )
                hint = Msg("make it a section heading: `##`", "đổi thành tiêu đề mục: `##`")
            elif previous and heading.level > previous + 1:
                wanted = "#" * (previous + 1)
                message = Msg(
                    f"this heading skips from level {previous} to {heading.level}",
                    f"tiêu đề này nhảy từ cấp {previous} xuống cấp {heading.level}",
                )
                hint = Msg(
                    f"write it `{wanted}` (screen readers move through a page by these levels)",
                    f"viết `{wanted}` (trình đọc màn hình đi qua trang theo các cấp này)",
                )
            else:
                if heading.level == 1:
                    first_title = heading.line
                previous = heading.level
                continue
            previous = heading.level
            findings.append(
                Finding(doc.rel, heading.line, HEADING_ORDER, message, Severity.ERROR, hint=hint)
            )
    return findings


def spaced_links(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    for doc in _readable(model):
        for number, line in Source.of(doc.text).prose_lines():
            for match in SPACED_LINK.finditer(line):
                written = f"{match['dest']} {match['rest']}"
                findings.append(
                    Finding(
                        doc.rel,
                        number,
                        LINK_SPACE,
                        Msg(
                            f"the address '{written}' has a space: the link would stop at it",
                            f"địa chỉ '{written}' có dấu cách: liên kết sẽ bị cắt tại đó",
                        ),
                        Severity.ERROR,
                        col=match.start("dest") + 1,
                        hint=Msg(
                            "write each space in the address as %20",
                            "viết mỗi dấu cách trong địa chỉ thành %20",
                        ),
                    )
                )
    return findings


def title_lengths(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    for doc in _readable(model):
        title = _title(doc)
        if len(title) <= TITLE_MAX:
            continue
        findings.append(
            Finding(
                doc.rel,
                doc.fm.line_of("title"),
                TITLE_LENGTH,
                Msg(
                    f"the title has {len(title)} characters: search results and browser tabs "
                    f"cut it after about {TITLE_MAX}",
                    f"tiêu đề dài {len(title)} ký tự: kết quả tìm kiếm và thẻ trình duyệt cắt "
                    f"bớt sau khoảng {TITLE_MAX} ký tự",
                ),
                Severity.WARNING,
                hint=Msg(
                    "shorten it; the page's first paragraph can say the rest",
                    "rút gọn tiêu đề; đoạn đầu của trang có thể nói phần còn lại",
                ),
            )
        )
    return findings


RULES: tuple[Callable[[Model], list[Finding]], ...] = (
    duplicate_ids,
    duplicate_titles,
    unwritten_pages,
    table_gaps,
    table_cells,
    notices,
    footnotes,
    unclosed_directives,
    plain_front_matter,
    local_links,
    heading_order,
    spaced_links,
    title_lengths,
)

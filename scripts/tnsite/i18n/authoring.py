"""Rules about a page as its editor wrote it, in any language: mistakes that Markdown forgives
silently and the visitor sees.

- duplicate-id: a heading id written twice (Markdown renames the second `visiting_1`);
- duplicate-title: two pages of one language with the same title (a copied page whose title
  was not changed: two identical entries in the menu, the search results and the tab);
- unwritten-page: the sentence `make new` puts in a new page is still there;
- table-blank-line: a table written straight under a paragraph (Markdown prints its rows as
  text full of `|`), or text straight under a table (it becomes one more row).
"""

from __future__ import annotations

from collections.abc import Callable

from tnsite.findings import Finding, Msg, Severity
from tnsite.i18n.model import Model, PageDoc
from tnsite.i18n.scaffold import PLACEHOLDER
from tnsite.mdsource import Source
from tnsite.sourcedate import SourceDates

DUPLICATE_ID = "duplicate-id"
DUPLICATE_TITLE = "duplicate-title"
UNWRITTEN = "unwritten-page"
TABLE_BLANK_LINE = "table-blank-line"


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
        for number, line in source.prose_lines():
            if line.strip() != PLACEHOLDER:
                continue
            findings.append(
                Finding(
                    doc.rel,
                    number,
                    UNWRITTEN,
                    Msg(
                        f"the page still has the sentence `make new` put in it: '{PLACEHOLDER}'",
                        f"trang vẫn còn câu mẫu do `make new` tạo: '{PLACEHOLDER}'",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        "write the page's text in place of this line",
                        "viết nội dung của trang thay cho dòng này",
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


RULES: tuple[Callable[[Model], list[Finding]], ...] = (
    duplicate_ids,
    duplicate_titles,
    unwritten_pages,
    table_gaps,
)

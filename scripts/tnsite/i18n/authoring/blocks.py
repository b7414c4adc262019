"""Blocks Markdown forgives silently and prints wrong: tables, admonitions, footnotes, `{{ }}`.

- table-blank-line: a table written straight under a paragraph (Markdown prints its rows as
  text full of `|`), or text straight under a table (it becomes one more row);
- table-cells: a row with more cells than the table's header (Markdown drops the extra ones);
- list-blank-line: a list written straight under a sentence (Markdown runs it into the
  paragraph, `- ` and `1. ` included);
- list-indent: a sub-list, or text after an empty line under an item, indented less than 4
  spaces (Markdown shows the sub-list flat, or ends the list before the text);
- notice: an admonition (`!!! tip "…"`) Markdown does not read (curly quotes, no type), of a
  type the theme has no style for, or with its text not indented under it (an empty box);
- footnote: a reference `[^1]` without its `[^1]:` line (printed as written), or a `[^1]:`
  text nothing refers to (listed with a way back to nowhere);
- unclosed-directive: `{{ value …` without its `}}` on the same line (printed as written);
- unclosed-fence: a ``` never closed (the rest of the page is taken for code);
- unclosed-comment: a `<!--` never closed (the rest of the page is hidden);
- table-cells (again): a `|---|` line with another number of columns than the table's first
  row (the whole table is printed as text);
- empty-heading: `## ` with no text (an empty heading in the page and its contents);
- unclosed-html: a `<div>` (or another element that holds a block) never closed (Markdown takes
  the rest of the page into it: printed as raw text, or into the cards' grid).
"""

from __future__ import annotations

from tnsite.explains import BROKEN_ANCHOR, BROKEN_LINK, EXPLAINS, explains
from tnsite.findings import Finding, Msg, Severity
from tnsite.i18n.authoring.common import readable
from tnsite.i18n.model import Model
from tnsite.mdsource import NOTICE_TYPES, Source, notice_type
from tnsite.text import closest

TABLE_BLANK_LINE = "table-blank-line"
TABLE_CELLS = "table-cells"
LIST_BLANK_LINE = "list-blank-line"
LIST_INDENT = "list-indent"
LIST_MARKER = "list-marker"
TABLE_FORMAT = "table-format"
NOTICE = "notice"
FOOTNOTE = "footnote"
UNCLOSED = "unclosed-directive"
UNCLOSED_FENCE = "unclosed-fence"
UNCLOSED_COMMENT = "unclosed-comment"
EMPTY_HEADING_RULE = "empty-heading"
UNCLOSED_HTML = "unclosed-html"
NOTICE_KINDS = tuple(name for kind, aliases in NOTICE_TYPES.items() for name in (kind, *aliases))


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


def _empty_line_before(line: int) -> Msg:
    """What separates a table or a list from the text it was glued to."""
    return Msg(f"add an empty line before line {line}", f"thêm một dòng trống trước dòng {line}")


def table_gaps(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    for doc in readable(model):
        for gap in Source.of(doc.text).table_gaps:
            findings.append(
                Finding(
                    doc.rel,
                    gap.line,
                    TABLE_BLANK_LINE,
                    TABLE_GAP[gap.kind],
                    Severity.ERROR,
                    hint=_empty_line_before(gap.line),
                )
            )
    return findings


def table_cells(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    for doc in readable(model):
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


def glued_lists(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    for doc in readable(model):
        for line in Source.of(doc.text).glued_lists:
            findings.append(
                Finding(
                    doc.rel,
                    line,
                    LIST_BLANK_LINE,
                    Msg(
                        "this list is written straight under the sentence above it: the page "
                        "would run it into that paragraph, with its `-` or `1.`",
                        "danh sách này viết liền ngay dưới câu phía trên: trang sẽ nhập nó vào "
                        "đoạn văn đó, kèm cả dấu `-` hay `1.`",
                    ),
                    Severity.ERROR,
                    hint=_empty_line_before(line),
                )
            )
    return findings


PASTED = {
    "bullet": (
        LIST_MARKER,
        Msg(
            "these lines start with a `•` bullet, which is not a list mark: the page would show "
            "them as one paragraph",
            "các dòng này bắt đầu bằng dấu `•`, không phải dấu danh sách: trang sẽ hiện chúng "
            "thành một đoạn văn liền",
        ),
        Msg(
            "write `- ` in place of each `•` (with an empty line before the list)",
            "viết `- ` thay cho mỗi dấu `•` (có một dòng trống trước danh sách)",
        ),
    ),
    "paren": (
        LIST_MARKER,
        Msg(
            "`1)` does not start a numbered list: the page would show these lines as one paragraph",
            "`1)` không tạo danh sách đánh số: trang sẽ hiện các dòng này thành một đoạn văn liền",
        ),
        Msg(
            "write `1.`, `2.` … in place of `1)`, `2)` …", "viết `1.`, `2.` … thay cho `1)`, `2)` …"
        ),
    ),
    "tabs": (
        TABLE_FORMAT,
        Msg(
            "columns separated by Tab (a table pasted from Word or Excel): the page would show "
            "them as one line of run-on text",
            "các cột cách nhau bằng phím Tab (bảng dán từ Word hay Excel): trang sẽ hiện chúng "
            "thành một dòng chữ liền",
        ),
        Msg(
            "write it as a table: `| Ngày | Sáng |`, then a line `|---|---|` (one `---` per "
            "column), then one line per row",
            "viết thành bảng: `| Ngày | Sáng |`, rồi một dòng `|---|---|` (mỗi cột một `---`), "
            "rồi mỗi hàng một dòng",
        ),
    ),
    "table": (
        TABLE_FORMAT,
        Msg(
            "this table has no `|---|` line under its first row: the page would show its `|` "
            "as text",
            "bảng này thiếu dòng `|---|` dưới hàng đầu: trang sẽ hiện các dấu `|` thành chữ",
        ),
        None,
    ),
}


def pasted_blocks(model: Model) -> list[Finding]:
    """Lists and tables written the way a word processor writes them (pasted from Word or
    Excel): Markdown prints each as one paragraph of run-on text."""
    findings: list[Finding] = []
    for doc in readable(model):
        source = Source.of(doc.text)
        for line, kind in source.pasted_blocks:
            rule, message, hint = PASTED[kind]
            if hint is None:
                columns = max(2, source.lines[line - 1].strip().strip("|").count("|") + 1)
                rule_row = "|" + "---|" * columns
                hint = Msg(
                    f"add the line `{rule_row}` under line {line}",
                    f"thêm dòng `{rule_row}` ngay dưới dòng {line}",
                )
            findings.append(Finding(doc.rel, line, rule, message, Severity.ERROR, hint=hint))
    return findings


def list_indents(model: Model) -> list[Finding]:
    """Lines under a list item indented less than the 4 spaces Markdown counts a list's levels
    in: a sub-list shown flat, or text the page moves out of the list."""
    findings: list[Finding] = []
    for doc in readable(model):
        source = Source.of(doc.text)
        for first, *others in source.shallow_sublists:
            more = ", ".join(map(str, others))
            findings.append(
                Finding(
                    doc.rel,
                    first,
                    LIST_INDENT,
                    Msg(
                        "this item is indented less than 4 spaces under the item above, which "
                        "Markdown does not read as a sub-list: the page shows it"
                        + (f" (and line {more})" if more else "")
                        + " at the same level as the item above",
                        "mục này lùi vào chưa đủ 4 dấu cách so với mục phía trên, Markdown không "
                        "đọc là danh sách con: trang hiện mục này"
                        + (f" (cùng dòng {more})" if more else "")
                        + " ngang hàng với mục phía trên",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        "indent each item of a sub-list by 4 spaces more than the item it "
                        "belongs to",
                        "lùi mỗi mục của danh sách con vào 4 dấu cách so với mục chứa nó",
                    ),
                )
            )
        for line in source.shallow_continuations:
            findings.append(
                Finding(
                    doc.rel,
                    line,
                    LIST_INDENT,
                    Msg(
                        "this text under a list item is indented less than 4 spaces, so "
                        "Markdown does not keep it in the item: the page ends the list here, "
                        "and a numbered list counts again from 1 after it",
                        "đoạn này nằm dưới một mục danh sách nhưng lùi vào chưa đủ 4 dấu cách, "
                        "nên Markdown không giữ nó trong mục: trang kết thúc danh sách ở đây, và "
                        "danh sách đánh số sẽ đếm lại từ 1 sau đoạn này",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        "indent it by 4 spaces to keep it in the item above, or not at all if "
                        "it follows the list",
                        "lùi đoạn vào 4 dấu cách để nó thuộc mục phía trên, hoặc bỏ hẳn khoảng "
                        "lùi nếu nó đứng sau danh sách",
                    ),
                )
            )
    return findings


def _notice_problem(kind: str | None, written: str) -> tuple[Msg, Msg] | None:
    if kind is None and "\u00a0" in written:
        return (
            Msg(
                f"Markdown cannot read this box: `{written}` holds a non-breaking space "
                "(pasted from a word processor), which looks like a space and is not one",
                f"Markdown không đọc được khung này: `{written}` có một dấu cách đặc biệt "
                "(dán từ trình soạn thảo văn bản), trông như dấu cách nhưng không phải",
            ),
            Msg(
                "type the spaces of this line again with the space bar",
                "gõ lại các dấu cách của dòng này bằng phím cách",
            ),
        )
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
    if notice_type(kind) is not None:
        return None
    name = kind.split()[0]
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
    for doc in readable(model):
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
    for doc in readable(model):
        source = Source.of(doc.text)
        for line, col, label in source.footnotes_missing:
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
        for line, label in source.footnotes_unused:
            findings.append(
                Finding(
                    doc.rel,
                    line,
                    FOOTNOTE,
                    Msg(
                        f"no [^{label}] in the text refers to this footnote: the page would list "
                        "it at the bottom with a ↩ link back to nowhere",
                        f"không chỗ nào trong bài ghi [^{label}] để dẫn tới chú thích này: "
                        "trang sẽ hiện nó ở cuối trang với nút ↩ không dẫn về đâu",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        f"write [^{label}] where the note belongs in the text, or delete this line",
                        f"ghi [^{label}] vào chỗ cần chú thích trong bài, hoặc xóa dòng này",
                    ),
                    # The built page's ↩ link to the missing reference is this line again.
                    extra={
                        EXPLAINS: [explains(BROKEN_ANCHOR, path=doc.rel, url=f"#fnref:{label}")]
                    },
                )
            )
    return findings


def unclosed_directives(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    for doc in readable(model):
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


def broken_blocks(model: Model) -> list[Finding]:
    """A ``` never closed, a table whose `|---|` line has the wrong number of columns, and a
    heading with no text: Markdown prints them wrong without a word."""
    findings: list[Finding] = []
    for doc in readable(model):
        source = Source.of(doc.text)
        if source.unclosed_fence is not None:
            findings.append(
                Finding(
                    doc.rel,
                    source.unclosed_fence,
                    UNCLOSED_FENCE,
                    Msg(
                        "this ``` is never closed: the rest of the page is taken for code and "
                        "the page shows the backticks",
                        "dấu ``` này không được đóng: phần còn lại của trang bị coi là mã và "
                        "trang hiện nguyên các dấu `",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        "add a line ``` where the code ends, or remove this line",
                        "thêm một dòng ``` ở chỗ đoạn mã kết thúc, hoặc xóa dòng này",
                    ),
                )
            )
        if source.unclosed_comment is not None:
            findings.append(
                Finding(
                    doc.rel,
                    source.unclosed_comment,
                    UNCLOSED_COMMENT,
                    Msg(
                        "this `<!--` note is never closed with `-->`: the rest of the page is "
                        "hidden",
                        "ghi chú `<!--` này không được đóng bằng `-->`: phần còn lại của trang bị "
                        "ẩn",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        "add `-->` where the note ends",
                        "thêm `-->` ở chỗ ghi chú kết thúc",
                    ),
                    # What the hidden part held (figures, links, their anchors) is missing
                    # from the built page because of this.
                    extra={EXPLAINS: [explains(BROKEN_LINK, BROKEN_ANCHOR, path=doc.rel)]},
                )
            )
        for line, drawn, width in source.table_rule_mismatches:
            rule = "|" + "---|" * width
            findings.append(
                Finding(
                    doc.rel,
                    line,
                    TABLE_CELLS,
                    Msg(
                        f"this line under the table's first row has {drawn} columns but the "
                        f"first row has {width}: the page would show the whole table as text",
                        f"dòng kẻ dưới hàng đầu của bảng có {drawn} cột nhưng hàng đầu có "
                        f"{width} cột: trang sẽ hiện cả bảng thành chữ",
                    ),
                    Severity.ERROR,
                    hint=Msg(f"write {rule}", f"viết {rule}"),
                )
            )
        for line, tag in source.unclosed_html:
            findings.append(
                Finding(
                    doc.rel,
                    line,
                    UNCLOSED_HTML,
                    Msg(
                        f"this `<{tag}>` is never closed with `</{tag}>`: the rest of the page "
                        "is taken into it and shown unformatted or out of place",
                        f"thẻ `<{tag}>` này không được đóng bằng `</{tag}>`: phần còn lại của "
                        "trang bị gộp vào trong nó và hiện sai định dạng hoặc sai chỗ",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        f"add a line `</{tag}>` where it ends (with an empty line above it), or "
                        "remove this line",
                        f"thêm một dòng `</{tag}>` ở chỗ nó kết thúc (có một dòng trống phía "
                        "trên), hoặc xóa dòng này",
                    ),
                    # Links and anchors taken into it are not converted: this mistake again.
                    extra={EXPLAINS: [explains(BROKEN_LINK, BROKEN_ANCHOR, path=doc.rel)]},
                )
            )
        for line in source.empty_headings:
            findings.append(
                Finding(
                    doc.rel,
                    line,
                    EMPTY_HEADING_RULE,
                    Msg(
                        "this heading has no text: the page and its table of contents would "
                        "show an empty heading",
                        "tiêu đề này không có chữ: trang và mục lục của trang sẽ hiện một tiêu "
                        "đề trống",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        "write the heading's text after the # signs, or remove the line",
                        "viết chữ của tiêu đề sau các dấu #, hoặc xóa dòng này",
                    ),
                )
            )
    return findings

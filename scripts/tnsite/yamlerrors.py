"""What a YAML mistake means for an editor, in English and Vietnamese.

PyYAML's messages describe its parser ("found character '\\t' that cannot start any token",
"while parsing a flow mapping"). Editors need to know what they typed wrong and what to do
("use spaces instead of the Tab key"). This module reads the parser's error and answers with
the project's own sentences, never the parser's text, at the line and column of the mistake.
Front matter and data files share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from tnsite.findings import Msg
from tnsite.text import INVISIBLE
from tnsite.yamlread import IMPOSSIBLE_DATE


@dataclass(frozen=True)
class YamlTrouble:
    line: int  # 1-based, in the text parsed
    col: int
    message: Msg
    hint: Msg


_TAB = (
    Msg("a Tab character is used to indent", "có ký tự Tab dùng để thụt lề"),
    Msg(
        "use spaces instead of the Tab key (two spaces per level)",
        "dùng dấu cách thay cho phím Tab (hai dấu cách cho mỗi cấp)",
    ),
)
_COLON_IN_VALUE = (
    Msg(
        "a value contains a colon `:` and is not in quotes",
        "một giá trị có dấu hai chấm `:` mà không đặt trong ngoặc kép",
    ),
    Msg(
        'put the whole value in double quotes, e.g. title: "Tây Ninh: cửa ngõ"',
        'đặt cả giá trị trong ngoặc kép, ví dụ title: "Tây Ninh: cửa ngõ"',
    ),
)
_NO_COLON = (
    Msg("a line has no colon `:` after its name", "một dòng thiếu dấu hai chấm `:` sau tên trường"),
    Msg(
        "write each line as `name: value`, or indent it under the line it belongs to",
        "viết mỗi dòng theo dạng `tên: giá trị`, hoặc thụt lề nó vào dưới dòng mà nó thuộc về",
    ),
)
_INDENT = (
    Msg("the indentation does not line up", "các dòng thụt lề không thẳng hàng"),
    Msg(
        "lines at the same level start in the same column; lines inside a block are indented "
        "by two more spaces",
        "các dòng cùng cấp phải bắt đầu ở cùng một cột; các dòng bên trong một khối thụt vào "
        "thêm hai dấu cách",
    ),
)
_QUOTE = (
    Msg("a quotation mark is opened and never closed", "dấu ngoặc kép được mở mà chưa đóng"),
    Msg(
        'close the quote at the end of the value (write \\" for a quote inside it)',
        'đóng ngoặc kép ở cuối giá trị (viết \\" cho dấu ngoặc kép nằm bên trong)',
    ),
)
_BRACKET = (
    Msg(
        "a `{` or `[` is not closed, or a comma is missing inside it",
        "dấu `{` hoặc `[` chưa được đóng, hoặc thiếu dấu phẩy bên trong",
    ),
    Msg(
        "close it with `}` or `]` on the same line and separate the items with commas",
        "đóng bằng `}` hoặc `]` trên cùng dòng và ngăn các mục bằng dấu phẩy",
    ),
)
_RESERVED = (
    Msg(
        "a value starts with a character that has a special meaning here (@ ` * & ! % | > #)",
        "một giá trị bắt đầu bằng ký tự có nghĩa đặc biệt ở đây (@ ` * & ! % | > #)",
    ),
    Msg("put the value in double quotes", "đặt giá trị trong ngoặc kép"),
)
_DATE = (
    Msg(
        "this date does not exist (the day or the month is out of range)",
        "ngày này không có thật (ngày hoặc tháng vượt quá giới hạn)",
    ),
    Msg(
        "write a real date as YYYY-MM-DD, e.g. 2025-02-28",
        "viết một ngày có thật dạng YYYY-MM-DD, ví dụ 2025-02-28",
    ),
)
_OTHER = (
    Msg(
        "this line is not written as `name: value`",
        "dòng này chưa viết đúng dạng `tên: giá trị`",
    ),
    Msg(
        "check the colons, the quotes and the indentation on this line and the one before",
        "kiểm tra dấu hai chấm, dấu ngoặc kép và thụt lề ở dòng này và dòng trước đó",
    ),
)


def _kind(problem: str, context: str) -> tuple[Msg, Msg]:
    if problem.startswith(IMPOSSIBLE_DATE):
        return _DATE
    if "'\\t'" in problem or "\\t" in problem:
        return _TAB
    if "mapping values are not allowed" in problem:
        return _COLON_IN_VALUE
    if "could not find expected ':'" in problem:
        return _NO_COLON
    if "flow mapping" in context or "flow sequence" in context:
        return _BRACKET
    if "quoted scalar" in context or ("end of stream" in problem and "quot" in context):
        return _QUOTE
    if "cannot start any token" in problem or "undefined alias" in problem:
        return _RESERVED
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return _INDENT
    if "expected '-' indicator" in problem or "block mapping" in context:
        return _INDENT
    return _OTHER


_DEEPER = (
    Msg(
        "this line is indented further than the line above it",
        "dòng này thụt lề sâu hơn dòng ngay trên nó",
    ),
    Msg(
        "lines at the same level start in the same column: move this line to the column of "
        "the line above (or indent that one too)",
        "các dòng cùng cấp phải bắt đầu ở cùng một cột: đưa dòng này về cùng cột với dòng trên "
        "(hoặc thụt dòng trên vào theo)",
    ),
)
_CURLY = (
    Msg(
        "this value is in curly quotes “…”, which do not protect the colon inside it",
        "giá trị này nằm trong ngoặc kép cong “…”, loại ngoặc không bảo vệ được dấu hai chấm bên "
        "trong",
    ),
    Msg(
        'use straight quotes "…" (the key next to Enter), e.g. title: "Tây Ninh: cửa ngõ"',
        'dùng ngoặc kép thẳng "…" (phím cạnh phím Enter), ví dụ title: "Tây Ninh: cửa ngõ"',
    ),
)
CURLY_QUOTED = re.compile(r":\s*[“„«‘]")
KEY_VALUE = re.compile(r"^(\s*)(?:- )?[^\s#:][^:]*:\s+\S")


def _deeper_than_above(text: str, line: int) -> bool:
    """Whether 0-based `line` is indented further than the `name: value` line above it: YAML
    then reads it as more of that value, and a colon in it as a colon in a value."""
    lines = text.split("\n")
    if not 0 < line < len(lines):
        return False
    above = next((lines[n] for n in range(line - 1, -1, -1) if lines[n].strip()), "")
    here = lines[line]
    match = KEY_VALUE.match(above)
    indent = len(here) - len(here.lstrip(" "))
    return match is not None and indent > len(match.group(1))


def invisible_in_key(line: str) -> str | None:
    """The name (U+00A0…) of an invisible character in a line's field name, or right after
    its colon, where YAML needs an ordinary space: text pasted from a word processor or a
    chat looks right and does not read."""
    head, colon, rest = line.partition(":")
    if not colon:
        return None
    where = head + rest[:1]
    return next((name for char, name in INVISIBLE.items() if char in where), None)


def invisible_trouble(name: str) -> tuple[Msg, Msg]:
    return (
        Msg(
            f"this line has an invisible character ({name}) where a name or its colon is written",
            f"dòng này có một ký tự vô hình ({name}) ở chỗ tên trường hoặc dấu hai chấm",
        ),
        Msg(
            "delete the line's beginning up to the value and type it again (name, colon, one "
            "ordinary space)",
            "xóa phần đầu dòng cho tới giá trị rồi gõ lại (tên trường, dấu hai chấm, một dấu "
            "cách thường)",
        ),
    )


def explain(exc: yaml.YAMLError, text: str | None = None) -> YamlTrouble:
    """The editor's version of a PyYAML error; positions are 1-based in the parsed text. With
    the text, a line indented one step too far is told apart from a colon in a value."""
    problem = str(getattr(exc, "problem", "") or exc)
    context = str(getattr(exc, "context", "") or "")
    message, hint = _kind(problem, context)
    mark_here = getattr(exc, "problem_mark", None)
    written = text.split("\n") if text is not None else []
    here = (
        written[mark_here.line] if mark_here is not None and mark_here.line < len(written) else ""
    )
    if (message, hint) == _COLON_IN_VALUE and mark_here is not None and CURLY_QUOTED.search(here):
        return YamlTrouble(mark_here.line + 1, 1, *_CURLY)
    if (
        (message, hint) == _COLON_IN_VALUE
        and text is not None
        and mark_here is not None
        and _deeper_than_above(text, mark_here.line)
    ):
        line = mark_here.line + 1
        return YamlTrouble(line, 1, *_DEEPER)
    for mark in (mark_here, getattr(exc, "context_mark", None)):
        hidden = invisible_in_key(written[mark.line]) if mark and mark.line < len(written) else None
        if mark is not None and hidden is not None:
            return YamlTrouble(mark.line + 1, 1, *invisible_trouble(hidden))
    # Where the parser noticed is not always where the editor went wrong: a key without its
    # colon, an unclosed quote or bracket are reported where they began.
    began = (message, hint) in (_NO_COLON, _QUOTE, _BRACKET)
    marks = ("context_mark", "problem_mark") if began else ("problem_mark", "context_mark")
    mark = next((m for m in (getattr(exc, n, None) for n in marks) if m is not None), None)
    line = mark.line + 1 if mark is not None else 1
    col = mark.column + 1 if mark is not None else 1
    if (message, hint) == _TAB:
        col = 1  # the Tab is the indentation: point at the start of the line
        width = _sibling_indent(written, line - 1)
        if width is not None:
            hint = Msg(
                f"replace the Tab with {width} spaces, so that the line starts under the line "
                "above it",
                f"thay phím Tab bằng {width} dấu cách, để dòng này bắt đầu thẳng cột với dòng "
                "phía trên",
            )
    return YamlTrouble(line, col, message, hint)


def _sibling_indent(lines: list[str], index: int) -> int | None:
    """The indentation of the line above a Tab-indented one, when it is a sibling of it (a
    menu entry under a menu entry): what the Tab stands for. None when it opens a block, whose
    children's indentation the file does not say."""
    if not 0 <= index < len(lines) or not lines[index].startswith("\t"):
        return None
    above = next((text for text in reversed(lines[:index]) if text.strip()), None)
    if above is None or "\t" in above[: len(above) - len(above.lstrip())]:
        return None
    if above.rstrip().endswith(":"):
        return None
    return len(above) - len(above.lstrip(" "))

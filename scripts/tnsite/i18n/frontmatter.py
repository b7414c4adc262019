"""Front matter read the way MkDocs reads it, but with line numbers and without silence.

MkDocs drops front matter that is not valid YAML without a word and renders it as page text,
so a page silently loses its title, description and translation record. Here the same block is
found with the same rule, parsed with positions kept, and every problem is reported with the
line of the file it is on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from tnsite import yamlread
from tnsite.findings import Msg
from tnsite.mdsource import Source
from tnsite.yamlerrors import explain, invisible_in_key, invisible_trouble


@dataclass(frozen=True)
class FrontMatter:
    """The front matter block of a Markdown file.

    `first_line` is the file line of the block's first YAML line (2 when the file starts with
    `---`); `body_line` is the file line where the page body starts.
    """

    present: bool
    data: dict[str, Any] = field(default_factory=dict)
    error: Msg | None = None  # what is wrong, in the editor's words (never the parser's)
    error_hint: Msg | None = None  # what to do
    error_line: int = 1
    error_col: int = 1
    first_line: int = 2
    body_line: int = 1
    node: yaml.Node | None = None
    raw: str = ""

    def line_of(self, *keys: str | int) -> int:
        """File line of the value at `keys` (e.g. "translation", "source"), or of the nearest
        existing parent when the key is absent; 1 (the opening `---`) for the root."""
        node = self.node
        line = 1
        for key in keys:
            if isinstance(node, yaml.MappingNode):
                match = next((v for k, v in node.value if k.value == key), None)
                if match is None:
                    return line
                key_node = next(k for k, v in node.value if k.value == key)
                line = self.first_line + key_node.start_mark.line
                node = match
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                if key >= len(node.value):
                    return line
                node = node.value[key]
                line = self.first_line + node.start_mark.line
            else:
                return line
        return line


def parse(text: str) -> FrontMatter:
    """Find and parse the front matter of `text` (the whole file)."""
    source = Source.of(text)
    raw = source.front_matter_yaml
    if raw is None:
        if source.front_matter_opened and len(source.lines) > 1 and _is_fence(source.lines[1]):
            return FrontMatter(
                present=True,
                error=Msg(
                    "the information block between the two `---` lines is empty",
                    "phần thông tin giữa hai dòng `---` đang trống",
                ),
                error_hint=Msg(
                    "write `title: …` and `description: …` between the two `---` lines",
                    "viết `title: …` và `description: …` vào giữa hai dòng `---`",
                ),
                error_line=2,
            )
        if source.front_matter_opened:
            line = _closing_line(source.lines)
            return FrontMatter(
                present=True,
                error=Msg(
                    "the information block that opens with `---` on line 1 is never closed",
                    "phần thông tin mở bằng `---` ở dòng 1 chưa được đóng",
                ),
                error_hint=Msg(
                    f"add a line `---` here (line {line}), after the last `name: value` line",
                    f"thêm dòng `---` vào đây (dòng {line}) để đóng phần thông tin, ngay sau "
                    "dòng `tên: giá trị` cuối cùng",
                ),
                error_line=line,
            )
        misplaced = _misplaced_opening(source.lines)
        if misplaced is not None:
            line, message, hint = misplaced
            return FrontMatter(present=True, error=message, error_hint=hint, error_line=line)
        return FrontMatter(present=False)
    body_line = source.body_line
    glued = next((n for n, line in enumerate(raw.split("\n"), 1) if GLUED_VALUE.match(line)), None)
    if glued is not None:
        key = GLUED_VALUE.match(raw.split("\n")[glued - 1])
        assert key is not None
        return FrontMatter(
            present=True,
            error=Msg(
                f"`{key[1]}:` has no space after its colon",
                f"sau dấu hai chấm của `{key[1]}:` thiếu một dấu cách",
            ),
            error_hint=Msg(
                f"write one space after the colon: {key[1]}: {key[2]}",
                f"thêm một dấu cách sau dấu hai chấm: {key[1]}: {key[2]}",
            ),
            error_line=glued + 1,
            body_line=body_line,
            raw=raw,
        )
    invisible = _invisible(raw)
    if invisible is not None:
        number, char = invisible
        message, hint = invisible_trouble(char)
        return FrontMatter(
            present=True,
            error=message,
            error_hint=hint,
            error_line=number + 1,
            body_line=body_line,
            raw=raw,
        )
    try:
        node = yamlread.compose(raw)
        data = yamlread.construct(node)
    except yaml.YAMLError as exc:
        trouble = explain(exc, raw)
        return FrontMatter(
            present=True,
            error=trouble.message,
            error_hint=trouble.hint,
            error_line=trouble.line + 1,
            error_col=trouble.col,
            body_line=body_line,
            raw=raw,
        )
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter(
            present=True,
            error=Msg(
                "the information block must be `name: value` lines",
                "phần thông tin phải gồm các dòng `tên: giá trị`",
            ),
            error_hint=Msg(
                "write one `name: value` per line (title, description, …)",
                "mỗi dòng viết một `tên: giá trị` (title, description, …)",
            ),
            error_line=2,
            body_line=body_line,
            raw=raw,
        )
    wrong = _written_wrong(node)
    if wrong is not None:
        line, message, hint = wrong
        return FrontMatter(
            present=True,
            error=message,
            error_hint=hint,
            error_line=line + 2,  # the block's line 0 is the file's line 2
            body_line=body_line,
            raw=raw,
        )
    return FrontMatter(present=True, data=data, body_line=body_line, node=node, raw=raw)


# `title:"Núi Bà Đen"`: YAML needs a space after the colon, or reads one long name.
GLUED_VALUE = re.compile(r"^\s*([A-Za-z_][\w-]*):([^\s:/].*)$")
CURLY = {"“": "”", "‘": "’", "„": "“", "«": "»", "”": "”"}


def _invisible(raw: str) -> tuple[int, str] | None:
    """(1-based line in the block, the character) of an invisible character in a name, before
    its colon or right after it."""
    for number, line in enumerate(raw.split("\n"), 1):
        name = invisible_in_key(line)
        if name is not None:
            return number, name
    return None


def _written_wrong(node: yaml.Node | None) -> tuple[int, Msg, Msg] | None:
    """(0-based line, message, hint) of a name written twice (YAML keeps the last silently) or
    a value in curly quotes (YAML keeps the quotes, and the tab shows them)."""
    if not isinstance(node, yaml.MappingNode):
        return None
    seen: dict[str, int] = {}
    for key, value in node.value:
        name = str(key.value)
        if name in seen:
            first = seen[name] + 2
            return (
                key.start_mark.line,
                Msg(
                    f"`{name}` is written twice (lines {first} and {key.start_mark.line + 2}); "
                    "only the second would be used",
                    f"`{name}` được viết hai lần (dòng {first} và dòng "
                    f"{key.start_mark.line + 2}); chỉ lần sau được dùng",
                ),
                Msg("keep one of the two lines", "giữ lại một trong hai dòng"),
            )
        seen[name] = key.start_mark.line
        plain = isinstance(value, yaml.ScalarNode) and not value.style  # libyaml: ''
        text = str(value.value) if plain else ""
        if len(text) > 1 and text[0] in CURLY and text[-1] == CURLY[text[0]]:
            return (
                value.start_mark.line,
                Msg(
                    f"`{name}` is in curly quotes {text[0]}…{text[-1]}: they would be shown "
                    "as part of the text",
                    f"`{name}` được đặt trong ngoặc kép cong {text[0]}…{text[-1]}: các dấu "
                    "ngoặc đó sẽ hiện ra cùng với chữ",
                ),
                Msg(
                    f'use straight quotes: {name}: "{text[1:-1]}"',
                    f'dùng ngoặc kép thẳng: {name}: "{text[1:-1]}"',
                ),
            )
    return None


DASHES = re.compile(r"^\s*(?:[-—–‒―_*]\s*){2,}$")
KEY_LINE = re.compile(r"^[A-Za-z_][\w-]*\s*:")


def _is_fence(line: str) -> bool:
    return line.strip() == "---"


def _misplaced_opening(lines: Sequence[str]) -> tuple[int, Msg, Msg] | None:
    """An information block the editor can see but Markdown cannot: empty lines above its `---`,
    or a first line of other dashes (`—`, `___`, `----`) that a word processor or a keyboard
    made. Without this, the page is "missing its title" while its title is right there."""
    written = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    if len(written) < 2 or not KEY_LINE.match(written[1][1]):
        return None
    number, first = written[0]
    if _is_fence(first) and number > 1:
        return (
            number,
            Msg(
                f"the information block must start on line 1; {number - 1} empty line(s) come "
                "before its `---`",
                f"phần thông tin phải bắt đầu ở dòng 1; phía trên dòng `---` đang có "
                f"{number - 1} dòng trống",
            ),
            Msg("delete the empty lines above `---`", "xóa các dòng trống phía trên dòng `---`"),
        )
    if DASHES.match(first) and not _is_fence(first):
        return (
            number,
            Msg(
                f"the information block opens with '{first.strip()}', not with three hyphens",
                f"phần thông tin được mở bằng '{first.strip()}', không phải ba dấu gạch ngang",
            ),
            Msg(
                "write exactly `---` (three hyphens typed on the keyboard) on this line and on "
                "the line that closes the block",
                "viết đúng `---` (ba dấu gạch ngang gõ từ bàn phím) ở dòng này và ở dòng đóng "
                "phần thông tin",
            ),
        )
    return None


def _closing_line(lines: Sequence[str]) -> int:
    """Where an unclosed front matter should end: before the first line that cannot be part of
    it (a blank line, a heading, a paragraph), counting from line 2."""
    for number in range(2, len(lines) + 1):
        line = lines[number - 1]
        if not line.strip() or line.startswith("# ") or not (":" in line or line[:1].isspace()):
            return number
    return len(lines) + 1


def to_json(value: Any) -> Any:
    """YAML values as JSON Schema sees them: dates become ISO strings."""
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def set_translation_key(text: str, key: str, value: str) -> str:
    """Set `translation.<key>: value` in the front matter of `text`, changing nothing else.

    The file is edited as text, line by line, so an editor's comments, quoting and key order
    survive. The `translation:` mapping must be in block style (as the content conventions
    write it); a flow-style mapping is rewritten as block style.
    """
    if "\r\n" in text:
        return set_translation_key(text.replace("\r\n", "\n"), key, value).replace("\n", "\r\n")
    fm = parse(text)
    if not fm.present or fm.error or fm.node is None:
        raise ValueError("the page has no valid front matter")
    lines = text.splitlines(keepends=True)
    newline = "\n"
    start = fm.first_line - 1  # index of the first YAML line
    end = fm.body_line - 2  # index of the closing `---`
    trans_index = next(
        (i for i in range(start, end) if re.match(r"^translation\s*:", lines[i])), None
    )
    if trans_index is None:
        raise ValueError("the page's front matter has no `translation:` key")
    head = lines[trans_index]
    flow = re.match(r"^translation\s*:\s*(\{.*\})\s*(#.*)?$", head.rstrip("\r\n"))
    if flow:
        mapping = yamlread.load(flow.group(1)) or {}
        mapping[key] = value
        block = [f"translation:{newline}"] + [
            f"  {k}: {_scalar(v)}{newline}" for k, v in mapping.items()
        ]
        lines[trans_index : trans_index + 1] = block
        return "".join(lines)
    # Block style: children are the following lines indented deeper than `translation:`.
    child_indent = None
    last_child = trans_index
    for i in range(trans_index + 1, end):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if indent == 0:
            break
        child_indent = child_indent or indent
        last_child = i
        if indent == child_indent and re.match(rf"^\s*{re.escape(key)}\s*:", line):
            lines[i] = f"{' ' * indent}{key}: {_scalar(value)}{newline}"
            return "".join(lines)
    child_prefix = " " * (child_indent or 2)
    lines.insert(last_child + 1, f"{child_prefix}{key}: {_scalar(value)}{newline}")
    return "".join(lines)


def _scalar(value: Any) -> str:
    """A YAML scalar written the way a person would write it (quoted only when needed)."""
    return (
        yaml.safe_dump(value, default_flow_style=True, allow_unicode=True)
        .strip()
        .removesuffix("\n...")
        .removesuffix("...")
        .strip()
    )

"""YAML files edited as text, at the places their parser reports.

Loading a YAML file and dumping it again would rewrite it whole: comments, quoting, key order
and blank lines lost. The editors' files (mkdocs.yml, data/*.yml, i18n/pending.yml, audit.yml)
are changed here one value or one line at a time, at the line and column the parser gives.
Every function returns None when the text is not laid out the way it can safely be edited (a
flow-style `{…}` mapping, say), so the command can refuse instead of guessing.
"""

from __future__ import annotations


def _lines(text: str) -> list[str]:
    return text.split("\n")  # a CRLF file keeps its "\r" at the end of each line


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def scalar_end(line: str, start: int) -> int | None:
    """Where the scalar that starts at offset `start` of the line ends (exclusive)."""
    quote = line[start : start + 1]
    i = start + 1
    if quote == '"':
        while i < len(line):
            if line[i] == "\\":
                i += 2
                continue
            if line[i] == '"':
                return i + 1
            i += 1
        return None
    if quote == "'":
        while i < len(line):
            if line[i] == "'":
                if line[i + 1 : i + 2] == "'":
                    i += 2
                    continue
                return i + 1
            i += 1
        return None
    stops = [at for at in (line.find(" #", start), line.find(",", start)) if at >= 0]
    stops += [at for at in (line.find("}", start), line.find("]", start)) if at >= 0]
    end = min(stops) if stops else len(line)
    return len(line[:end].rstrip())


def replace_scalar(text: str, line: int, col: int, value: str) -> str | None:
    """The text with the scalar at line `line`, column `col` (both 1-based) replaced by `value`
    (a plain value that needs no quoting), written in the quotes the editor used, if any."""
    lines = _lines(text)
    raw = lines[line - 1]
    start = col - 1
    end = scalar_end(raw, start)
    if end is None or end <= start:
        return None
    quote = raw[start] if raw[start] in "\"'" else ""
    lines[line - 1] = raw[:start] + quote + value + quote + raw[end:]
    return "\n".join(lines)


def remove_key_line(text: str, line: int, col: int) -> str | None:
    """The text without the `key: value` that starts at line `line`, column `col` (1-based), in
    a block mapping. When the key is the first of a list item (`- page: …`), the item's next
    key takes its place after the dash. None when the layout is not one of these."""
    lines = _lines(text)
    raw = lines[line - 1]
    before = raw[: col - 1]
    if not before.strip():
        del lines[line - 1]
        return "\n".join(lines)
    if before.strip() != "-":
        return None
    following = line
    while following < len(lines) and _blank_or_comment(lines[following]):
        following += 1
    if following >= len(lines) or _indent(lines[following]) != col - 1:
        return None
    lines[line - 1] = before + lines[following][col - 1 :]
    del lines[following]
    return "\n".join(lines)


def item_lines(lines: list[str], first: int) -> range:
    """Indexes of the lines of the block-sequence item whose `- ` is on line index `first`:
    that line and the more indented lines under it (comments after it belong to what follows)."""
    dash = _indent(lines[first])
    end = first + 1
    probe = first + 1
    while probe < len(lines):
        if _blank_or_comment(lines[probe]):
            probe += 1
            continue
        if _indent(lines[probe]) <= dash:
            break
        probe += 1
        end = probe
    return range(first, end)

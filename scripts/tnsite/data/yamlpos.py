"""Read a data file as plain Python values plus the line and column of every value.

Editors fix data by line number, so every error about a record must point at the line that
holds the bad value. PyYAML's composer keeps the position of each node; this module builds the
values from those nodes itself and records, for each path (`("records", 3, "value")`), where
its key and its value start. Dates stay strings (`2025-06-30`), so a value looks the same to
the schema whether an editor wrote a day, a month or a year, and duplicate keys are refused
instead of silently keeping the last one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tnsite import yamlread
from tnsite.findings import Msg
from tnsite.yamlerrors import explain

Path_ = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: `as_of: 2025-06-30` stays a string."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Pos:
    line: int  # 1-based
    col: int  # 1-based


class YamlProblem(ValueError):
    """A file that is not valid YAML, or has a duplicate key; carries its position and what
    to tell the editor."""

    def __init__(self, message: Msg, pos: Pos, hint: Msg | None = None) -> None:
        super().__init__(message.en)
        self.message = message
        self.pos = pos
        self.hint = hint


@dataclass
class Located:
    """A parsed file: its values and where each of them (and each mapping key) starts."""

    value: Any
    values: dict[Path_, Pos] = field(default_factory=dict)
    keys: dict[Path_, Pos] = field(default_factory=dict)

    def pos(self, path: Path_) -> Pos:
        """The nearest known position: the value itself, else its closest parent."""
        probe = tuple(path)
        while probe:
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Pos(1, 1))

    def key_pos(self, path: Path_) -> Pos:
        return self.keys.get(tuple(path)) or self.pos(path)


def _mark(node: yaml.Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


def loads(text: str) -> Located:
    """Parse YAML text; raise YamlProblem with a position for any syntax error."""
    try:
        root = yamlread.compose(text, _Loader)
    except yaml.YAMLError as exc:
        trouble = explain(exc, text)
        raise YamlProblem(trouble.message, Pos(trouble.line, trouble.col), trouble.hint) from None
    located = Located(value=None)
    if root is None:
        located.value = None
        return located
    constructor = _Loader("")

    def build(node: yaml.Node, path: Path_) -> Any:
        located.values[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = constructor.construct_object(key_node, deep=True)
                if not isinstance(key, (str, int, float, bool)):
                    raise YamlProblem(
                        Msg(
                            "a name before `:` must be plain text", "tên trước dấu `:` phải là chữ"
                        ),
                        _mark(key_node),
                    )
                key = str(key) if not isinstance(key, str) else key
                if key in out:
                    raise YamlProblem(
                        Msg(f"'{key}' appears twice here", f"tên '{key}' xuất hiện hai lần ở đây"),
                        _mark(key_node),
                        Msg(
                            "each name may appear once per record: delete or rename one of them",
                            "mỗi tên chỉ được xuất hiện một lần trong một bản ghi: xóa hoặc "
                            "đổi tên một trong hai",
                        ),
                    )
                located.keys[(*path, key)] = _mark(key_node)
                out[key] = build(value_node, (*path, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [build(item, (*path, index)) for index, item in enumerate(node.value)]
        return constructor.construct_object(node, deep=True)

    located.value = build(root, ())
    return located


def load(path: Path) -> Located:
    return loads(path.read_text(encoding="utf-8"))

"""The `{{ VIEW DATASET[/RECORD] [option=value ...] }}` construct in page Markdown.

This module finds directives (outside code blocks and code spans, with their line and column),
and keeps the registry of views. The data package registers its own views (value, figures,
table, cards, chart, map, contacts); another package can register more with `register_view`.
A view registered without a renderer is *foreign*: it belongs to another plugin (the news
plugin's `events` and `news`, the images plugin's `photo`), is left untouched here and is not
reported as unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

DIRECTIVE = re.compile(r"\{\{\s*(?P<body>[^{}\n]*?)\s*\}\}")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


@dataclass(frozen=True)
class Directive:
    view: str
    dataset: str | None
    record: str | None
    options: dict[str, str]
    line: int  # 1-based, in the text it was found in
    col: int  # 1-based
    start: int  # offsets in that text
    end: int
    block: bool  # alone on its line
    raw: str


@dataclass(frozen=True)
class View:
    """How a view is used: its datasets, whether it needs a record, its options."""

    name: str
    render: Callable[..., str] | None = None  # None: a foreign view, rendered elsewhere
    block: bool = True  # must stand alone on its line
    datasets: tuple[str, ...] = ()  # datasets it can show; () = takes no dataset
    record: str = "no"  # "no" | "required" | "optional"
    options: tuple[str, ...] = ()
    required_options: tuple[str, ...] = ()
    default_dataset: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


_VIEWS: dict[str, View] = {}


def register_view(view: View) -> None:
    """Add or replace a view (another module can add views the pages may use)."""
    _VIEWS[view.name] = view


def views() -> dict[str, View]:
    return dict(_VIEWS)


def get_view(name: str) -> View | None:
    return _VIEWS.get(name)


for _foreign in ("events", "news", "photo"):
    register_view(View(_foreign))


def _masked(text: str) -> str:
    """The text with fenced code blocks and code spans blanked out (same length)."""
    out: list[str] = []
    fence: str | None = None
    for line in text.splitlines(keepends=True):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            out.append(re.sub(r"[^\n]", " ", line))
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            out.append(re.sub(r"[^\n]", " ", line))
            continue
        out.append(CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
    return "".join(out)


def parse(text: str) -> Iterator[Directive]:
    """Every `{{ … }}` outside code, in order."""
    masked = _masked(text)
    for match in DIRECTIVE.finditer(masked):
        body = text[match.start("body") : match.end("body")]
        words = body.split()
        if not words:
            continue
        view, target, options = words[0], None, {}
        for word in words[1:]:
            if "=" in word:
                key, _, value = word.partition("=")
                options[key] = value
            elif target is None:
                target = word
            else:
                options.setdefault("", word)  # a stray word: reported by the check
        dataset, record = None, None
        if target is not None:
            dataset, _, rec = target.partition("/")
            record = rec or None
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        block = (
            not text[line_start : match.start()].strip()
            and not text[match.end() : line_end].strip()
        )
        yield Directive(
            view=view,
            dataset=dataset,
            record=record,
            options=options,
            line=text.count("\n", 0, match.start()) + 1,
            col=match.start() - line_start + 1,
            start=match.start(),
            end=match.end(),
            block=block,
            raw=text[match.start() : match.end()],
        )

"""Untitled admonitions titled in the page's language.

Python-Markdown titles `!!! note` (and pymdownx `??? note`) with its type in English ("Note"),
whatever the page's language: a Khmer page would show an English word in its box. The box is
given its title in the page's language instead, as if the editor had written it; a title the
editor wrote, or `""` (no title bar), is left as written.
"""

from __future__ import annotations

from collections.abc import Mapping

from tnsite.mdsource import Source, notice_type


def title_notices(source: Source, titles: Mapping[str, str]) -> str | None:
    """The page's Markdown with its untitled admonitions titled from `titles` (type → title in
    the page's language); None when there is nothing to title."""
    lines = list(source.lines)
    changed = False
    for notice in source.notices:
        if notice.kind is None or notice.title is not None:
            continue
        kind = notice_type(notice.kind)
        if kind is None or kind not in titles:
            continue
        index = notice.line - 1
        lines[index] = f'{lines[index].rstrip()} "{titles[kind]}"'
        changed = True
    return "\n".join(lines) if changed else None

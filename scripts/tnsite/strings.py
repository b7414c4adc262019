"""Per-language UI strings kept in YAML files beside the code that uses them.

A file maps each language code to its strings; `load_strings` refuses a file that lacks a
language of mkdocs.yml or a key another language has, so a new language or a new string can
never ship half-translated.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from tnsite import yamlread


class MissingStrings(ValueError):
    pass


@lru_cache(maxsize=32)
def _read(path: Path) -> dict[str, dict[str, str]]:
    return yamlread.load(path.read_text(encoding="utf-8")) or {}


def load_strings(path: Path, languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    table = _read(path)
    keys = set().union(*(set(table.get(code) or {}) for code in table)) if table else set()
    for code in languages:
        missing = keys - set(table.get(code) or {})
        if code not in table or missing:
            raise MissingStrings(
                f"{path.name}: language '{code}' lacks strings: {sorted(missing) or 'all'}"
            )
    return table

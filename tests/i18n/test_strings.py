"""Visitor-facing strings: every language of mkdocs.yml has every key, with the same
placeholders, so a new language or a new notice can never ship half-translated."""

from __future__ import annotations

import re
import string

import yaml

from tnsite.config import Project
from tnsite.i18n.plugin import STRINGS
from tnsite.strings import load_strings


def test_every_language_has_every_string(project: Project) -> None:
    table = load_strings(STRINGS, project.codes)
    keys = set(table[project.source_code])
    for code in project.codes:
        assert set(table[code]) == keys, code
        assert all(str(value).strip() for value in table[code].values()), code


def test_placeholders_are_the_same_in_every_language(project: Project) -> None:
    table = yaml.safe_load(STRINGS.read_text(encoding="utf-8"))

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, value in table[project.source_code].items():
        for code in project.codes:
            assert fields(table[code][key]) == fields(value), (code, key)


def test_khmer_strings_are_in_khmer_script(project: Project) -> None:
    table = load_strings(STRINGS, project.codes)
    for key, value in table.get("km", {}).items():
        latin = re.findall(r"[A-Za-z]", re.sub(r"\{\w+\}", "", value))
        assert not latin, (key, value)

"""The publications' own strings: every language of mkdocs.yml has every key with the same
placeholders, so a new language can never print a half-translated cover or link."""

from __future__ import annotations

import string

import yaml

from tnsite.config import Project
from tnsite.publish.plugin import STRINGS
from tnsite.strings import load_strings


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_every_string_with_the_same_placeholders(project: Project) -> None:
    table = load_strings(STRINGS, project.codes)
    raw = yaml.safe_load(STRINGS.read_text(encoding="utf-8"))
    source = raw[project.source_code]
    for code in project.codes:
        assert set(table[code]) == set(source), code
        for key, value in source.items():
            assert str(raw[code][key]).strip(), (code, key)
            assert fields(raw[code][key]) == fields(value), (code, key)
    assert fields(source["download"]) == {"link", "size"}

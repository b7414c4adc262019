"""Every visitor-facing strings file (`scripts/tnsite/*/strings.yml`) has every key in every
language of mkdocs.yml, with the same placeholders: a language added to mkdocs.yml, or a string
added for one language, is caught here before a page shows a hole or a stray `{n}`."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
import yaml

from tnsite.config import Project
from tnsite.strings import MissingStrings, load_strings

PACKAGE = Path(__file__).resolve().parents[2] / "scripts" / "tnsite"
FILES = sorted(PACKAGE.glob("*/strings.yml"))


def fields(value: object) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(str(value)) if name}


def test_there_are_strings_files() -> None:
    assert len(FILES) >= 6, FILES


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.parent.name)
def test_every_language_has_every_key_and_placeholder(path: Path, project: Project) -> None:
    """Word order differs between languages, so a key may use a different subset of the values
    the code passes ('{day} tháng {month}' beside '{date}'); but a set of placeholders no
    other language shares is a typo or a dropped value."""
    table = load_strings(path, project.codes)
    source = table[project.source_code]
    for code in project.codes:
        assert set(table[code]) == set(source), (path.parent.name, code)
    for key in source:
        used = {code: fields(table[code][key]) for code in project.codes}
        for code in project.codes:
            # empty only where the source is empty on purpose (a scope that needs no words)
            empty = not str(table[code][key]).strip()
            assert not empty or not str(source[key]).strip(), (path.parent.name, code, key)
            twins = [c for c, u in used.items() if c != code and u == used[code]]
            assert twins or code == project.source_code, (path.parent.name, code, key, used)


def test_a_language_without_its_strings_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "strings.yml"
    path.write_text(yaml.safe_dump({"vi": {"a": "x", "b": "y"}, "zh": {"a": "甲"}}), "utf-8")
    with pytest.raises(MissingStrings, match="'zh' lacks strings: \\['b'\\]"):
        load_strings(path, ("vi", "zh"))
    with pytest.raises(MissingStrings, match="'th' lacks strings"):
        load_strings(path, ("vi", "th"))

"""Material has no Khmer UI strings; ours must cover every key of the pinned Material's English."""

import re
from pathlib import Path

import material

KEY = re.compile(r'^\s*"([a-z0-9.]+)":', re.M)
ROOT = Path(__file__).resolve().parents[2]


def keys(path: Path) -> set[str]:
    return set(KEY.findall(path.read_text(encoding="utf-8")))


def test_khmer_partial_has_every_key_of_materials_english_partial() -> None:
    english = Path(material.__file__).parent / "templates/partials/languages/en.html"
    khmer = ROOT / "overrides/partials/languages/km.html"
    assert keys(english), "could not read Material's English partial"
    assert keys(khmer) == keys(english)


def test_khmer_partial_values_are_khmer() -> None:
    text = (ROOT / "overrides/partials/languages/km.html").read_text(encoding="utf-8")
    values = re.findall(r'^\s*"(?:search|toc|top|select\.language|nav)":\s*"([^"]*)"', text, re.M)
    assert values and all(any("\u1780" <= c <= "\u17ff" for c in v) for v in values)

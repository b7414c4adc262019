"""An untitled admonition and a footnote's way back are worded in the page's language, not in
Python-Markdown's English; what the editor wrote is kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.i18n.fixture import make_project, reload
from tnsite.build import build_site
from tnsite.mdsource import NOTICE_TYPES, Source, notice_type
from tnsite.theme.notices import title_notices

TITLES = {kind: kind.upper() for kind in NOTICE_TYPES}

BOXES = """\

!!! note
    An untitled note.

??? hint inline end
    An alias in a collapsible box, with options.

!!! warning "Written by the editor"
    Kept.

!!! tip ""
    No title bar, as written.

```
!!! note
```

Text with a footnote[^a].

[^a]: The footnote.
"""


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("!!! note\n    x\n", '!!! note "NOTE"\n    x\n'),
        ("???+ hint inline end\n    x\n", '???+ hint inline end "TIP"\n    x\n'),
        ('!!! note "Mine"\n    x\n', None),
        ('!!! note ""\n    x\n', None),
        ("!!! custom\n    x\n", None),  # a type the theme does not style keeps its own name
        ("```\n!!! note\n```\n", None),
        ("- item\n\n    !!! danger\n        x\n", '- item\n\n    !!! danger "DANGER"\n        x\n'),
    ],
)
def test_untitled_boxes_get_the_title_of_their_type(written: str, expected: str | None) -> None:
    assert title_notices(Source.of(written, front_matter=False), TITLES) == expected


def test_every_alias_names_its_type() -> None:
    assert notice_type("Caution") == "warning" and notice_type("tldr inline") == "abstract"
    assert notice_type("custom") is None


def test_built_pages_word_boxes_and_footnotes_in_their_language(tmp_path: Path) -> None:
    project = make_project(tmp_path / "src", with_theme=True)
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  - admonition\n", "  - admonition\n  - footnotes\n  - pymdownx.details\n"),
        encoding="utf-8",
    )
    for lang in ("vi", "en", "km"):
        page = project.root / "docs" / lang / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + BOXES, encoding="utf-8")
    out = build_site(reload(project.root), tmp_path / "out", strict=False)
    expected = {
        "": ("Ghi chú", "Gợi ý", "Quay lại chỗ chú thích 1 trong bài"),
        "en": ("Note", "Tip", "Back to footnote 1 in the text"),
        "km": ("កំណត់សម្គាល់", "គន្លឹះ", "ត្រឡប់ទៅលេខយោង 1 ក្នុងអត្ថបទ"),
    }
    for prefix, (note, tip, back) in expected.items():
        html = (out / prefix / "index.html").read_text(encoding="utf-8")
        tree = LexborHTMLParser(html)
        titles = [n.text() for n in tree.css(".admonition-title, details > summary")]
        assert titles == [note, tip, "Written by the editor"], prefix
        assert tree.css_first(".footnote-backref").attributes["title"] == back
        assert "!!! note" in tree.css_first("pre code").text()  # code is shown as written

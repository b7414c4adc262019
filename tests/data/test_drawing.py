"""Drawings that pass Markdown as marks come out exactly where Markdown would have put the
drawings themselves, in every construct an editor may put a directive in; a mark that is lost
on the way is reported at the directive's line, never dropped silently."""

from __future__ import annotations

import re

import markdown
import pytest
from lxml import html as lxml_html
from mkdocs.config import load_config

from tests.conftest import ROOT
from tests.data.helpers import context
from tnsite.config import Project
from tnsite.data.drawing import MARKS, draw, not_placed
from tnsite.data.store import load_store

VALUE = "{{ value key-figures/area }}"
TABLE = "{{ table border-gates }}"
PAGE = f"""\
# Heading with {VALUE}

Setext {VALUE} heading
----------------------

{VALUE} opens a paragraph.

Running text with {VALUE} and *{VALUE}* and more.

- a list item with {VALUE}
- {VALUE} first in an item

| Figure | Value |
|---|---|
| Area | {VALUE} |

[Area: {VALUE}](https://example.org/) and ![Area {VALUE}](x.png)

!!! note "Title {VALUE}"
    Body with {VALUE}.

    {TABLE}

Text right before a block
{TABLE}
Text right after it

{{{{ figures key-figures ids=area }}}}

- item

    {TABLE}

<div markdown>
{TABLE}

In a block of HTML, {VALUE}.
</div>

Term
:   definition with {VALUE}

A footnote[^1].

[^1]: Note with {VALUE}.
"""


def _markdown() -> markdown.Markdown:
    """Markdown with the site's extensions and their settings."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )


def _same(html: str) -> str:
    """HTML compared as a browser reads it: attributes in any order (md_in_html writes the
    HTML it parses with its attributes sorted), runs of white space as one, none between tags."""
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    for element in root.iter():
        attributes = sorted(element.attrib.items())
        element.attrib.clear()
        element.attrib.update(attributes)
    text = lxml_html.tostring(root, encoding="unicode")
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", text)).strip()


@pytest.mark.parametrize("lang", ["vi", "en", "km"])
def test_marks_come_out_where_the_drawings_would(project: Project, lang: str) -> None:
    ctx = context(project, load_store(project), lang)
    drawn = draw(PAGE, ctx, "docs/x.md", PAGE, sources_list=True)
    assert drawn.failures == ()
    assert len(drawn.blocks) >= 12  # most drawings pass Markdown as marks
    md = _markdown()
    inline, lost = drawn.into(drawn.markdown)  # every drawing in the Markdown, as before marks
    assert lost == []
    expected = md.reset().convert(inline)
    html, lost = drawn.into(md.reset().convert(drawn.markdown))
    assert lost == []
    assert not MARKS.search(html)
    assert _same(html) == _same(expected)


def test_a_lost_mark_is_reported_at_the_directive(project: Project) -> None:
    ctx = context(project, load_store(project), "en")
    source = f"---\ntitle: T\n---\n\nIntro.\n\n{TABLE}\n"
    drawn = draw(source.split("---\n", 2)[2], ctx, "docs/en/x.md", source, sources_list=False)
    html = _markdown().convert(drawn.markdown)
    html, lost = drawn.into(MARKS.sub("", html))  # a plugin dropped the comment
    assert lost == [TABLE]
    finding = not_placed("docs/en/x.md", source, TABLE)
    assert (finding.path, finding.line) == ("docs/en/x.md", 7)
    assert "dòng riêng" in finding.render("vi")

"""The rules about a page as its editor wrote it: a copied title, a page left as `make new` made
it, a table glued to the paragraph above it, and a new page written by hand."""

from __future__ import annotations

import os
import re
import textwrap

import markdown
import pytest
from click.testing import CliRunner
from mkdocs.config import load_config

from tests.conftest import ROOT
from tests.i18n.fixture import reload, undeclared, write_page
from tnsite.cli import main
from tnsite.config import Project
from tnsite.i18n.authoring import glued_tables
from tnsite.i18n.model import load_model
from tnsite.i18n.rules import check_translations
from tnsite.i18n.scaffold import PLACEHOLDER
from tnsite.mdsource import Source

PARK = "dau-tu/khu-cong-nghiep.md"


def rules(project: Project) -> list[tuple[str, int, str]]:
    return sorted((f.path, f.line, f.rule) for f in undeclared(check_translations(project)))


def test_a_copied_page_keeps_no_title_of_another_page(fixture_project: Project) -> None:
    root = fixture_project.root
    original = root / "docs/vi" / PARK
    copy = write_page(root, "vi", "dau-tu/khu-moi.md", original.read_text(encoding="utf-8"))
    os.utime(original, (1_000_000_000, 1_000_000_000))  # the copy is the newer file
    findings = [f for f in check_translations(reload(root)) if f.rule == "duplicate-title"]
    [finding] = findings
    assert (finding.path, finding.line) == ("docs/vi/dau-tu/khu-moi.md", 2)
    assert f"docs/vi/{PARK}:2" in finding.message.vi
    # the same title in two languages is no repetition; a new title ends it
    copy.write_text(
        copy.read_text(encoding="utf-8").replace("title: ", "title: Khu mới — ", 1), "utf-8"
    )
    assert not [f for f in check_translations(reload(root)) if f.rule == "duplicate-title"]


def test_the_older_page_keeps_its_title_whatever_the_names(fixture_project: Project) -> None:
    root = fixture_project.root
    original = root / "docs/vi" / PARK
    # the copy's name sorts before the original's
    write_page(root, "vi", "dau-tu/a-ban-sao.md", original.read_text(encoding="utf-8"))
    os.utime(original, (1_000_000_000, 1_000_000_000))
    [finding] = [f for f in check_translations(reload(root)) if f.rule == "duplicate-title"]
    assert finding.path == "docs/vi/dau-tu/a-ban-sao.md"


def test_a_page_keeping_the_sentence_of_make_new_is_not_published(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    made = CliRunner().invoke(
        main,
        ["--root", str(root), "new", "dau-tu/thu-tuc.md", "--title", "Thủ tục", "--lang", "vi"],
    )
    assert made.exit_code == 0, made.output
    page = root / "docs/vi/dau-tu/thu-tuc.md"
    line = page.read_text(encoding="utf-8").split("\n").index(PLACEHOLDER) + 1
    assert f"thay cho dòng {line}" in made.output
    assert rules(reload(root)) == [("docs/vi/dau-tu/thu-tuc.md", line, "unwritten-page")]
    # in code, the sentence is an example, not the page's text
    page.write_text(
        page.read_text(encoding="utf-8").replace(PLACEHOLDER, f"Ví dụ: `{PLACEHOLDER}`"), "utf-8"
    )
    assert rules(reload(root)) == []


def test_a_page_written_by_hand_gets_one_finding_and_make_new_finishes_it(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    write_page(
        root,
        "vi",
        "dau-tu/thu-tuc.md",
        "---\ntitle: Thủ tục đầu tư\ndescription: Các bước.\n---\n\n# Thủ tục\n\nCác bước.\n",
    )
    [finding] = undeclared(check_translations(reload(root)))
    assert (finding.path, finding.line, finding.rule) == (
        "docs/vi/dau-tu/thu-tuc.md",
        2,
        "missing-translation",
    )
    assert "make new PAGE=dau-tu/thu-tuc.md" in finding.hint.vi  # type: ignore[union-attr]
    made = CliRunner().invoke(main, ["--root", str(root), "new", "dau-tu/thu-tuc.md"])
    assert made.exit_code == 0, made.output
    assert "written by hand" in made.output and "line" not in made.output.split("\n")[-2]
    project = reload(root)
    assert rules(project) == []
    assert "dau-tu/thu-tuc.md" in project.nav_pages()
    assert "Thủ tục đầu tư" not in (root / "mkdocs.yml").read_text(encoding="utf-8")
    # a page without a readable title is not guessed at
    write_page(root, "vi", "dau-tu/khac.md", "---\ntitle: [x\n---\n\n# Khác\n\nChữ.\n")
    refused = CliRunner().invoke(main, ["--root", str(root), "new", "dau-tu/khac.md"])
    assert refused.exit_code == 1 and "no readable title" in refused.output
    (root / "docs/vi/dau-tu/khac.md").unlink()
    # nothing left to finish
    again = CliRunner().invoke(main, ["--root", str(root), "new", "dau-tu/thu-tuc.md"])
    assert again.exit_code == 1 and "already exists" in again.output


def test_one_translation_missing_is_not_a_page_written_by_hand(fixture_project: Project) -> None:
    root = fixture_project.root
    (root / "docs/km" / PARK).unlink()
    [finding] = undeclared(check_translations(reload(root)))
    assert finding.path == f"docs/km/{PARK}" and "begun_by_hand" not in finding.extra


TABLE = "| Nơi | Giờ |\n|---|:--:|\n| Cáp treo | 6 giờ |\n"
BLOCKS = {
    "under a paragraph": (f"Giờ mở cửa:\n{TABLE}", True),
    "after a blank line": (f"Giờ mở cửa:\n\n{TABLE}", False),
    "under a heading": (f"## Giờ mở cửa\n{TABLE}", False),
    "under a setext heading": (f"Giờ mở cửa\n==========\n{TABLE}", False),
    "under a rule": (f"Giờ mở cửa\n\n***\n{TABLE}", False),
    "in an admonition, under its title": (
        '!!! note "Giờ"\n' + textwrap.indent(TABLE, "    "),
        False,
    ),
    "in an admonition, under its text": (
        "!!! note\n    Giờ mở cửa:\n" + textwrap.indent(TABLE, "    "),
        True,
    ),
    "in a list item": ("- Giờ mở cửa:\n" + textwrap.indent(TABLE, "  "), True),
    "under a definition": (f"Giờ\n:   mở cửa\n{TABLE}", True),
    "under an HTML block": (f'<div markdown="1">\n{TABLE}</div>\n', False),
    "without outer pipes": ("Giờ:\nNơi | Giờ\n--- | ---\nCáp treo | 6 giờ\n", True),
    "in a quote, under its text": ("> Giờ mở cửa:\n" + textwrap.indent(TABLE, "> "), True),
    "in a quote, after an empty line": ("> Giờ mở cửa:\n>\n" + textwrap.indent(TABLE, "> "), False),
    "in a code block": (f"```\nGiờ:\n{TABLE}```\n", False),
    "a rule, no table": ("Giờ mở cửa\n---\n", False),
}


@pytest.fixture(scope="module")
def site_markdown() -> markdown.Markdown:
    """Markdown as the site renders it: the extensions and settings of mkdocs.yml."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )


@pytest.mark.parametrize("name", BLOCKS)
def test_a_glued_table_is_found_exactly_when_the_site_would_print_its_pipes(
    name: str, site_markdown: markdown.Markdown
) -> None:
    body, glued = BLOCKS[name]
    text = f"Mở đầu.\n\n{body}"
    site_markdown.reset()
    html = site_markdown.convert(text)
    prose = re.sub(r"<pre>.*?</pre>", "", html, flags=re.S)  # code shows its pipes on purpose
    shown_as_text = "|---|" in prose or "--- | ---" in prose
    found = Source.of(text, front_matter=False).glued_tables
    assert bool(found) == glued == shown_as_text, html
    if glued:
        header = next(
            n for n, line in enumerate(text.split("\n"), 1) if "Giờ" in line and "|" in line
        )
        assert found == (header,)


def test_a_glued_table_is_reported_at_its_header_with_the_line_to_add(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    page = root / "docs/vi" / PARK
    page.write_text(page.read_text(encoding="utf-8") + f"\nGiờ mở cửa:\n{TABLE}", "utf-8")
    [finding] = glued_tables(load_model(reload(root)))
    line = page.read_text(encoding="utf-8").split("\n").index("| Nơi | Giờ |") + 1
    assert (finding.path, finding.line) == (f"docs/vi/{PARK}", line)
    assert f"trước dòng {line}" in finding.hint.vi  # type: ignore[union-attr]

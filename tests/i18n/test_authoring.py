"""The rules about a page as its editor wrote it: a copied title, a page left as `make new` made
it, a table without the empty line around it, and a new page written by hand."""

from __future__ import annotations

import os
import re
import textwrap
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from click.testing import CliRunner
from mkdocs.config import load_config

from tests.conftest import ROOT
from tests.helpers.project_copy import copy_project
from tests.i18n.fixture import reload, undeclared, write_page
from tnsite.cli import main
from tnsite.config import Project
from tnsite.i18n.authoring import table_gaps
from tnsite.i18n.model import load_model
from tnsite.i18n.rules import check_translations
from tnsite.i18n.scaffold import PLACEHOLDER, PLACEHOLDER_DESCRIPTION
from tnsite.mdsource import Source
from tnsite.news.checks import check_news

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


def test_a_title_pasted_from_a_mac_is_the_same_title(fixture_project: Project) -> None:
    """Decomposed accents (NFD) look the same and are the same title."""
    root = fixture_project.root
    original = root / "docs/vi" / PARK
    text = original.read_text(encoding="utf-8")
    title = text.split("title: ", 1)[1].split("\n", 1)[0]
    decomposed = unicodedata.normalize("NFD", title)
    assert decomposed != title
    write_page(root, "vi", "dau-tu/khu-moi.md", text.replace(title, decomposed, 1))
    os.utime(original, (1_000_000_000, 1_000_000_000))
    [finding] = [f for f in check_translations(reload(root)) if f.rule == "duplicate-title"]
    assert finding.path == "docs/vi/dau-tu/khu-moi.md"


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
    [finding] = undeclared(check_translations(reload(root)))
    assert (finding.path, finding.line, finding.rule) == (
        "docs/vi/dau-tu/thu-tuc.md",
        line,
        "unwritten-page",
    )
    assert "phần mô tả ở dòng 3" in finding.hint.vi  # type: ignore[union-attr]
    page.write_text(
        page.read_text(encoding="utf-8").replace(PLACEHOLDER_DESCRIPTION, "Các bước."), "utf-8"
    )
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
AFTER = "Hết giờ thì đóng cửa."
# The text around a table, and the gap the scanner must find: "glued" (the table is read as a
# paragraph), "swallowed" (the line after it becomes a row) or None.
BLOCKS: dict[str, tuple[str, str | None]] = {
    "under a paragraph": (f"Giờ mở cửa:\n{TABLE}", "glued"),
    "after a blank line": (f"Giờ mở cửa:\n\n{TABLE}", None),
    "under a heading": (f"## Giờ mở cửa\n{TABLE}", None),
    "under a setext heading": (f"Giờ mở cửa\n==========\n{TABLE}", None),
    "under a rule": (f"Giờ mở cửa\n\n***\n{TABLE}", None),
    "in an admonition, under its title": (
        '!!! note "Giờ"\n' + textwrap.indent(TABLE, "    "),
        None,
    ),
    "in an admonition, under its text": (
        "!!! note\n    Giờ mở cửa:\n" + textwrap.indent(TABLE, "    "),
        "glued",
    ),
    "in a list item": ("- Giờ mở cửa:\n" + textwrap.indent(TABLE, "  "), "glued"),
    "under a definition": (f"Giờ\n:   mở cửa\n{TABLE}", "glued"),
    "under an HTML block": (f'<div markdown="1">\n{TABLE}</div>\n', None),
    "without outer pipes": ("Giờ:\nNơi | Giờ\n--- | ---\nCáp treo | 6 giờ\n", "glued"),
    "in a quote, under its text": ("> Giờ mở cửa:\n" + textwrap.indent(TABLE, "> "), "glued"),
    "in a quote, after an empty line": ("> Giờ mở cửa:\n>\n" + textwrap.indent(TABLE, "> "), None),
    "in a code block": (f"```\nGiờ:\n{TABLE}```\n", None),
    "a rule, no table": ("Giờ mở cửa\n---\n", None),
    "text under the table": (f"{TABLE}{AFTER}\n", "swallowed"),
    "a heading under the table": (f"{TABLE}## {AFTER}\n", "swallowed"),
    "a list item under the table": (f"{TABLE}- {AFTER}\n", "swallowed"),
    "text after an empty line": (f"{TABLE}\n{AFTER}\n", None),
    "an admonition under the table": (f'{TABLE}!!! note "{AFTER}"\n    Chữ.\n', None),
    "text under both": (f"Giờ:\n{TABLE}{AFTER}\n", "glued"),  # one at a time
}


@pytest.fixture(scope="module")
def site_markdown() -> markdown.Markdown:
    """Markdown as the site renders it: the extensions and settings of mkdocs.yml."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )


@pytest.mark.parametrize("name", BLOCKS)
def test_a_table_gap_is_found_exactly_when_the_site_would_show_it(
    name: str, site_markdown: markdown.Markdown
) -> None:
    body, kind = BLOCKS[name]
    text = f"Mở đầu.\n\n{body}"
    site_markdown.reset()
    html = site_markdown.convert(text)
    prose = re.sub(r"<pre>.*?</pre>", "", html, flags=re.S)  # code shows its pipes on purpose
    shown = {
        "glued": "|---|" in prose or "--- | ---" in prose,
        "swallowed": bool(re.search(r"<td>[^<]*Hết giờ", html)),
    }
    gaps = Source.of(text, front_matter=False).table_gaps
    assert [gap.kind for gap in gaps] == ([kind] if kind else []), html
    assert {k for k, seen in shown.items() if seen} == ({kind} if kind else set()), html
    lines = text.split("\n")
    if kind == "glued":
        header = next(n for n, line in enumerate(lines, 1) if "Giờ" in line and "|" in line)
        assert gaps[0].line == header
    elif kind == "swallowed":
        assert gaps[0].line == next(n for n, line in enumerate(lines, 1) if AFTER in line)


def test_a_glued_table_is_reported_at_its_header_with_the_line_to_add(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    page = root / "docs/vi" / PARK
    page.write_text(page.read_text(encoding="utf-8") + f"\nGiờ mở cửa:\n{TABLE}", "utf-8")
    [finding] = table_gaps(load_model(reload(root)))
    line = page.read_text(encoding="utf-8").split("\n").index("| Nơi | Giờ |") + 1
    assert (finding.path, finding.line) == (f"docs/vi/{PARK}", line)
    assert f"trước dòng {line}" in finding.hint.vi  # type: ignore[union-attr]


def test_text_under_a_table_is_reported_at_its_own_line(fixture_project: Project) -> None:
    root = fixture_project.root
    page = root / "docs/vi" / PARK
    page.write_text(page.read_text(encoding="utf-8") + f"\n{TABLE}{AFTER}\n", "utf-8")
    [finding] = table_gaps(load_model(reload(root)))
    line = page.read_text(encoding="utf-8").split("\n").index(AFTER) + 1
    assert (finding.path, finding.line) == (f"docs/vi/{PARK}", line)
    assert "một hàng của bảng" in finding.message.vi


# What the site's Markdown does with each shape, and what the scanner must say of it.
NOTICES: dict[str, tuple[str, str | None]] = {
    "well formed": ('!!! tip "Lưu ý"\n    Nên đi sớm.\n', None),
    "a blank line before its text": ('!!! tip "Lưu ý"\n\n    Nên đi sớm.\n', None),
    "collapsible": ('??? note "Lưu ý"\n    Nên đi sớm.\n', None),
    "open collapsible": ('???+ note "Lưu ý"\n    Nên đi sớm.\n', None),
    "text indented with a tab": ('!!! tip "Lưu ý"\n\tNên đi sớm.\n', None),
    "curly quotes": ("!!! tip “Lưu ý”\n    Nên đi sớm.\n", "unread"),
    "single quotes": ("!!! tip 'Lưu ý'\n    Nên đi sớm.\n", "unread"),
    "no type": ('!!! "Lưu ý"\n    Nên đi sớm.\n', "unread"),
    "text not indented": ('!!! warning "An toàn"\nHồ sâu.\n', "empty"),
    "text indented two spaces": ('!!! warning "An toàn"\n  Hồ sâu.\n', "empty"),
    "nothing under it": ('!!! warning "An toàn"\n', "empty"),
    "a type without a style": ('!!! warnign "An toàn"\n    Hồ sâu.\n', "unstyled"),
    "a non-breaking space": ('!!! tip\u00a0"Mẹo"\n    Nên đi sớm.\n', "unread"),
}


@pytest.mark.parametrize("name", NOTICES)
def test_a_notice_is_reported_exactly_when_the_site_would_show_it_wrong(
    name: str, site_markdown: markdown.Markdown
) -> None:
    body, expected = NOTICES[name]
    site_markdown.reset()
    html = site_markdown.convert(body)
    kinds = re.findall(r'class="admonition ([^"]+)"|<details class="([^"]+)"', html)
    shown = (
        "unread"
        if "!!!" in html or "???" in html
        else "empty"
        if re.search(r'title">[^<]*</p>\s*</div>|</summary>\s*</details>', html)
        else "unstyled"
        if any((a or b) not in ("note", "tip", "warning") for a, b in kinds)
        else None
    )
    assert shown == expected, html
    [notice] = Source.of(body, front_matter=False).notices
    said = (
        "unread"
        if notice.kind is None
        else "unstyled"
        if notice.kind.split()[0] not in ("note", "tip", "warning")
        else "empty"
        if not notice.has_body
        else None
    )
    assert said == expected


def test_footnotes_without_text_are_found_as_the_site_would_print_them(
    site_markdown: markdown.Markdown,
) -> None:
    text = (
        "Lễ hội.[^1] Chùa.[^nguon]\n\nCáp treo.[^2] Đền.[^ghi chú]\n\n[^1]: Theo Sở.\n\n"
        "`[^3]` là ví dụ.\n"
    )
    site_markdown.reset()
    html = site_markdown.convert(text)
    printed = set(re.findall(r"\[\^([^\]]+)\]", re.sub(r"<code>.*?</code>", "", html)))
    missing = Source.of(text, front_matter=False).footnotes_missing
    assert printed == {label for _l, _c, label in missing} == {"nguon", "2", "ghi chú"}
    assert [(line, col) for line, col, _ in missing] == [(1, 18), (3, 10), (3, 19)]


def test_footnotes_nothing_refers_to_are_found_as_the_site_would_list_them(
    site_markdown: markdown.Markdown,
) -> None:
    text = (
        "Lễ hội.[^1]\n\n[^1]: Theo Sở, xem [^3].\n[^2]: Thừa.\n[^3]: Dẫn từ chú thích 1.\n"
        "[^ghi chú]: Thừa.\n\n```\n[^4]: Trong mã.\n```\n\n"
        '!!! note "Giờ"\n    Giờ mở cửa[^le].\n\n    [^le]: Theo thông báo.\n'
    )
    site_markdown.reset()
    html = site_markdown.convert(text)
    referred = set(re.findall(r'id="fnref\d*:([^"]+)"', html))
    listed = set(re.findall(r'id="fn:([^"]+)"', html))
    unused = Source.of(text, front_matter=False).footnotes_unused
    assert listed - referred == {label for _l, label in unused} == {"2", "ghi chú"}
    assert [line for line, _ in unused] == [4, 6]


@pytest.mark.parametrize(
    "text",
    [
        '!!! note "Giờ"\n    Giờ mở cửa[^le].\n\n    [^le]: Theo thông báo.\n',
        "- Chợ[^a]\n\n    [^a]: Trong mục danh sách.\n",
    ],
)
def test_a_footnote_written_inside_its_block_has_its_text(
    text: str, site_markdown: markdown.Markdown
) -> None:
    site_markdown.reset()
    assert 'class="footnote-backref"' in site_markdown.convert(text)  # the site prints it
    source = Source.of(text, front_matter=False)
    assert source.footnotes_missing == () and source.footnotes_unused == ()


def test_extra_cells_are_found_as_the_site_would_drop_them(
    site_markdown: markdown.Markdown,
) -> None:
    text = "| Nơi | Giờ |\n|---|---|\n| Hồ | 24 m | sâu |\n| A \\| B | `x|y` |\n| C |\n"
    site_markdown.reset()
    html = site_markdown.convert(text)
    assert "sâu" not in html and "A | B" in html  # dropped; an escaped pipe is text
    assert Source.of(text, front_matter=False).table_overflows == ((3, 3, 2),)


@pytest.mark.parametrize(
    ("line", "col"),
    [
        ("Tỉnh rộng {{ value key-figures/area }.", 11),
        ("Tỉnh rộng { value key-figures/area }}.", 36),
        ("Tỉnh rộng {{ value key-figures/area }} và {{ value key-figures/population", 43),
    ],
)
def test_braces_that_do_not_pair_up_are_found(line: str, col: int) -> None:
    text = f"Mở đầu.\n\n{line}\n\n`{{{{ ví dụ` trong mã.\n"
    assert Source.of(text, front_matter=False).unclosed_directives == ((3, col),)


RULE_CASES = {
    "notice": "!!! tip “Lưu ý”\n    Nên đi sớm.\n",
    "footnote": "Lễ hội.[^nguon]\n",
    "unclosed-directive": "Tỉnh rộng {{ value key-figures/area }.\n",
    "table-cells": "| Nơi | Giờ |\n|---|---|\n| Hồ | 24 m | sâu |\n",
    "backslash-link": "Xem [ưu đãi](..\\..\\dau-tu\\index.md).\n",
    "heading-order": "## Giờ mở cửa\n\n#### Mùa lễ hội\n\nĐông khách.\n",
    "link-space": '[Bản đồ](https://maps.example.org/place/Tòa Thánh Tây Ninh "Bản đồ").\n',
    "heading-id": "## Giá vé {#gia ve}\n\nBa mươi nghìn.\n",
    "unclosed-html": '<div class="luu-y">\n\nMở cửa hằng ngày.\n',
    "bare-url": "Đặt vé tại www.sunworld.vn/ba-den.\n",
}


@pytest.mark.parametrize("rule", RULE_CASES)
def test_each_rule_reports_the_line_written(fixture_project: Project, rule: str) -> None:
    root = fixture_project.root
    page = root / "docs/vi" / PARK
    before = page.read_text(encoding="utf-8")
    page.write_text(before + "\n" + RULE_CASES[rule], "utf-8")
    found = [f for f in check_translations(reload(root)) if f.path == f"docs/vi/{PARK}"]
    assert [f.rule for f in found] == [rule]
    written = len(before.split("\n")) + 1
    assert found[0].line in (written, written + 2)  # the line, or the row of the table


def test_a_figure_in_the_title_or_description_is_refused(fixture_project: Project) -> None:
    root = fixture_project.root
    page = root / "docs/vi" / PARK
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("description: ", "description: {{ value x/y }} ", 1), "utf-8")
    [finding] = [f for f in check_translations(reload(root)) if f.rule == "front-matter"]
    assert finding.path == f"docs/vi/{PARK}" and finding.line == 3


def test_a_page_with_nothing_but_its_title_is_not_published(fixture_project: Project) -> None:
    root = fixture_project.root
    write_page(
        root, "vi", "dau-tu/trong.md", "---\ntitle: Trống\ndescription: x.\n---\n\n# Trống\n"
    )
    found = [f for f in check_translations(reload(root)) if f.rule == "unwritten-page"]
    assert [(f.path, f.line) for f in found] == [("docs/vi/dau-tu/trong.md", 6)]


def test_a_link_to_the_preview_is_refused(fixture_project: Project) -> None:
    root = fixture_project.root
    page = root / "docs/vi" / PARK
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text + "\nXem [Lễ hội](http://127.0.0.1:8000/du-lich/le-hoi/) và "
        "[Sở](https://localhost.example.org/).\n",
        "utf-8",
    )
    [finding] = [f for f in check_translations(reload(root)) if f.rule == "local-link"]
    assert (finding.line, finding.col) == (len(text.split("\n")) + 1, 14)


def test_a_news_item_made_by_make_new_is_dated_and_listed_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_project(tmp_path / "p")
    made = CliRunner().invoke(
        main,
        ["--root", str(root), "new", "tin-tuc/2026-12-06-cho-dem.md", "--title", "Chợ đêm mở cửa"],
    )
    assert made.exit_code == 0, made.output
    text = (root / "docs/vi/tin-tuc/2026-12-06-cho-dem.md").read_text(encoding="utf-8")
    assert "\ndate: 2026-12-06\n" in text
    nav = reload(root).nav_pages()
    assert nav[nav.index("tin-tuc/index.md") + 1] == "tin-tuc/2026-12-06-cho-dem.md"
    # an item without its date is left out of every list: refused, with the date to write
    page = root / "docs/vi/tin-tuc/2026-12-06-cho-dem.md"
    page.write_text(text.replace("date: 2026-12-06\n", ""), "utf-8")
    [finding] = check_news(reload(root))
    assert (finding.path, finding.line, finding.rule) == (
        "docs/vi/tin-tuc/2026-12-06-cho-dem.md",
        1,
        "news-date",
    )
    assert "date: 2026-12-06" in finding.hint.vi  # type: ignore[union-attr]
    # a date in another form: one finding, the front matter's
    page.write_text(text.replace("date: 2026-12-06", "date: 06/12/2026"), "utf-8")
    assert check_news(reload(root)) == []
    found = [f for f in check_translations(reload(root)) if f.rule == "front-matter"]
    assert [(f.path, f.line) for f in found] == [("docs/vi/tin-tuc/2026-12-06-cho-dem.md", 4)]
    # a mistyped year, against the file name or after today: a warning at the date's line
    monkeypatch.setenv("TNSITE_TODAY", "2026-12-07")
    for written, said in (
        ("2025-12-06", "tên tệp ghi ngày 2026-12-06"),
        ("2027-12-06", "sau hôm nay"),
    ):
        page.write_text(text.replace("date: 2026-12-06", f"date: {written}"), "utf-8")
        [finding] = check_news(reload(root))
        assert (finding.line, finding.severity.value) == (4, "warning")
        assert said in finding.message.vi
    # an item dated tomorrow, as a machine on UTC sees a Vietnamese morning: no warning
    monkeypatch.setenv("TNSITE_TODAY", "2026-12-05")
    page.write_text(text, "utf-8")
    assert check_news(reload(root)) == []


def test_a_translated_news_item_dated_otherwise_than_its_source_is_told_the_date(
    tmp_path: Path,
) -> None:
    root = copy_project(tmp_path / "p")
    item = "tin-tuc/2026-02-20-tet-binh-ngo-2026.md"
    translation = root / "docs/en" / item
    text = translation.read_text(encoding="utf-8")
    translation.write_text(text.replace("date: 2026-02-20", "date: 2026-02-02"), "utf-8")
    [finding] = check_news(reload(root))
    assert (finding.path, finding.rule, finding.severity.value) == (
        f"docs/en/{item}",
        "news-date",
        "warning",
    )
    assert finding.line == text.split("\n").index("date: 2026-02-20") + 1
    assert "viết `date: 2026-02-20`" in finding.hint.vi  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("{{ news latest count=năm }}", "count phải là một số viết bằng chữ số"),
        ("{{ news newest }}", "không phải danh sách nào"),
        ("{{ events upcoming limit=3 }}", "không có tùy chọn 'limit'"),
    ],
)
def test_a_news_list_written_wrong_is_an_error_at_its_line(
    fixture_project: Project, written: str, said: str
) -> None:
    root = fixture_project.root
    page = root / "docs/vi" / PARK
    text = page.read_text(encoding="utf-8")
    page.write_text(text + f"\n{written}\n", "utf-8")
    [finding] = check_news(reload(root))
    assert (finding.path, finding.line, finding.rule) == (
        f"docs/vi/{PARK}",
        len(text.split("\n")) + 1,
        "news-directive",
    )
    assert said in finding.message.vi and finding.severity.value == "error"


def test_a_second_page_title_and_a_long_title(fixture_project: Project) -> None:
    root = fixture_project.root
    page = root / "docs/vi" / PARK
    text = page.read_text(encoding="utf-8")
    long_title = "Khu công nghiệp " * 6
    page.write_text(
        text.replace("title: ", f"title: {long_title}", 1) + "\n# Cáp treo\n\nChữ.\n", "utf-8"
    )
    found = {f.rule: f for f in check_translations(reload(root)) if f.path == f"docs/vi/{PARK}"}
    assert found["heading-order"].line == len(text.split("\n")) + 1
    assert "dòng" in found["heading-order"].message.vi
    assert found["title-length"].severity.value == "warning" and found["title-length"].line == 2
    # a title in quotes is no link with a space
    page.write_text(text + '\n[Bản đồ](https://maps.example.org/x "Bản đồ Tây Ninh").\n', "utf-8")
    assert not [f for f in check_translations(reload(root)) if f.rule == "link-space"]


def test_a_pasted_paragraph_as_description_is_a_warning(fixture_project: Project) -> None:
    root = fixture_project.root
    page = root / "docs/vi" / PARK
    text = page.read_text(encoding="utf-8")
    long = "Các khu công nghiệp của tỉnh thu hút nhà đầu tư trong và ngoài nước. " * 3
    page.write_text(re.sub(r"description: .*", f"description: {long.strip()}", text), "utf-8")
    [finding] = [f for f in check_translations(reload(root)) if f.rule == "description-length"]
    assert (finding.line, finding.severity.value) == (3, "warning")
    assert f"dài {len(long.strip())} ký tự" in finding.message.vi
    # as long as a search result shows, and a little more: no warning
    page.write_text(re.sub(r"description: .*", f"description: {long[:180]}", text), "utf-8")
    assert not [f for f in check_translations(reload(root)) if f.rule == "description-length"]


def test_a_chinese_title_is_weighed_by_the_room_it_takes() -> None:
    from tnsite.i18n.authoring.pages import _too_long

    doc = SimpleNamespace(rel="docs/zh/x.md", fm=SimpleNamespace(line_of=lambda key: 2))
    title = "越南西宁省" * 8  # 40 characters, as wide as 80 letters
    finding = _too_long(doc, "title", title, 70, 70)  # type: ignore[arg-type]
    assert finding is not None and "dài 40 ký tự, rộng bằng 80 chữ Latinh" in finding.message.vi
    assert _too_long(doc, "title", "越南西宁省" * 7, 70, 70) is None  # type: ignore[arg-type]


def test_a_misspelt_pending_entry_is_one_error_naming_the_page(fixture_project: Project) -> None:
    root = fixture_project.root
    (root / "docs/km" / PARK).unlink()
    misspelt = PARK.replace(".md", "p.md")
    (root / "i18n/pending.yml").write_text(
        f"- path: {misspelt}\n  lang: km\n  reason: Chờ người dịch\n  until: 2999-12-31\n",
        encoding="utf-8",
    )
    [finding] = undeclared(check_translations(reload(root)))
    assert (finding.path, finding.line, finding.severity.value) == ("i18n/pending.yml", 1, "error")
    assert f"có phải {PARK}?" in finding.hint.vi  # type: ignore[union-attr]


LISTS: dict[str, tuple[str, bool]] = {
    "under a sentence": ("Các bước:\n- Đặt phòng\n- Thuê xe\n", True),
    "numbered, under a sentence": ("Các bước:\n1. Đặt phòng\n2. Thuê xe\n", True),
    "after an empty line": ("Các bước:\n\n- Đặt phòng\n- Thuê xe\n", False),
    "under a heading": ("## Các bước\n- Đặt phòng\n", False),
    "a line continuing an item": ("- Đặt phòng\nsớm\n- Thuê xe\n", False),
    "a year starting a line": ("Trong năm\n2026. Tỉnh mới ra đời.\n", False),
    "a minus sign": ("Nhiệt độ\n-5 độ về đêm.\n", False),
    "in an admonition, under its text": ('!!! tip "Mẹo"\n    Các bước:\n    - Đặt phòng\n', True),
    "in an admonition, a list alone": ('!!! tip "Mẹo"\n    - Đặt phòng\n    - Thuê xe\n', False),
    "in a quote": ("> Các bước:\n> - Đặt phòng\n", True),
    "in code": ("```\nCác bước:\n- Đặt phòng\n```\n", False),
}


@pytest.mark.parametrize("name", LISTS)
def test_a_glued_list_is_found_exactly_when_the_site_would_run_it_into_the_text(
    name: str, site_markdown: markdown.Markdown
) -> None:
    body, glued = LISTS[name]
    site_markdown.reset()
    html = site_markdown.convert(body)
    prose = re.sub(r"<pre>.*?</pre>", "", html, flags=re.S)
    run_in = bool(re.search(r"<p>[^<]*\n\s*(?:- |1\. )", prose))
    found = Source.of(body, front_matter=False).glued_lists
    assert bool(found) == glued == run_in, html


# body, the list levels its editor meant, the groups of lines found
SUBLISTS: dict[str, tuple[str, int, tuple[tuple[int, ...], ...]]] = {
    "2 spaces": ("- Sáng\n  - Chùa\n  - Chợ\n- Chiều\n", 2, ((2, 3),)),
    "3 spaces under a number": ("1. Sáng\n   - Chùa\n2. Chiều\n", 2, ((2,),)),
    "4 spaces": ("- Sáng\n    - Chùa\n- Chiều\n", 2, ()),
    "a Tab": ("- Sáng\n\t- Chùa\n", 2, ()),
    "6 under 4": ("- Sáng\n    - Chùa\n      - Cổng\n", 3, ((3,),)),
    "8 under 4": ("- Sáng\n    - Chùa\n        - Cổng\n", 3, ()),
    "after an empty line": ("- Sáng\n\n  - Chùa\n", 2, ((3,),)),
    "in an admonition": ('!!! tip "Mẹo"\n    - Sáng\n      - Chùa\n', 2, ((3,),)),
    "in a quote": ("> - Sáng\n>   - Chùa\n", 2, ((2,),)),
    "two sub-lists": ("- Sáng\n  - Chùa\n- Chiều\n  - Chợ\n", 2, ((2,), (4,))),
    "a line continuing an item": ("- Sáng\n  sớm\n- Chiều\n", 1, ()),
    "a new list after a paragraph": ("- Sáng\n\nChữ.\n\n  - Chùa\n", 1, ()),
    "one space, one level": ("- Sáng\n - Chiều\n", 1, ()),
    "in code": ("```\n- Sáng\n  - Chùa\n```\n", 0, ()),
}


def _list_depth(html: str) -> int:
    depth = deepest = 0
    for tag in re.findall(r"<(/?)[uo]l>", html):
        depth += -1 if tag else 1
        deepest = max(deepest, depth)
    return deepest


@pytest.mark.parametrize("name", SUBLISTS)
def test_a_shallow_sub_list_is_found_exactly_when_the_site_flattens_it(
    name: str, site_markdown: markdown.Markdown
) -> None:
    body, meant, expected = SUBLISTS[name]
    site_markdown.reset()
    html = site_markdown.convert(body)
    found = Source.of(body, front_matter=False).shallow_sublists
    assert found == expected, html
    assert bool(found) == (_list_depth(html) < meant), html


# body, whether its editor meant the indented text to stay in the item, the lines found
CONTINUATIONS: dict[str, tuple[str, bool, tuple[int, ...]]] = {
    "3 spaces under a number": ("1. Đăng ký\n\n   Nộp hồ sơ.\n\n2. Nhận\n", True, (3,)),
    "4 spaces under a number": ("1. Đăng ký\n\n    Nộp hồ sơ.\n\n2. Nhận\n", True, ()),
    "2 spaces under a bullet": ("- Sáng\n\n  Chi tiết.\n\n- Chiều\n", True, (3,)),
    "two paragraphs, one finding": ("- Sáng\n\n  Một.\n\n  Hai.\n", True, (3,)),
    "a line continuing the item": ("1. Sáng\n   tiếp theo\n2. Chiều\n", True, ()),
    "a paragraph after the list": ("- Sáng\n\nĐoạn mới.\n", False, ()),
    "one space: after the list": ("- Sáng\n\n Đoạn mới.\n", False, ()),
    "in a sub-list, 6 spaces": ("- Sáng\n    - Chùa\n\n      Chi tiết.\n", True, (4,)),
    "in a sub-list, 8 spaces": ("- Sáng\n    - Chùa\n\n        Chi tiết.\n", True, ()),
    "in an admonition": ('!!! tip "Mẹo"\n    - Sáng\n\n      Chi tiết.\n', True, (4,)),
    "in a quote": ("> - Sáng\n>\n>   Chi tiết.\n", True, (3,)),
    "in code": ("```\n- Sáng\n\n  Chi tiết.\n```\n", False, ()),
}


@pytest.mark.parametrize("name", CONTINUATIONS)
def test_text_dropped_out_of_its_item_is_found_exactly_when_the_site_ends_the_list(
    name: str, site_markdown: markdown.Markdown
) -> None:
    body, meant_inside, expected = CONTINUATIONS[name]
    site_markdown.reset()
    html = site_markdown.convert(body)
    ended = bool(re.search(r"</[ou]l>\s*<p>", html))
    found = Source.of(body, front_matter=False).shallow_continuations
    assert found == expected, html
    assert bool(found) == (meant_inside and ended), html


def test_a_shallow_sub_list_is_one_error_naming_its_lines(fixture_project: Project) -> None:
    root = fixture_project.root
    page = root / "docs/vi" / PARK
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n- Sáng\n  - Chùa\n  - Chợ\n", "utf-8")
    [finding] = [f for f in check_translations(reload(root)) if f.rule == "list-indent"]
    start = len(text.split("\n")) + 2
    assert (finding.line, finding.severity.value) == (start, "error")
    assert f"cùng dòng {start + 1}" in finding.message.vi and "4 dấu cách" in finding.hint.vi


def test_a_non_breaking_space_in_a_box_is_named(fixture_project: Project) -> None:
    root = fixture_project.root
    page = root / "docs/vi" / PARK
    page.write_text(page.read_text(encoding="utf-8") + '\n!!! tip\u00a0"Mẹo"\n    Sớm.\n', "utf-8")
    [finding] = [f for f in check_translations(reload(root)) if f.rule == "notice"]
    assert "dấu cách đặc biệt" in finding.message.vi


def test_a_news_item_named_with_a_vietnamese_date_gets_the_name_to_use(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    result = CliRunner().invoke(
        main,
        [
            "--root",
            str(root),
            "new",
            "tin-tuc/06-12-2026-cho-dem.md",
            "--title",
            "Chợ đêm",
            "--lang",
            "vi",
        ],
    )
    assert result.exit_code == 1
    assert "PAGE=tin-tuc/2026-12-06-cho-dem.md" in result.output
    assert not (root / "docs/vi/tin-tuc/06-12-2026-cho-dem.md").exists()


HEADING_IDS = {
    "{#gia-ve}": True,
    "{: #gia-ve }": True,
    "{#gia-ve .noi-bat}": True,
    '{#gia-ve data-muc="vé vào cửa"}': True,
    "{#giá-vé}": True,  # accents are allowed in an id (links use what is written)
    "{#gia ve}": False,
    "{# gia-ve}": False,
    "{#}": False,
    "{#gia-ve noi-bat}": False,
}


@pytest.mark.parametrize("attrs", HEADING_IDS)
def test_a_heading_id_is_refused_exactly_when_the_site_would_not_give_it(
    attrs: str, site_markdown: markdown.Markdown, fixture_project: Project
) -> None:
    site_markdown.reset()
    html = site_markdown.convert(f"## Giá vé {attrs}\n")
    tag = re.match(r"<h2([^>]*)>", html)
    assert tag, html
    # The site gives the id asked for, and no attribute a browser does not know.
    given = re.fullmatch(r'(?: (?:id="[^" ]+"|class="[^"]*"|data-[\w-]+="[^"]*"))*', tag.group(1))
    assert bool(given) is HEADING_IDS[attrs], html

    root = fixture_project.root
    page = root / "docs/vi" / PARK
    page.write_text(page.read_text(encoding="utf-8") + f"\n## Giá vé {attrs}\n\nChữ.\n", "utf-8")
    found = [f for f in check_translations(reload(root)) if f.rule == "heading-id"]
    assert (not found) is HEADING_IDS[attrs], found


OPEN_BLOCKS = {
    "closed": ('<div class="luu-y">\n\nMở cửa *hằng ngày*.\n\n</div>\n', False),
    "closed, Markdown inside": ("<div markdown>\n\nMở cửa *hằng ngày*.\n\n</div>\n", False),
    "never closed": ('<div class="luu-y">\n\nMở cửa *hằng ngày*.\n', True),
    "never closed, Markdown inside": ("<div markdown>\n\nMở cửa *hằng ngày*.\n", True),
    "details never closed": ("<details>\n<summary>Giá</summary>\n\nMở cửa *hằng ngày*.\n", True),
    "in code": ('```html\n<div class="luu-y">\n```\n\nMở cửa *hằng ngày*.\n', False),
    "in a code span": ("Viết `<div>` để mở.\n\nMở cửa *hằng ngày*.\n", False),
}


@pytest.mark.parametrize("name", OPEN_BLOCKS)
def test_an_open_element_is_found_exactly_when_the_page_after_it_is_taken_in(
    name: str, site_markdown: markdown.Markdown
) -> None:
    body, taken = OPEN_BLOCKS[name]
    text = f"Mở đầu.\n\n{body}\n## Giá vé\n\nBa mươi nghìn.\n"
    site_markdown.reset()
    html = site_markdown.convert(text)
    # Taken in: the heading after it is not converted, or ends up inside the element.
    inside = re.search(r"<(div|details)\b[^>]*>(?:(?!</\1>).)*Giá vé", html, re.S)
    assert bool("## Giá vé" in html or inside) is taken, html
    assert bool(Source.of(text, front_matter=False).unclosed_html) is taken


@pytest.mark.parametrize(
    ("block", "rule", "said"),
    [
        ("•\tĐi xe buýt 152\n•\tĐi taxi", "list-marker", "viết `- ` thay cho mỗi dấu `•`"),
        ("1) Gửi thư\n2) Gọi điện", "list-marker", "viết `1.`, `2.`"),
        ("Ngày\tSáng\tChiều\nThứ Hai\tMở\tMở", "table-format", "`|---|---|`"),
        ("| Ngày | Sáng | Chiều |\n| Thứ Hai | Mở | Mở |", "table-format", "`|---|---|---|`"),
    ],
    ids=["word bullets", "1) numbering", "tabbed columns", "table without its rule row"],
)
def test_a_list_or_table_pasted_from_a_word_processor_is_one_error_at_its_first_line(
    fixture_project: Project, block: str, rule: str, said: str
) -> None:
    page = fixture_project.root / "docs/vi" / PARK
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n" + block + "\n\nHết.\n", "utf-8")
    found = [
        f
        for f in check_translations(reload(fixture_project.root))
        if f.path == f"docs/vi/{PARK}" and f.severity.value == "error"
    ]
    assert [(f.rule, f.line) for f in found] == [(rule, len(text.split("\n")) + 1)]
    assert said in found[0].hint.vi  # type: ignore[union-attr]


def test_tables_and_lists_written_in_markdown_are_not_taken_for_pasted_ones(
    fixture_project: Project,
) -> None:
    page = fixture_project.root / "docs/vi" / PARK
    text = page.read_text(encoding="utf-8")
    block = "| A | B |\n|---|---|\n| 1 | 2 |\n\n- một\n- hai\n\n1. một\n2. hai\n"
    page.write_text(text + "\n" + block, "utf-8")
    rules = {"list-marker", "table-format"}
    assert not [f for f in check_translations(reload(fixture_project.root)) if f.rule in rules]


def test_a_link_in_a_description_is_told_it_shows_as_written(fixture_project: Project) -> None:
    root = fixture_project.root
    page = root / "docs/vi" / PARK
    text = page.read_text(encoding="utf-8")
    assert "\ndescription: " in text
    page.write_text(text.replace("\ndescription: ", "\ndescription: Xem [bản đồ](map.md). ", 1))
    [finding] = [f for f in check_translations(reload(root)) if f.rule == "description-markup"]
    assert finding.path == f"docs/vi/{PARK}" and finding.severity.value == "warning"
    assert "viết chữ thường: bản đồ" in finding.hint.vi  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "guess"),
    [("ngay_su_kien: 2027-02-09", None), ("descripton: Khu công nghiệp", "description")],
)
def test_a_front_matter_key_nothing_reads_is_a_warning_at_its_line(
    fixture_project: Project, line: str, guess: str | None
) -> None:
    root = fixture_project.root
    page = root / "docs/vi" / PARK
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\ndescription: ", f"\n{line}\ndescription: ", 1), "utf-8")
    [finding] = [f for f in check_translations(reload(root)) if f.rule == "front-matter-key"]
    assert (
        finding.line
        == text.split("\n").index(
            next(t for t in text.split("\n") if t.startswith("description: "))
        )
        + 1
    )
    assert finding.severity.value == "warning"
    hint = finding.hint.vi  # type: ignore[union-attr]
    assert (f"có phải `{guess}:`?" in hint) if guess else ("có phải" not in hint)

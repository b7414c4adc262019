"""Directives: found outside code with their positions; unknown views, datasets and records
give a `data-directive` finding that lists the valid names; foreign views are left alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.data.fixture import make_project, reload, write_page
from tnsite.config import Project
from tnsite.data.checks import check_data, page_findings
from tnsite.data.directives import View, get_view, parse, register_view, views
from tnsite.data.store import load_store
from tnsite.findings import Severity


def test_parse_finds_positions_and_skips_code() -> None:
    text = (
        "# T\n\nArea {{ value key-figures/area }} here.\n\n"
        "```\n{{ value key-figures/nope }}\n```\n\n`{{ map }}` inline code\n\n"
        "{{ figures key-figures ids=a,b }}\n"
    )
    found = list(parse(text))
    assert [(d.view, d.dataset, d.record, d.line, d.col, d.block) for d in found] == [
        ("value", "key-figures", "area", 3, 6, False),
        ("figures", "key-figures", None, 11, 1, True),
    ]
    assert found[1].options == {"ids": "a,b"}


@pytest.fixture(scope="module")
def store(project: Project):  # type: ignore[no-untyped-def]
    return load_store(project)


@pytest.mark.parametrize(
    ("line", "message", "listed"),
    [
        ("{{ valeu key-figures/area }}", "unknown view 'valeu'", "did you mean 'value'"),
        ("{{ table industrial-park }}", "unknown dataset 'industrial-park'", "industrial-parks"),
        ("{{ value key-figures/areas }}", "unknown record 'areas'", "did you mean 'area'?"),
        ("{{ value key-figures/zzzz }}", "unknown record 'zzzz'", "ids: `area`, `auxiliary-gates`"),
        ("{{ table key-figures }}", "cannot show dataset 'key-figures'", "border-gates"),
        ("Text {{ map }} inline.", "must stand alone on its line", "own"),
        # a view another plugin draws splits the sentence just the same
        ("Xem ảnh {{ photo ba-den }} dưới núi.", "must stand alone on its line", "own"),
        (
            "{{ value key-figures/old-tay-ninh-population-2022 }}",
            "confirmed: false",
            "second source",
        ),
        ("{{ figures key-figures }}", "needs ids=", "ids=area"),
        ("{{ figures key-figures ids=area,nope }}", "unknown record 'nope'", "ids:"),
        ("{{ chart fdi-series colour=red }}", "unknown option 'colour'", "takes no option"),
        ("{{ value key-figures/area unit=ha }}", "unknown option 'unit'", "takes no option"),
        ("{{ value key-figures }}", "names no record", "key-figures/ID"),
        ("{{ map key-figures }}", "takes no dataset", "{{ map }}"),
        (
            "{{ figures key-figures ids=area, population }}",
            "a space after a comma cuts the list",
            "ids=area,population }}",
        ),
        (
            "{{ value key-figures/popula\u200btion }}",
            "an invisible character in it (U+200B)",
            "type it again: {{ value key-figures/population }}",
        ),
    ],
)
def test_bad_directives_are_explained(store, line: str, message: str, listed: str) -> None:  # type: ignore[no-untyped-def]
    text = f"---\ntitle: T\n---\n\n# T\n\n{line}\n"
    findings = [
        f for f in page_findings(text, "docs/en/x.md", "en", store) if f.severity is Severity.ERROR
    ]
    assert findings, line
    finding = findings[0]
    assert (finding.path, finding.line, finding.rule) == ("docs/en/x.md", 7, "data-directive")
    rendered = finding.render()
    assert message in rendered and listed in rendered, rendered
    assert finding.message.vi != finding.message.en


def test_valid_and_foreign_directives_pass(store) -> None:  # type: ignore[no-untyped-def]
    text = (
        "{{ value key-figures/area }}\n\n{{ figures key-figures ids=area,population }}\n\n"
        "{{ table festivals }}\n\n{{ cards destinations }}\n\n{{ chart visitors-series }}\n\n"
        "{{ map }}\n\n{{ contacts }}\n\n{{ events upcoming }}\n\n{{ news latest count=3 }}\n\n"
        "{{ photo ba-den hero }}\n"
    )
    # On a day when every figure shown is within its freshness (see test_freshness.py).
    assert page_findings(text, "docs/vi/x.md", "vi", store, dt.date(2025, 12, 1)) == []


def test_a_doubled_qualifier_is_a_warning(store) -> None:  # type: ignore[no-untyped-def]
    (finding,) = page_findings(
        "Dài khoảng {{ value key-figures/border-length }}.\n", "docs/vi/x.md", "vi", store
    )
    assert finding.severity is Severity.WARNING and "khoảng" in finding.message.en


def test_another_module_can_register_a_view(store) -> None:  # type: ignore[no-untyped-def]
    before = views()
    try:
        assert page_findings("{{ weather today }}\n", "docs/vi/x.md", "vi", store)
        register_view(View("weather"))
        assert get_view("weather") is not None
        assert page_findings("{{ weather today }}\n", "docs/vi/x.md", "vi", store) == []
    finally:
        import tnsite.data.directives as module

        module._VIEWS.clear()
        module._VIEWS.update(before)
        module._signature.clear()


def test_tnsite_check_reports_directive_errors_with_path_and_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "proj")
    write_page(
        project.root,
        "km",
        "bad.md",
        "---\ntitle: T\n---\n\n# T\n\nA {{ value key-figures/arae }}\n",
    )
    findings = [f for f in check_data(reload(project.root)) if f.severity is Severity.ERROR]
    assert [(f.path, f.line, f.col, f.rule) for f in findings] == [
        ("docs/km/bad.md", 7, 3, "data-directive")
    ]
    assert "did you mean 'area'" in findings[0].render()


def test_a_record_id_written_with_spaces_is_one_error_with_the_id_to_write(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "proj")
    data = project.root / "data/key-figures.yml"
    text = data.read_text(encoding="utf-8")
    start = text.index("  - id: area\n")
    block = text[start : text.index("  - id: ", start + 1)]
    text = text[:start] + block.replace("id: area", "id: diện tích") + text[start:]
    data.write_text(text, encoding="utf-8")
    write_page(
        project.root,
        "vi",
        "x.md",
        "---\ntitle: T\n---\n\n# T\n\n{{ value key-figures/diện tích }}\n",
    )
    errors = [f for f in check_data(reload(project.root)) if f.severity is Severity.ERROR]
    assert [(f.path, f.rule) for f in errors if f.path != "data/key-figures.yml"] == [], [
        f.render("vi") for f in errors
    ]
    spaced = [f for f in errors if "diện tích" in f.message.vi]
    assert len(spaced) == 1 and "viết 'dien-tich'" in spaced[0].render("vi")


def test_the_real_pages_use_only_valid_directives(project: Project) -> None:
    errors = [f.render() for f in check_data(project) if f.severity is Severity.ERROR]
    assert errors == []


def test_a_doubled_qualifier_is_found_in_a_script_without_spaces(store) -> None:  # type: ignore[no-untyped-def]
    """'全长约{{ value }}' where the figure reads '约 …': Chinese has no space before it."""
    (finding,) = page_findings(
        "边境线全长约{{ value key-figures/border-length }}。\n", "docs/zh/x.md", "zh", store
    )
    assert "约" in finding.message.en
    assert (
        page_findings(
            "边境线全长为{{ value key-figures/border-length }}。\n", "docs/zh/x.md", "zh", store
        )
        == []
    )

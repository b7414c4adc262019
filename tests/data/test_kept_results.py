"""Results kept between builds of one process (the preview's rebuilds) follow what they are
made from: a data file edited, a page deleted, a page's text changed."""

from __future__ import annotations

from pathlib import Path

from tests.data.fixture import make_project, reload, set_figure, write_page
from tnsite.data.checks import page_findings
from tnsite.data.store import load_store


def _missing_page(findings: list, page: str) -> list:  # type: ignore[type-arg]
    return [f for f in findings if f"page '{page}' does not exist" in f.message.en]


def test_the_store_sees_a_deleted_page_and_an_edited_figure(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    project = make_project(root)
    first = load_store(project)
    assert load_store(reload(root)) is first  # nothing changed: the same store
    assert not _missing_page(first.findings, "du-lich/nui-ba-den.md")

    (root / "docs" / "vi" / "du-lich" / "nui-ba-den.md").unlink()
    after_delete = load_store(reload(root))
    (finding,) = _missing_page(after_delete.findings, "du-lich/nui-ba-den.md")
    assert finding.path == "data/destinations.yml"

    set_figure(root, "area", "8600")
    after_edit = load_store(reload(root))
    assert after_edit.signature != after_delete.signature
    record = after_edit.figure("area")
    assert record is not None and float(record["value"]) == 8600


def test_page_findings_follow_the_page_text_and_the_data(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    project = make_project(root)
    rel = "docs/vi/x.md"
    text = "Diện tích {{ value key-figures/area }}.\n"
    assert page_findings(text, rel, "vi", load_store(project)) == []
    wrong = "Diện tích {{ value key-figures/aera }}.\n"
    (finding,) = page_findings(wrong, rel, "vi", load_store(project))
    assert finding.line == 1 and "aera" in finding.message.en

    # The same text, once the record it names is gone from data/, is an error too.
    path = root / "data" / "key-figures.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  - id: area\n", "  - id: area-km2\n"),
        encoding="utf-8",
    )
    write_page(root, "vi", "x.md", text)
    (gone,) = page_findings(text, rel, "vi", load_store(reload(root)))
    assert "area" in gone.message.en

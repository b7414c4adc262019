"""Source versions, staleness by section, and the editors' status views."""

from __future__ import annotations

import datetime as dt
import json
import shutil

from tnsite.config import Project
from tnsite.i18n.importance import importance_order
from tnsite.i18n.model import State, load_model
from tnsite.i18n.rules import check_translations
from tnsite.i18n.snapshots import snapshot_of
from tnsite.i18n.status import build_status, render_markdown, render_text, write_json

PARK = "dau-tu/khu-cong-nghiep.md"
TODAY = dt.date(2026, 11, 26)


def edit(project: Project, rel: str, old: str, new: str) -> None:
    path = project.root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_one_paragraph(project: Project) -> None:
    edit(
        project,
        f"docs/vi/{PARK}",
        "Nhiều khu đã lấp đầy phần lớn diện tích và đang mở rộng.",
        "Nhiều khu đã lấp đầy gần hết diện tích; tỉnh đang chuẩn bị đất cho khu mới.",
    )


def test_status_names_the_changed_heading_in_both_translations(fixture_project: Project) -> None:
    edit_one_paragraph(fixture_project)
    status = build_status(load_model(fixture_project, TODAY))
    for lang in status.languages:
        [entry] = lang.with_state(State.OUTDATED)
        assert entry.path == PARK
        assert [(c.kind, c.key, c.title) for c in entry.staleness.changes] == [
            ("changed", "occupancy", "Tỷ lệ lấp đầy")
        ]
    text = render_text(status)
    assert text.count('changed "Tỷ lệ lấp đầy" (#occupancy)') == 2
    assert "#overview" not in text and "#planning" not in text
    report = json.loads(write_json(status, fixture_project.root / "r.json").read_text())
    for code in ("en", "km"):
        page = next(p for p in report["languages"][code]["pages"] if p["path"] == PARK)
        assert page["state"] == "outdated"
        assert [s["id"] for s in page["sections"]] == ["occupancy"]
        assert report["languages"][code]["counts"]["outdated"] == 1


def test_rewrapping_a_paragraph_is_not_a_change(fixture_project: Project) -> None:
    edit(
        fixture_project,
        f"docs/vi/{PARK}",
        "Nhiều khu đã lấp đầy phần lớn diện tích và đang mở rộng.",
        "Nhiều khu đã lấp đầy phần lớn diện tích\nvà đang   mở rộng.  ",
    )
    assert check_translations(fixture_project, TODAY) == []


def test_a_changed_description_names_the_front_matter(fixture_project: Project) -> None:
    edit(fixture_project, "docs/vi/index.md", "với nhà đầu tư và du khách", "với mọi người")
    model = load_model(fixture_project, TODAY)
    changes = model.entry("en", "index.md").staleness.changes
    assert [c.key for c in changes] == ["_front-matter"]


def test_moving_a_page_with_its_translations_keeps_them_up_to_date(
    fixture_project: Project,
) -> None:
    moved = "dau-tu/khu-cong-nghiep-moi.md"
    for code in fixture_project.codes:
        old = fixture_project.root / "docs" / code / PARK
        text = old.read_text(encoding="utf-8").replace(f"source: {PARK}", f"source: {moved}")
        (fixture_project.root / "docs" / code / moved).write_text(text, encoding="utf-8")
        old.unlink()
    model = load_model(fixture_project, TODAY)
    assert model.entry("en", moved).state is State.CURRENT
    assert model.entry("km", moved).state is State.CURRENT
    rules = {f.rule for f in check_translations(fixture_project, TODAY) if moved in f.path}
    assert rules == set()


def test_without_the_snapshot_the_change_is_still_detected(fixture_project: Project) -> None:
    edit_one_paragraph(fixture_project)
    shutil.rmtree(fixture_project.root / "i18n" / "snapshots")
    model = load_model(fixture_project, TODAY)
    entry = model.entry("km", PARK)
    assert entry.state is State.OUTDATED and entry.staleness.reason == "no-snapshot"


def test_version_does_not_depend_on_the_path() -> None:
    text = "---\ntitle: A\ndescription: B\n---\n# A\n\nText.\n"
    assert snapshot_of(text, "a.md").version == snapshot_of(text, "b/c.md").version


def test_importance_order_home_landings_then_linked_pages(fixture_project: Project) -> None:
    model = load_model(fixture_project, TODAY)
    assert importance_order(model) == ["index.md", "dau-tu/index.md", PARK]


def test_markdown_summary_for_github(fixture_project: Project) -> None:
    (fixture_project.root / "docs/km" / PARK).unlink()
    markdown = render_markdown(build_status(load_model(fixture_project, TODAY)))
    assert "| Language | up to date | outdated | pending | missing | awaiting review |" in markdown
    assert "| Khmer (km) | 2 | 0 | 0 | 1 | 2 |" in markdown
    assert f"| missing | 1 | {PARK} |" in markdown
    vi = render_markdown(build_status(load_model(fixture_project, TODAY)), "vi")
    assert "| Tiếng Khmer (km) | 2 | 0 | 0 | 1 | 2 |" in vi

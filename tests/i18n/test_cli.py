"""The editors' commands: check (the translation rules), status, mark, new."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tests.i18n.fixture import reload
from tnsite.cli import main
from tnsite.config import Project
from tnsite.i18n.model import State, load_model
from tnsite.i18n.rules import check_translations
from tnsite.i18n.scaffold import PLACEHOLDER, PLACEHOLDER_DESCRIPTION

PARK = "dau-tu/khu-cong-nghiep.md"


def run(project: Project, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--root", str(project.root), *args])
    return result.exit_code, result.output


def test_check_fails_on_a_deleted_khmer_page_and_passes_once_pending(
    fixture_project: Project,
) -> None:
    (fixture_project.root / "docs/km" / PARK).unlink()
    code, out = run(fixture_project, "check", "--source-only")
    assert code == 1
    assert f"docs/km/{PARK}:1:1: error:" in out and "[missing-translation]" in out
    (fixture_project.root / "i18n/pending.yml").write_text(
        f"- path: {PARK}\n  lang: km\n  reason: waiting\n  until: 2999-01-01\n", encoding="utf-8"
    )
    code, out = run(fixture_project, "check", "--source-only", "--lang", "vi")
    assert code == 0, out
    assert f"docs/km/{PARK}:1:1: cảnh báo:" in out and "[pending]" in out
    assert "0 lỗi, 1 cảnh báo." in out


def test_status_writes_the_report_and_prints_markdown(fixture_project: Project) -> None:
    code, out = run(fixture_project, "status", "--format", "markdown")
    assert code == 0
    assert out.startswith("## Translation status")
    report = json.loads((fixture_project.root / "reports/translations.json").read_text())
    assert report["languages"]["km"]["counts"]["up-to-date"] == 3
    code, out = run(fixture_project, "status", "--lang", "vi")
    assert "Tiếng Khmer (km): 3 trang" in out


def test_mark_records_the_current_source_version(fixture_project: Project) -> None:
    vi = fixture_project.root / "docs/vi" / PARK
    vi.write_text(vi.read_text(encoding="utf-8") + "\nĐoạn mới.\n", encoding="utf-8")
    assert load_model(fixture_project).entry("km", PARK).state is State.OUTDATED
    code, out = run(fixture_project, "mark", f"docs/km/{PARK}")
    assert code == 0, out
    assert f"marked docs/km/{PARK}" in out
    model = load_model(fixture_project)
    assert model.entry("km", PARK).state is State.CURRENT
    assert model.entry("en", PARK).state is State.OUTDATED
    code, out = run(fixture_project, "mark", "--all", "--prune")
    assert code == 0 and "1 marked, 5 already up to date." in out
    assert check_translations(fixture_project) == []


def test_mark_refuses_source_pages_and_unknown_paths(fixture_project: Project) -> None:
    code, out = run(fixture_project, "mark", f"docs/vi/{PARK}")
    assert code == 1 and "source page" in out
    code, out = run(fixture_project, "mark", "--lang", "vi", "docs/km/nope.md")
    assert code == 1 and "không có bản dịch này" in out
    code, _ = run(fixture_project, "mark")
    assert code == 2


def test_mark_on_a_translation_not_written_yet_says_so(fixture_project: Project) -> None:
    (fixture_project.root / "docs/km" / PARK).unlink()
    code, out = run(reload(fixture_project.root), "mark", "--lang", "vi", f"docs/km/{PARK}")
    assert code == 1 and f"docs/km/{PARK} chưa có" in out and "chưa được dịch sang" in out


def test_new_page_lacks_nothing_but_its_text(fixture_project: Project) -> None:
    code, out = run(
        fixture_project,
        "new",
        "du-lich/cho-bien-gioi.md",
        "--title",
        "Chợ biên giới: mua sắm ở cửa khẩu",
    )
    assert code == 0, out
    project = reload(fixture_project.root)
    text = (project.root / "docs/vi/du-lich/cho-bien-gioi.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: 'Chợ biên giới: mua sắm ở cửa khẩu'\n")
    assert "du-lich/cho-bien-gioi.md" in project.nav_pages()
    findings = check_translations(project)
    assert {(f.path, f.rule, f.severity.value) for f in findings} == {
        ("docs/vi/du-lich/cho-bien-gioi.md", "unwritten-page", "error"),
        ("docs/en/du-lich/cho-bien-gioi.md", "pending", "warning"),
        ("docs/km/du-lich/cho-bien-gioi.md", "pending", "warning"),
    }
    page = project.root / "docs/vi/du-lich/cho-bien-gioi.md"
    page.write_text(text.replace(PLACEHOLDER, "Chợ họp mỗi sáng ở cửa khẩu."), "utf-8")
    [described] = [f for f in check_translations(project) if f.rule == "unwritten-page"]
    assert described.line == 3  # the description, still make new's
    page.write_text(
        page.read_text(encoding="utf-8").replace(PLACEHOLDER_DESCRIPTION, "Chợ ở cửa khẩu."),
        "utf-8",
    )
    assert {f.rule for f in check_translations(project)} == {"pending"}
    code, out = run(fixture_project, "new", "du-lich/cho-bien-gioi.md", "--title", "x")
    assert code == 1 and "already exists" in out


def test_new_page_joins_its_folder_in_the_nav(fixture_project: Project) -> None:
    code, out = run(fixture_project, "new", "docs/vi/dau-tu/thu-tuc.md", "--title", "Thủ tục")
    assert code == 0, out
    nav = reload(fixture_project.root).nav_pages()
    assert nav == ["index.md", "dau-tu/index.md", PARK, "dau-tu/thu-tuc.md"]
    code, _ = run(fixture_project, "new", "Bad Path.md", "--title", "x")
    assert code == 1


def test_mark_and_new_say_what_to_write_instead(fixture_project: Project) -> None:
    code, out = run(fixture_project, "mark", PARK)  # a page's name, as make move takes it
    assert code == 1 and f"docs/en/{PARK}" in out and f"docs/km/{PARK}" in out, out
    code, out = run(fixture_project, "mark", f"docs/en/{PARK.removesuffix('.md')}")
    assert code == 0, out  # the .md is understood
    code, out = run(fixture_project, "mark")
    assert code == 2 and 'make mark PAGES="' in out and "--all" not in out
    code, out = run(fixture_project, "new", "", "--title", "Chợ đêm")
    assert code == 1 and "make new PAGE=" in out and "'.md'" not in out
    code, out = run(fixture_project, "new", "du-lich/Chợ đêm.md", "--title", "Chợ đêm")
    assert code == 1 and "PAGE=du-lich/cho-dem.md" in out

"""`tnsite move` and `tnsite delete`: a page moved or deleted in every language, with everything
that points at it updated, or nothing changed at all."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from tests.conftest import ROOT
from tests.helpers.project_copy import copy_project
from tests.i18n.fixture import reload, undeclared, write_page
from tnsite.build import build_site
from tnsite.checks import available_checks
from tnsite.cli import main
from tnsite.config import Project
from tnsite.findings import Severity
from tnsite.i18n.model import load_model
from tnsite.i18n.relocate import apply_plan, plan_move
from tnsite.i18n.relocate import plan as plan_module
from tnsite.i18n.relocate.links import Site, links_to, retarget, unlink
from tnsite.i18n.relocate.yamltext import remove_key_line, replace_scalar
from tnsite.i18n.rules import check_translations

PARK = "dau-tu/khu-cong-nghiep.md"
SITE = Site(
    docs_dir=ROOT / "docs",
    root=ROOT,
    assets="assets/",
    prefixes={"vi": "", "en": "en/", "km": "km/"},
    site_url="https://example.org/",
)
OLD, NEW = "du-lich/le-hoi.md", "van-hoa/le-hoi.md"


def run(project: Project, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--root", str(project.root), *args])
    return result.exit_code, result.output


def tree(root: Path) -> dict[str, bytes]:
    """Every file of the project with its bytes: nothing may change when a command refuses."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".cache" not in p.parts
    }


def body(text: str) -> str:
    return "---\ntitle: T\ndescription: D\n---\n\n# T\n\n" + textwrap.dedent(text)


def moved(text: str, file_uri: str, new_file_uri: str | None = None) -> str:
    out, _ = retarget(text, SITE, file_uri, new_file_uri or file_uri, OLD, NEW)
    return out


# -- links --------------------------------------------------------------------------------------


def test_links_from_every_folder_follow_the_page_with_their_anchors() -> None:
    assert moved(body("[a](le-hoi.md#calendar)\n"), "vi/du-lich/index.md") == body(
        "[a](../van-hoa/le-hoi.md#calendar)\n"
    )
    assert moved(body("[a](du-lich/le-hoi.md?x=1#c)\n"), "en/index.md") == body(
        "[a](van-hoa/le-hoi.md?x=1#c)\n"
    )
    assert moved(
        body('See [a](../../du-lich/le-hoi.md "Title"){hreflang=vi}.\n'), "km/tin-tuc/2025/x.md"
    ) == body('See [a](../../van-hoa/le-hoi.md "Title"){hreflang=vi}.\n')
    # a reference definition, a link into another language's tree, an address written in
    # raw HTML (resolved from the page's address, one folder deeper than its file) and the
    # site's own address written in full
    text = body(
        """\
        [Lịch][cal] and <a href="../../du-lich/le-hoi/#calendar">here</a>.
        [Khmer](../../km/du-lich/le-hoi.md) and <https://example.org/en/du-lich/le-hoi/#c>

        [cal]: ../du-lich/le-hoi.md
        """
    )
    assert moved(text, "vi/su-kien/lich.md") == body(
        """\
        [Lịch][cal] and <a href="../../van-hoa/le-hoi/#calendar">here</a>.
        [Khmer](../../km/van-hoa/le-hoi.md) and <https://example.org/en/van-hoa/le-hoi/#c>

        [cal]: ../van-hoa/le-hoi.md
        """
    )


def test_links_to_a_folder_index_page_follow_it() -> None:
    text = body('[up](index.md#x) and <a href="../">the section</a> and [n](nui-ba-den.md)\n')
    new, _ = retarget(
        text,
        SITE,
        "vi/du-lich/le-hoi.md",
        "vi/du-lich/le-hoi.md",
        "du-lich/index.md",
        "kham-pha/index.md",
    )
    assert new == body(
        '[up](../kham-pha/index.md#x) and <a href="../../kham-pha/">the section</a> and '
        "[n](nui-ba-den.md)\n"
    )


def test_links_to_other_pages_and_inside_code_are_left_alone() -> None:
    text = body(
        """\
        [other](le-hoi-khac.md), [self](#calendar), [web](https://example.com/du-lich/le-hoi.md)
        and `[code span](le-hoi.md)`:

        ```markdown
        [fenced](le-hoi.md)
        ```

        ~~~
        <a href="../le-hoi/">fenced html</a>
        ~~~
        """
    )
    new, edits = retarget(text, SITE, "vi/du-lich/index.md", "vi/du-lich/index.md", OLD, NEW)
    assert new == text and edits == []


def test_a_moved_page_keeps_its_own_links_working() -> None:
    text = body(
        """\
        [home](../index.md), [same folder](nui-ba-den.md#summit),
        [self](le-hoi.md#calendar),
        ![map](../../assets/images/logo.svg), <img src="../../assets/images/logo.svg" alt="">,
        [top](#calendar) and [web](https://example.com/).
        """
    )
    new, edits = retarget(
        text,
        SITE,
        "vi/du-lich/le-hoi.md",
        "vi/le-hoi-truyen-thong.md",
        OLD,
        "le-hoi-truyen-thong.md",
    )
    assert new == body(
        """\
        [home](index.md), [same folder](du-lich/nui-ba-den.md#summit),
        [self](le-hoi-truyen-thong.md#calendar),
        ![map](../assets/images/logo.svg), <img src="../assets/images/logo.svg" alt="">,
        [top](#calendar) and [web](https://example.com/).
        """
    )
    assert [(e.line, e.old) for e in edits][:2] == [(8, "../index.md"), (8, "nui-ba-den.md#summit")]


def test_links_to_a_deleted_page_become_their_text() -> None:
    text = body(
        """\
        See [the **calendar**](le-hoi.md#calendar "Lịch"){hreflang=vi}, [see [this]](le-hoi.md),
        <a class="x" href="le-hoi/">the festivals</a> and [Lịch][cal], [cal][], [Cal].
        Keep [other](nui-ba-den.md) and `[code](le-hoi.md)`.

        [cal]: le-hoi.md
        [other-ref]: nui-ba-den.md
        """
    )
    links = links_to(text, SITE, "vi/du-lich/index.md", OLD)
    assert len(links) == 4
    new, done, cannot = unlink(text, links)
    assert cannot == []
    assert new == body(
        """\
        See the **calendar**, see [this],
        the festivals and Lịch, cal, Cal.
        Keep [other](nui-ba-den.md) and `[code](le-hoi.md)`.

        [other-ref]: nui-ba-den.md
        """
    )
    assert [d.text for d in done if d.definition] == ["cal"]
    assert len(done) == 7


def test_links_that_cannot_become_text_are_reported_not_touched() -> None:
    text = body("![a picture of the page](le-hoi.md) and <https://example.org/du-lich/le-hoi/>\n")
    links = links_to(text, SITE, "vi/du-lich/index.md", OLD)
    new, done, cannot = unlink(text, links)
    assert new == text and done == [] and len(cannot) == 2


def test_yaml_values_are_edited_where_they_stand() -> None:
    text = 'a: 1\npage: "du-lich/le-hoi.md"  # the page\nb: 2\r\n'
    changed = replace_scalar(text, 2, 7, NEW)
    assert changed == 'a: 1\npage: "van-hoa/le-hoi.md"  # the page\nb: 2\r\n'
    assert replace_scalar("x: {page: a.md, b: 1}", 1, 11, "c.md") == "x: {page: c.md, b: 1}"
    records = "records:\n  - page: a.md\n    id: x\n  - id: y\n    page: a.md\n"
    assert remove_key_line(records, 2, 5) == "records:\n  - id: x\n  - id: y\n    page: a.md\n"
    assert remove_key_line(records, 5, 5) == "records:\n  - page: a.md\n    id: x\n  - id: y\n"
    assert remove_key_line("- {page: a.md, id: x}\n", 1, 4) is None


# -- move on a small project --------------------------------------------------------------------


def _extras(root: Path) -> None:
    """A data record, a pending entry and an audit page type that name the park page."""
    (root / "data").mkdir()
    (root / "data/festivals.yml").write_text(
        "records:\n  - id: hoi\n    name: {vi: H, en: H, km: H}\n"
        f"    page: {PARK}  # the page\n    anchor: overview\n    as_of: 2025\n",
        encoding="utf-8",
    )
    (root / "data/destinations.yml").write_text(
        f"records:\n  - id: khu\n    page: {PARK}\n", encoding="utf-8"
    )
    write_page(
        root,
        "vi",
        "dau-tu/moi.md",
        "---\ntitle: Mới\ndescription: Mới.\n---\n\n# Mới\n\nTrang mới.\n",
    )
    (root / "i18n").mkdir(exist_ok=True)
    (root / "i18n/pending.yml").write_text(
        "# pending\n"
        "- path: dau-tu/moi.md\n  lang: en\n  reason: later\n  until: 2999-01-01\n"
        "- path: dau-tu/moi.md\n  lang: km\n  reason: later\n  until: 2999-01-01\n",
        encoding="utf-8",
    )
    (root / "audit.yml").write_text(
        'page_types:\n  data: {path: "dau-tu/khu-cong-nghiep/", max_kb: 300}\n'
        '  missing: {path: "dau-tu/khu-cong-nghiep/", status: 404}\n',
        encoding="utf-8",
    )


def test_move_updates_every_language_and_everything_that_names_the_page(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    _extras(root)
    code, out = run(fixture_project, "move", "dau-tu/khu-cong-nghiep.md", "thuong-mai/khu.md")
    assert code == 0, out
    for lang in ("vi", "en", "km"):
        assert not (root / f"docs/{lang}/{PARK}").exists()
        text = (root / f"docs/{lang}/thuong-mai/khu.md").read_text(encoding="utf-8")
        assert "](../dau-tu/index.md)" in text  # its own link, rebased
        index = (root / f"docs/{lang}/dau-tu/index.md").read_text(encoding="utf-8")
        assert "](../thuong-mai/khu.md)" in index
        assert not (root / f"docs/{lang}/dau-tu/khu-cong-nghiep.md").exists()
    assert "  source: thuong-mai/khu.md\n" in (root / "docs/km/thuong-mai/khu.md").read_text(
        encoding="utf-8"
    )
    assert "    page: thuong-mai/khu.md  # the page\n" in (root / "data/festivals.yml").read_text(
        encoding="utf-8"
    )
    audit = (root / "audit.yml").read_text(encoding="utf-8")
    assert '{path: "thuong-mai/khu/", max_kb: 300}' in audit
    assert '{path: "dau-tu/khu-cong-nghiep/", status: 404}' in audit  # must stay missing
    project = reload(root)
    assert "thuong-mai/khu.md" in project.nav_pages() and PARK not in project.nav_pages()
    # the output names each file and line that changed
    assert "docs/en/dau-tu/index.md:13: link khu-cong-nghiep.md → ../thuong-mai/khu.md" in out
    assert f"data/festivals.yml:4: record 'hoi': page: {PARK} → thuong-mai/khu.md" in out
    assert "audit.yml:2: page type 'data': dau-tu/khu-cong-nghiep/ → thuong-mai/khu/" in out
    assert "docs/km/thuong-mai/khu.md: moved from docs/km/dau-tu/khu-cong-nghiep.md" in out
    # translations that were up to date still are: the command changed their links too
    assert [f.render() for f in check_translations(project)] == [
        f.render() for f in check_translations(project) if f.rule == "pending"
    ]
    assert {f.severity for f in check_translations(project)} == {Severity.WARNING}


def test_move_renames_a_page_in_place_and_follows_its_pending_entries(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    _extras(root)
    before = (root / "mkdocs.yml").read_text(encoding="utf-8")
    code, out = run(fixture_project, "move", "dau-tu/moi.md", "dau-tu/moi-hon.md")
    assert code == 0, out
    pending = (root / "i18n/pending.yml").read_text(encoding="utf-8")
    assert pending.count("- path: dau-tu/moi-hon.md\n") == 2 and "# pending\n" in pending
    assert (root / "mkdocs.yml").read_text(encoding="utf-8") == before  # not in the nav
    assert {f.rule for f in check_translations(reload(root))} == {"pending"}


def test_a_page_moved_to_a_folder_of_the_nav_joins_its_pages(fixture_project: Project) -> None:
    root = fixture_project.root
    write_page(root, "vi", "gioi-thieu/index.md", "---\ntitle: G\ndescription: G.\n---\n\n# G\n")
    nav = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        nav.replace(
            "  - index.md\n",
            "  - index.md\n  - Giới thiệu:  # about\n      - Tổng quan: gioi-thieu/index.md\n",
        ),
        "utf-8",
    )
    code, out = run(fixture_project, "move", "gioi-thieu/index.md", "dau-tu/gioi-thieu.md")
    assert code == 0, out
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "Giới thiệu:" not in text  # the section it leaves empty goes
    assert "      - dau-tu/khu-cong-nghiep.md\n      - Tổng quan: dau-tu/gioi-thieu.md\n" in text
    assert "mkdocs.yml:56: navigation: section removed (no page left in it)" in out
    assert (
        "mkdocs.yml:59: navigation: gioi-thieu/index.md (was line 57) → dau-tu/gioi-thieu.md" in out
    )
    assert reload(root).nav_pages()[-1] == "dau-tu/gioi-thieu.md"


def test_a_folder_as_the_new_name_keeps_the_file_name(fixture_project: Project) -> None:
    given = str(fixture_project.root / "docs/vi" / PARK)  # an absolute path works too
    code, out = run(fixture_project, "move", given, "thuong-mai/")
    assert code == 0, out
    assert (fixture_project.root / "docs/km/thuong-mai/khu-cong-nghiep.md").is_file()


def test_move_accepts_a_translation_path_and_moves_every_language(
    fixture_project: Project,
) -> None:
    code, out = run(fixture_project, "move", f"docs/km/{PARK}", "docs/km/dau-tu/khu.md")
    assert code == 0, out
    for lang in ("vi", "en", "km"):
        assert (fixture_project.root / f"docs/{lang}/dau-tu/khu.md").is_file()
    assert "(vi, en, km)" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("dau-tu/khu-cong-ngiep.md", "x.md"), "Did you mean dau-tu/khu-cong-nghiep.md?"),
        ((PARK, "dau-tu/index.md"), "dau-tu/index.md already exists"),
        ((PARK, "Đầu tư/Khu Công Nghiệp.md"), "Use dau-tu/khu-cong-nghiep.md instead."),
        ((PARK, "dau-tu/khu_cn.md"), "cannot be a page's name"),
        ((PARK, f"docs/en/{PARK}"), "is already the page's name"),
        (("index.md", "trang-chu.md"), "the home page (index.md) cannot be moved"),
    ],
)
def test_move_refuses_bad_input_and_changes_nothing(
    fixture_project: Project, args: tuple[str, str], expected: str
) -> None:
    before = tree(fixture_project.root)
    code, out = run(fixture_project, "move", *args)
    assert code == 1
    assert expected in out and "Nothing was changed." in out
    assert tree(fixture_project.root) == before


def test_messages_are_in_vietnamese_with_lang_vi(fixture_project: Project) -> None:
    code, out = run(fixture_project, "move", PARK, "Khu CN.md", "--lang", "vi")
    assert code == 1
    assert out.splitlines() == [
        "lỗi: 'khu-cn.md' không dùng được làm tên trang: chỉ dùng chữ thường không dấu, chữ số "
        "và dấu gạch ngang, thư mục cách nhau bằng '/'.".replace("'khu-cn.md'", "'Khu CN.md'"),
        "Hãy dùng khu-cn.md.",
        "Không có tệp nào bị thay đổi.",
    ]
    code, out = run(fixture_project, "move", PARK, "khu-cn.md", "--lang", "vi")
    assert code == 0, out
    assert out.splitlines()[0] == f"đã chuyển {PARK} sang khu-cn.md (vi, en, km):"
    assert "liên kết khu-cong-nghiep.md → ../khu-cn.md" in out
    assert "tệp đã thay đổi. Tiếp theo: chạy make check" in out
    assert " link " not in out and "moved from" not in out


def test_line_endings_and_byte_order_marks_are_kept(fixture_project: Project) -> None:
    root = fixture_project.root
    index = root / "docs/en/dau-tu/index.md"
    crlf = "\ufeff" + index.read_text(encoding="utf-8").replace("\n", "\r\n")
    index.write_bytes(crlf.encode("utf-8"))
    code, out = run(fixture_project, "move", PARK, "dau-tu/khu.md")
    assert code == 0, out
    after = index.read_bytes().decode("utf-8")
    assert after.startswith("\ufeff---\r\n") and "](khu.md)" in after
    assert after.count("\n") == after.count("\r\n") == crlf.count("\r\n")
    assert "docs/en/dau-tu/index.md:13: link khu-cong-nghiep.md → khu.md" in out
    assert not [f for f in check_translations(reload(root)) if f.rule == "stale-translation"]


def test_a_failure_half_way_undoes_everything(
    fixture_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree(fixture_project.root)
    real = plan_module._write
    calls: list[Path] = []

    def failing(path: Path, text: str) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise OSError("disk full")
        real(path, text)

    monkeypatch.setattr(plan_module, "_write", failing)
    with pytest.raises(OSError, match="disk full"):
        apply_plan(plan_move(fixture_project, PARK, "thuong-mai/khu.md"), fixture_project.docs_dir)
    assert len(calls) == 3
    assert tree(fixture_project.root) == before
    assert not (fixture_project.root / "docs/vi/thuong-mai").exists()


def test_a_page_moved_back_leaves_one_old_address(fixture_project: Project) -> None:
    """Moved away and back: its first name is a page again, and only the name it had in
    between leads to it."""
    root = fixture_project.root
    assert run(fixture_project, "move", PARK, "thuong-mai/khu.md")[0] == 0
    code, out = run(reload(root), "move", "thuong-mai/khu.md", PARK)
    assert code == 0, out
    entries = yaml.safe_load((root / "i18n/moved.yml").read_text(encoding="utf-8"))
    assert [(e["from"], e["to"]) for e in entries] == [("thuong-mai/khu.md", PARK)]
    assert f"removed: {PARK} is a page again" in out


# -- delete on a small project ------------------------------------------------------------------


def test_delete_lists_the_links_to_the_page_and_force_turns_them_into_text(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    before = tree(root)
    code, out = run(fixture_project, "delete", PARK)
    assert code == 1
    for lang in ("vi", "en", "km"):
        assert f"docs/{lang}/dau-tu/index.md:" in out
    assert out.count("[delete]") == 3
    assert f"make delete PAGE={PARK} FORCE=1" in out
    assert tree(root) == before
    code, out = run(fixture_project, "delete", PARK, "--force")
    assert code == 0, out
    for lang in ("vi", "en", "km"):
        assert not (root / f"docs/{lang}/{PARK}").exists()
    assert "See the industrial parks.\n" in (root / "docs/en/dau-tu/index.md").read_text(
        encoding="utf-8"
    )
    assert (
        "docs/en/dau-tu/index.md:13: link to dau-tu/khu-cong-nghiep.md removed, its text kept: "
        "“industrial parks”" in out
    )
    project = reload(root)
    assert PARK not in project.nav_pages()
    assert check_translations(project) == []


def test_delete_removes_optional_fields_and_pending_entries_and_stops_at_required_ones(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    _extras(root)
    before = tree(root)
    code, out = run(fixture_project, "delete", PARK, "--force")
    assert code == 1
    assert "data/destinations.yml:3:11: error: record 'khu' must name a page" in out
    assert "audit.yml:2:16: error: the audit measures its page type 'data'" in out
    assert tree(root) == before
    (root / "data/destinations.yml").unlink()
    (root / "audit.yml").unlink()
    code, out = run(fixture_project, "delete", PARK, "--force")
    assert code == 0, out
    assert (root / "data/festivals.yml").read_text(encoding="utf-8") == (
        "records:\n  - id: hoi\n    name: {vi: H, en: H, km: H}\n    as_of: 2025\n"
    )
    code, out = run(fixture_project, "delete", "dau-tu/moi.md")
    assert code == 0, out
    assert (root / "i18n/pending.yml").read_text(encoding="utf-8") == "# pending\n[]\n"
    assert "i18n/pending.yml:2: pending entry removed (dau-tu/moi.md, en)" in out


def test_what_force_cannot_settle_is_listed_first_and_not_offered_force(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    _extras(root)
    code, out = run(fixture_project, "delete", PARK)
    assert code == 1
    lines = [line for line in out.splitlines() if "[delete]" in line]
    assert [line.split(":")[0] for line in lines[:2]] == ["data/destinations.yml", "audit.yml"]
    assert all("docs/" in line for line in lines[2:]) and len(lines) == 5
    assert "First fix the 2 problem(s) at the top of the list (FORCE=1 does not)" in out


def test_delete_refuses_a_translation_path_when_other_languages_have_the_page(
    fixture_project: Project,
) -> None:
    before = tree(fixture_project.root)
    code, out = run(fixture_project, "delete", f"docs/km/{PARK}", "--force")
    assert code == 1
    assert f"docs/km/{PARK} is the Khmer translation of {PARK}" in out
    assert f"make delete PAGE={PARK}" in out
    assert tree(fixture_project.root) == before
    code, out = run(fixture_project, "delete", f"docs/vi/{PARK}", "--force")
    assert code == 0, out
    assert f"deleted {PARK} (vi, en, km):" in out


def test_delete_removes_a_nav_section_left_empty(fixture_project: Project) -> None:
    root = fixture_project.root
    for page in ("dau-tu/index.md", PARK):
        code, out = run(fixture_project, "delete", page, "--force")
        assert code == 0, out
    assert "mkdocs.yml:56: navigation: section removed (no page left in it)" in out
    assert reload(root).nav() == ["index.md"]
    assert not (root / "docs/vi/dau-tu").exists()


def test_delete_refuses_edits_it_cannot_make_safely(fixture_project: Project) -> None:
    root = fixture_project.root
    (root / "data").mkdir()
    (root / "data/festivals.yml").write_text(
        f"records:\n  - {{id: hoi, page: {PARK}, anchor: overview}}\n", encoding="utf-8"
    )
    home = root / "docs/vi/index.md"
    home.write_text(
        home.read_text(encoding="utf-8") + f"\n![ảnh trang](dau-tu/{PARK.split('/')[1]})\n",
        encoding="utf-8",
    )
    before = tree(root)
    code, out = run(fixture_project, "delete", PARK, "--force")
    assert code == 1
    assert "data/festivals.yml:2:" in out and "cannot be edited automatically" in out
    assert "docs/vi/index.md:14:" in out and "cannot be turned into plain text" in out
    assert tree(root) == before


def test_unknown_pages_are_refused(fixture_project: Project) -> None:
    code, out = run(fixture_project, "delete", "du-lich/khong-co.md")
    assert code == 1
    assert "there is no page du-lich/khong-co.md in docs/vi/, docs/en/, docs/km/" in out


# -- the real site ------------------------------------------------------------------------------


def _errors(project: Project) -> list[str]:
    findings = [f for check in available_checks() for f in check.run(project)]
    return [f.render() for f in findings if f.severity is Severity.ERROR]


def test_move_then_delete_on_the_real_site_keeps_it_building_and_clean(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "site-copy")
    project = reload(root)
    linked = sum(
        len(links_to(doc.text, Site.of(project), f"{doc.lang}/{doc.path}", OLD))
        for pages in load_model(project).pages.values()
        for doc in pages.values()
    )
    assert linked > 30  # linked from pages of every language

    code, out = run(project, "move", OLD, NEW)
    assert code == 0, out
    project = reload(root)
    build_site(project, project.site_dir)
    assert _errors(project) == []
    findings = check_translations(project)
    assert undeclared(findings) == []  # no translation made stale by the move
    pending = {f.path for f in findings} - {f.path for f in undeclared(findings)}
    for code in project.translation_codes:  # a pending declaration follows the page
        assert f"docs/{code}/du-lich/le-hoi.md" not in pending
        if not (project.docs_dir / code / "van-hoa/le-hoi.md").is_file():
            assert f"docs/{code}/van-hoa/le-hoi.md" in pending
    assert (project.site_dir / "van-hoa/le-hoi/index.html").is_file()
    assert (project.site_dir / "km/van-hoa/le-hoi/index.html").is_file()
    # the old address, in every language, leads to the new one (bookmarks, search results)
    for prefix in ("", "en/", "km/", "zh/"):
        old_page = (project.site_dir / f"{prefix}du-lich/le-hoi/index.html").read_text("utf-8")
        assert 'content="0; url=../../van-hoa/le-hoi/"' in old_page
        assert f'href="{project.site_url}{prefix}van-hoa/le-hoi/"' in old_page
    assert f"from: {OLD}\n  to: {NEW}\n" in (root / "i18n/moved.yml").read_text("utf-8")

    code, out = run(project, "delete", NEW)
    assert code == 1 and f"make delete PAGE={NEW} FORCE=1" in out
    code, out = run(project, "delete", NEW, "--force")
    assert code == 0, out
    project = reload(root)
    build_site(project, project.site_dir)
    assert _errors(project) == []
    assert undeclared(check_translations(project)) == []
    assert not any("le-hoi" in f.path for f in check_translations(project))
    assert not (project.site_dir / "van-hoa").exists()
    # the old address led to the page deleted: it goes with it
    assert f"to: {NEW}" not in (root / "i18n/moved.yml").read_text("utf-8")
    assert not (project.site_dir / "du-lich/le-hoi").exists()


def _with_publications(root: Path, pages: list[str]) -> Path:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("plugins:\n", "plugins:\n  - tnsite/publish\n", 1), "utf-8")
    listed = "".join(f"      - {page}  # kept\n" for page in pages)
    file = root / "publications.yml"
    file.write_text(
        "publications:\n  - id: tap-gap\n    title: {vi: A, en: A, km: A}\n"
        f"    link: {{vi: B, en: B, km: B}}\n    pages:\n{listed}",
        encoding="utf-8",
    )
    return file


def test_publications_follow_a_moved_page_and_lose_a_deleted_one(fixture_project: Project) -> None:
    root = fixture_project.root
    file = _with_publications(root, ["dau-tu/index.md", PARK])
    code, out = run(reload(root), "move", PARK, "thuong-mai/khu.md")
    assert code == 0, out
    assert "      - thuong-mai/khu.md  # kept\n" in file.read_text(encoding="utf-8")
    assert f"publications.yml:7: publication 'tap-gap': {PARK} → thuong-mai/khu.md" in out
    code, out = run(reload(root), "delete", "thuong-mai/khu.md", "--force")
    assert code == 0, out
    assert file.read_text(encoding="utf-8").endswith(
        "    pages:\n      - dau-tu/index.md  # kept\n"
    )
    assert "publications.yml:7: publication 'tap-gap': thuong-mai/khu.md removed" in out


def test_a_publication_s_only_page_stops_the_deletion(fixture_project: Project) -> None:
    root = fixture_project.root
    file = _with_publications(root, [PARK])
    before = tree(root)
    code, out = run(reload(root), "delete", PARK, "--force")
    assert code == 1
    assert "publications.yml:6:9: error: publication 'tap-gap' prints" in out
    assert tree(root) == before and file.is_file()


def _commit(root: Path) -> None:
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "site"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=root,
            check=True,
        )


def test_a_menu_typo_corrected_by_move_leaves_no_old_address(fixture_project: Project) -> None:
    """The name was never a page (no commit held it): nobody can have its address."""
    root = fixture_project.root
    _commit(root)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(f"- {PARK}", "- dau-tu/khu-cong-ngiep.md"),
        encoding="utf-8",
    )
    code, out = run(reload(root), "move", "dau-tu/khu-cong-ngiep.md", PARK)
    assert code == 0, out
    assert f"- {PARK}" in config.read_text(encoding="utf-8")
    assert not (root / "i18n/moved.yml").exists(), out


def test_a_page_renamed_by_hand_after_its_commit_keeps_its_old_address(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    _commit(root)
    for lang in ("vi", "en", "km"):
        (root / f"docs/{lang}" / PARK).rename(root / f"docs/{lang}/dau-tu/khu.md")
    code, out = run(reload(root), "move", PARK, "dau-tu/khu.md")
    assert code == 0, out
    entries = yaml.safe_load((root / "i18n/moved.yml").read_text(encoding="utf-8"))
    assert [(e["from"], e["to"]) for e in entries] == [(PARK, "dau-tu/khu.md")]


def test_a_move_repeated_is_refused_and_changes_nothing(fixture_project: Project) -> None:
    root = fixture_project.root
    assert run(fixture_project, "move", PARK, "thuong-mai/khu.md")[0] == 0
    before = tree(root)
    code, out = run(reload(root), "move", PARK, "thuong-mai/khu.md", "--lang", "vi")
    assert code == 1
    assert f"{PARK} đã được chuyển sang thuong-mai/khu.md rồi: không còn gì phải làm" in out
    assert tree(root) == before


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("move", PARK, ""), "TO=…"),
        (("move", "", PARK), "FROM=…"),
        (("delete", " "), "PAGE=…"),
    ],
)
def test_a_name_left_out_of_make_is_named(
    fixture_project: Project, args: tuple[str, ...], named: str
) -> None:
    before = tree(fixture_project.root)
    code, out = run(fixture_project, *args, "--lang", "vi")
    assert code == 1 and f"lỗi: thiếu {named}; ví dụ: make {args[0]} " in out, out
    assert tree(fixture_project.root) == before


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("dau-tuu/moi.md", "có phải dau-tu? make new PAGE=dau-tu/moi.md"),
        ("../moi.md", "đi ra ngoài thư mục ngôn ngữ"),
    ],
)
def test_new_refuses_a_folder_typo_and_a_path_out_of_the_folder(
    fixture_project: Project, given: str, said: str
) -> None:
    before = tree(fixture_project.root)
    code, out = run(fixture_project, "new", given, "--title", "Mới", "--lang", "vi")
    assert code == 1 and said in out, out
    assert tree(fixture_project.root) == before


def test_a_translation_made_at_a_moved_page_s_old_path_is_told_where_the_page_went(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    km = (root / "docs/km" / PARK).read_text(encoding="utf-8")
    code, out = run(fixture_project, "move", PARK, "dau-tu/khu-cong-nghiep-moi.md")
    assert code == 0, out
    # A translator who worked from the old page saves the file under its old name.
    (root / "docs/km" / PARK).write_text(km, encoding="utf-8")
    [orphan] = [f for f in check_translations(reload(root)) if f.rule == "orphan-translation"]
    assert orphan.path == f"docs/km/{PARK}"
    hint = orphan.hint.vi  # type: ignore[union-attr]
    assert "chuyển tệp này sang docs/km/dau-tu/khu-cong-nghiep-moi.md" in hint, hint

"""Pages outside the language folders are published in no language: one error per folder,
with the language the folder was probably meant for."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.i18n.fixture import reload
from tnsite.check.causes import resolve
from tnsite.config import Project
from tnsite.i18n.rules import check_translations
from tnsite.langtags import meant_language

PARK = "dau-tu/khu-cong-nghiep.md"


def _language_folder(project: Project) -> list[tuple[str, str, str]]:
    return [
        (f.path, f.message.vi, f.hint.vi if f.hint else "")
        for f in check_translations(reload(project.root))
        if f.rule == "language-folder"
    ]


def test_a_translation_in_a_country_folder_is_one_error_naming_the_language(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    for page in ("index.md", PARK):
        target = root / "docs/kh" / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text((root / "docs/km" / page).read_text(encoding="utf-8"), "utf-8")
    [(path, message, hint)] = _language_folder(fixture_project)
    assert path == f"docs/kh/{PARK}"
    assert "docs/kh không phải thư mục ngôn ngữ" in message and "2 trang" in message
    assert hint.startswith("Có phải docs/km?")


def test_a_page_outside_every_language_folder_is_an_error(fixture_project: Project) -> None:
    (fixture_project.root / "docs/trang-moi.md").write_text("# Trang mới\n", "utf-8")
    [(path, _message, hint)] = _language_folder(fixture_project)
    assert path == "docs/trang-moi.md" and "docs/<vi|en|km>/" in hint


@pytest.mark.parametrize(
    ("name", "meant"),
    [
        ("cn", "zh"),
        ("zh-CN", "zh"),
        ("zh_cn", "zh"),
        ("kh", "km"),
        ("vn", "vi"),
        ("chinese", "zh"),
        ("Khmer", "km"),
        ("中文", "zh"),
        ("fr", None),  # French: a language of its own, not France taken for English
        ("assets", None),
    ],
)
def test_the_language_a_folder_name_means(name: str, meant: str | None) -> None:
    assert meant_language(name, ("vi", "en", "km", "zh")) == meant


def test_a_translation_saved_in_the_wrong_folder_is_one_error_naming_where_it_belongs(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    wrong = root / "docs/km/khu-cong-nghiep.md"
    (root / "docs/km" / PARK).rename(wrong)
    found = [f for f in check_translations(reload(root)) if f.path == "docs/km/khu-cong-nghiep.md"]
    [finding] = [f for f in resolve(found) if f.severity.value == "error"]
    assert (finding.rule, finding.line) == ("front-matter", 5)  # its `source:` line
    assert finding.hint is not None and finding.hint.vi == f"chuyển tệp này về docs/km/{PARK}"


def test_sections_a_short_translation_lacks_are_named_together(fixture_project: Project) -> None:
    root = fixture_project.root
    page = root / "docs/km" / PARK
    text = page.read_text(encoding="utf-8")
    page.write_text(text[: text.index("## អត្រាកាន់កាប់")], "utf-8")  # the last two sections cut
    found = [
        f
        for f in check_translations(reload(root))
        if f.rule == "structure-mismatch" and f.path == f"docs/km/{PARK}"
    ]
    [finding] = resolve(found)
    assert "`occupancy`" in finding.message.vi and "`planning`" in finding.message.vi


def _pending(root: Path, path: str, lang: str) -> None:
    """i18n/pending.yml declaring one page pending in one language."""
    (root / "i18n").mkdir(exist_ok=True)
    (root / "i18n/pending.yml").write_text(
        f"- path: {path}\n  lang: {lang}\n  reason: Chờ người dịch\n  until: 2999-12-31\n",
        encoding="utf-8",
    )


def test_a_pending_entry_for_a_country_code_is_one_error_naming_the_language(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    (root / "docs/km" / PARK).unlink()
    _pending(root, PARK, "kh")
    errors = [f for f in resolve(check_translations(reload(root))) if f.severity.value == "error"]
    assert [(f.path, f.line) for f in errors] == [("i18n/pending.yml", 2)]
    assert "có phải 'km'?" in errors[0].message.vi


def test_a_pending_entry_for_a_language_the_site_lacks_says_where_languages_are_added(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    _pending(root, PARK, "fr")
    errors = [f for f in resolve(check_translations(reload(root))) if f.severity.value == "error"]
    assert [(f.path, f.line) for f in errors] == [("i18n/pending.yml", 2)]
    assert "mkdocs.yml" in errors[0].message.vi and "Adding a language" in errors[0].message.vi


def test_a_pending_path_written_from_the_docs_folder_names_the_page(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    (root / "docs/km" / PARK).unlink()
    _pending(root, f"docs/vi/{PARK}", "km")
    found = resolve(check_translations(reload(root)))
    assert not [f for f in found if f.severity.value == "error"], found


def test_a_vietnamese_page_saved_in_the_english_folder_is_one_error_saying_where_it_goes(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    text = (root / "docs/vi" / PARK).read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    page = "dau-tu/cho-dem.md"
    plain = "\n".join(
        line for line in head.split("\n") if not line.startswith(("translation", " "))
    )
    (root / "docs/en" / page).write_text(f"{plain}\n---\n{body}", encoding="utf-8")
    found = [f for f in resolve(check_translations(reload(root))) if f.path == f"docs/en/{page}"]
    assert [(f.rule, f.severity.value) for f in found] == [("language-folder", "error")], found
    assert f"chuyển tệp sang docs/vi/{page}" in found[0].hint.vi  # type: ignore[union-attr]


def test_a_translation_saved_under_a_translated_name_is_one_error_saying_where_it_goes(
    fixture_project: Project,
) -> None:
    root = fixture_project.root
    (root / "docs/en" / PARK).rename(root / "docs/en/dau-tu/industrial-parks.md")
    errors = [f for f in resolve(check_translations(reload(root))) if f.severity.value == "error"]
    assert [(f.path, f.rule) for f in errors] == [
        ("docs/en/dau-tu/industrial-parks.md", "front-matter")
    ], errors
    assert f"docs/en/{PARK}" in errors[0].hint.vi  # type: ignore[union-attr]

from pathlib import Path

import pytest

from tnsite.config import load_project


def test_languages_come_from_mkdocs_yml(project) -> None:
    assert project.codes == ("vi", "en", "km", "zh")
    assert project.default_language.code == "vi"
    assert project.translation_codes == ("en", "km", "zh")
    assert project.language("km").url_prefix == "km/"


def test_exactly_one_default_language_is_required(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - i18n:\n      languages:\n"
        "        - {locale: vi, name: vi}\n        - {locale: en, name: en}\n"
    )
    with pytest.raises(ValueError, match="default"):
        load_project(tmp_path)


def test_nav_pages_are_listed_in_order(project) -> None:
    pages = project.nav_pages()
    assert pages[0] == "index.md"
    assert "dau-tu/khu-cong-nghiep.md" in pages

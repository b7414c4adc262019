"""A translation's title, description and headings left in another language are found; names,
written alike in every language, are not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.i18n.fixture import reload
from tnsite.config import Project
from tnsite.i18n.fields import untranslated_fields
from tnsite.i18n.model import load_model

PARK = "dau-tu/khu-cong-nghiep.md"


def _edit(root: Path, lang: str, old: str, new: str) -> None:
    page = root / "docs" / lang / PARK
    text = page.read_text(encoding="utf-8")
    assert re.search(old, text, flags=re.M), old
    page.write_text(re.sub(old, new, text, count=1, flags=re.M), encoding="utf-8")


def _found(project: Project) -> list[tuple[str, int, str]]:
    return [
        (f.path, f.line, f.message.vi)
        for f in untranslated_fields(load_model(reload(project.root)))
    ]


def test_the_clean_project_and_the_real_site_have_none(fixture_project: Project) -> None:
    assert _found(fixture_project) == []
    from tests.conftest import ROOT

    assert untranslated_fields(load_model(reload(ROOT))) == []


@pytest.mark.parametrize(
    ("lang", "old", "new", "line", "said"),
    [
        # the Vietnamese description kept on the Khmer page
        (
            "km",
            r"^description: .*$",
            "description: Các khu công nghiệp của tỉnh, diện tích và quy hoạch đến năm 2030.",
            3,
            "phần mô tả (`description`) chưa viết bằng tiếng Khmer",
        ),
        # a Vietnamese phrase as a Khmer heading
        ("km", r"^## ទិដ្ឋភាពទូទៅ", "## Tổng quan", 14, "tiêu đề mục này chưa viết"),
        # the English title copied into the Khmer page
        ("km", r"^title: .*$", "title: Industrial parks", 2, "tiêu đề (`title`) chưa viết"),
        # the source's title kept on the English page
        ("en", r"^title: .*$", "title: Khu công nghiệp", 2, "chưa viết bằng tiếng Anh"),
        # a Vietnamese sentence as the English description
        (
            "en",
            r"^description: .*$",
            "description: Các khu công nghiệp của tỉnh và quy hoạch mới.",
            3,
            "phần mô tả",
        ),
    ],
)
def test_a_field_left_in_another_language_is_a_warning_at_its_line(
    fixture_project: Project, lang: str, old: str, new: str, line: int, said: str
) -> None:
    _edit(fixture_project.root, lang, old, new)
    [(path, at, message)] = _found(fixture_project)
    assert (path, at) == (f"docs/{lang}/{PARK}", line)
    assert said in message


@pytest.mark.parametrize(
    ("lang", "old", "new"),
    [
        ("km", r"^## ទិដ្ឋភាពទូទៅ", "## Bình Hiệp"),  # a name, capitalised
        ("km", r"^## ទិដ្ឋភាពទូទៅ", "## RCEP"),
        ("km", r"^## ទិដ្ឋភាពទូទៅ", "## Mộc Bài – Bavet"),
        ("km", r"^## ទិដ្ឋភាពទូទៅ", "## ASEAN"),  # as the English page writes it
        ("km", r"^title: .*$", "title: Tân Nam—Meun Chey"),
        ("km", r"^## ទិដ្ឋភាពទូទៅ", "## ច្រក Mộc Bài"),  # Khmer with a name in it
        ("en", r"^## Overview", "## Tây Ninh"),  # the source's words, but a name
    ],
)
def test_names_are_not_taken_for_untranslated_words(
    fixture_project: Project, lang: str, old: str, new: str
) -> None:
    _edit(fixture_project.root, lang, old, new)
    assert _found(fixture_project) == []

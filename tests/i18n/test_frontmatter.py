import pytest

from tnsite.i18n.frontmatter import parse, set_translation_key

PAGE = """\
---
title: Industrial parks  # the title
description: Parks.
translation:
  source: dau-tu/khu-cong-nghiep.md
  review: draft
date: 2025-01-02
---

# Industrial parks
"""


def test_parse_keeps_lines() -> None:
    fm = parse(PAGE)
    assert fm.data["translation"]["review"] == "draft"
    assert fm.line_of("translation", "review") == 6
    assert fm.line_of("translation", "source_version") == 4  # absent: its parent's line
    assert fm.line_of("date") == 7
    assert fm.body_line == 9


def test_yaml_error_line_is_the_file_line() -> None:
    fm = parse("---\ntitle: A\ndescription: a: b\n---\n# A\n")
    assert fm.error and fm.error_line == 3


def test_front_matter_that_is_not_a_mapping_is_an_error() -> None:
    fm = parse("---\n- a\n- b\n---\n# A\n")
    assert fm.error and fm.error_line == 2


def test_no_front_matter() -> None:
    fm = parse("# Title\n\nText.\n")
    assert not fm.present and fm.error is None


def test_set_key_inserts_after_the_last_child_and_keeps_the_rest() -> None:
    out = set_translation_key(PAGE, "source_version", "0123456789ab")
    assert out == PAGE.replace(
        "  review: draft\n", "  review: draft\n  source_version: 0123456789ab\n"
    )
    again = set_translation_key(out, "source_version", "ba9876543210")
    assert again == out.replace("0123456789ab", "ba9876543210")


def test_set_key_quotes_a_hash_that_would_read_as_a_number() -> None:
    out = set_translation_key(PAGE, "source_version", "123456789012")
    assert parse(out).data["translation"]["source_version"] == "123456789012"


def test_set_key_rewrites_a_flow_mapping_as_block() -> None:
    page = "---\ntitle: A\ndescription: B\ntranslation: {source: a.md, review: draft}\n---\n# A\n"
    out = set_translation_key(page, "source_version", "aaaaaaaaaaaa")
    assert parse(out).data["translation"] == {
        "source": "a.md",
        "review": "draft",
        "source_version": "aaaaaaaaaaaa",
    }
    assert out.endswith("---\n# A\n")


def test_set_key_keeps_windows_line_endings() -> None:
    page = PAGE.replace("\n", "\r\n")
    out = set_translation_key(page, "source_version", "aaaaaaaaaaaa")
    assert "\n" not in out.replace("\r\n", "")
    assert "  source_version: aaaaaaaaaaaa\r\n" in out


def test_set_key_refuses_a_page_without_translation() -> None:
    with pytest.raises(ValueError):
        set_translation_key("---\ntitle: A\n---\n# A\n", "source_version", "x")

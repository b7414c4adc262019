"""The data loader keeps line numbers, keeps dates as written, and refuses duplicate keys."""

from __future__ import annotations

import pytest

from tnsite.data.yamlpos import YamlProblem, loads

TEXT = """\
title:
  vi: Tên
records:
  - id: area
    value: 8500
    as_of: 2025-06-30
  - id: wards
    value: 14
"""


def test_every_value_and_key_has_its_line_and_column() -> None:
    located = loads(TEXT)
    assert located.pos(("records", 1, "value")).line == 8
    assert located.pos(("records", 1, "value")).col == 12
    assert located.key_pos(("records", 0, "as_of")).line == 6
    assert located.pos(("records", 0, "missing", "deeper")).line == 4  # nearest parent


def test_dates_stay_strings() -> None:
    assert loads(TEXT).value["records"][0]["as_of"] == "2025-06-30"


def test_duplicate_keys_are_refused_at_the_second_key() -> None:
    with pytest.raises(YamlProblem) as info:
        loads("records:\n  - id: a\n    id: b\n")
    assert info.value.pos.line == 3 and "'id' appears twice" in info.value.message.en
    assert "xuất hiện hai lần" in info.value.message.vi


def test_syntax_errors_carry_a_position() -> None:
    with pytest.raises(YamlProblem) as info:
        loads("records:\n  - id: a\n   value: [1,\n")
    assert info.value.pos.line == 3
    assert info.value.message.en == "the indentation does not line up"
    assert info.value.hint is not None and "cùng một cột" in info.value.hint.vi

"""Every message an editor can read is written in both languages: each `Msg(...)` in the
package gives an English and a Vietnamese text, and the Vietnamese is not the English again."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "scripts" / "tnsite"


def _messages(path: Path) -> list[ast.Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Msg"
    ]


def _one_language(call: ast.Call) -> bool:
    if all(isinstance(a, ast.Constant) and a.value == "" for a in call.args):
        return False  # an empty placeholder, filled in before anyone reads it
    given = len(call.args) + sum(k.arg in ("en", "vi") for k in call.keywords)
    if given < 2:
        return True
    texts = [a for a in call.args[:2] if isinstance(a, ast.Constant)]
    return len(texts) == 2 and texts[0].value == texts[1].value


def test_every_message_has_english_and_vietnamese() -> None:
    found = {p: _messages(p) for p in sorted(PACKAGE.rglob("*.py"))}
    assert sum(len(calls) for calls in found.values()) > 200  # the scan sees the catalogue
    single = [
        f"{p.relative_to(ROOT)}:{call.lineno}"
        for p, calls in found.items()
        for call in calls
        if _one_language(call) and p.name != "findings.py"
    ]
    assert single == []


def test_the_scan_catches_a_message_in_one_language(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text('Msg("only English")\nMsg("same", "same")\nMsg("a", "b")\nMsg("")\n', "utf-8")
    assert [_one_language(c) for c in _messages(bad)] == [True, True, False, False]

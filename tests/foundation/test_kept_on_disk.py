"""Results kept on disk between builds (tnsite.memo): a later process uses them only for the
same inputs made by the same code, keeps only what its build used, and a damaged file costs a
recomputation, never a wrong result or a failed build."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tnsite import memo

PROGRAM = """
import sys
from pathlib import Path
from tnsite import memo

kept = memo.ContentMemo(keep="probe")
memo.keep_in(Path(sys.argv[1]))
for text in sys.argv[2:]:
    print(kept.get(("page", text), lambda: "computed " + text))
memo.save()
"""


def run(folder: Path, *texts: str) -> list[str]:
    """The probe memo's answers in a new process (a build after another build)."""
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(folder), *texts],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "memo"
    memo.keep_in(None)


def _marked(folder: Path, text: str) -> None:
    """Replace the kept result for `text` by a marked one, so a test can tell it was used."""
    kept: memo.ContentMemo[str] = memo.ContentMemo(keep="probe")
    memo.keep_in(folder)
    assert kept.get(("page", text), lambda: "unused") == f"computed {text}"
    kept._items[memo.digest(("page", text))] = f"kept {text}"
    kept._used.add(memo.digest(("page", text)))
    kept._fresh = True
    memo.save()


def test_a_later_process_uses_what_an_earlier_one_kept(folder: Path) -> None:
    assert run(folder, "a") == ["computed a"]
    _marked(folder, "a")
    assert run(folder, "a", "b") == ["kept a", "computed b"]


def test_other_code_does_not_trust_the_kept_results(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(folder, "a")
    _marked(folder, "a")
    # The same package under another version of the code (or of a pinned dependency).
    kept: memo.ContentMemo[str] = memo.ContentMemo(keep="probe")
    monkeypatch.setattr(memo, "code_version", lambda: "another version")
    memo.keep_in(folder)
    assert kept.get(("page", "a"), lambda: "computed again") == "computed again"


def test_a_setting_of_the_environment_is_part_of_the_code_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    memo.code_version.cache_clear()
    before = memo.code_version()
    monkeypatch.setenv("TNSITE_TODAY", "2030-01-01")  # results made on another day
    memo.code_version.cache_clear()
    try:
        assert memo.code_version() != before
    finally:
        monkeypatch.undo()
        memo.code_version.cache_clear()


def test_the_language_of_messages_keeps_every_result(monkeypatch: pytest.MonkeyPatch) -> None:
    """Findings hold both languages: `TNSITE_LANG=vi make check` after `make build` reuses
    what the build kept instead of converting every page again."""
    memo.code_version.cache_clear()
    before = memo.code_version()
    monkeypatch.setenv("TNSITE_LANG", "vi")
    memo.code_version.cache_clear()
    try:
        assert memo.code_version() == before
    finally:
        monkeypatch.undo()
        memo.code_version.cache_clear()


def test_an_upgraded_dependency_changes_the_code_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packages = tmp_path / "site-packages"
    (packages / "markdown-3.7.dist-info").mkdir(parents=True)
    monkeypatch.syspath_prepend(str(packages))
    memo.code_version.cache_clear()
    try:
        before = memo.code_version()
        (packages / "markdown-3.7.dist-info").rename(packages / "markdown-3.8.dist-info")
        memo.code_version.cache_clear()
        assert memo.code_version() != before
    finally:
        monkeypatch.undo()
        memo.code_version.cache_clear()


def test_a_build_keeps_only_what_it_used(folder: Path) -> None:
    run(folder, "old", "new")
    _marked(folder, "old")
    run(folder, "new")  # the page's text changed: the old result is not asked for
    assert run(folder, "old") == ["computed old"]


def test_a_damaged_file_is_computed_again(folder: Path) -> None:
    run(folder, "a")
    path = folder / "probe.pickle"
    path.write_bytes(path.read_bytes()[:20])
    assert run(folder, "a") == ["computed a"]
    path.write_bytes(b"not a pickle at all")
    assert run(folder, "a") == ["computed a"]
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) - 5])  # cut inside the results
    assert run(folder, "a") == ["computed a"]
    path.write_bytes(whole[:80] + bytes(range(256)) + whole[80:])  # garbage inside them
    assert run(folder, "a") == ["computed a"]
    assert run(folder, "a") == ["computed a"]  # and the file is whole again


def test_an_unwritable_folder_costs_only_the_keeping(folder: Path) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the folder should be", encoding="utf-8")
    assert run(folder, "a") == ["computed a"]


def test_a_build_that_changed_nothing_leaves_the_file_alone(folder: Path) -> None:
    run(folder, "a", "b")
    path = folder / "probe.pickle"
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    run(folder, "a", "b")  # the same results, all kept: nothing to write
    assert path.stat().st_mtime_ns == 1_000_000_000
    run(folder, "a")  # one result no longer used: the file keeps only what was
    assert path.stat().st_mtime_ns != 1_000_000_000
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    run(folder, "a", "c")  # a new result
    assert path.stat().st_mtime_ns != 1_000_000_000

"""Source dates from one `git log`: the same dates `git log -1 -- <path>` gives each file,
a folder dated by its newest file, a file not yet committed by its time on disk, and one git
process for any number of files."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from tnsite import sourcedate
from tnsite.sourcedate import SourceDates


def git(root: Path, *args: str, when: int | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if when is not None:
        env |= {"GIT_AUTHOR_DATE": f"@{when} +0000", "GIT_COMMITTER_DATE": f"@{when} +0000"}
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def at(stamp: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(stamp, dt.UTC)


def test_dates_of_files_and_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = tmp_path / "repo"
    (root / "docs" / "vi").mkdir(parents=True)
    git(root, "init", "-q")
    for name in ("a.md", "Chợ đêm.md", "1700000000"):  # an accent; a name that looks like a time
        (root / "docs" / "vi" / name).write_text("x\n", encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-qm", "first", when=1_700_000_000)
    (root / "docs" / "vi" / "a.md").write_text("y\n", encoding="utf-8")
    git(root, "commit", "-qam", "second", when=1_710_000_000)
    new = root / "docs" / "vi" / "new.md"
    new.write_text("z\n", encoding="utf-8")
    os.utime(new, (1_720_000_000, 1_720_000_000))

    runs = []
    real_run = subprocess.run
    monkeypatch.setattr(
        sourcedate.subprocess, "run", lambda *a, **k: runs.append(a) or real_run(*a, **k)
    )
    dates = SourceDates(root)
    docs = root / "docs" / "vi"
    assert dates.date([docs / "a.md"]) == at(1_710_000_000)
    assert dates.date([docs / "Chợ đêm.md"]) == at(1_700_000_000)
    assert dates.date([docs / "1700000000"]) == at(1_700_000_000)
    assert dates.date([docs / "Chợ đêm.md", docs / "a.md"]) == at(1_710_000_000)
    assert dates.date([root / "docs"]) == at(1_710_000_000)  # a folder: its newest file
    assert dates.date([new]) == at(1_720_000_000)  # not committed yet: its time on disk
    assert len(runs) == 1
    for path in (docs / "a.md", docs / "Chợ đêm.md"):
        one = git(root, "log", "-1", "--format=%ct", "--", str(path.relative_to(root)))
        assert dates.date([path]) == at(int(one))


def test_outside_git_the_newest_file_time_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    page = tmp_path / "p.md"
    page.write_text("x\n", encoding="utf-8")
    os.utime(page, (1_600_000_000, 1_600_000_000))
    assert SourceDates(tmp_path).date([page]) == at(1_600_000_000)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")
    assert SourceDates(tmp_path).date([page]) == at(1_500_000_000)

"""The date of a set of source files: fixed by the sources, not by the clock.

SOURCE_DATE_EPOCH wins when set (the reproducible-builds convention); otherwise the newest
commit that touched any of them; outside git (or for a file not yet committed), the newest file
time. Publications print it as their edition; a translation that fell behind names it as the
day its source changed.

One `git log` over the project's history gives the date of every file at once: a build that
asks for hundreds of pages starts one process, not one per page.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

LOG = ("git", "-c", "core.quotePath=false", "log", "--format=%x00%ct", "--name-only", "--relative")
MARK = "\0"  # starts the line of a commit's time in the log, so no file name is read as one


class SourceDates:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._committed: dict[str, int] | None = None
        self._in_git = False

    def date(self, sources: Iterable[Path]) -> dt.datetime:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        paths = [p for p in sources if p.exists()]
        stamps = [s for p in paths if (s := self._commit_time(p)) is not None]
        if stamps:
            return dt.datetime.fromtimestamp(max(stamps), dt.UTC)
        newest = max((p.stat().st_mtime for p in paths), default=0.0)
        return dt.datetime.fromtimestamp(int(newest), dt.UTC)

    def changed(self, path: Path) -> float:
        """When the file last changed, SOURCE_DATE_EPOCH aside (it fixes dates, not the order
        of files): its newest commit, else its modification time."""
        committed = self._commit_time(path)
        return float(committed) if committed is not None else path.stat().st_mtime

    def ever_committed(self, path: Path) -> bool | None:
        """Whether a commit ever held the file: a page name no commit had was never published
        (a typo), so no old address needs to lead anywhere. None outside git."""
        committed = self._log()
        if not self._in_git:
            return None
        try:
            return path.relative_to(self.root).as_posix() in committed
        except ValueError:
            return None

    def _commit_time(self, path: Path) -> int | None:
        """The newest commit that touched the file (or, for a folder, any file in it)."""
        try:
            rel = path.relative_to(self.root).as_posix()
        except ValueError:
            return None
        committed = self._log()
        if not path.is_dir():
            return committed.get(rel)
        inside = [t for name, t in committed.items() if name.startswith(rel + "/")]
        return max(inside, default=None)

    def _log(self) -> dict[str, int]:
        if self._committed is None:
            self._committed = {}
            try:
                result = subprocess.run(
                    [*LOG, "--", "."],
                    cwd=self.root,
                    capture_output=True,
                    text=True,
                    check=True,
                    timeout=60,
                )
            except (OSError, subprocess.SubprocessError):
                return self._committed
            self._in_git = True
            when = 0
            for line in result.stdout.splitlines():
                if line.startswith(MARK):
                    when = int(line[1:])
                elif line:
                    self._committed.setdefault(line, when)  # newest first
        return self._committed

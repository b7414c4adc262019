"""The date of a set of source files: fixed by the sources, not by the clock.

SOURCE_DATE_EPOCH wins when set (the reproducible-builds convention); otherwise the newest
commit that touched any of them; outside git, the newest file time. Publications print it as
their edition; a translation that fell behind names it as the day its source changed.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable
from pathlib import Path


def source_date(root: Path, sources: Iterable[Path]) -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    paths = [p for p in sources if p.exists()]
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", *(str(p) for p in paths)],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        )
        stamp = result.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        stamp = ""
    if stamp:
        return dt.datetime.fromtimestamp(int(stamp), dt.UTC)
    newest = max((p.stat().st_mtime for p in paths), default=0.0)
    return dt.datetime.fromtimestamp(int(newest), dt.UTC)

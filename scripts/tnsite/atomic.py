"""Writing a file so that a reader never sees half of it: the bytes go to a temporary file
beside it, which is then renamed over it (one step on the same file system). An interrupted
build, or two builds at once, leave either the old file or the new one."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        staging.write_bytes(data)
        os.replace(staging, path)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise

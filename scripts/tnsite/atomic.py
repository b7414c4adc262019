"""Writing a file so that a reader never sees half of it: the bytes go to a temporary file
beside it, which is then renamed over it (one step on the same file system). An interrupted
build, or two builds at once, leave either the old file or the new one."""

from __future__ import annotations

import os
import shutil
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


def link_or_copy(source: Path, dest: Path) -> None:
    """Put `source` at `dest` as a hard link, or as a copy where the file system refuses one
    (another device, no link support). The build takes hundreds of files that never change
    (social cards, the web editor's bundle) from caches and node_modules: a link writes no
    bytes, where copying them was a tenth of the build. The caller vouches that nothing edits
    `dest` in place afterwards, since that would edit `source` too. An existing `dest` is
    replaced, never written through."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.unlink(missing_ok=True)
    try:
        os.link(source, dest)
    except OSError:
        shutil.copyfile(source, dest)

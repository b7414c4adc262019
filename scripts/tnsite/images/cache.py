"""A content-addressed cache of encoded images and social cards (under .cache/, gitignored).

The key is a hash of the source bytes and of everything that decides the output (settings,
encoder versions, design version), so an unchanged input is never encoded twice, a changed one
always is, and nothing needs invalidating by hand. Entries are written to a temporary folder
and renamed into place, so a build that is interrupted, or two builds at once, never leave a
half-written entry behind.

An entry's files are read-only and reach the site as hard links (`place`): a build writes no
bytes for them, and a tool that tried to edit one in the built site would fail instead of
changing the cache under every later build.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from tnsite.atomic import link_or_copy

META = "meta.json"
READ_ONLY = 0o444


class ContentCache:
    def __init__(self, root: Path) -> None:
        self.root = root

    def folder(self, key: str) -> Path:
        return self.root / key[:2] / key

    def lookup(self, key: str) -> dict[str, Any] | None:
        """The entry's metadata when the entry is complete, else None."""
        meta = self.folder(key) / META
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        folder = meta.parent
        if all((folder / name).is_file() for name in data.get("files", [])):
            return data
        return None

    def place(self, key: str, name: str, dest: Path) -> None:
        """The entry's file `name` at `dest` (a link to it where the file system allows)."""
        source = self.folder(key) / name
        if source.stat().st_mode & 0o222:  # stored before entries were made read-only
            source.chmod(READ_ONLY)
        link_or_copy(source, dest)

    def store(self, key: str, files: dict[str, bytes], meta: dict[str, Any]) -> Path:
        target = self.folder(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=target.parent))
        try:
            for name, data in files.items():
                (staging / name).write_bytes(data)
                (staging / name).chmod(READ_ONLY)
            payload = {**meta, "files": sorted(files)}
            (staging / META).write_text(json.dumps(payload, sort_keys=True), encoding="utf-8")
            if target.exists():
                shutil.rmtree(target, ignore_errors=True)
            try:
                os.rename(staging, target)
            except OSError:  # another build stored the same entry meanwhile: same bytes
                shutil.rmtree(staging, ignore_errors=True)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return target

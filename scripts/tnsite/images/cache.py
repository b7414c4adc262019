"""A content-addressed cache of encoded images and social cards (under .cache/, gitignored).

The key is a hash of the source bytes and of everything that decides the output (settings,
encoder versions, design version), so an unchanged input is never encoded twice, a changed one
always is, and nothing needs invalidating by hand. Entries are written to a temporary folder
and renamed into place, so a build that is interrupted, or two builds at once, never leave a
half-written entry behind.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

META = "meta.json"


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

    def store(self, key: str, files: dict[str, bytes], meta: dict[str, Any]) -> Path:
        target = self.folder(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=target.parent))
        try:
            for name, data in files.items():
                (staging / name).write_bytes(data)
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

"""Source versions a translation was made from, kept in the repository itself.

A translation records `translation.source_version`: a short hash of its source page's content.
The hash names a snapshot file, `i18n/snapshots/<hash>.json`, holding one hash per section
(heading) of that source version. Comparing the snapshot with the source as it is now names
exactly the sections that changed.

Why not git history: CI checks out a shallow clone, and `git log --follow` loses a page that
was moved. A content hash needs neither: it is the same in any clone, and it does not care
where the file lives.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tnsite import memo
from tnsite.i18n import frontmatter
from tnsite.i18n.markdown import normalise, scan

SNAPSHOT_DIR = Path("i18n") / "snapshots"
FRONT_MATTER_KEY = "_front-matter"
# Only what a translator translates counts as a change of the front matter.
TRANSLATABLE_KEYS = ("title", "description")
HASH_LENGTH = 12
# The translation rules and the web editor's translation table both snapshot every source page.
_SNAPSHOTS: memo.ContentMemo[Snapshot] = memo.ContentMemo(keep="source-snapshots")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


@dataclass(frozen=True)
class SectionHash:
    key: str
    title: str
    level: int
    hash: str
    line: int = 0  # line in the source as it is now; not stored in snapshots


@dataclass(frozen=True)
class Snapshot:
    version: str
    source: str
    sections: tuple[SectionHash, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "version": self.version,
            "source": self.source,
            "sections": [
                {"key": s.key, "title": s.title, "level": s.level, "hash": s.hash}
                for s in self.sections
            ],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Snapshot:
        """`data` is parsed JSON, so its values are whatever the file holds."""
        sections = tuple(
            SectionHash(str(s["key"]), str(s["title"]), int(s["level"]), str(s["hash"]))
            for s in data.get("sections", [])
        )
        return cls(str(data["version"]), str(data.get("source", "")), sections)


@dataclass(frozen=True)
class Change:
    kind: str  # "changed" | "added" | "removed"
    key: str
    title: str
    line: int  # line in the current source (0 for a removed section)

    def label(self) -> str:
        if self.key == FRONT_MATTER_KEY:
            return "front matter (title, description)"
        shown = self.title or self.key
        return f'"{shown}" (#{self.key})'

    def label_vi(self) -> str:
        if self.key == FRONT_MATTER_KEY:
            return "phần đầu trang (title, description)"
        shown = self.title or self.key
        return f'"{shown}" (#{self.key})'


def snapshot_of(text: str, source: str) -> Snapshot:
    """The snapshot of a source page's content; `source` is its path under the language
    folder, recorded for people reading the store (the hash does not depend on it)."""
    return _SNAPSHOTS.get(("snapshot", text, source), lambda: _snapshot_of(text, source))


def _snapshot_of(text: str, source: str) -> Snapshot:
    fm = frontmatter.parse(text)
    sections: list[SectionHash] = []
    body_line = 1
    if fm.present and not fm.error:
        body_line = fm.body_line
        front = {k: frontmatter.to_json(fm.data.get(k)) for k in TRANSLATABLE_KEYS}
        dumped = yaml.safe_dump(front, sort_keys=True, allow_unicode=True)
        sections.append(SectionHash(FRONT_MATTER_KEY, "", 0, _digest(normalise(dumped)), 1))
    for section in scan(text, body_line, source).sections:
        sections.append(
            SectionHash(
                section.key,
                section.title,
                section.level,
                _digest(normalise(section.text)),
                section.line,
            )
        )
    version = _digest("\n".join(f"{s.key}\0{s.hash}" for s in sections))
    return Snapshot(version, source, tuple(sections))


def diff(old: Snapshot, new: Snapshot) -> list[Change]:
    """Sections of `new` that differ from `old` (in the order of `new`), then removed ones."""
    before = {s.key: s for s in old.sections}
    after = {s.key for s in new.sections}
    changes: list[Change] = []
    for section in new.sections:
        previous = before.get(section.key)
        if previous is None:
            changes.append(Change("added", section.key, section.title, section.line))
        elif previous.hash != section.hash:
            changes.append(Change("changed", section.key, section.title, section.line))
    for section in old.sections:
        if section.key not in after:
            changes.append(Change("removed", section.key, section.title, 0))
    return changes


def snapshot_payload(snapshot: Snapshot) -> str:
    """The exact text of a snapshot file (the web editor commits the same bytes)."""
    return json.dumps(snapshot.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


class SnapshotStore:
    """The folder of snapshots, addressed by version hash."""

    def __init__(self, root: Path) -> None:
        self.folder = root / SNAPSHOT_DIR

    def path(self, version: str) -> Path:
        return self.folder / f"{version}.json"

    def load(self, version: str) -> Snapshot | None:
        path = self.path(version)
        if not path.is_file():
            return None
        try:
            return Snapshot.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError):
            return None

    def save(self, snapshot: Snapshot) -> Path:
        path = self.path(snapshot.version)
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = snapshot_payload(snapshot)
        if not path.is_file() or path.read_text(encoding="utf-8") != payload:
            path.write_text(payload, encoding="utf-8")
        return path

    def prune(self, keep: Iterable[str]) -> list[Path]:
        """Delete snapshots no translation refers to any more."""
        wanted = set(keep)
        removed = []
        for path in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
            if path.stem not in wanted:
                path.unlink()
                removed.append(path)
        return removed

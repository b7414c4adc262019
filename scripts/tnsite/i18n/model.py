"""The translation model: which pages exist in which language, and where each translation
stands against its source.

A page is the same relative path in every language folder (`docs/vi/dau-tu/index.md` ↔
`docs/km/dau-tu/index.md`), as mkdocs-static-i18n pairs them. Everything here is read from the
Markdown files, `i18n/pending.yml` and `i18n/snapshots/`, never from MkDocs, so the checks, the
editors' commands and the build all see the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any

from tnsite.config import Project, today
from tnsite.findings import Finding
from tnsite.i18n import frontmatter
from tnsite.i18n.markdown import Scan, scan
from tnsite.i18n.pending import Pending, load_pending
from tnsite.i18n.snapshots import Change, Snapshot, SnapshotStore, diff, snapshot_of

REVIEWED = "reviewed"


class State(StrEnum):
    CURRENT = "up-to-date"
    OUTDATED = "outdated"
    PENDING = "pending"
    MISSING = "missing"


@dataclass
class PageDoc:
    """One Markdown file of one language."""

    lang: str
    path: str  # relative to the language folder, e.g. "dau-tu/index.md"
    rel: str  # relative to the project root, e.g. "docs/km/dau-tu/index.md"
    text: str

    @cached_property
    def fm(self) -> frontmatter.FrontMatter:
        return frontmatter.parse(self.text)

    @cached_property
    def scan(self) -> Scan:
        body = self.fm.body_line if self.fm.present and not self.fm.error else 1
        return scan(self.text, body, self.path)

    @property
    def meta(self) -> dict[str, Any]:
        return self.fm.data if not self.fm.error else {}

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or self.path)

    @property
    def translation(self) -> dict[str, Any]:
        value = self.meta.get("translation")
        return value if isinstance(value, dict) else {}

    @property
    def review(self) -> str | None:
        value = self.translation.get("review")
        return str(value) if value else None

    @property
    def source_version(self) -> str | None:
        value = self.translation.get("source_version")
        return str(value) if value else None


@dataclass(frozen=True)
class Staleness:
    """How a translation compares with its source as it is now."""

    up_to_date: bool
    changes: tuple[Change, ...] = ()
    reason: str = ""  # "unrecorded" | "no-snapshot" | "" (sections known)


@dataclass(frozen=True)
class Entry:
    """Where one source page stands in one translation language."""

    lang: str
    path: str
    state: State
    doc: PageDoc | None = None
    staleness: Staleness | None = None
    pending: Pending | None = None
    expired: Pending | None = None  # a pending declaration whose date has passed

    @property
    def awaiting_review(self) -> bool:
        return self.doc is not None and self.doc.review != REVIEWED


@dataclass
class Model:
    project: Project
    pages: dict[str, dict[str, PageDoc]]
    pending: list[Pending]
    pending_findings: list[Finding]
    today: dt.date
    store: SnapshotStore
    _snapshots: dict[str, Snapshot] = field(default_factory=dict)
    _staleness: dict[str, Staleness] = field(default_factory=dict)

    @property
    def source_code(self) -> str:
        return self.project.source_code

    @property
    def sources(self) -> dict[str, PageDoc]:
        return self.pages.get(self.source_code, {})

    def exists(self, lang: str, path: str) -> bool:
        return path in self.pages.get(lang, {})

    def doc(self, lang: str, path: str) -> PageDoc | None:
        return self.pages.get(lang, {}).get(path)

    def translations(self) -> list[PageDoc]:
        return [
            doc
            for code in self.project.translation_codes
            for doc in self.pages.get(code, {}).values()
        ]

    def pending_for(self, lang: str, path: str) -> Pending | None:
        return next((p for p in self.pending if p.lang == lang and p.path == path), None)

    def current_snapshot(self, path: str) -> Snapshot:
        """The snapshot of the source page at `path` as it is now."""
        if path not in self._snapshots:
            self._snapshots[path] = snapshot_of(self.sources[path].text, path)
        return self._snapshots[path]

    def staleness(self, doc: PageDoc) -> Staleness:
        """How `doc` compares with its source (asked by several rules: worked out once)."""
        if doc.rel not in self._staleness:
            self._staleness[doc.rel] = self._compare(doc)
        return self._staleness[doc.rel]

    def _compare(self, doc: PageDoc) -> Staleness:
        now = self.current_snapshot(doc.path)
        recorded = doc.source_version
        if recorded == now.version:
            return Staleness(True)
        if recorded is None:
            return Staleness(False, reason="unrecorded")
        old = self.store.load(recorded)
        if old is None:
            return Staleness(False, reason="no-snapshot")
        return Staleness(False, tuple(diff(old, now)))

    def entry(self, lang: str, path: str) -> Entry:
        doc = self.doc(lang, path)
        if doc is not None:
            staleness = self.staleness(doc)
            state = State.CURRENT if staleness.up_to_date else State.OUTDATED
            return Entry(lang, path, state, doc=doc, staleness=staleness)
        declared = self.pending_for(lang, path)
        if declared and declared.active(self.today):
            return Entry(lang, path, State.PENDING, pending=declared)
        return Entry(lang, path, State.MISSING, expired=declared)

    def entries(self, lang: str) -> list[Entry]:
        return [self.entry(lang, path) for path in sorted(self.sources)]

    def orphans(self, lang: str) -> list[PageDoc]:
        pages = sorted(self.pages.get(lang, {}).items())
        return [doc for path, doc in pages if path not in self.sources]

    def fallback_pages(self, lang: str) -> list[str]:
        """Source pages that the site builds from the source file in `lang`."""
        return [path for path in sorted(self.sources) if not self.exists(lang, path)]


def _read_pages(project: Project) -> dict[str, dict[str, PageDoc]]:
    pages: dict[str, dict[str, PageDoc]] = {}
    for code in project.codes:
        base = project.lang_dir(code)
        found: dict[str, PageDoc] = {}
        for file in sorted(base.rglob("*.md")) if base.is_dir() else []:
            path = file.relative_to(base).as_posix()
            if any(part.startswith(".") for part in path.split("/")):
                continue
            rel = file.relative_to(project.root).as_posix()
            found[path] = PageDoc(code, path, rel, file.read_text(encoding="utf-8"))
        pages[code] = found
    return pages


def load_model(project: Project, on: dt.date | None = None) -> Model:
    pending, findings = load_pending(project.root, project.translation_codes, project.codes)
    return Model(
        project=project,
        pages=_read_pages(project),
        pending=pending,
        pending_findings=findings,
        today=on or today(),
        store=SnapshotStore(project.root),
    )


def docs_path(project: Project, lang: str, path: str) -> str:
    """'km', 'dau-tu/index.md' → 'docs/km/dau-tu/index.md' (relative to the project root)."""
    return (project.lang_dir(lang) / path).relative_to(project.root).as_posix()

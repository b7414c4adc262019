"""What the translation panel shows, written at build time as admin/translations.json.

For every source page: its title and text (shown beside the translation), its version now and
the snapshot `tnsite mark` would save for it, byte for byte, so that marking a translation in
the browser writes exactly what `make mark` writes (the front-matter version, and the snapshot
file committed with the same edit). For every translation:
the version it records and, when the source has moved on, the sections that changed (the same
answer the stale-translation rule gives).
"""

from __future__ import annotations

import json
from typing import Any

from tnsite.config import Project
from tnsite.i18n.model import load_model
from tnsite.i18n.snapshots import FRONT_MATTER_KEY, SnapshotStore, snapshot_payload


def translation_view(project: Project) -> dict[str, Any]:
    model = load_model(project)
    store = SnapshotStore(project.root)
    sources: dict[str, Any] = {}
    for path in sorted(model.sources):
        snapshot = model.current_snapshot(path)
        doc = model.sources[path]
        lines = doc.text.splitlines(keepends=True)
        body_start = doc.fm.body_line - 1 if doc.fm.present and not doc.fm.error else 0
        sources[path] = {
            "title": doc.title,
            "body": "".join(lines[body_start:]).lstrip("\n"),
            "version": snapshot.version,
            "snapshot": snapshot_payload(snapshot),
            "snapshot_saved": store.path(snapshot.version).is_file(),
        }
    translations: dict[str, dict[str, Any]] = {}
    for doc in model.translations():
        if doc.path not in model.sources or doc.fm.error:
            continue
        staleness = model.staleness(doc)
        translations.setdefault(doc.lang, {})[doc.path] = {
            "recorded": doc.source_version,
            "up_to_date": staleness.up_to_date,
            "reason": staleness.reason,
            "review": doc.review,
            "changes": [
                {
                    "kind": change.kind,
                    "id": change.key,
                    "title": change.label_vi() if change.key == FRONT_MATTER_KEY else change.title,
                    "source_line": change.line,
                }
                for change in staleness.changes
            ],
        }
    return {
        "source_language": project.source_code,
        "sources": sources,
        "translations": translations,
    }


def translation_json(project: Project) -> str:
    return json.dumps(translation_view(project), ensure_ascii=False, sort_keys=True)

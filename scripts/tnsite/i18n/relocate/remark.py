"""Translations stay up to date when a command, not a writer, changed their source.

A translation records the version of its source it was made from (a hash of the source's
sections). Rewriting the links of a source page (to follow a moved page, or to turn links to a
deleted page into text) changes that hash, and every translation of the page would be reported
as outdated although the same command made the same change in the translation. So a
translation that was up to date before the command is recorded as up to date with the new
version, and the new version's snapshot is saved; a translation that was already behind stays
behind (its translator still sees what changed, the link addresses included).
"""

from __future__ import annotations

from tnsite.config import Project
from tnsite.i18n.frontmatter import parse, set_translation_key
from tnsite.i18n.model import Model
from tnsite.i18n.relocate.plan import Plan, split_bom
from tnsite.i18n.snapshots import SnapshotStore, snapshot_of, snapshot_payload


def _as_read(text: str) -> str:
    """The text as the translation model reads a file (universal newlines)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def keep_translations_current(
    plan: Plan, project: Project, model: Model, sources: dict[str, tuple[str, str]]
) -> None:
    """`sources`: source pages whose text the plan changes, old path → (new path, new text)."""
    for old_path, (new_path, new_text) in sorted(sources.items()):
        before = model.current_snapshot(old_path).version
        after = snapshot_of(_as_read(new_text), new_path)
        if after.version == before:
            continue
        kept = False
        for lang in project.translation_codes:
            doc = model.doc(lang, old_path)
            if doc is None or doc.fm.error or doc.source_version != before:
                continue
            file = project.lang_dir(lang) / new_path
            bom, text = split_bom(plan.text_of(file))
            text = set_translation_key(text, "source_version", after.version)
            plan.write(file, bom + text)
            plan.note(
                file,
                parse(text).line_of("translation", "source_version"),
                f"translation.source_version: {before} → {after.version} (still up to date: "
                "only its links changed, here as in the source)",
                f"translation.source_version: {before} → {after.version} (vẫn cập nhật: chỉ "
                "các liên kết thay đổi, ở đây cũng như ở bản gốc)",
            )
            kept = True
        store = SnapshotStore(project.root)
        if kept and not store.path(after.version).is_file():
            plan.write(store.path(after.version), snapshot_payload(after))
            plan.note(
                store.path(after.version),
                None,
                f"new snapshot of {new_path}",
                f"bản chụp mới của {new_path}",
            )

"""`tnsite mark`: record that a translation has caught up with its source.

The translation's front matter gets `translation.source_version: <hash>` (the source as it is
now) and the snapshot of that version is saved, so the next change to the source can be traced
to its sections.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tnsite.i18n.frontmatter import set_translation_key
from tnsite.i18n.model import Model, PageDoc
from tnsite.i18n.names import lang_name
from tnsite.i18n.scaffold import normalise_path


class MarkError(ValueError):
    """A path that cannot be marked; `en` and `vi` say why."""

    def __init__(self, en: str, vi: str) -> None:
        super().__init__(en)
        self.en, self.vi = en, vi


@dataclass(frozen=True)
class Marked:
    doc: PageDoc
    version: str
    changed: bool  # False when the page already recorded this version


def resolve(model: Model, given: Path) -> PageDoc:
    """The translation a command-line path names (relative to the working folder or the
    project, or absolute)."""
    project = model.project
    candidates = [given] if given.is_absolute() else [Path.cwd() / given, project.root / given]
    if given.suffix != ".md":
        candidates += [c.with_name(c.name + ".md") for c in candidates]
    for candidate in candidates:
        path = candidate.resolve()
        try:
            rel = path.relative_to(project.docs_dir.resolve())
        except ValueError:
            continue
        lang, _, page = rel.as_posix().partition("/")
        doc = model.doc(lang, page)
        if doc is None and lang in project.translation_codes and page in model.sources:
            # A translation not written yet (still pending): there is nothing to mark.
            name_en, name_vi = lang_name(lang, "en"), lang_name(lang, "vi")
            wanted = f"{project.docs_dir.relative_to(project.root).as_posix()}/{lang}/{page}"
            raise MarkError(
                f"{wanted} does not exist: the page has no {name_en} translation yet; mark it "
                "once you have written it",
                f"{wanted} chưa có: trang này chưa được dịch sang {name_vi}; hãy ghi nhận sau "
                "khi đã viết bản dịch",
            )
        if doc is None:
            continue
        if lang == model.source_code:
            raise MarkError(
                f"{doc.rel} is a source page; give the translations to mark "
                f"(e.g. {rel.as_posix().replace(lang, model.project.translation_codes[0], 1)}).",
                f"{doc.rel} là trang gốc; hãy chỉ ra các bản dịch cần ghi nhận.",
            )
        return doc
    # A page's name (du-lich/le-hoi.md, as `make move` takes it): name its translations, for
    # a translation is marked in the language it was brought up to date in.
    page = normalise_path(project, str(given))
    files = [doc.rel for code in project.translation_codes if (doc := model.doc(code, page))]
    if files:
        listed = " ".join(files)
        raise MarkError(
            f"{given} names a page: give the translation you brought up to date, one of: {listed}.",
            f"{given} là tên trang: hãy chỉ ra bản dịch bạn đã cập nhật, một trong các tệp: "
            f"{listed}.",
        )
    raise MarkError(
        f"{given}: no such translation under {project.docs_dir.relative_to(project.root)}/.",
        f"{given}: không có bản dịch này trong {project.docs_dir.relative_to(project.root)}/.",
    )


def mark(model: Model, docs: list[PageDoc]) -> list[Marked]:
    """Mark each translation as made from its source's current version."""
    done: list[Marked] = []
    for doc in docs:
        if doc.path not in model.sources:
            raise MarkError(
                f"{doc.rel} has no source page to be up to date with.",
                f"{doc.rel} không có trang gốc để đối chiếu.",
            )
        if doc.fm.error or "translation" not in doc.meta:
            raise MarkError(
                f"{doc.rel}: fix its front matter first (`make check`).",
                f"{doc.rel}: hãy sửa phần thông tin đầu trang trước (`make check`).",
            )
        snapshot = model.current_snapshot(doc.path)
        model.store.save(snapshot)
        file = model.project.root / doc.rel
        raw = file.read_bytes().decode("utf-8")  # keeps the file's own line endings
        text = set_translation_key(raw, "source_version", snapshot.version)
        changed = text != raw
        if changed:
            file.write_bytes(text.encode("utf-8"))
        done.append(Marked(doc, snapshot.version, changed))
    return done


def referenced_versions(model: Model) -> set[str]:
    return {v for doc in model.translations() if (v := doc.source_version)}

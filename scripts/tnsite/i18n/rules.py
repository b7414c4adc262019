"""The translation checks: every rule returns findings naming the file and line to fix.

Rules: missing-translation, orphan-translation, pending, stale-translation,
structure-mismatch, untranslated-text, front-matter, file-name; the rules about a page as its
editor wrote it, whatever its language, are in tnsite.i18n.authoring.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from functools import partial

from tnsite.alternates import page_address
from tnsite.config import Project
from tnsite.explains import (
    BROKEN_ANCHOR,
    EXPLAINS,
    STALE_TRANSLATION,
    STRUCTURE_MISMATCH,
    explains,
)
from tnsite.findings import Finding, Msg, Severity
from tnsite.i18n import authoring, textlang
from tnsite.i18n.fields import untranslated_fields
from tnsite.i18n.markdown import Ref
from tnsite.i18n.model import Model, PageDoc, Staleness, State, docs_path, load_model
from tnsite.i18n.names import lang_name, script_name_vi
from tnsite.i18n.pending import PENDING_FILE
from tnsite.i18n.redirects import moves
from tnsite.i18n.scaffold import PAGE_PATH, suggest_slug
from tnsite.i18n.schema import schema_findings, syntax_finding
from tnsite.i18n.snapshots import SNAPSHOT_DIR
from tnsite.langtags import meant_language
from tnsite.mdsource import Source
from tnsite.memo import ContentMemo
from tnsite.text import closest_page

MISSING = "missing-translation"
ORPHAN = "orphan-translation"
PENDING = "pending"
STALE = STALE_TRANSLATION
STRUCTURE = STRUCTURE_MISMATCH
UNTRANSLATED = textlang.UNTRANSLATED
FRONT_MATTER = "front-matter"
FILE_NAME = "file-name"
HEADING_ID = "heading-id"  # the rule of an id that is not one word (tnsite.i18n.authoring)
LANGUAGE_FOLDER = "language-folder"


def _names(code: str) -> tuple[str, str]:
    return lang_name(code, "en"), lang_name(code, "vi")


def check_translations(project: Project, on: dt.date | None = None) -> list[Finding]:
    """Every translation finding for the project (the entry `tnsite check` runs)."""
    return all_findings(load_model(project, on))


def all_findings(model: Model) -> list[Finding]:
    rules: list[Callable[[Model], list[Finding]]] = [
        misplaced,
        source_in_translation_folder,
        file_names,
        front_matter,
        *authoring.RULES,
        coverage,
        orphans,
        stale,
        structure,
        untranslated,
        untranslated_fields,
    ]
    findings = list(model.pending_findings)
    for rule in rules:
        findings.extend(rule(model))
    return findings


def file_names(model: Model) -> list[Finding]:
    """A page's file name becomes its address: spaces, capitals and accents make addresses that
    break when shared, and the same page must have the same name in every language."""
    findings: list[Finding] = []
    for pages in model.pages.values():
        for doc in pages.values():
            if PAGE_PATH.match(doc.path):
                continue
            better = suggest_slug(doc.path)
            rename = (
                Msg(
                    f'rename it to {better}: `make move FROM="{doc.path}" TO={better}` (every '
                    "language version and every link follow)",
                    f'đổi tên tệp thành {better}: `make move FROM="{doc.path}" TO={better}` '
                    "(mọi bản ngôn ngữ và mọi liên kết sẽ đổi theo)",
                )
                if better
                else Msg(
                    "rename it with lower-case letters without accents, digits and hyphens",
                    "đổi tên tệp, chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang",
                )
            )
            findings.append(
                Finding(
                    doc.rel,
                    1,
                    FILE_NAME,
                    Msg(
                        f"the file name '{doc.path}' cannot be a page address (spaces, capitals "
                        "or accents)",
                        f"tên tệp '{doc.path}' không dùng được làm địa chỉ trang (có dấu cách, "
                        "chữ hoa hoặc dấu tiếng Việt)",
                    ),
                    Severity.ERROR,
                    hint=rename,
                    extra={"renamed_page": doc.path},
                )
            )
    return findings


def front_matter(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    moved_to = _renamed(model)
    for lang, pages in model.pages.items():
        kind = "source" if lang == model.source_code else "translation"
        for doc in pages.values():
            if doc.fm.error:
                findings.append(syntax_finding(doc.fm, doc.rel))
                continue
            findings.extend(schema_findings(doc.fm, doc.rel, kind, model.source_code))
            declared = doc.translation.get("source")
            if kind != "translation" or not isinstance(declared, str) or declared == doc.path:
                continue
            if declared in model.sources and doc.path not in model.sources:
                findings.append(_misplaced(model, doc, lang, declared))
            else:
                findings.append(
                    Finding(
                        doc.rel,
                        doc.fm.line_of("translation", "source"),
                        FRONT_MATTER,
                        Msg(
                            f"`translation.source` is '{declared}' but a translation must "
                            f"have the same path as its source: write `source: {doc.path}`, "
                            "or move the file to the path of the page it translates.",
                            f"`translation.source` là '{declared}' nhưng bản dịch phải có "
                            f"cùng đường dẫn với bản gốc: ghi `source: {doc.path}`, hoặc "
                            "chuyển tệp về đường dẫn của trang được dịch.",
                        ),
                        # A source that is gone: the file was moved by hand, and this is one
                        # more place still naming the old page.
                        extra=_gone(declared, moved_to) if declared not in model.sources else {},
                    )
                )
    return findings


def _misplaced(model: Model, doc: PageDoc, lang: str, declared: str) -> Finding:
    """A translation saved at a path of its own, whose `translation.source` names a page that
    exists: the file is in the wrong folder, and its source line is right."""
    where = docs_path(model.project, lang, declared)
    return Finding(
        doc.rel,
        doc.fm.line_of("translation", "source"),
        FRONT_MATTER,
        Msg(
            f"this file translates {declared} (its `translation.source`) but is saved as "
            f"{doc.path}: a translation must have the same path as its source",
            f"tệp này dịch trang {declared} (theo `translation.source`) nhưng lại lưu ở "
            f"{doc.path}: bản dịch phải có cùng đường dẫn với bản gốc",
        ),
        Severity.ERROR,
        hint=Msg(f"move the file to {where}", f"chuyển tệp này về {where}"),
        # Saved where no source page is, it is also a translation of nothing, and the path it
        # belongs at lacks a translation: this again.
        extra={EXPLAINS: [explains(ORPHAN, path=doc.rel), explains(MISSING, path=where)]},
    )


def _gone(page: str, moved_to: dict[str, str]) -> dict[str, object]:
    """The extra of a finding at a place that still names a page that is gone: the page, and
    where its source now is when its translations show it was moved by hand."""
    extra: dict[str, object] = {"missing_page": page}
    if page in moved_to:
        extra["moved_to"] = moved_to[page]
    return extra


def _renamed(model: Model) -> dict[str, str]:
    """Pages moved by hand, old path → new path, as their translations show.

    Either the translations moved with their source (a translation now at a source page's
    path whose `translation.source` still names a page that is gone), or only the source
    moved: a translation left at a path with no source page holds in `source_version` the
    snapshot of the source it was made from, and the source page whose sections match it
    (and which has no translation in that language yet) is where that page went.
    """
    moves: dict[str, str] = {}
    for lang in model.project.translation_codes:
        for doc in model.pages.get(lang, {}).values():
            declared = doc.translation.get("source")
            if (
                isinstance(declared, str)
                and declared != doc.path
                and declared not in model.sources
                and doc.path in model.sources
            ):
                moves.setdefault(declared, doc.path)
    for lang in model.project.translation_codes:
        for doc in model.orphans(lang):
            if doc.path not in moves:
                found = _source_now_at(model, lang, doc)
                if found:
                    moves[doc.path] = found
    return moves


RENAME_LIKENESS = 0.5  # share of the old source's sections found in the page it became


def _source_now_at(model: Model, lang: str, orphan: PageDoc) -> str | None:
    """The source page an orphan translation was made from, now under another name."""
    recorded = orphan.source_version
    old = model.store.load(recorded) if recorded else None
    if old is None or not old.sections:
        return None
    hashes = {s.hash for s in old.sections}
    keys = {s.key for s in old.sections}
    scores: dict[str, float] = {}
    for path in model.sources:
        if model.exists(lang, path):
            continue
        now = model.current_snapshot(path).sections
        same = sum(1 for s in now if s.hash in hashes)
        renamed = sum(1 for s in now if s.hash not in hashes and s.key in keys)
        scores[path] = (same + renamed / 2) / len(old.sections)
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < RENAME_LIKENESS:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None  # two pages as likely: the editor names the new one
    return ranked[0][0]


def _begun_by_hand(model: Model, accounted: set[tuple[str, str]]) -> set[str]:
    """Source pages written by hand (copied, or made on GitHub's web page) rather than with
    `make new`: no translation, no pending entry, in any language. One cause, one finding."""
    missing: dict[str, int] = {}
    langs = model.project.translation_codes
    for lang in langs:
        for entry in model.entries(lang):
            unexplained = (lang, entry.path) not in accounted and not entry.expired
            if entry.state is State.MISSING and unexplained:
                missing[entry.path] = missing.get(entry.path, 0) + 1
    return {path for path, count in missing.items() if langs and count == len(langs)}


def _begun_finding(model: Model, doc: PageDoc) -> Finding:
    names_en = ", ".join(lang_name(code, "en") for code in model.project.translation_codes)
    names_vi = ", ".join(lang_name(code, "vi") for code in model.project.translation_codes)
    command = f"make new PAGE={doc.path}"
    return Finding(
        doc.rel,
        doc.fm.line_of("title") if doc.fm.present and not doc.fm.error else 1,
        MISSING,
        Msg(
            f"this new page has no translation ({names_en}) and none is declared pending",
            f"trang mới này chưa có bản dịch nào ({names_vi}) và chưa khai báo chờ dịch",
        ),
        Severity.ERROR,
        hint=Msg(
            f"run `{command}`: it declares the translations pending (visitors get this page "
            "with a notice in their language) and adds the page to the menu; in the web "
            f"editor, add the page ({doc.path}) to the pending translations, once per language",
            f"chạy `{command}`: lệnh này khai báo các bản dịch là chờ dịch (khách xem trang "
            "này kèm thông báo bằng ngôn ngữ của họ) và thêm trang vào menu; trong trình biên "
            f"tập web, thêm trang ({doc.path}) vào mục Trang chờ dịch, mỗi ngôn ngữ một lần",
        ),
        extra={"source": doc.rel, "begun_by_hand": True},
    )


def coverage(model: Model) -> list[Finding]:
    """missing-translation and pending: every source page in every language."""
    findings: list[Finding] = []
    moved_to = _renamed(model)
    # A page declared pending under its old name, moved by hand: its translation is missing
    # under the new name only because the declaration still names the old one.
    waiting = {
        (declared.lang, moved_to[declared.path]): declared.path
        for declared in model.pending
        if declared.path in moved_to
    }
    # A source page moved by hand without its translations: they are missing under the new
    # name only because they are still under the old one.
    for lang in model.project.translation_codes:
        for doc in model.orphans(lang):
            if doc.path in moved_to:
                waiting[lang, moved_to[doc.path]] = doc.path
    # A declaration the editor wrote but that cannot be used is the one message for its page;
    # with the whole file unreadable, the pages it would declare wait for it to be fixed.
    unusable: set[tuple[str, str]] = set()
    for finding in model.pending_findings:
        declares = finding.extra.get("declares")
        if isinstance(declares, list) and len(declares) == 2:
            unusable.add((str(declares[0]), str(declares[1])))
    unreadable = any(f.extra.get("unreadable") for f in model.pending_findings)
    begun = set() if unreadable else _begun_by_hand(model, set(waiting) | unusable)
    # Pages held back by one passed date, in one language: one cause, at its first entry.
    overdue: dict[tuple[str, str], list[tuple[int, str]]] = {}
    overdue_names: dict[tuple[str, str], tuple[str, str]] = {}
    # A pending entry whose page name is misspelt declares nothing: the page it meant is
    # missing its translation because of it, one cause.
    meant = {
        declared.path: page
        for declared in model.pending
        if declared.path not in model.sources
        and (page := closest_page(declared.path, model.sources))
    }
    misspelt = {(d.lang, meant[d.path]): d for d in model.pending if d.path in meant}
    folded: set[int] = set()  # lines of the misspelt entries that stand for a missing one
    findings.extend(_begun_finding(model, model.sources[path]) for path in sorted(begun))
    for lang in model.project.translation_codes:
        name_en, name_vi = _names(lang)
        for entry in model.entries(lang):
            if entry.state not in (State.MISSING, State.PENDING):
                continue
            if entry.state is State.MISSING and (
                (lang, entry.path) in unusable or entry.path in begun
            ):
                continue
            if entry.state is State.MISSING and (lang, entry.path) in misspelt:
                folded.add(misspelt[lang, entry.path].line)  # the entry meant for it says so
                continue
            missing = docs_path(model.project, lang, entry.path)
            source = model.sources[entry.path].rel
            if entry.state is State.PENDING and entry.pending:
                p = entry.pending
                findings.append(
                    Finding(
                        missing,
                        1,
                        PENDING,
                        Msg(
                            f"not yet translated into {name_en}: declared pending until "
                            f"{p.until.isoformat()} ({PENDING_FILE}:{p.line}: {p.reason}); "
                            f"visitors get {source} with a notice.",
                            f"chưa có bản {name_vi}: đã khai báo chờ dịch đến "
                            f"{p.until.isoformat()} ({PENDING_FILE}:{p.line}: {p.reason}); "
                            f"khách xem {source} kèm thông báo.",
                        ),
                        Severity.WARNING,
                        extra={
                            "source": source,
                            "lang": lang,
                            "until": p.until.isoformat(),
                            "pending_line": p.line,
                            "lang_names": [name_en, name_vi],
                        },
                    )
                )
                continue
            expired = entry.expired
            if expired and not unreadable and (lang, entry.path) not in waiting:
                # What the editor can change is the date in pending.yml: one finding at it
                # for every page it held back (below).
                key = (expired.until.isoformat(), lang)
                overdue.setdefault(key, []).append((expired.line, missing))
                overdue_names[key] = (name_en, name_vi)
                continue
            if expired:
                message = Msg(
                    f"the {name_en} translation of {source} is missing and its pending date "
                    f"{expired.until.isoformat()} ({PENDING_FILE}:{expired.line}) has passed.",
                    f"thiếu bản {name_vi} của {source} và hạn chờ dịch "
                    f"{expired.until.isoformat()} ({PENDING_FILE}:{expired.line}) đã qua.",
                )
            else:
                message = Msg(
                    f"the {name_en} translation of {source} is missing.",
                    f"thiếu bản {name_vi} của {source}.",
                )
            extra: dict[str, object] = {"source": source, "lang": lang}
            if unreadable:
                extra["depends_on"] = PENDING_FILE.as_posix()
            if (lang, entry.path) in waiting:
                # not a place naming the old page: a file that comes with the move
                extra["missing_page"] = waiting[lang, entry.path]
                extra["follows_move"] = True
            findings.append(
                Finding(
                    missing,
                    1,
                    MISSING,
                    message,
                    Severity.ERROR,
                    hint=Msg(
                        f"Create {missing} (front matter `translation: {{source: {entry.path}, "
                        f"review: draft}}`), or declare it in {PENDING_FILE} with a reason and "
                        "a date.",
                        f"Tạo {missing} (phần thông tin đầu trang ghi `translation: "
                        f"{{source: {entry.path}, review: draft}}`), hoặc khai báo trong "
                        f"{PENDING_FILE} kèm lý do và ngày.",
                    ),
                    extra=extra,
                )
            )
    for (until, lang), held in sorted(overdue.items()):
        name_en, name_vi = overdue_names[until, lang]
        held.sort()
        line = held[0][0]
        lines = ", ".join(str(n) for n in sorted({n for n, _ in held}))
        pages = [page for _, page in held]
        listed = ", ".join(pages[:5]) + (f", … (+{len(pages) - 5})" if len(pages) > 5 else "")
        findings.append(
            Finding(
                PENDING_FILE.as_posix(),
                line,
                MISSING,
                Msg(
                    f"the date {until} by which {len(pages)} page(s) were to be translated "
                    f"into {name_en} has passed: {listed}",
                    f"đã quá hạn {until} để dịch {len(pages)} trang sang {name_vi}: {listed}",
                ),
                Severity.ERROR,
                hint=Msg(
                    f"translate them, or write a later date for `until` (line(s) {lines}) and "
                    "say why in `reason`",
                    f"dịch các trang đó, hoặc ghi ngày muộn hơn cho `until` (dòng {lines}) và "
                    "nêu lý do ở `reason`",
                ),
                extra={"places": pages, "lang": lang},
            )
        )
    for declared in model.pending:
        target = docs_path(model.project, declared.lang, declared.path)
        if declared.path not in model.sources:
            findings.append(
                Finding(
                    PENDING_FILE.as_posix(),
                    declared.line,
                    PENDING,
                    Msg(
                        f"{declared.path} has no source page "
                        f"({docs_path(model.project, model.source_code, declared.path)}); "
                        "correct the path or remove the entry.",
                        f"{declared.path} không có trang gốc "
                        f"({docs_path(model.project, model.source_code, declared.path)}); sửa "
                        "đường dẫn hoặc xóa mục này.",
                    ),
                    Severity.ERROR if declared.line in folded else Severity.WARNING,
                    hint=Msg(
                        f"did you mean {meant[declared.path]}?",
                        f"có phải {meant[declared.path]}?",
                    )
                    if declared.path in meant
                    else None,
                    # one more place naming a page that is gone (deleted or moved by hand)
                    extra={"missing_page": declared.path},
                )
            )
        elif model.exists(declared.lang, declared.path):
            findings.append(
                Finding(
                    PENDING_FILE.as_posix(),
                    declared.line,
                    PENDING,
                    Msg(
                        f"{target} exists now: remove this entry.",
                        f"{target} đã có: hãy xóa mục này.",
                    ),
                    Severity.WARNING,
                )
            )
    return findings


# What MkDocs reads as Markdown besides .md, and names an editor's program may give a page.
OTHER_MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn")
SAVED_AS = re.compile(r"^(?P<stem>.+?)\.(?:md|markdown)(?:\.(?:txt|text|docx?|rtf))?$", re.I)


def misplaced_pages(project: Project) -> list[Finding]:
    """Pages the build cannot place: outside the language folders, or named with another
    extension than .md. MkDocs would build the first in the default language and the second
    under an address of its own (or publish a `.md.txt` as a file), where the checks know
    neither; they are refused before the build, each at its file with the name to give it."""
    return language_folders_of(project) + page_suffixes(project)


def page_suffixes(project: Project) -> list[Finding]:
    findings: list[Finding] = []
    for code in project.codes:
        base = project.lang_dir(code)
        for path in sorted(base.rglob("*")) if base.is_dir() else []:
            if not path.is_file() or path.suffix == ".md":
                continue
            named = SAVED_AS.match(path.name)
            if not named and path.suffix.lower() not in OTHER_MARKDOWN:
                continue
            stem = named["stem"] if named else path.stem
            better = path.with_name(f"{suggest_slug(stem + '.md') or stem + '.md'}")
            rel = path.relative_to(project.root).as_posix()
            new = better.relative_to(project.root).as_posix()
            findings.append(
                Finding(
                    rel,
                    1,
                    FILE_NAME,
                    Msg(
                        f"{rel} is not named as a page (pages end in .md): it would not be "
                        "built as one",
                        f"{rel} không mang tên của một trang (tên trang kết thúc bằng .md): "
                        "tệp sẽ không được dựng thành trang",
                    ),
                    Severity.ERROR,
                    hint=Msg(f"rename it to {new}", f"đổi tên tệp thành {new}"),
                )
            )
    return findings


def misplaced(model: Model) -> list[Finding]:
    return misplaced_pages(model.project)


def language_folders_of(project: Project) -> list[Finding]:
    """Pages outside the language folders of mkdocs.yml (`docs/cn/…`, `docs/trang.md`) are
    built in no language: the translator believes the page done, and nothing says otherwise."""
    docs = project.docs_dir
    codes = tuple(project.codes)
    known = ", ".join(codes)
    findings: list[Finding] = []
    for entry in sorted(docs.iterdir()) if docs.is_dir() else []:
        if entry.name in codes or entry.name.startswith("."):
            continue
        pages = sorted(entry.rglob("*.md")) if entry.is_dir() else [entry]
        if not pages or pages[0].suffix != ".md":
            continue
        rel = pages[0].relative_to(project.root).as_posix()
        meant = meant_language(entry.name, codes) if entry.is_dir() else None
        where = f"docs/{meant}/" if meant else f"docs/<{known.replace(', ', '|')}>/"
        if entry.is_dir():
            folder, count = entry.relative_to(project.root).as_posix(), len(pages)
            what = Msg(
                f"{folder} is not a language folder of the site ({known}): its {count} "
                "page(s) are published in no language",
                f"{folder} không phải thư mục ngôn ngữ của trang web ({known}): {count} trang "
                "trong đó không được đăng ở ngôn ngữ nào",
            )
        else:
            what = Msg(
                f"{rel} is outside the language folders of the site ({known}): it is "
                "published in no language",
                f"{rel} nằm ngoài các thư mục ngôn ngữ của trang web ({known}): trang này "
                "không được đăng ở ngôn ngữ nào",
            )
        guess = Msg(f"Did you mean docs/{meant}? ", f"Có phải docs/{meant}? ") if meant else None
        findings.append(
            Finding(
                rel,
                1,
                LANGUAGE_FOLDER,
                what,
                Severity.ERROR,
                hint=Msg(
                    (guess.en if guess else "")
                    + f"Move the pages into {where}, under the same path as the Vietnamese page.",
                    (guess.vi if guess else "")
                    + f"Chuyển các trang vào {where}, cùng đường dẫn với trang tiếng Việt.",
                ),
                extra={"pages": [p.relative_to(project.root).as_posix() for p in pages]},
            )
        )
    return findings


def source_in_translation_folder(model: Model) -> list[Finding]:
    """A new Vietnamese page saved in another language's folder (docs/en/…): it declares no
    source, no Vietnamese page is at its path, and it is written in Vietnamese. One mistake,
    the folder; its missing `translation:`, its missing source and its untranslated text
    follow from it."""
    findings: list[Finding] = []
    if model.source_code != "vi":
        return findings
    for lang in model.project.translation_codes:
        for doc in model.orphans(lang):
            if doc.fm.error or doc.translation or not doc.scan.prose:
                continue
            if len(textlang.vietnamese_sentences(doc.scan.prose)) * 2 < len(doc.scan.prose):
                continue
            there = docs_path(model.project, model.source_code, doc.path)
            findings.append(
                Finding(
                    doc.rel,
                    1,
                    LANGUAGE_FOLDER,
                    Msg(
                        f"this page is written in Vietnamese but saved in the {lang} folder",
                        f"trang này viết bằng tiếng Việt nhưng lại lưu trong thư mục {lang}",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        f"move it to {there}; then `make new PAGE={doc.path}` declares its "
                        "translations pending and adds it to the menu",
                        f"chuyển tệp sang {there}; sau đó `make new PAGE={doc.path}` khai báo "
                        "các bản dịch chờ dịch và thêm trang vào menu",
                    ),
                    extra={
                        EXPLAINS: [
                            explains(FRONT_MATTER, ORPHAN, UNTRANSLATED, path=doc.rel),
                        ]
                    },
                )
            )
    return findings


def orphans(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    moved_to = _renamed(model)
    # Pages moved by `make move`: a translation made at the old path meanwhile goes after them.
    recorded = moves(model.project)
    for lang in model.project.translation_codes:
        for doc in model.orphans(lang):
            source = docs_path(model.project, model.source_code, doc.path)
            line = doc.fm.line_of("translation", "source") if doc.fm.present else 1
            now = recorded.get(doc.path)
            there = docs_path(model.project, lang, now) if now else ""
            findings.append(
                Finding(
                    doc.rel,
                    line,
                    ORPHAN,
                    Msg(
                        f"this translation has no source: {source} does not exist.",
                        f"bản dịch này không có bản gốc: {source} không tồn tại.",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        f"The page was moved to {now}: move this file to {there} and write "
                        f"`source: {now}`.",
                        f"Trang gốc đã được chuyển sang {now}: chuyển tệp này sang {there} và "
                        f"ghi `source: {now}`.",
                    )
                    if now
                    else Msg(
                        "If the source page was moved or renamed, move this file to the same "
                        "path; if it was deleted, delete this file too.",
                        "Nếu trang gốc đã được chuyển hoặc đổi tên, chuyển tệp này về cùng "
                        "đường dẫn; nếu trang gốc đã bị xóa, xóa cả tệp này.",
                    ),
                    extra=_gone(doc.path, moved_to),
                )
            )
    return findings


def stale(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    for doc in model.translations():
        if doc.path not in model.sources or doc.fm.error:
            continue
        if model.sources[doc.path].fm.error:
            continue  # the source cannot be read: its one finding comes first, then compare
        if not doc.translation:
            continue  # no `translation:` at all: the front matter's finding asks for it
        staleness = model.staleness(doc)
        if staleness.up_to_date:
            continue
        source = model.sources[doc.path]
        mark = f'make mark PAGES="{doc.rel}"'
        line = doc.fm.line_of("translation", "source_version")
        if staleness.reason == "unrecorded":
            line = doc.fm.line_of("translation")
            message = Msg(
                f"no source version is recorded, so changes to {source.rel} cannot be tracked.",
                f"chưa ghi phiên bản bản gốc, nên không theo dõi được thay đổi của {source.rel}.",
            )
            hint = Msg(
                f"Check the translation against {source.rel}, then run `{mark}`.",
                f"Đối chiếu bản dịch với {source.rel}, rồi chạy `{mark}`.",
            )
        elif staleness.reason == "no-snapshot":
            snapshot = SNAPSHOT_DIR / f"{doc.source_version}.json"
            message = Msg(
                f"{source.rel} changed since this translation was made; which sections changed "
                f"is unknown ({snapshot} is missing).",
                f"{source.rel} đã thay đổi từ khi dịch; không biết mục nào thay đổi (thiếu "
                f"{snapshot}).",
            )
            hint = Msg(
                f"Compare the whole page with {source.rel}, update it, then run `{mark}`.",
                f"Đối chiếu cả trang với {source.rel}, cập nhật, rồi chạy `{mark}`.",
            )
        else:
            changes = staleness.changes
            headings = {h.key: h.line for h in doc.scan.headings}
            first = next((headings[c.key] for c in changes if c.key in headings), None)
            line = first or line
            labels_en = "; ".join(f"{c.kind} {c.label()}" for c in changes) or "section order"
            kinds_vi = {"changed": "sửa", "added": "thêm", "removed": "xóa"}
            labels_vi = (
                "; ".join(f"{kinds_vi[c.kind]} {c.label_vi()}" for c in changes) or "thứ tự các mục"
            )
            message = Msg(
                f"{source.rel} changed since this translation was made: {labels_en}.",
                f"{source.rel} đã thay đổi từ khi dịch: {labels_vi}.",
            )
            hint = Msg(
                f"Update those sections, then run `{mark}`.",
                f"Cập nhật các mục đó, rồi chạy `{mark}`.",
            )
        findings.append(
            Finding(
                doc.rel,
                line,
                STALE,
                message,
                Severity.WARNING,
                hint=hint,
                extra={
                    "source": source.rel,
                    "sections": [
                        {"kind": c.kind, "id": c.key, "title": c.title, "source_line": c.line}
                        for c in staleness.changes
                    ],
                },
            )
        )
    return findings


def _anchor_line(doc: PageDoc, source: PageDoc, source_line: int) -> int:
    """The line in the translation matching a line of the source: the translation's heading
    of the nearest source section (by id) at or before that line."""
    mine = {h.key: h.line for h in doc.scan.headings}
    for heading in reversed(source.scan.headings):
        if heading.line <= source_line and heading.key in mine:
            return mine[heading.key]
    if doc.scan.headings:
        return doc.scan.headings[0].line
    return doc.fm.body_line if doc.fm.present else 1


KIND_NAMES = {
    "id": ("heading id", "id tiêu đề"),
    "image": ("image", "hình ảnh"),
    "data": ("data block", "khối dữ liệu"),
    "link": ("link to page", "liên kết tới trang"),
    "notice": ("notice box", "khung lưu ý"),
}


def _compare(
    doc: PageDoc,
    source: PageDoc,
    kind: str,
    mine: list[tuple[str, int]],
    theirs: list[tuple[str, int]],
) -> list[Finding]:
    """Items (value, line) of the source missing from the translation, and items of the
    translation that the source lacks; `link` compares sets, the others multisets."""
    findings: list[Finding] = []
    if kind == "link":
        have, want = Counter({v for v, _ in mine}), Counter({v for v, _ in theirs})
    else:
        have, want = Counter(v for v, _ in mine), Counter(v for v, _ in theirs)
    # Items missing at the same place of the translation (a short translation ends before
    # several of the source's sections) are one finding naming them all.
    missing: dict[int, list[tuple[str, int, int]]] = {}
    for value, count in (want - have).items():
        source_line = next(line for v, line in theirs if v == value)
        missing.setdefault(_anchor_line(doc, source, source_line), []).append(
            (value, count, source_line)
        )
    for line, items in missing.items():
        named = [
            (
                *_item_name(kind, value),
                _shown(kind, value),
                f"({source.rel}:{at}" + (f", {n}×)" if n > 1 else ")"),
            )
            for value, n, at in items
        ]
        listed_en = ", ".join(f"{en} `{value}` {where}" for en, _vi, value, where in named)
        listed_vi = ", ".join(f"{vi} `{value}` {where}" for _en, vi, value, where in named)
        findings.append(
            Finding(
                doc.rel,
                line,
                STRUCTURE,
                Msg(
                    f"{listed_en} {'is' if len(items) == 1 else 'are'} in the source but "
                    "not in this translation; add "
                    + ("it" if len(items) == 1 else "them")
                    + " here.",
                    f"{listed_vi} có trong bản gốc nhưng không có trong bản dịch; hãy thêm.",
                ),
                Severity.WARNING,
                extra={"source_place": f"{source.rel}:{items[0][2]}"},
            )
        )
    for value, _count in (have - want).items():
        line = next(line for v, line in mine if v == value)
        name_en, name_vi = _item_name(kind, value)
        findings.append(
            Finding(
                doc.rel,
                line,
                STRUCTURE,
                Msg(
                    f"{name_en} `{_shown(kind, value)}` is not in the source {source.rel}; "
                    "remove it here or add it to the source.",
                    f"{name_vi} `{_shown(kind, value)}` không có trong bản gốc {source.rel}; xóa "
                    "ở đây hoặc thêm vào bản gốc.",
                ),
                Severity.WARNING,
                extra={"compared_with": source.rel},
            )
        )
    return findings


def _shown(kind: str, value: str) -> str:
    """An item as the page writes it: a data block with its braces ({{ photo x }})."""
    return f"{{{{ {value} }}}}" if kind == "data" else value


def _item_name(kind: str, value: str) -> tuple[str, str]:
    """What an item is called: a `{{ photo … }}` is a photo, not a data block."""
    return ("photo", "ảnh") if kind == "data" and value.startswith("photo ") else KIND_NAMES[kind]


def _items(doc: PageDoc, kind: str) -> list[tuple[str, int]]:
    if kind == "id":
        return [(h.key, h.line) for h in doc.scan.headings if h.explicit]
    refs: tuple[Ref, ...] = doc.scan.refs
    return [(r.target, r.line) for r in refs if r.kind == kind]


def _section_of(doc: PageDoc, line: int) -> str:
    """The id of the section a line belongs to ("_top" before the first heading)."""
    return next((h.key for h in reversed(doc.scan.headings) if h.line <= line), "_top")


def _adapted(doc: PageDoc) -> dict[str, int]:
    """Sections the translation says it adapts on purpose (`translation.adapted`), by id, with
    the front-matter line that says so."""
    entries = doc.translation.get("adapted")
    if not isinstance(entries, list):
        return {}
    line = doc.fm.line_of("translation", "adapted")
    return {
        str(e["section"]).lstrip("#"): line
        for e in entries
        if isinstance(e, dict) and isinstance(e.get("section"), str)
    }


def _unknown_adapted(doc: PageDoc, source: PageDoc, adapted: dict[str, int]) -> list[Finding]:
    sections = {h.key for h in source.scan.headings} | {"_top"}
    return [
        Finding(
            doc.rel,
            line,
            STRUCTURE,
            Msg(
                f"`adapted` names the section #{key}, which {source.rel} does not have.",
                f"`adapted` ghi mục #{key}, nhưng {source.rel} không có mục này.",
            ),
            Severity.WARNING,
            hint=Msg(
                "Write the id of one of the source's `##` headings (as in {#overview}).",
                "Ghi id của một tiêu đề `##` trong bản gốc (như {#overview}).",
            ),
        )
        for key, line in adapted.items()
        if key not in sections
    ]


def structure(model: Model) -> list[Finding]:
    """What a translation shows beside its source: heading ids, images, data blocks, links and
    notice boxes. A section the translation declares adapted (`translation.adapted`, with the
    reason) may differ: a page rewritten for readers coming from Cambodia is localisation, a
    figure or a warning dropped without anyone deciding it is drift."""
    findings: list[Finding] = []
    for doc in model.translations():
        source = model.sources.get(doc.path)
        if source is None or doc.fm.error or source.fm.error:
            continue
        adapted = _adapted(doc)
        findings.extend(_unknown_adapted(doc, source, adapted))
        for kind in ("id", "image", "data", "link", "notice"):
            mine = [i for i in _items(doc, kind) if _section_of(doc, i[1]) not in adapted]
            theirs = [i for i in _items(source, kind) if _section_of(source, i[1]) not in adapted]
            if kind == "id":
                stale = model.staleness(doc)
                renamed = _renamed_ids(model.project, stale, doc, source, mine, theirs)
                findings.extend(renamed)
                lines = {f.line for f in renamed}
                paired = {f.extra["source_id"] for f in renamed}
                mine = [i for i in mine if i[1] not in lines]
                theirs = [i for i in theirs if i[0] not in paired]
            findings.extend(_compare(doc, source, kind, mine, theirs))
        findings.extend(_table_widths(doc, source, adapted))
    return findings


def _table_widths(doc: PageDoc, source: PageDoc, adapted: dict[str, int]) -> list[Finding]:
    """A table translated with a column fewer (or more) than its source's: a column of
    figures, dates or places lost to the readers of that language without a word."""
    mine = [t for t in Source.of(doc.text).table_widths if _section_of(doc, t[0]) not in adapted]
    theirs = [
        t for t in Source.of(source.text).table_widths if _section_of(source, t[0]) not in adapted
    ]
    if len(mine) != len(theirs):
        return []  # a table added or dropped: the stale warning names the section
    return [
        Finding(
            doc.rel,
            line,
            STRUCTURE,
            Msg(
                f"this table has {width} columns, the source's ({source.rel}:{at}) {wanted}",
                f"bảng này có {width} cột, bảng của bản gốc ({source.rel}:{at}) có {wanted} cột",
            ),
            Severity.WARNING,
            hint=Msg(
                "translate every column of the source's table, in the same order",
                "dịch đủ mọi cột của bảng trong bản gốc, theo cùng thứ tự",
            ),
            extra={"source_place": f"{source.rel}:{at}"},
        )
        for (line, width), (at, wanted) in zip(mine, theirs, strict=True)
        if width != wanted
    ]


def _renamed_ids(
    project: Project,
    staleness: Staleness,
    doc: PageDoc,
    source: PageDoc,
    mine: list[tuple[str, int]],
    theirs: list[tuple[str, int]],
) -> list[Finding]:
    """A heading id translated with its heading ({#cable-car} written {#ខ្សែកាប} or
    {#cap-treo}): the id the source gives the heading at that place is missing, and one the
    source lacks stands there. One mistake, said once at the line, with the id to write back.
    Links to the page in this language that use the id find nothing because of it alone."""
    order = [h.key for h in doc.scan.headings]
    source_order = [h.key for h in source.scan.headings]
    # An id the source gave a heading since the translation was made is the source's change,
    # which the stale warning reports.
    changed = {c.key for c in staleness.changes} if not staleness.up_to_date else set()
    wanted = {key for key, _ in theirs} - {key for key, _ in mine} - changed
    extra = [(key, line) for key, line in mine if key not in source_order]
    address = page_address(project, doc.lang, doc.path) + "index.html"
    findings = []
    for key, line in extra:
        at = order.index(key) if key in order else -1
        before = order[at - 1] if at > 0 else None
        place = source_order.index(before) + 1 if before in source_order else 0 if at == 0 else -1
        meant = source_order[place] if 0 <= place < len(source_order) else None
        if meant is None or meant not in wanted:
            continue
        wanted.discard(meant)
        findings.append(
            Finding(
                doc.rel,
                line,
                HEADING_ID,
                Msg(
                    f"the heading id {{#{key}}} is not the source's: {source.rel} gives this "
                    f"heading {{#{meant}}}, and ids are the same in every language (links from "
                    "other pages and data use them)",
                    f"id tiêu đề {{#{key}}} khác bản gốc: {source.rel} đặt cho tiêu đề này "
                    f"{{#{meant}}}, và id giống nhau ở mọi ngôn ngữ (liên kết từ trang khác và dữ "
                    "liệu dùng nó)",
                ),
                Severity.ERROR,
                hint=Msg(
                    f"write {{#{meant}}} back (translate the heading's text, not its id)",
                    f"viết lại {{#{meant}}} (dịch chữ của tiêu đề, không dịch id)",
                ),
                extra={
                    "source_id": meant,
                    EXPLAINS: [
                        explains(BROKEN_ANCHOR, target=address, url_has=f"#{meant}"),
                        # the id's other faults (an invisible character in it) go with it
                        explains(HEADING_ID, path=doc.rel, line=line),
                    ],
                },
            )
        )
    return findings


def untranslated(model: Model) -> list[Finding]:
    """Prose not in the page's language: for a language with its own script (Khmer), blocks
    mostly in another script; for a Latin-script language, sentences left in Vietnamese."""
    findings: list[Finding] = []
    for code in model.project.translation_codes:
        script = textlang.expected_script(code)
        for doc in model.pages.get(code, {}).values():
            if doc.fm.error:
                continue
            if script != textlang.expected_script(model.source_code):
                check = partial(_foreign_script, doc, code, script, model.source_code)
            elif model.source_code == "vi":
                check = partial(_vietnamese_left, doc, code)
            else:
                continue
            key = (doc.rel, doc.text, code, script, model.source_code)
            findings.extend(_UNTRANSLATED.get(key, check))
    return findings


# Reading every translation's prose letter by letter is the slow part of the rules; a page's
# result depends on nothing but its own text and language and the source language.
_UNTRANSLATED: ContentMemo[tuple[Finding, ...]] = ContentMemo(4096, keep="untranslated-prose")


def _foreign_script(doc: PageDoc, code: str, script: str, source_code: str) -> tuple[Finding, ...]:
    name_en, name_vi = _names(code)
    script_en, script_vi = textlang.script_name(script), script_name_vi(script)
    blocks = doc.scan.prose
    if not blocks:
        return ()
    share = textlang.script_share(blocks, script)
    hits = textlang.foreign_script_blocks(blocks, script)
    if share < textlang.SCRIPT_SHARE:
        return (
            Finding(
                doc.rel,
                blocks[0].line,
                UNTRANSLATED,
                Msg(
                    f"this {name_en} page is mostly not in {script_en} script ({share:.0%} "
                    f"{script_en} letters in its prose).",
                    f"trang {name_vi} này phần lớn không viết bằng {script_vi} ({share:.0%} "
                    f"là {script_vi} trong phần văn bản).",
                ),
                Severity.WARNING,
                hint=Msg(
                    "Translate the page, or delete it and declare it pending.",
                    "Dịch trang này, hoặc xóa và khai báo chờ dịch.",
                ),
                extra={"script_share": round(share, 3)},
            ),
        )
    found = tuple(
        Finding(
            doc.rel,
            hit.line,
            UNTRANSLATED,
            Msg(
                f"this passage is not in {script_en} script ({hit.share:.0%} {script_en} "
                f"letters): “{textlang.excerpt(hit.text)}”; translate it.",
                f"đoạn này không viết bằng {script_vi} ({hit.share:.0%} là {script_vi}): "
                f"“{textlang.excerpt(hit.text)}”; hãy dịch.",
            ),
            Severity.WARNING,
        )
        for hit in hits
    )
    # A Vietnamese sentence left inside a passage that is otherwise translated.
    flagged = {hit.line for hit in hits}
    left = (
        [f for f in _vietnamese_left(doc, code) if f.line not in flagged]
        if source_code == "vi"
        else []
    )
    return found + tuple(left)


UNTRANSLATED_LISTED = 3  # more sentences left than this: the page is one finding, listing lines


def _vietnamese_left(doc: PageDoc, code: str) -> tuple[Finding, ...]:
    name_en, name_vi = _names(code)
    hits = textlang.vietnamese_sentences(doc.scan.prose)
    if len(hits) > UNTRANSLATED_LISTED:
        # A page pasted in the source language, or left half done: one cause, said once.
        lines = ", ".join(str(n) for n in sorted({hit.line for hit in hits}))
        return (
            Finding(
                doc.rel,
                hits[0].line,
                UNTRANSLATED,
                Msg(
                    f"{len(hits)} Vietnamese sentences left in the {name_en} page (lines {lines})",
                    f"{len(hits)} câu tiếng Việt còn sót trong trang {name_vi} (dòng {lines})",
                ),
                Severity.WARNING,
                hint=Msg(
                    "Translate them, or delete the page and declare it pending.",
                    "Hãy dịch các câu đó, hoặc xóa trang và khai báo chờ dịch.",
                ),
                # its headings left in Vietnamese are the same page left untranslated
                extra={EXPLAINS: [explains(UNTRANSLATED, path=doc.rel, field="heading")]},
            ),
        )
    return tuple(
        Finding(
            doc.rel,
            hit.line,
            UNTRANSLATED,
            Msg(
                f"Vietnamese sentence left in the {name_en} page: “{textlang.excerpt(hit.text)}”.",
                f"câu tiếng Việt còn sót trong trang {name_vi}: “{textlang.excerpt(hit.text)}”.",
            ),
            Severity.WARNING,
            hint=Msg(
                "Translate it; keep Vietnamese only for names, or in parentheses after the "
                "translated term.",
                "Hãy dịch; chỉ giữ tiếng Việt cho tên riêng, hoặc trong ngoặc đơn sau thuật ngữ "
                "đã dịch.",
            ),
        )
        for hit in hits
    )

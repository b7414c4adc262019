"""`tnsite move FROM TO`: a page renamed or moved in every language, and everything that names it
updated (links in every page of every language, the navigation, data records, translation
metadata, pending entries, the audit's page types, the publications)."""

from __future__ import annotations

import posixpath
from pathlib import Path

from tnsite.config import Project
from tnsite.findings import Msg
from tnsite.i18n.frontmatter import parse, set_translation_key
from tnsite.i18n.model import load_model
from tnsite.i18n.redirects import moves
from tnsite.i18n.relocate.audit_edits import update_audit
from tnsite.i18n.relocate.data_edits import update_data
from tnsite.i18n.relocate.links import Site, retarget
from tnsite.i18n.relocate.moved_edits import update_moved
from tnsite.i18n.relocate.nav_edits import update_nav
from tnsite.i18n.relocate.pages import name_page, require_new_name, require_page, versions
from tnsite.i18n.relocate.pending_edits import update_pending
from tnsite.i18n.relocate.plan import Plan, Refused, split_bom
from tnsite.i18n.relocate.publication_edits import update_publications
from tnsite.i18n.relocate.remark import keep_translations_current
from tnsite.sourcedate import SourceDates


def plan_move(project: Project, given_from: str, given_to: str) -> Plan:
    """Every edit of the move, planned; `Refused` when the move cannot be made as asked."""
    named = name_page(project, given_from)
    page = named.path
    if given_to.strip().replace("\\", "/").endswith("/"):  # a folder: keep the file's name
        given_to = given_to.strip() + posixpath.basename(page)
    new_page = name_page(project, given_to).path
    # A move begun by hand: some or all language versions are already under the new name.
    # The command finishes it (the files still under the old name, and everything that names
    # the page) as long as no language has both.
    done = versions(project, new_page)
    found = versions(project, page)
    finishing = bool(done) and not set(done) & set(found)
    finishing = finishing and project.source_code in {*done, *found}
    if not finishing:
        found = require_page(project, named)
    if new_page == page:
        raise Refused(
            Msg(
                f"{page} is already the page's name; write the new name after TO=.",
                f"{page} đã là tên của trang; ghi tên mới sau TO=.",
            )
        )
    require_new_name(project, new_page, taken_ok=finishing)
    model = load_model(project)
    site = Site.of(project)
    plan = Plan(project.root, "move")
    langs = ", ".join(sorted({*found, *done}, key=project.codes.index))
    plan.summary = Msg(
        f"moved {page} to {new_page} ({langs}):", f"đã chuyển {page} sang {new_page} ({langs}):"
    )
    for lang, file in found.items():
        target = project.lang_dir(lang) / new_page
        plan.rename(file, target)
        plan.note(target, None, f"moved from {plan.rel(file)}", f"đã chuyển từ {plan.rel(file)}")
    sources: dict[str, tuple[str, str]] = {}
    for lang in project.codes:
        for path, doc in sorted(model.pages.get(lang, {}).items()):
            new_path = new_page if path == page else path
            # a version moved by hand still has the links it had under the old name
            was = page if path == new_page and lang in done else path
            file = project.lang_dir(lang) / new_path
            bom, text = split_bom(plan.text_of(file))
            new = text
            names_page = lang != project.source_code and page in doc.text
            if names_page and doc.translation.get("source") == page:
                new = _set_source(plan, file, new, page, new_page)
            new, edits = retarget(new, site, f"{lang}/{was}", f"{lang}/{new_path}", page, new_page)
            for edit in edits:
                plan.note(
                    file,
                    edit.line,
                    f"link {edit.old} → {edit.new}",
                    f"liên kết {edit.old} → {edit.new}",
                )
            if new != text:
                plan.write(file, bom + new)
                if lang == project.source_code:
                    sources[path] = (new_path, bom + new)
    keep_translations_current(plan, project, model, sources)
    source = model.doc(project.source_code, page) or model.doc(project.source_code, new_page)
    update_nav(plan, project, page, new_page, source.title if source else new_page)
    update_data(plan, project, page, new_page)
    update_pending(plan, project, page, new_page)
    update_audit(plan, project, page, new_page)
    update_publications(plan, project, page, new_page)
    if not found and not plan.changed_files() and moves(project).get(page) == new_page:
        raise Refused(
            Msg(
                f"{page} was already moved to {new_page}: nothing is left to do",
                f"{page} đã được chuyển sang {new_page} rồi: không còn gì phải làm",
            )
        )
    # A name no version has and no commit ever had was a typo in a menu or a record, never a
    # published address: correcting it leaves no old address behind.
    source_file = project.lang_dir(project.source_code) / page
    if found or SourceDates(project.root).ever_committed(source_file) is not False:
        update_moved(plan, project, page, new_page)
    if plan.problems:
        raise Refused(
            Msg(
                f"{page} cannot be moved to {new_page} automatically:",
                f"không tự chuyển được {page} sang {new_page}:",
            ),
            plan.problems,
        )
    return plan


def _set_source(plan: Plan, file: Path, text: str, page: str, new_page: str) -> str:
    text = set_translation_key(text, "source", new_page)
    plan.note(
        file,
        parse(text).line_of("translation", "source"),
        f"translation.source: {page} → {new_page}",
        f"translation.source: {page} → {new_page}",
    )
    return text

"""`tnsite delete PAGE`: a page removed in every language, and what named it updated.

Links to the page are never left broken, and never removed behind the editor's back. By default
the deletion is refused and every link to the page is listed (file, line, what was written):
a link is part of someone's sentence ("see the festival calendar"), and the sentence may need
rewording once the page is gone, which only its writer can judge. `--force` (`make delete …
FORCE=1`) then turns each of those links into its plain text and lists every one, so the
editor can reread them in the diff. The navigation entry, optional `page:` fields of data
records, pending entries and the page's place in publications go with the page; a record that
must name a page, the audit's example of a page type or a publication's only page stops the
deletion with the line to edit.
"""

from __future__ import annotations

from tnsite.config import Project
from tnsite.findings import Msg
from tnsite.i18n.model import load_model
from tnsite.i18n.names import lang_name
from tnsite.i18n.pending import PENDING_FILE
from tnsite.i18n.relocate.audit_edits import update_audit
from tnsite.i18n.relocate.data_edits import update_data
from tnsite.i18n.relocate.links import Site, links_to, unlink
from tnsite.i18n.relocate.moved_edits import update_moved
from tnsite.i18n.relocate.nav_edits import update_nav
from tnsite.i18n.relocate.pages import Named, name_page, require_page
from tnsite.i18n.relocate.pending_edits import update_pending
from tnsite.i18n.relocate.plan import Plan, Refused, split_bom
from tnsite.i18n.relocate.publication_edits import update_publications
from tnsite.i18n.relocate.remark import keep_translations_current


def _refuse_translation(project: Project, named: Named, langs: list[str]) -> None:
    """Naming one translation's file may mean "take down only this translation": refuse to
    delete the other languages' pages on a guess."""
    lang = named.lang or ""
    rel = (project.lang_dir(lang) / named.path).relative_to(project.root).as_posix()
    files = ", ".join(
        (project.lang_dir(code) / named.path).relative_to(project.root).as_posix() for code in langs
    )
    raise Refused(
        Msg(
            f"{rel} is the {lang_name(lang, 'en')} translation of {named.path}; make delete "
            f"removes the page in every language ({files}).",
            f"{rel} là bản {lang_name(lang, 'vi')} của {named.path}; make delete xóa trang ở mọi "
            f"ngôn ngữ ({files}).",
        ),
        hint=Msg(
            f"To delete the page, name it without a language folder: make delete "
            f"PAGE={named.path}. To take down only this translation, delete the file and declare "
            f"it in {PENDING_FILE} (the README says how).",
            f"Để xóa trang, ghi tên trang không kèm thư mục ngôn ngữ: make delete "
            f"PAGE={named.path}. Để chỉ gỡ bản dịch này, xóa tệp và khai báo trong "
            f"{PENDING_FILE} (xem README).",
        ),
    )


def plan_delete(project: Project, given: str, force: bool = False) -> Plan:
    """Every edit of the deletion, planned; `Refused` when it cannot be made as asked."""
    named = name_page(project, given)
    found = require_page(project, named)
    page = named.path
    if named.lang not in (None, project.source_code) and set(found) - {named.lang}:
        _refuse_translation(project, named, sorted(found, key=project.codes.index))
    model = load_model(project)
    site = Site.of(project)
    plan = Plan(project.root, "delete")
    langs = ", ".join(found)
    plan.summary = Msg(f"deleted {page} ({langs}):", f"đã xóa {page} ({langs}):")
    for file in found.values():
        plan.remove(file)
        plan.note(file, None, "deleted", "đã xóa")
    linked = 0
    sources: dict[str, tuple[str, str]] = {}
    for lang in project.codes:
        for path in sorted(model.pages.get(lang, {})):
            if path == page:
                continue
            file = project.lang_dir(lang) / path
            bom, text = split_bom(plan.text_of(file))
            links = links_to(text, site, f"{lang}/{path}", page)
            if not links:
                continue
            if not force:
                linked += len(links)
                for link in links:
                    plan.problem(
                        file,
                        link.line,
                        link.start + 1,
                        Msg(
                            f"a link to the page being deleted: {link.dest}",
                            f"liên kết tới trang sắp bị xóa: {link.dest}",
                        ),
                    )
                continue
            new, done, cannot = unlink(text, links)
            for link in cannot:
                plan.problem(
                    file,
                    link.line,
                    link.start + 1,
                    Msg(
                        f"this link to {page} ({link.dest}) cannot be turned into plain text "
                        "automatically.",
                        f"không tự chuyển được liên kết tới {page} ({link.dest}) thành chữ thường.",
                    ),
                    Msg(
                        "Remove or change it by hand, then run make delete again.",
                        "Hãy tự xóa hoặc sửa liên kết này, rồi chạy lại make delete.",
                    ),
                )
            for item in done:
                if item.definition:
                    en = f"link definition [{item.text}] removed (it led to {page})"
                    vi = f"đã xóa định nghĩa liên kết [{item.text}] (dẫn tới {page})"
                else:
                    en = f"link to {page} removed, its text kept: “{item.text}”"
                    vi = f"đã bỏ liên kết tới {page}, giữ chữ: “{item.text}”"
                plan.note(file, item.line, en, vi)
            if new != text:
                plan.write(file, bom + new)
                if lang == project.source_code:
                    sources[path] = (path, bom + new)
    keep_translations_current(plan, project, model, sources)
    source = model.doc(project.source_code, page)
    update_nav(plan, project, page, None, source.title if source else page)
    update_data(plan, project, page, None)
    update_pending(plan, project, page, None)
    update_audit(plan, project, page, None)
    update_publications(plan, project, page, None)
    update_moved(plan, project, page, None)
    if plan.problems:
        # What FORCE=1 cannot settle (the audit, a record, a publication) comes first, and the
        # hint does not offer FORCE=1 as if it would.
        others = len(plan.problems) - linked
        plan.problems[:] = plan.problems[linked:] + plan.problems[:linked]
        offer = Msg(
            f"change or remove the {linked} link(s) listed, or run `make delete PAGE={page} "
            "FORCE=1` to replace each of them by its text.",
            f"sửa hoặc bỏ {linked} liên kết được liệt kê, hoặc chạy `make delete PAGE={page} "
            "FORCE=1` để thay mỗi liên kết bằng chữ của nó.",
        )
        first = Msg(
            f"First fix the {others} problem(s) at the top of the list (FORCE=1 does not), then ",
            f"Trước hết sửa {others} vấn đề ở đầu danh sách (FORCE=1 không sửa được chúng), sau "
            "đó ",
        )
        raise Refused(
            Msg(f"{page} cannot be deleted yet:", f"chưa xóa được {page}:"),
            plan.problems,
            hint=(
                Msg(first.en + offer.en, first.vi + offer.vi)
                if others
                else Msg(offer.en[0].upper() + offer.en[1:], offer.vi[0].upper() + offer.vi[1:])
            )
            if linked
            else None,
        )
    return plan

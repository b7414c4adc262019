"""The audit's page types (audit.yml): each is measured on one example page, named by its address
in the language's site (`du-lich/nui-ba-den/`). A moved example is followed; a deleted one stops
the deletion, since only a person can choose another page of the same kind."""

from __future__ import annotations

from tnsite.audit.examples import AUDIT_FILE, examples
from tnsite.config import Project
from tnsite.findings import Msg
from tnsite.i18n.relocate.plan import Plan
from tnsite.i18n.relocate.yamltext import replace_scalar
from tnsite.urls import address_key, page_url


def update_audit(plan: Plan, project: Project, page: str, new_page: str | None) -> None:
    """Plan the audit.yml edits for `page` moved to `new_page` (None: deleted)."""
    file = project.root / AUDIT_FILE
    if not file.is_file():
        return
    text = plan.text_of(file)
    address = address_key(page_url(page))
    # From the last line up: an edit never shifts the place of one still to make.
    for example in reversed(list(examples(text))):
        if address_key(example.address) != address:
            continue
        if new_page is None:
            plan.problem(
                file,
                example.line,
                example.col,
                Msg(
                    f"the audit measures its page type '{example.page_type}' on {page}, the "
                    "page being deleted.",
                    f"bước kiểm định đo loại trang '{example.page_type}' trên {page}, trang "
                    "sắp bị xóa.",
                ),
                Msg(
                    "Write the address of another page of the same kind in `path:`, then run "
                    "make delete again.",
                    "Ghi địa chỉ của một trang khác cùng loại vào `path:`, rồi chạy lại make "
                    "delete.",
                ),
            )
            continue
        changed = replace_scalar(text, example.line, example.col, page_url(new_page))
        if changed is None:
            continue
        text = changed
        plan.note(
            file,
            example.line,
            f"page type '{example.page_type}': {example.address} → {page_url(new_page)}",
            f"loại trang '{example.page_type}': {example.address} → {page_url(new_page)}",
        )
    if text != plan.text_of(file):
        plan.write(file, text)

"""The audit's page types (audit.yml): each is measured on one example page, named by its address
in the language's site (`du-lich/nui-ba-den/`). A moved example is followed; a deleted one stops
the deletion, since only a person can choose another page of the same kind."""

from __future__ import annotations

import yaml

from tnsite import yamlread
from tnsite.config import Project
from tnsite.findings import Msg
from tnsite.i18n.relocate.links import address_key
from tnsite.i18n.relocate.plan import Plan
from tnsite.i18n.relocate.yamltext import replace_scalar
from tnsite.urls import page_url

AUDIT_FILE = "audit.yml"


def _mapping_value(node: yaml.Node, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if k.value == key), None)


def update_audit(plan: Plan, project: Project, page: str, new_page: str | None) -> None:
    """Plan the audit.yml edits for `page` moved to `new_page` (None: deleted)."""
    file = project.root / AUDIT_FILE
    if not file.is_file():
        return
    text = plan.text_of(file)
    try:
        root = yamlread.compose(text)
    except yaml.YAMLError:
        return  # `make audit` reports it; no page is named in a file that cannot be read
    types = _mapping_value(root, "page_types") if root is not None else None
    if not isinstance(types, yaml.MappingNode):
        return
    address = address_key(page_url(page))
    for name_node, spec in reversed(types.value):
        path = _mapping_value(spec, "path")
        status = _mapping_value(spec, "status")
        if not isinstance(path, yaml.ScalarNode) or address_key(path.value) != address:
            continue
        if isinstance(status, yaml.ScalarNode) and status.value != "200":
            continue  # an address that must not exist (the error page)
        line, col = path.start_mark.line + 1, path.start_mark.column + 1
        if new_page is None:
            plan.problem(
                file,
                line,
                col,
                Msg(
                    f"the audit measures its page type '{name_node.value}' on {page}, the page "
                    "being deleted.",
                    f"bước kiểm định đo loại trang '{name_node.value}' trên {page}, trang sắp "
                    "bị xóa.",
                ),
                Msg(
                    "Write the address of another page of the same kind in `path:`, then run "
                    "make delete again.",
                    "Ghi địa chỉ của một trang khác cùng loại vào `path:`, rồi chạy lại make "
                    "delete.",
                ),
            )
            continue
        changed = replace_scalar(text, line, col, page_url(new_page))
        if changed is None:
            continue
        text = changed
        plan.note(
            file,
            line,
            f"page type '{name_node.value}': {path.value} → {page_url(new_page)}",
            f"loại trang '{name_node.value}': {path.value} → {page_url(new_page)}",
        )
    if text != plan.text_of(file):
        plan.write(file, text)

"""i18n/moved.yml follows the commands: a move adds the old name (its address keeps leading to
the page), a deletion removes the entries that led to the page deleted."""

from __future__ import annotations

from pathlib import Path

import yaml

from tnsite import yamlread
from tnsite.config import Project, today
from tnsite.i18n.redirects import HEADER, MOVED_FILE, move_entry
from tnsite.i18n.relocate.plan import Plan
from tnsite.i18n.relocate.yamltext import item_lines


def update_moved(plan: Plan, project: Project, page: str, new_page: str | None) -> None:
    file = project.root / MOVED_FILE
    text = plan.text_of(file) if file.is_file() else HEADER
    if new_page is None:
        kept = _without(plan, file, text, "to", page)
        if kept != text:
            plan.write(file, kept)
        return
    # A page moved back to a name it had: that name is a page again, not an old address.
    text = _without(plan, file, text, "from", new_page)
    text = text if text.endswith("\n") else text + "\n"
    line = text.count("\n") + 1
    plan.write(file, text + move_entry(page, new_page, today()))
    plan.note(
        file,
        line,
        f"the old address of {page} leads to {new_page}",
        f"địa chỉ cũ của {page} dẫn tới {new_page}",
    )


def _without(plan: Plan, file: Path, text: str, field: str, page: str) -> str:
    """The file's text without the entries whose `field` (from, to) is `page`."""
    try:
        root = yamlread.compose(text)
    except yaml.YAMLError:
        return text  # the check reports the file; its entries are left as they are
    if not isinstance(root, yaml.SequenceNode) or root.flow_style:
        return text
    lines = text.split("\n")
    for item in reversed(root.value):
        fields = (
            {k.value: v.value for k, v in item.value if isinstance(v, yaml.ScalarNode)}
            if isinstance(item, yaml.MappingNode)
            else {}
        )
        if fields.get(field) != page:
            continue
        first = item.start_mark.line
        span = item_lines(lines, first)
        del lines[span.start : span.stop]
        old, new = fields.get("from"), fields.get("to")
        en, vi = (
            (f"the old address {old} led to {page}", f"địa chỉ cũ {old} dẫn tới {page}")
            if field == "to"
            else (
                f"{page} is a page again, not an old address of {new}",
                f"{page} lại là một trang, không còn là địa chỉ cũ của {new}",
            )
        )
        plan.note(file, first + 1, f"removed: {en}", f"đã xóa: {vi}")
    return "\n".join(lines)

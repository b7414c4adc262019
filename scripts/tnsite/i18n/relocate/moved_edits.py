"""i18n/moved.yml follows the commands: a move adds the old name (its address keeps leading to
the page), a deletion removes the entries that led to the page deleted."""

from __future__ import annotations

import yaml

from tnsite import yamlread
from tnsite.config import Project, today
from tnsite.i18n.redirects import HEADER, MOVED_FILE, move_entry
from tnsite.i18n.relocate.plan import Plan
from tnsite.i18n.relocate.yamltext import item_lines


def update_moved(plan: Plan, project: Project, page: str, new_page: str | None) -> None:
    file = project.root / MOVED_FILE
    text = plan.text_of(file) if file.is_file() else HEADER
    if new_page is not None:
        text = text if text.endswith("\n") else text + "\n"
        line = text.count("\n") + 1
        plan.write(file, text + move_entry(page, new_page, today()))
        plan.note(
            file,
            line,
            f"the old address of {page} leads to {new_page}",
            f"địa chỉ cũ của {page} dẫn tới {new_page}",
        )
        return
    try:
        root = yamlread.compose(text)
    except yaml.YAMLError:
        return  # the check reports the file; the deleted page's old addresses lead nowhere
    if not isinstance(root, yaml.SequenceNode) or root.flow_style:
        return
    lines = text.split("\n")
    for item in reversed(root.value):
        fields = (
            {k.value: v.value for k, v in item.value if isinstance(v, yaml.ScalarNode)}
            if isinstance(item, yaml.MappingNode)
            else {}
        )
        if fields.get("to") != page:
            continue
        first = item.start_mark.line
        del lines[item_lines(lines, first).start : item_lines(lines, first).stop]
        plan.note(
            file,
            first + 1,
            f"removed: the old address {fields.get('from')} led to {page}",
            f"đã xóa: địa chỉ cũ {fields.get('from')} dẫn tới {page}",
        )
    if lines != text.split("\n"):
        plan.write(file, "\n".join(lines))

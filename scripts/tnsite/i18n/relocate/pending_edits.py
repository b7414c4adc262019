"""Entries of i18n/pending.yml that declare the page not yet translated into a language: they
follow a moved page and go with a deleted one."""

from __future__ import annotations

import yaml

from tnsite import yamlread
from tnsite.config import Project
from tnsite.findings import Msg
from tnsite.i18n.pending import PENDING_FILE
from tnsite.i18n.relocate.plan import Plan
from tnsite.i18n.relocate.yamltext import item_lines, replace_scalar


def _value(item: yaml.MappingNode, key: str) -> yaml.ScalarNode | None:
    for key_node, value_node in item.value:
        if key_node.value == key and isinstance(value_node, yaml.ScalarNode):
            return value_node
    return None


def update_pending(plan: Plan, project: Project, page: str, new_page: str | None) -> None:
    """Plan the pending-file edits for `page` moved to `new_page` (None: deleted)."""
    file = project.root / PENDING_FILE
    if not file.is_file():
        return
    text = plan.text_of(file)
    try:
        root = yamlread.compose(text)
    except yaml.YAMLError:
        if page in text:
            plan.problem(
                file,
                1,
                1,
                Msg(
                    f"{PENDING_FILE} cannot be read, so its entries for {page} cannot be updated.",
                    f"không đọc được {PENDING_FILE}, nên không cập nhật được các mục của {page}.",
                ),
                Msg(
                    "Fix the file (make check shows the problem), then run the command again.",
                    "Sửa tệp (make check chỉ ra lỗi), rồi chạy lại lệnh.",
                ),
            )
        return
    if not isinstance(root, yaml.SequenceNode):
        return
    hits = []
    for item in root.value:
        if not isinstance(item, yaml.MappingNode):
            continue
        path = _value(item, "path")
        if path is not None and str(path.value).removeprefix("/") == page:
            lang_node = _value(item, "lang")
            hits.append((item, path, lang_node.value if lang_node is not None else "?"))
    if not hits:
        return
    if new_page is not None:
        for _, path, lang in reversed(hits):
            line, col = path.start_mark.line + 1, path.start_mark.column + 1
            changed = replace_scalar(text, line, col, new_page)
            if changed is None:
                plan.problem(
                    file,
                    line,
                    col,
                    Msg(
                        f"cannot rewrite this path ({lang}).",
                        f"không tự sửa được đường dẫn này ({lang}).",
                    ),
                )
                continue
            text = changed
            plan.note(
                file,
                line,
                f"pending ({lang}): {page} → {new_page}",
                f"chờ dịch ({lang}): {page} → {new_page}",
            )
        plan.write(file, text)
        return
    lines = text.split("\n")
    for item, _, lang in reversed(hits):
        first = item.start_mark.line
        if root.flow_style or not lines[first].lstrip().startswith("-"):
            plan.problem(
                file,
                first + 1,
                1,
                Msg(
                    f"the entry for {page} ({lang}) cannot be removed automatically.",
                    f"không tự xóa được mục của {page} ({lang}).",
                ),
                Msg(
                    "Write each entry as `- path: …` with its keys on their own lines, then run "
                    "the command again.",
                    "Viết mỗi mục dạng `- path: …`, mỗi khóa một dòng, rồi chạy lại lệnh.",
                ),
            )
            continue
        span = item_lines(lines, first)
        del lines[span.start : span.stop]
        plan.note(
            file,
            first + 1,
            f"pending entry removed ({page}, {lang})",
            f"đã xóa mục chờ dịch ({page}, {lang})",
        )
    if len(hits) == len(root.value):
        while lines and not lines[-1].strip():
            lines.pop()
        lines += ["[]", ""]
    plan.write(file, "\n".join(lines))

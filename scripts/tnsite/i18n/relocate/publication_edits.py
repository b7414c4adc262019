"""The publications' page lists (publications.yml): a moved page keeps its place in every
publication under its new name; a deleted page leaves them, unless it is a publication's only
page, which only a person can replace."""

from __future__ import annotations

import yaml

from tnsite import yamlread
from tnsite.config import Project
from tnsite.findings import Msg
from tnsite.i18n.relocate.plan import Plan
from tnsite.i18n.relocate.yamltext import item_lines, replace_scalar
from tnsite.publish.config import load_options


def _value(node: yaml.Node, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if k.value == key), None)


def _page_nodes(text: str) -> list[tuple[str, yaml.SequenceNode, yaml.ScalarNode]]:
    """(publication id, its `pages:` list, one entry) for every entry, last first, so that
    edits made from the bottom up leave the lines above where the parser found them."""
    try:
        root = yamlread.compose(text)
    except yaml.YAMLError:
        return []  # the build reports the file; no page is named in a file that cannot be read
    listed = _value(root, "publications") if root is not None else None
    if not isinstance(listed, yaml.SequenceNode):
        return []
    found = []
    for pub in listed.value:
        ident = _value(pub, "id")
        pages = _value(pub, "pages")
        if not isinstance(pages, yaml.SequenceNode):
            continue
        name = ident.value if isinstance(ident, yaml.ScalarNode) else "?"
        found += [(name, pages, n) for n in pages.value if isinstance(n, yaml.ScalarNode)]
    found.sort(key=lambda item: item[2].start_mark.index, reverse=True)
    return found


def update_publications(plan: Plan, project: Project, page: str, new_page: str | None) -> None:
    """Plan the publications.yml edits for `page` moved to `new_page` (None: deleted)."""
    options = load_options(project)
    if options is None:
        return
    file = project.root / options.file
    if not file.is_file():
        return
    text = plan.text_of(file)
    for ident, pages, node in _page_nodes(text):
        if node.value.strip().lstrip("/") != page:
            continue
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        if new_page is not None:
            changed = replace_scalar(text, line, col, new_page)
            if changed is not None:
                text = changed
                plan.note(
                    file,
                    line,
                    f"publication '{ident}': {page} → {new_page}",
                    f"ấn phẩm '{ident}': {page} → {new_page}",
                )
            continue
        lines = text.split("\n")
        if (
            len(pages.value) == 1
            or pages.flow_style
            or not lines[line - 1].lstrip().startswith("-")
        ):
            plan.problem(
                file,
                line,
                col,
                Msg(
                    f"publication '{ident}' prints {page}, the page being deleted.",
                    f"ấn phẩm '{ident}' in trang {page}, trang sắp bị xóa.",
                ),
                Msg(
                    "Remove the page from its `pages:` list (or the publication, if it has no "
                    "other page), then run make delete again.",
                    "Bỏ trang khỏi danh sách `pages:` của ấn phẩm (hoặc bỏ cả ấn phẩm nếu nó "
                    "không còn trang nào khác), rồi chạy lại make delete.",
                ),
            )
            continue
        item = item_lines(lines, line - 1)
        del lines[item.start : item.stop]
        text = "\n".join(lines)
        plan.note(
            file,
            line,
            f"publication '{ident}': {page} removed",
            f"ấn phẩm '{ident}': đã bỏ {page}",
        )
    if text != plan.text_of(file):
        plan.write(file, text)

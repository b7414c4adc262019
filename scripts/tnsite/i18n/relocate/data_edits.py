"""Data records that name the page: the fields of data/*.yml whose schema makes them a page path.

Which fields hold a page, and whether a record must have one, is read from the dataset's schema
(`$ref: …#/$defs/page`, `required`), so a page field added to a schema is followed without a
change here. On a deletion an optional field goes with its `anchor` (a heading on that page,
meaningless without it); a record that must have a page cannot be fixed by a command (which
page should it name?) and stops the deletion, naming the record.
"""

from __future__ import annotations

import json
from typing import Any

from tnsite.config import Project
from tnsite.data.schema import SCHEMA_DIR
from tnsite.data.yamlpos import Pos, YamlProblem, loads
from tnsite.findings import Msg
from tnsite.i18n.relocate.plan import Plan
from tnsite.i18n.relocate.yamltext import remove_key_line, replace_scalar

PAGE_DEF = "#/$defs/page"
COMPANIONS = ("anchor",)  # a heading of the record's page


def page_fields(dataset: str) -> tuple[list[str], set[str]]:
    """The record fields of a dataset that hold a page path, and those of them required."""
    file = SCHEMA_DIR / f"{dataset}.schema.json"
    if not file.is_file():
        return [], set()
    schema = json.loads(file.read_text(encoding="utf-8"))
    items = schema.get("properties", {}).get("records", {}).get("items", {})
    properties: dict[str, Any] = items.get("properties", {})
    fields = [
        key
        for key, spec in properties.items()
        if isinstance(spec, dict) and str(spec.get("$ref", "")).endswith(PAGE_DEF)
    ]
    return fields, set(items.get("required", [])) & set(fields)


def _cannot(plan: Plan, file: Any, pos: Pos, what: str, rid: str) -> None:
    plan.problem(
        file,
        pos.line,
        pos.col,
        Msg(
            f"record '{rid}': its `{what}:` line cannot be edited automatically (it is not "
            "on a line of its own).",
            f"bản ghi '{rid}': không tự sửa được dòng `{what}:` (nó không nằm trên một dòng "
            "riêng).",
        ),
        Msg(
            f"Write each field of the record on its own line (`{what}: …`), then run the "
            "command again.",
            f"Viết mỗi trường của bản ghi trên một dòng riêng (`{what}: …`), rồi chạy lại lệnh.",
        ),
    )


def update_data(plan: Plan, project: Project, page: str, new_page: str | None) -> None:
    """Plan the data edits for `page` moved to `new_page` (None: deleted)."""
    files = sorted(project.data_dir.glob("*.yml")) + sorted(project.data_dir.glob("*.yaml"))
    for file in files:
        fields, required = page_fields(file.stem)
        if not fields:
            continue
        text = plan.text_of(file)
        try:
            located = loads(text)
        except YamlProblem as problem:
            if page in text:
                plan.problem(
                    file,
                    problem.pos.line,
                    problem.pos.col,
                    Msg(
                        f"this file cannot be read, so its records that name {page} cannot "
                        "be updated.",
                        f"không đọc được tệp này, nên không cập nhật được các bản ghi ghi {page}.",
                    ),
                    Msg(
                        "Fix the file (make check shows the problem), then run the command again.",
                        "Sửa tệp (make check chỉ ra lỗi), rồi chạy lại lệnh.",
                    ),
                )
            continue
        value = located.value if isinstance(located.value, dict) else {}
        found = value.get("records")
        records: list[Any] = found if isinstance(found, list) else []
        # (line, col, field, record id, removal?) of every edit, made from the bottom up so a
        # line removed never moves the place of the next edit.
        edits: list[tuple[Pos, str, str, bool]] = []
        for index, record in enumerate(records):
            if not isinstance(record, dict):
                continue
            rid = str(record.get("id", index))
            for field in fields:
                if record.get(field) != page:
                    continue
                where = ("records", index, field)
                if new_page is not None:
                    edits.append((located.values[where], field, rid, False))
                elif field in required:
                    pos = located.values[where]
                    plan.problem(
                        file,
                        pos.line,
                        pos.col,
                        Msg(
                            f"record '{rid}' must name a page, and names {page}, the page "
                            "being deleted.",
                            f"bản ghi '{rid}' bắt buộc phải ghi một trang, và đang ghi {page}, "
                            "trang sắp bị xóa.",
                        ),
                        Msg(
                            f"Point `{field}:` at another page, or remove the record, then run "
                            "make delete again.",
                            f"Đổi `{field}:` sang một trang khác, hoặc xóa bản ghi, rồi chạy lại "
                            "make delete.",
                        ),
                    )
                else:
                    for key in (field, *COMPANIONS):
                        if key in record and ("records", index, key) in located.keys:
                            key_pos = located.keys[("records", index, key)]
                            if located.values[("records", index, key)].line != key_pos.line:
                                _cannot(plan, file, key_pos, key, rid)
                                continue
                            edits.append((key_pos, key, rid, True))
        for pos, field, rid, removal in sorted(edits, key=lambda e: e[0].line, reverse=True):
            if removal:
                changed = remove_key_line(text, pos.line, pos.col)
                en = f"record '{rid}': `{field}:` removed (its page is deleted)"
                vi = f"bản ghi '{rid}': đã xóa `{field}:` (trang của nó bị xóa)"
            else:
                assert new_page is not None
                changed = replace_scalar(text, pos.line, pos.col, new_page)
                en = f"record '{rid}': {field}: {page} → {new_page}"
                vi = f"bản ghi '{rid}': {field}: {page} → {new_page}"
            if changed is None:
                _cannot(plan, file, pos, field, rid)
                continue
            text = changed
            plan.note(file, pos.line, en, vi)
        if text != plan.text_of(file):
            plan.write(file, text)

"""The data views, their rules, and the one function that checks a directive against the data.

`problems()` is shared by `tnsite check` (source level, every page) and by the build (the page
being rendered), so an editor gets the same message, at the same line, from both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tnsite.data import investor_tables  # noqa: F401  (adds the investor tables to TABLES)
from tnsite.data.charts import SERIES, render_chart
from tnsite.data.directives import Directive, View, get_view, register_view, views
from tnsite.data.geo import render_map
from tnsite.data.schema import known_datasets
from tnsite.data.store import Store
from tnsite.data.tables import (
    CARDS,
    TABLES,
    render_cards,
    render_contacts,
    render_figures,
    render_table,
    render_value,
)
from tnsite.explains import DATA_DIRECTIVE
from tnsite.findings import Msg
from tnsite.text import closest

RULE = DATA_DIRECTIVE

register_view(
    View("value", render_value, block=False, datasets=("key-figures",), record="required")
)
register_view(
    View(
        "figures",
        render_figures,
        datasets=("key-figures",),
        options=("ids",),
        required_options=("ids",),
    )
)
register_view(View("table", render_table, datasets=tuple(TABLES)))
register_view(View("cards", render_cards, datasets=tuple(CARDS)))
register_view(View("chart", render_chart, datasets=tuple(SERIES)))
register_view(View("map", render_map))
register_view(View("contacts", render_contacts, default_dataset="contacts"))
# Placed after a sentence that anticipates a dated event; renders nothing. The freshness check
# reports the sentence once the event's date has passed.
register_view(
    View(
        "until", lambda ctx, directive: "", block=False, datasets=("milestones",), record="required"
    )
)


@dataclass(frozen=True)
class DirectiveProblem:
    message: Msg
    hint: Msg
    depends_on: str | None = None  # a data file that cannot be read: the real cause
    unknown_record: str | None = None  # "key-figures/communes": a record no file has


LISTED = 12  # beyond this, a list of names is noise: the file itself lists them


def _listing(options: list[str] | tuple[str, ...]) -> str:
    """The names an editor may write, as code; a long list is cut with how many are left."""
    names = sorted(options)
    shown = ", ".join(f"`{name}`" for name in names[:LISTED]) or "—"
    return shown + (f", … (+{len(names) - LISTED})" if len(names) > LISTED else "")


def problems(directive: Directive, store: Store) -> list[DirectiveProblem]:
    """What is wrong with one directive (empty when it renders)."""
    view = get_view(directive.view)
    raw = directive.raw
    if view is None:
        names = sorted(views())
        guess = closest(directive.view, names)
        return [
            DirectiveProblem(
                Msg(
                    f"unknown view '{directive.view}' in {raw}",
                    f"không có kiểu hiển thị '{directive.view}' trong {raw}",
                ),
                Msg(
                    (f"did you mean '{guess}'? " if guess else "") + f"views: {_listing(names)}",
                    (f"có phải '{guess}'? " if guess else "") + f"các kiểu: {_listing(names)}",
                ),
            )
        ]
    out: list[DirectiveProblem] = []
    if view.block and not directive.block:
        # A photo, chart or list inside a sentence splits the paragraph around it.
        out.append(
            DirectiveProblem(
                Msg(f"{raw} must stand alone on its line", f"{raw} phải nằm riêng trên một dòng"),
                Msg(
                    "put it on a line of its own, with a blank line before and after",
                    "đặt nó trên một dòng riêng, có dòng trống trước và sau",
                ),
            )
        )
    if view.render is None:
        return out  # the rest is checked by the plugin that renders it
    dataset = directive.dataset
    if not view.datasets:
        if dataset and dataset != view.default_dataset:
            out.append(
                DirectiveProblem(
                    Msg(
                        f"'{view.name}' takes no dataset (found '{dataset}')",
                        f"'{view.name}' không nhận tập dữ liệu (đang ghi '{dataset}')",
                    ),
                    Msg(f"write {{{{ {view.name} }}}}", f"viết {{{{ {view.name} }}}}"),
                )
            )
        dataset = view.default_dataset
    elif not dataset:
        out.append(
            DirectiveProblem(
                Msg(f"{raw} names no dataset", f"{raw} chưa ghi tập dữ liệu"),
                Msg(
                    f"write {{{{ {view.name} DATASET }}}} with one of: {_listing(view.datasets)}",
                    f"viết {{{{ {view.name} TẬP_DỮ_LIỆU }}}} "
                    f"với một trong: {_listing(view.datasets)}",
                ),
            )
        )
        return out
    elif dataset not in view.datasets:
        known = dataset in known_datasets()
        guess = closest(dataset, view.datasets)
        out.append(
            DirectiveProblem(
                Msg(
                    f"'{view.name}' cannot show dataset '{dataset}'"
                    if known
                    else f"unknown dataset '{dataset}' in {raw}",
                    f"'{view.name}' không hiển thị được tập '{dataset}'"
                    if known
                    else f"không có tập dữ liệu '{dataset}' trong {raw}",
                ),
                Msg(
                    (f"did you mean '{guess}'? " if guess else "")
                    + f"'{view.name}' shows: {_listing(view.datasets)}",
                    (f"có phải '{guess}'? " if guess else "")
                    + f"'{view.name}' hiển thị: {_listing(view.datasets)}",
                ),
            )
        )
        return out
    data = store.get(dataset) if dataset else None
    if dataset and data is None and dataset in store.unreadable:
        rel = store.unreadable[dataset]
        out.append(
            DirectiveProblem(
                Msg(
                    f"{raw} uses {rel}, which cannot be read",
                    f"{raw} dùng {rel}, tệp chưa đọc được",
                ),
                Msg(f"fix {rel} first", f"hãy sửa {rel} trước"),
                depends_on=rel,
            )
        )
        return out
    if dataset and data is None:
        out.append(
            DirectiveProblem(
                Msg(f"data/{dataset}.yml does not exist", f"không có tệp data/{dataset}.yml"),
                Msg(
                    f"create data/{dataset}.yml or use another dataset",
                    f"tạo data/{dataset}.yml hoặc dùng tập khác",
                ),
            )
        )
        return out
    if directive.record and data is not None and _spaced_id(directive.record, data.by_id):
        return out  # the record's id has spaces: the data check names it, with the id to write
    if view.record == "required" and not directive.record:
        out.append(
            DirectiveProblem(
                Msg(f"{raw} names no record", f"{raw} chưa ghi bản ghi"),
                Msg(
                    f"write {{{{ {view.name} {dataset}/ID }}}}",
                    f"viết {{{{ {view.name} {dataset}/ID }}}}",
                ),
            )
        )
    elif view.record == "no" and directive.record:
        out.append(
            DirectiveProblem(
                Msg(
                    f"'{view.name}' shows a whole dataset, not one record ('/{directive.record}')",
                    f"'{view.name}' hiển thị cả tập dữ liệu, không "
                    f"phải một bản ghi ('/{directive.record}')",
                ),
                Msg(
                    f"write {{{{ {view.name} {dataset} }}}}",
                    f"viết {{{{ {view.name} {dataset} }}}}",
                ),
            )
        )
    if directive.record and data is not None:
        out += _record_problems(directive.record, dataset or "", data.by_id)
    for key in directive.options:
        if key not in view.options:
            shown = f"'{key}'" if key else f"'{directive.options[key]}'"
            if not key and re.search(r",\s", raw):
                # `ids=a, b, c`: the words after a space are read as more words, not the list.
                joined = re.sub(r",\s+", ",", raw)
                out.append(
                    DirectiveProblem(
                        Msg(
                            f"a space after a comma cuts the list in {raw}",
                            f"dấu cách sau dấu phẩy làm đứt danh sách trong {raw}",
                        ),
                        Msg(
                            f"write the list without spaces: {joined}",
                            f"viết danh sách không có dấu cách: {joined}",
                        ),
                    )
                )
                continue
            out.append(
                DirectiveProblem(
                    Msg(
                        f"unknown option {shown} in {raw}",
                        f"tùy chọn không hợp lệ {shown} trong {raw}",
                    ),
                    Msg(
                        f"options of '{view.name}': {_listing(view.options)}",
                        f"tùy chọn của '{view.name}': {_listing(view.options)}",
                    )
                    if view.options
                    else Msg(
                        f"'{view.name}' takes no option: remove {shown}"
                        + (
                            " (a figure's unit and rounding are written in its record in data/)"
                            if view.name == "value"
                            else ""
                        ),
                        f"'{view.name}' không nhận tùy chọn nào: xóa {shown}"
                        + (
                            " (đơn vị và cách làm tròn của số liệu ghi trong bản ghi của nó ở "
                            "data/)"
                            if view.name == "value"
                            else ""
                        ),
                    ),
                )
            )
    for key in view.required_options:
        if not directive.options.get(key):
            out.append(
                DirectiveProblem(
                    Msg(f"{raw} needs {key}=…", f"{raw} cần {key}=…"),
                    Msg(
                        f"for example {{{{ {view.name} {dataset} {key}=area,population }}}}",
                        f"ví dụ {{{{ {view.name} {dataset} {key}=area,population }}}}",
                    ),
                )
            )
    if "ids" in directive.options and data is not None:
        for record_id in [i for i in directive.options["ids"].split(",") if i]:
            out += _record_problems(record_id, dataset or "", data.by_id)
    return out


def _spaced_id(record_id: str, records: dict) -> bool:
    """Whether a record's id begins with these words and goes on after a space: a directive
    reads only up to the space (`key-figures/xuất khẩu gạo` names `xuất`)."""
    return record_id not in records and any(str(i).startswith(record_id + " ") for i in records)


def _record_problems(record_id: str, dataset: str, records: dict) -> list[DirectiveProblem]:
    record = records.get(record_id)
    if record is None and _spaced_id(record_id, records):
        return []  # the record's id has spaces: the data check names it, with the id to write
    if record is None:
        ids = sorted(records)
        guess = closest(record_id, ids)
        return [
            DirectiveProblem(
                Msg(
                    f"unknown record '{record_id}' in data/{dataset}.yml",
                    f"không có bản ghi '{record_id}' trong data/{dataset}.yml",
                ),
                Msg(
                    f"did you mean '{guess}'?" if guess else f"ids: {_listing(ids)}",
                    f"có phải '{guess}'?" if guess else f"các id: {_listing(ids)}",
                ),
                unknown_record=f"{dataset}/{record_id}",
            )
        ]
    if not record.get("confirmed", True):
        return [
            DirectiveProblem(
                Msg(
                    f"'{record_id}' is marked confirmed: false and cannot be shown as a fact",
                    f"'{record_id}' chưa được xác nhận (confirmed: "
                    "false), không được đưa lên như sự thật",
                ),
                Msg(
                    "remove the directive, or confirm the figure with a second source in the data",
                    "bỏ chỉ thị này, hoặc xác nhận số liệu bằng nguồn thứ hai trong dữ liệu",
                ),
            )
        ]
    return []

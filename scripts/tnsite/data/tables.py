"""Views that lay records out: `value`, `figures`, `table`, `cards` and `contacts`.

Tables are real `<table>`s with a caption and row headers; on a narrow screen the stylesheet
turns each row into a card whose cells carry their column name (`data-label`), so a 390 px
phone never needs to scroll sideways. Cards reuse Material's "grid cards" markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from tnsite.data.directives import Directive
from tnsite.data.render import RenderContext, block, esc, icon
from tnsite.recurrence import duration, first_day, next_start

Record = Mapping[str, Any]
Cell = Callable[[RenderContext, Record], str]


# --- value and figures ---------------------------------------------------------------------


def render_value(ctx: RenderContext, directive: Directive) -> str:
    return ctx.figure_html(directive.record or "")


def render_figures(ctx: RenderContext, directive: Directive) -> str:
    ids = [i for i in directive.options.get("ids", "").split(",") if i]
    items = []
    for figure_id in ids:
        record = ctx.store.figure(figure_id)
        if record is None:
            continue
        meta = [ctx.fmt.date(str(record["as_of"]))]
        if ctx.scope_note(record):
            meta.append(ctx.scope_note(record))
        items.append(
            '<div class="tn-figure">'
            f'<dt class="tn-figure__label">{esc(ctx.name(record["label"]))}</dt>'
            f'<dd class="tn-figure__value">{ctx.figure_html(figure_id)}</dd>'
            f'<dd class="tn-figure__meta">{esc(" · ".join(meta))}</dd>'
            "</div>"
        )
    return block(f'<dl class="tn-figures">{"".join(items)}</dl>')


# --- tables --------------------------------------------------------------------------------


def _figures_cell(ctx: RenderContext, ids: Sequence[str] | None) -> str:
    if not ids:
        return ctx.missing()
    parts = []
    for figure_id in ids:
        record = ctx.store.figure(figure_id)
        if record is None:
            continue
        parts.append(
            f'<span class="tn-cell-figure"><span class="tn-cell-figure__label">'
            f"{esc(ctx.name(record['label']))}:</span> {ctx.figure_html(figure_id)}</span>"
        )
    return "<br>".join(parts) if parts else ctx.missing()


def _text_or_missing(ctx: RenderContext, text: Mapping[str, str] | None) -> str:
    return esc(ctx.name(text)) if text else ctx.missing()


def _linked_name(ctx: RenderContext, record: Record, name_key: str = "name") -> str:
    name = esc(ctx.name(record[name_key]))
    if record.get("page"):
        return f'<a href="{esc(ctx.href(record["page"], record.get("anchor")))}">{name}</a>'
    return name


def _milestones(ctx: RenderContext, record: Record) -> str:
    parts = []
    for key in ("upgrade_approved", "opened"):
        if record.get(key):
            when = ctx.fmt.date(str(record[key]))
            parts.append(esc(ctx.s(f"milestone.{key}", date=when)))
    if not parts:
        return ctx.missing()
    return "<br>".join(parts) + ctx.cite(record)


def recurrence_text(ctx: RenderContext, recurrence: Mapping[str, Any]) -> str:
    month, day = recurrence.get("month"), recurrence.get("day")
    if (
        not isinstance(month, int)
        or not isinstance(day, int)
        or first_day(recurrence, 2024) is None
    ):
        return ctx.missing()  # reported by the data checks at its line
    if recurrence.get("calendar") == "lunar":
        text = ctx.s("rule.lunar", day=ctx.fmt.number(day), month=ctx.fmt.number(month))
    else:
        sample = dt.date(2024, month, day)
        text = ctx.s(
            "rule.solar",
            day=ctx.fmt.number(day),
            month=ctx.fmt.number(month),
            date=ctx.fmt.day_month(sample),
        )
    if duration(recurrence) > 1:
        text += " · " + ctx.s("rule.days", days=ctx.fmt.number(duration(recurrence)))
    if recurrence.get("varies"):
        text += " (" + ctx.s("rule.varies") + ")"
    return text


def _festival_when(ctx: RenderContext, record: Record) -> str:
    return esc(recurrence_text(ctx, record["recurrence"])) + ctx.cite(record)


def _festival_next(ctx: RenderContext, record: Record) -> str:
    start = next_start(record["recurrence"], ctx.today)
    if start is None:  # a rule naming no day: the data checks report it at its line
        return ctx.missing()
    return f'<time datetime="{start.isoformat()}">{esc(ctx.fmt.full_date(start))}</time>'


def _gate_names(ctx: RenderContext, ids: Sequence[str] | None) -> str:
    names = []
    for gate_id in ids or []:
        gate = ctx.store.record("border-gates", gate_id)
        if gate:
            names.append(_linked_name(ctx, gate, "short" if gate.get("short") else "name"))
    return ", ".join(names) if names else ctx.missing()


def _summary(ctx: RenderContext, dataset: str) -> str:
    found = ctx.store.get(dataset)
    ids = (found.meta.get("summary") if found else None) or []
    if not ids:
        return ""
    items = []
    for figure_id in ids:
        record = ctx.store.figure(figure_id)
        if record is None:
            continue
        items.append(
            '<div class="tn-figure"><dt '
            f'class="tn-figure__label">{esc(ctx.name(record["label"]))}</dt>'
            f'<dd class="tn-figure__value">{ctx.figure_html(figure_id)}</dd>'
            f'<dd class="tn-figure__meta">{esc(ctx.fmt.date(str(record["as_of"])))}</dd></div>'
        )
    return f'<dl class="tn-figures tn-figures--compact">{"".join(items)}</dl>'


Column = tuple[str, Cell]

TABLES: dict[str, list[Column]] = {
    "industrial-parks": [
        ("col.name", lambda c, r: esc(c.name(r["name"]))),
        ("col.kind", lambda c, r: esc(c.s(f"kind.{r['kind']}"))),
        ("col.status", lambda c, r: esc(c.s(f"status.{r['status']}")) + c.cite(r)),
        ("col.area", lambda c, r: c.figure_html(r["area"]) if r.get("area") else c.missing()),
        (
            "col.occupancy",
            lambda c, r: c.figure_html(r["occupancy"]) if r.get("occupancy") else c.missing(),
        ),
        ("col.place", lambda c, r: _text_or_missing(c, r.get("place"))),
        ("col.operator", lambda c, r: esc(r["operator"]) if r.get("operator") else c.missing()),
    ],
    "economic-zones": [
        ("col.name", lambda c, r: _linked_name(c, r)),
        ("col.area", lambda c, r: c.figure_html(r["area"])),
        ("col.gates", lambda c, r: _gate_names(c, r.get("gates"))),
        ("col.place", lambda c, r: _text_or_missing(c, r.get("place"))),
        (
            "col.approved",
            lambda c, r: (
                (esc(c.fmt.date(str(r["approved"]))) + c.cite(r))
                if r.get("approved")
                else c.missing()
            ),
        ),
    ],
    "border-gates": [
        ("col.gate", lambda c, r: _linked_name(c, r)),
        (
            "col.counterpart",
            lambda c, r: (
                (esc(c.name(r["counterpart"])) + c.cite(r)) if r.get("counterpart") else c.missing()
            ),
        ),
        ("col.cambodian_province", lambda c, r: _text_or_missing(c, r.get("cambodian_province"))),
        ("col.milestones", _milestones),
        ("col.distances", lambda c, r: _figures_cell(c, r.get("distances"))),
    ],
    "destinations": [
        ("col.name", lambda c, r: _linked_name(c, r)),
        ("col.type", lambda c, r: esc(c.s(f"kind.{r['kind']}"))),
        ("col.place", lambda c, r: _text_or_missing(c, r.get("place"))),
        ("col.figures", lambda c, r: _figures_cell(c, r.get("figures"))),
    ],
    "festivals": [
        ("col.festival", lambda c, r: _linked_name(c, r)),
        ("col.date_rule", _festival_when),
        ("col.next", _festival_next),
        ("col.place", lambda c, r: _text_or_missing(c, r.get("place"))),
        (
            "col.kind",
            lambda c, r: (
                esc(c.s(f"community.{r['community']}")) if r.get("community") else c.missing()
            ),
        ),
    ],
}


def render_table(ctx: RenderContext, directive: Directive) -> str:
    name = directive.dataset or ""
    dataset = ctx.store.get(name)
    columns = TABLES[name]
    caption_id = ctx.new_id("caption")
    head = "".join(f'<th scope="col">{esc(ctx.s(key))}</th>' for key, _ in columns)
    rows = []
    for record in dataset.confirmed() if dataset else []:
        cells = []
        for index, (key, cell) in enumerate(columns):
            tag = "th" if index == 0 else "td"
            scope = ' scope="row"' if index == 0 else ""
            cells.append(
                f'<{tag}{scope} data-label="{esc(ctx.s(key))}">{cell(ctx, record)}</{tag}>'
            )
        rows.append(f'<tr id="row-{esc(record["id"])}">' + "".join(cells) + "</tr>")
    caption = esc(ctx.s(f"table.caption.{name}"))
    summary = _summary(ctx, name)
    return block(
        f'<div class="tn-table" role="region" aria-labelledby="{caption_id}" tabindex="0">'
        f'<table><caption id="{caption_id}">{caption}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"{summary}</div>"
    )


# --- cards ---------------------------------------------------------------------------------


def _card(ctx: RenderContext, icon_name: str, title: str, body: Sequence[str]) -> str:
    parts = [f'<p class="tn-card__title">{icon(icon_name)} <strong>{title}</strong></p>', "<hr>"]
    parts += [p for p in body if p]
    return "<li>" + "".join(parts) + "</li>"


def _figure_list(ctx: RenderContext, ids: Sequence[str] | None) -> str:
    items = []
    for figure_id in ids or []:
        record = ctx.store.figure(figure_id)
        if record:
            items.append(f"<li>{esc(ctx.name(record['label']))}: {ctx.figure_html(figure_id)}</li>")
    return f'<ul class="tn-card__figures">{"".join(items)}</ul>' if items else ""


def _destination_card(ctx: RenderContext, record: Record) -> str:
    meta = esc(ctx.s(f"kind.{record['kind']}"))
    if record.get("place"):
        meta += " · " + esc(ctx.name(record["place"]))
    return _card(
        ctx,
        record["kind"],
        _linked_name(ctx, record),
        [
            f'<p class="tn-card__meta">{meta}</p>',
            f"<p>{esc(ctx.name(record['summary']))}{ctx.cite(record)}</p>",
            _figure_list(ctx, record.get("figures")),
        ],
    )


def _gate_card(ctx: RenderContext, record: Record) -> str:
    body = []
    if record.get("counterpart"):
        other = esc(ctx.name(record["counterpart"]))
        if record.get("cambodian_province"):
            other += f" ({esc(ctx.name(record['cambodian_province']))})"
        body.append(f'<p class="tn-card__meta">↔ {other}{ctx.cite(record)}</p>')
    milestones = _milestones(ctx, record)
    if "tn-missing" not in milestones:
        body.append(f"<p>{milestones}</p>")
    body.append(_figure_list(ctx, record.get("distances")))
    return _card(ctx, "gate", _linked_name(ctx, record), body)


def _zone_card(ctx: RenderContext, record: Record) -> str:
    body = [
        f'<p class="tn-card__meta">{esc(ctx.s("col.gates"))}: '
        f"{_gate_names(ctx, record.get('gates'))}</p>",
        _figure_list(ctx, [record["area"]]),
    ]
    return _card(ctx, "zone", _linked_name(ctx, record), body)


CARDS: dict[str, Callable[[RenderContext, Record], str]] = {
    "destinations": _destination_card,
    "border-gates": _gate_card,
    "economic-zones": _zone_card,
}


def render_cards(ctx: RenderContext, directive: Directive) -> str:
    name = directive.dataset or ""
    dataset = ctx.store.get(name)
    cards = [CARDS[name](ctx, record) for record in (dataset.confirmed() if dataset else [])]
    return block(f'<div class="grid cards tn-cards"><ul>{"".join(cards)}</ul></div>')


def render_contacts(ctx: RenderContext, directive: Directive) -> str:
    dataset = ctx.store.get("contacts")
    cards = []
    for record in dataset.confirmed() if dataset else []:
        body = [f"<p>{esc(ctx.name(record['role']))}</p>"]
        if record.get("website"):
            shown = record["website"].split("//", 1)[-1].rstrip("/")
            body.append(
                f'<p class="tn-card__meta">{icon("web")} {esc(ctx.s("contacts.website"))}: '
                f'<a class="tn-ext" href="{esc(record["website"])}" '
                f'hreflang="{ctx.store.project.source_code}">{esc(shown)}</a></p>'
            )
        cards.append(_card(ctx, "contact", esc(ctx.name(record["name"])), body))
    return block(f'<div class="grid cards tn-cards tn-contacts"><ul>{"".join(cards)}</ul></div>')

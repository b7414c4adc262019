"""Bar charts drawn at build time as inline SVG, with a data table as their text alternative.

No charting library runs in the reader's browser: the SVG is plain markup, sized by its
viewBox (it scales to a 390 px phone), coloured by classes from data.css, and marked
`role="img"` with a `<title>` and a `<desc>` that state what it shows and its latest value in
the page's language. A `<details>` element below it holds the same numbers as a table, with
their sources, for screen readers, text browsers and anyone who wants exact figures.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date

from tnsite.data.directives import Directive
from tnsite.data.fmt import parse_as_of
from tnsite.data.render import RenderContext, block, esc

WIDTH, HEIGHT = 400, 250
TOP, RIGHT, BOTTOM, LEFT = 24, 8, 44, 34


@dataclass(frozen=True)
class Bar:
    record: Mapping[str, Any]
    value: float
    qualifier: str | None
    label_lines: tuple[str, ...]
    label: str  # one-line label for the table and the description
    kind: str  # css modifier: the scope, plus "partial" for part-year periods
    partial: bool = False


@dataclass(frozen=True)
class Series:
    value_key: str
    qualifier_key: str | None
    extra: tuple[tuple[str, str], ...]  # (record key, column string key) shown in the table


SERIES: dict[str, Series] = {
    "fdi-series": Series("capital", "capital_qualifier", (("projects", "col.projects"),)),
    "visitors-series": Series("visitors", None, (("revenue", "col.revenue"),)),
}
VALUE_COLUMN = {"fdi-series": "col.capital", "visitors-series": "col.visitors"}


def _period(ctx: RenderContext, record: Mapping[str, Any]) -> tuple[tuple[str, ...], str]:
    """Two short lines for the axis (month, year) and a one-line label."""
    day, precision = parse_as_of(str(record["as_of"]))
    year = ctx.fmt.digits(str(day.year))
    if record.get("period") == "quarter":
        quarter = (day.month - 1) // 3 + 1
        text = ctx.s("period.quarter", q=ctx.fmt.number(quarter), year=year)
        first, _, rest = text.rpartition(" ")
        return ((first, rest) if first else (text,)), text
    if precision == "year" or record.get("period") == "year":
        return (year,), year
    month = ctx.fmt.digits(format_date(day, "LLL", locale=ctx.lang))
    return (month, year), ctx.fmt.date(str(record["as_of"]))


def _bars(ctx: RenderContext, name: str) -> list[Bar]:
    dataset = ctx.store.get(name)
    spec = SERIES[name]
    bars = []
    for record in dataset.confirmed() if dataset else []:
        value, figure = ctx.store.amount(record[spec.value_key])
        if math.isnan(value):
            continue
        qualifier = (figure or {}).get("qualifier") or (
            record.get(spec.qualifier_key) if spec.qualifier_key else None
        )
        lines, label = _period(ctx, record)
        partial = record.get("period") == "quarter"
        kind = str(record.get("scope", "")) + (" partial" if partial else "")
        bars.append(Bar(record, value, qualifier, lines, label, kind, partial))
    return sorted(bars, key=lambda b: parse_as_of(str(b.record["as_of"]))[0])


def _nice_max(value: float) -> tuple[float, float]:
    """An axis maximum and tick step a reader can add up in their head."""
    if value <= 0:
        return 1.0, 0.25
    exponent = math.floor(math.log10(value))
    for step in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10):
        tick = step * 10**exponent
        if value / tick <= 5:
            return math.ceil(value / tick) * tick, tick
    return value, value / 4  # pragma: no cover


def _with_qualifier(ctx: RenderContext, text: str, qualifier: str | None) -> str:
    return ctx.s(f"qualifier.{qualifier}", x=text) if qualifier else text


def render_chart(ctx: RenderContext, directive: Directive) -> str:
    name = directive.dataset or ""
    spec = SERIES[name]
    bars = _bars(ctx, name)
    chart_id = ctx.new_id("chart")
    title = ctx.s(f"chart.{name}.title")
    if bars:
        latest = bars[-1]
        scope_key = str(latest.record.get("scope", "province"))
        desc = ctx.s(
            f"chart.{name}.desc",
            count=ctx.fmt.number(len(bars)),
            first=bars[0].label,
            last=latest.label,
            latest=_with_qualifier(ctx, ctx.fmt.number(latest.value), latest.qualifier),
            latest_scope=ctx.s(f"scope.{scope_key}"),
        )
    else:
        desc = title
    svg = _svg(ctx, chart_id, title, desc, bars)
    legend = _legend(ctx, bars)
    note = ctx.s(f"chart.note.{name}")
    table = _table(ctx, name, spec, bars)
    # The data table follows the figure: a figcaption may only be its first or last child.
    return block(
        f'<div class="tn-chart-block" id="chart-{esc(name)}"><figure class="tn-chart">{svg}'
        f"<figcaption><strong>{esc(title)}</strong>{legend}"
        f'<span class="tn-chart__note">{esc(note)}</span></figcaption></figure>{table}</div>'
    )


def _svg(ctx: RenderContext, chart_id: str, title: str, desc: str, bars: Sequence[Bar]) -> str:
    top = max((b.value for b in bars), default=1.0)
    axis_max, tick = _nice_max(top)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(value: float) -> float:
        return TOP + plot_h - value / axis_max * plot_h

    parts = [
        f'<svg class="tn-chart__svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{esc(title)}</title>',
        f'<desc id="{chart_id}-desc">{esc(desc)}</desc>',
        '<defs><pattern id="' + chart_id + '-hatch" width="6" height="6" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect class="tn-chart__hatch-bg" width="6" height="6"/>'
        '<line class="tn-chart__hatch" x1="0" y1="0" x2="0" y2="6"/></pattern></defs>',
    ]
    steps = round(axis_max / tick)
    for i in range(steps + 1):
        value = tick * i
        gy = y(value)
        parts.append(
            f'<line class="tn-chart__grid" x1="{LEFT}" '
            f'x2="{WIDTH - RIGHT}" y1="{gy:.1f}" y2="{gy:.1f}"/>'
        )
        parts.append(
            f'<text class="tn-chart__tick" x="{LEFT - 4}" y="{gy + 4:.1f}" text-anchor="end">'
            f"{esc(ctx.fmt.number(round(value, 2)))}</text>"
        )
    slot = plot_w / max(len(bars), 1)
    bar_w = min(44.0, slot * 0.62)
    for index, bar in enumerate(bars):
        cx = LEFT + slot * (index + 0.5)
        by = y(bar.value)
        classes = " ".join(f"tn-chart__bar--{k}" for k in bar.kind.split())
        fill = f' fill="url(#{chart_id}-hatch)"' if bar.partial else ""
        parts.append(
            f'<rect class="tn-chart__bar {classes}" x="{cx - bar_w / 2:.1f}" y="{by:.1f}" '
            f'width="{bar_w:.1f}" height="{TOP + plot_h - by:.1f}"{fill}/>'
        )
        parts.append(
            f'<text class="tn-chart__value" x="{cx:.1f}" y="{by - 5:.1f}" text-anchor="middle">'
            f"{esc(ctx.fmt.number(bar.value))}</text>"
        )
        label = "".join(
            f'<tspan x="{cx:.1f}" dy="{0 if i == 0 else 13}">{esc(line)}</tspan>'
            for i, line in enumerate(bar.label_lines)
        )
        parts.append(
            f'<text class="tn-chart__label" x="{cx:.1f}" '
            f'y="{TOP + plot_h + 16}" text-anchor="middle">{label}</text>'
        )
    parts.append(
        f'<line class="tn-chart__axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" '
        f'y1="{TOP + plot_h}" y2="{TOP + plot_h}"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _legend(ctx: RenderContext, bars: Sequence[Bar]) -> str:
    seen: list[str] = []
    for bar in bars:
        scope = str(bar.record.get("scope", ""))
        if scope not in seen:
            seen.append(scope)
    items = [
        f'<li><span class="tn-chart__swatch tn-chart__bar--{esc(s)}" aria-hidden="true"></span>'
        f"{esc(ctx.s(f'scope.{s}'))}</li>"
        for s in seen
    ]
    if any(b.partial for b in bars):
        items.append(
            '<li><span class="tn-chart__swatch '
            'tn-chart__swatch--partial" aria-hidden="true"></span>'
            f"{esc(ctx.s('chart.partial'))}</li>"
        )
    return f'<ul class="tn-chart__legend">{"".join(items)}</ul>'


def _table(ctx: RenderContext, name: str, spec: Series, bars: Sequence[Bar]) -> str:
    columns: list[tuple[str, Callable[[Bar], str]]] = [
        ("col.period", lambda b: esc(b.label)),
        (
            VALUE_COLUMN[name],
            lambda b: esc(_with_qualifier(ctx, ctx.fmt.number(b.value), b.qualifier)),
        ),
    ]
    for key, heading in spec.extra:
        columns.append((heading, _extra_cell(ctx, key)))
    columns.append(
        ("col.scope", lambda b: esc(ctx.s(f"scope.{b.record.get('scope', 'province')}")))
    )
    head = "".join(f'<th scope="col">{esc(ctx.s(k))}</th>' for k, _ in columns)
    rows = []
    for bar in bars:
        cells = []
        for i, (key, cell) in enumerate(columns):
            opening = '<th scope="row"' if i == 0 else "<td"
            closing = "</th>" if i == 0 else "</td>"
            cite = ctx.cite(bar.record) if i == 1 else ""
            cells.append(f'{opening} data-label="{esc(ctx.s(key))}">{cell(bar)}{cite}{closing}')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<details class="tn-chart__data"><summary>{esc(ctx.s("chart.table"))}</summary>'
        f'<div class="tn-table"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></details>"
    )


def _extra_cell(ctx: RenderContext, key: str) -> Callable[[Bar], str]:
    def cell(bar: Bar) -> str:
        raw = bar.record.get(key)
        if raw is None:
            return ctx.missing()
        value, figure = ctx.store.amount(raw)
        if math.isnan(value):
            return ctx.missing()
        return esc(_with_qualifier(ctx, ctx.fmt.number(value), (figure or {}).get("qualifier")))

    return cell

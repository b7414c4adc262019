"""Tables for investors: the procedure step by step, the incentives, and the province's trade
fairs and investment conferences (`{{ table investment-steps }}`, `{{ table incentives }}`,
`{{ table trade-events }}`).

They live apart from `tables.py` so the investor content can grow without touching the shared
views; importing this module adds them to `TABLES`, which the `table` view reads.

Durations and rates are numbers in the data and become words here, per language, so "10% for
15 years" reads naturally in each language and the digits follow the page's language.
"""

from __future__ import annotations

import datetime as dt

from tnsite.data.fmt import parse_as_of
from tnsite.data.render import RenderContext, esc
from tnsite.data.tables import TABLES, Column, Record, _text_or_missing


def _years(ctx: RenderContext, count: int) -> str:
    return ctx.s("incentive.years", n=ctx.fmt.number(count))


def _rate(ctx: RenderContext, record: Record) -> str:
    if record.get("rate") is None:
        return ctx.missing()
    text = ctx.s("incentive.rate", rate=ctx.fmt.number(record["rate"]))
    if record.get("rate_years"):
        text = ctx.s("incentive.rate_for", rate=text, years=_years(ctx, record["rate_years"]))
    return esc(text)


def _exemption(ctx: RenderContext, record: Record) -> str:
    parts = []
    if record.get("exempt_years"):
        parts.append(ctx.s("incentive.exempt", years=_years(ctx, record["exempt_years"])))
    if record.get("reduced_years"):
        parts.append(ctx.s("incentive.reduced", years=_years(ctx, record["reduced_years"])))
    text = "; ".join(parts)
    if record.get("detail"):
        detail = ctx.name(record["detail"])
        text = f"{text}. {detail}" if text else detail
    return esc(text) + ctx.cite(record) if text else ctx.missing()


def _time_limit(ctx: RenderContext, record: Record) -> str:
    if record.get("days"):
        key = "step.working_days" if record.get("working_days") else "step.days"
        text = esc(ctx.s(key, n=ctx.fmt.number(record["days"])))
    elif record.get("time_note"):
        text = esc(ctx.name(record["time_note"]))
    else:
        return ctx.missing()
    return text + ctx.cite(record)


def _step(ctx: RenderContext, record: Record) -> str:
    number = ctx.fmt.number(record["step"])
    return f'<span class="tn-step">{esc(number)}.</span> {esc(ctx.name(record["name"]))}'


def _time_tag(ctx: RenderContext, as_of: str) -> str:
    day, precision = parse_as_of(as_of)
    machine = {"year": f"{day:%Y}", "month": f"{day:%Y-%m}", "day": day.isoformat()}[precision]
    return f'<time datetime="{machine}">{esc(ctx.fmt.date(as_of))}</time>'


def _when(ctx: RenderContext, record: Record) -> str:
    start = str(record["start"])
    text = _time_tag(ctx, start)
    if record.get("end"):
        text = esc(ctx.s("event.range", start="\x00", end="\x01"))
        text = text.replace("\x00", _time_tag(ctx, start)).replace(
            "\x01", _time_tag(ctx, str(record["end"]))
        )
    if is_upcoming(record, ctx.today):
        text += " · " + esc(ctx.s("event.announced"))
    return text + ctx.cite(record)


def is_upcoming(record: Record, today: dt.date) -> bool:
    """An event whose last day (or month, or year) has not ended by `today`."""
    last, precision = parse_as_of(str(record.get("end") or record["start"]))
    if precision == "year":
        last = dt.date(last.year, 12, 31)
    elif precision == "month":
        following = dt.date(last.year + last.month // 12, last.month % 12 + 1, 1)
        last = following - dt.timedelta(days=1)
    return last >= today


def _place(ctx: RenderContext, record: Record) -> str:
    text = _text_or_missing(ctx, record.get("place"))
    if record.get("former_province"):
        former = esc(ctx.s("former." + record["former_province"]))
        text += f' <span class="tn-note">({former})</span>'
    return text


INVESTOR_TABLES: dict[str, list[Column]] = {
    "investment-steps": [
        ("col.step", _step),
        ("col.office", lambda c, r: esc(c.name(r["office"]))),
        ("col.time_limit", _time_limit),
        ("col.basis", lambda c, r: _text_or_missing(c, r.get("basis"))),
    ],
    "incentives": [
        ("col.case", lambda c, r: esc(c.name(r["case"]))),
        ("col.incentive_kind", lambda c, r: esc(c.s(f"incentive.kind.{r['kind']}"))),
        ("col.rate", _rate),
        ("col.exemption", _exemption),
        ("col.basis", lambda c, r: esc(c.name(r["basis"]))),
    ],
    "trade-events": [
        ("col.event", lambda c, r: esc(c.name(r["name"]))),
        ("col.when", _when),
        ("col.place", _place),
        ("col.kind", lambda c, r: esc(c.s(f"event.kind.{r['kind']}"))),
    ],
}

TABLES.update(INVESTOR_TABLES)

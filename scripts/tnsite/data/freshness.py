"""Freshness: figures on a page that have outlived their `fresh_for_months`, and sentences
that anticipate a milestone whose date has passed.

A figure is true *as of* its date; how long it stays worth printing depends on what it counts
(FDI totals change every quarter, a land area only by decree), so each dataset or record says
it in `fresh_for_months`. Nothing goes wrong in the build when that time is over, which is
exactly why it needs a check: the page keeps showing last year's number with confidence.
Likewise a sentence written before an event ("will open by the end of 2027") stays in the
future tense after the event unless something points at it; `{{ until milestones/ID }}` is
that pointer.

Both checks are warnings: an old figure is still the newest one published more often than not,
and the site must keep building while an editor looks for a newer source. They are reported at
the page's directive (the place the editor wrote), once per directive, so `tnsite check` and
the build say the same thing at the same line.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from tnsite.config import today
from tnsite.data.directives import Directive, get_view
from tnsite.data.fmt import parse_as_of
from tnsite.data.store import FIGURE_FIELDS, FIGURE_LISTS, Dataset, Store
from tnsite.findings import Finding, Msg, Severity

STALE_RULE = "stale-figure"
PASSED_RULE = "passed-milestone"
MILESTONES = "milestones"
LISTED = 5  # stale records named in one message; the rest are counted
NEVER = "never"  # fresh_for_months of a fact that cannot go out of date


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, on the month's last day when it has fewer days."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _parse(value: object) -> tuple[dt.date, str] | None:
    """An as_of or a date as the schema allows it, or None when it is malformed (the schema
    check reports that; a second finding here would only repeat it)."""
    try:
        return parse_as_of(str(value))
    except (TypeError, ValueError):
        return None


def parse_date(value: object) -> dt.date | None:
    """The first day of the period a date names (2027 → 2027-01-01, 2027-12 → 2027-12-01)."""
    parsed = _parse(value)
    return parsed[0] if parsed else None


def period_end(value: object) -> dt.date | None:
    """The first day after the period a date names: 2027 → 2028-01-01, 2027-12 → 2028-01-01,
    2027-12-31 → 2028-01-01. A milestone announced for "2027-12" has not passed on 2027-12-15."""
    parsed = _parse(value)
    if parsed is None:
        return None
    day, precision = parsed
    if precision == "year":
        return dt.date(day.year + 1, 1, 1)
    if precision == "month":
        return add_months(day, 1)
    return day + dt.timedelta(days=1)


@dataclass(frozen=True)
class Stale:
    """One record shown by a directive whose freshness is over."""

    dataset: Dataset
    record: dict[str, Any]
    as_of: str
    months: int
    until: dt.date  # the first day it is no longer fresh
    own_months: bool  # fresh_for_months is the record's own, not the dataset's

    @property
    def record_id(self) -> str:
        return str(self.record.get("id", ""))


def fresh_for(dataset: Dataset, record: dict[str, Any]) -> tuple[int, bool] | None:
    """(months, declared by the record itself), or None where the figure cannot expire:
    neither the record nor its dataset declares a freshness, or the record says `never`. A
    fact a past event fixed (a house built with 120 columns, a border marked in 2019) is as
    true today as on its as_of; a warning asking for a newer figure could never be answered,
    and a warning nobody can answer teaches editors to skip the others."""
    own = record.get("fresh_for_months")
    if own == NEVER:
        return None
    if isinstance(own, int) and not isinstance(own, bool) and own > 0:
        return own, True
    if own is not None:  # written wrong ('5 năm'): the schema says so; no guess at staleness
        return None
    shared = dataset.meta.get("fresh_for_months")
    if isinstance(shared, int) and not isinstance(shared, bool) and shared > 0:
        return shared, False
    return None


def stale(dataset: Dataset, record: dict[str, Any], on: dt.date) -> Stale | None:
    """The record's staleness on `on`, counted from the end of the period its as_of names: a
    yearly total "as of 2025" is published in 2026 and fresh for 12 months means until the next
    year's total, 2027-01-01; "as of 2025-10" fresh for 6 months is stale from 2026-05-01."""
    months = fresh_for(dataset, record)
    end = period_end(record.get("as_of")) if record.get("as_of") is not None else None
    if months is None or end is None:
        return None
    until = add_months(end, months[0])
    if on < until:
        return None
    return Stale(dataset, record, str(record["as_of"]), months[0], until, months[1])


def _figure_ids(dataset: Dataset, records: list[dict[str, Any]], with_summary: bool) -> list[str]:
    """Key figures the shown records print through their figure fields (a park's area, a
    chart point's capital) and, for a table, the figures of its summary."""
    ids: list[str] = []
    for record in records:
        for key in FIGURE_FIELDS:
            if isinstance(record.get(key), str):
                ids.append(record[key])
        for key in FIGURE_LISTS:
            listed = record.get(key)
            ids += [i for i in listed if isinstance(i, str)] if isinstance(listed, list) else []
    if with_summary:
        summary = dataset.meta.get("summary")
        ids += [i for i in summary if isinstance(i, str)] if isinstance(summary, list) else []
    return ids


def shown(directive: Directive, store: Store) -> list[tuple[Dataset, dict[str, Any]]]:
    """The records a directive puts on the page, each once: the record it names, the records
    of `ids=`, or every confirmed record of the dataset, with the key figures they print.
    Views of other plugins and views that name no dataset (the map) show nothing here."""
    view = get_view(directive.view)
    if view is None or view.render is None:
        return []
    name = directive.dataset or view.default_dataset
    dataset = store.get(name) if name else None
    if dataset is None:
        return []
    if directive.record:
        records = [dataset.by_id[directive.record]] if directive.record in dataset.by_id else []
    elif "ids" in directive.options:
        wanted = [i for i in directive.options["ids"].split(",") if i]
        records = [dataset.by_id[i] for i in wanted if i in dataset.by_id]
    else:
        records = dataset.confirmed()
    records = [r for r in records if r.get("confirmed", True)]
    out: list[tuple[Dataset, dict[str, Any]]] = [(dataset, r) for r in records]
    figures = store.get("key-figures")
    if figures is not None:
        for figure_id in _figure_ids(dataset, records, with_summary=view.name == "table"):
            record = figures.by_id.get(figure_id)
            if record is not None and record.get("confirmed", True):
                out.append((figures, record))
    seen: set[tuple[str, str]] = set()
    unique = []
    for found, record in out:
        key = (found.name, str(record.get("id")))
        if key not in seen:
            seen.add(key)
            unique.append((found, record))
    return unique


def _item(entry: Stale, lang: str) -> str:
    rel, until = entry.dataset.rel, entry.until.isoformat()
    if lang == "vi":
        return (
            f"'{entry.record_id}' trong {rel} tính đến {entry.as_of}, "
            f"chỉ dùng được {entry.months} tháng (đến {until})"
        )
    return (
        f"'{entry.record_id}' in {rel} is as of {entry.as_of}, "
        f"current for {entry.months} months (until {until})"
    )


def _listing(entries: list[Stale], lang: str) -> str:
    text = "; ".join(_item(e, lang) for e in entries[:LISTED])
    return text + (f"; … (+{len(entries) - LISTED})" if len(entries) > LISTED else "")


def _stale_hint(entries: list[Stale]) -> Msg:
    if len(entries) == 1:
        entry = entries[0]
        rel, rid = entry.dataset.rel, entry.record_id
        line = entry.dataset.record_pos(rid, "as_of").line
        if entry.own_months:
            own = entry.dataset.record_pos(rid, "fresh_for_months").line
            where_en = f"its fresh_for_months (line {own})"
            where_vi = f"fresh_for_months của bản ghi (dòng {own})"
        else:
            where_en = f"fresh_for_months at the top of {rel}, or give the record its own"
            where_vi = f"fresh_for_months ở đầu tệp {rel}, hoặc ghi riêng cho bản ghi này"
        if entry.dataset.name == MILESTONES:
            date = entry.record.get("date")
            return Msg(
                f"check that the event is still expected on {date}: update '{rid}' in {rel} "
                f"(date, as_of and source, line {line}) from a newer source; if none is "
                f"published yet, raise {where_en}",
                f"kiểm tra sự kiện vẫn dự kiến vào {date}: cập nhật '{rid}' trong {rel} "
                f"(date, as_of và source, dòng {line}) theo nguồn mới hơn; nếu chưa có nguồn "
                f"mới thì tăng {where_vi}",
            )
        return Msg(
            f"update '{rid}' in {rel} (as_of and source, line {line}) with a newer published "
            f"figure; if none is published yet, raise {where_en}; a fact that cannot change "
            "(a date in history, a count a completed event fixed) takes "
            "`fresh_for_months: never`",
            f"cập nhật '{rid}' trong {rel} (as_of và source, dòng {line}) theo số liệu mới hơn "
            f"đã công bố; nếu chưa có số liệu mới thì tăng {where_vi}; số liệu không thể thay "
            "đổi (một mốc lịch sử, một con số do sự việc đã xong ấn định) thì ghi "
            "`fresh_for_months: never`",
        )
    files = ", ".join(sorted({e.dataset.rel for e in entries}))
    return Msg(
        f"update these records in {files} (as_of and source) with newer published figures; "
        "where none is published yet, raise their fresh_for_months",
        f"cập nhật các bản ghi này trong {files} (as_of và source) theo số liệu mới hơn đã công "
        "bố; bản ghi nào chưa có số liệu mới thì tăng fresh_for_months của nó",
    )


def stale_finding(directive: Directive, store: Store, rel: str, on: dt.date) -> Finding | None:
    """One warning for a directive that shows figures past their freshness, at its line."""
    entries = [s for d, r in shown(directive, store) if (s := stale(d, r, on))]
    if not entries:
        return None
    entries.sort(key=lambda e: (e.until, e.dataset.rel, e.record_id))
    raw = directive.raw
    if directive.view == "until":  # shows nothing: what ages is the date it anticipates
        message = Msg(
            f"{raw} anticipates a date past its freshness: {_item(entries[0], 'en')}",
            f"{raw} nói trước một mốc thời gian đã quá hạn kiểm tra: {_item(entries[0], 'vi')}",
        )
    elif len(entries) == 1:
        message = Msg(
            f"{raw} shows a figure past its freshness: {_item(entries[0], 'en')}",
            f"{raw} hiển thị số liệu đã quá hạn: {_item(entries[0], 'vi')}",
        )
    else:
        message = Msg(
            f"{raw} shows {len(entries)} figures past their freshness: {_listing(entries, 'en')}",
            f"{raw} hiển thị {len(entries)} số liệu đã quá hạn: {_listing(entries, 'vi')}",
        )
    return Finding(
        rel,
        directive.line,
        STALE_RULE,
        message,
        Severity.WARNING,
        directive.col,
        _stale_hint(entries),
        extra={
            "stale": [f"{e.dataset.name}/{e.record_id}" for e in entries],
            # Each stale record is one cause however many pages show it: enough to report it
            # once, at the record (tnsite.check.causes).
            "stale_records": [_record_cause(e) for e in entries],
        },
    )


def _record_cause(entry: Stale) -> dict[str, object]:
    hint = _stale_hint([entry])
    return {
        "key": f"{entry.dataset.name}/{entry.record_id}",
        "path": entry.dataset.rel,
        "line": entry.dataset.record_pos(entry.record_id, "as_of").line,
        "en": _item(entry, "en"),
        "vi": _item(entry, "vi"),
        "hint_en": hint.en,
        "hint_vi": hint.vi,
    }


def passed_finding(directive: Directive, store: Store, rel: str, on: dt.date) -> Finding | None:
    """A warning for `{{ until milestones/ID }}` once the milestone's date has passed (or it is
    marked done): the sentence before it still speaks of the event as to come."""
    if directive.view != "until" or directive.dataset != MILESTONES or not directive.record:
        return None
    milestones = store.get(MILESTONES)
    record = milestones.by_id.get(directive.record) if milestones else None
    if milestones is None or record is None:
        return None  # the directive check reports the unknown record
    end = period_end(record.get("date"))
    done = record.get("done") is True
    if not done and (end is None or on < end):
        return None
    found_label = record.get("label")
    label: dict[str, Any] = found_label if isinstance(found_label, dict) else {}
    event_en = str(label.get("en") or directive.record)
    event_vi = str(label.get("vi") or directive.record)
    date = str(record.get("date"))
    line = milestones.record_pos(directive.record, "date").line
    if done and (end is None or on < end):
        message = Msg(
            f"this sentence anticipates '{event_en}' on {date}, which {milestones.rel} "
            "marks as done",
            f"câu này nói trước về '{event_vi}' vào {date}, mà {milestones.rel} "
            "đã ghi là đã diễn ra (done)",
        )
    else:
        message = Msg(
            f"this sentence anticipates '{event_en}' on {date}, which has passed",
            f"câu này nói trước về '{event_vi}' vào {date}, thời điểm này đã qua",
        )
    return Finding(
        rel,
        directive.line,
        PASSED_RULE,
        message,
        Severity.WARNING,
        directive.col,
        Msg(
            f"rewrite it in the past tense (say what happened, with a source) and remove "
            f"{directive.raw}; if the event was postponed, update its date, as_of and source "
            f"in {milestones.rel} (line {line})",
            f"viết lại câu ở thì quá khứ (nêu điều đã diễn ra, kèm nguồn) và xóa "
            f"{directive.raw}; nếu sự kiện bị lùi lại, hãy cập nhật date, as_of và source "
            f"trong {milestones.rel} (dòng {line})",
        ),
    )


def directive_findings(
    directive: Directive, store: Store, rel: str, on: dt.date | None = None
) -> list[Finding]:
    """Both freshness checks for one directive that renders (the caller skips the ones the
    directive check already reports as wrong)."""
    day = on or today()
    found = [stale_finding(directive, store, rel, day), passed_finding(directive, store, rel, day)]
    return [f for f in found if f is not None]

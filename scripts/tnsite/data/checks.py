"""The `data` check of `tnsite check`: the datasets against their schemas (`data-schema`),
every data directive in every page against the data (`data-directive`), and the freshness of
what each directive shows (`stale-figure`, `passed-milestone`, see freshness.py)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from tnsite.config import Project
from tnsite.data import freshness
from tnsite.data import views as data_views
from tnsite.data.directives import parse, registry_signature
from tnsite.data.fmt import STRINGS, parse_as_of
from tnsite.data.store import Store, load_store
from tnsite.data.views import DirectiveProblem
from tnsite.explains import (
    EXPLAINS,
    STALE_TRANSLATION,
    STRUCTURE_MISMATCH,
    UNKNOWN_RECORD,
    explains,
)
from tnsite.findings import Finding, Msg, Severity
from tnsite.mdsource import Directive
from tnsite.memo import ContentMemo
from tnsite.strings import load_strings
from tnsite.text import INVISIBLE

RULE = data_views.RULE
# A hedge word is not preceded by a Latin letter (it starts a word); in scripts without spaces
# between words (Khmer, Chinese) any preceding letter will do.
NOT_AFTER_LATIN = r"(?<![A-Za-z\u00c0-\u024f\u1e00-\u1eff])"


def hedge_words(lang: str, qualifier: str) -> tuple[str, ...]:
    """The words of `lang` that say what `qualifier` says ('about' → khoảng, chừng), from the
    `hedge.*` strings of each language."""
    table = load_strings(STRINGS, (lang,))
    words = str(table.get(lang, {}).get(f"hedge.{qualifier}", ""))
    return tuple(w.strip() for w in words.split("|") if w.strip())


def page_findings(
    text: str, rel: str, lang: str, store: Store, today: dt.date | None = None
) -> list[Finding]:
    """Findings for the directives of one page's source text (lines count from the file's top).

    `today` is the day freshness is judged on (default: freshness.today()); a directive that is
    itself wrong gets no freshness warning, since what it would show is not known yet."""
    day = today or freshness.today()
    if not store.signature:
        return _page_findings(text, rel, lang, store, day)
    key = (store.signature, registry_signature(), text, rel, lang, day.isoformat())
    return list(_PAGE_FINDINGS.get(key, lambda: tuple(_page_findings(text, rel, lang, store, day))))


# The checks and the page being rendered ask the same question of every page on every build.
_PAGE_FINDINGS: ContentMemo[tuple[Finding, ...]] = ContentMemo(4096, keep="data-page-checks")


def _page_findings(text: str, rel: str, lang: str, store: Store, day: dt.date) -> list[Finding]:
    out: list[Finding] = []
    for directive in parse(text):
        problems = data_views.problems(directive, store)
        if not problems:
            out += freshness.directive_findings(directive, store, rel, day)
        hidden = sorted({INVISIBLE[c] for c in directive.raw if c in INVISIBLE})
        for problem in problems[:1] if hidden else problems:
            # A name that looks right and is not: the invisible character is the one mistake.
            message, hint = problem.message, problem.hint
            if hidden:
                shown = "".join(c for c in directive.raw if c not in INVISIBLE)
                message = Msg(
                    f"{shown} has an invisible character in it ({', '.join(hidden)})",
                    f"{shown} có ký tự vô hình bên trong ({', '.join(hidden)})",
                )
                hint = Msg(
                    f"delete it and type it again: {shown}",
                    f"xóa rồi gõ lại: {shown}",
                )
            out.append(
                Finding(
                    rel,
                    directive.line,
                    RULE,
                    message,
                    Severity.ERROR,
                    directive.col,
                    hint,
                    extra=_directive_echoes(rel, directive, problem),
                )
            )
        out += _doubled_qualifier(text, directive, rel, lang, store)
    return out


def _directive_echoes(
    rel: str, directive: Directive, problem: DirectiveProblem
) -> dict[str, object]:
    """A directive mistyped in a page (`{{ table border-gate }}`) changes its section's text
    for a moment: the translations' "the source changed" would send translators to redo
    correct work (their "this table is not in the source" waits too: tnsite/check/causes.py).
    Once the directive is fixed, they are judged again."""
    extra: dict[str, object] = {
        EXPLAINS: [
            explains(STALE_TRANSLATION, source=rel),
            explains(STRUCTURE_MISMATCH, path=rel, line=directive.line),
        ]
    }
    if problem.depends_on:
        extra["depends_on"] = problem.depends_on
    if problem.unknown_record:
        extra[UNKNOWN_RECORD] = problem.unknown_record
    return extra


def _doubled_qualifier(
    text: str, directive: Directive, rel: str, lang: str, store: Store
) -> list[Finding]:
    """'khoảng {{ value x }}' where the figure already says 'khoảng': the reader sees it twice."""
    if directive.view != "value" or directive.dataset != "key-figures" or not directive.record:
        return []
    record = store.figure(directive.record)
    qualifier = (record or {}).get("qualifier")
    words = hedge_words(lang, qualifier) if qualifier else ()
    before = text[max(0, directive.start - 20) : directive.start].rstrip().lower()
    for word in words:
        if re.search(rf"{NOT_AFTER_LATIN}{re.escape(word)}$", before):
            return [
                Finding(
                    rel,
                    directive.line,
                    RULE,
                    Msg(
                        f"'{word}' is written before {directive.raw}, "
                        f"which already reads '{word} …'",
                        f"'{word}' được viết trước {directive.raw}, "
                        f"mà số liệu đã có sẵn '{word} …'",
                    ),
                    Severity.WARNING,
                    directive.col,
                    Msg(
                        f"delete '{word}' before the directive: the figure begins with it",
                        f"xóa '{word}' trước chỉ thị: số liệu đã bắt đầu bằng từ này",
                    ),
                )
            ]
    return []


DOTTED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")  # 0.125 is no thousands figure
SEPARATOR_RULE = "number-separator"


def dotted_thousands(store: Store) -> list[Finding]:
    """A figure written the Vietnamese way, with dots between thousands (`2.047` for 2047),
    reads as a decimal number and would be published as 2,047 in English and 2.047 in
    Vietnamese, both wrong (`1.200` would even lose its zeros: 1,2). An error, since the page
    would show a wrong figure: a record that declares three decimals or more meant the dot."""
    findings: list[Finding] = []
    for dataset in store.datasets.values():
        lines = (store.project.root / dataset.rel).read_text(encoding="utf-8").split("\n")
        for record in dataset.records:
            rid = record.get("id")
            value = record.get("value")
            if not isinstance(rid, str) or not isinstance(value, float):
                continue
            if isinstance(record.get("decimals"), int) and record["decimals"] >= 3:
                continue
            if record.get("scale"):
                continue  # 5.625 million: decimals of a figure in millions, not 5625 millions
            pos = dataset.record_pos(rid, "value")
            written = (
                DOTTED.match(lines[pos.line - 1], pos.col - 1) if pos.line <= len(lines) else None
            )
            if written is None or written.end() < len(lines[pos.line - 1].rstrip()):
                continue
            whole = written.group().replace(".", "")
            findings.append(
                Finding(
                    dataset.rel,
                    pos.line,
                    SEPARATOR_RULE,
                    Msg(
                        f"'{written.group()}' reads as a decimal number, not {whole}",
                        f"'{written.group()}' được đọc là số thập phân, không phải {whole}",
                    ),
                    Severity.ERROR,
                    pos.col,
                    Msg(
                        f"if it is {whole}, write {whole} (no dot between thousands); if the "
                        "decimals are meant, add `decimals: 3` to the record",
                        f"nếu là {whole}, viết {whole} (không có dấu chấm giữa hàng nghìn); nếu "
                        "đúng là số thập phân, thêm `decimals: 3` vào bản ghi",
                    ),
                )
            )
    return findings


SCALED_RULE = "scaled-figure"
SCALES = {"million": (10**6, "triệu"), "billion": (10**9, "tỷ")}


def scaled_in_full(store: Store) -> list[Finding]:
    """A figure written in full beside a scale that names it again (`value: 3000000` with
    `scale: million`): the page would print "3.000.000 triệu". A warning: the figure is
    published, only wrongly scaled."""
    findings: list[Finding] = []
    for dataset in store.datasets.values():
        for record in dataset.records:
            rid, value, scale = record.get("id"), record.get("value"), record.get("scale")
            if not isinstance(rid, str) or scale not in SCALES:
                continue
            if not isinstance(value, int | float) or isinstance(value, bool):
                continue
            factor, word = SCALES[str(scale)]
            if abs(value) < factor:
                continue
            meant = f"{value / factor:g}"
            pos = dataset.record_pos(rid, "value")
            findings.append(
                Finding(
                    dataset.rel,
                    pos.line,
                    SCALED_RULE,
                    Msg(
                        f"{value} with scale: {scale} would read {value:,} {scale}",
                        f"{value} kèm scale: {scale} sẽ hiện thành {value:,} {word}".replace(
                            ",", "."
                        ),
                    ),
                    Severity.WARNING,
                    pos.col,
                    Msg(
                        f"write the number of {scale}s: value: {meant}",
                        f"ghi số {word}: value: {meant}",
                    ),
                )
            )
    return findings


FUTURE_RULE = "future-date"


def future_as_of(store: Store, day: dt.date) -> list[Finding]:
    """A figure cannot be known as of a day still to come: an `as_of` after today is most
    likely a typing slip (2027 for 2024), and it would keep the figure fresh for years too
    long. A warning, not an error: a build pinned to an earlier day (TNSITE_TODAY, to judge
    freshness as of then) sees later figures as future ones, and must still build."""
    findings: list[Finding] = []
    for dataset in store.datasets.values():
        places: list[tuple[object, tuple[str | int, ...]]] = [
            (dataset.meta.get("as_of"), ("as_of",))
        ]
        for index, record in enumerate(dataset.records):
            places.append((record.get("as_of"), ("records", index, "as_of")))
        for value, path in places:
            if value is None:
                continue
            try:
                start, _precision = parse_as_of(str(value))
            except (TypeError, ValueError):
                continue  # the schema check reports a malformed date
            if start <= day:
                continue
            pos = dataset.pos(path)
            findings.append(
                Finding(
                    dataset.rel,
                    pos.line,
                    FUTURE_RULE,
                    Msg(
                        f"`as_of: {value}` is after today ({day.isoformat()}): a figure is known "
                        "as of a day that has come",
                        f"`as_of: {value}` muộn hơn hôm nay ({day.isoformat()}): số liệu chỉ có "
                        "thể tính đến một ngày đã qua",
                    ),
                    Severity.WARNING,
                    pos.col,
                    Msg(
                        "write the date the source gives for the figure (year, year-month or "
                        "year-month-day)",
                        "ghi ngày mà nguồn công bố cho số liệu (năm, năm-tháng hoặc "
                        "năm-tháng-ngày)",
                    ),
                )
            )
    return findings


IMPOSSIBLE_DAY_RULE = "impossible-date"
# The days a month can have: the solar calendar's (29 February in leap years), and 30 for
# every lunar month (a lunar month has 29 or 30 days).
LUNAR_MONTH_DAYS = 30


def impossible_recurrences(store: Store) -> list[Finding]:
    """A festival's day that no year has (30 February, the 31st of a lunar month): the events
    list and the calendar could never show it. The schema has checked the numbers' ranges."""
    findings: list[Finding] = []
    for dataset in store.datasets.values():
        for index, record in enumerate(dataset.records):
            rule = record.get("recurrence")
            if not isinstance(rule, dict):
                continue
            month, day = rule.get("month"), rule.get("day")
            if not (isinstance(month, int) and isinstance(day, int)):
                continue
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue  # out of any calendar's range: the schema says so
            lunar = rule.get("calendar") == "lunar"
            most = LUNAR_MONTH_DAYS if lunar else calendar.monthrange(2024, month)[1]
            if 1 <= day <= most:
                continue
            pos = dataset.pos(("records", index, "recurrence", "day"))
            kind = Msg("lunar", "âm lịch") if lunar else Msg("solar", "dương lịch")
            findings.append(
                Finding(
                    dataset.rel,
                    pos.line,
                    IMPOSSIBLE_DAY_RULE,
                    Msg(
                        f"month {month} of the {kind.en} calendar has no day {day}",
                        f"tháng {month} {kind.vi} không có ngày {day}",
                    ),
                    Severity.ERROR,
                    pos.col,
                    Msg(
                        f"write a day from 1 to {most}",
                        f"ghi một ngày từ 1 đến {most}",
                    ),
                )
            )
    return findings


def ends_before_start(store: Store) -> list[Finding]:
    """An event whose `end` falls before its `start` (a day and a month swapped, a year
    mistyped): the events list shows it running backwards, and the calendar cannot hold it."""
    findings: list[Finding] = []
    for dataset in store.datasets.values():
        for index, record in enumerate(dataset.records):
            start, end = record.get("start"), record.get("end")
            if start is None or end is None:
                continue
            first, after = freshness.parse_date(start), freshness.period_end(end)
            if first is None or after is None or first < after:
                continue
            pos = dataset.pos(("records", index, "end"))
            findings.append(
                Finding(
                    dataset.rel,
                    pos.line,
                    IMPOSSIBLE_DAY_RULE,
                    Msg(
                        f"the event ends ({end}) before it starts ({start})",
                        f"sự kiện kết thúc ({end}) trước ngày bắt đầu ({start})",
                    ),
                    Severity.ERROR,
                    pos.col,
                    Msg(
                        "check both dates (a day and month written the other way round, the "
                        "year); write them as YYYY-MM-DD",
                        "kiểm tra lại hai ngày (ngày và tháng bị đổi chỗ, năm); viết theo dạng "
                        "YYYY-MM-DD",
                    ),
                )
            )
    return findings


def check_data(project: Project, today: dt.date | None = None) -> list[Finding]:
    day = today or freshness.today()
    store = load_store(project)
    findings = list(store.findings) + dotted_thousands(store) + future_as_of(store, day)
    findings += impossible_recurrences(store) + scaled_in_full(store) + ends_before_start(store)
    for code in project.codes:
        folder = project.lang_dir(code)
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            text = path.read_text(encoding="utf-8")
            if "{{" not in text:
                continue
            rel = path.relative_to(project.root).as_posix()
            findings += page_findings(text, rel, code, store, day)
    return findings

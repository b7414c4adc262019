"""`tnsite check` for news items: each page of the news folder needs its date, and a date that
looks mistyped is pointed out.

The lists of latest news, the feed and the calendar are ordered by `date:`; an item without one
is left out of all of them without a word, reachable only from the menu. The date in the file
name, the way `make new` names a news item, is offered. (A date in another form is the front
matter's own finding.) A date after today, or one that disagrees with the file name's, stays at
the wrong place in every list: a warning, since an item may be announced ahead on purpose.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tnsite.config import DATED_NAME, Project, today
from tnsite.findings import Finding, Msg, Severity
from tnsite.i18n.frontmatter import FrontMatter, parse
from tnsite.mdsource import Directive, Source
from tnsite.news.items import as_date

RULE = "news-date"


DIRECTIVE_RULE = "news-directive"
# The lists these directives draw, and the one option they take.
LISTS = {("news", "latest"), ("events", "upcoming")}
WRITTEN = "{{ news latest count=3 }}, {{ events upcoming count=3 }}"


def check_news(project: Project) -> list[Finding]:
    findings = _directive_findings(project)
    folder = project.news_folder
    if folder is None:
        return findings
    for code in project.codes:
        base = project.lang_dir(code) / folder
        for file in sorted(base.glob("*.md")) if base.is_dir() else []:
            if file.name == "index.md":
                continue
            fm = parse(file.read_text(encoding="utf-8"))
            if fm.error:
                continue  # the front matter's own finding says what to mend first
            value = fm.data.get("date")
            named = DATED_NAME.match(file.name)
            rel = file.relative_to(project.root).as_posix()
            if value is not None:
                # (a date in another form: the front matter's own finding says so; a doubtful
                # date is said once, on the source page, and a translation's date is its)
                if code == project.source_code:
                    findings += _doubtful_date(rel, fm, as_date(value), named and named[1])
                else:
                    source = project.lang_dir(project.source_code) / folder / file.name
                    findings += _date_of_source(rel, fm, as_date(value), source, project)
                continue
            example = named[1] if named else today().isoformat()
            findings.append(
                Finding(
                    rel,
                    1,
                    RULE,
                    Msg(
                        "this news item has no date: it is left out of the latest news, the "
                        "feed and the calendar",
                        "tin này chưa có ngày: tin không hiện trong danh sách tin mới, bản tin "
                        "RSS và lịch",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        f"write `date: {example}` in the front matter",
                        f"ghi `date: {example}` trong phần thông tin đầu trang",
                    ),
                )
            )
    return findings


def _directive_findings(project: Project) -> list[Finding]:
    """`{{ news latest }}` and `{{ events upcoming }}` as written in every page: what the
    plugin cannot draw is said at its line, before the build draws the page."""
    findings: list[Finding] = []
    for code in project.codes:
        base = project.lang_dir(code)
        for page in sorted(base.rglob("*.md")) if base.is_dir() else []:
            text = page.read_text(encoding="utf-8", errors="replace")
            if "{{" not in text:
                continue
            rel = page.relative_to(project.root).as_posix()
            for directive in Source.of(text).directives_of("news", "events"):
                problem = _directive_problem(directive)
                if problem is not None:
                    message, hint = problem
                    findings.append(
                        Finding(
                            rel,
                            directive.line,
                            DIRECTIVE_RULE,
                            message,
                            Severity.ERROR,
                            directive.col,
                            hint,
                        )
                    )
    return findings


def _directive_problem(directive: Directive) -> tuple[Msg, Msg] | None:
    written = directive.raw
    if (directive.view, directive.dataset) not in LISTS or directive.record:
        return (
            Msg(f"{written} is not a list the site draws", f"{written} không phải danh sách nào"),
            Msg(f"write {WRITTEN}", f"viết {WRITTEN}"),
        )
    other = sorted(k for k in directive.options if k != "count")
    if other:
        return (
            Msg(
                f"{written}: unknown option '{other[0]}'",
                f"{written}: không có tùy chọn '{other[0]}'",
            ),
            Msg(
                "the one option is count=N, the number of items shown (all when left out)",
                "tùy chọn duy nhất là count=N, số mục hiện ra (bỏ đi thì hiện tất cả)",
            ),
        )
    count = directive.options.get("count")
    if count is not None and not (count.isascii() and count.isdigit() and int(count) > 0):
        return (
            Msg(
                f"{written}: count must be a number written in digits, not '{count}'",
                f"{written}: count phải là một số viết bằng chữ số, không phải '{count}'",
            ),
            Msg("write count=5, for example", "viết ví dụ count=5"),
        )
    return None


def _date_of_source(
    rel: str, fm: FrontMatter, date: dt.date | None, source: Path, project: Project
) -> list[Finding]:
    """A translated item dated otherwise than its source stands at another place in its
    language's lists, feed and calendar than the same news in the others."""
    if date is None or not source.is_file():
        return []
    original = parse(source.read_text(encoding="utf-8"))
    meant = None if original.error else as_date(original.data.get("date"))
    if meant is None or meant == date:
        return []
    shown = source.relative_to(project.root).as_posix()
    return [
        Finding(
            rel,
            fm.line_of("date"),
            RULE,
            Msg(
                f"this translation is dated {date.isoformat()}, its source {shown} "
                f"{meant.isoformat()}: the same news would stand on another day in this "
                "language's lists, feed and calendar",
                f"bản dịch này ghi ngày {date.isoformat()}, bản gốc {shown} ghi "
                f"{meant.isoformat()}: cùng một tin sẽ đứng ở ngày khác trong danh sách tin, "
                "bản tin RSS và lịch của ngôn ngữ này",
            ),
            Severity.WARNING,
            hint=Msg(f"write `date: {meant.isoformat()}`", f"viết `date: {meant.isoformat()}`"),
        )
    ]


def _doubtful_date(
    rel: str, fm: FrontMatter, date: dt.date | None, named: str | None
) -> list[Finding]:
    if date is None:
        return []
    day = today()
    # A day of slack: a machine on another time zone's clock (a CI runner on UTC) is still on
    # yesterday for the first hours of a Vietnamese morning.
    if date > day + dt.timedelta(days=1):
        what = Msg(
            f"this news item is dated {date.isoformat()}, after today ({day.isoformat()}): it "
            "stays first in the latest news until then",
            f"tin này ghi ngày {date.isoformat()}, sau hôm nay ({day.isoformat()}): tin sẽ đứng "
            "đầu danh sách tin mới cho đến ngày đó",
        )
        hint = Msg(
            "check the date (the year above all); leave it if it is meant",
            "kiểm tra lại ngày (nhất là năm); nếu đúng ý thì giữ nguyên",
        )
    elif named and named != date.isoformat():
        what = Msg(
            f"the file name says {named} but `date:` says {date.isoformat()}: the item is "
            f"listed under {date.isoformat()}",
            f"tên tệp ghi ngày {named} nhưng `date:` ghi {date.isoformat()}: tin được xếp theo "
            f"ngày {date.isoformat()}",
        )
        hint = Msg(
            "write the same day in the file name and in `date:` (`make move` renames the file)",
            "ghi cùng một ngày ở tên tệp và ở `date:` (`make move` đổi tên tệp)",
        )
    else:
        return []
    return [
        Finding(
            rel,
            fm.line_of("date"),
            RULE,
            what,
            Severity.WARNING,
            hint=hint,
        )
    ]

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

from tnsite.config import DATED_NAME, Project, today
from tnsite.findings import Finding, Msg, Severity
from tnsite.i18n.frontmatter import FrontMatter, parse
from tnsite.news.items import as_date

RULE = "news-date"


def check_news(project: Project) -> list[Finding]:
    folder = project.news_folder
    if folder is None:
        return []
    findings: list[Finding] = []
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
                # date is said once, on the source page the translations take it from)
                if code == project.source_code:
                    findings += _doubtful_date(rel, fm, as_date(value), named and named[1])
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

"""`tnsite check` for news items: each page of the news folder needs its date.

The lists of latest news, the feed and the calendar are ordered by `date:`; an item without one
is left out of all of them without a word, reachable only from the menu. The date in the file
name, the way `make new` names a news item, is offered. (A date in another form is the front
matter's own finding.)
"""

from __future__ import annotations

import datetime as dt

from tnsite.config import DATED_NAME, Project
from tnsite.findings import Finding, Msg, Severity
from tnsite.i18n.frontmatter import parse

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
            if value is not None:
                continue  # a date in another form: the front matter's own finding says so
            named = DATED_NAME.match(file.name)
            example = named[1] if named else dt.date.today().isoformat()
            rel = file.relative_to(project.root).as_posix()
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

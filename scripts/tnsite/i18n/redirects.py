"""Old addresses of moved pages keep working: `make move` records each move in i18n/moved.yml,
and the build leaves at each old address, in every language, a small page that sends the
visitor (and search engines, by its canonical link) to the page's new address.

    - from: du-lich/cho.md          # the page's old name
      to: thuong-mai/cho-bien-gioi.md
      moved: 2026-12-06

A page moved twice is sent straight to where it is now; an old address that a page has taken
again is that page, not a redirect. The file is written by the commands and read by the check:
an entry that cannot be used is an error at its line.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
from pathlib import Path

import yaml

from tnsite import yamlread
from tnsite.atomic import write_atomic
from tnsite.config import Project
from tnsite.findings import Finding, Msg, Severity
from tnsite.urls import page_url, relative_href
from tnsite.yamlerrors import explain

MOVED_FILE = Path("i18n") / "moved.yml"
RULE = "moved-page"
HEADER = (
    "# Pages moved by `make move`: their old addresses lead to the new ones.\n"
    "# Trang đã chuyển bằng `make move`: địa chỉ cũ tự dẫn tới địa chỉ mới.\n"
)


def move_entry(page: str, new_page: str, day: dt.date) -> str:
    return f"- from: {page}\n  to: {new_page}\n  moved: {day.isoformat()}\n"


def _entries(project: Project) -> tuple[list[tuple[str, str, int]], list[Finding]]:
    """(from, to, line) of every usable entry, and a finding for every unusable one."""
    file = project.root / MOVED_FILE
    if not file.is_file():
        return [], []
    rel = MOVED_FILE.as_posix()
    text = file.read_text(encoding="utf-8")
    try:
        root = yamlread.compose(text)
    except yaml.YAMLError as exc:
        trouble = explain(exc, text)
        return [], [Finding(rel, trouble.line, RULE, trouble.message, hint=trouble.hint)]
    items = root.value if isinstance(root, yaml.SequenceNode) else []
    entries: list[tuple[str, str, int]] = []
    findings: list[Finding] = []
    for item in items:
        fields = (
            {k.value: v.value for k, v in item.value if isinstance(v, yaml.ScalarNode)}
            if isinstance(item, yaml.MappingNode)
            else {}
        )
        line = item.start_mark.line + 1
        old, new = str(fields.get("from") or ""), str(fields.get("to") or "")
        if old.endswith(".md") and new.endswith(".md"):
            entries.append((old, new, line))
            continue
        findings.append(
            Finding(
                rel,
                line,
                RULE,
                Msg(
                    "this entry needs `from:` and `to:`, each a page's .md file",
                    "mục này cần `from:` và `to:`, mỗi mục là tên tệp .md của một trang",
                ),
                hint=Msg(
                    "entries are written by `make move`; correct it, or delete it",
                    "các mục do `make move` ghi; hãy sửa lại, hoặc xóa mục này",
                ),
            )
        )
    return entries, findings


def moves(project: Project) -> dict[str, str]:
    """Old page → the page it is now (chains followed; a page that exists is no old page)."""
    return _resolved(project, _entries(project)[0])


def _resolved(project: Project, entries: list[tuple[str, str, int]]) -> dict[str, str]:
    direct = {old: new for old, new, _line in entries}
    source = project.lang_dir(project.source_code)
    out: dict[str, str] = {}
    for old in direct:
        if (source / old).is_file():
            continue
        seen, now = {old}, direct[old]
        while now in direct and now not in seen and not (source / now).is_file():
            seen.add(now)
            now = direct[now]
        if (source / now).is_file():
            out[old] = now
    return out


def check_moves(project: Project) -> list[Finding]:
    """Entries that cannot be read, and entries that lead to no page."""
    entries, findings = _entries(project)
    now = _resolved(project, entries)
    source = project.lang_dir(project.source_code)
    for old, new, line in entries:
        if old in now or (source / old).is_file():
            continue
        findings.append(
            Finding(
                MOVED_FILE.as_posix(),
                line,
                RULE,
                Msg(
                    f"{old} was moved to {new}, which is no longer a page",
                    f"{old} đã được chuyển sang {new}, nhưng trang này không còn nữa",
                ),
                Severity.ERROR,
                hint=Msg(
                    f"write the page it is now after `to:`, or delete the entry (the old "
                    f"address of {old} then leads nowhere)",
                    f"ghi sau `to:` tên trang hiện nay, hoặc xóa mục này (khi đó địa chỉ cũ của "
                    f"{old} không dẫn tới đâu)",
                ),
            )
        )
    return findings


def stub(lang: str, href: str, canonical: str, text: str) -> str:
    """The page left at an old address: it sends the browser on at once, tells search engines
    where the page is now, and offers the link to anyone whose browser does not follow.

    A refresh drops the part of the address after `#`, so a bookmark of a section would land
    at the top of the page: a one-line script takes it along, allowed by the page's own
    Content-Security-Policy (by its hash, and nothing else), and the refresh is the way on
    without scripts."""
    target, link = html.escape(href, quote=True), html.escape(canonical, quote=True)
    script = f"location.replace({json.dumps(href)}+location.hash)".replace("</", "<\\/")
    sha = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = f"default-src 'none'; script-src 'sha256-{sha}'; base-uri 'none'"
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        f"<title>{html.escape(text)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f"<script>{script}</script>\n"
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        f'<link rel="canonical" href="{link}">\n</head>\n'
        f'<body>\n<p><a href="{target}">{html.escape(text)}</a></p>\n</body>\n</html>\n'
    )


def write_stubs(project: Project, site: Path, texts: dict[str, str]) -> list[str]:
    """Every old address, in every language, leading to the page's new address; the site paths
    written. `texts`: the link's words per language."""
    written: list[str] = []
    for old, new in sorted(moves(project).items()):
        for code in project.codes:
            prefix = project.language(code).url_prefix
            old_url, new_url = prefix + page_url(old), prefix + page_url(new)
            page = site / old_url / "index.html"
            if page.exists() or not (site / new_url / "index.html").is_file():
                continue
            href = relative_href(new_url, old_url) or "./"
            canonical = project.site_url + new_url
            write_atomic(page, stub(code, href, canonical, texts[code]).encode("utf-8"))
            written.append(old_url)
    return written

"""Pages declared "not yet available" in a language: `i18n/pending.yml`.

One obvious file, one entry per page and language, with a reason and a date. Until the date
the missing translation is a warning and visitors get the source page with a notice; after it,
the missing page is an error again, so a declaration cannot quietly become permanent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from tnsite import yamlread
from tnsite.findings import Finding, Msg, Severity
from tnsite.langtags import meant_language
from tnsite.text import iso_date
from tnsite.urls import in_language_tree
from tnsite.yamlerrors import explain

PENDING_FILE = Path("i18n") / "pending.yml"
RULE = "pending"

HEADER = """\
# Pages not yet available in a language (trang chưa có bản dịch).
# While `until` has not passed, the missing translation is only a warning and visitors see the
# Vietnamese page with a notice in their language; after `until` it is an error again.
# Mỗi mục: path (đường dẫn trang), lang (mã ngôn ngữ), reason (lý do), until (YYYY-MM-DD), ví dụ:
# - path: du-lich/nui-ba-den.md
#   lang: km
#   reason: Chờ người dịch tiếng Khmer
#   until: 2026-12-31
"""


@dataclass(frozen=True)
class Pending:
    path: str  # relative to the language folder
    lang: str
    reason: str
    until: dt.date
    line: int  # line of the entry in the pending file

    def active(self, today: dt.date) -> bool:
        return today <= self.until


def _error(line: int, en: str, vi: str) -> Finding:
    return Finding(
        path=PENDING_FILE.as_posix(),
        line=line,
        rule=RULE,
        message=Msg(en, vi),
        severity=Severity.ERROR,
    )


def load_pending(
    root: Path, languages: tuple[str, ...], folders: tuple[str, ...] = ()
) -> tuple[list[Pending], list[Finding]]:
    """Entries of the pending file, and a finding for every entry that cannot be used.
    `languages` are those a page may be pending in; `folders`, every language folder (a path
    written from one of them names the page under it)."""
    folders = folders or languages
    path = root / PENDING_FILE
    if not path.is_file():
        return [], []
    text = path.read_text(encoding="utf-8")
    try:
        node = yamlread.compose(text)
        data = yamlread.construct(node)
    except yaml.YAMLError as exc:
        trouble = explain(exc, text)
        error = _error(trouble.line, trouble.message.en, trouble.message.vi)
        # No declaration can be read: the translations it declares are not reported missing
        # one by one (check/causes.py folds them into one line at this file).
        return [], [replace(error, hint=trouble.hint, extra={"unreadable": True})]
    if data is None:
        return [], []
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        return [], [
            _error(
                1,
                f"{PENDING_FILE} must be a list of entries (`- path: ...`).",
                f"{PENDING_FILE} phải là một danh sách các mục (`- path: ...`).",
            )
        ]
    entries: list[Pending] = []
    findings: list[Finding] = []
    seen: dict[tuple[str, str], int] = {}
    for item, item_node in zip(data, node.value, strict=True):
        line = item_node.start_mark.line + 1
        problem = _problem(item, languages)
        if problem:
            field, en, vi = problem
            error = _error(_line_of(item_node, field) or line, en, vi)
            if isinstance(item, dict) and isinstance(item.get("path"), str):
                # The page is declared, only not usably: its translation is not also missing.
                page = _page_path(item["path"], folders)
                lang = str(item.get("lang"))
                lang = lang if lang in languages else meant_language(lang, languages) or lang
                error = replace(error, extra={"declares": [lang, page]})
            findings.append(error)
            continue
        until = item["until"]
        if isinstance(until, str):
            until = dt.date.fromisoformat(until)
        entry = Pending(
            _page_path(str(item["path"]), folders), item["lang"], str(item["reason"]), until, line
        )
        key = (entry.path, entry.lang)
        if key in seen:
            findings.append(
                _error(
                    line,
                    f"{entry.path} ({entry.lang}) is already declared pending on line "
                    f"{seen[key]}; keep one entry.",
                    f"{entry.path} ({entry.lang}) đã được khai báo ở dòng {seen[key]}; chỉ giữ "
                    "một mục.",
                )
            )
            continue
        seen[key] = line
        entries.append(entry)
    return entries, findings


def _page_path(written: str, languages: tuple[str, ...]) -> str:
    """The page's path under its language folder, as the other commands take it too:
    'docs/vi/bao-chi.md', 'vi/bao-chi.md' and '/bao-chi.md' all name 'bao-chi.md'."""
    path = written.strip().replace("\\", "/").removeprefix("/").removeprefix("docs/")
    return in_language_tree(path, languages)


def _line_of(node: yaml.Node, key: str) -> int | None:
    """The line of `key`'s value in an entry, where the editor has to look."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v.start_mark.line + 1 for k, v in node.value if k.value == key), None)


def _problem(item: object, languages: tuple[str, ...]) -> tuple[str, str, str] | None:
    """What makes an entry unusable: the field to correct, and the message in both languages."""
    if not isinstance(item, dict):
        return (
            "",
            "each entry needs path, lang, reason and until",
            "mỗi mục cần path, lang, reason và until",
        )
    missing = [k for k in ("path", "lang", "reason", "until") if not item.get(k)]
    if missing:
        names = ", ".join(missing)
        return ("", f"entry lacks {names}; add it.", f"mục thiếu {names}; hãy bổ sung.")
    if not str(item["path"]).endswith(".md"):
        return (
            "path",
            f"path '{item['path']}' must be a page path under docs/<language>/ ending in .md",
            f"path '{item['path']}' phải là đường dẫn trang trong docs/<ngôn ngữ>/, kết thúc .md",
        )
    if item["lang"] not in languages:
        allowed = ", ".join(languages)
        meant = meant_language(str(item["lang"]), languages)
        return (
            "lang",
            f"lang '{item['lang']}' is not a translation language ({allowed})"
            + (
                f": did you mean '{meant}'?"
                if meant
                else ": write one of them; a language the site does not have yet is added in "
                "mkdocs.yml first (README, 'Adding a language')"
            ),
            f"lang '{item['lang']}' không phải ngôn ngữ dịch ({allowed})"
            + (
                f": có phải '{meant}'?"
                if meant
                else ": viết một trong các mã đó; ngôn ngữ trang web chưa có thì phải được thêm "
                "vào mkdocs.yml trước (README, mục 'Adding a language')"
            ),
        )
    until = item["until"]
    meant = iso_date(until)
    wrong = (
        "until",
        "until must be a date (YYYY-MM-DD)" + (f": write until: {meant}" if meant else ""),
        "until phải là ngày (YYYY-MM-DD)" + (f": viết until: {meant}" if meant else ""),
    )
    if isinstance(until, dt.datetime) or not isinstance(until, dt.date | str):
        return wrong
    if isinstance(until, str):
        try:
            dt.date.fromisoformat(until)
        except ValueError:
            return wrong
    return None


def add_pending(root: Path, entries: list[tuple[str, str, str, dt.date]]) -> Path:
    """Append entries (path, lang, reason, until) to the pending file as text, keeping what an
    editor wrote above them."""
    path = root / PENDING_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    text = path.read_text(encoding="utf-8") if path.is_file() else HEADER
    if text.strip().endswith("[]"):
        text = text.rstrip()[: -len("[]")].rstrip() + "\n"
    if text and not text.endswith("\n"):
        text += "\n"
    for page, lang, reason, until in entries:
        text += (
            f"- path: {page}\n  lang: {lang}\n"
            f"  reason: {yaml.safe_dump(reason, allow_unicode=True, width=10**6).splitlines()[0]}\n"
            f"  until: {until.isoformat()}\n"
        )
    path.write_text(text, encoding="utf-8")
    return path

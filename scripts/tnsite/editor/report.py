"""`tnsite report-pr`: the findings of `tnsite check` (reports/check.json) where the editors look.

A pull request made in the web editor is checked by CI; its editors do not read CI logs. The
reporter writes, in Vietnamese, one GitHub annotation per finding on the line it names (shown on
the pull request's changed files) and one job summary listing what to fix, file by file, each
file linked to the place in the web editor where it is edited.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tnsite.config import Project
from tnsite.editor.collections import page_collection_name
from tnsite.i18n.pending import PENDING_FILE

SEVERITY_VI = {"error": "lỗi", "warning": "cảnh báo", "notice": "ghi chú"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    col: int
    severity: str
    rule: str
    message: str  # Vietnamese
    hint: str

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> Finding:
        return cls(
            path=str(item["path"]),
            line=int(item.get("line", 1)),
            col=int(item.get("col", 1)),
            severity=str(item.get("severity", "error")),
            rule=str(item.get("rule", "")),
            message=str(item.get("message_vi") or item.get("message", "")),
            hint=str(item.get("hint_vi") or item.get("hint") or ""),
        )


def load_findings(path: Path) -> list[Finding]:
    return [Finding.from_json(item) for item in json.loads(path.read_text(encoding="utf-8"))]


def editor_link(project: Project, path: str, folder: str = "admin") -> str | None:
    """Where `path` is edited in the web editor, or None for a file the editor does not offer."""
    base = f"{project.site_url}{folder}/#/collections/"
    docs = project.docs_dir.relative_to(project.root).as_posix() + "/"
    if path.startswith(docs) and path.endswith(".md"):
        lang, _, page = path.removeprefix(docs).partition("/")
        if lang in project.codes and page:
            return f"{base}{page_collection_name(lang)}/entries/{page.removesuffix('.md')}"
    data = project.data_dir.relative_to(project.root).as_posix() + "/"
    if path.startswith(data) and path.endswith(".yml") and "/" not in path.removeprefix(data):
        return f"{base}data/entries/{Path(path).stem}"
    if path == PENDING_FILE.as_posix():
        return f"{base}pending/entries/pending"
    from tnsite.editor.collections import photo_paths

    photos = photo_paths(project)
    if path == photos.manifest or path.startswith(photos.folder + "/"):
        return f"{base}photos/entries/manifest"
    return None


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation_lines(findings: list[Finding]) -> list[str]:
    """GitHub workflow commands: one annotation per finding, in Vietnamese."""
    out = []
    for f in findings:
        level = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
        text = f.message + (f" — {f.hint}" if f.hint else "")
        out.append(
            f"::{level} file={_escape_property(f.path)},line={f.line},col={f.col},"
            f"title={_escape_property(f.rule)}::{_escape_data(text)}"
        )
    return out


def summary(project: Project, findings: list[Finding]) -> str:
    """The job summary (Markdown): what to fix, grouped by file, errors first."""
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    lines = ["## Kết quả kiểm tra nội dung", ""]
    if not findings:
        lines.append("Không có lỗi nào. Trang có thể được duyệt và đăng.")
        return "\n".join(lines) + "\n"
    verdict = (
        f"**{errors} lỗi** phải sửa trước khi đăng" if errors else "Không có lỗi phải sửa"
    ) + f", {warnings} cảnh báo."
    lines += [verdict, ""]
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_file[f.path].append(f)
    order = sorted(by_file, key=lambda p: (all(f.severity != "error" for f in by_file[p]), p))
    for path in order:
        link = editor_link(project, path)
        where = f"[`{path}`]({link}) (mở trong trình biên tập)" if link else f"`{path}`"
        lines.append(f"### {where}")
        lines.append("")
        for f in sorted(by_file[path], key=lambda f: (f.severity != "error", f.line)):
            hint = f" — {f.hint}" if f.hint else ""
            lines.append(
                f"- dòng {f.line}, {SEVERITY_VI.get(f.severity, f.severity)}: {f.message}{hint} "
                f"`[{f.rule}]`"
            )
        lines.append("")
    return "\n".join(lines)

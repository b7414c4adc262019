"""Where every translation stands, for editors: a terminal table, Markdown for the GitHub job
summary, `reports/translations.json`, and the editors' page in the built site.

All four are views of one `Status`, built from the translation model in order of importance.
"""

from __future__ import annotations

import html
import json
import posixpath
from dataclasses import dataclass
from pathlib import Path

from tnsite.i18n.importance import importance_order
from tnsite.i18n.model import Entry, Model, PageDoc, State, docs_path
from tnsite.i18n.names import lang_name

AWAITING_REVIEW = "awaiting-review"
COLUMNS = (State.CURRENT, State.OUTDATED, State.PENDING, State.MISSING, AWAITING_REVIEW)
LABELS = {
    "en": {
        State.CURRENT: "up to date",
        State.OUTDATED: "outdated",
        State.PENDING: "pending",
        State.MISSING: "missing",
        AWAITING_REVIEW: "awaiting review",
        "orphan": "orphan (no source)",
        "language": "Language",
        "state": "State",
        "count": "Count",
        "pages": "Pages",
        "title": "Translation status",
        "until": "until",
        "changed": "changed",
        "added": "added",
        "removed": "removed",
        "unrecorded": "source version not recorded",
        "no-snapshot": "changed sections unknown",
        "of": "pages",
    },
    "vi": {
        State.CURRENT: "đã cập nhật",
        State.OUTDATED: "lỗi thời",
        State.PENDING: "chờ dịch",
        State.MISSING: "thiếu",
        AWAITING_REVIEW: "chờ duyệt",
        "orphan": "mồ côi (không có bản gốc)",
        "language": "Ngôn ngữ",
        "state": "Tình trạng",
        "count": "Số trang",
        "pages": "Trang",
        "title": "Tình trạng bản dịch",
        "until": "đến",
        "changed": "sửa",
        "added": "thêm",
        "removed": "xóa",
        "unrecorded": "chưa ghi phiên bản bản gốc",
        "no-snapshot": "không rõ mục nào thay đổi",
        "of": "trang",
    },
}


@dataclass(frozen=True)
class LanguageStatus:
    code: str
    entries: tuple[Entry, ...]  # one per source page, most important first
    orphans: tuple[PageDoc, ...]

    def with_state(self, state: str) -> list[Entry]:
        if state == AWAITING_REVIEW:
            return [e for e in self.entries if e.awaiting_review]
        return [e for e in self.entries if e.state == state]

    def counts(self) -> dict[str, int]:
        out = {str(state): len(self.with_state(state)) for state in COLUMNS}
        out["orphan"] = len(self.orphans)
        return out


@dataclass(frozen=True)
class Status:
    model: Model
    order: tuple[str, ...]
    languages: tuple[LanguageStatus, ...]


def build_status(model: Model) -> Status:
    order = importance_order(model)
    rank = {path: i for i, path in enumerate(order)}
    languages = []
    for code in model.project.translation_codes:
        entries = sorted(model.entries(code), key=lambda e: rank.get(e.path, len(rank)))
        languages.append(LanguageStatus(code, tuple(entries), tuple(model.orphans(code))))
    return Status(model, tuple(order), tuple(languages))


def _detail(entry: Entry, ui: str) -> str:
    labels = LABELS[ui]
    if entry.state is State.PENDING and entry.pending:
        return f"{labels['until']} {entry.pending.until.isoformat()}: {entry.pending.reason}"
    if entry.state is State.MISSING and entry.expired:
        return f"{labels['until']} {entry.expired.until.isoformat()} (!)"
    if entry.state is State.OUTDATED and entry.staleness:
        if entry.staleness.reason:
            return labels[entry.staleness.reason]
        return "; ".join(
            f"{labels[c.kind]} {c.label() if ui == 'en' else c.label_vi()}"
            for c in entry.staleness.changes
        )
    return ""


def _review_detail(entry: Entry) -> str:
    return (entry.doc.review or "?") if entry.doc else ""


def _lang_title(code: str, ui: str) -> str:
    name = lang_name(code, ui)
    return f"{name[0].upper() + name[1:]} ({code})"


def to_json(status: Status) -> dict[str, object]:
    model = status.model
    languages: dict[str, object] = {}
    for lang in status.languages:
        pages = []
        for entry in lang.entries:
            item: dict[str, object] = {
                "path": entry.path,
                "file": docs_path(model.project, lang.code, entry.path),
                "source": model.sources[entry.path].rel,
                "state": str(entry.state),
            }
            if entry.doc:
                item["review"] = entry.doc.review
                item["awaiting_review"] = entry.awaiting_review
            if entry.staleness and not entry.staleness.up_to_date:
                item["sections"] = [
                    {"kind": c.kind, "id": c.key, "title": c.title, "source_line": c.line}
                    for c in entry.staleness.changes
                ]
                if entry.staleness.reason:
                    item["reason"] = entry.staleness.reason
            declared = entry.pending or entry.expired
            if declared:
                item["pending"] = {
                    "reason": declared.reason,
                    "until": declared.until.isoformat(),
                    "expired": entry.expired is not None,
                }
            pages.append(item)
        languages[lang.code] = {
            "name": lang_name(lang.code, "en"),
            "counts": lang.counts(),
            "pages": pages,
            "orphans": [doc.rel for doc in lang.orphans],
        }
    return {
        "source_language": model.source_code,
        "date": model.today.isoformat(),
        "order": list(status.order),
        "languages": languages,
    }


def write_json(status: Status, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(to_json(status), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _rows(lang: LanguageStatus, ui: str) -> list[tuple[str, list[str]]]:
    """(state label, lines) for each state, in table order, then orphans."""
    labels = LABELS[ui]
    rows = []
    for state in COLUMNS:
        lines = []
        for entry in lang.with_state(state):
            detail = _review_detail(entry) if state == AWAITING_REVIEW else _detail(entry, ui)
            lines.append(entry.path + (f" ({detail})" if detail else ""))
        rows.append((labels[state], lines))
    if lang.orphans:
        rows.append((labels["orphan"], [doc.rel for doc in lang.orphans]))
    return rows


def render_text(status: Status, ui: str = "en") -> str:
    labels = LABELS[ui]
    out: list[str] = []
    width = max(len(label) for label in (labels[s] for s in COLUMNS)) + 2
    for lang in status.languages:
        total = len(lang.entries)
        out.append(f"{_lang_title(lang.code, ui)}: {total} {labels['of']}")
        for label, lines in _rows(lang, ui):
            first = lines[0] if lines else ""
            out.append(f"  {label:<{width}}{len(lines):>4}  {first}".rstrip())
            for line in lines[1:]:
                out.append(" " * (width + 8) + line)
        out.append("")
    return "\n".join(out)


def _md_cell(text: str) -> str:
    """Text in a Markdown table cell, shown as written (Markdown passes HTML through)."""
    return html.escape(text, quote=False).replace("|", "\\|")


def render_markdown(status: Status, ui: str = "en") -> str:
    labels = LABELS[ui]
    out = [f"## {labels['title']}", ""]
    header = [labels["language"], *(labels[s] for s in COLUMNS)]
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "---|" * len(header))
    for lang in status.languages:
        counts = lang.counts()
        cells = [_lang_title(lang.code, ui), *(str(counts[s]) for s in COLUMNS)]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    for lang in status.languages:
        out.append(f"<details><summary>{_lang_title(lang.code, ui)}</summary>")
        out.append("")
        out.append(f"| {labels['state']} | {labels['count']} | {labels['pages']} |")
        out.append("|---|---|---|")
        for label, lines in _rows(lang, ui):
            pages = "<br>".join(_md_cell(line) for line in lines)
            out.append(f"| {label} | {len(lines)} | {pages} |")
        out.append("")
        out.append("</details>")
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# The editors' page in the built site (Vietnamese: the editors' language)

PAGE_TITLE = "Tình trạng bản dịch"
PAGE_DESCRIPTION = (
    "Trang nội bộ cho biên tập viên: những trang cần dịch, cập nhật hoặc duyệt tiếp theo, "
    "xếp theo mức quan trọng."
)


def _todo(entry: Entry) -> list[str]:
    labels = LABELS["vi"]
    todo = []
    if entry.state is State.MISSING:
        late = f" (hạn chờ dịch {entry.expired.until.isoformat()} đã qua)" if entry.expired else ""
        todo.append(f"**Dịch**: chưa có bản dịch{late}")
    elif entry.state is State.PENDING and entry.pending:
        todo.append(
            f"**Dịch**: chờ dịch đến {entry.pending.until.isoformat()} ({entry.pending.reason})"
        )
    elif entry.state is State.OUTDATED and entry.staleness:
        if entry.staleness.reason:
            todo.append(f"**Cập nhật**: {labels[entry.staleness.reason]}")
        else:
            parts = [f"{labels[c.kind]} {c.label_vi()}" for c in entry.staleness.changes]
            todo.append("**Cập nhật**: " + ("; ".join(parts) or "thứ tự các mục"))
    if entry.awaiting_review and entry.doc:
        todo.append(f"**Duyệt**: bản dịch đang ở trạng thái `{entry.doc.review}`")
    return todo


def status_page_markdown(status: Status, page_path: str) -> str:
    """The editors' page: what to translate next, most important first, per language."""
    model = status.model
    labels = LABELS["vi"]
    here = posixpath.dirname(page_path)
    out = [
        "---",
        f"title: {json.dumps(PAGE_TITLE, ensure_ascii=False)}",
        f"description: {json.dumps(PAGE_DESCRIPTION, ensure_ascii=False)}",
        "search:",
        "  exclude: true",
        "---",
        "",
        f"# {PAGE_TITLE}",
        "",
        "Trang dành cho biên tập viên: không có trong menu và không cho công cụ tìm kiếm lập "
        f"chỉ mục. Trang được tạo lại mỗi lần dựng trang (ngày {model.today.isoformat()}). "
        "Xem cùng nội dung trong dòng lệnh bằng `make status`.",
        "",
        "## Tóm tắt {#tom-tat}",
        "",
        "| " + " | ".join([labels["language"], *(labels[s] for s in COLUMNS)]) + " |",
        "|" + "---|" * (len(COLUMNS) + 1),
    ]
    for lang in status.languages:
        counts = lang.counts()
        out.append(
            "| "
            + " | ".join([_lang_title(lang.code, "vi"), *(str(counts[s]) for s in COLUMNS)])
            + " |"
        )
    out += [
        "",
        "## Việc cần làm tiếp theo {#viec-can-lam}",
        "",
        "Xếp theo mức quan trọng: trang chủ, các trang mục, rồi các trang mà chúng liên kết tới. "
        "Sau khi dịch hoặc cập nhật xong một trang, chạy `make mark PAGES='<tệp>'` để ghi nhận "
        "bản dịch đã theo kịp bản gốc.",
        "",
    ]
    for lang in status.languages:
        out += [f"### {_lang_title(lang.code, 'vi')}", ""]
        rows: list[str] = []
        for entry in lang.entries:
            todo = _todo(entry)
            if not todo:
                continue
            source = model.sources[entry.path]
            link = posixpath.relpath(entry.path, here or ".")
            title = _md_cell(source.title)
            rows.append(
                f"| {len(rows) + 1} | [{title}]({link}) | "
                f"`{docs_path(model.project, lang.code, entry.path)}` | "
                + "<br>".join(_md_cell(t) for t in todo)
                + " |"
            )
        if rows:
            out += ["| # | Trang | Tệp | Việc cần làm |", "|---|---|---|---|", *rows, ""]
        else:
            out += ["Không có việc gì: mọi trang đã được dịch, cập nhật và duyệt.", ""]
        if lang.orphans:
            out.append("Bản dịch không có bản gốc (cần xóa hoặc chuyển): ")
            out += [f"- `{doc.rel}`" for doc in lang.orphans]
            out.append("")
    return "\n".join(out)

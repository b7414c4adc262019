"""Findings: the one shape every check reports in.

Editors read them in a terminal (`path:line:col: severity: message [rule]`, like ruff or gcc),
CI reads them as JSON (`reports/check.json`) and as GitHub annotations. Messages are bilingual
because the department's editors read Vietnamese and CI logs are read in English.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TextIO


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"


SEVERITY_VI = {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo", Severity.NOTICE: "ghi chú"}


@dataclass(frozen=True)
class Msg:
    """A message in English and Vietnamese; `vi` falls back to English when not given."""

    en: str
    vi: str = ""

    def text(self, lang: str) -> str:
        return (self.vi or self.en) if lang == "vi" else self.en


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    rule: str
    message: Msg
    severity: Severity = Severity.ERROR
    col: int = 1
    hint: Msg | None = None
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    def render(self, lang: str = "en") -> str:
        text = self.message.text(lang)
        if self.hint:
            text += " — " + self.hint.text(lang)
        severity = SEVERITY_VI[self.severity] if lang == "vi" else self.severity.value
        return f"{self.path}:{self.line}:{self.col}: {severity}: {text} [{self.rule}]"

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity.value,
            "rule": self.rule,
            "message": self.message.en,
            "message_vi": self.message.text("vi"),
        }
        if self.hint:
            data["hint"] = self.hint.en
            data["hint_vi"] = self.hint.text("vi")
        if self.extra:
            data["extra"] = self.extra
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Finding:
        hint = None
        if data.get("hint"):
            hint = Msg(str(data["hint"]), str(data.get("hint_vi") or ""))
        extra = data.get("extra")
        return cls(
            path=str(data["path"]),
            line=int(data["line"]),  # type: ignore[call-overload]
            col=int(data.get("col", 1)),  # type: ignore[call-overload]
            rule=str(data["rule"]),
            message=Msg(str(data["message"]), str(data.get("message_vi") or "")),
            severity=Severity(str(data.get("severity", "error"))),
            hint=hint,
            extra=dict(extra) if isinstance(extra, dict) else {},
        )

    def github_annotation(self) -> str:
        level = {"error": "error", "warning": "warning"}.get(self.severity.value, "notice")
        text = self.message.en + (f" — {self.hint.en}" if self.hint else "")
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return (
            f"::{level} file={self.path},line={self.line},col={self.col},title={self.rule}::{text}"
        )


def sort_key(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.path, finding.line, finding.col, finding.rule)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def exit_status(findings: Iterable[Finding]) -> int:
    return 1 if has_errors(findings) else 0


def write_json(findings: Sequence[Finding], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = [f.to_json() for f in findings]
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def emit(findings: Sequence[Finding], out: TextIO, lang: str = "en") -> None:
    """Print findings one per line, in the order given (causes first, see check/causes.py);
    under GitHub Actions also as workflow annotations."""
    ordered = list(findings)
    for finding in ordered:
        print(finding.render(lang), file=out)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for finding in ordered:
            print(finding.github_annotation(), file=out)
    errors = sum(f.severity is Severity.ERROR for f in ordered)
    warnings = sum(f.severity is Severity.WARNING for f in ordered)
    if lang == "vi":
        print(f"{errors} lỗi, {warnings} cảnh báo.", file=out)
    else:
        print(f"{errors} error(s), {warnings} warning(s).", file=out)


class SetupMissing(Exception):
    """Something the build needs is not installed on this machine: no mistake in the
    sources, so the message names the command that installs it, in both languages, and the
    outcome is not remembered as the sources' (once installed, the next check builds again)."""

    def __init__(self, msg: Msg) -> None:
        self.msg = msg
        super().__init__(msg.en)


def output_language() -> str:
    """The language of what a command prints for the editor: `TNSITE_LANG=vi`, else English."""
    return "vi" if os.environ.get("TNSITE_LANG") == "vi" else "en"


class BuildRefused(Exception):
    """The build stops because of these findings; the command line prints them like `tnsite
    check` does, in the editor's language."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        lang = output_language()
        super().__init__("\n".join(f.render(lang) for f in self.findings))

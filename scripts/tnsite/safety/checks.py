"""The `safety` check of `tnsite check`: every page's Markdown against the allowlist."""

from __future__ import annotations

from tnsite.config import Project
from tnsite.findings import Finding
from tnsite.safety.plugin import page_findings


def check_safety(project: Project) -> list[Finding]:
    findings: list[Finding] = []
    for code in project.codes:
        folder = project.lang_dir(code)
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            rel = path.relative_to(project.root).as_posix()
            findings += page_findings(path.read_text(encoding="utf-8"), rel)
    return findings

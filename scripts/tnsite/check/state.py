"""Is the built site the one the sources make now? Answered by content, not by clock.

Modification times miss a deleted or renamed file (nothing changes its time) and see a change
where a file was only touched. The digest here covers the set of input files and their bytes,
so a deletion, a rename, a revert or an edit in another language is seen, and a `git checkout`
that touches every file but changes nothing is not. Each build records the digest with its
findings; `tnsite check` prints them again without building when nothing changed.

Every file is read each time: the preview asks again in the same process, and an edit that
keeps a file's size and time (`cp -p`, a sync tool) must still be seen. The day counts as an
input too: a figure or a pending translation can expire overnight with no file changed, and
yesterday's findings would miss it.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from tnsite.config import Project, today
from tnsite.findings import Finding
from tnsite.memo import code_version

INPUTS = (
    "mkdocs.yml",
    "publications.yml",
    "audit.yml",
    "docs",
    "data",
    "assets",
    "overrides",
    "i18n",
    "scripts/tnsite",
)
SKIP_DIRS = {"__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache"}
STATE = Path(".cache") / "check-state.json"


def inputs_digest(project: Project) -> str:
    digest = hashlib.sha256()
    digest.update(today().isoformat().encode() + b"\0")
    # New checks (the project's code or a package updated) judge the same content afresh.
    digest.update(code_version().encode() + b"\0")
    for name in INPUTS:
        base = project.root / name
        if base.is_file():
            files = [base]
        elif base.is_dir():
            files = []
            for folder, dirs, names in os.walk(base):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                files += [Path(folder) / n for n in sorted(names) if not n.endswith(".pyc")]
        else:
            continue
        for path in files:
            digest.update(path.relative_to(project.root).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class BuildState:
    digest: str
    site: str  # the folder the build wrote (absolute), or "" when it was refused
    findings: tuple[Finding, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "digest": self.digest,
            "site": self.site,
            "findings": [f.to_json() for f in self.findings],
        }


def save_state(project: Project, state: BuildState) -> None:
    path = project.root / STATE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(state.to_json(), ensure_ascii=False), encoding="utf-8")


def load_state(project: Project) -> BuildState | None:
    path = project.root / STATE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        findings = tuple(Finding.from_json(f) for f in data["findings"])
        return BuildState(str(data["digest"]), str(data["site"]), findings)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def fresh_state(project: Project) -> BuildState | None:
    """The last build's state when the sources have not changed since and its site still
    exists; None when a build is needed."""
    state = load_state(project)
    if state is None or state.digest != inputs_digest(project):
        return None
    if state.site and not (Path(state.site) / "index.html").is_file():
        return None
    return state

"""Build the site without ever leaving a half-built one behind.

MkDocs cleans site/ and then writes into it, so a failure halfway leaves a broken site that a
deploy step could publish. Here the build goes into a fresh folder beside site/ and replaces
site/ only when the build succeeded and its checks (tnsite/check) found no error.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from tnsite.config import Project
from tnsite.contracts import CHECK_PLUGIN
from tnsite.findings import Finding


def _with_checks(project: Project) -> dict[str, Any]:
    """The project's commands always judge a build by its checks: a mkdocs.yml that does not
    list the check plugin gets it for this build."""
    plugins = copy.deepcopy(list(project.raw.get("plugins") or []))  # MkDocs edits them
    named = {p if isinstance(p, str) else next(iter(p), "") for p in plugins}
    return {} if CHECK_PLUGIN in named else {"plugins": [*plugins, CHECK_PLUGIN]}


@dataclass(frozen=True)
class Built:
    site: Path
    findings: list[Finding]  # warnings and notices of the build's checks (errors stop it)


def build_site(
    project: Project, dest: Path | None = None, strict: bool = True, judge: bool = False
) -> Path:
    """Build into `dest` (default: the project's site/) atomically; raise on any failure."""
    return build_with_findings(project, dest, strict, judge).site


def build_with_findings(
    project: Project, dest: Path | None = None, strict: bool = True, judge: bool = False
) -> Built:
    """The build and what its checks found. Raises `BuildRefused` (with every finding) when
    they found an error, and MkDocs' exceptions when MkDocs itself fails; `dest` is untouched
    then. The build is judged by the check plugin when mkdocs.yml lists it; `judge=True` (the
    project's commands) adds it for a mkdocs.yml that does not."""
    dest = dest or project.site_dir
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=dest.parent))
    try:
        config = load_config(
            str(project.root / "mkdocs.yml"),
            site_dir=str(staging),
            strict=strict,
            **(_with_checks(project) if judge else {}),
        )
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        check = config.plugins.get(CHECK_PLUGIN)
        findings = list(getattr(check, "result", None) or [])
        old = dest.with_name(dest.name + ".old")
        if dest.exists():
            dest.rename(old)
        staging.rename(dest)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Built(dest, findings)

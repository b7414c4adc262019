"""The one pass behind `tnsite build` and `tnsite check`: build, check, remember.

Both commands run the same build with every check inside it (tnsite/check); a build whose
checks find an error leaves site/ as it was. `check` first asks whether site/ was built from
the sources as they are now (by content, check/state.py) and, when it was, reports that
build's findings again instead of building a second time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from tnsite.check.gate import before_build
from tnsite.check.state import BuildState, fresh_state, inputs_digest, save_state
from tnsite.config import Project
from tnsite.findings import BuildRefused, Finding, Msg, SetupMissing, Severity


@dataclass(frozen=True)
class Outcome:
    findings: list[Finding]
    site: Path | None  # None when nothing was published
    reused: bool = False  # the findings are those of the last build (nothing changed since)


def _stopped(exc: BaseException) -> Finding:
    """A build that failed outside the checks (MkDocs itself, a broken configuration, a
    tool missing on this machine)."""
    if isinstance(exc, SetupMissing):
        return Finding(
            "mkdocs.yml",
            1,
            "build-stopped",
            Msg(f"the build stopped: {exc.msg.en}", f"quá trình dựng trang bị dừng: {exc.msg.vi}"),
            Severity.ERROR,
            hint=Msg("nothing was published", "chưa có gì được đăng"),
        )
    text = str(exc).strip().split("\n", 1)[0] or type(exc).__name__
    return Finding(
        "mkdocs.yml",
        1,
        "build-stopped",
        Msg(f"the build stopped: {text}", "quá trình dựng trang bị dừng vì một lỗi hệ thống"),
        Severity.ERROR,
        hint=Msg(
            "nothing was published; if the message does not name a file of yours, ask the "
            "site's maintainers (the full text is in reports/check.json)",
            "chưa có gì được đăng; nếu lỗi không chỉ ra tệp nào bạn đã sửa, hãy báo người bảo "
            "trì trang web (nội dung đầy đủ có trong reports/check.json)",
        ),
        extra={"exception": f"{type(exc).__name__}: {exc}"},
    )


def run_build(project: Project, site_dir: Path | None = None, *, show_log: bool = False) -> Outcome:
    """Build into `site_dir` (default site/) with every check; remember the findings."""
    from mkdocs.exceptions import MkDocsException

    # Loaded here: `tnsite check` on a site that is up to date never starts MkDocs.
    from tnsite.build import build_with_findings

    digest = inputs_digest(project)
    # What MkDocs would stop at, or build where no check follows, naming no file or line.
    unreadable = before_build(project)
    if unreadable:
        save_state(project, BuildState(digest, "", tuple(unreadable)))
        return Outcome(unreadable, None)
    handler = _console() if show_log else None
    try:
        built = build_with_findings(project, site_dir, judge=True)
    except BuildRefused as refused:
        save_state(project, BuildState(digest, "", tuple(refused.findings)))
        return Outcome(refused.findings, None)
    except (MkDocsException, OSError, ValueError, SetupMissing) as exc:
        # Not remembered: the cause may lie outside the sources (a tool not installed, a
        # full disk), and `check` must build again once it is fixed.
        return Outcome([_stopped(exc)], None)
    finally:
        if handler is not None:
            logging.getLogger("mkdocs").removeHandler(handler)
    save_state(project, BuildState(digest, str(built.site), tuple(built.findings)))
    return Outcome(built.findings, built.site)


def run_check(project: Project) -> Outcome:
    """The findings for the sources as they are now: the last build's when nothing changed."""
    state = fresh_state(project)
    if state is not None and (not state.site or Path(state.site) == project.site_dir):
        return Outcome(list(state.findings), Path(state.site) if state.site else None, True)
    return run_build(project)


def _console() -> logging.Handler:
    """The plugins' summary lines (images encoded, cards rendered…) on the console."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.setLevel(logging.INFO)
    handler.addFilter(lambda record: record.name.startswith("mkdocs.plugins.tnsite"))
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    return handler

"""Strict mode judged by the project's findings, not by MkDocs' count of warnings.

MkDocs' `build()` attaches a counter of WARNING records to its logger before any plugin runs
when the configuration is strict, and raises "Aborted with N warnings in strict mode!" at its
end. That sentence names neither a file nor a line, and it comes after a warning the checks
have already turned into a finding at the editor's line (a link to `../le-hoi/`). The check
plugin makes every MkDocs warning a finding of its own severity, so the counter is taken off
for the build it judges.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import CountHandler


def judge_by_findings(config: MkDocsConfig) -> None:
    config.strict = False
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        if isinstance(handler, CountHandler):
            logger.removeHandler(handler)

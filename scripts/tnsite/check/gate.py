"""What stops a build before it starts: sources MkDocs would stop at, or build where no check
can follow, without naming a file or line of the editor's.

A text MkDocs cannot decode, a menu section with nothing under it, a page outside the language
folders or named with another extension than .md: the build would end in a traceback or an
English sentence about the stack (or publish a page nobody checks). Each is found here first,
at its file and line, by `make build`, `make check` and the preview alike.
"""

from __future__ import annotations

from tnsite.check.encoding import unreadable_texts
from tnsite.check.menu import empty_sections
from tnsite.config import Project
from tnsite.findings import Finding
from tnsite.i18n.rules import misplaced_pages


def before_build(project: Project) -> list[Finding]:
    """The findings that refuse the build before it starts (none: build)."""
    return unreadable_texts(project) or empty_sections(project) or misplaced_pages(project)

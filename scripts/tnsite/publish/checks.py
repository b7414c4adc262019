"""The source check for publications (rule `publication`): publications.yml itself. What
stops a publication from printing (pages not built, images, glyphs) is found by the publish
plugin inside the build, which hands it to the build's checks."""

from __future__ import annotations

from tnsite.config import Project
from tnsite.findings import Finding
from tnsite.publish.catalogue import Catalogue, load_catalogue
from tnsite.publish.config import PublishConfig, load_options
from tnsite.publish.plugin import STRINGS
from tnsite.strings import load_strings


def _catalogue(project: Project) -> tuple[PublishConfig, Catalogue] | None:
    options = load_options(project)
    if options is None:
        return None
    strings = load_strings(STRINGS, project.codes)
    return options, load_catalogue(project, options.file, strings)


def check_catalogue(project: Project) -> list[Finding]:
    loaded = _catalogue(project)
    return loaded[1].findings if loaded else []

"""`tnsite check` for publications (rule `publication`): publications.yml itself (source), and
every publication composed from the built site without printing it: pages that were not built,
images that cannot be printed, characters no font of the site draws."""

from __future__ import annotations

from tnsite.config import Project
from tnsite.findings import Finding
from tnsite.publish.catalogue import Catalogue, load_catalogue
from tnsite.publish.config import PublishConfig, load_options, plugin_options
from tnsite.publish.plugin import STRINGS
from tnsite.publish.publisher import Publisher
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


def check_print(project: Project) -> list[Finding]:
    """What would stop the publications from printing, read from the built site."""
    loaded = _catalogue(project)
    if loaded is None or loaded[1].findings:
        return []  # reported by check_catalogue
    options, catalogue = loaded
    root = project.root
    data = plugin_options(project, "tnsite/data") or {}
    publisher = Publisher(
        project,
        catalogue,
        load_strings(STRINGS, project.codes),
        project.site_dir,
        output_dir=options.output_dir,
        fonts_css=root / options.fonts_css,
        stylesheets=[root / sheet for sheet in options.stylesheets],
        cache_dir=root / options.cache_dir,
        native_digits=set(data.get("native_digits") or []),
        max_bytes=int(options.max_megabytes * 1_000_000),
    )
    _jobs, findings = publisher.jobs()
    return findings

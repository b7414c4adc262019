"""`tnsite check-links` (the built-site link checks alone) and `tnsite check-external`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tnsite.alternates import SourceIndex
from tnsite.cli_options import LANG_OPTION
from tnsite.config import Project
from tnsite.findings import emit, exit_status, write_json

SITE = click.option(
    "--site-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Built site to read (default: site/; `make check` builds it and checks everything).",
)


def _site_project(project: Project, site_dir: Path | None) -> Project:
    return project.with_site(site_dir) if site_dir else project


@click.command("check-links")
@SITE
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "pairs"]),
    default="text",
    help="pairs: one 'page<TAB>target' line per broken URL (for comparing tools).",
)
@LANG_OPTION
@click.pass_obj
def check_links_command(project: Project, site_dir: Path | None, fmt: str, ui_lang: str) -> None:
    """Links, anchors, assets, cross-language links, hreflang and sitemap of the built site."""
    from tnsite.links.checks import check_links
    from tnsite.links.site import scan_site

    project = _site_project(project, site_dir)
    if fmt == "pairs":
        scan = scan_site(project.site_dir, project)
        for page in scan.pages.values():
            for rule, ref, target in page.issues:
                fragment = ref.url.split("#", 1)[1] if "#" in ref.url else ""
                anchor = "#" + fragment if rule == "broken-anchor" else ""
                click.echo(f"{page.path}\t{target}{anchor}")
        for css, issues in scan.stylesheets.items():
            for _rule, _ref, target in issues:
                click.echo(f"{css}\t{target}")
        return
    findings = check_links(project)
    emit(findings, sys.stdout, ui_lang)
    sys.exit(exit_status(findings))


@click.command("check-external")
@SITE
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds.")
@click.option("--retries", type=int, default=2, show_default=True)
@click.option("--per-host", type=int, default=2, show_default=True, help="Requests at once.")
@click.option("--workers", type=int, default=16, show_default=True, help="Requests at once.")
@click.option("--max-age", type=float, default=7.0, show_default=True, help="Cache days (ok).")
@click.option("--no-cache", is_flag=True, help="Ask every host again.")
@click.option("--fail", is_flag=True, help="Exit 1 when a link is dead (default: never).")
@click.option("--only", multiple=True, help="Check only URLs starting with this (repeatable).")
@LANG_OPTION
@click.pass_obj
def check_external_command(
    project: Project,
    site_dir: Path | None,
    timeout: float,
    retries: int,
    per_host: int,
    workers: int,
    max_age: float,
    no_cache: bool,
    fail: bool,
    only: tuple[str, ...],
    ui_lang: str,
) -> None:
    """External links of the built site: dead, not answering, redirected (never blocks)."""
    from tnsite.links.external import DEAD, Cache, Checker, Options, check_with_cache
    from tnsite.links.report import external_findings, write_reports
    from tnsite.links.resolve import Resolver
    from tnsite.links.site import scan_site
    from tnsite.links.sourcemap import Origin, SourceMap

    project = _site_project(project, site_dir)
    scan = scan_site(project.site_dir, project, collect_external=True)
    index = SourceIndex(project)
    sources = SourceMap(project, Resolver(scan.files, project.site_url))
    origins: dict[str, list[Origin]] = {}
    for path, page in sorted(scan.pages.items()):
        built = index.locate(path)
        for ref in page.externals:
            url = ref.url.strip()
            if url.startswith("//"):
                url = "https:" + url
            url = url.split("#", 1)[0]
            if only and not url.startswith(only):
                continue
            found = origins.setdefault(url, [])
            for origin in sources.origins(built, ref, url):
                if origin not in found:
                    found.append(origin)
    options = Options(
        timeout=timeout,
        retries=retries,
        per_host=per_host,
        workers=workers,
        max_age_ok=max_age * 86400,
    )
    cache = Cache(project.root / ".cache" / "external-links.json", options)
    if no_cache:
        cache.entries = {}
    results, requested = check_with_cache(origins, cache, Checker(options))
    cache.save()
    write_reports(project.reports_dir, results, origins, requested)
    findings = external_findings(results, origins)
    write_json(findings, project.reports_dir / "external-links-findings.json")
    click.echo(f"{len(results)} external links, {requested} requested now.", err=True)
    emit(findings, sys.stdout, ui_lang)
    dead = any(r.state == DEAD for r in results.values())
    sys.exit(1 if fail and dead else 0)


COMMANDS = [check_links_command, check_external_command]
__all__ = ["COMMANDS"]

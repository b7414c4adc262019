"""The built-site link checks as `tnsite check` runs them: one scan of the site feeds the
link, hreflang and sitemap checks."""

from __future__ import annotations

from tnsite.alternates import SourceIndex
from tnsite.config import Project
from tnsite.findings import Finding
from tnsite.links.hreflang import check_hreflang
from tnsite.links.internal import link_findings
from tnsite.links.site import scan_site
from tnsite.links.sitemap import check_sitemap


def check_links(project: Project) -> list[Finding]:
    """broken-link, broken-anchor, missing-asset, cross-language-link, hreflang-*, sitemap-*."""
    scan = scan_site(project.site_dir, project)
    index = SourceIndex(project)
    return (
        link_findings(project, scan, index)
        + check_hreflang(project, scan, index)
        + check_sitemap(project, scan, index)
    )

"""On the real site (one build per test session): the alternates and the sitemap written by
the links plugin pass their own checks, and no language link made by the theme or a plugin
lacks its `hreflang` (content may still be arriving, so editors' own links are not judged
here: `make check` reports those)."""

from __future__ import annotations

from pathlib import Path

from tnsite.alternates import SourceIndex
from tnsite.links.classify import CROSS_LANGUAGE
from tnsite.links.hreflang import check_hreflang
from tnsite.links.resolve import Resolver
from tnsite.links.site import scan_site
from tnsite.links.sitemap import check_sitemap
from tnsite.links.sourcemap import SourceMap


def test_real_site_alternates_sitemap_and_language_links(project, built_site: Path) -> None:
    real = project.with_site(built_site)
    scan = scan_site(built_site, real)
    index = SourceIndex(real)
    assert [f.render() for f in check_hreflang(real, scan, index)] == []
    assert [f.render() for f in check_sitemap(real, scan, index)] == []
    sources = SourceMap(real, Resolver(scan.files, real.site_url))
    made_by_templates = [
        (path, ref.url)
        for path, page in scan.pages.items()
        for rule, ref, target in page.issues
        if rule == CROSS_LANGUAGE
        and sources.origins(index.locate(path), ref, target)[0].kind != "markdown"
    ]
    assert made_by_templates == [], "language links in templates must carry hreflang"

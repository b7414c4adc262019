"""A sitemap per language folder.

Material's language selector fetches `<language root>/sitemap.xml` to keep the visitor on the
same page when switching language; static-i18n writes only the root sitemap, so every switch
logged two 404s in the console. Each language folder gets the subset of the root sitemap whose
pages live in it.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tnsite.config import Project

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def write_language_sitemaps(project: Project, site: Path) -> list[Path]:
    root_map = site / "sitemap.xml"
    if not root_map.is_file():
        return []
    tree = etree.parse(str(root_map))
    written: list[Path] = []
    for lang in project.languages:
        if lang.default:
            continue
        base = project.site_url + lang.url_prefix
        subset = etree.Element(tree.getroot().tag, nsmap=tree.getroot().nsmap)
        for url in tree.getroot().iterfind(f"{{{NS}}}url"):
            if (url.findtext(f"{{{NS}}}loc") or "").startswith(base):
                subset.append(etree.fromstring(etree.tostring(url)))
        out = site / lang.url_prefix / "sitemap.xml"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(
            etree.tostring(subset, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        )
        written.append(out)
    return written

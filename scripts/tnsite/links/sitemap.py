"""sitemap.xml: written from the built pages, checked against the Sitemap 0.9 schema.

The stock sitemap (static-i18n's template) lists every built page, fallback pages included,
with a `lastmod` that is only the build date. Here it lists each indexable page once (a real
translation, not `noindex`, not an error page), with the same hreflang alternates as the page's
head, and no `lastmod`/`changefreq` that would say nothing true.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from lxml import etree

from tnsite.alternates import SourceIndex
from tnsite.config import Project
from tnsite.findings import Finding, Msg
from tnsite.links.hreflang import PageAlternates, write_alternates
from tnsite.links.resolve import OK, Resolver
from tnsite.links.site import SiteScan

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
SCHEMA = Path(__file__).with_name("sitemap.xsd")


@lru_cache(maxsize=1)
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def sitemap_xml(project: Project, records: dict[str, PageAlternates]) -> bytes:
    order = {code: i for i, code in enumerate(project.codes)}
    entries = sorted(
        (r for r in records.values() if r.indexable),
        key=lambda r: (order.get(r.page.lang, 99), r.page.url),
    )
    root = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS, "xhtml": XHTML_NS})
    for record in entries:
        url = etree.SubElement(root, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = project.site_url + record.page.url
        for lang, href in record.alternates:
            etree.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=lang, href=href)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_sitemap(
    project: Project, site: Path, records: dict[str, PageAlternates] | None = None
) -> Path:
    """Replace site/sitemap.xml (and its .gz twin) with the indexable pages."""
    if records is None:
        records = write_alternates(project, site, write=False)
    data = sitemap_xml(project, records)
    target = site / "sitemap.xml"
    target.write_bytes(data)
    with gzip.GzipFile(site / "sitemap.xml.gz", "wb", mtime=0) as handle:
        handle.write(data)
    return target


def write_robots(project: Project, site: Path) -> Path:
    """robots.txt: every page may be crawled, and the sitemap is announced (crawlers look for
    it nowhere else)."""
    target = site / "robots.txt"
    target.write_text(
        "# Every page may be crawled; the sitemap lists each page with its language versions.\n"
        "User-agent: *\n"
        "Allow: /\n"
        f"Sitemap: {project.site_url}sitemap.xml\n",
        encoding="utf-8",
    )
    return target


# ---------------------------------------------------------------------------------------------
# Checks on the built site


def _where(project: Project, site: Path) -> str:
    path = site / "sitemap.xml"
    try:
        return path.relative_to(project.root).as_posix()
    except ValueError:
        return path.as_posix()


def check_sitemap(project: Project, scan: SiteScan, index: SourceIndex) -> list[Finding]:
    """Valid against the schema; every indexable page once, nothing else, same alternates."""
    where = _where(project, scan.root)
    rebuild = Msg(
        "Rebuild the site: the links plugin writes sitemap.xml from the built pages.",
        "Dựng lại trang: plugin links ghi sitemap.xml từ các trang đã dựng.",
    )

    def finding(rule: str, en: str, vi: str, line: int = 1, path: str = where) -> Finding:
        return Finding(path=path, line=line, rule=rule, message=Msg(en, vi), hint=rebuild)

    source = scan.root / "sitemap.xml"
    if not source.is_file():
        return [
            finding("sitemap-missing", "the site has no sitemap.xml", "trang thiếu sitemap.xml")
        ]
    try:
        tree = etree.parse(str(source))
    except etree.XMLSyntaxError as exc:
        return [
            finding(
                "sitemap-invalid",
                f"sitemap.xml is not well-formed XML: {exc}",
                f"sitemap.xml không phải XML hợp lệ: {exc}",
                exc.lineno or 1,
            )
        ]
    findings: list[Finding] = []
    xsd = schema()
    if not xsd.validate(tree):
        for error in list(xsd.error_log)[:10]:
            findings.append(
                finding(
                    "sitemap-invalid",
                    f"sitemap.xml does not follow the Sitemap 0.9 schema: {error.message}",
                    f"sitemap.xml không đúng lược đồ Sitemap 0.9: {error.message}",
                    error.line,
                )
            )
    resolver = Resolver(scan.files, project.site_url)
    listed: dict[str, int] = {}
    for url in tree.getroot().iterfind(f"{{{SITEMAP_NS}}}url"):
        loc_el = url.find(f"{{{SITEMAP_NS}}}loc")
        loc = (loc_el.text or "").strip() if loc_el is not None else ""
        line = loc_el.sourceline if loc_el is not None else url.sourceline
        if resolver.own_path(loc) is None:
            findings.append(
                finding(
                    "sitemap-foreign-url",
                    f"sitemap.xml lists {loc}, which is not under site_url {project.site_url}",
                    f"sitemap.xml liệt kê {loc}, không thuộc site_url {project.site_url}",
                    line,
                )
            )
            continue
        target = resolver.resolve("", loc)
        if target.status != OK or target.path not in scan.pages:
            findings.append(
                finding(
                    "sitemap-unknown-page",
                    f"sitemap.xml lists {loc}, but the site has no such page",
                    f"sitemap.xml liệt kê {loc}, nhưng trang này không tồn tại",
                    line,
                )
            )
            continue
        page = scan.pages[target.path]
        built = index.locate(target.path)
        if target.path in listed:
            findings.append(
                finding(
                    "sitemap-duplicate",
                    f"sitemap.xml lists {loc} more than once (first on line {listed[target.path]})",
                    f"sitemap.xml liệt kê {loc} nhiều lần (lần đầu ở dòng {listed[target.path]})",
                    line,
                )
            )
            continue
        listed[target.path] = line or 1
        if page.noindex or built.is_fallback or built.md is None:
            why = "is noindex" if page.noindex else "is not a real translation"
            why_vi = "có noindex" if page.noindex else "không phải bản dịch thật"
            findings.append(
                finding(
                    "sitemap-noindex",
                    f"sitemap.xml lists {loc}, which {why}",
                    f"sitemap.xml liệt kê {loc}, trang này {why_vi}",
                    line,
                )
            )
        in_sitemap: dict[str, str] = {}
        for link in url.iterfind(f"{{{XHTML_NS}}}link"):
            if link.get("rel") != "alternate" or not link.get("hreflang") or not link.get("href"):
                findings.append(
                    finding(
                        "sitemap-invalid",
                        "xhtml:link in sitemap.xml needs rel=alternate, hreflang and href",
                        "xhtml:link trong sitemap.xml cần rel=alternate, hreflang và href",
                        link.sourceline or line,
                    )
                )
                continue
            alt = resolver.resolve("", link.get("href", ""))
            in_sitemap[link.get("hreflang", "")] = alt.path if alt.status == OK else "?"
        in_head = {}
        for lang, href in page.alternates:
            alt = resolver.resolve(target.path, href)
            in_head[lang] = alt.path if alt.status == OK else "?"
        if in_sitemap != in_head:
            findings.append(
                finding(
                    "sitemap-alternates",
                    f"the alternates of {loc} in sitemap.xml differ from the page's hreflang "
                    f"links ({sorted(in_sitemap)} vs {sorted(in_head)})",
                    f"các liên kết thay thế của {loc} trong sitemap.xml khác với hreflang của "
                    f"trang ({sorted(in_sitemap)} và {sorted(in_head)})",
                    line,
                )
            )
    for path in sorted(scan.pages):
        built = index.locate(path)
        if built.md is None or built.is_fallback or scan.pages[path].noindex:
            continue
        if path not in listed:
            findings.append(
                Finding(
                    path=built.source or path,
                    line=1,
                    rule="sitemap-missing-page",
                    message=Msg(
                        f"page {project.site_url}{built.url} is not in sitemap.xml",
                        f"trang {project.site_url}{built.url} không có trong sitemap.xml",
                    ),
                    hint=rebuild,
                )
            )
    return findings

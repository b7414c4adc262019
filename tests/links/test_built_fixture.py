"""The link, hreflang and sitemap checks on one small trilingual fixture site (built once), and
on copies of it broken in the ways each rule exists to catch."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from lxml import etree

from tests.links.fixture import PNG, build, line_of, make_project, page
from tnsite.alternates import SourceIndex, is_noindex
from tnsite.config import Project, load_project
from tnsite.links.checks import check_links
from tnsite.links.hreflang import check_hreflang, write_alternates
from tnsite.links.site import scan_site
from tnsite.links.sitemap import SITEMAP_NS, XHTML_NS, check_sitemap, schema, write_sitemap

SITE_URL = "https://tayninh.github.io/"
pytestmark = pytest.mark.xdist_group("links-fixture")  # one build of the fixture per run


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    files: dict[str, str | bytes] = {"vi/images/anh.png": PNG}
    for lang in ("vi", "en", "km"):
        up = "" if lang == "vi" else "../"  # raw HTML is not rewritten: climb to the root
        files[f"{lang}/index.md"] = page(
            f"Home {lang}",
            f"""
            [A](a.md) · [A, section](a.md#muc) · [B](b.md)

            ![photo](images/anh.png)

            <img src="{up}images/anh.png" srcset="{up}images/anh.png 2x" alt="">
            """,
        )
        files[f"{lang}/a.md"] = page(f"A {lang}", "Text.\n\n## Section {#muc}\n\nMore.")
    files["vi/b.md"] = page("B", "Only in Vietnamese.")
    files["km/a.md"] = page(
        "A km",
        f"""
        Text. [ភាសាវៀតណាម]({SITE_URL}a/){{hreflang=vi}}

        ## Section {{#muc}}
        """,
    )
    project = make_project(tmp_path_factory.mktemp("links") / "p", files)
    build(project)
    return project


def copy_site(project: Project, tmp_path: Path) -> tuple[Project, Path]:
    """A copy of the fixture project and its built site, to break without a rebuild."""
    root = tmp_path / "p"
    shutil.copytree(project.root, root)
    copy = load_project(root)
    return copy, copy.site_dir


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_clean_fixture_passes_every_link_rule(fixture_site: Project) -> None:
    assert check_links(fixture_site) == []


def test_language_links_are_not_cross_language(fixture_site: Project) -> None:
    """The language switcher, the hreflang alternates and a link marked {hreflang=vi} lead into
    other languages on purpose; the fallback pages of b.md are in their build's tree."""
    scan = scan_site(fixture_site.site_dir, fixture_site)
    assert all(not page.issues for page in scan.pages.values())
    km = (fixture_site.site_dir / "km/a/index.html").read_text(encoding="utf-8")
    assert 'hreflang="vi"' in km and 'class="md-select__link"' in km


def test_alternates_list_real_translations_and_x_default(fixture_site: Project) -> None:
    scan = scan_site(fixture_site.site_dir, fixture_site)
    home = dict(scan.pages["km/index.html"].alternates)
    assert home == {
        "vi": SITE_URL,
        "en": SITE_URL + "en/",
        "km": SITE_URL + "km/",
        "x-default": SITE_URL,
    }
    assert scan.pages["b/index.html"].alternates == []  # no translation: no group
    assert scan.pages["km/b/index.html"].alternates == []  # built by fallback


def test_sitemap_is_valid_and_lists_each_real_page_once(fixture_site: Project) -> None:
    site = fixture_site.site_dir
    tree = etree.parse(str(site / "sitemap.xml"))
    assert schema().validate(tree), schema().error_log
    locs = [el.text for el in tree.iter(f"{{{SITEMAP_NS}}}loc")]
    assert sorted(locs) == sorted(
        SITE_URL + path for path in ("", "a/", "b/", "en/", "en/a/", "km/", "km/a/")
    )
    first = tree.find(f"{{{SITEMAP_NS}}}url")
    assert [link.get("hreflang") for link in first.iter(f"{{{XHTML_NS}}}link")] == [
        "vi",
        "en",
        "km",
        "x-default",
    ]
    assert (
        gzip.decompress((site / "sitemap.xml.gz").read_bytes())
        == (site / "sitemap.xml").read_bytes()
    )


def test_fallback_pages_are_not_real_translations(fixture_site: Project) -> None:
    index = SourceIndex(fixture_site)
    fallback = index.locate("km/b/index.html")
    assert fallback.is_fallback and fallback.source == "docs/vi/b.md"
    assert index.real_languages("b.md") == ("vi",)
    assert index.real_languages("a.md") == ("vi", "en", "km")
    assert not index.locate("km/a/index.html").is_fallback


def test_broken_theme_link_is_reported_once_at_mkdocs_yml(
    fixture_site: Project, tmp_path: Path
) -> None:
    project, site = copy_site(fixture_site, tmp_path)
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        html.write_text(text.replace("assets/images/favicon.png", "assets/images/gone.png"))
    findings = [f for f in check_links(project) if f.rule == "missing-asset"]
    assert len(findings) == 1
    assert findings[0].path in ("mkdocs.yml",) or findings[0].path.startswith("overrides/")
    assert len(findings[0].extra["pages"]) > 5


def test_css_url_is_reported_at_the_stylesheet_line(fixture_site: Project, tmp_path: Path) -> None:
    project, site = copy_site(fixture_site, tmp_path)
    css = project.docs_dir / "vi" / "extra.css"
    css.write_text("body {}\n.x { background: url(images/nope.png) }\n", encoding="utf-8")
    (site / "extra.css").write_text(css.read_text(encoding="utf-8"), encoding="utf-8")
    findings = check_links(project)
    assert [(f.path, f.line, f.rule) for f in findings] == [
        ("docs/vi/extra.css", 2, "missing-asset")
    ]


def test_srcset_entry_is_checked(fixture_site: Project, tmp_path: Path) -> None:
    project, site = copy_site(fixture_site, tmp_path)
    edit(site / "en/index.html", "anh.png 2x", "anh-2x.png 2x")
    edit(project.docs_dir / "en/index.md", "anh.png 2x", "anh-2x.png 2x")
    findings = check_links(project)
    assert [(f.path, f.line, f.rule) for f in findings] == [
        ("docs/en/index.md", line_of(project, "en/index.md", "srcset"), "missing-asset")
    ]


def _strip_alternate(site: Path, rel: str, lang: str) -> None:
    path = site / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    kept = [x for x in lines if not ('rel="alternate"' in x and f'hreflang="{lang}"' in x)]
    path.write_text("\n".join(kept), encoding="utf-8")


def test_hreflang_rules_fire(fixture_site: Project, tmp_path: Path) -> None:
    project, site = copy_site(fixture_site, tmp_path)
    _strip_alternate(site, "en/a/index.html", "x-default")
    _strip_alternate(site, "km/index.html", "en")
    index = SourceIndex(project)
    found = {(f.path, f.rule) for f in check_hreflang(project, scan_site(site, project), index)}
    assert ("docs/en/a.md", "hreflang-x-default") in found
    assert ("docs/km/index.md", "hreflang-missing") in found
    assert ("docs/en/index.md", "hreflang-not-reciprocal") in found  # en lists km; km not en
    assert ("docs/vi/a.md", "hreflang-not-reciprocal") in found


def test_hreflang_to_a_noindex_page_fires(fixture_site: Project, tmp_path: Path) -> None:
    project, site = copy_site(fixture_site, tmp_path)
    target = site / "km/a/index.html"
    text = target.read_text(encoding="utf-8")
    target.write_text(
        text.replace("<head>", '<head>\n<meta name="robots" content="noindex">', 1),
        encoding="utf-8",
    )
    assert is_noindex(target.read_text(encoding="utf-8"))
    scan = scan_site(site, project)
    index = SourceIndex(project)
    rules = {(f.path, f.rule) for f in check_hreflang(project, scan, index)}
    assert ("docs/vi/a.md", "hreflang-fallback") in rules
    sitemap = {(f.rule) for f in check_sitemap(project, scan, index)}
    assert "sitemap-noindex" in sitemap


def test_sitemap_rules_fire(fixture_site: Project, tmp_path: Path) -> None:
    project, site = copy_site(fixture_site, tmp_path)
    tree = etree.parse(str(site / "sitemap.xml"))
    root = tree.getroot()
    urls = root.findall(f"{{{SITEMAP_NS}}}url")
    root.remove(urls[1])  # a page goes missing
    root.append(etree.fromstring(etree.tostring(urls[0])))  # another is listed twice
    extra = etree.SubElement(root, f"{{{SITEMAP_NS}}}url")
    etree.SubElement(extra, f"{{{SITEMAP_NS}}}loc").text = SITE_URL + "km/b/"  # fallback
    bad = etree.SubElement(root, f"{{{SITEMAP_NS}}}url")
    etree.SubElement(bad, f"{{{SITEMAP_NS}}}priority").text = "2"  # no loc, bad priority
    tree.write(str(site / "sitemap.xml"), xml_declaration=True, encoding="UTF-8")
    index = SourceIndex(project)
    rules = {f.rule for f in check_sitemap(project, scan_site(site, project), index)}
    assert rules >= {
        "sitemap-missing-page",
        "sitemap-duplicate",
        "sitemap-noindex",
        "sitemap-invalid",
    }


def test_stock_output_would_fail_and_ours_passes(fixture_site: Project, tmp_path: Path) -> None:
    """The stock theme's alternates (every language, relative, no x-default) offer fallback
    pages: the checks must say so."""
    project, site = copy_site(fixture_site, tmp_path)
    stock = (
        '<link rel="alternate" href="./" hreflang="vi">\n'
        '<link rel="alternate" href="../en/b/" hreflang="en">\n'
        '<link rel="alternate" href="../km/b/" hreflang="km">\n'
    )
    edit(site / "b/index.html", "</head>", stock + "</head>")
    index = SourceIndex(project)
    rules = {f.rule for f in check_hreflang(project, scan_site(site, project), index)}
    assert {"hreflang-x-default", "hreflang-fallback"} <= rules


def test_writer_leaves_noindex_translations_out(fixture_site: Project, tmp_path: Path) -> None:
    """A translation kept out of search engines (noindex) leaves its group; the group stays
    reciprocal and the sitemap drops it."""
    project, site = copy_site(fixture_site, tmp_path)
    edit(site / "km/a/index.html", "<head>", '<head>\n<meta name="robots" content="noindex">')
    write_sitemap(project, site, write_alternates(project, site))
    scan = scan_site(site, project)
    assert dict(scan.pages["en/a/index.html"].alternates) == {
        "vi": SITE_URL + "a/",
        "en": SITE_URL + "en/a/",
        "x-default": SITE_URL + "a/",
    }
    assert scan.pages["km/a/index.html"].alternates == []
    assert check_links(project) == []

"""URL resolution, HTML and CSS scanning, and reading link destinations out of Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from tnsite.config import Project
from tnsite.links.resolve import EXTERNAL, MISSING, OK, SKIPPED, Resolver
from tnsite.links.scan import ASSET, LINK, css_urls, scan_html, srcset_urls
from tnsite.links.sourcemap import markdown_links
from tnsite.urls import md_link_for

FILES = frozenset(
    {"index.html", "a/index.html", "a/p/index.html", "img/x.png", "km/index.html", "f.pdf"}
)
R = Resolver(FILES, "https://t.test/")


def test_resolver_follows_static_hosting_rules() -> None:
    assert R.resolve("a/p/index.html", "../../img/x.png") == (OK, "img/x.png", None)
    assert R.resolve("a/p/index.html", "../") == (OK, "a/index.html", None)
    assert R.resolve("a/p/index.html", "./#s") == (OK, "a/p/index.html", "s")
    assert R.resolve("index.html", "a") == (OK, "a/index.html", None)  # folder without slash
    assert R.resolve("index.html", "a/p/?q=1#z") == (OK, "a/p/index.html", "z")
    assert R.resolve("index.html", "/km/") == (OK, "km/index.html", None)
    assert R.resolve("index.html", "f%2Epdf") == (OK, "f.pdf", None)
    assert R.resolve("index.html", "#") == (OK, "index.html", "")


def test_resolver_reports_missing_and_escapes() -> None:
    assert R.resolve("index.html", "b.png").status == MISSING
    assert R.resolve("a/p/index.html", "../../../x").status == MISSING
    assert R.resolve("a/index.html", "nope/").path == "a/nope/index.html"


def test_own_absolute_urls_are_internal_others_external() -> None:
    assert R.resolve("km/index.html", "https://t.test/a/#k") == (OK, "a/index.html", "k")
    assert R.resolve("index.html", "http://t.test/a/p/").status == OK
    assert R.resolve("index.html", "https://t.test/gone/").status == MISSING
    assert R.resolve("index.html", "https://other.test/").status == EXTERNAL
    assert R.resolve("index.html", "//other.test/x").status == EXTERNAL
    project_site = Resolver(FILES, "https://user.github.io/Repo/")
    assert project_site.resolve("index.html", "HTTPS://User.GitHub.io/Repo/a/") == (
        OK,
        "a/index.html",
        None,
    )
    assert project_site.resolve("index.html", "https://user.github.io/Repo").path == "index.html"
    assert project_site.resolve("index.html", "https://user.github.io/other/").status == EXTERNAL
    assert project_site.resolve("a/index.html", "/Repo/img/x.png").path == "img/x.png"
    assert project_site.resolve("a/index.html", "/elsewhere/").status == MISSING
    for url in ("mailto:a@b.c", "tel:+84", "data:image/png;base64,xx", "javascript:void(0)"):
        assert R.resolve("index.html", url).status == SKIPPED


def test_srcset_and_css_urls() -> None:
    assert srcset_urls("a.png 1x, b.png 2x") == ["a.png", "b.png"]
    assert srcset_urls("a.png, b.png 480w,c.png") == ["a.png", "b.png", "c.png"]
    assert srcset_urls(" x,y.png 2x") == ["x,y.png"] or srcset_urls(" x,y.png 2x") == [
        "x",
        "y.png",
    ]
    css = 'a{background:url(a.png)}\n@import "b.css";\nb{x:url("c d.png")}\nc{x:url(data:x)}'
    assert list(css_urls(css)) == [(1, "a.png"), (2, "b.css"), (3, "c d.png")]


HTML = """<!doctype html><html lang="km"><head>
<link rel="canonical" href="https://t.test/km/">
<link rel="alternate" href="https://t.test/" hreflang="vi">
<link rel="alternate" type="application/atom+xml" href="feed.xml">
<link rel="stylesheet" href="s.css"><link rel="preconnect" href="https://x.test">
<meta name="robots" content="noindex,follow">
<meta property="og:image" content="https://t.test/card.png">
<style>body{background:url(bg.png)}</style>
</head><body>
<nav><a href="../" id="top-nav">up</a><a href="../" hreflang="vi">Tiếng Việt</a></nav>
<article><h1 id="t">T</h1><a name="old"></a><p><a href="a/#s">a</a>
<img src="i.png" srcset="i.png 1x, j.png 2x"><video poster="p.jpg" src="v.mp4"></video>
<div style="background: url('k.png')"></div><iframe src="map/"></iframe></p></article>
</body></html>"""


def test_scan_collects_ids_refs_and_head_metadata() -> None:
    page = scan_html("km/index.html", HTML)
    assert page.ids == {"top-nav", "t", "old"}
    assert page.html_lang == "km" and page.noindex
    assert page.canonical == "https://t.test/km/"
    assert page.alternates == [("vi", "https://t.test/")]
    refs = {(r.url, r.kind, r.attr, r.in_content, r.hreflang) for r in page.refs}
    assert ("../", LINK, "href", False, "vi") in refs
    assert ("a/#s", LINK, "href", True, None) in refs
    assert ("feed.xml", ASSET, "href", False, None) in refs
    assert ("s.css", ASSET, "href", False, None) in refs
    assert ("https://t.test/card.png", ASSET, "content", False, None) in refs
    assert ("bg.png", ASSET, "url", False, None) in refs
    for url, attr in (("j.png", "srcset"), ("p.jpg", "poster"), ("v.mp4", "src")):
        assert (url, ASSET, attr, True, None) in refs
    assert ("k.png", ASSET, "style", True, None) in refs
    assert ("map/", LINK, "src", True, None) in refs
    assert not any(r.url == "https://x.test" for r in page.refs)  # preconnect is no link


MARKDOWN = """---
title: "[not](a link.md)"
---
# Title

Text [a](a.md#s "title") and ![i](img/x.png) and `[code](no.md)`.

```markdown
[fenced](no.md)
```

[ref]: <b.md> "B"
<https://example.test/x>
<img src="c.png" srcset="c.png 1x, d.png 2x"> <a href='e/'>e</a>
<div style="background:url(f.png)"></div>
    [indented, in an admonition](g.md)
"""


def test_markdown_links_with_lines_and_columns() -> None:
    found = [(link.line, link.dest) for link in markdown_links(MARKDOWN)]
    assert found == [
        (6, "a.md#s"),
        (6, "img/x.png"),
        (12, "b.md"),
        (13, "https://example.test/x"),
        (14, "c.png"),
        (14, "e/"),
        (14, "c.png"),
        (14, "d.png"),
        (15, "f.png"),
        (16, "g.md"),
    ]
    first = markdown_links(MARKDOWN)[0]
    assert MARKDOWN.split("\n")[first.line - 1][first.col - 1 :].startswith("a.md")


def test_a_page_scanned_again_sees_that_its_target_is_gone(
    project: Project, tmp_path: Path
) -> None:
    """An unchanged page is classified once per site file set, not once per page text: the
    page linking to a deleted page is reported on the next scan although its HTML is the same."""
    from tnsite.links.site import scan_site

    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "b").mkdir()
    (site / "a" / "index.html").write_text(
        '<!doctype html><html lang="vi"><body><a href="../b/">B</a></body></html>',
        encoding="utf-8",
    )
    (site / "b" / "index.html").write_text(
        '<!doctype html><html lang="vi"><body>B</body></html>', encoding="utf-8"
    )
    assert scan_site(site, project, workers=1).pages["a/index.html"].issues == []
    (site / "b" / "index.html").unlink()
    (site / "b").rmdir()
    issues = scan_site(site, project, workers=1).pages["a/index.html"].issues
    assert [(rule, target) for rule, _, target in issues] == [("broken-link", "b/index.html")]


@pytest.mark.parametrize(
    ("url", "meant"),
    [
        ("le-hoi", "le-hoi.md"),  # the file's name without .md
        ("le-hoi/#hoi-xuan", "le-hoi.md#hoi-xuan"),
        ("../le-hoi/", "le-hoi.md"),  # copied from the browser: relative to the page's address
        ("/du-lich/le-hoi/", "le-hoi.md"),  # from the site's root
        ("../../dau-tu/", "../dau-tu/index.md"),
        ("/", "../index.md"),
        ("khong-co", None),
        ("le-hoi.md", None),  # already a file: the broken-link hint says the rest
        ("le-hoi.html", "le-hoi.md"),  # the built file's name
        ("le-hoi.MD", "le-hoi.md"),
        ("docs/vi/du-lich/le-hoi.md", "le-hoi.md"),  # the project's path, from a file browser
        ("/home/lan/site/docs/vi/dau-tu/index.md#x", "../dau-tu/index.md#x"),
        ("https://example.org/le-hoi", None),
    ],
)
def test_the_page_file_an_address_names(url: str, meant: str | None) -> None:
    files = {"docs/vi/index.md", "docs/vi/du-lich/le-hoi.md", "docs/vi/dau-tu/index.md"}
    assert md_link_for(url, "docs/vi/du-lich/nui-ba-den.md", files.__contains__) == meant

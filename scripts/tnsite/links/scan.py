"""Read a built page once: the ids it offers and every URL it uses.

One lexbor parse per page (selectolax), one CSS selector run for all URL-bearing attributes,
and a second one limited to the page's content area (`<article>`) to tell the links written in
Markdown from the theme's. Stylesheets are read with a regular expression for `url()` and
`@import`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser

from tnsite.urls import css_urls, srcset_urls

# Elements whose URL is a page (navigation); every other URL is an asset the page loads.
LINK, ASSET = "link", "asset"
PAGE_RELS = {"canonical", "alternate", "prev", "next", "up", "home", "first", "last"}
SELECTOR = "[href],[src],[srcset],[poster],object[data],[style],meta[content],style,[id],a[name]"
CONTENT = "article"
REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.I)
META_ASSETS = {"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "og:audio"}


class Ref(NamedTuple):
    """One URL used by a page, as written in the HTML (a tuple: made ~50,000 times a run)."""

    url: str
    kind: str  # LINK or ASSET
    tag: str
    attr: str
    in_content: bool = False
    hreflang: str | None = None  # set on language links (switcher, alternates, {hreflang=..})
    line: int = 0  # in the file scanned (stylesheets); 0 for HTML


@dataclass
class PageScan:
    path: str  # site-relative, e.g. "km/dau-tu/index.html"
    ids: frozenset[str] = frozenset()
    refs: list[Ref] = field(default_factory=list)
    html_lang: str | None = None
    noindex: bool = False
    canonical: str | None = None
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (hreflang, href) in head
    # Filled by tnsite.links.classify (the refs are dropped then, to keep results small):
    issues: list[tuple[str, Ref, str]] = field(default_factory=list)  # (rule, ref, target path)
    anchors: list[tuple[Ref, str, str]] = field(default_factory=list)  # (ref, page, fragment)
    externals: list[Ref] = field(default_factory=list)


def _refs_of(node, in_content: bool) -> list[Ref]:  # type: ignore[no-untyped-def]
    attrs = node.attributes
    tag = node.tag
    refs: list[Ref] = []
    hreflang = attrs.get("hreflang")
    href = attrs.get("href")
    if href is not None:
        if tag in ("a", "area"):
            refs.append(Ref(href, LINK, tag, "href", in_content, hreflang))
        elif tag == "link":
            rels = set((attrs.get("rel") or "").lower().split())
            kind = LINK if rels & PAGE_RELS and not rels & {"icon", "stylesheet"} else ASSET
            if "alternate" in rels and attrs.get("type"):
                kind = ASSET  # feeds: files, not pages
            if rels & {"preconnect", "dns-prefetch"}:
                kind = ""
            if kind:
                refs.append(Ref(href, kind, tag, "href", in_content, hreflang))
        elif tag == "base":
            pass
        else:
            refs.append(Ref(href, ASSET, tag, "href", in_content, hreflang))
    for attr in ("src", "poster"):
        value = attrs.get(attr)
        if value is not None:
            kind = LINK if tag in ("iframe", "frame") else ASSET
            refs.append(Ref(value, kind, tag, attr, in_content))
    srcset = attrs.get("srcset")
    if srcset:
        refs.extend(Ref(u, ASSET, tag, "srcset", in_content) for u in srcset_urls(srcset))
    if tag == "object" and attrs.get("data"):
        refs.append(Ref(attrs["data"] or "", ASSET, tag, "data", in_content))
    style = attrs.get("style")
    if style and "url(" in style:
        refs.extend(Ref(u, ASSET, tag, "style", in_content) for _, u in css_urls(style))
    if tag == "meta":
        prop = (attrs.get("property") or attrs.get("name") or "").lower()
        content = attrs.get("content") or ""
        if prop in META_ASSETS and content:
            refs.append(Ref(content, ASSET, tag, "content", in_content))
        elif (attrs.get("http-equiv") or "").lower() == "refresh":
            match = REFRESH_URL.search(content)
            if match:
                refs.append(Ref(match.group(1).strip(), LINK, tag, "content", in_content))
    return refs


def scan_html(path: str, text: str) -> PageScan:
    tree = LexborHTMLParser(text)
    page = PageScan(path)
    ids: set[str] = set()
    content_nodes: set[int] = set()
    article = tree.css_first(CONTENT)
    if article is not None:
        content_nodes = {node.mem_id for node in article.css(SELECTOR)}
    for node in tree.css(SELECTOR):
        tag = node.tag
        if tag == "style":
            text_css = node.text(deep=True) or ""
            in_content = node.mem_id in content_nodes
            page.refs.extend(Ref(u, ASSET, tag, "url", in_content) for _, u in css_urls(text_css))
            continue
        attrs = node.attributes
        ident = attrs.get("id")
        if ident:
            ids.add(ident)
        if tag == "a" and attrs.get("name"):
            ids.add(attrs["name"] or "")
        if tag == "meta" and (attrs.get("name") or "").lower() == "robots":
            page.noindex = "noindex" in (attrs.get("content") or "").lower()
        refs = _refs_of(node, node.mem_id in content_nodes)
        for ref in refs:
            if ref.tag == "link" and ref.hreflang is not None:
                page.alternates.append((ref.hreflang, ref.url))
            elif ref.tag == "link" and ref.kind == LINK and ref.url and ref.attr == "href":
                rels = (attrs.get("rel") or "").lower().split()
                if "canonical" in rels:
                    page.canonical = ref.url
        page.refs.extend(refs)
    html = tree.css_first("html")
    page.html_lang = html.attributes.get("lang") if html is not None else None
    page.ids = frozenset(ids)
    return page


def list_files(root: Path) -> frozenset[str]:
    """Every file of the built site, site-relative with forward slashes."""
    out: list[str] = []
    base = str(root)
    cut = len(base) + 1
    for folder, _dirs, names in os.walk(base):
        rel = folder[cut:].replace(os.sep, "/")
        prefix = rel + "/" if rel else ""
        out.extend(prefix + name for name in names)
    return frozenset(out)

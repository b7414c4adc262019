"""Where a Markdown page ends up in the built site (use_directory_urls: true)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from urllib.parse import unquote, urlsplit

# An address of another site written without its scheme (www.x.vn, dichvucong.tayninh.gov.vn).
DOMAIN = re.compile(
    r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|org|net|gov|edu|int|info|asia|kh|cn|io)"
    r"(?:[/?#]|$)",
    re.I,
)
CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')]*?)\1\s*\)|@import\s+["']([^"']+)["']""")


def page_url(md_path: str) -> str:
    """'du-lich/le-hoi.md' → 'du-lich/le-hoi/'; 'du-lich/index.md' → 'du-lich/'; 'index.md' → ''."""
    stem = md_path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def address_key(url: str) -> str:
    """Addresses that reach the same page compare equal ('x/index.html', 'x', 'x/')."""
    url = url.removesuffix("index.html")
    return url if not url or url.endswith("/") else url + "/"


def relative_link(target_md: str, page_src_uri: str, languages: tuple[str, ...]) -> str:
    """A Markdown link from a page to another page of the same language tree.

    With the folder layout a page's src_uri starts with its language folder ("km/index.md");
    `target_md` is relative to that language folder ("tin-tuc/x.md").
    """
    shared = in_language_tree(page_src_uri, languages)
    root = page_src_uri[: len(page_src_uri) - len(shared)]
    return posixpath.relpath(root + target_md, posixpath.dirname(page_src_uri) or ".")


def relative_href(target_url: str, page_url_: str) -> str:
    """A link between two built URLs ("km/events.ics" from "km/su-kien/")."""
    base = page_url_ if page_url_.endswith("/") else posixpath.dirname(page_url_) + "/"
    return posixpath.relpath(target_url or ".", base.rstrip("/") or ".") + (
        "/" if target_url.endswith("/") and target_url else ""
    )


def in_language_tree(src_uri: str, languages: tuple[str, ...]) -> str:
    """'km/du-lich/le-hoi.md' → 'du-lich/le-hoi.md': the path every language shares."""
    head, _, rest = src_uri.partition("/")
    return rest if head in languages and rest else src_uri


def srcset_urls(value: str) -> list[str]:
    """URLs of a srcset attribute ("a.png 1x, b.png 2x" → ["a.png", "b.png"])."""
    urls: list[str] = []
    pos, size = 0, len(value)
    while pos < size:
        while pos < size and (value[pos].isspace() or value[pos] == ","):
            pos += 1
        start = pos
        while pos < size and not value[pos].isspace():
            pos += 1
        url = value[start:pos]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            while pos < size and value[pos] != ",":
                pos += 1
        if url:
            urls.append(url)
    return urls


def css_urls(text: str) -> Iterable[tuple[int, str]]:
    """(line, url) of every `url()` and `@import` in a stylesheet or style attribute."""
    for match in CSS_URL.finditer(text):
        url = match.group(2) if match.group(3) is None else match.group(3)
        if url and not url.startswith("data:"):
            yield text.count("\n", 0, match.start()) + 1, url.strip()


def md_link_for(url: str, origin: str, exists: Callable[[str], bool]) -> str | None:
    """The relative `.md` link an editor meant by an address written in the Markdown file
    `origin` (docs/vi/du-lich/nui-ba-den.md): `le-hoi`, `../le-hoi/` copied from the browser, or
    `/du-lich/le-hoi/` from the site's root, `le-hoi.html`, `le-hoi.MD` or the project's
    path `docs/vi/du-lich/le-hoi.md`. The page file it names, read from the file's folder
    and then from the page's address (where the browser resolves it), when `exists` finds one;
    None for a `.md` link, another site's address, or no such page."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    folder = posixpath.dirname(origin)
    lang_root = "/".join(origin.split("/")[:2])  # docs/vi
    from_project = path.startswith(lang_root + "/") or f"/{lang_root}/" in path
    if parts.scheme or parts.netloc or not path or (path.endswith(".md") and not from_project):
        return None
    # `le-hoi.html` (the built file's name), `le-hoi.MD` (a file name in capitals) and
    # `docs/vi/du-lich/le-hoi.md` (the project's path, copied from a file browser).
    if path.lower().endswith((".html", ".htm", ".md")):
        path = path[: path.rindex(".")]
    docs, _, inside = path.partition(lang_root + "/")
    if inside and (not docs or docs.endswith("/")):
        path = "/" + inside
    address = origin.removesuffix(".md").removesuffix("/index")  # where the page is served
    starts = [lang_root] if path.startswith("/") else [folder, address]
    for start in starts:
        stem = posixpath.normpath(posixpath.join(start, path.strip("/") or "."))
        for candidate in (stem + ".md", stem + "/index.md"):
            if candidate.startswith(lang_root + "/") and exists(candidate):
                link = posixpath.relpath(candidate, folder)
                return link + (f"#{parts.fragment}" if parts.fragment else "")
    return None

"""Images as editors wrote them in Markdown, with their line and column, for the source checks.

Three forms: `![alt](path){ .decorative }` (attr_list), raw `<img …>` tags, and the
`{{ photo name }}` directive. Code blocks and code spans are skipped: an image shown as an
example is not an image of the page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from tnsite.images.markup import IMG, is_decorative, parse_tag
from tnsite.mdsource import Source

MD_IMAGE = re.compile(
    r"!\[(?P<alt>(?:[^\]\\]|\\.)*)\]"
    r"(?:\((?P<src><[^>]*>|[^)\s]+)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)|\[(?P<ref>[^\]]*)\])"
    r"(?P<attrs>\{[^}]*\})?"
)
REFERENCE = re.compile(r"^\s{0,3}\[(?P<ref>[^\]]+)\]:\s*(?P<src><[^>]*>|\S+)", re.M)
ATTR_DECORATIVE = re.compile(
    r"(^|\s)\.decorative\b|role\s*=\s*[\"']?(presentation|none)\b|aria-hidden\s*=\s*[\"']?true\b"
)


@dataclass(frozen=True)
class ImageRef:
    line: int
    col: int
    kind: str  # "markdown" | "html" | "photo"
    src: str  # as written ("" for a photo directive)
    alt: str
    decorative: bool
    photo: str = ""  # the directive's photo name


def scan_markdown(text: str) -> Iterator[ImageRef]:
    source = Source.of(text)
    references = {
        m["ref"].strip().lower(): m["src"].strip("<>") for m in REFERENCE.finditer(source.masked)
    }
    photos = {d.line: d for d in source.directives_of("photo")}
    for number, line in source.prose_lines():
        for match in MD_IMAGE.finditer(line):
            src = (match["src"] or "").strip("<>")
            if match["ref"] is not None:
                src = references.get((match["ref"] or match["alt"]).strip().lower(), "")
            attrs = match["attrs"] or ""
            yield ImageRef(
                number,
                match.start() + 1,
                "markdown",
                src,
                match["alt"].strip(),
                bool(ATTR_DECORATIVE.search(attrs)),
            )
        for match in IMG.finditer(line):
            attrs = parse_tag(match.group(0))
            yield ImageRef(
                number,
                match.start() + 1,
                "html",
                attrs.get("src") or "",
                (attrs.get("alt") or "").strip(),
                is_decorative(attrs),
            )
        directive = photos.get(number)
        if directive is not None:
            yield ImageRef(
                number, directive.col, "photo", "", "", False, photo=directive.target or ""
            )


def site_path(src: str, page_src_uri: str) -> str | None:
    """Where a relative image path in a page (src_uri like 'vi/du-lich/x.md') points."""
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page_src_uri), unquote(parts.path)))
    return None if path.startswith("..") else path

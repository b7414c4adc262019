"""What a page's Markdown may carry besides text: an allowlist of HTML elements and
attributes, and link destinations that cannot run code.

Markdown passes raw HTML through, and attribute lists (`{ … }`) add attributes to the elements
they follow, so a page body could carry a `<script>`, an `onerror=` handler or a `javascript:`
link into every visitor's browser. The web editor lets more people write pages; what they write
is checked here, at the line they wrote it, before it is built.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

from tnsite.mdsource import Source
from tnsite.memo import ContentMemo

ELEMENTS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "data",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "picture",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "source",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
        "wbr",
    }
)
GLOBAL_ATTRIBUTES = frozenset(
    {"class", "id", "title", "lang", "dir", "role", "markdown", "hidden", "translate"}
)
ELEMENT_ATTRIBUTES = {
    "a": {"href", "hreflang", "rel", "type", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "type", "media", "sizes"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "time": {"datetime"},
    "data": {"value"},
    "details": {"open"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
}
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "cite"})
# Schemes that run code or carry a whole document in the link itself.
FORBIDDEN_SCHEMES = ("javascript:", "vbscript:", "data:")
ATTR_LIST = re.compile(r"(?<!\{)\{:?[ \t]*([^{}\n]*?)[ \t]*\}(?!\})")
ATTR_PAIR = re.compile(r"""([^\s=]+)\s*=\s*("[^"]*"|'[^']*'|\S+)""")


@dataclass(frozen=True)
class Unsafe:
    """One thing a page may not carry: `kind` is element | attribute | handler | style | url."""

    line: int
    col: int
    kind: str
    name: str  # the element, attribute or URL as written
    element: str = ""


def is_forbidden_url(value: str) -> bool:
    """`javascript:`, `vbscript:` and `data:` URLs, however they are spaced or cased."""
    squeezed = re.sub(r"[\x00-\x20]+", "", value).lower()
    return squeezed.startswith(FORBIDDEN_SCHEMES)


def attribute_problem(element: str, name: str, value: str | None) -> str | None:
    """The kind of problem an attribute is, or None when it may stay."""
    name = name.lower()
    if name.startswith("on"):
        return "handler"
    if name == "style":
        return "style"
    if name in URL_ATTRIBUTES and value and any(is_forbidden_url(u) for u in value.split(",")):
        return "url"
    if name in GLOBAL_ATTRIBUTES or name in ELEMENT_ATTRIBUTES.get(element, ()):
        return None
    if name.startswith("aria-") or (name.startswith("data-") and not name.startswith("data-md")):
        return None
    return "attribute"


class _Tags(HTMLParser):
    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.found: list[Unsafe] = []

    def _where(self) -> tuple[int, int]:
        line, offset = self.getpos()
        return self.first_line + line - 1, offset + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if ":" in tag or "@" in tag:  # <https://…> and <name@host>: Markdown autolinks
            return
        line, col = self._where()
        if tag not in ELEMENTS:
            self.found.append(Unsafe(line, col, "element", tag))
            return  # the element is the cause: its attributes go with it
        for name, value in attrs:
            kind = attribute_problem(tag, name, value)
            if kind:
                shown = value if kind == "url" and value else name
                self.found.append(Unsafe(line, col, kind, shown, tag))

    handle_startendtag = handle_starttag


def unsafe_html(source: Source) -> Iterator[Unsafe]:
    """Raw HTML elements and attributes of the body, outside code, that are not allowed."""
    parser = _Tags(1)
    parser.feed(source.masked)
    parser.close()
    yield from parser.found


def unsafe_attribute_lists(source: Source) -> Iterator[Unsafe]:
    """Attribute lists (`{ .class #id key=value }`) that add a handler, a style or a bad URL."""
    for number, line in source.prose_lines():
        for block in ATTR_LIST.finditer(line):
            for pair in ATTR_PAIR.finditer(block.group(1)):
                value = pair.group(2).strip("\"'")
                kind = attribute_problem("", pair.group(1), value)
                if kind in ("handler", "style", "url"):
                    shown = value if kind == "url" else pair.group(1)
                    yield Unsafe(number, block.start() + 1, kind, shown)


def unsafe_links(source: Source) -> Iterator[Unsafe]:
    """Markdown link and image destinations with a forbidden scheme."""
    for link in source.links:
        if is_forbidden_url(link.dest):
            yield Unsafe(link.line, link.col, "url", link.dest)


_SCANNED: ContentMemo[tuple[Unsafe, ...]] = ContentMemo(4096, keep="unsafe-content")


def scan_content(text: str) -> list[Unsafe]:
    """Everything unsafe in a page's Markdown, in file order (kept by the page's text: the
    source check and the build both ask)."""
    return list(_SCANNED.get((text,), lambda: tuple(_scan_content(text))))


def _scan_content(text: str) -> list[Unsafe]:
    source = Source.of(text)
    found = {
        (u.line, u.kind, u.name): u
        for u in (*unsafe_html(source), *unsafe_attribute_lists(source), *unsafe_links(source))
    }
    return sorted(found.values(), key=lambda u: (u.line, u.col))

"""What the translation checks need to know about a page's Markdown, with file line numbers.

A light line scanner rather than a full Markdown parse: the checks compare a translation with
its source (headings and their sections, images, data blocks, linked pages) and look at the
language of the prose, and both need the line each thing is on. Code and directives are found
by the project's Markdown scanner (tnsite.mdsource); indentation is not treated as code because
admonitions and grid cards indent prose.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from tnsite.mdsource import (
    FOOTNOTE_REF,
    NOTICE_OPENER,
    Directive,
    Source,
    drawn_rule,
    strip_code_spans,
    strip_directives,
)
from tnsite.memo import ContentMemo
from tnsite.slugs import slugify

HEADING = re.compile(r"^(#{1,6})[ \t]*(.*?)[ \t]*#*[ \t]*$")  # as Python-Markdown reads one
ATTR_LIST = re.compile(r"\s*\{:?\s*([^{}]*)\}\s*$")
EXPLICIT_ID = re.compile(r"(?:^|\s)#([^\s=}]+)")
INLINE_LINK = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)"
)
REF_DEF = re.compile(r"^ {0,3}\[([^\]^][^\]]*)\]:\s*<?(\S+?)>?(?:\s+.*)?$")
HTML_SRC = re.compile(r"<img\b[^>]*?\bsrc=[\"']([^\"']+)[\"']", re.I)
HTML_HREF = re.compile(r"<a\b[^>]*?\bhref=[\"']([^\"']+)[\"']", re.I)
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
HTML_COMMENT = re.compile(r"<!--.*?-->")
URL = re.compile(r"\bhttps?://\S+")
SHORTCODE = re.compile(r":[a-z0-9_+-]+(?:-[a-z0-9_+-]+)+:")
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    key: str  # the explicit id, or the id the site's slug function gives the text
    explicit: bool
    line: int
    # The id as written ({#visiting}); `key` differs when the page already used it (visiting_1,
    # as Markdown makes it).
    written: str = ""


@dataclass(frozen=True)
class Section:
    """A heading and everything under it up to the next heading of any level."""

    key: str
    title: str
    level: int
    line: int
    text: str


@dataclass(frozen=True)
class Ref:
    """Something a page points to: an image, a linked page or a data block, at a line."""

    kind: str  # "image" | "link" | "data" | "notice"
    target: str
    line: int


@dataclass(frozen=True)
class ProseBlock:
    """A paragraph, list item, table row or heading with the markup taken out.

    `starts` maps offsets in `text` to file lines, so a sentence found inside a block can be
    reported at the line it starts on.
    """

    line: int
    text: str
    starts: tuple[tuple[int, int], ...] = ()

    def line_at(self, offset: int) -> int:
        line = self.line
        for start, number in self.starts:
            if start > offset:
                break
            line = number
        return line


@dataclass(frozen=True)
class Scan:
    """What the translation rules compare on a page; shared between callers (see `scan`)."""

    headings: tuple[Heading, ...] = ()
    sections: tuple[Section, ...] = ()
    refs: tuple[Ref, ...] = ()
    prose: tuple[ProseBlock, ...] = ()


@dataclass
class _Collected:
    headings: list[Heading] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    prose: list[ProseBlock] = field(default_factory=list)


_SCANS: ContentMemo[Scan] = ContentMemo(2048, keep="translation-scans")


def split_heading(raw: str) -> tuple[str, str | None]:
    """'Tổng quan {#overview}' → ('Tổng quan', 'overview')."""
    match = ATTR_LIST.search(raw)
    if match:
        ident = EXPLICIT_ID.search(match.group(1))
        if ident or "=" in match.group(1) or match.group(1).strip().startswith("."):
            return raw[: match.start()].strip(), ident.group(1) if ident else None
    return raw.strip(), None


def _unique(key: str, seen: dict[str, int]) -> str:
    count = seen.get(key, 0)
    seen[key] = count + 1
    return key if count == 0 else f"{key}_{count}"


def page_target(target: str, page_path: str) -> str | None:
    """The page a Markdown link points to, relative to the language folder, or None when the
    link leaves the site, stays on the page, or points to a non-page file."""
    if not target or target.startswith(("#", "mailto:", "tel:", "data:")):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("/"):
        return None
    path = unquote(parts.path)
    if not path.endswith(".md"):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
    return None if joined.startswith("..") else joined


def image_target(target: str, page_path: str) -> str:
    """Images are compared by where they resolve to, so `../img/a.svg` written from two
    folders still counts as the same image."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("/"):
        return target
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(parts.path)))


def clean_prose(line: str) -> str:
    """The words a reader reads on a Markdown line: no code, directives, link targets, HTML,
    attribute lists, URLs, icons, list or table markup."""
    text = strip_directives(strip_code_spans(line))
    text = HTML_COMMENT.sub(" ", text)
    text = INLINE_LINK.sub(lambda m: f" {m.group(2)} ", text)
    text = FOOTNOTE_REF.sub(" ", text)
    text = ATTR_LIST.sub(" ", text)
    text = HTML_TAG.sub(" ", text)
    text = URL.sub(" ", text)
    text = SHORTCODE.sub(" ", text)
    text = EMPHASIS.sub(lambda m: m.group(2), text)
    text = text.replace("|", " ").replace("**", " ")
    return re.sub(r"\s+", " ", text).strip()


def scan(text: str, body_line: int, page_path: str) -> Scan:
    """Scan the body of a page. `text` is the whole file; `body_line` the first body line.
    The translation rules ask it of every page and every source on every build, and again on
    every rebuild of the preview: the answer, a function of the arguments alone, is kept."""
    return _SCANS.get((text, str(body_line), page_path), lambda: _scan(text, body_line, page_path))


def heading_ids(text: str, page_path: str) -> list[str]:
    """The ids a page's headings get, as its Markdown gives them (explicit `{#id}` or the slug
    of the heading): what a link's `#anchor` or a data record's `anchor:` must name."""
    return [h.key for h in scan(text, Source.of(text).body_line, page_path).headings]


def _scan(text: str, body_line: int, page_path: str) -> Scan:
    out = _Collected()
    lines = text.splitlines()
    seen: dict[str, int] = {}
    section_start: tuple[str, str, int, int] | None = None
    section_lines: list[str] = []
    block: list[tuple[int, str]] = []

    def flush_block() -> None:
        if not block:
            return
        parts: list[str] = []
        starts: list[tuple[int, int]] = []
        offset = 0
        for number, piece in block:
            if not piece:
                continue
            starts.append((offset, number))
            parts.append(piece)
            offset += len(piece) + 1
        joined = " ".join(parts)
        if joined.strip():
            out.prose.append(ProseBlock(block[0][0], joined, tuple(starts)))
        block.clear()

    def flush_section() -> None:
        if section_start is not None:
            key, title, level, line = section_start
            out.sections.append(Section(key, title, level, line, "\n".join(section_lines)))
        section_lines.clear()

    section_start = ("_top", "", 0, body_line)
    source = Source.of(text)
    blocks = {d.line: d for d in source.directives if d.block}
    for index in range(body_line - 1, len(lines)):
        number = index + 1
        line = lines[index]
        if source.in_code(number):
            flush_block()
            section_lines.append(line)
            continue
        heading = HEADING.match(line)
        if heading:
            flush_block()
            title, ident = split_heading(heading.group(2))
            key = _unique(ident or slugify(title), seen)
            level = len(heading.group(1))
            out.headings.append(Heading(level, title, key, ident is not None, number, ident or ""))
            top_is_empty = not any(s.strip() for s in section_lines)
            if section_start[0] != "_top" or not top_is_empty:
                flush_section()
            else:
                section_lines.clear()
            section_start = (key, title, level, number)
            section_lines.append(line)
            prose = clean_prose(title)
            if prose:
                out.prose.append(ProseBlock(number, prose, ((0, number),)))
            continue
        section_lines.append(line)
        _collect_refs(line, number, page_path, out.refs, blocks.get(number))
        stripped = line.strip()
        if (
            not stripped
            or REF_DEF.match(line)
            or number in blocks
            or drawn_rule(line)
            or stripped.startswith(("<div", "</div", "<!--"))
        ):
            flush_block()
            continue
        admonition = NOTICE_OPENER.match(line)
        if admonition:
            flush_block()
            # A notice box is part of what the page tells the reader, like a figure: its kind
            # (warning, tip…) is compared across languages.
            out.refs.append(Ref("notice", admonition.group("kind").split()[0], number))
            if admonition.group("title"):
                block.append((number, clean_prose(admonition.group("title"))))
                flush_block()
            continue
        if LIST_MARKER.match(line) or stripped.startswith("|"):
            flush_block()
            line = LIST_MARKER.sub("", line)
        block.append((number, clean_prose(line)))
        if stripped.startswith("|"):
            flush_block()
    flush_block()
    flush_section()
    return Scan(tuple(out.headings), tuple(out.sections), tuple(out.refs), tuple(out.prose))


def _collect_refs(
    line: str, number: int, page_path: str, refs: list[Ref], block: Directive | None
) -> None:
    if block is not None:
        refs.append(Ref("data", _directive_key(block), number))
    code_free = strip_code_spans(line)
    for match in INLINE_LINK.finditer(code_free):
        bang, target = match.group(1), match.group(3)
        if bang:
            refs.append(Ref("image", image_target(target, page_path), number))
        else:
            page = page_target(target, page_path)
            if page:
                refs.append(Ref("link", page, number))
            # An image inside a link: [![alt](img)](target)
            for inner in INLINE_LINK.finditer(match.group(2)):
                if inner.group(1):
                    refs.append(Ref("image", image_target(inner.group(3), page_path), number))
    ref_def = REF_DEF.match(code_free)
    if ref_def:
        page = page_target(ref_def.group(2), page_path)
        if page:
            refs.append(Ref("link", page, number))
    for src in HTML_SRC.findall(code_free):
        refs.append(Ref("image", image_target(src, page_path), number))
    for href in HTML_HREF.findall(code_free):
        page = page_target(href, page_path)
        if page:
            refs.append(Ref("link", page, number))


def _directive_key(directive: Directive) -> str:
    """'table industrial-parks sort=area': the view, its target and its sorted options."""
    options = " ".join(sorted(f"{k}={v}" if k else v for k, v in directive.options.items()))
    head = " ".join(filter(None, [directive.view, directive.target]))
    return head + (f" {options}" if options else "")


def normalise(text: str) -> str:
    """Text as compared for changes: NFC, whitespace runs collapsed, so re-wrapping a paragraph
    or saving it in another Unicode normal form is not a change."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()

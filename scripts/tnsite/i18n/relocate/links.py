"""Links written in a page's Markdown that lead to a page: found where the editor wrote them,
pointed somewhere else, or turned into plain text.

MkDocs resolves a Markdown link to a file it knows (`../du-lich/le-hoi.md`, an image under
assets/) from the folder of the page's file. Everything else (an address such as `../le-hoi/`,
raw HTML, a style's url()) reaches the browser as written, which resolves it from the page's
address: one folder deeper than its file (`du-lich/x.md` is served at `du-lich/x/`). Both rules
are followed here, so a page that moves keeps every link of its own working and every link to
it, from a page of any language, follows it. Only the destination text is changed, in place,
with its `#anchor` and `?query`: the rest of the line stays exactly as the editor wrote it.
Links inside code are examples, not links, and are never touched (the project's one Markdown
scanner, `tnsite.mdsource`, leaves them out).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from tnsite.config import Project
from tnsite.mdsource import REFDEF_DEST, Source, blank_code_spans
from tnsite.urls import address_key, page_url, relative_href

FILE, URL, SITE = "file", "url", "site"
# Where Source.links puts the column of a destination found in raw HTML or in a style.
HTML_AT = re.compile(r"(?:href|src|poster|data|srcset)\s*=|url\(", re.I)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
REFDEF_LABEL = re.compile(r"^\s{0,3}\[([^\]]+)\]:")
FULL_REF = re.compile(r"(?<![!\]\\])\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\[([^\[\]]*)\]")
SHORT_REF = re.compile(r"(?<![!\]\\])\[([^\[\]]+)\](?![\[(:])")
A_TAG = re.compile(r"<a\b", re.I)
A_CLOSE = re.compile(r"</a\s*>", re.I)


@dataclass(frozen=True)
class Link:
    """A link destination and the exact place of its text."""

    line: int  # 1-based
    start: int  # 0-based offset of the destination text in its line
    dest: str
    html: bool  # raw HTML or a style attribute: the browser resolves it

    @property
    def end(self) -> int:
        return self.start + len(self.dest)


@dataclass(frozen=True)
class Target:
    """Where a link leads: a file of the docs (`km/du-lich/x.md`, `assets/a.png`), an address
    relative to the site's root (`km/du-lich/x/`), or an address written in full."""

    kind: str  # FILE, URL or SITE
    where: str
    suffix: str  # '?query#anchor' as written


@dataclass(frozen=True)
class Edit:
    """One change to a line: the text between `start` and `end` becomes `new`."""

    line: int
    start: int
    end: int
    old: str
    new: str


def _locate(line: str, dest: str, after: int, taken: list[tuple[int, int]]) -> int | None:
    at = line.find(dest, after)
    while at >= 0:
        if not any(at < end and at + len(dest) > start for start, end in taken):
            taken.append((at, at + len(dest)))
            return at
        at = line.find(dest, at + 1)
    return None


def links_in(source: Source) -> list[Link]:
    """Every link of the page outside code, with the offset of its destination text."""
    taken: dict[int, list[tuple[int, int]]] = {}
    out: list[Link] = []
    for link in source.links:
        line = blank_code_spans(source.lines[link.line - 1])
        html = bool(HTML_AT.match(line, link.col - 1))
        start = _locate(line, link.dest, link.col - 1, taken.setdefault(link.line, []))
        if start is not None:
            out.append(Link(link.line, start, link.dest, html))
    return sorted(out, key=lambda link: (link.line, link.start))


def _split(dest: str) -> tuple[str, str]:
    cuts = [i for i in (dest.find("#"), dest.find("?")) if i >= 0]
    cut = min(cuts) if cuts else len(dest)
    return dest[:cut], dest[cut:]


def _join(base: str, path: str, keep_slash: bool) -> str | None:
    """`path` resolved from the folder `base`; None when it leaves the site."""
    norm = posixpath.normpath(posixpath.join(base, path) if base else path)
    if norm == ".":
        norm = ""
    if norm == ".." or norm.startswith("../"):
        return None
    folder = path.endswith(("/", "/.", "/..")) or path in (".", "..")
    return norm + "/" if keep_slash and norm and folder else norm


@dataclass(frozen=True)
class Site:
    """How the project's pages and files are addressed."""

    docs_dir: Path
    root: Path
    assets: str  # "assets/": files MkDocs serves from outside docs/
    prefixes: dict[str, str]  # language → where it lives in the site ("" or "km/")
    site_url: str

    @classmethod
    def of(cls, project: Project) -> Site:
        return cls(
            docs_dir=project.docs_dir,
            root=project.root,
            assets=project.assets_dir.name + "/",
            prefixes={lang.code: lang.url_prefix for lang in project.languages},
            site_url=project.site_url,
        )

    def known_file(self, uri: str) -> bool:
        if uri.startswith(self.assets):
            return (self.root / uri).is_file()
        return (self.docs_dir / uri).is_file()

    def address(self, uri: str) -> str:
        """'km/du-lich/x.md' → 'km/du-lich/x/': where a page's file is served."""
        lang, _, rest = uri.partition("/")
        return self.prefixes.get(lang, "") + page_url(rest)

    def resolve(self, file_uri: str, link: Link) -> Target | None:
        """Where a link of the file `file_uri` ('vi/du-lich/x.md') leads; None for links to
        other sites, mail addresses, the page itself ('#anchor') and absolute paths."""
        path, suffix = _split(link.dest)
        if SCHEME.match(path) or path.startswith("//"):
            if not path.lower().startswith(self.site_url.lower()):
                return None
            rest = _join("", unquote(path[len(self.site_url) :]), keep_slash=True)
            return Target(SITE, rest, suffix) if rest is not None else None
        if not path or path.startswith("/"):
            return None
        path = unquote(path)
        if not link.html:
            uri = _join(posixpath.dirname(file_uri), path, keep_slash=False)
            if uri is not None and (uri.endswith(".md") or self.known_file(uri)):
                return Target(FILE, uri, suffix)
        url = _join(self.address(file_uri), path, keep_slash=True)
        return Target(URL, url, suffix) if url is not None else None

    def lang_of(self, target: Target, page: str) -> str | None:
        """The language whose version of `page` the target is, or None."""
        if target.kind == FILE:
            lang, _, rest = target.where.partition("/")
            return lang if lang in self.prefixes and rest == page else None
        key = address_key(target.where)
        for lang, prefix in self.prefixes.items():
            if key == address_key(prefix + page_url(page)):
                return lang
        return None

    def destination(
        self, target: Target, lang: str | None, new_page: str, file_uri: str, written: str
    ) -> str:
        """The destination to write in the file `file_uri` for `target`, the page's `lang`
        version now at `new_page` when `lang` is given."""
        if target.kind == SITE:
            if lang is None:
                return written  # a full address does not depend on where the file is
            return self.site_url + self.prefixes[lang] + page_url(new_page) + target.suffix
        if target.kind == FILE:
            uri = f"{lang}/{new_page}" if lang else target.where
            return posixpath.relpath(uri, posixpath.dirname(file_uri)) + target.suffix
        url = self.prefixes[lang] + page_url(new_page) if lang else target.where
        return relative_href(url, self.address(file_uri)) + target.suffix


def apply_edits(text: str, edits: list[Edit], drop_lines: frozenset[int] = frozenset()) -> str:
    """The text with each edit made (offsets are those of the original lines) and the lines in
    `drop_lines` removed."""
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: (e.line, e.start), reverse=True):
        line = lines[edit.line - 1]
        lines[edit.line - 1] = line[: edit.start] + edit.new + line[edit.end :]
    return "\n".join(line for number, line in enumerate(lines, 1) if number not in drop_lines)


def may_link_to(text: str, page: str) -> bool:
    """False when no link of the text can lead to `page`: every way of writing a link to a
    page contains its file name, except to a folder's index page (`../`), which is always
    looked at. Saves scanning the pages that cannot be concerned (most of them)."""
    stem = page.rpartition("/")[2].removesuffix(".md")
    return stem == "index" or stem in text


def retarget(
    text: str, site: Site, file_uri: str, new_file_uri: str, page: str, new_page: str
) -> tuple[str, list[Edit]]:
    """A file's text with every link to `page` (any language) pointing at `new_page`; when the
    file itself moves (`new_file_uri`), its other relative links are rebased too."""
    edits: list[Edit] = []
    if file_uri == new_file_uri and not may_link_to(text, page):
        return text, edits
    for link in links_in(Source.of(text)):
        target = site.resolve(file_uri, link)
        if target is None:
            continue
        lang = site.lang_of(target, page)
        if lang is None and (file_uri == new_file_uri or target.kind == SITE):
            continue
        new = site.destination(target, lang, new_page, new_file_uri, link.dest)
        if new != link.dest:
            edits.append(Edit(link.line, link.start, link.end, link.dest, new))
    return apply_edits(text, edits), edits


def links_to(text: str, site: Site, file_uri: str, page: str) -> list[Link]:
    """The links of a file that lead to `page` in any language."""
    out: list[Link] = []
    if not may_link_to(text, page):
        return out
    for link in links_in(Source.of(text)):
        target = site.resolve(file_uri, link)
        if target is not None and site.lang_of(target, page) is not None:
            out.append(link)
    return out


# -- turning links into their text --------------------------------------------------------------


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _inline_span(masked: str, link: Link) -> tuple[int, int, int, int] | None:
    """(start, end) of a whole `[text](dest "title"){attrs}` and of its text, or None."""
    j = link.start - 1
    angle = j >= 0 and masked[j] == "<"
    if angle:
        j -= 1
    while j >= 0 and masked[j] in " \t":
        j -= 1
    if j < 1 or masked[j] != "(" or masked[j - 1] != "]":
        return None
    close = j - 1
    depth, k = 0, close - 1
    while k >= 0:
        char, escaped = masked[k], k > 0 and masked[k - 1] == "\\"
        if char == "]" and not escaped:
            depth += 1
        elif char == "[" and not escaped:
            if depth == 0:
                break
            depth -= 1
        k -= 1
    if k < 0 or (k > 0 and masked[k - 1] == "!"):
        return None  # no opening bracket on the line, or an image
    end = link.end + (1 if angle else 0)
    while end < len(masked) and masked[end] in " \t":
        end += 1
    if end < len(masked) and masked[end] in "\"'(":
        closing = ")" if masked[end] == "(" else masked[end]
        title_end = masked.find(closing, end + 1)
        if title_end < 0:
            return None
        end = title_end + 1
        while end < len(masked) and masked[end] in " \t":
            end += 1
    if end >= len(masked) or masked[end] != ")":
        return None
    end += 1
    if masked.startswith("{", end):
        attrs_end = masked.find("}", end)
        if attrs_end >= 0:
            end = attrs_end + 1
    return k, end, k + 1, close


def _html_span(masked: str, link: Link) -> tuple[int, int, int, int] | None:
    """(start, end) of a whole `<a href=…>text</a>` on one line and of its text, or None."""
    start = masked.rfind("<", 0, link.start)
    if start < 0 or not A_TAG.match(masked, start):
        return None
    tag_end = masked.find(">", link.end)
    closing = A_CLOSE.search(masked, tag_end + 1) if tag_end >= 0 else None
    if closing is None:
        return None
    return start, closing.end(), tag_end + 1, closing.start()


@dataclass(frozen=True)
class Unlinked:
    line: int
    text: str  # what the link became (a reference definition: its label)
    definition: bool = False  # a reference definition `[label]: …`, removed with its line


def unlink(text: str, links: list[Link]) -> tuple[str, list[Unlinked], list[Link]]:
    """The text with each link replaced by its own text (a reference definition is removed with
    every use of its label); also what was done, and the links that cannot be turned into text
    automatically (an image, an address written as a bare URL, a link over several lines)."""
    lines = text.split("\n")
    source = Source.of(text)
    edits: list[Edit] = []
    done: list[Unlinked] = []
    cannot: list[Link] = []
    drop: set[int] = set()
    labels: set[str] = set()
    for link in links:
        raw = lines[link.line - 1]
        masked = blank_code_spans(raw)
        refdef = REFDEF_DEST.match(masked)
        if not link.html and refdef and refdef.start(1) in (link.start, link.start - 1):
            defined = REFDEF_LABEL.match(masked)
            if defined:
                labels.add(_label(defined.group(1)))
                drop.add(link.line)
                done.append(Unlinked(link.line, defined.group(1), definition=True))
                continue
        span = _html_span(masked, link) if link.html else _inline_span(masked, link)
        if span is None:
            cannot.append(link)
            continue
        start, end, text_start, text_end = span
        kept = raw[text_start:text_end]
        edits.append(Edit(link.line, start, end, raw[start:end], kept))
        done.append(Unlinked(link.line, kept))
    if labels:
        for number, masked in source.prose_lines():
            taken: list[tuple[int, int]] = []
            for match in FULL_REF.finditer(masked):
                label = match.group(2) or match.group(1)
                taken.append((match.start(), match.end()))
                if _label(label) in labels and number not in drop:
                    kept = lines[number - 1][match.start(1) : match.end(1)]
                    edits.append(Edit(number, match.start(), match.end(), match.group(0), kept))
                    done.append(Unlinked(number, kept))
            for match in SHORT_REF.finditer(masked):
                inside = any(s <= match.start() < e for s, e in taken)
                if inside or number in drop or _label(match.group(1)) not in labels:
                    continue
                kept = lines[number - 1][match.start(1) : match.end(1)]
                edits.append(Edit(number, match.start(), match.end(), match.group(0), kept))
                done.append(Unlinked(number, kept))
    return apply_edits(text, edits, frozenset(drop)), done, cannot

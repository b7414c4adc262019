"""The one scanner of Markdown source: front matter, code, `{{ … }}` directives, positions.

Every capability that reads a page's Markdown (data views, news listings, photos, translation
rules, the link source map, the content safety check) needs the same answers: where the front
matter ends, which lines are code, which `{{ … }}` are directives and on which line and column
each thing is. Answering them once, here, keeps the capabilities from disagreeing about a page
(an example directive inside a code block, a fence inside an admonition) and lets an editor's
mistake be reported at the same line by every check.

The rules follow what the site's Markdown (Python-Markdown with pymdownx) accepts:
- front matter: `---` on the first line, closed by `---` or `...` (MkDocs' own rule);
- fenced code: a line of three or more backticks or tildes, at any indentation (fences inside
  admonitions and list items are indented), closed by the same character, at least as long;
- code spans: backtick runs of equal length on one line;
- directives: `{{ VIEW [DATASET[/RECORD]] [option=value ...] }}` on one line, outside code;
- tables (the `tables` extension): a header row, then a row of dashes and pipes, starting a
  block of their own: the line above is blank or ends a block of another kind (a heading, a
  rule, an admonition's title, an HTML tag); every line of the block after them is a row, a
  line without `|` included.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser

from tnsite.memo import ContentMemo
from tnsite.urls import css_urls, srcset_urls

FRONT_MATTER = re.compile(r"^-{3}[ \t]*\r?\n(.*?\r?\n)(?:\.{3}|-{3})[ \t]*(?:\r?\n|$)", re.S)
FRONT_MATTER_OPENING = re.compile(r"^-{3}[ \t]*\r?\n")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
DIRECTIVE = re.compile(r"\{\{\s*(?P<body>[^{}\n]*?)\s*\}\}")
BOM = "\ufeff"
# Link destinations: inline links and images, reference definitions, autolinks, and the URL
# attributes of raw HTML (href, src, poster, data, srcset) and CSS url() in style attributes.
INLINE_DEST = re.compile(r"\]\(\s*(<[^>\n]*>|[^)\s]*)")
REFDEF_DEST = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(<[^>\n]*>|\S+)")
REFDEF_NAME = re.compile(r"^\s{0,3}\[([^\]^][^\]]*)\]:")
EMPTY_LINK = re.compile(r"!?\[[^\]\n]+\]\(\s*\)")
SPACED_DEST = re.compile(
    r"!?\[[^\]\n]+\][ \t]+\((?:[^)\s]+\.md(?:#[^)\s]*)?|https?://[^)\s]+|mailto:[^)\s]+"
    r"|\.\.?/[^)\s]*|[^)\s/]+\.(?:jpe?g|png|webp|svg|pdf))\)"
)
REFERENCE_LINK = re.compile(r"(?<![\]\\])\[([^\]\n^][^\]\n]*)\]\[([^\]\n]*)\]")
AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
# An address of the world written as text: Markdown (without magiclink) leaves it unlinked.
BARE_URL = re.compile(r"(?<![\w@./:-])(?:https?://|www\.)[^\s<>()\[\]{}\"'`]+", re.I)
# What already makes an address a link, or holds it out of the text: inline links and images,
# autolinks and HTML tags, `{{ … }}` directives and `{: … }` attribute lists.
LINKED_SPANS = re.compile(
    r"!?\[[^\]\n]*\]\([^)\n]*\)|<a\b[^>\n]*>.*?</a\s*>|<[^>\n]*>|"
    r"\{\{[^}\n]*\}\}|\{[:#.][^}\n]*\}",
    re.I,
)
URL_TRAILING = ".,;:!?…»”’"
# HTML elements that hold a block of the page until they are closed: left open, Markdown takes
# the rest of the page into them (as raw text, or into the cards' grid).
CONTAINER_TAGS = frozenset(
    [
        "div",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "nav",
        "main",
        "figure",
        "details",
        "table",
        "ul",
        "ol",
        "dl",
        "blockquote",
        "center",
    ]
)
HTML_URL_ATTR = re.compile(
    r"""\b(href|src|poster|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I
)
HTML_SRCSET = re.compile(r"""\bsrcset\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
QUOTE_MARKS = re.compile(r"^ {0,3}(?:> ?)+")
TABLE_CELL_RULE = re.compile(r"^\s*:?-+:?\s*$")
EMPTY_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+#*)?[ \t]*(?:\{[^}]*\}[ \t]*)?$")
HORIZONTAL_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
NOTICE_START = re.compile(r"^\s*(?:!!!|\?\?\?)")
# The opening line Python-Markdown's admonition and pymdownx's details read: a type, then
# optionally a title in straight double quotes.
NOTICE_OPENER = re.compile(
    r'^\s*(?:!!!|\?\?\?\+?) ?(?P<kind>[\w\-]+(?: +[\w\-]+)*)(?: +"(?P<title>.*?)")? *$'
)
# The admonition types Material for MkDocs styles, each with the aliases it styles alike.
NOTICE_TYPES: dict[str, tuple[str, ...]] = {
    "note": (),
    "abstract": ("summary", "tldr"),
    "info": ("todo",),
    "tip": ("hint", "important"),
    "success": ("check", "done"),
    "question": ("help", "faq"),
    "warning": ("caution", "attention"),
    "failure": ("fail", "missing"),
    "danger": ("error",),
    "bug": (),
    "example": (),
    "quote": ("cite",),
}
# Each alias of a type (`hint`) → the type it is styled as (`tip`).
_TYPE_OF = {name: kind for kind, aliases in NOTICE_TYPES.items() for name in (kind, *aliases)}


def notice_type(kind: str) -> str | None:
    """The styled type an admonition's class list (`tip inline end`) names, if any."""
    return _TYPE_OF.get(kind.split()[0].lower())


LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")
PASTED_BULLET = re.compile(r"^\s*[•●▪◦‣○■□➢➤►]\s*\S")
PAREN_ITEM = re.compile(r"^ {0,3}\d{1,3}\)\s+\S")
TABBED = re.compile(r"\S\t+\S")
PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
GLUED_ITEM = re.compile(r"^ {0,3}(?:[-*+]|1[.)])\s+\S")
# Footnotes as Python-Markdown's extension reads them: `[^label]` and `[^label]:` lines.
FOOTNOTE_REF = re.compile(r"\[\^([^\]]+)\]")
# A definition may be indented: inside an admonition or a list item it is that block's own.
FOOTNOTE_DEF = re.compile(r"^\s*\[\^([^\]]+)\]:")
# Lines that Markdown does not take as one more row of the table above them: admonitions and
# details, HTML, quotes.
NOT_A_ROW = re.compile(r"^\s*(?:!!!|\?\?\?|<|>)")
# Lines after which a new block starts without a blank line: ATX headings, setext underlines
# and rules, admonition and details titles, HTML tags.
BLOCK_END = re.compile(r"^\s*(?:#{1,6}(?:\s|$)|=+\s*$|(?:[-*_]\s*){3,}$|!!!|\?\?\?|<)")


@dataclass(frozen=True)
class MdLink:
    """A link destination as written, where it was written."""

    line: int
    col: int
    dest: str


@dataclass(frozen=True)
class Notice:
    """An admonition (`!!! tip "Title"`) or collapsible block (`??? note`) as written."""

    line: int
    kind: str | None  # None: Markdown does not read the line as one, and prints it as text
    written: str
    has_body: bool  # its text is indented under it (otherwise the box is empty)
    title: str | None  # the quoted title; None: Markdown titles the box with its type's name


@dataclass(frozen=True)
class TableGap:
    """A table that needs an empty line before `line`: above its header (`glued`: the page
    would show it as text) or after its last row (`swallowed`: the text would become a row)."""

    line: int
    table: int  # the table's header row
    kind: str  # "glued" | "swallowed"


@dataclass(frozen=True)
class Directive:
    """One `{{ … }}` as written: the view, its target and options, and where it stands."""

    view: str
    dataset: str | None
    record: str | None
    options: dict[str, str]
    line: int  # 1-based, in the text scanned
    col: int  # 1-based
    start: int  # offsets in that text
    end: int
    block: bool  # alone on its line
    raw: str

    @property
    def target(self) -> str | None:
        """'key-figures/area', as written after the view name."""
        if self.dataset is None:
            return None
        return self.dataset + (f"/{self.record}" if self.record else "")


def blank(text: str) -> str:
    """The same text with every character but line breaks replaced by a space."""
    return re.sub(r"[^\r\n]", " ", text)


def _indent_width(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def table_cells(line: str) -> int:
    """How many cells a table row has, as the `tables` extension splits it: on `|` outside code
    spans and not escaped, the pipes at either end left out."""
    row = blank_code_spans(line).replace("\\|", "  ").strip()
    row = row.removeprefix("|")
    row = row[:-1] if row.endswith("|") else row
    return row.count("|") + 1


def drawn_rule(line: str) -> bool:
    """A line that draws rather than says: a table's rule row or a horizontal rule (`---`)."""
    return _is_table_rule(line) or bool(HORIZONTAL_RULE.match(line))


def _is_table_rule(line: str) -> bool:
    """`|---|:--:|`, `--- | ---`: the row under a table's header (a pipe is needed; `---` alone
    is a rule)."""
    if "|" not in line:
        return False
    cells = line.strip().strip("|").split("|")
    return all(TABLE_CELL_RULE.match(cell) for cell in cells)


def blank_code_spans(line: str) -> str:
    """A line with its code spans blanked out (same length)."""
    return CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def strip_code_spans(line: str) -> str:
    """A line with each code span replaced by one space (for reading the prose around it)."""
    return CODE_SPAN.sub(" ", line)


def strip_directives(line: str) -> str:
    """A line with each directive replaced by one space."""
    return DIRECTIVE.sub(" ", line)


def parse_directive_body(body: str) -> tuple[str, str | None, str | None, dict[str, str]] | None:
    """'table parks sort=area' → ('table', 'parks', None, {'sort': 'area'})."""
    words = body.split()
    if not words:
        return None
    view, target, options = words[0], None, {}
    for word in words[1:]:
        if "=" in word:
            key, _, value = word.partition("=")
            options[key] = value
        elif target is None:
            target = word
        else:
            options.setdefault("", word)  # a stray word: the data check reports it
    dataset, record = None, None
    if target is not None:
        dataset, _, rec = target.partition("/")
        record = rec or None
    return view, dataset, record, options


_SCANNED: ContentMemo[Source] = ContentMemo(2048)


class Source:
    """A Markdown file's text, scanned once; every question about it is answered from here."""

    def __init__(self, text: str, *, front_matter: bool = True) -> None:
        """`front_matter=False` for a page body MkDocs has already separated from its front
        matter (a body may begin with a `---` rule)."""
        self.text = text.removeprefix(BOM)
        self.has_front_matter = front_matter

    @classmethod
    def of(cls, text: str, *, front_matter: bool = True) -> Source:
        """The scan of this text, shared: a page's text is asked about by the translation,
        link, data, safety, image and news checks, and again on every rebuild of the preview,
        and its answers (all immutable) depend on the text alone."""
        return _SCANNED.get((text, str(front_matter)), lambda: cls(text, front_matter=front_matter))

    # -- front matter ---------------------------------------------------------------------------

    @cached_property
    def _front_matter(self) -> re.Match[str] | None:
        return FRONT_MATTER.match(self.text) if self.has_front_matter else None

    @property
    def front_matter_opened(self) -> bool:
        """The file starts with `---` (closed or not)."""
        return self.has_front_matter and bool(FRONT_MATTER_OPENING.match(self.text))

    @property
    def front_matter_closed(self) -> bool:
        return self._front_matter is not None

    @property
    def front_matter_yaml(self) -> str | None:
        """The YAML between the `---` lines, or None when there is no closed block."""
        match = self._front_matter
        return match.group(1).replace("\r\n", "\n") if match else None

    @property
    def body_start(self) -> int:
        """Offset of the first character after the front matter."""
        match = self._front_matter
        return match.end() if match else 0

    @property
    def body_line(self) -> int:
        """File line where the page body starts (1 without front matter)."""
        return self.text.count("\n", 0, self.body_start) + 1

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    # -- lines and code -------------------------------------------------------------------------

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """The file's lines without their line breaks (index 0 is line 1)."""
        return tuple(self.text.replace("\r\n", "\n").split("\n"))

    @cached_property
    def code_lines(self) -> frozenset[int]:
        """Line numbers (1-based) of fenced code, the fence lines included."""
        out: set[int] = set()
        fence: str | None = None
        for number in range(self.body_line, len(self.lines) + 1):
            line = self.lines[number - 1]
            match = FENCE.match(line)
            if fence is not None:
                out.add(number)
                if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                    fence = None
                continue
            if match:
                fence = match.group(1)
                out.add(number)
        return frozenset(out)

    def in_code(self, line: int) -> bool:
        return line in self.code_lines

    @cached_property
    def unclosed_fence(self) -> int | None:
        """The line of a ``` fence never closed: the scanner takes the rest of the page for code
        (and checks none of it), and the page shows the backticks as written."""
        fence: tuple[str, int] | None = None
        for number in range(self.body_line, len(self.lines) + 1):
            match = FENCE.match(self.lines[number - 1])
            if not match:
                continue
            mark = match.group(1)
            if fence is None:
                fence = (mark, number)
            elif mark[0] == fence[0][0] and len(mark) >= len(fence[0]):
                fence = None
        return fence[1] if fence is not None else None

    @cached_property
    def unclosed_comment(self) -> int | None:
        """The line of a `<!--` with no `-->` after it: Markdown hides the rest of the page."""
        masked = self.masked
        start = 0
        while (opened := masked.find("<!--", start)) != -1:
            closed = masked.find("-->", opened + 4)
            if closed == -1:
                return masked.count("\n", 0, opened) + 1
            start = closed + 3
        return None

    @cached_property
    def unclosed_html(self) -> tuple[tuple[int, str], ...]:
        """(line, tag) of each block-holding HTML element (`<div>`, `<details>`…) opened in the
        body and never closed: Markdown takes the rest of the page into it, unconverted."""
        scanner = _OpenElements()
        scanner.feed(self.masked)
        scanner.close()
        return tuple(scanner.opened)

    @cached_property
    def empty_headings(self) -> tuple[int, ...]:
        """Lines of `## ` headings with no text: an empty heading in the page and its contents."""
        return tuple(
            number
            for number, line in self.prose_lines()
            if EMPTY_HEADING.match(line) and not QUOTE_MARKS.match(line)
        )

    def prose_lines(self) -> Iterator[tuple[int, str]]:
        """(number, line) of every body line outside fenced code, code spans blanked."""
        for number in range(self.body_line, len(self.lines) + 1):
            if number not in self.code_lines:
                yield number, blank_code_spans(self.lines[number - 1])

    @cached_property
    def masked(self) -> str:
        """The whole text with front matter and code blanked out (same length and lines), so a
        pattern run over it finds only what the page body says outside code."""
        parts: list[str] = []
        for number, line in enumerate(self.text.split("\n"), start=1):
            if number < self.body_line or number in self.code_lines:
                parts.append(blank(line))
            else:
                parts.append(blank_code_spans(line))
        return "\n".join(parts)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of an offset in the text."""
        line_start = self.text.rfind("\n", 0, offset) + 1
        return self.text.count("\n", 0, offset) + 1, offset - line_start + 1

    # -- tables ---------------------------------------------------------------------------------

    @cached_property
    def table_gaps(self) -> tuple[TableGap, ...]:
        """Tables missing the empty line that separates a table from the text around it.

        Above: a table written straight under a paragraph or list item is read with it as one
        paragraph, and the page shows the rows as text full of `|`. Below: a line of text
        written straight under a table's last row becomes one more row of the table."""
        out: list[TableGap] = []
        lines = self._unquoted
        for header, rule, rows in self._tables:
            above = header - 1
            text = lines[above - 1] if above >= self.body_line else ""
            if text.strip() and not BLOCK_END.match(text) and above not in self.code_lines:
                # No table at all: the line below is part of the paragraph, for now.
                out.append(TableGap(header, header, "glued"))
                continue
            below = (rows[-1] if rows else rule) + 1
            text = lines[below - 1] if below <= len(lines) else ""
            if text.strip() and not NOT_A_ROW.match(text) and below not in self.code_lines:
                out.append(TableGap(below, header, "swallowed"))
        return tuple(out)

    @cached_property
    def table_overflows(self) -> tuple[tuple[int, int, int], ...]:
        """(line, cells, header cells) of each table row with more cells than its header:
        Markdown drops the cells past the header's without a word."""
        out: list[tuple[int, int, int]] = []
        lines = self._unquoted
        for header, _rule, rows in self._tables:
            width = table_cells(lines[header - 1])
            for row in rows:
                cells = table_cells(lines[row - 1])
                if cells > width:
                    out.append((row, cells, width))
        return tuple(out)

    @cached_property
    def table_rule_mismatches(self) -> tuple[tuple[int, int, int], ...]:
        """(rule line, its cells, header cells) of each table whose `|---|` line has another
        number of columns than its header: Markdown then prints the whole table as text."""
        lines = self._unquoted
        out = []
        for header, rule, _rows in self._tables:
            width, drawn = table_cells(lines[header - 1]), table_cells(lines[rule - 1])
            if drawn != width:
                out.append((rule, drawn, width))
        return tuple(out)

    @cached_property
    def _unquoted(self) -> list[str]:
        return [QUOTE_MARKS.sub("", line) for line in self.lines]  # a quote holds blocks too

    @cached_property
    def _tables(self) -> tuple[tuple[int, int, tuple[int, ...]], ...]:
        """(header line, rule line, row lines) of every table outside code."""
        out: list[tuple[int, int, tuple[int, ...]]] = []
        lines = self._unquoted
        for number in range(self.body_line + 1, len(lines) + 1):
            header = number - 1
            if not _is_table_rule(lines[number - 1]) or "|" not in lines[header - 1]:
                continue
            if number in self.code_lines or header in self.code_lines:
                continue
            rows: list[int] = []
            below = number + 1
            while below <= len(lines) and "|" in lines[below - 1]:
                rows.append(below)
                below += 1
            out.append((header, number, tuple(rows)))
        return tuple(out)

    @cached_property
    def table_widths(self) -> tuple[tuple[int, int], ...]:
        """(header line, number of columns) of every table, in order."""
        return tuple(
            (header, table_cells(self._unquoted[header - 1]))
            for header, _rule, _rows in self._tables
        )

    @cached_property
    def pasted_blocks(self) -> tuple[tuple[int, str], ...]:
        """(first line, kind) of each run of lines written the way a word processor writes
        them, which Markdown prints as one paragraph of run-on text: items marked with a
        typographic bullet (`•`) or numbered `1)` (Python-Markdown numbers only `1.`), columns
        separated by Tab, and rows between `|` with no `|---|` row under the first."""
        out: list[tuple[int, str]] = []
        previous = ""  # the kind of the line before (one finding per run of lines)
        lines = dict(self.prose_lines())
        for number, line in lines.items():
            kind = ""
            if PASTED_BULLET.match(line):
                kind = "bullet"
            elif PAREN_ITEM.match(line):
                kind = "paren"
            elif TABBED.search(line) and not line.startswith(("\t", "    ")):
                kind = "tabs"
            elif PIPE_ROW.match(line) and PIPE_ROW.match(lines.get(number + 1, "")):
                below = lines.get(number + 1, "")
                above = lines.get(number - 1, "")
                if not PIPE_ROW.match(above) and not TABLE_SEPARATOR.match(below):
                    kind = "table"
            if kind == "table" or (kind and kind != previous):
                out.append((number, kind))
            previous = kind
        return tuple(out)

    @cached_property
    def glued_lists(self) -> tuple[int, ...]:
        """First item lines of lists written straight under a sentence, without the blank line
        between: Markdown reads them as part of the paragraph, and the page shows one run-on
        paragraph with the `- ` and `1. ` in it. A numbered list is taken to start at 1 (a
        sentence may well begin a line with a year: `2026. Tỉnh …`)."""
        out: list[int] = []
        lines = self._unquoted
        in_block = False  # inside a run of non-blank lines
        prose = False  # ... that began as a paragraph
        base = 0  # the indentation of an admonition's text, whose paragraphs count the same
        for number in range(self.body_line, len(lines) + 1):
            text = lines[number - 1]
            if not text.strip() or number in self.code_lines:
                in_block = False
                continue
            if NOTICE_START.match(text):
                in_block, prose, base = False, False, _indent_width(text) + 4
                continue  # the admonition's text starts a block of its own
            depth = _indent_width(text)
            if depth < base:
                base = 0
            inner = text.expandtabs(4)[base:]
            if not in_block:
                in_block = True
                prose = not (
                    LIST_ITEM.match(inner)
                    or BLOCK_END.match(inner)
                    or depth - base >= 4
                    or "|" in inner
                    or FOOTNOTE_DEF.match(inner)
                )
                continue
            if prose and GLUED_ITEM.match(inner):
                out.append(number)
                prose = False  # one finding per paragraph
        return tuple(out)

    @cached_property
    def shallow_sublists(self) -> tuple[tuple[int, ...], ...]:
        """Item lines meant as a sub-list but indented less than the 4 spaces Markdown needs,
        one group per sub-list: Markdown counts a list's level in steps of 4 spaces, so an
        item 1–3 spaces deeper than the one above (`- A` then `  - B`) lands on the same
        level, and the page shows one flat list."""
        groups: list[list[int]] = []
        lines = self._unquoted
        above: int | None = None  # indentation of the item above, in this list
        group_indent: int | None = None  # indentation of the items of the group being read
        blank_before = False
        for number in range(self.body_line, len(lines) + 1):
            text = lines[number - 1]
            if number in self.code_lines:
                above = group_indent = None
                continue
            if not text.strip():
                blank_before = True
                continue
            depth = _indent_width(text)
            if not LIST_ITEM.match(text):
                if (
                    NOTICE_START.match(text)
                    or text.lstrip().startswith("#")
                    or (blank_before and depth == 0)
                ):
                    above = group_indent = None  # the list has ended
                blank_before = False
                continue
            blank_before = False
            if group_indent is not None and depth == group_indent:
                groups[-1].append(number)
            elif above is not None and depth >= above + 2 and depth // 4 == above // 4:
                groups.append([number])
                group_indent = depth
                continue
            elif group_indent is not None and depth < group_indent:
                group_indent = None
            above = depth if group_indent is None else above
        return tuple(tuple(group) for group in groups)

    @cached_property
    def shallow_continuations(self) -> tuple[int, ...]:
        """First lines of text after an empty line under a list item, indented past the item's
        marker but less than the 4 spaces Markdown needs to keep it in the item (`1. Step`,
        empty line, `   More about it`): the page ends the list before it, and a numbered
        list counts again from 1 after it."""
        out: list[int] = []
        lines = self._unquoted
        item: int | None = None  # indentation of the list item the text above belongs to
        blank_before = False
        for number in range(self.body_line, len(lines) + 1):
            text = lines[number - 1]
            if number in self.code_lines:
                item, blank_before = None, False
                continue
            if not text.strip():
                blank_before = True
                continue
            depth = _indent_width(text)
            if LIST_ITEM.match(text):
                item = depth
            elif item is not None and blank_before:
                if item + 2 <= depth < item + 4:  # where the item's text starts, or about
                    out.append(number)
                if depth < item + 4:
                    item = None  # the list has ended here
            blank_before = False
        return tuple(out)

    # -- admonitions and footnotes --------------------------------------------------------------

    @cached_property
    def notices(self) -> tuple[Notice, ...]:
        """Every line opening an admonition (`!!!`) or a collapsible block (`???`)."""
        out: list[Notice] = []
        lines = self.lines
        for number, line in self.prose_lines():
            if not NOTICE_START.match(line):
                continue
            opener = NOTICE_OPENER.match(line)
            depth = _indent_width(line)
            following = next(
                (text for text in lines[number:] if text.strip()), ""
            )  # blank lines may come between the title and the text
            body = bool(following) and _indent_width(following) >= depth + 4
            kind, title = (opener.group("kind"), opener.group("title")) if opener else (None, None)
            out.append(Notice(number, kind, line.strip(), body, title))
        return tuple(out)

    @cached_property
    def _footnotes(self) -> tuple[tuple[tuple[int, int, str], ...], tuple[tuple[int, str], ...]]:
        """The page's footnote references (line, column, label) and texts (line, label)."""
        refs: list[tuple[int, int, str]] = []
        texts: list[tuple[int, str]] = []
        for number, line in self.prose_lines():
            written = FOOTNOTE_DEF.match(line)
            if written:
                texts.append((number, written.group(1)))
            for match in FOOTNOTE_REF.finditer(line):
                if not line[match.end() :].startswith(":"):
                    refs.append((number, match.start() + 1, match.group(1)))
        return tuple(refs), tuple(texts)

    @cached_property
    def footnotes_missing(self) -> tuple[tuple[int, int, str], ...]:
        """(line, column, label) of each footnote reference `[^label]` whose page has no
        `[^label]:` line: Markdown prints the reference as it is written."""
        refs, texts = self._footnotes
        written = {label for _line, label in texts}
        return tuple(ref for ref in refs if ref[2] not in written)

    @cached_property
    def footnotes_unused(self) -> tuple[tuple[int, str], ...]:
        """(line, label) of each `[^label]:` text no `[^label]` of the page refers to: Markdown
        still lists it at the bottom, with a way back to a place that does not exist."""
        refs, texts = self._footnotes
        used = {label for _line, _col, label in refs}
        return tuple(text for text in texts if text[1] not in used)

    @cached_property
    def unclosed_directives(self) -> tuple[tuple[int, int], ...]:
        """(line, column) of each `{{` or `}}` outside code that is not part of a directive
        written on one line: the page would show the braces and the words between them."""
        out: list[tuple[int, int]] = []
        for number, line in self.prose_lines():
            if "{{" not in line and "}}" not in line:
                continue
            rest = DIRECTIVE.sub(lambda m: " " * len(m.group(0)), line)
            found = [i for i in (rest.find("{{"), rest.find("}}")) if i >= 0]
            if found:
                out.append((number, min(found) + 1))
        return tuple(out)

    # -- links ----------------------------------------------------------------------------------

    @cached_property
    def links(self) -> tuple[MdLink, ...]:
        """Every link destination of the body outside code, with its line and column."""
        out: list[MdLink] = []
        for number, line in self.prose_lines():
            found: list[tuple[int, str]] = []
            for match in INLINE_DEST.finditer(line):
                found.append((match.start(1), match.group(1).strip("<>")))
            refdef = REFDEF_DEST.match(line)
            if refdef:
                found.append((refdef.start(1), refdef.group(1).strip("<>")))
            for match in AUTOLINK.finditer(line):
                found.append((match.start(1), match.group(1)))
            for match in HTML_URL_ATTR.finditer(line):
                value = next(g for g in match.groups()[1:] if g is not None)
                found.append((match.start(0), value))
            for match in HTML_SRCSET.finditer(line):
                value = match.group(1) if match.group(1) is not None else match.group(2)
                found.extend((match.start(0), url) for url in srcset_urls(value))
            if "url(" in line:
                found.extend((line.find("url("), url) for _, url in css_urls(line))
            out.extend(MdLink(number, col + 1, dest) for col, dest in found if dest)
        return tuple(out)

    @cached_property
    def link_forms(self) -> tuple[tuple[int, int, str, str], ...]:
        """(line, column, kind, text) of links Markdown does not read as links: `[x]()` with
        no address ("empty"), `[x] (le-hoi.md)` with a space before the address ("spaced"),
        `[x][ref]` whose `[ref]:` line the page lacks ("undefined"). The page shows the
        brackets as written, or a link to itself."""
        defined = {
            m.group(1).strip().lower()
            for _, line in self.prose_lines()
            if (m := REFDEF_NAME.match(line))
        }
        out: list[tuple[int, int, str, str]] = []
        for number, line in self.prose_lines():
            for match in EMPTY_LINK.finditer(line):
                out.append((number, match.start() + 1, "empty", match.group(0)))
            for match in SPACED_DEST.finditer(line):
                out.append((number, match.start() + 1, "spaced", match.group(0)))
            for match in REFERENCE_LINK.finditer(line):
                name = (match.group(2) or match.group(1)).strip().lower()
                if name not in defined:
                    out.append((number, match.start() + 1, "undefined", match.group(0)))
        return tuple(out)

    @cached_property
    def bare_urls(self) -> tuple[tuple[int, int, str], ...]:
        """(line, column, address) of web addresses written as plain text, not as a link: the
        page shows them as text a visitor cannot tap (refdef lines and links left out)."""
        out: list[tuple[int, int, str]] = []
        for number, line in self.prose_lines():
            if REFDEF_NAME.match(line):
                continue
            text = LINKED_SPANS.sub(lambda m: " " * len(m.group(0)), line)
            for match in BARE_URL.finditer(text):
                url = match.group(0).rstrip(URL_TRAILING)
                if "." in url.split("//")[-1]:
                    out.append((number, match.start() + 1, url))
        return tuple(out)

    # -- directives -----------------------------------------------------------------------------

    @cached_property
    def directives(self) -> tuple[Directive, ...]:
        """Every `{{ … }}` of the body outside code, in order."""
        out: list[Directive] = []
        text, masked = self.text, self.masked
        for match in DIRECTIVE.finditer(masked):
            parsed = parse_directive_body(text[match.start("body") : match.end("body")])
            if parsed is None:
                continue
            view, dataset, record, options = parsed
            line, col = self.position(match.start())
            line_start = match.start() - col + 1
            line_end = text.find("\n", match.end())
            line_end = len(text) if line_end < 0 else line_end
            block = not text[line_start : match.start()].strip() and not (
                text[match.end() : line_end].strip()
            )
            out.append(
                Directive(
                    view=view,
                    dataset=dataset,
                    record=record,
                    options=options,
                    line=line,
                    col=col,
                    start=match.start(),
                    end=match.end(),
                    block=block,
                    raw=text[match.start() : match.end()],
                )
            )
        return tuple(out)

    def directives_of(self, *views: str) -> list[Directive]:
        return [d for d in self.directives if d.view in views]

    def views_used(self) -> set[str]:
        return {d.view for d in self.directives}

    def replace_directives(self, render: Mapping[str, Callable[[Directive], str]]) -> str:
        """The text with each directive of a view in `render` replaced by what its function
        returns (`render[view](directive) -> str`); other text is kept as it is."""
        out: list[str] = []
        last = 0
        for directive in self.directives:
            fn = render.get(directive.view)
            if fn is None:
                continue
            out.append(self.text[last : directive.start])
            out.append(fn(directive))
            last = directive.end
        out.append(self.text[last:])
        return "".join(out)


class _OpenElements(HTMLParser):
    """Follows the block-holding elements as they open and close; what is left open at the end
    of the page, with the line it was opened on."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.opened: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in CONTAINER_TAGS:
            self.opened.append((self.getpos()[0], tag))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.opened) - 1, -1, -1):
            if self.opened[index][1] == tag:
                del self.opened[index]
                return

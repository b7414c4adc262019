"""A page's directives drawn into its Markdown, or marked there and drawn into its HTML.

Most drawings do not go through Markdown at all: each stands in the Markdown as a mark (an HTML
comment, which Markdown passes through as it is) and replaces its mark in the page's HTML. Given
the drawing itself, Markdown would parse every tag of every chart, map, table and figure (twice:
MkDocs reads raw HTML for anchors, md_in_html for blocks) only to pass them through unchanged,
which was most of the time it spent on the site's pages. Where a mark would not come out of
Markdown where the drawing would (see `by_mark`), the drawing goes into the Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tnsite.data import views
from tnsite.data.directives import Directive, View, get_view, parse
from tnsite.data.render import RenderContext
from tnsite.data.views import RULE
from tnsite.findings import Finding, Msg, Severity

DRAWN_MARK = "<!-- tnsite:drawn {} -->"
MARKS = re.compile(r"<!-- tnsite:drawn (\d+) -->")
HEADING = re.compile(r" {0,3}(#|!!!|\?\?\?)")  # ATX heading, admonition or details title
UNDERLINE = re.compile(r" {0,3}(=+|-+)[ \t]*$")  # makes the line above a heading


def by_mark(view: View, directive: Directive, markdown: str) -> bool:
    """Whether a drawing can stand in the Markdown as a mark: a block view alone at the start
    of its line; a value in running text, but not first on its line (the mark would start a
    block of HTML), not in a heading (its text names the heading's anchor and the page's title)
    and not inside a link's or image's brackets (it would become the text of an attribute)."""
    if view.block:
        return directive.block and directive.col == 1
    start = markdown.rfind("\n", 0, directive.start) + 1
    end = markdown.find("\n", directive.end)
    following = "" if end < 0 else markdown[end + 1 :].split("\n", 1)[0]
    before = markdown[start : directive.start]
    return (
        before.strip() != ""  # a comment that starts a line would start a block of HTML
        and not HEADING.match(before)
        and not UNDERLINE.match(following)
        and before.count("[") <= before.count("]")
    )


@dataclass(frozen=True)
class Drawn:
    """A page's Markdown with its directives drawn or marked, the drawings the marks stand for
    (with the directive each comes from), and the directives that could not be drawn."""

    markdown: str
    blocks: tuple[tuple[str, str], ...]  # (drawing, directive as written)
    failures: tuple[Finding, ...]

    def into(self, html: str) -> tuple[str, list[str]]:
        """The page's HTML with each mark replaced by its drawing, and the directives whose
        mark was not found in it (a plugin dropped it: the drawing would be lost)."""
        placed: set[int] = set()

        def drawing(match: re.Match[str]) -> str:
            number = int(match.group(1))
            if number >= len(self.blocks) or number in placed:
                return match.group(0)
            placed.add(number)
            return self.blocks[number][0]

        html = MARKS.sub(drawing, html)
        return html, [raw for n, (_, raw) in enumerate(self.blocks) if n not in placed]


def _line_of(source: str, raw: str) -> int:
    """The file line where the editor wrote a directive (1 when it is not found as written)."""
    return next((n for n, text in enumerate(source.split("\n"), 1) if raw in text), 1)


def render_failure(rel: str, source: str, directive: Directive, exc: ValueError) -> Finding:
    """A directive that passed its checks and still could not be drawn, at its file line."""
    return Finding(
        rel,
        _line_of(source, directive.raw),
        RULE,
        Msg(f"{directive.raw} cannot be shown: {exc}", f"không hiển thị được {directive.raw}"),
        Severity.ERROR,
        directive.col,
        Msg(
            "check the records this directive shows in data/",
            "hãy kiểm tra các bản ghi mà chỉ thị này hiển thị trong data/",
        ),
    )


def not_placed(rel: str, source: str, raw: str) -> Finding:
    """A drawing whose place in the page was lost on the way through Markdown."""
    return Finding(
        rel,
        _line_of(source, raw),
        RULE,
        Msg(f"{raw} could not be placed in the page", f"không đặt được {raw} vào trang"),
        Severity.ERROR,
        hint=Msg(
            "put the directive on a line of its own, outside any other construct",
            "hãy đặt chỉ thị trên một dòng riêng, không nằm trong cấu trúc nào khác",
        ),
    )


def draw(markdown: str, ctx: RenderContext, rel: str, source: str, sources_list: bool) -> Drawn:
    """The page body's directives drawn (or marked), and those that could not be drawn; `rel`
    and `source` (the file as written) place a failure at the editor's line."""
    out: list[str] = []
    blocks: list[tuple[str, str]] = []
    failures: list[Finding] = []
    last = 0
    for directive in parse(markdown, front_matter=False):
        view = get_view(directive.view)
        if view is None or view.render is None:
            continue
        if ctx.store.invalid:
            # A figure may draw on any data file (a chart's points name key figures): with a
            # value of the wrong kind in one, the schema's finding at its line is the one
            # message, and the pages are drawn once it is fixed (the build is refused anyway).
            break
        if views.problems(directive, ctx.store):
            continue  # left as written: reported by the page's checks, the build will not publish
        out.append(markdown[last : directive.start])
        try:
            drawing = view.render(ctx, directive)
            if by_mark(view, directive, markdown):
                out.append(DRAWN_MARK.format(len(blocks)))
                blocks.append((drawing, directive.raw))
            else:
                out.append(drawing)
        except ValueError as exc:
            failures.append(render_failure(rel, source, directive, exc))
            out.append(directive.raw)
        last = directive.end
    out.append(markdown[last:])
    rendered = "".join(out)
    if sources_list and ctx.sources:
        mark = DRAWN_MARK.format(len(blocks))
        blocks.append((ctx.sources_section(), "sources"))
        rendered = rendered.rstrip() + "\n\n" + mark + "\n"
    return Drawn(rendered, tuple(blocks), tuple(failures))

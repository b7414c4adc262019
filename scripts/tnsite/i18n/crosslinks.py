"""Links from a page to another language's version of a page.

An editor writes such a link like any other, with the page's path in the language tree, and
says which language it leads to:

    [Bản tiếng Việt](../le-hoi.md){hreflang=vi}

static-i18n resolves every `.md` link to the page in the language being built, so the build
then points the link at the named language's page (`relink`), or reports that the page has no
version in that language. A link written into another language's folder
(`../../vi/du-lich/le-hoi.md`), which static-i18n would silently send back to the current
language, is reported with the form to write instead (`folder_links`).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from tnsite.alternates import SourceIndex, md_candidates, split_language
from tnsite.config import Project
from tnsite.explains import BROKEN_ANCHOR, BROKEN_LINK, EXPLAINS, HREFLANG_MISMATCH, explains
from tnsite.findings import Finding, Msg, Severity
from tnsite.i18n.names import lang_name
from tnsite.langtags import meant_language
from tnsite.mdsource import Source
from tnsite.urls import relative_href

RULE = "language-link"
ANCHOR = re.compile(r"<a\b[^>]*>", re.I)
ATTR = re.compile(r"""\b(href|hreflang)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


@dataclass(frozen=True)
class Relinked:
    html: str
    findings: list[Finding]


def _attrs(tag: str) -> dict[str, str]:
    return {
        m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
        for m in ATTR.finditer(tag)
    }


def _line_of(source: Source, href_stem: str, lang: str) -> tuple[int, int]:
    """The Markdown line of the link: its destination names the page, its attributes the
    language."""
    for link in source.links:
        if href_stem and href_stem in link.dest:
            line = source.lines[link.line - 1]
            if f"hreflang={lang}" in line.replace('"', "").replace("'", ""):
                return link.line, link.col
    return 1, 1


def relink(
    project: Project,
    index: SourceIndex,
    html: str,
    page_url: str,
    rel: str,
    markdown: str,
) -> Relinked:
    """Point every content link marked `hreflang=X` at language X's version of its page."""
    findings: list[Finding] = []
    source = Source.of(markdown)

    def replace(match: re.Match[str]) -> str:
        tag = match.group(0)
        attrs = _attrs(tag)
        lang, href = attrs.get("hreflang"), attrs.get("href")
        if not lang or href is None or lang not in project.codes:
            return tag
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            return tag  # an address on another site, or this page: nothing to point
        base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
        target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        target = target + "/" if parts.path.endswith("/") else target
        _, rest = split_language(project, target.lstrip("./"))
        if rest in ("", "."):
            candidates: tuple[str, ...] = ("index.md",)
        elif rest.endswith(".md"):
            candidates = (rest,)
        else:
            candidates = md_candidates(
                rest if rest.endswith(".html") else rest.rstrip("/") + "/index.html"
            )
        found = next((md for md in candidates if index.is_real_translation(lang, md)), None)
        if found is None:
            line, col = _line_of(source, posixpath.basename(rest.rstrip("/")), lang)
            en, vi = lang_name(lang, "en"), lang_name(lang, "vi")
            findings.append(
                Finding(
                    rel,
                    line,
                    RULE,
                    Msg(
                        f"the link to '{href}' asks for the {en} version of the page, "
                        f"which does not exist",
                        f"liên kết tới '{href}' yêu cầu bản {vi} của trang, nhưng bản này chưa có",
                    ),
                    Severity.ERROR,
                    col,
                    Msg(
                        f"link to a page that exists in {en}, or remove {{hreflang={lang}}}",
                        f"hãy liên kết tới trang đã có bản {vi}, hoặc bỏ {{hreflang={lang}}}",
                    ),
                    # The link is left on the page's own language, where the built site's
                    # check sees it land: this finding again.
                    extra={EXPLAINS: [explains(HREFLANG_MISMATCH, path=rel, line=line)]},
                )
            )
            return tag
        wanted = index.page_url(lang, found)
        new = relative_href(wanted, page_url) + (f"#{parts.fragment}" if parts.fragment else "")
        return ATTR.sub(
            lambda m: f'href="{new}"' if m.group(1).lower() == "href" else m.group(0), tag
        )

    return Relinked(ANCHOR.sub(replace, html), findings)


# A link's destination and the attribute list written after it: `](le-hoi.md){hreflang=vi}`.
LINK_ATTRS = re.compile(r"\]\((?P<dest>[^()\s]*)\)(?P<gap>[ \t]*)\{:?(?P<attrs>[^{}]*)\}")
HREFLANG = re.compile(r"""\bhreflang\s*=\s*["']?(?P<code>[^\s"'}]*)""")


def language_attributes(project: Project, rel: str, text: str) -> list[Finding]:
    """`{hreflang=…}` written so that it does nothing: a code that is no language of the site
    (`vn` for `vi`), or a space between the link and its `{…}`, which Markdown then prints as
    text. Either way the link stays on the page's own language without a word."""
    out: list[Finding] = []
    source = Source.of(text)
    for number, line in source.prose_lines():
        for match in LINK_ATTRS.finditer(line):
            written = HREFLANG.search(match["attrs"])
            if written is None:
                continue
            code = written["code"]
            fixed = f"]({match['dest']}){{hreflang={code}}}"
            if code not in project.codes:
                meant = meant_language(code, project.codes)
                message = Msg(
                    f"hreflang={code} is not a language of the site ({', '.join(project.codes)})",
                    f"hreflang={code} không phải ngôn ngữ của trang web "
                    f"({', '.join(project.codes)})",
                )
                hint = Msg(
                    f"write hreflang={meant}" if meant else "write one of those codes",
                    f"viết hreflang={meant}" if meant else "viết một trong các mã đó",
                )
            elif match["gap"]:
                message = Msg(
                    "a space between the link and its {hreflang=…}: the page would show "
                    f"{{hreflang={code}}} as text and the link would stay on this language",
                    "có dấu cách giữa liên kết và {hreflang=…}: trang sẽ hiện "
                    f"{{hreflang={code}}} thành chữ và liên kết vẫn ở ngôn ngữ này",
                )
                hint = Msg(f"write {fixed}, without the space", f"viết {fixed}, không có dấu cách")
            else:
                continue
            out.append(
                Finding(
                    rel,
                    number,
                    RULE,
                    message,
                    Severity.ERROR,
                    match.start() + 2,
                    hint,
                    extra={EXPLAINS: [explains(HREFLANG_MISMATCH, path=rel, line=number)]},
                )
            )
    return out


def folder_links(project: Project, rel: str, text: str, page_path: str) -> list[Finding]:
    """Links written into another language's folder (`../../vi/du-lich/le-hoi.md`)."""
    lang_here, _, md_here = page_path.partition("/")
    out: list[Finding] = language_attributes(project, rel, text)
    for link in Source.of(text).links:
        parts = urlsplit(link.dest)
        if parts.scheme or parts.netloc or not parts.path.endswith(".md"):
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), parts.path))
        head, _, rest = resolved.partition("/")
        if head not in project.codes or head == lang_here or not rest:
            continue
        written = posixpath.relpath(rest, posixpath.dirname(md_here) or ".")
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        suggestion = f"[…]({written}{fragment}){{hreflang={head}}}"
        exists = (project.lang_dir(head) / rest).is_file()
        hint = (
            Msg(
                f"to lead the reader to the {head} version, write {suggestion}",
                f"để dẫn người đọc sang bản {head}, hãy viết {suggestion}",
            )
            if exists
            else Msg(
                f"the page has no {head} version yet: link to it in this page's language, "
                f"[…]({written}{fragment})",
                f"trang này chưa có bản {head}: hãy liên kết tới trang cùng ngôn ngữ, "
                f"[…]({written}{fragment})",
            )
        )
        out.append(
            Finding(
                rel,
                link.line,
                RULE,
                Msg(
                    f"the link '{link.dest}' goes into the {head} folder; the site would send "
                    "it to this language's page",
                    f"liên kết '{link.dest}' trỏ vào thư mục {head}; trang web sẽ đưa nó về "
                    "trang cùng ngôn ngữ với trang này",
                ),
                Severity.ERROR,
                link.col,
                hint,
                # Where the link lands in the built page (this language's page, or none) is
                # this mistake again.
                extra={
                    EXPLAINS: [
                        explains(
                            HREFLANG_MISMATCH, BROKEN_LINK, BROKEN_ANCHOR, path=rel, line=link.line
                        )
                    ]
                },
            )
        )
    return out

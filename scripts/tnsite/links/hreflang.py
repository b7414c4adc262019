"""hreflang alternates: written from the real translations, and checked on the built site.

The stock theme lists every language on every page, including a language whose page was built
by fallback from the Vietnamese file, uses relative URLs (search engines want them absolute)
and has no `x-default`. After the build, each page's `<link rel="alternate" hreflang>` set is
replaced by: one entry per language that has its own file (see tnsite.alternates), plus
`x-default` pointing at the source language. A fallback or `noindex` page carries none: it is
not part of any translation group. The language switcher (`<a hreflang>`) is left as it is.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from tnsite.alternates import BuiltPage, SourceIndex, is_noindex
from tnsite.config import Project
from tnsite.findings import Finding, Msg
from tnsite.langtags import is_language
from tnsite.links.resolve import OK, Resolver
from tnsite.links.site import SiteScan

ALTERNATE_TAG = re.compile(
    r"""[ \t]*<link\b(?=[^>]*\brel\s*=\s*["']?alternate\b)(?=[^>]*\bhreflang\s*=)[^>]*>[ \t]*\n?""",
    re.I,
)
CANONICAL_TAG = re.compile(r"""<link\b[^>]*\brel\s*=\s*["']?canonical\b[^>]*>[ \t]*\n?""", re.I)
X_DEFAULT = "x-default"


@dataclass(frozen=True)
class PageAlternates:
    page: BuiltPage
    noindex: bool
    alternates: tuple[tuple[str, str], ...]  # (hreflang, absolute URL)

    @property
    def indexable(self) -> bool:
        return self.page.md is not None and not self.page.is_fallback and not self.noindex


def alternates_for(
    project: Project, index: SourceIndex, md: str, hidden: frozenset[str] = frozenset()
) -> tuple[tuple[str, str], ...]:
    """The alternates of a translation group: its real languages (less those whose page is in
    `hidden`, e.g. marked noindex) and x-default."""
    langs = [
        code
        for code in index.real_languages(md)
        if index.page_url(code, md) + "index.html" not in hidden
    ]
    if len(langs) < 2:
        return ()
    base = project.site_url
    out = [(code, base + index.page_url(code, md)) for code in langs]
    default = project.source_code if project.source_code in langs else langs[0]
    out.append((X_DEFAULT, base + index.page_url(default, md)))
    return tuple(out)


def render_alternates(alternates: tuple[tuple[str, str], ...], indent: str = "      ") -> str:
    return "".join(
        f'{indent}<link rel="alternate" href="{html.escape(href)}" '
        f'hreflang="{html.escape(lang)}">\n'
        for lang, href in alternates
    )


def replace_alternates(text: str, alternates: tuple[tuple[str, str], ...]) -> str:
    """Swap the page's hreflang `<link>`s for `alternates`, where the first one stood."""
    head_end = text.find("</head>")
    if head_end < 0:
        return text
    head, rest = text[:head_end], text[head_end:]
    first = ALTERNATE_TAG.search(head)
    block = render_alternates(alternates)
    if first is not None:
        head = head[: first.start()] + "\0" + ALTERNATE_TAG.sub("", head[first.start() :])
        return head.replace("\0", block, 1) + rest
    if not block:
        return text
    canonical = CANONICAL_TAG.search(head)
    at = canonical.end() if canonical else len(head)
    return head[:at] + block + head[at:] + rest


def write_alternates(project: Project, site: Path, write: bool = True) -> dict[str, PageAlternates]:
    """Rewrite every page's hreflang set (unless `write` is False); return what each page
    says (for the sitemap)."""
    index = SourceIndex(project)
    pages: list[tuple[Path, str, BuiltPage, str, bool]] = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        page = index.locate(rel)
        if page.md is not None:
            text = path.read_text(encoding="utf-8")
            pages.append((path, rel, page, text, is_noindex(text)))
    hidden = frozenset(rel for _, rel, _, _, noindex in pages if noindex)
    groups: dict[str, tuple[tuple[str, str], ...]] = {}
    out: dict[str, PageAlternates] = {}
    for path, rel, page, text, noindex in pages:
        assert page.md is not None
        if page.is_fallback or noindex:
            wanted: tuple[tuple[str, str], ...] = ()
        else:
            if page.md not in groups:
                groups[page.md] = alternates_for(project, index, page.md, hidden)
            wanted = groups[page.md]
        if write:
            new = replace_alternates(text, wanted)
            if new != text:
                path.write_text(new, encoding="utf-8")
        out[rel] = PageAlternates(page, noindex, wanted)
    return out


# ---------------------------------------------------------------------------------------------
# Checks on the built site


def _finding(page: BuiltPage, rule: str, en: str, vi: str, hint_en: str, hint_vi: str) -> Finding:
    return Finding(
        path=page.source or page.html,
        line=1,
        rule=rule,
        message=Msg(en, vi),
        hint=Msg(hint_en, hint_vi),
        extra={"page": page.html},
    )


def check_hreflang(project: Project, scan: SiteScan, index: SourceIndex) -> list[Finding]:
    """Alternates are reciprocal, absolute-resolvable, only real translations, with x-default."""
    resolver = Resolver(scan.files, project.site_url)
    findings: list[Finding] = []
    located = {path: index.locate(path) for path in scan.pages}

    def indexable(path: str) -> bool:
        page = located.get(path)
        return bool(page and page.md and not page.is_fallback and not scan.pages[path].noindex)

    groups: dict[str, dict[str, str]] = {}

    def group_of(path: str) -> dict[str, str]:
        if path not in groups:
            out: dict[str, str] = {}
            for lang, href in scan.pages[path].alternates:
                target = resolver.resolve(path, href)
                out[lang] = target.path if target.status == OK else f"?{href}"
            groups[path] = out
        return groups[path]

    fix_en = "Rebuild the site: the links plugin writes the alternates from the real translations."
    fix_vi = "Dựng lại trang: plugin links ghi các liên kết hreflang từ các bản dịch thật."
    for path in sorted(scan.pages):
        page = located[path]
        if not indexable(path):
            continue
        assert page.md is not None
        langs = [
            code
            for code in index.real_languages(page.md)
            if indexable(index.page_url(code, page.md) + "index.html")
        ]
        group = group_of(path)
        if len(langs) < 2 and not group:
            continue
        seen = [lang for lang, _ in scan.pages[path].alternates]
        duplicates = sorted({lang for lang in seen if seen.count(lang) > 1})
        if duplicates:
            findings.append(
                _finding(
                    page,
                    "hreflang-duplicate",
                    f"hreflang {', '.join(duplicates)} is listed more than once on {path}",
                    f"hreflang {', '.join(duplicates)} xuất hiện nhiều lần trên {path}",
                    fix_en,
                    fix_vi,
                )
            )
        missing = [code for code in langs if code not in group]
        if missing:
            findings.append(
                _finding(
                    page,
                    "hreflang-missing",
                    f"{path} does not list its translation(s) {', '.join(missing)} as hreflang "
                    "alternates",
                    f"{path} thiếu liên kết hreflang tới bản dịch {', '.join(missing)}",
                    fix_en,
                    fix_vi,
                )
            )
        if X_DEFAULT not in group:
            findings.append(
                _finding(
                    page,
                    "hreflang-x-default",
                    f"{path} has hreflang alternates but no x-default",
                    f"{path} có liên kết hreflang nhưng thiếu x-default",
                    fix_en,
                    fix_vi,
                )
            )
        for lang, target in group.items():
            if target.startswith("?"):
                continue  # reported as broken-link by the link check
            if not indexable(target):
                findings.append(
                    _finding(
                        page,
                        "hreflang-fallback",
                        f"hreflang {lang} of {path} points at {target}, which is not a real "
                        "translation (built by fallback or noindex)",
                        f"hreflang {lang} của {path} trỏ tới {target}, không phải bản dịch thật "
                        "(trang dự phòng hoặc noindex)",
                        "Translate the page, or rebuild so the alternate is dropped.",
                        "Dịch trang đó, hoặc dựng lại để bỏ liên kết này.",
                    )
                )
                continue
            target_lang = scan.pages[target].html_lang
            if lang != X_DEFAULT and target_lang and not is_language(target_lang, lang):
                findings.append(
                    _finding(
                        page,
                        "hreflang-wrong-language",
                        f"hreflang {lang} of {path} points at {target}, a page in '{target_lang}'",
                        f"hreflang {lang} của {path} trỏ tới {target}, trang bằng '{target_lang}'",
                        fix_en,
                        fix_vi,
                    )
                )
            if lang != X_DEFAULT and group_of(target) != group:
                findings.append(
                    _finding(
                        page,
                        "hreflang-not-reciprocal",
                        f"{path} lists {target} as its {lang} version, but {target} does not "
                        "list the same alternates back",
                        f"{path} ghi {target} là bản {lang}, nhưng {target} không ghi lại cùng "
                        "các liên kết hreflang",
                        fix_en,
                        fix_vi,
                    )
                )
    return findings

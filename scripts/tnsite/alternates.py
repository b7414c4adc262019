"""Which Markdown file a built page comes from, and the one rule for "is this page a real
translation?".

mkdocs-static-i18n builds a page missing in a language from the default language's file
(fallback). Such a page is not a translation: it must not be offered as an hreflang alternate,
listed in sitemap.xml, or counted as translated. Every part of the project that needs to know
asks here, so the rule lives in one place:

- a page is a real translation in language L when `docs/L/<path>.md` exists;
- a built page is a fallback when its language's file is missing and the default language's
  file was used instead.

The mapping works from paths alone (use_directory_urls: true), so checks can read any built
site without MkDocs internals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from tnsite.config import Project
from tnsite.urls import page_url

ROBOTS_NOINDEX = re.compile(
    r"""<meta\s+(?=[^>]*\bname\s*=\s*["']?robots["']?)(?=[^>]*\bcontent\s*=\s*["'][^"']*"""
    r"""\bnoindex\b)[^>]*>""",
    re.I,
)


def is_real_translation(project: Project, lang: str, md_path: str) -> bool:
    """True when `md_path` (relative to the language folder) is written in `lang`."""
    return (project.lang_dir(lang) / md_path).is_file()


def real_languages(project: Project, md_path: str) -> tuple[str, ...]:
    """The languages, in mkdocs.yml order, that have their own file for this page."""
    return tuple(code for code in project.codes if is_real_translation(project, code, md_path))


def page_address(project: Project, lang: str, md_path: str) -> str:
    """Site-relative URL of a page in a language ('km', 'dau-tu/index.md' → 'km/dau-tu/'); the
    built file is this and 'index.html'."""
    return project.language(lang).url_prefix + page_url(md_path)


def is_noindex(html: str) -> bool:
    """True when the page carries `<meta name="robots" content="noindex...">`."""
    head = html[: html.find("</head>")] if "</head>" in html else html
    return bool(ROBOTS_NOINDEX.search(head))


def split_language(project: Project, site_path: str) -> tuple[str, str]:
    """'km/dau-tu/index.html' → ('km', 'dau-tu/index.html'); no prefix → default language."""
    for lang in project.languages:
        if lang.url_prefix and site_path.startswith(lang.url_prefix):
            return lang.code, site_path[len(lang.url_prefix) :]
    return project.source_code, site_path


def md_candidates(rel_html: str) -> tuple[str, ...]:
    """Markdown paths that build to this HTML path: 'a/p/index.html' ← 'a/p.md' or
    'a/p/index.md'; 'index.html' ← 'index.md'."""
    if not rel_html.endswith("index.html"):
        return ()
    folder = rel_html[: -len("index.html")]
    if not folder:
        return ("index.md",)
    return (folder.rstrip("/") + ".md", folder + "index.md")


@dataclass(frozen=True)
class BuiltPage:
    """A built HTML page and the Markdown file it was made from (None: not from Markdown)."""

    html: str  # site-relative, e.g. "km/dau-tu/index.html"
    lang: str  # language of the URL tree the page lives in
    md: str | None  # relative to the language folder, e.g. "dau-tu/index.md"
    source_lang: str | None  # language folder of the file really used
    source: str | None = None  # project-relative, e.g. "docs/vi/dau-tu/index.md"

    @property
    def is_fallback(self) -> bool:
        return self.md is not None and self.source_lang != self.lang

    @property
    def url(self) -> str:
        """Site-relative URL of the page ('km/dau-tu/')."""
        return self.html[: -len("index.html")] if self.html.endswith("index.html") else self.html


class SourceIndex:
    """Every Markdown file of every language, listed once (cheap look-ups for a whole site)."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.docs = project.docs_dir.relative_to(project.root).as_posix()

    @cached_property
    def files(self) -> dict[str, frozenset[str]]:
        out: dict[str, frozenset[str]] = {}
        for code in self.project.codes:
            base = self.project.lang_dir(code)
            out[code] = frozenset(
                p.relative_to(base).as_posix() for p in base.rglob("*.md") if p.is_file()
            )
        return out

    def is_real_translation(self, lang: str, md_path: str) -> bool:
        return md_path in self.files.get(lang, frozenset())

    def real_languages(self, md_path: str) -> tuple[str, ...]:
        return tuple(code for code in self.project.codes if md_path in self.files[code])

    def source_language(self, lang: str, md_path: str) -> str | None:
        """The language folder whose file builds `md_path` in `lang`: its own, else (when
        mkdocs.yml lets static-i18n fall back) the default language's; None when not built.
        The build checks that static-i18n chooses the same (tnsite.stack.i18n)."""
        if md_path in self.files.get(lang, frozenset()):
            return lang
        default = self.project.source_code
        if self.project.fallback_to_default and md_path in self.files.get(default, frozenset()):
            return default
        return None

    def locate(self, site_path: str) -> BuiltPage:
        """The Markdown file behind a built page, following static-i18n's fallback rule."""
        lang, rel = split_language(self.project, site_path)
        for md in md_candidates(rel):
            source = self.source_language(lang, md)
            if source is not None:
                return BuiltPage(site_path, lang, md, source, f"{self.docs}/{source}/{md}")
        return BuiltPage(site_path, lang, None, None)

    def page_url(self, lang: str, md_path: str) -> str:
        """Site-relative URL of a page in a language ('km/dau-tu/')."""
        return page_address(self.project, lang, md_path)

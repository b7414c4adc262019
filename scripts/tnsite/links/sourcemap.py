"""From a URL in a built page back to the line that wrote it.

Python-Markdown keeps no source positions, and data directives and plugins change the text
before it is rendered, so a map recorded during the build would still need this step. Instead
the Markdown file behind the page (tnsite.alternates) is read directly: every link destination
in it (inline and reference links, images, raw HTML attributes, srcset entries, CSS `url()`)
is resolved the way MkDocs rewrites it, and the line whose destination leads where the broken
URL leads is the one to fix. URLs not written in the Markdown come from the theme: they are
traced to mkdocs.yml (logo, extra_css, ...) or to a template under overrides/.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tnsite.alternates import BuiltPage
from tnsite.config import Project
from tnsite.links.resolve import Resolver
from tnsite.links.scan import Ref
from tnsite.mdsource import MdLink, Source
from tnsite.urls import page_url


@dataclass(frozen=True)
class Origin:
    """Where a URL was written: a file of the project and a 1-based line and column."""

    path: str
    line: int
    col: int = 1
    kind: str = "markdown"  # markdown | generated | theme | stylesheet
    written: str = ""  # the destination as the Markdown file writes it


def markdown_links(text: str) -> list[MdLink]:
    """Every link destination written in a Markdown file, with its line and column."""
    return list(Source.of(text).links)


@dataclass(frozen=True)
class MdFile:
    """What the source map needs of one Markdown file."""

    links: tuple[MdLink, ...]
    lines: tuple[str, ...]
    first_directive: tuple[int, int] | None  # (line, col)


@lru_cache(maxsize=2048)
def _read(path: Path, mtime: float) -> MdFile:
    source = Source.of(path.read_text(encoding="utf-8", errors="replace"))
    first = source.directives[0] if source.directives else None
    return MdFile(
        source.links,
        tuple(source.lines),
        (first.line, first.col) if first else None,
    )


def read_links(path: Path) -> tuple[tuple[MdLink, ...], tuple[str, ...]]:
    found = read_md(path)
    return found.links, found.lines


def read_md(path: Path) -> MdFile:
    return _read(path, path.stat().st_mtime)


def _split(url: str) -> tuple[str, str | None]:
    if "#" in url:
        path, fragment = url.split("#", 1)
        return path, fragment
    return url, None


class SourceMap:
    """Finds the line of the project that wrote a URL of a built page."""

    def __init__(self, project: Project, resolver: Resolver) -> None:
        self.project = project
        self.resolver = resolver
        self.codes = set(project.codes)

    # -- Markdown ------------------------------------------------------------------------------

    def _mkdocs_targets(self, page: BuiltPage, dest: str) -> list[tuple[str, str | None]]:
        """Where MkDocs (with static-i18n) sends a relative Markdown destination."""
        path, fragment = _split(dest)
        if not path or "://" in path or path.startswith(("/", "mailto:", "tel:")):
            return []
        assert page.md is not None and page.source_lang is not None
        folder = posixpath.dirname(f"{page.source_lang}/{page.md}")
        target = posixpath.normpath(posixpath.join(folder, path.split("?", 1)[0]))
        head, _, rest = target.partition("/")
        if head in self.codes and rest:
            target = rest
        prefixes = {self.project.language(page.lang).url_prefix, ""}
        if target.endswith(".md"):
            url = self.project.language(page.lang).url_prefix + page_url(target)
            return [(url + "index.html" if url.endswith("/") or not url else url, fragment)]
        return [(prefix + target, fragment) for prefix in prefixes]

    def _matches(self, page: BuiltPage, dest: str, target: str, fragment: str | None) -> bool:
        resolved = self.resolver.resolve(page.html, dest)
        if resolved.path == target and resolved.fragment == fragment:
            return True
        return any(
            path == target and (frag or None) == (fragment or None)
            for path, frag in self._mkdocs_targets(page, dest)
        )

    def in_markdown(self, page: BuiltPage, ref: Ref, target: str) -> list[Origin]:
        """Lines of the page's Markdown whose link leads where `ref` leads (may be several)."""
        if page.source is None:
            return []
        file = self.project.root / page.source
        if not file.is_file():
            return []
        links, lines = read_links(file)
        fragment = self.resolver.resolve(page.html, ref.url).fragment
        exact = [
            Origin(page.source, link.line, link.col, written=link.dest)
            for link in links
            if link.dest == ref.url or self._matches(page, link.dest, target, fragment)
        ]
        if exact:
            return exact
        # A link MkDocs could not resolve keeps its own form: match the written destinations
        # by the file they name, then by the URL's distinctive part anywhere in the text.
        path = ref.url.split("?", 1)[0].split("#", 1)[0]
        needle = "#" + fragment if fragment else path.rstrip("/").rsplit("/", 1)[-1]
        if needle and needle not in (".", ".."):
            named = [
                Origin(page.source, link.line, link.col, written=link.dest)
                for link in links
                if link.dest.split("#", 1)[0].rstrip("/").endswith(needle)
                or (needle.startswith("#") and link.dest.endswith(needle))
            ]
            if named:
                return named
            for number, text in enumerate(lines, start=1):
                col = text.find(needle)
                if col >= 0:
                    return [Origin(page.source, number, col + 1)]
        return []

    def generated(self, page: BuiltPage) -> Origin:
        """A URL inside the page's content that no Markdown line wrote: a data directive or a
        plugin made it; point at the first directive of the page, else its first line."""
        assert page.source is not None
        first = read_md(self.project.root / page.source).first_directive
        if first is not None:
            return Origin(page.source, first[0], first[1], "generated")
        return Origin(page.source, 1, 1, "generated")

    def origins(self, page: BuiltPage, ref: Ref, target: str) -> list[Origin]:
        """Where to fix `ref` of `page`: its Markdown lines, else the directive that made it,
        else the theme."""
        origins: list[Origin] = []
        if page.md is not None:
            origins = self.in_markdown(page, ref, target)
            if not origins and ref.in_content:
                origins = [self.generated(page)]
        return origins or [self.in_theme(ref)]

    # -- Theme ---------------------------------------------------------------------------------

    @staticmethod
    def _tail(url: str, site_url: str) -> str:
        path = url.split("#", 1)[0].split("?", 1)[0]
        if path.startswith(site_url):
            path = path[len(site_url) :]
        while path.startswith(("../", "./", "/")):
            path = path.split("/", 1)[1] if "/" in path else ""
        return path

    def in_theme(self, ref: Ref) -> Origin:
        """mkdocs.yml when the URL is configured there (logo, extra_css...), else the override
        template that contains it, else the theme setting itself."""
        tail = self._tail(ref.url, self.project.site_url)
        for prefix, code in ((lang.url_prefix, lang.code) for lang in self.project.languages):
            if prefix and tail.startswith(prefix) and code:
                tail = tail[len(prefix) :]
                break
        return _theme_origin(self.project.root, tail if any(c.isalnum() for c in tail) else "")


@lru_cache(maxsize=512)
def _theme_origin(root: Path, tail: str) -> Origin:
    config = root / "mkdocs.yml"
    theme_line = 1
    lines = config.read_text(encoding="utf-8").split("\n") if config.is_file() else []
    for number, text in enumerate(lines, start=1):
        if text.startswith("theme:"):
            theme_line = number
        if tail and tail in text:
            return Origin("mkdocs.yml", number, text.find(tail) + 1, "theme")
    overrides = root / "overrides"
    if tail and overrides.is_dir():
        for template in sorted(overrides.rglob("*.html")):
            for number, text in enumerate(
                template.read_text(encoding="utf-8", errors="replace").split("\n"), start=1
            ):
                if tail in text:
                    rel = template.relative_to(root).as_posix()
                    return Origin(rel, number, text.find(tail) + 1, "theme")
    return Origin("mkdocs.yml", theme_line, 1, "theme")


def stylesheet_origin(project: Project, css_path: str, line: int) -> Origin:
    """The source of a built stylesheet: top-level assets/, a language folder, or the theme."""
    direct = project.root / css_path
    if direct.is_file():
        return Origin(css_path, line, 1, "stylesheet")
    rest = css_path
    for lang in project.languages:
        if lang.url_prefix and css_path.startswith(lang.url_prefix):
            rest = css_path[len(lang.url_prefix) :]
    docs = project.docs_dir.relative_to(project.root).as_posix()
    for code in project.codes:
        candidate = f"{docs}/{code}/{rest}"
        if (project.root / candidate).is_file():
            return Origin(candidate, line, 1, "stylesheet")
    theme = _theme_origin(project.root, "")
    return Origin(theme.path, theme.line, 1, "theme")

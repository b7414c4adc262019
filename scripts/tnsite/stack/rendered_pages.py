"""MkDocs' Markdown conversion of a page, kept by everything the conversion reads.

`Page.render` (MkDocs 1.6) turns the page's Markdown, as the plugins left it, into HTML with
the configured extensions, and on the way resolves every link against the site's files,
collects the anchors the page has and the anchors it links to, takes the title from the first
heading, and logs what is wrong with a link. Converting is a pure function of:

- the Markdown text after the `page_markdown` plugins,
- where the page is (its source path, output path and URL),
- the site's files (path, output path, URL and inclusion of each), which decide every link,
- the Markdown extensions with their settings and MkDocs' `validation` and URL settings,
- the level of MkDocs' page logger (anchor links are only collected above DEBUG),
- the code: Python-Markdown, its extensions and MkDocs (the kept results' code version).

So the result is kept under a digest of all of them, on disk between builds (tnsite.memo):
an edit converts the page edited, and a page whose link target was added or removed is
converted again with every page of that language. The messages MkDocs logged while converting
(a broken link, an unknown anchor) are kept with the result and logged again on reuse, so
every check that listens to MkDocs' log (tnsite/check) hears the same thing from a kept page
as from a converted one.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from tnsite.memo import ContentMemo, digest

PAGE_LOGGER = "mkdocs.structure.pages"  # decides whether links to anchors are collected


@dataclass(frozen=True)
class Rendered:
    content: str
    toc: TableOfContents
    title: str | None
    anchors: frozenset[str]
    links_to_anchors: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] | None  # by src_uri
    logged: tuple[tuple[str, int, str], ...]  # (logger, level, message), in order


_RENDERED: ContentMemo[Rendered] = ContentMemo(8192, keep="rendered-pages")
_FILES_SIGNATURE = "_tnsite_render_signature"


def keep_rendering(page: Page) -> None:
    """Route this page's conversion through the kept results (called before MkDocs renders
    it; the page object is the build's own, so nothing outside this build is affected)."""
    convert = page.render

    def render(config: MkDocsConfig, files: Files) -> None:
        if page.markdown is None:  # MkDocs' own error for this case
            convert(config, files)
            return
        parts = (
            page.markdown,
            page.file.src_uri,
            page.file.dest_uri,
            page.file.url,
            _files_signature(files),
            _config_signature(config),
            str(logging.getLogger(PAGE_LOGGER).getEffectiveLevel()),
        )
        kept = _RENDERED.known(parts)
        if kept is None:
            with _logged() as logged:
                convert(config, files)
            _RENDERED.remember(parts, _result(page, logged))
            return
        _restore(page, kept[0], files)

    page.render = render  # type: ignore[method-assign]


def _result(page: Page, logged: list[tuple[str, int, str]]) -> Rendered:
    links = page.links_to_anchors
    return Rendered(
        content=page.content or "",
        toc=copy.deepcopy(page.toc),  # the page's own may be changed later in the build
        title=page._title_from_render,
        anchors=frozenset(page.present_anchor_ids or ()),
        links_to_anchors=None
        if links is None
        else tuple(
            (file.src_uri, tuple(sorted(anchors.items())))
            for file, anchors in sorted(links.items(), key=lambda item: item[0].src_uri)
        ),
        logged=tuple(logged),
    )


def _restore(page: Page, kept: Rendered, files: Files) -> None:
    page.content = kept.content
    page.toc = copy.deepcopy(kept.toc)  # each build's page gets its own
    page._title_from_render = kept.title
    page.present_anchor_ids = set(kept.anchors)
    if kept.links_to_anchors is not None:
        page.links_to_anchors = {}
        for src_uri, anchors in kept.links_to_anchors:
            target = files.get_file_from_path(src_uri)
            if target is not None:
                page.links_to_anchors[target] = dict(anchors)
    for name, level, message in kept.logged:
        logging.getLogger(name).log(level, message)


@contextmanager
def _logged() -> Iterator[list[tuple[str, int, str]]]:
    """Every record logged anywhere while the page converts (MkDocs' link warnings, an
    extension's complaint), as it reached the handlers."""
    records: list[tuple[str, int, str]] = []
    seen: dict[int, logging.LogRecord] = {}  # held, so that no id is reused meanwhile

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if id(record) not in seen:  # heard at both loggers when "mkdocs" propagates
                seen[id(record)] = record
                records.append((record.name, record.levelno, record.getMessage()))

    handler = Keep(logging.NOTSET)
    # MkDocs' command line stops "mkdocs" records from reaching the root logger.
    loggers = (logging.getLogger(), logging.getLogger("mkdocs"))
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield records
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


def _files_signature(files: Files) -> str:
    """Every file's place in the site, computed once per language's file set."""
    kept = getattr(files, _FILES_SIGNATURE, None)
    if kept is not None and kept[0] == len(files):
        return str(kept[1])
    signature = digest(
        f"{f.src_uri}\0{f.dest_uri}\0{f.url}\0{f.inclusion.name}"
        for f in sorted(files, key=lambda f: f.src_uri)
    )
    setattr(files, _FILES_SIGNATURE, (len(files), signature))
    return signature


def _config_signature(config: MkDocsConfig) -> str:
    """The settings conversion reads, with each function named by its import path (its code
    is in the kept results' code version)."""
    return json.dumps(
        [
            config["markdown_extensions"],
            config["mdx_configs"],
            config["validation"],
            config["use_directory_urls"],
        ],
        sort_keys=True,
        default=_named,
    )


def _named(value: Any) -> Any:
    if isinstance(value, Mapping):  # MkDocs' sub-configurations
        return dict(value)
    if callable(value):
        return f"{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', repr(value))}"
    return f"{type(value).__module__}.{type(value).__qualname__}:{value!r}"

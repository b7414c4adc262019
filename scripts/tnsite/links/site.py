"""Scan a whole built site: every page parsed and classified, in parallel.

Parsing is CPU-bound and holds the GIL, so pages are split over worker processes (two on the
project's machines). Each worker resolves its pages' URLs against the site's file list itself
and sends back only the issues, the ids and the head metadata, which keeps the cost of moving
results between processes small.

The preview rebuilds every page on each save and scans in-process (its server runs threads):
a page whose HTML and whose site (the file set the links resolve against) are unchanged is
classified as before, so its result is kept by their digest.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from multiprocessing import get_context
from pathlib import Path

from tnsite.config import Project
from tnsite.links.classify import Context, Languages, check_anchors, classify
from tnsite.links.resolve import MISSING, Resolver
from tnsite.links.scan import ASSET, PageScan, Ref, css_urls, list_files, scan_html
from tnsite.memo import ContentMemo, digest

PARALLEL_MIN_PAGES = 60
_CONTEXT: Context | None = None
_CLASSIFIED: ContentMemo[PageScan] = ContentMemo(4096, keep="site-links")


@dataclass
class SiteScan:
    root: Path
    files: frozenset[str]
    pages: dict[str, PageScan]
    stylesheets: dict[str, list[tuple[str, Ref, str]]]  # path → (rule, ref, target) issues


def languages_of(project: Project) -> Languages:
    prefixes = sorted(
        ((lang.url_prefix, lang.code) for lang in project.languages),
        key=lambda item: -len(item[0]),
    )
    return Languages(tuple(prefixes), project.source_code)


def _init(ctx: Context) -> None:
    global _CONTEXT
    _CONTEXT = ctx


def _classify(path: str, text: str, ctx: Context) -> PageScan:
    return classify(scan_html(path, text), ctx)


def _scan_files(root: str, paths: list[str], ctx: Context | None = None) -> list[PageScan]:
    context = ctx or _CONTEXT
    assert context is not None
    return [_classify(path, _read(root, path), context) for path in paths]


def _read(root: str, path: str) -> str:
    with open(os.path.join(root, path), "rb") as handle:
        return handle.read().decode("utf-8", "replace")


def _kept_key(ctx: Context, path: str, text: str) -> tuple[str, str, str]:
    return (ctx.signature, path, text)


def _fresh_copy(page: PageScan) -> PageScan:
    """check_anchors adds to the issues of the scan it is given, never to the kept one."""
    return replace(page, issues=list(page.issues), anchors=list(page.anchors))


def _stylesheet_issues(root: Path, path: str, resolver: Resolver) -> list[tuple[str, Ref, str]]:
    text = (root / path).read_text(encoding="utf-8", errors="replace")
    if "url(" not in text and "@import" not in text:
        return []
    issues = []
    for line, url in css_urls(text):
        target = resolver.resolve(path, url)
        if target.status == MISSING:
            issues.append(("missing-asset", Ref(url, ASSET, "css", "url", line=line), target.path))
    return issues


def scan_site(
    root: Path,
    project: Project,
    *,
    workers: int | None = None,
    collect_external: bool = False,
) -> SiteScan:
    """Scan every .html page and .css stylesheet under `root` (a built site)."""
    files = list_files(root)
    resolver = Resolver(files, project.site_url)
    languages = languages_of(project)
    signature = digest([*sorted(files), project.site_url, repr(languages), str(collect_external)])
    ctx = Context(resolver, languages, collect_external, signature)
    html = sorted(p for p in files if p.endswith(".html"))
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    pages: dict[str, PageScan] = {}
    texts = {path: _read(str(root), path) for path in html}
    for path, text in texts.items():
        kept = _CLASSIFIED.known(_kept_key(ctx, path, text))
        if kept is not None:
            pages[path] = _fresh_copy(kept[0])
    todo = [path for path in html if path not in pages]
    # Forking a process that runs other threads (a test server, a browser driver) can copy a
    # held lock into the child: scan in-process then.
    if workers > 1 and len(todo) >= PARALLEL_MIN_PAGES and threading.active_count() == 1:
        # Interleaved chunks balance big and small pages; a few per worker smooth the tail.
        chunks = [todo[i :: workers * 3] for i in range(workers * 3)]
        with ProcessPoolExecutor(
            workers, mp_context=get_context("fork"), initializer=_init, initargs=(ctx,)
        ) as pool:
            scanned = [
                p
                for result in pool.map(_scan_files, [str(root)] * len(chunks), chunks)
                for p in result
            ]
    else:
        scanned = _scan_files(str(root), todo, ctx)
    for page in scanned:
        _CLASSIFIED.remember(_kept_key(ctx, page.path, texts[page.path]), page)
        pages[page.path] = _fresh_copy(page)
    check_anchors(pages)
    stylesheets = {}
    for path in sorted(p for p in files if p.endswith(".css")):
        issues = _stylesheet_issues(root, path, resolver)
        if issues:
            stylesheets[path] = issues
    return SiteScan(root, files, pages, stylesheets)

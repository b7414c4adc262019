"""Every publication in every language: composed from the written site, checked, printed (or
taken from the cache) and written beside the pages.

Nothing is written into the site until every publication of every language has passed its
checks and printed: one finding anywhere, and the build stops with no PDF published.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import os
import re
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import cast

from lxml import etree
from lxml import html as lxml_html

from tnsite.alternates import SourceIndex
from tnsite.config import Project
from tnsite.findings import Finding, Msg
from tnsite.images.cache import ContentCache
from tnsite.memo import ContentMemo, file_digest
from tnsite.numerals import long_date, native_digit_table
from tnsite.publish.catalogue import RULE, Catalogue, Publication
from tnsite.publish.compose import Composed, Composer, Cover, text_by_language
from tnsite.publish.download import output_path
from tnsite.publish.edition import w3c
from tnsite.publish.fonts import PrintFonts
from tnsite.publish.svgprint import SvgStyles, TextOutliner
from tnsite.sourcedate import SourceDates
from tnsite.urls import page_url

PRINT_CSS = Path(__file__).with_name("print.css")
DESIGN_VERSION = "1"  # bump when the printing code changes what the same input gives
FILE_URI = re.compile(r'file://[^"\')\s]+')
PDF_NAME = "publication.pdf"
SITE_MARK = "\0site\0"  # stands for the build's site folder in kept documents
_FINISHED: ContentMemo[str] = ContentMemo(64, keep="publications")


@dataclass(frozen=True)
class Job:
    """One publication in one language, ready to print."""

    pub_id: str
    lang: str
    out: str  # site-relative path of the PDF
    document: str
    key: str
    sources: tuple[str, ...]  # project-relative Markdown files, for findings


@dataclass(frozen=True)
class Printed:
    out: str
    pdf: bytes
    cached: bool


def counter_style(lang: str, native: bool) -> str:
    """`tn-digits`: page numbers in the digits the site's figures use in this language."""
    table = native_digit_table(lang) if native else {}
    if not table:
        return "@counter-style tn-digits { system: extends decimal; }\n"
    symbols = " ".join(f'"{table[ord(str(d))]}"' for d in range(10))
    return f"@counter-style tn-digits {{ system: numeric; symbols: {symbols}; }}\n"


def line_of(path: Path, needle: str) -> int:
    """The first line of a file that contains `needle` (1 when none does)."""
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if needle in line:
                return number
    except OSError:
        pass
    return 1


@cache  # read from the installed metadata once per process, not once per publication
def _printer_versions() -> tuple[str, str]:
    return version("weasyprint"), version("pydyf")


class Publisher:
    def __init__(
        self,
        project: Project,
        catalogue: Catalogue,
        strings: dict[str, dict[str, str]],
        site_dir: Path,
        *,
        output_dir: str,
        fonts_css: Path,
        stylesheets: list[Path],
        cache_dir: Path,
        native_digits: set[str],
        max_bytes: int,
    ) -> None:
        self.project = project
        self.catalogue = catalogue
        self.strings = strings
        self.site_dir = site_dir
        self.output_dir = output_dir
        self.native = native_digits
        self.max_bytes = max_bytes
        self.cache = ContentCache(cache_dir)
        self.fonts = PrintFonts(fonts_css, project.codes, catalogue.fonts, cache_dir / "fonts")
        sheets = [p.read_text(encoding="utf-8") for p in stylesheets]
        self.site_css = "\n".join(sheets)
        self.print_css = PRINT_CSS.read_text(encoding="utf-8")
        self.styles = SvgStyles([*sheets, self.print_css])
        self.outliner = TextOutliner(self.fonts)
        self.index = SourceIndex(project)
        # A publication's edition is its sources' date: one git log for every publication.
        self.dates = SourceDates(project.root)
        self.composer = Composer(
            project, site_dir, self.index, catalogue.path, line_of, cache_dir / "images"
        )

    # -- preparing ---------------------------------------------------------------------------

    def jobs(self) -> tuple[list[Job], list[Finding]]:
        jobs: list[Job] = []
        findings: list[Finding] = []
        for pub in self.catalogue.publications:
            date = self.dates.date(self._sources(pub))
            for lang in self.project.codes:
                job, problems = self._job(pub, lang, date)
                findings += problems
                if job is not None:
                    jobs.append(job)
        # A page printed in several languages (by fallback) has one cause, reported once.
        return jobs, list(dict.fromkeys(findings))

    def _sources(self, pub: Publication) -> list[Path]:
        files = [
            self.project.lang_dir(code) / md for code in self.project.codes for md in pub.pages
        ]
        return [*files, self.project.data_dir, self.project.root / self.catalogue.path]

    def _job(
        self, pub: Publication, lang: str, date: dt.datetime
    ) -> tuple[Job | None, list[Finding]]:
        strings = self.strings[lang]
        language = self.project.language(lang)
        edition = long_date(date.date(), lang, lang in self.native)
        online = self.project.site_url + language.url_prefix + page_url(pub.pages[0])
        cover = Cover(
            site_name=language.site_name,
            title=pub.titles[lang],
            edition=strings["edition"].format(date=edition),
            online_label=strings["online"],
            online_url=online,
            contents=strings["contents"],
            fallback_mark=strings["fallback_mark"],
        )
        composed = self.composer.compose(pub, lang, cover)
        if composed.findings:
            return None, list(composed.findings)
        document, findings = self._finished(pub, composed, cover, date, lang)
        if findings:
            return None, findings
        key = self._key(document)
        out = output_path(language.url_prefix, self.output_dir, pub.id)
        sources = tuple(chapter.source for chapter in composed.chapters)
        return Job(pub.id, lang, out, document, key, sources), []

    def _finished(
        self, pub: Publication, composed: Composed, cover: Cover, date: dt.datetime, lang: str
    ) -> tuple[str, list[Finding]]:
        """The document ready to print (styles inlined, text outlined in drawings), or what
        stops it. Kept between builds by everything it is made from: the composed pages (with
        the build's site folder, which changes from build to build, left out), the cover, the
        date, the styles and the fonts."""
        site = self.site_dir.resolve().as_uri()
        body = lxml_html.tostring(cast(lxml_html.HtmlElement, composed.body), encoding="unicode")
        parts = (
            DESIGN_VERSION,
            body.replace(site, SITE_MARK),
            repr(cover),
            date.isoformat(),
            lang,
            str(lang in self.native),
            repr(self.project.codes),
            self.site_css,
            self.print_css,
            self.fonts.digest,
            self.fonts.css(),
        )
        kept = _FINISHED.known(parts)
        if kept is not None:
            return kept[0].replace(SITE_MARK, site), []
        findings = self._glyph_findings(pub, composed)
        if findings:
            return "", findings
        root = self._document(composed, cover, date, lang)
        self.styles.apply(root)
        self.outliner.outline(root)
        document = "<!DOCTYPE html>\n" + lxml_html.tostring(
            cast(lxml_html.HtmlElement, root), encoding="unicode"
        )
        _FINISHED.remember(parts, document.replace(site, SITE_MARK))
        return document, []

    def _document(
        self, composed: Composed, cover: Cover, date: dt.datetime, lang: str
    ) -> etree._Element:
        css = (
            counter_style(lang, lang in self.native)
            + self.fonts.css()
            + self.site_css
            + self.print_css
        )
        stamp = w3c(date)
        head = (
            f'<head><meta charset="utf-8"><title>{html.escape(cover.title)}</title>'
            f'<meta name="author" content="{html.escape(cover.site_name)}">'
            f'<meta name="description" content="{html.escape(cover.title)} — '
            f'{html.escape(cover.site_name)}">'
            f'<meta name="generator" content="tnsite publish">'
            f'<meta name="dcterms.created" content="{stamp}">'
            f'<meta name="dcterms.modified" content="{stamp}">'
            f"<style>{css}</style></head>"
        )
        root = lxml_html.document_fromstring(f'<html lang="{lang}">{head}<body></body></html>')
        body = root.find("body")
        assert body is not None
        root.replace(body, cast(lxml_html.HtmlElement, composed.body))  # parsed by lxml.html
        return root

    def _glyph_findings(self, pub: Publication, composed: Composed) -> list[Finding]:
        """One finding per place, naming every character there that no font draws: an editor
        who wrote → and ≈ on one line mends both in one go."""
        text = text_by_language(composed.body, composed.lang, self.project.codes)
        places: dict[tuple[str, int], list[str]] = {}
        for gap in self.fonts.gaps(text):
            labels = places.setdefault(self._where(gap.char, composed, pub), [])
            if gap.label not in labels:
                labels.append(gap.label)
        findings = []
        for (rel, line), labels in places.items():
            listed = ", ".join(labels)
            findings.append(
                Finding(
                    rel,
                    line,
                    RULE,
                    Msg(
                        f"no font of the site has {listed}, so publication '{pub.id}' cannot "
                        "print it",
                        f"không phông chữ nào của trang web có {listed} nên ấn phẩm "
                        f"'{pub.id}' không in được",
                    ),
                    hint=Msg(
                        "write it in words (e.g. 'to' for →, 'about' for ≈), or name a font "
                        f"that has it under `fonts:` in {self.catalogue.path}",
                        "viết bằng chữ (ví dụ 'đến' thay cho →, 'khoảng' thay cho ≈), hoặc khai "
                        f"báo phông chữ có ký tự đó trong mục `fonts:` của {self.catalogue.path}",
                    ),
                )
            )
        return findings

    def _where(self, char: str, composed: Composed, pub: Publication) -> tuple[str, int]:
        """Where an editor wrote a character: a page, else a data file, else the catalogue."""
        candidates = [self.project.root / c.source for c in composed.chapters]
        candidates += sorted(self.project.data_dir.glob("*.yml"))
        candidates.append(self.project.root / self.catalogue.path)
        for path in candidates:
            try:
                if char in path.read_text(encoding="utf-8"):
                    return path.relative_to(self.project.root).as_posix(), line_of(path, char)
            except OSError:
                continue
        return self.catalogue.path, pub.line

    def _key(self, document: str) -> str:
        sha = hashlib.sha256()
        for part in (DESIGN_VERSION, *_printer_versions()):
            sha.update(part.encode() + b"\0")
        sha.update(self.fonts.digest.encode())
        # The staging folder's name changes from build to build, and a copy of the project sits
        # in another folder; the printed bytes change with neither.
        placed = document.replace(self.site_dir.resolve().as_uri(), "site:")
        sha.update(placed.replace(self.project.root.resolve().as_uri(), "project:").encode())
        # Files the document names (photos, unpacked fonts) count by their content, each file
        # read once per process although every publication names the same fonts.
        for uri in sorted(set(FILE_URI.findall(document))):
            path = Path(uri[len("file://") :])
            if path.is_file():
                sha.update(file_digest(path).encode())
        return sha.hexdigest()

    # -- printing ----------------------------------------------------------------------------

    def print_all(self, jobs: list[Job], workers: int) -> tuple[list[Printed], list[Finding]]:
        printed: list[Printed] = []
        findings: list[Finding] = []
        todo = []
        for job in jobs:
            meta = self.cache.lookup(job.key)
            if meta is not None:
                pdf = (self.cache.folder(job.key) / PDF_NAME).read_bytes()
                printed.append(Printed(job.out, pdf, True))
            else:
                todo.append(job)
        roots = (self.site_dir, self.project.root)
        count = min(len(todo), workers or os.cpu_count() or 1)
        results: Iterable[tuple[bytes, tuple[str, ...]]]
        if count > 1:
            with ProcessPoolExecutor(max_workers=count) as pool:
                results = list(
                    pool.map(_print, todo, [self.site_dir] * len(todo), [roots] * len(todo))
                )
        else:
            results = [_print(job, self.site_dir, roots) for job in todo]
        for job, (pdf, problems) in zip(todo, results, strict=True):
            if problems:
                findings += [self._render_finding(job, problem) for problem in problems]
                continue
            self.cache.store(job.key, {PDF_NAME: pdf}, {"out": job.out})
            printed.append(Printed(job.out, pdf, False))
        for item in printed:
            if len(item.pdf) > self.max_bytes:
                findings.append(self._size_finding(item))
        return printed, findings

    def _render_finding(self, job: Job, problem: str) -> Finding:
        """WeasyPrint's warning as an editor's finding: which image or character, on which
        page, without WeasyPrint's wording."""
        quoted = re.search(r'"([^"]+)"', problem)
        thing = quoted[1] if quoted else ""
        codepoint = re.search(r"U\+[0-9A-F]{4,6}", problem)
        if codepoint:
            what = Msg(
                f"no font draws the character '{thing}' ({codepoint[0]})",
                f"không phông chữ nào vẽ được ký tự '{thing}' ({codepoint[0]})",
            )
            needle = thing
        else:
            needle = thing.rsplit("/", 1)[-1]
            what = Msg(
                f"the image '{needle}' could not be loaded",
                f"không tải được ảnh '{needle}'",
            )
        source = next(
            (s for s in job.sources if needle and needle in self._read(s)),
            job.sources[0] if job.sources else self.catalogue.path,
        )
        return Finding(
            source,
            line_of(self.project.root / source, needle) if needle else 1,
            RULE,
            Msg(
                f"publication '{job.pub_id}' ({job.lang}): {what.en}",
                f"ấn phẩm '{job.pub_id}' ({job.lang}): {what.vi}",
            ),
            hint=Msg(
                "check that the image or text on this page shows on the site and that its "
                "file opens",
                "kiểm tra ảnh hoặc chữ trên trang này hiện được trên trang web và tệp của nó "
                "mở được",
            ),
        )

    def _read(self, rel: str) -> str:
        try:
            return (self.project.root / rel).read_text(encoding="utf-8")
        except OSError:
            return ""

    def _size_finding(self, item: Printed) -> Finding:
        megabytes = len(item.pdf) / 1_000_000
        limit = self.max_bytes / 1_000_000
        return Finding(
            self.catalogue.path,
            1,
            RULE,
            Msg(
                f"{item.out} is {megabytes:.1f} MB, more than the {limit:.1f} MB allowed",
                f"{item.out} nặng {megabytes:.1f} MB, quá mức {limit:.1f} MB cho phép",
            ),
            hint=Msg(
                "remove pages or large photos from the publication",
                "bớt trang hoặc ảnh lớn khỏi ấn phẩm",
            ),
        )

    def write(self, printed: list[Printed]) -> dict[tuple[str, str], int]:
        """Write every PDF into the site; (id, language) → size in bytes."""
        sizes = {}
        by_out = {
            output_path(self.project.language(code).url_prefix, self.output_dir, pub.id): (
                pub.id,
                code,
            )
            for pub in self.catalogue.publications
            for code in self.project.codes
        }
        for item in printed:
            target = self.site_dir / item.out
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.pdf)
            sizes[by_out[item.out]] = len(item.pdf)
        return sizes


def _print(job: Job, base: Path, roots: tuple[Path, ...]) -> tuple[bytes, tuple[str, ...]]:
    from tnsite.publish.render import render_pdf  # WeasyPrint loads in ~3 s: only when printing

    rendered = render_pdf(job.document, base, roots, job.key[:32])
    return rendered.pdf, rendered.problems

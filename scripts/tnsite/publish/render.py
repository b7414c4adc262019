"""Print HTML to PDF with WeasyPrint: tagged (PDF/UA-1), fonts embedded and subset, only local
files read, the same bytes for the same input.

Reproducible output: the document's dates come from its `<meta>` (set by the caller from
SOURCE_DATE_EPOCH or the newest source date), the file identifier is derived from the input's
hash, and PDF/UA metadata has no random part. Anything WeasyPrint could not draw (an image it
could not load, a character without a glyph) is returned as a problem instead of the warning
WeasyPrint would log and forget.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from tnsite.publish import weasy_glue
from tnsite.publish.weasy_glue import HTML, URLFetcher, URLFetcherResponse

PDF_VARIANT = "pdf/ua-1"
FATAL_MESSAGES = ("Failed to load", ".notdef glyph", "Error fetching", "Failed to draw")


class OutsideSite(ValueError):
    pass


class LocalFetcher(URLFetcher):
    """Reads files under the given folders only: a publication never makes a request."""

    def __init__(self, roots: tuple[Path, ...]) -> None:
        super().__init__(allowed_protocols=("file", "data"), fail_on_errors=False)
        self.roots = tuple(root.resolve() for root in roots)

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        if url.startswith("file:"):
            from urllib.request import url2pathname

            path = Path(url2pathname(url.split("?")[0].split("#")[0][len("file:") :])).resolve()
            if not any(path.is_relative_to(root) for root in self.roots):
                raise OutsideSite(f"{path} is outside the site")
        return super().fetch(url, headers)


@dataclass
class _Collector(logging.Handler):
    messages: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        logging.Handler.__init__(self, logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if any(key in message for key in FATAL_MESSAGES):
            self.messages.append(message)

    def __hash__(self) -> int:
        return id(self)


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    problems: tuple[str, ...]


def render_pdf(document: str, base: Path, roots: tuple[Path, ...], identifier: str) -> Rendered:
    weasy_glue.install()
    collector = _Collector()
    logger = logging.getLogger("weasyprint")
    # WeasyPrint warns about every screen-only CSS property of the site's stylesheets; what
    # matters (a figure or glyph it could not draw) is collected, the rest kept out of the log.
    propagate, logger.propagate = logger.propagate, False
    logger.addHandler(collector)
    try:
        pdf = HTML(
            string=document, base_url=base.resolve().as_uri() + "/", url_fetcher=LocalFetcher(roots)
        ).write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=identifier.encode("ascii"))
    finally:
        logger.removeHandler(collector)
        logger.propagate = propagate
    assert pdf is not None
    return Rendered(pdf, tuple(dict.fromkeys(collector.messages)))

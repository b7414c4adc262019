"""The one place that touches WeasyPrint's internals, behind a version gate.

WeasyPrint maps each glyph of a font to one piece of text, the first time it meets the glyph.
Khmer is drawn with glyphs that stand for parts of clusters (a pre-base vowel, a subscript
consonant), so the text a reader, a search or a screen reader gets back from the PDF comes out
scrambled ("ក្រោយការ" → "ក្រោយក្រោររ"). PDF's answer is `/ActualText`: each line of text is
wrapped in a marked-content span that carries the line's real text, so text extraction
(pdftotext, screen readers) reads the words as written while the glyphs stay shaped.

The wrapper goes around `weasyprint.draw.text.draw_first_line`, the function that draws one
line of text for HTML and for SVG. It is installed only for the version it was written
against: another version stops the build with a message saying what to check.

WeasyPrint also sets Pillow's process-wide LOAD_TRUNCATED_IMAGES when it is imported, which
would make the images plugin accept truncated photos for the rest of the process (a later
`mkdocs serve` rebuild, a test): the setting is put back as it was. The rest of the package
imports WeasyPrint from here, never directly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pydyf
from PIL import ImageFile

_TRUNCATED = ImageFile.LOAD_TRUNCATED_IMAGES
import weasyprint  # noqa: E402
import weasyprint.draw.text as draw_text  # noqa: E402
from weasyprint import HTML  # noqa: E402
from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: E402

ImageFile.LOAD_TRUNCATED_IMAGES = _TRUNCATED

__all__ = ["HTML", "URLFetcher", "URLFetcherResponse", "install", "weasyprint"]

TESTED_VERSION = "70.0"
_MARK = "_tnsite_actual_text"


class UnsupportedWeasyPrint(RuntimeError):
    pass


def _wrap(original: Callable[..., Any]) -> Callable[..., Any]:
    def draw_first_line(stream: Any, textbox: Any, *args: Any) -> Any:
        text = textbox.pango_layout.text
        if not text.strip():
            return original(stream, textbox, *args)
        properties = pydyf.Dictionary({"ActualText": pydyf.String(text)})
        stream.begin_marked_content("Span", properties.data)
        try:
            return original(stream, textbox, *args)
        finally:
            stream.end_marked_content()

    setattr(draw_first_line, _MARK, True)
    return draw_first_line


def install() -> None:
    """Make WeasyPrint write each line's real text (idempotent)."""
    if weasyprint.__version__ != TESTED_VERSION:
        raise UnsupportedWeasyPrint(
            f"tnsite/publish was written for WeasyPrint {TESTED_VERSION}, found "
            f"{weasyprint.__version__}: check that weasyprint.draw.text.draw_first_line still "
            "draws one line of text, then update TESTED_VERSION in "
            "scripts/tnsite/publish/weasy_glue.py"
        )
    if not getattr(draw_text.draw_first_line, _MARK, False):
        draw_text.draw_first_line = _wrap(draw_text.draw_first_line)

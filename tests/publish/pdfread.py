"""Reading the publications back the way their readers do: poppler's pdftotext (it honours
/ActualText, as screen readers do) and pdffonts, and pypdf for structure (bookmarks, links,
language, tags) and for the glyphs a content stream draws."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, NameObject

WHITESPACE = re.compile(r"[\s\u00a0\u200b\u00ad]+")


def need_poppler() -> None:
    if shutil.which("pdftotext") is None:
        pytest.fail("poppler-utils is not installed: .ci/run installs it (apt-get install)")


def squeeze(text: str) -> str:
    """NFC, without any whitespace: line breaks in the PDF fall anywhere."""
    return WHITESPACE.sub("", unicodedata.normalize("NFC", text))


def pdftotext(path: Path, first: int | None = None, last: int | None = None) -> str:
    need_poppler()
    args = ["pdftotext", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    result = subprocess.run(
        [*args, str(path), "-"], capture_output=True, text=True, check=True, timeout=120
    )
    return result.stdout


@dataclass(frozen=True)
class PdfFont:
    name: str
    embedded: bool
    subset: bool


def pdffonts(path: Path) -> list[PdfFont]:
    need_poppler()
    result = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True, timeout=60
    )
    fonts = []
    for line in result.stdout.splitlines()[2:]:
        tokens = line.split()
        if len(tokens) >= 7:
            fonts.append(PdfFont(tokens[0], tokens[-5] == "yes", tokens[-4] == "yes"))
    return fonts


@dataclass(frozen=True)
class Bookmark:
    title: str
    page: int  # 0-based
    children: tuple[Bookmark, ...]


def bookmarks(reader: PdfReader) -> list[Bookmark]:
    def walk(items: list) -> list[Bookmark]:  # type: ignore[type-arg]
        out: list[Bookmark] = []
        for item in items:
            if isinstance(item, list):
                if out:
                    last = out[-1]
                    out[-1] = Bookmark(last.title, last.page, tuple(walk(item)))
                continue
            out.append(Bookmark(str(item.title), reader.get_destination_page_number(item), ()))
        return out

    return walk(reader.outline)


@dataclass(frozen=True)
class Link:
    page: int
    uri: str | None
    dest: str | None


def links(reader: PdfReader) -> list[Link]:
    out = []
    for number, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            action = action.get_object() if action is not None else {}
            if action.get("/S") == "/URI":
                out.append(Link(number, str(action["/URI"]), None))
            elif action.get("/S") == "/GoTo" or "/Dest" in annot:
                dest = action.get("/D") if action else annot.get("/Dest")
                out.append(Link(number, None, str(dest.get_object() if dest else "")))
    return out


def named_destinations(reader: PdfReader) -> set[str]:
    return {str(name) for name in reader.named_destinations}


def pdf_lang(reader: PdfReader) -> str:
    return str(reader.trailer["/Root"].get("/Lang", ""))


@dataclass(frozen=True)
class Run:
    """The glyphs drawn inside one /ActualText span, and the font that drew them."""

    text: str
    font: str
    glyphs: tuple[int, ...]


def actual_text_runs(reader: PdfReader, page_number: int) -> list[Run]:
    page = reader.pages[page_number]
    resources = page["/Resources"]
    fonts = resources["/Font"] if "/Font" in resources else DictionaryObject()
    content = ContentStream(page.get_contents(), reader)
    runs: list[Run] = []
    current: list[int] | None = None
    text = ""
    font = ""
    depth = 0
    for operands, operator in content.operations:
        if operator == b"Tf":
            entry = fonts[NameObject(operands[0])].get_object()
            font = str(entry.get("/BaseFont", ""))
        elif operator == b"BDC":
            props = operands[1]
            props = props.get_object() if hasattr(props, "get_object") else props
            if current is None and isinstance(props, dict) and "/ActualText" in props:
                current, text, depth = [], str(props["/ActualText"]), 0
            elif current is not None:
                depth += 1
        elif operator == b"BMC" and current is not None:
            depth += 1
        elif operator == b"EMC" and current is not None:
            if depth == 0:
                runs.append(Run(text, font, tuple(current)))
                current = None
            else:
                depth -= 1
        elif operator in (b"TJ", b"Tj") and current is not None:
            items = operands[0] if isinstance(operands[0], ArrayObject) else [operands[0]]
            for item in items:
                if isinstance(item, bytes | str):
                    data = item.original_bytes if isinstance(item, str) else bytes(item)
                    current += [
                        int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)
                    ]
    return runs

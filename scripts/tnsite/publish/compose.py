"""One print document per publication and language, made from the site's own built pages.

Each chapter is the `<article>` of a built page in that language, so figures, tables and
sources are byte for byte what the site shows (a page missing in the language is the page the
site builds from the source language, with the site's own notice). What changes for print:

- ids are prefixed per chapter (every page numbers its sources `tn-src-1`…), and every
  reference to them follows;
- a link to a page inside the publication becomes a link inside the PDF; any other link to the
  site becomes its absolute address; the download link itself and heading permalinks go;
- a responsive photo prints its widest published variant; every image must be a readable file
  of the built site, or the page gets a finding;
- a cover, a table of contents and the chapters' sources as numbered notes (the site's list).
"""

from __future__ import annotations

import hashlib
import html
import io
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement
from PIL import Image, UnidentifiedImageError

from tnsite.alternates import SourceIndex
from tnsite.atomic import write_atomic
from tnsite.config import Project
from tnsite.findings import Finding, Msg
from tnsite.publish.catalogue import Publication
from tnsite.urls import page_url

RULE = "publication"
DROP_TAGS = ("script", "style")
# The footnotes' "back to the text" arrows (↩) too: on paper there is nothing to jump back to.
DROP_CLASSES = (
    "headerlink",
    "tn-pub-download",
    "md-content__button",
    "md-source-file",
    "footnote-backref",
)
REF_ATTRS = ("aria-labelledby", "aria-describedby", "headers", "for")
INTERNAL_HOST = "site.invalid"
JPEG_QUALITY = 85


@dataclass(frozen=True)
class Chapter:
    md: str  # in the language tree
    anchor: str  # id of the chapter in the print document
    title: str  # the page's h1 as the site shows it
    text_lang: str  # language the page's text is written in
    fallback: bool  # built from the source language's file
    source: str  # project-relative Markdown file


@dataclass
class Composed:
    lang: str
    body: etree._Element
    chapters: list[Chapter] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@dataclass(frozen=True)
class Cover:
    site_name: str
    title: str
    edition: str
    online_label: str
    online_url: str
    contents: str
    fallback_mark: str


def _has_class(element: etree._Element, name: str) -> bool:
    return name in (element.get("class") or "").split()


def _drop(article: etree._Element) -> None:
    """Screen-only parts: scripts, permalinks, the download link, edit buttons, the links back
    from footnotes."""
    doomed = [
        element
        for element in article.iter()
        if isinstance(element.tag, str)
        and (element.tag in DROP_TAGS or any(_has_class(element, name) for name in DROP_CLASSES))
    ]
    for element in doomed:
        if element.getparent() is not None:
            cast(HtmlElement, element).drop_tree()  # parsed by lxml.html


def _article(path: Path) -> tuple[etree._Element | None, str]:
    document = lxml_html.document_fromstring(path.read_bytes())
    found = document.xpath("//article")
    return (found[0] if found else None), (document.get("lang") or "")


def _local_target(href: str, base_url: str) -> tuple[str, str] | None:
    """('km/dau-tu/', 'fragment') for a link into the site; None for another site."""
    joined = urljoin(f"https://{INTERNAL_HOST}/{base_url}", href)
    parts = urlsplit(joined)
    if parts.netloc != INTERNAL_HOST or parts.scheme != "https":
        return None
    return unquote(parts.path.lstrip("/")), parts.fragment


def _picture(img: etree._Element) -> etree._Element | None:
    """The `<picture>` around an image (libxml2's HTML parser does not know `<source>` is
    empty and nests the `<img>` inside it)."""
    node = img.getparent()
    while node is not None and node.tag in ("source", "picture"):
        if node.tag == "picture":
            return node
        node = node.getparent()
    return None


def _widest(img: etree._Element) -> str | None:
    """The widest candidate of a responsive image (`<picture>` sources and `srcset`)."""
    candidates: list[tuple[float, str]] = []
    sets = [img.get("srcset")]
    picture = _picture(img)
    if picture is not None:
        sets += [source.get("srcset") for source in picture.iter("source")]
    for srcset in sets:
        for item in (srcset or "").split(","):
            bits = item.split()
            if not bits:
                continue
            width = float(bits[1][:-1]) if len(bits) > 1 and bits[1].endswith("w") else 0.0
            candidates.append((width, bits[0]))
    return max(candidates)[1] if candidates else img.get("src")


def _unreadable(path: Path) -> str | None:
    """Why a published image cannot be printed, or None."""
    if not path.is_file():
        return "missing"
    if path.suffix.lower() == ".svg":
        try:
            etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError:
            return "unreadable"
        return None
    try:
        with Image.open(path) as image:
            image.load()
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
        return "unreadable"
    return None


class Composer:
    def __init__(
        self,
        project: Project,
        site_dir: Path,
        index: SourceIndex,
        catalogue_rel: str,
        line_of: Callable[[Path, str], int],
        print_images: Path,
    ) -> None:
        self.print_images = print_images
        self.project = project
        self.site_dir = site_dir
        self.index = index
        self.catalogue_rel = catalogue_rel
        self.line_of = line_of

    def compose(self, pub: Publication, lang: str, cover: Cover) -> Composed:
        composed = Composed(lang, lxml_html.Element("body"))
        prefix = self.project.language(lang).url_prefix
        urls = {prefix + page_url(md): n for n, md in enumerate(pub.pages, start=1)}
        chapters: list[tuple[etree._Element, str]] = []
        ids: dict[int, set[str]] = {}
        for number, md in enumerate(pub.pages, start=1):
            url = prefix + page_url(md)
            built = self.site_dir / url / "index.html"
            located = self.index.locate(url + "index.html")
            source = located.source or f"{self.project.docs_dir.name}/{lang}/{md}"
            if not built.is_file():
                composed.findings.append(self._not_built(pub, md, lang))
                continue
            article, page_lang = _article(built)
            if article is None:
                composed.findings.append(self._not_built(pub, md, lang))
                continue
            _drop(article)
            for details in article.iter("details"):
                details.set("open", "open")  # paper cannot be clicked open
            anchor = f"c{number}"
            ids[number] = self._prefix_ids(article, anchor)
            heading = next(iter(article.iter("h1")), None)
            text = cast(HtmlElement, heading).text_content() if heading is not None else md
            title = " ".join(text.split())
            chapter = Chapter(
                md=md,
                anchor=anchor,
                title=title,
                text_lang=located.source_lang or lang,
                fallback=located.is_fallback,
                source=source,
            )
            section = etree.SubElement(composed.body, "section")
            section.set("id", anchor)
            section.set("class", "tnp-chapter md-typeset")
            if page_lang and page_lang != lang:
                section.set("lang", page_lang)
            section.text = article.text
            for child in list(article):
                section.append(child)
            composed.findings += self._images(section, url, chapter)
            composed.chapters.append(chapter)
            chapters.append((section, url))
        for section, url in chapters:
            self._links(section, url, urls, ids)
        composed.body.insert(0, self._toc(composed.chapters, cover))
        composed.body.insert(0, self._cover(cover))
        return composed

    def _not_built(self, pub: Publication, md: str, lang: str) -> Finding:
        return Finding(
            self.catalogue_rel,
            pub.line,
            RULE,
            Msg(
                f"publication '{pub.id}': page '{md}' was not built in '{lang}'",
                f"ấn phẩm '{pub.id}': trang '{md}' không được dựng bằng ngôn ngữ '{lang}'",
            ),
            hint=Msg(
                "list only pages the site publishes (pages in docs/, not excluded from the build)",
                "chỉ liệt kê các trang mà trang web đăng (trang trong docs/, không bị loại khỏi "
                "bản dựng)",
            ),
        )

    @staticmethod
    def _prefix_ids(article: etree._Element, anchor: str) -> set[str]:
        """Give every id the chapter's prefix and make every reference follow."""
        old: set[str] = set()
        for element in article.iter():
            if not isinstance(element.tag, str):
                continue
            value = element.get("id")
            if value:
                old.add(value)
                element.set("id", f"{anchor}-{value}")
        for element in article.iter():
            if not isinstance(element.tag, str):
                continue
            for name, value in list(element.attrib.items()):
                if name in REF_ATTRS:
                    element.set(
                        name,
                        " ".join(f"{anchor}-{t}" if t in old else t for t in value.split()),
                    )
                elif name in ("href", "{http://www.w3.org/1999/xlink}href", "xlink:href"):
                    if value.startswith("#") and value[1:] in old:
                        element.set(name, f"#{anchor}-{value[1:]}")
                elif "url(#" in value:
                    for ref in old:
                        value = value.replace(f"url(#{ref})", f"url(#{anchor}-{ref})")
                    element.set(name, value)
        return old

    def _links(
        self, section: etree._Element, url: str, urls: dict[str, int], ids: dict[int, set[str]]
    ) -> None:
        for link in section.iter("a"):
            href = link.get("href")
            if not href or href.startswith("#"):
                continue
            target = _local_target(href, url)
            if target is None:
                continue
            path, fragment = target
            number = urls.get(path.removesuffix("index.html"))
            if number is not None:
                inside = fragment and fragment in ids.get(number, set())
                link.set("href", f"#c{number}-{fragment}" if inside else f"#c{number}")
            else:
                absolute = self.project.site_url + path
                link.set("href", absolute + (f"#{fragment}" if fragment else ""))

    def _images(self, section: etree._Element, url: str, chapter: Chapter) -> list[Finding]:
        findings = []
        for img in list(section.iter("img")):
            chosen = _widest(img) or ""
            target = _local_target(chosen, url)
            picture = _picture(img)
            parent = picture.getparent() if picture is not None else None
            if picture is not None and parent is not None:
                img.tail = picture.tail
                parent.replace(picture, img)  # print needs one file, not a choice
            for name in ("srcset", "sizes", "loading", "decoding", "fetchpriority"):
                img.attrib.pop(name, None)
            problem: str | None
            file: Path | None
            if target is None:
                problem, file = "elsewhere", None
            else:
                file = self.site_dir / target[0]
                problem = _unreadable(file)
            if problem is None and file is not None:
                img.set("src", self._printable(file).resolve().as_uri())
                continue
            findings.append(
                self._image_finding(
                    chapter, img.get("src") or chosen, problem, target[0] if target else None
                )
            )
        return findings

    def _printable(self, file: Path) -> Path:
        """A WebP photo as a JPEG: PDF has no WebP, and WeasyPrint would store its pixels
        losslessly (a 1600 px photo: about 1.3 MB instead of about 0.3 MB)."""
        if file.suffix.lower() != ".webp":
            return file
        digest = hashlib.sha256(file.read_bytes()).hexdigest()[:32]
        out = self.print_images / f"{digest}-q{JPEG_QUALITY}.jpg"
        if out.is_file():
            return out
        with Image.open(file) as image:
            if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
                return file  # a drawing with transparency: keep it lossless
            buffer = io.BytesIO()
            image.convert("RGB").save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
        write_atomic(out, buffer.getvalue())
        return out

    def _image_finding(
        self, chapter: Chapter, src: str, problem: str | None, target: str | None
    ) -> Finding:
        name = posixpath.basename(urlsplit(src).path) or src
        source = self.project.root / chapter.source
        why = {
            "missing": ("is not in the built site", "không có trong trang đã dựng"),
            "unreadable": ("cannot be read as an image", "không đọc được như một ảnh"),
            "elsewhere": ("is on another website", "nằm trên một trang web khác"),
        }[problem or "missing"]
        return Finding(
            chapter.source,
            self.line_of(source, name),
            RULE,
            Msg(
                f"the image '{name}' cannot be printed: it {why[0]}",
                f"không in được ảnh '{name}': ảnh {why[1]}",
            ),
            hint=Msg(
                "use an image stored in the project (assets/) that opens in an image viewer",
                "dùng ảnh lưu trong dự án (assets/) và mở được bằng trình xem ảnh",
            ),
            extra={"target": target} if target else {},
        )

    @staticmethod
    def _cover(cover: Cover) -> etree._Element:
        return lxml_html.fragment_fromstring(
            '<section class="tnp-cover">'
            f'<p class="tnp-cover__site">{html.escape(cover.site_name)}</p>'
            f'<h1 class="tnp-cover__title">{html.escape(cover.title)}</h1>'
            f'<p class="tnp-cover__edition">{html.escape(cover.edition)}</p>'
            f'<p class="tnp-cover__online">{html.escape(cover.online_label)} '
            f'<a href="{html.escape(cover.online_url)}">{html.escape(cover.online_url)}</a></p>'
            "</section>"
        )

    @staticmethod
    def _toc(chapters: list[Chapter], cover: Cover) -> etree._Element:
        items = []
        for chapter in chapters:
            note = (
                f' <span class="tnp-toc__note">({html.escape(cover.fallback_mark)})</span>'
                if chapter.fallback
                else ""
            )
            lang = f' lang="{chapter.text_lang}"' if chapter.fallback else ""
            items.append(
                f'<li><a href="#{chapter.anchor}"><span class="tnp-toc__title"{lang}>'
                f"{html.escape(chapter.title)}</span>{note}</a></li>"
            )
        return lxml_html.fragment_fromstring(
            f'<nav class="tnp-toc" aria-labelledby="tnp-toc-title">'
            f'<h2 id="tnp-toc-title">{html.escape(cover.contents)}</h2>'
            f"<ol>{''.join(items)}</ol></nav>"
        )


def text_by_language(root: etree._Element, default: str, known: tuple[str, ...]) -> dict[str, str]:
    """All text of a document, grouped by the language it is written in (a language the site
    does not have is drawn with the fonts of the text around it)."""
    out: dict[str, list[str]] = {}

    def walk(element: etree._Element, lang: str) -> None:
        if not isinstance(element.tag, str) or element.tag in ("style", "script", "title"):
            return
        tagged = (element.get("lang") or "").split("-")[0].lower()
        own = tagged if tagged in known else lang
        if element.text:
            out.setdefault(own, []).append(element.text)
        for child in element:
            walk(child, own)
            if child.tail:
                out.setdefault(own, []).append(child.tail)

    walk(root, default)
    return {lang: "".join(parts) for lang, parts in out.items()}
